"""A datatrove pipeline step that cleans ``Document.text`` with a cleantext pipeline.

datatrove runs the same step on its local, Slurm and Ray executors, so one cleantext
pipeline scales from a laptop to a cluster without an engine of our own. The removals stay
in ``Document.metadata`` as plain JSON, so nothing is lost: the original text is the clean
text plus the removals. Statistics are counted the datatrove way, one key per filter name.

Install with ``pip install 'cleantext-boilerplate[datatrove]'``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from .. import clean, default_pipeline
from ..pipeline import Pipeline


class CleantextStep(PipelineStep):  # type: ignore[misc]
    """Cleans each document's text; keeps its removals under ``metadata[removals_key]``.

    ``drop_filters`` removes named filters from the default pipeline (``("body",)`` after an
    HTML extractor); ``pipeline`` replaces it; ``profile`` (a path written by ``cleantext
    learn``) adds the corpus-learned filter, with the group taken from ``metadata[group_key]``.
    """

    name = "🧹 cleantext"
    type = "🔧 - FORMAT"

    def __init__(
        self,
        *,
        language: str | None = None,
        drop_filters: tuple[str, ...] = (),
        pipeline: Pipeline | None = None,
        profile: str | None = None,
        group_key: str = "url",
        removals_key: str = "cleantext",
        drop_empty: bool = False,
    ) -> None:
        super().__init__()
        self.language = language
        self.pipeline = (pipeline or default_pipeline()).without(*drop_filters)
        self.profile_path = profile
        self.group_key = group_key
        self.removals_key = removals_key
        self.drop_empty = drop_empty
        self._profile: Any = None

    def _pipeline_for(self, metadata: dict[str, Any]) -> Pipeline:
        if self.profile_path is None:
            return self.pipeline
        from ..profile import Profile, site_of

        if self._profile is None:
            self._profile = Profile.load(self.profile_path)
        group = site_of(str(metadata.get(self.group_key, "")))
        # After ``body`` (see cleantext.worker): earlier, it makes the body scorer drop
        # article lines.
        return self.pipeline.with_filter(self._profile.filter(group))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for document in data:
            self.stat_update("documents")
            with self.track_time():
                result = clean(
                    document.text,
                    pipeline=self._pipeline_for(document.metadata),
                    language=self.language,
                )
            document.metadata[self.removals_key] = {
                "removals": [r.to_dict() for r in result.removals],
                "language": result.language,
            }
            for name, stats in result.stats().items():
                self.stat_update(name, value=stats["removals"])
                self.stat_update(f"{name}_chars", value=stats["chars"], unit="doc")
            self.stat_update("chars_in", value=len(document.text), unit="doc")
            self.stat_update("chars_out", value=len(result.text), unit="doc")
            document.text = result.text
            if self.drop_empty and not result.text.strip():
                self.stat_update("dropped_empty")
                continue
            yield document
