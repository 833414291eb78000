"""The story timeline: events merged across articles, dated, ordered, with conflicts."""

from storytrace.timeline.build import build_timeline

__all__ = ["build_timeline"]
