"""Configuration: one commented default file, overridden key by key by a user file.

``load_config(path)`` reads ``default_config.toml`` shipped with the package,
then the user's TOML file, and returns one validated, frozen :class:`Config`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storytrace.errors import ConfigError

__all__ = ["Config", "FetchConfig", "ParseConfig", "load_config"]


@dataclass(frozen=True, slots=True)
class ParseConfig:
    model: str
    batch_size: int
    max_chars: int


@dataclass(frozen=True, slots=True)
class FetchConfig:
    timeout: float
    max_bytes: int
    max_redirects: int
    user_agent: str


@dataclass(frozen=True, slots=True)
class Config:
    store_path: str
    parse: ParseConfig
    stages: tuple[str, ...]
    fetch: FetchConfig


def _read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", input=where) from exc


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if key not in base:
            raise ConfigError(
                f"unknown key {key!r}", input=where, hint=f"known keys: {', '.join(sorted(base))}"
            )
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{key!r} must be a table", input=where)
            merged[key] = _merge(base[key], value, where)
        elif type(value) is not type(base[key]) and not (
            isinstance(base[key], float) and isinstance(value, int)
        ):
            raise ConfigError(
                f"{key!r} must be {type(base[key]).__name__}, not {type(value).__name__}",
                input=where,
            )
        else:
            merged[key] = value
    return merged


def _positive(value: float, key: str, where: str) -> None:
    if value <= 0:
        raise ConfigError(f"{key} must be positive, got {value}", input=where)


def load_config(path: str | Path | None = None) -> Config:
    """Defaults overridden by the TOML file at ``path`` (when given)."""
    default_text = resources.files("storytrace").joinpath("default_config.toml").read_text("utf-8")
    data = _read_toml(default_text, "default_config.toml")
    where = "default_config.toml"
    if path is not None:
        where = str(path)
        try:
            user_text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read config file ({exc.strerror})", input=where) from exc
        data = _merge(data, _read_toml(user_text, where), where)
    parse = ParseConfig(**data["parse"])
    fetch = FetchConfig(**{**data["fetch"], "timeout": float(data["fetch"]["timeout"])})
    for key, value in (
        ("parse.batch_size", parse.batch_size),
        ("parse.max_chars", parse.max_chars),
        ("fetch.timeout", fetch.timeout),
        ("fetch.max_bytes", fetch.max_bytes),
    ):
        _positive(value, key, where)
    return Config(
        store_path=data["store"]["path"],
        parse=parse,
        stages=tuple(data["extract"]["stages"]),
        fetch=fetch,
    )
