"""What each worker process needs to clean: the settings, and pipelines built once from them.

The CLI runs the same functions in its own process (``-j 1``) or in worker processes; the
settings travel to each worker once, at start-up, and every worker builds its pipelines from
them, so the output does not depend on how many workers there are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .clean import clean, default_pipeline
from .pipeline import Pipeline
from .result import Removal, Result

SHORT = 72  # characters of removed text shown by --explain


@dataclass(frozen=True)
class Settings:
    """How to clean, as given on the command line."""

    disable: tuple[str, ...] = ()
    language: str | None = None
    profile: str | None = None
    encoding: str | None = None
    explain: bool = False


class ProfileUnavailable(Exception):
    """``--profile`` or ``learn`` was asked for but ``cleantext.profile`` cannot be used."""


@dataclass
class _State:
    settings: Settings = field(default_factory=Settings)
    base: Pipeline | None = None
    profile: Any = None
    by_group: dict[str, Pipeline] = field(default_factory=dict)


_state = _State()


def load_profile(path: str | os.PathLike[str]) -> Any:
    """``cleantext.profile.Profile.load(path)``; ProfileUnavailable when it cannot be."""
    try:
        from . import profile as profile_module
    except ImportError as e:
        raise ProfileUnavailable(
            f"--profile needs the cleantext.profile module, which this install lacks ({e})"
        ) from None
    try:
        return profile_module.Profile.load(path)
    except FileNotFoundError:
        raise ProfileUnavailable(f"{os.fspath(path)}: no such profile file") from None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ProfileUnavailable(f"{os.fspath(path)}: not a usable profile: {e}") from None


def base_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline for the settings' language, less the disabled filters."""
    pipeline = default_pipeline(settings.language)
    if settings.disable:
        pipeline = pipeline.without(*settings.disable)
    return pipeline


def init(settings: Settings) -> None:
    """Set up this process to clean with ``settings`` (run once per worker)."""
    _state.settings = settings
    _state.base = base_pipeline(settings)
    _state.profile = load_profile(settings.profile) if settings.profile else None
    _state.by_group = {}


def pipeline_for(group: str) -> Pipeline:
    """The pipeline for documents of ``group`` (a site): the base one plus, with a profile,
    the filter that removes the lines learned for that group."""
    base = _state.base
    if base is None:
        init(_state.settings)
        base = _state.base
        assert base is not None
    if _state.profile is None:
        return base
    pipeline = _state.by_group.get(group)
    if pipeline is None:
        # After ``body``, last before ``whitespace``: run earlier, the profile's removals
        # change what the body scorer sees around a line, and it then drops article lines
        # (benchmarks/profile_quality.py measures both placements).
        pipeline = base.with_filter(_state.profile.filter(group))
        if len(_state.by_group) > 10_000:  # many sites: keep memory bounded
            _state.by_group.clear()
        _state.by_group[group] = pipeline
    return pipeline


def clean_text(text: str, group: str = "") -> Result:
    """Clean one document with this process's settings."""
    return clean(text, pipeline=pipeline_for(group), language=_state.settings.language)


def shorten(text: str, limit: int = SHORT) -> str:
    """One line of at most ``limit`` characters: line breaks shown as ⏎, middle elided."""
    flat = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")
    flat = flat.strip()
    if len(flat) <= limit:
        return flat
    half = (limit - 1) // 2
    return flat[:half] + "…" + flat[-(limit - 1 - half) :]


def explain(name: str, result: Result, decoding: str | None = None) -> list[str]:
    """The ``--explain`` lines for one document: a header, then one line per removal."""
    if _state.settings.language:
        lang = f"language {result.language} (given)"
    elif result.language:
        lang = f"language {result.language} (confidence {result.language_confidence:.2f})"
    else:
        lang = "language unknown"
    removed = len(result.original) - len(result.text)
    head = [decoding] if decoding else []
    head += [
        lang,
        f"{len(result.removals)} {'removal' if len(result.removals) == 1 else 'removals'}, "
        f"{removed:,} of {len(result.original):,} characters removed",
    ]
    lines = [f"{name}: " + "; ".join(head)]
    lines.extend(explain_removal(name, result, r) for r in result.removals)
    return lines


def explain_removal(name: str, result: Result, r: Removal) -> str:
    return f'{name}:{r.start}-{r.end} {r.filter}: {r.reason}: "{shorten(result.removed_text(r))}"'
