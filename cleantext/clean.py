"""The public verb: ``clean(text)``, and the shipped filter order."""

from __future__ import annotations

from . import lang
from .filters import (
    Bio,
    Body,
    Comments,
    Credits,
    Markers,
    Repeats,
    Script,
    Tail,
    Teasers,
    Whitespace,
    Zones,
)
from .page import Page
from .pipeline import Pipeline
from .result import Result


def default_pipeline(language: str | None = None) -> Pipeline:
    """The shipped filters in their order; earlier filters win where two claim a span."""
    return Pipeline(
        [
            Script(),
            Markers(),
            Credits(),
            Zones(),
            Teasers(),
            Tail(),
            Repeats(),
            Comments(),
            Bio(),
            Body(),
            Whitespace(),
        ]
    )


def clean(text: str, *, pipeline: Pipeline | None = None, language: str | None = None) -> Result:
    """Remove the boilerplate from ``text`` and say what went and why.

    ``language`` is an ISO 639-1 code; without it the language is guessed from stopwords.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    confidence = 1.0
    if language is None:
        language, confidence = lang.guess(text)
    page = Page(text, lang.stopwords(language or "en"), language=language)
    pipeline = pipeline if pipeline is not None else default_pipeline()
    return Result(text, tuple(pipeline.run(page)), language, confidence)
