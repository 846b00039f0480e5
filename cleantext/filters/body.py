"""What is left once the marker filters are done: navigation runs, footers, teaser lists and
link farms that no phrase gives away, told from the article by the shape of the text.

jusText's idea in text form, with learned weights: first score each line by its own
features (length, finished sentence, stopword share, capitalised words), then revise the
score by its neighbours and by where it sits relative to the article's body (the densest
run of prose). The weights ship as data (``cleantext/data/body_model.json``) and
``benchmarks/train_body.py`` trains them from the benchmark folder. Every removal names the
evidence that weighed most against the line, not just a number.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .. import codepoints
from ..page import BAR, CODE, CODE_SYMBOLS, COMMA, SEPARATOR, Page
from ..pipeline import LineFilter
from .markers import quote

# Lines worth of context on each side for the neighbourhood features.
NEAR = 3
FAR = 10
SANDWICH = 4
# A line of prose for the body region: a finished sentence of this many words or more.
REGION_MIN_WORDS = 6
# What a line that is not prose costs the body region, in words.
REGION_COST = 6.0
# A character that code uses and prose hardly does (those ``Page.few_code_symbols`` counts).
CODE_SYMBOL = re.compile(f"[{re.escape(CODE_SYMBOLS)}]")
# A line of at most this many words that is not a sentence is short: menus are runs of them.
SHORT_LINE_WORDS = 5
NUMBERED = re.compile(r"\d{1,3}[.)]\s")
HEADLINE_MAX_WORDS = 30
LONG_PARAGRAPH_WORDS = 60
HEADLINE_OVERLAP = 0.6
SEPARATORS = (" | ", "»", " · ", " / ", " • ")
BULLET_CHARS = "•-*–·▪►"
_WORD_CHAR = re.compile(r"\w")

Floats = NDArray[np.float64]
Mask = NDArray[np.bool_]
Column = Floats

# Feature names, in order; the trainer and the filter share this list.
LINE_FEATURES = (
    "chars",
    "words",
    "sentence",
    "ellipsis",
    "colon",
    "stopwords",
    "no_stoplist",
    "capitalised",
    "commas",
    "separators",
    "repeated",
    "bullet",
    "prose_near",
    "prose_far",
    "words_near",
    "short_run",
    "in_body",
    "body_distance",
    "after_body",
    "position",
    "prose_before",
    "prose_after",
    "one_word",
    "two_three_words",
    "four_six_words",
    "seven_twelve_words",
    "long",
    "page_prose_share",
    "short_in_body",
    "prose_outside_body",
    "question",
    "numbered",
    "heading_before_prose",
)
CONTEXT_FEATURES = (
    "own",
    "near_mean",
    "far_mean",
    "wide_mean",
    "prev",
    "next",
    "best_before",
    "best_after",
    "sandwich",
    "in_body",
    "body_distance",
    "after_body",
    "page_prose_share",
)


@dataclass(frozen=True)
class Layers:
    """Two logistic layers: per line, then per line with its neighbours' scores."""

    line: dict[str, float]
    context: dict[str, float]
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Layers:
        return cls(dict(data["line"]), dict(data["context"]), float(data["threshold"]))

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "line": self.line, "context": self.context}

    # Prepared once per model (the layers are not changed once made): the terms of each
    # layer over its columns, and the evidence the explanations weigh.

    @cached_property
    def line_terms(self) -> _Terms:
        return _Terms.of(self.line, (*LINE_FEATURES, "structured"))

    @cached_property
    def context_terms(self) -> _Terms:
        return _Terms.of(self.context, CONTEXT_FEATURES)

    @cached_property
    def evidence(self) -> _Evidence:
        return _Evidence.of(self)


@dataclass(frozen=True)
class Model:
    """Layers for raw page text, and gentler ones for text an extractor already cut down.

    A page still holds its menus: somewhere it has a long run of short lines, and above the
    article a header. Text without either (trafilatura's output, a clean article) is scored
    by the ``extracted`` layers, trained on such texts, so that the filter does not take its
    subheadings, lists or tables for a menu.
    """

    page: Layers
    extracted: Layers
    max_short_run: int
    max_short_share: float
    # At most this many lines above the article's body: the page's header was cut off.
    # Negative: the rule is off.
    max_lines_before_body: int = -1

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        rule = data["extracted_if"]
        return cls(
            Layers.from_dict(data["page"]),
            Layers.from_dict(data["extracted"]),
            int(rule["max_short_run"]),
            float(rule["max_short_share"]),
            int(rule.get("max_lines_before_body", -1)),
        )

    def regime(self, cols: Mapping[str, ArrayLike]) -> str:
        """``"extracted"`` for a text that starts with its article (no more than
        ``max_lines_before_body`` lines above the body: no site header or menu) or that has
        no run of short lines longer than the rule's.

        Table rows and code lines (the ``structured`` column) do not count: an extractor
        keeps an article's tables and code as runs of short lines, which are not a menu."""
        words, sentence = np.asarray(cols["words"]), np.asarray(cols["sentence"])
        if not len(words):
            return "page"
        k = self.max_lines_before_body
        if k >= 0 and bool((np.asarray(cols["in_body"])[: k + 1] == 1.0).any()):
            return "extracted"
        # Runs and shares over the lines that are not structure. ``words`` holds log1p of the
        # word count: a short line has words <= log1p(SHORT_LINE_WORDS) and is no sentence;
        # a one-to-three-word line has 0 < words <= log1p(3).
        short_limit, few_limit = math.log1p(SHORT_LINE_WORDS), math.log1p(3)
        structure = cols.get("structured")
        if structure is not None:
            plain = np.asarray(structure) == 0.0
            words, sentence = words[plain], sentence[plain]
        n = len(words)
        if not n:
            return "extracted"
        longest = _longest_run((words <= short_limit) & (sentence == 0.0))
        short = int(np.count_nonzero((words > 0) & (words <= few_limit)))
        if longest <= self.max_short_run and short <= self.max_short_share * n:
            return "extracted"
        return "page"

    def layers(self, regime: str) -> Layers:
        return self.extracted if regime == "extracted" else self.page


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    path = resources.files("cleantext") / "data" / "body_model.json"
    return Model.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _runs(flags: NDArray[np.bool_]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """First and last index of each run of true values."""
    padded = np.zeros(len(flags) + 2, dtype=np.int8)
    padded[1:-1] = flags
    edges = padded[1:] - padded[:-1]
    return (edges == 1).nonzero()[0], (edges == -1).nonzero()[0] - 1


def _longest_run(flags: NDArray[np.bool_]) -> int:
    """The length of the longest run of true values."""
    first, last = _runs(flags)
    return int((last - first).max()) + 1 if len(first) else 0


def _kadane(values: ArrayLike) -> tuple[int, int]:
    """The span of consecutive values with the largest sum (``(0, -1)`` when empty).

    The values are integers (word counts and costs), so prefix sums are exact and the span
    is the one the classic loop finds: it restarts where the running sum fell to zero or
    below, and keeps the first span of the largest sum.
    """
    v = np.asarray(values, dtype=np.int64)
    n = len(v)
    if not n:
        return 0, -1
    prefix = np.zeros(n + 1, dtype=np.int64)
    v.cumsum(out=prefix[1:])
    before = prefix[:-1]
    # Each span starts at the last prefix that is a running minimum.
    low = before == np.minimum.accumulate(before)
    start = np.maximum.accumulate(np.where(low, np.arange(n), 0))
    k = int((prefix[1:] - before.take(start)).argmax())
    return int(start[k]), k


@lru_cache(maxsize=64)
def _window_widths(n: int, k: int) -> tuple[Floats, Mask]:
    """For each of n positions, the number of its neighbours within k on each side (as
    floats), and where there is any."""
    j = np.arange(n)
    width = np.minimum(n, j + k + 1) - np.maximum(0, j - k) - 1
    return width.astype(np.float64), width > 0


@lru_cache(maxsize=64)
def _edge_widths(k: int) -> Floats:
    """The neighbour counts of the first k positions of a column longer than 2k (the last
    k are these reversed); every other position has 2k."""
    return np.arange(k, 2 * k, dtype=np.float64)


def _window_means(values: ArrayLike, *ks: int) -> list[Floats]:
    """``_window_mean`` of one column for several k, sharing its prefix sums.

    The prefix sums are padded with their first value (0) before and their last after, so
    that each window's ends are two slices of the padding; the interior divides by 2k, the
    k positions at each end by their own count."""
    v = np.asarray(values, dtype=np.float64)
    n = len(v)
    m = max(ks)
    padded = np.zeros(n + 1 + 2 * m)
    np.add.accumulate(v, out=padded[m + 1 : m + 1 + n])  # ``cumsum``, called directly
    padded[m + 1 + n :] = padded[m + n]
    means = []
    for k in ks:
        # prefix[min(n, j + k + 1)] - prefix[max(0, j - k)] - v[j], for every j.
        diff = padded[m + k + 1 : m + k + 1 + n] - padded[m - k : m - k + n] - v
        if n > 2 * k:
            out = diff / (2.0 * k)
            edge = _edge_widths(k)
            out[:k] = diff[:k] / edge
            out[n - k :] = diff[n - k :] / edge[::-1]
        else:
            width, some = _window_widths(n, k)
            out = np.zeros(n)
            np.divide(diff, width, out=out, where=some)
        means.append(out)
    return means


def _window_mean(values: ArrayLike, k: int) -> Floats:
    """Mean of ``values`` over the k neighbours on each side, the value itself left out.

    The same operations, in the same order, as the plain loop ``(prefix[b] - prefix[a] -
    value) / (b - a - 1)`` with sequential prefix sums, so every mean is bit for bit the
    loop's."""
    return _window_means(values, k)[0]


def _log1p(counts: NDArray[np.int64]) -> Floats:
    """``math.log1p`` of non-negative integers, from a table (``numpy.log1p`` may differ in
    the last bit); the few values beyond the table are computed one by one."""
    table = _log1p_table()
    big = counts >= len(table)
    out = table.take(np.minimum(counts, len(table) - 1))
    if big.any():
        out[big] = np.fromiter(map(math.log1p, counts[big].tolist()), dtype=np.float64)
    return out


@lru_cache(maxsize=1)
def _log1p_table(size: int = 4096) -> Floats:
    return np.array([math.log1p(i) for i in range(size)])


@dataclass(frozen=True)
class _Joined:
    """Lines' code points one after another, each after a space: ``" " + " ".join(lines)``,
    with where each line ends in it (exclusive)."""

    codes: codepoints.Codes
    ends: NDArray[np.int64]
    lengths: NDArray[np.int64]

    @classmethod
    def of(cls, lines: list[str], lengths: NDArray[np.int64]) -> _Joined:
        ends = (lengths + 1).cumsum()
        return cls(codepoints.codes(" " + " ".join(lines)), ends, lengths)

    @property
    def firsts(self) -> codepoints.Codes:
        """Each (non-empty) line's first code point."""
        return self.codes.take(self.ends - self.lengths)

    @property
    def lasts(self) -> codepoints.Codes:
        """Each (non-empty) line's last code point."""
        return self.codes.take(self.ends - 1)

    def capitalised(self) -> NDArray[np.int64]:
        """For each line, how many of its whitespace-separated words (``str.split``) start
        with a capital letter (``str.isupper``): the capitals after a space, as every line
        opens after one."""
        kind = codepoints.space_or_upper(self.codes)
        # The capitals (never the first character, a space), then those after a space.
        upper = (kind == 2).nonzero()[0]
        at = upper.compress(kind.take(upper - 1) == 1)
        # Line j's characters are those at ends[j-1] < i < ends[j].
        bounds = np.zeros(len(self.ends) + 1, dtype=np.int64)
        bounds[1:] = self.ends
        found = at.searchsorted(bounds)
        counts: NDArray[np.int64] = found[1:] - found[:-1]
        return counts


# Word-count bands, one column each, by word count (41 and more: 41).
_BAND_NAMES = ("one_word", "two_three_words", "four_six_words", "seven_twelve_words", "long")
_BANDS = np.array(
    [[x == 1, 2 <= x <= 3, 4 <= x <= 6, 7 <= x <= 12, x > 40] for x in range(42)],
    dtype=np.float64,
).T.copy()


def line_features(page: Page, removed: Sequence[bool]) -> tuple[list[int], dict[str, Column]]:
    """The lines still kept and not blank, and each feature as a column over them.

    The filter computes some forty values for each line of every page, so each column is
    an array operation over all lines, from the page's array columns.
    """
    lengths = page.length_array
    if len(removed):
        act_ix = ((lengths > 0) & ~np.array(removed, dtype=np.bool_)).nonzero()[0]
    else:
        act_ix = np.zeros(0, dtype=np.intp)
    act: list[int] = act_ix.tolist()
    n = len(act)
    stripped = page.stripped
    lines = list(map(stripped.__getitem__, act))
    w = page.word_array.take(act_ix)
    ends = page.sentence_array.take(act_ix)
    line_lengths = lengths.take(act_ix)
    # The lines' code points, one after another, each after a space (``_Joined``): their
    # first and last characters, and the capitals that open a word.
    joined = _Joined.of(lines, line_lengths)
    first, last = joined.firsts, joined.lasts
    counts = page.char_counts.take(act_ix, axis=0)
    has_words = w > 0
    f = np.float64

    cols: dict[str, Column] = {}
    cols["chars"] = _log1p(line_lengths)
    cols["words"] = _log1p(w)
    cols["sentence"] = ends.astype(f)
    cols["ellipsis"] = page.ellipsis_array.take(act_ix).astype(f)
    cols["colon"] = (last == ord(":")).astype(f)
    cols["stopwords"] = _ratio(page.stopword_array.take(act_ix), w, has_words)
    cols["no_stoplist"] = np.full(n, 0.0 if page.stopwords else 1.0)
    few = has_words & (w <= 15)
    cols["capitalised"] = _ratio(joined.capitalised(), w, few)
    commas = counts[:, COMMA]
    cols["commas"] = np.minimum(1.0, _ratio(5.0 * commas, w, has_words & (commas > 0)))
    separated = np.zeros(n)
    # Only a line that holds one of the separators' characters can hold a separator.
    maybe = ((counts[:, BAR] + counts[:, SEPARATOR]) != 0).nonzero()[0].tolist()
    separated[[j for j in maybe if any(map(lines[j].__contains__, SEPARATORS))]] = 1.0
    cols["separators"] = separated
    seen = Counter(lines)
    if len(seen) == n:
        cols["repeated"] = np.zeros(n)
    else:
        cols["repeated"] = (np.array(list(map(seen.__getitem__, lines))) > 1).astype(f)
    cols["bullet"] = codepoints.is_any(first, BULLET_CHARS).astype(f)
    prose = page.prose_array.take(act_ix)
    p = prose.astype(f)
    cols["prose_near"], cols["prose_far"] = _window_means(p, NEAR, FAR)
    cols["words_near"] = _window_mean(cols["words"], 2)
    # Runs of short lines that are not sentences: menus, tag lists, link lists.
    short = (w <= SHORT_LINE_WORDS) & ~ends
    run = np.zeros(n)
    run_first, run_last = _runs(short)
    if len(run_first):
        sizes = run_last - run_first + 1
        run[short] = np.repeat(_log1p(sizes), sizes)
    cols["short_run"] = run
    # The body: the run of lines where finished sentences outweigh everything else.
    a, b = _kadane(np.where(ends & (w >= REGION_MIN_WORDS), w, -int(REGION_COST)))
    in_body = np.zeros(n)
    in_body[a : b + 1] = 1.0
    cols["in_body"] = in_body
    distance = np.zeros(n, dtype=np.int64)
    distance[:a] = np.arange(a, 0, -1)
    distance[b + 1 :] = np.arange(1, n - b)
    cols["body_distance"] = _log1p(distance)
    after = np.zeros(n)
    after[b + 1 :] = 1.0
    cols["after_body"] = after
    cols["position"] = np.arange(n) / n if n else np.zeros(0)
    before_p, after_p = np.zeros(n), np.zeros(n)
    before_p[1:], after_p[:-1] = p[:-1], p[1:]
    cols["prose_before"] = before_p
    cols["prose_after"] = after_p
    # Word-count bands, so that a linear model can treat a one-word line unlike a
    # three-word one.
    bands = _BANDS.take(np.minimum(w, 41), axis=1)
    for name, band in zip(_BAND_NAMES, bands):
        cols[name] = band
    # Text that an extractor already cut down to the article is mostly prose: there, a
    # short line is a subheading far more often than a menu item.
    cols["page_prose_share"] = np.full(n, int(prose.sum()) / n) if n else np.zeros(0)
    # Interactions a linear model cannot form itself.
    cols["short_in_body"] = in_body * (w <= SHORT_LINE_WORDS)
    cols["prose_outside_body"] = (1.0 - in_body) * p
    cols["question"] = (last == ord("?")).astype(f)
    # Only a line that opens with a digit can be numbered: the pattern runs on those alone.
    numbered = np.zeros(n)
    digit = codepoints.is_digit(first).nonzero()[0].tolist()
    numbered[[j for j in digit if NUMBERED.match(lines[j])]] = 1.0
    cols["numbered"] = numbered
    bar = ord("|")
    row = (first == bar) & (last == bar) & (counts[:, BAR] >= 3)
    code = (counts[:, CODE] > 0) & ~page.few_symbols.take(act_ix)
    cols["structured"] = (row | code).astype(f)
    cols["heading_before_prose"] = ((w <= 15) & ~ends & (after_p != 0.0)).astype(f)
    return act, cols


def _ratio(num: ArrayLike, den: NDArray[np.int64], where: NDArray[np.bool_]) -> Floats:
    """``num / den`` where ``where`` holds, else 0.0."""
    out = np.zeros(len(den))
    np.divide(num, den, out=out, where=where)
    return out


def _logit(weights: Mapping[str, float], cols: Mapping[str, ArrayLike], n: int) -> Floats:
    """bias + sum of weight * feature for each line, the features added in column order.

    The products of every weighed column, then a running sum down the columns, bias first:
    the same additions in the same order as ``bias + w0 * f0 + w1 * f1 + …`` line by line
    (not a matrix product, which would sum in another order).
    """
    return _weighed_sum(_Terms.of(weights, cols), cols, n)


@dataclass(frozen=True)
class _Terms:
    """The bias, and the names and weights of the columns a logistic layer weighs, in
    column order."""

    bias: float
    names: tuple[str, ...]
    weights: Floats

    @classmethod
    def of(cls, weights: Mapping[str, float], order: Iterable[str]) -> _Terms:
        names = tuple(name for name in order if weights.get(name, 0.0))
        terms = np.array([float(weights[name]) for name in names])
        return cls(float(weights.get("bias", 0.0)), names, terms)


def _weighed_sum(terms: _Terms, cols: Mapping[str, ArrayLike], n: int) -> Floats:
    """``_logit`` with its terms prepared."""
    names = terms.names
    if not names or not n:
        return np.full(n, terms.bias)
    # One row per weighed column: each row's products, then their sum down the rows, bias
    # first. Reducing the outer axis of a C-ordered array adds row after row, strictly in
    # order, a whole row at a time; a single line's column would be summed pairwise (it is
    # the inner axis then), so that one is summed with ``cumsum``, strictly in order too.
    products = np.concatenate([np.asarray(cols[name], dtype=np.float64) for name in names])
    products = products.reshape(len(names), n)
    products *= terms.weights[:, None]
    products[0] += terms.bias
    if n == 1:
        return products.cumsum(axis=0)[-1]  # type: ignore[no-any-return]
    total: Floats = np.add.reduce(products, axis=0)
    return total


def _best_within(values: ArrayLike, k: int, reverse: bool = False) -> Floats:
    """For each position, the largest of the k values before it (after it, if reverse);
    -5.0 where there is none."""
    before, after = _best_around(np.asarray(values, dtype=np.float64), k)
    return after if reverse else before


def _best_around(values: Floats, k: int) -> tuple[Floats, Floats]:
    """``_best_within`` both ways, from one padded copy of the values: each position's
    maxima taken nearest neighbour first, as there."""
    n = len(values)
    if not n:
        return np.zeros(0), np.zeros(0)
    padded = np.full(n + 2 * k, -np.inf)
    padded[k : k + n] = values
    before = padded[k - 1 : k - 1 + n].copy()
    after = padded[k + 1 : k + 1 + n].copy()
    for t in range(2, k + 1):
        np.maximum(before, padded[k - t : k - t + n], out=before)
        np.maximum(after, padded[k + t : k + t + n], out=after)
    before[0] = after[-1] = -5.0
    return before, after


def context_features(own: ArrayLike, cols: Mapping[str, Column]) -> dict[str, Column]:
    """The second layer's inputs: a line's own score beside its neighbours' scores.

    ``sandwich`` is jusText's revision in learned form: a short line with article on
    both sides (a subheading, a list item) is probably article too.
    """
    score = np.asarray(own, dtype=np.float64)
    n = len(score)
    # Clipped to -5..5; anything not in range and not above it (NaN too) is -5.
    clipped = np.where(score > 5.0, 5.0, np.where(score >= -5.0, score, -5.0))
    before, after = _best_around(clipped, SANDWICH)
    near, far, wide = _window_means(clipped, 1, NEAR, FAR)
    return {
        "own": score,
        "near_mean": near,
        "far_mean": far,
        "wide_mean": wide,
        "prev": np.concatenate(([0.0], clipped[:-1])) if n else np.zeros(0),
        "next": np.concatenate((clipped[1:], [0.0])) if n else np.zeros(0),
        "best_before": before,
        "best_after": after,
        "sandwich": np.minimum(before, after),
        "in_body": cols["in_body"],
        "body_distance": cols["body_distance"],
        "after_body": cols["after_body"],
        "page_prose_share": cols["page_prose_share"],
    }


def scores(
    page: Page, removed: Sequence[bool], model: Model
) -> tuple[list[int], dict[str, Column], Layers, Floats]:
    """Lines considered, their features, the layers used and the final scores (logits)."""
    act, cols = line_features(page, removed)
    layers = model.layers(model.regime(cols))
    n = len(act)
    own = _weighed_sum(layers.line_terms, cols, n)
    final = _weighed_sum(layers.context_terms, context_features(own, cols), n)
    return act, cols, layers, final


# How to say, in a sentence, that a feature weighed against a line: what it means when the
# feature's value is below the average line's, and when it is above.
EVIDENCE: dict[str, tuple[str, str]] = {
    "chars": ("the line is short", "the line is long"),
    "words": ("the line has few words", "the line has many words"),
    "sentence": ("the line is not a finished sentence", "the line ends like a sentence"),
    "ellipsis": ("", "the line is cut short with an ellipsis"),
    "colon": ("", "the line ends in a colon"),
    "stopwords": ("few function words, as in a list of names or links", "many function words"),
    "capitalised": ("few capitalised words", "most words are capitalised, as in menus"),
    "commas": ("no commas, unlike running prose", "many commas"),
    "separators": ("", "the line holds separators such as | or »"),
    "repeated": ("", "the same line appears elsewhere on the page"),
    "bullet": ("", "the line starts with a bullet"),
    "numbered": ("", "the line starts with a number"),
    "question": ("", "the line is a question"),
    "prose_near": ("no prose in the lines around it", "prose in the lines around it"),
    "prose_far": ("little prose in the wider neighbourhood", "prose all around it"),
    "words_near": ("the lines around it are short too", "the lines around it are long"),
    "short_run": ("", "it sits in a run of short lines, like a menu"),
    "in_body": ("it lies outside the article's body", "it lies inside the article's body"),
    "body_distance": ("it lies near the article's body", "it lies far from the article's body"),
    "after_body": ("it comes before the article's body", "it comes after the article's body"),
    "position": ("it sits early on the page", "it sits late on the page"),
    "prose_before": ("the line before is not prose", "the line before is prose"),
    "prose_after": ("the line after is not prose", "the line after is prose"),
}


@dataclass(frozen=True)
class _Evidence:
    """The features of ``EVIDENCE`` that a layer weighs, with their weights, centres and
    whether there is a sentence for a value below (``said_low``) and above the centre."""

    found: list[tuple[str, float, str, str]]
    names: frozenset[str]
    weights: Floats
    centres: Floats
    said_low: Mask
    said_high: Mask

    @classmethod
    def of(cls, model: Layers, available: Iterable[str] | None = None) -> _Evidence:
        """The evidence of ``model``'s first layer, of the ``available`` columns only if
        given."""
        at_hand = None if available is None else frozenset(available)
        found = [
            (feature, wt, low, high)
            for feature, (low, high) in EVIDENCE.items()
            if (wt := model.line.get(feature, 0.0)) and (at_hand is None or feature in at_hand)
        ]
        return cls(
            found,
            frozenset(feature for feature, *_ in found),
            np.array([float(wt) for _, wt, _, _ in found]),
            np.array([model.line.get(f"mean:{feature}", 0.0) for feature, *_ in found]),
            np.array([bool(low) for *_, low, _ in found], dtype=np.bool_)[:, None],
            np.array([bool(high) for *_, high in found], dtype=np.bool_)[:, None],
        )


def _explanations(
    model: Layers, cols: Mapping[str, ArrayLike], firsts: list[int], lasts: list[int]
) -> list[str]:
    """For each run of lines ``firsts[r]..lasts[r]``, the feature that pulled their
    first-layer scores down the most, said the way round that it did.

    A feature's pull is its weight times how far the run's mean lies from the average
    line's; the first feature of the strongest pull against the lines wins. The run's sum
    is added up line after line (``cumsum`` along the run), as ``sum`` over a list would.
    """
    evidence = model.evidence
    default = "its shape and neighbours look like page furniture"
    if not cols.keys() >= evidence.names:
        # Columns left out (a trainer's subset): only those at hand can be evidence.
        evidence = _Evidence.of(model, cols.keys())
    found = evidence.found
    if not found or not firsts:
        return [default] * len(firsts)
    n = len(np.asarray(cols[found[0][0]]))
    matrix = np.concatenate([np.asarray(cols[feature], dtype=np.float64) for feature, *_ in found])
    # One row per line, one column per feature: a run's lines are consecutive rows.
    by_line = matrix.reshape(len(found), n).T.copy()
    starts, sizes = np.array(firsts), np.array(lasts) - np.array(firsts) + 1
    # A run of one line sums to its value; longer runs are added up line after line:
    # reducing the outer axis adds row after row in order while there are two or more
    # features (one feature's column would be summed pairwise).
    sums = by_line.take(starts, axis=0)
    longer = (sizes > 1).nonzero()[0].tolist()
    if len(found) > 1:
        for r in longer:
            sums[r] = np.add.reduce(by_line[firsts[r] : lasts[r] + 1], axis=0)
    else:
        for r in longer:
            sums[r] = by_line[firsts[r] : lasts[r] + 1].cumsum(axis=0)[-1]
    sums = sums.T
    deviation = sums / sizes - evidence.centres[:, None]
    contribution = evidence.weights[:, None] * deviation
    high = deviation > 0
    eligible = np.where(high, evidence.said_high, evidence.said_low) & (contribution < 0.0)
    worst = np.where(eligible, contribution, np.inf).argmin(axis=0)
    out = []
    for r, t in enumerate(worst.tolist()):
        if not eligible[t, r]:
            out.append(default)
        else:
            _, _, low, hi = found[t]
            out.append(hi if high[t, r] else low)
    return out


def long_paragraphs(page: Page) -> NDArray[np.bool_]:
    """A paragraph this long, with function words and no code, is article text even when it
    does not end like a sentence (an extractor may hand over a whole article as one line)."""
    return (page.word_array >= LONG_PARAGRAPH_WORDS) & page.textlike


def find_headline(page: Page, act: Sequence[int], cols: Mapping[str, ArrayLike]) -> int | None:
    """Position (in ``act``) of the article's headline, which a line scorer would take for a
    teaser: the first line above the body that reads as a title (4 to 30 words, not a
    finished sentence, no separators) and whose words mostly recur in the body."""
    in_body = np.asarray(cols["in_body"])
    body = np.flatnonzero(in_body == 1.0)
    if not len(body):
        return None
    start = int(body[0])
    ix = np.asarray(act[:start], dtype=np.int64)
    n = page.word_array[ix]
    ends = page.sentence_array[ix]
    titles = (n >= 4) & (n <= HEADLINE_MAX_WORDS) & ~ends
    titles &= np.asarray(cols["separators"])[:start] == 0.0
    stop = page.stopwords
    # The body's vocabulary, asked only once a line above the body reads as a title.
    vocabulary: _Vocabulary | None = None
    for j in np.flatnonzero(titles).tolist():
        words = page.line_words(act[j])
        content = [w for w in words if w not in stop and not w.isdigit()]
        if not content:
            continue
        if vocabulary is None:
            vocabulary = _Vocabulary(page, list(map(act.__getitem__, body.tolist())))
        if _overlaps(vocabulary, content, HEADLINE_OVERLAP * len(content)):
            return int(j)
    return None


def _overlaps(vocabulary: _Vocabulary, words: list[str], need: float) -> bool:
    """At least ``need`` of ``words`` are in the vocabulary: asks word after word, and stops
    as soon as the answer is known (a word not there costs a search of the whole body)."""
    hits, left = 0, len(words)
    for word in words:
        left -= 1
        if word in vocabulary:
            hits += 1
            if hits >= need:
                return True
        elif hits + left < need:
            return False
    return hits >= need


class _Vocabulary:
    """Whether a word is one of the tokens of some lines (``Page.words`` of them).

    Finds the word in the lower-cased text and checks that the occurrence is a whole token
    of one of the lines, instead of tokenising every line of the body for a few look-ups.
    Once the searches have read the lines' text many times over (many look-ups, or words
    that are not there), it tokenises the lines after all, so that the cost stays linear.
    """

    # Searches may read this many times the lines' text before the lines are tokenised
    # (a search reads a character some fifty times faster than tokenising does).
    SCANS = 50

    def __init__(self, page: Page, lines: list[int]) -> None:
        self.page = page
        self.lines = set(lines)
        self.words: set[str] | None = None
        self.known: dict[str, bool] = {}  # the searches' answers, a title's words recur
        self.lo = page.starts[min(lines)] if lines else 0
        self.hi = page.ends[max(lines)] if lines else 0
        self.budget = self.SCANS * (self.hi - self.lo) + 1000
        if not page.lower_exact:  # lower-casing moved offsets: tokenise line by line
            self._tokenise()

    def _tokenise(self) -> None:
        self.words = set().union(*map(self.page.line_words, self.lines))

    def __contains__(self, word: str) -> bool:
        if self.words is not None:
            return word in self.words
        known = self.known.get(word)
        if known is None:
            known = self.known[word] = self._search(word)
        return known

    def _search(self, word: str) -> bool:
        """Whether ``word`` is a whole token of one of the lines, by search."""
        page, low, size, hi = self.page, self.page.lower, len(word), self.hi
        start = self.lo
        pos = low.find(word, start, hi)
        while pos != -1:
            end = pos + size
            whole = (pos == 0 or not _WORD_CHAR.match(low, pos - 1)) and not _WORD_CHAR.match(
                low, end
            )
            if whole and bisect_right(page.starts, pos) - 1 in self.lines:
                self.budget -= pos - self.lo
                return True
            pos = low.find(word, pos + 1, hi)
        self.budget -= hi - self.lo
        if self.budget < 0:
            self._tokenise()
        return False


def _odds(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


class Body(LineFilter):
    """Removes lines that a learned line scorer, revised by neighbours, calls page furniture."""

    name = "body"

    def __init__(self, model: Model | None = None) -> None:
        self.model = model

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        model = self.model or shipped_model()
        act, cols, layers, final = scores(page, removed, model)
        n = len(act)
        if not n:
            return
        headline = find_headline(page, act, cols)
        # A paragraph of prose inside the article's body, or any long paragraph, is never
        # taken on a score alone: a lost paragraph costs a reader more than a kept menu line.
        ix = np.asarray(act, dtype=np.int64)
        keep = final >= layers.threshold
        keep |= (cols["in_body"] != 0.0) & page.prose_array[ix]
        keep |= long_paragraphs(page)[ix]
        if headline is not None:
            keep[headline] = True
        first_ix, last_ix = _runs(~keep)
        if not len(first_ix):
            return
        firsts, lasts = first_ix.tolist(), last_ix.tolist()
        whys = _explanations(layers, cols, firsts, lasts)
        scores_ = final.tolist()
        stripped = page.stripped
        for j, k, why in zip(firsts, lasts, whys):
            # The odds rise with the score: the best line's odds are the run's best.
            odds = _odds(max(scores_[j : k + 1]))
            first = quote(stripped[act[j]], 40)
            if k == j:
                what = f'line "{first}" looks like page furniture'
            else:
                last = quote(stripped[act[k]], 40)
                what = f'{k - j + 1} lines from "{first}" to "{last}" look like page furniture'
            yield act[j], act[k], f"{what} (article odds at most {odds:.0%}): {why}"
