"""storytrace: who said what, to whom, when, and according to whom, across news coverage."""

from storytrace.errors import StorytraceError

__all__ = ["StorytraceError", "__version__"]

__version__ = "0.1.0"
