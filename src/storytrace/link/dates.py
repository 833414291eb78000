"""Publication dates as numbers, and which of two articles came first.

``published`` is whatever the input gave: a date (``2026-03-02``), a date and
time (``2026-03-02T14:10``, with or without seconds, ``Z`` or an offset), or
nothing. Two articles are ordered at the precision both have: a date-only
article and one timed on the same day can't be told apart.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

__all__ = ["day_number", "earlier"]


def _parse(published: str | None) -> tuple[date, datetime | None] | None:
    if not published:
        return None
    text = published.strip()
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    if len(text) <= 10:
        return day, None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return day, None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return day, moment


def day_number(published: str | None) -> float | None:
    """Days since 1970-01-01 (fractional when a time is given), or None when undated."""
    parsed = _parse(published)
    if parsed is None:
        return None
    day, moment = parsed
    if moment is not None:
        return moment.timestamp() / 86400.0
    return float((day - date(1970, 1, 1)).days)


def earlier(a: str | None, b: str | None) -> int:
    """-1 when ``a`` is earlier than ``b``, 1 when later, 0 when the dates can't tell."""
    pa, pb = _parse(a), _parse(b)
    if pa is None or pb is None:
        return 0
    if pa[1] is not None and pb[1] is not None:
        first, second = pa[1], pb[1]
        return -1 if first < second else (1 if first > second else 0)
    return -1 if pa[0] < pb[0] else (1 if pa[0] > pb[0] else 0)
