"""Options for one ``read_inputs`` call: how to fetch URLs, and metadata for ``.txt`` inputs."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_FETCH", "NO_METADATA", "FetchOptions", "Metadata"]


@dataclass(frozen=True)
class FetchOptions:
    """Limits for fetching http(s) inputs (and feed entries that must be fetched)."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = "storytrace/0.1 (+news attribution research tool)"


@dataclass(frozen=True)
class Metadata:
    """Metadata the CLI gives for the ``.txt`` inputs of one call (plain text carries none)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


# module-level defaults (a call in an argument default would be evaluated once anyway)
NO_METADATA = Metadata()
DEFAULT_FETCH = FetchOptions()
