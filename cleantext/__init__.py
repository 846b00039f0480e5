"""cleantext: strip boilerplate from text scraped off article pages.

``clean(text)`` returns a Result: the clean text, the kept pieces with their offsets in the
original, and every removal with the filter that made it and why.
"""

from __future__ import annotations

from .clean import clean, default_pipeline
from .page import Page
from .pipeline import Filter, LineFilter, Pipeline
from .result import Piece, Removal, Result

__version__ = "0.1.0"

__all__ = [
    "Filter",
    "LineFilter",
    "Page",
    "Piece",
    "Pipeline",
    "Removal",
    "Result",
    "__version__",
    "clean",
    "default_pipeline",
]
