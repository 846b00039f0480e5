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
from operator import itemgetter
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
# A paragraph right next to the article's body, this long, continues it even when it does
# not end like a sentence.
NEXT_PARAGRAPH_WORDS = 25
# A line with at least this share of the text's prose lines above it and below it, and at
# least INSIDE_MIN_PROSE on each side, lies inside the article: a list item, a table row, a
# line of code or a subheading, not a menu (menus sit above the article or below it).
INSIDE_SHARE = 0.2
INSIDE_MIN_PROSE = 3
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
        return _Terms.of(self.line, COLUMNS)

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


def _log1p(counts: NDArray[np.int64], out: Floats | None = None) -> Floats:
    """``math.log1p`` of non-negative integers, from a table (``numpy.log1p`` may differ in
    the last bit); the few values beyond the table are computed one by one. Into ``out`` if
    given."""
    table = _log1p_table()
    top = len(table) - 1
    result: Floats = table.take(np.minimum(counts, top), out=out)
    if len(counts) and int(counts.max()) > top:
        big = counts > top
        result[big] = np.fromiter(map(math.log1p, counts[big].tolist()), dtype=np.float64)
    return result


@lru_cache(maxsize=1)
def _log1p_table(size: int = 4096) -> Floats:
    return np.array([math.log1p(i) for i in range(size)])


# Word-count bands, one column each, by word count (41 and more: 41).
_BAND_NAMES = ("one_word", "two_three_words", "four_six_words", "seven_twelve_words", "long")
_BANDS = np.array(
    [[x == 1, 2 <= x <= 3, 4 <= x <= 6, 7 <= x <= 12, x > 40] for x in range(42)],
    dtype=np.float64,
).T.copy()
# The first layer's columns, in order: the features, then ``structured`` (for the regime
# rule, never weighed). ``line_matrix`` holds them as the rows of one array.
COLUMNS = (*LINE_FEATURES, "structured")
_ROW = {name: k for k, name in enumerate(COLUMNS)}
_FIRST_CHAR = itemgetter(slice(None, 1))
_LAST_CHAR = itemgetter(slice(-1, None))


def line_features(page: Page, removed: Sequence[bool]) -> tuple[list[int], dict[str, Column]]:
    """The lines still kept and not blank, and each feature as a column over them (the
    rows of ``line_matrix``)."""
    act, _, matrix = line_matrix(page, removed)
    return act, dict(zip(COLUMNS, matrix))


def _active(page: Page, removed: Sequence[bool]) -> NDArray[np.intp]:
    """The lines not blank and not removed."""
    if not len(removed):
        return np.zeros(0, dtype=np.intp)
    if type(removed) is list:
        gone = codepoints.mask(removed)
    else:
        gone = np.asarray(removed, dtype=np.bool_)
    return (page.length_array > 0).__gt__(gone).nonzero()[0]  # kept: long enough and not gone


def line_matrix(page: Page, removed: Sequence[bool]) -> tuple[list[int], NDArray[np.intp], Floats]:
    """The lines still kept and not blank (as a list and an array), and their features:
    one row per name of ``COLUMNS``, one column per line.

    The filter computes some forty values for each line of every page, so each row is an
    array operation over all lines, from the page's array columns, written into one
    matrix that the layers weigh without gathering their columns first.
    """
    act_ix = _active(page, removed)
    act: list[int] = act_ix.tolist()
    n = len(act)
    m = np.zeros((len(COLUMNS), n))
    row = m.__getitem__
    r = _ROW
    stripped = page.stripped
    lines = list(map(stripped.__getitem__, act))
    w = page.word_array.take(act_ix)
    ends = page.sentence_array.take(act_ix)
    line_lengths = page.length_array.take(act_ix)
    # Each line's first and last characters: their code points, from one string of each.
    first = codepoints.codes("".join(map(_FIRST_CHAR, lines)))
    last = codepoints.codes("".join(map(_LAST_CHAR, lines)))
    counts = page.char_counts.take(act_ix, axis=0)
    has_words = w > 0

    _log1p(line_lengths, out=row(r["chars"]))
    words = _log1p(w, out=row(r["words"]))
    m[r["sentence"]] = ends
    m[r["ellipsis"]] = page.ellipsis_array.take(act_ix)
    np.equal(last, ord(":"), out=row(r["colon"]), casting="unsafe")
    np.divide(page.stopword_array.take(act_ix), w, out=row(r["stopwords"]), where=has_words)
    if not page.stopwords:
        m[r["no_stoplist"]] = 1.0
    few = has_words & (w <= 15)
    np.divide(page.capital_array.take(act_ix), w, out=row(r["capitalised"]), where=few)
    commas = counts[:, COMMA]
    comma_share = row(r["commas"])
    np.divide(5.0 * commas, w, out=comma_share, where=has_words & (commas > 0))
    np.minimum(comma_share, 1.0, out=comma_share)
    # Only a line that holds one of the separators' characters can hold a separator.
    maybe = ((counts[:, BAR] + counts[:, SEPARATOR]) != 0).nonzero()[0].tolist()
    separated = [j for j in maybe if any(map(lines[j].__contains__, SEPARATORS))]
    if separated:
        row(r["separators"])[separated] = 1.0
    seen = Counter(lines)
    if len(seen) != n:
        m[r["repeated"]] = np.array(list(map(seen.__getitem__, lines))) > 1
    m[r["bullet"]] = codepoints.is_any(first, BULLET_CHARS)
    prose = page.prose_array.take(act_ix)
    p = row(r["prose_outside_body"])  # the prose flags, until the body is known
    p[:] = prose
    m[r["prose_near"]], m[r["prose_far"]] = _window_means(p, NEAR, FAR)
    m[r["words_near"]] = _window_mean(words, 2)
    # Runs of short lines that are not sentences: menus, tag lists, link lists.
    short = (w <= SHORT_LINE_WORDS) > ends
    run_first, run_last = _runs(short)
    if len(run_first):
        sizes = run_last - run_first + 1
        row(r["short_run"])[short] = np.repeat(_log1p(sizes), sizes)
    # The body: the run of lines where finished sentences outweigh everything else.
    a, b = _kadane(np.where(ends & (w >= REGION_MIN_WORDS), w, -int(REGION_COST)))
    in_body = row(r["in_body"])
    in_body[a : b + 1] = 1.0
    distance = np.zeros(n, dtype=np.int64)
    distance[:a] = np.arange(a, 0, -1)
    distance[b + 1 :] = np.arange(1, n - b)
    _log1p(distance, out=row(r["body_distance"]))
    m[r["after_body"], b + 1 :] = 1.0
    if n:
        np.divide(np.arange(n), n, out=row(r["position"]))
    m[r["prose_before"], 1:] = p[:-1]
    m[r["prose_after"], :-1] = p[1:]
    # Word-count bands, so that a linear model can treat a one-word line unlike a
    # three-word one.
    bands = r[_BAND_NAMES[0]]
    m[bands : bands + len(_BAND_NAMES)] = _BANDS.take(np.minimum(w, 41), axis=1)
    # Text that an extractor already cut down to the article is mostly prose: there, a
    # short line is a subheading far more often than a menu item.
    if n:
        m[r["page_prose_share"]] = int(np.count_nonzero(prose)) / n
    # Interactions a linear model cannot form itself.
    np.multiply(in_body, w <= SHORT_LINE_WORDS, out=row(r["short_in_body"]))
    np.multiply(1.0 - in_body, p, out=p)
    np.equal(last, ord("?"), out=row(r["question"]), casting="unsafe")
    # Only a line that opens with a digit can be numbered: the pattern runs on those alone.
    digit = codepoints.is_digit(first).nonzero()[0].tolist()
    numbered = [j for j in digit if NUMBERED.match(lines[j])]
    if numbered:
        row(r["numbered"])[numbered] = 1.0
    bar = ord("|")
    table_row = (first == bar) & (last == bar) & (counts[:, BAR] >= 3)
    code = (counts[:, CODE] > 0) > page.few_symbols.take(act_ix)
    np.bitwise_or(table_row, code, out=row(r["structured"]), casting="unsafe")
    heading = (w <= 15) > ends
    heading &= row(r["prose_after"]) != 0.0
    m[r["heading_before_prose"]] = heading
    return act, act_ix, m


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
    # Where the named columns are in ``order``: the rows of a matrix of its columns.
    rows: NDArray[np.intp]

    @classmethod
    def of(cls, weights: Mapping[str, float], order: Iterable[str]) -> _Terms:
        place = {name: k for k, name in enumerate(order)}
        names = tuple(name for name in place if weights.get(name, 0.0))
        terms = np.array([float(weights[name]) for name in names])
        rows = np.array([place[name] for name in names], dtype=np.intp)
        return cls(float(weights.get("bias", 0.0)), names, terms, rows)


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
    return _weighed_products(terms, products.reshape(len(names), n), n)


def _weighed_rows(terms: _Terms, matrix: Floats, n: int) -> Floats:
    """``_weighed_sum`` of the columns that are the rows of ``matrix`` (in the order the
    terms were made for)."""
    if not len(terms.names) or not n:
        return np.full(n, terms.bias)
    return _weighed_products(terms, matrix.take(terms.rows, axis=0), n)


def _weighed_products(terms: _Terms, products: Floats, n: int) -> Floats:
    """The weighed sum of the rows of ``products`` (a copy the sum may overwrite)."""
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
    """The second layer's inputs: a line's own score beside its neighbours' scores (the
    rows of ``context_matrix``)."""
    passed = [np.asarray(cols[name], dtype=np.float64) for name in _PASSED]
    return dict(zip(CONTEXT_FEATURES, context_matrix(own, passed)))


# The first layer's columns that the second one weighs again: those of its inputs that are
# not made from the scores, last in its order.
_PASSED = CONTEXT_FEATURES[CONTEXT_FEATURES.index("sandwich") + 1 :]
_CONTEXT_ROW = {name: k for k, name in enumerate(CONTEXT_FEATURES)}


def context_matrix(own: ArrayLike, passed: Sequence[Column] | Floats) -> Floats:
    """``context_features`` as the rows of one matrix, in ``CONTEXT_FEATURES`` order;
    ``passed`` holds the columns of ``_PASSED``.

    ``sandwich`` is jusText's revision in learned form: a short line with article on
    both sides (a subheading, a list item) is probably article too.
    """
    score = np.asarray(own, dtype=np.float64)
    n = len(score)
    out = np.zeros((len(CONTEXT_FEATURES), n))
    r = _CONTEXT_ROW
    out[r["own"]] = score
    if not n:
        return out
    # Clipped to -5..5; anything not in range and not above it (NaN too) is -5.
    clipped = np.where(score > 5.0, 5.0, np.where(score >= -5.0, score, -5.0))
    before, after = _best_around(clipped, SANDWICH)
    out[r["near_mean"]], out[r["far_mean"]], out[r["wide_mean"]] = _window_means(
        clipped, 1, NEAR, FAR
    )
    out[r["prev"], 1:] = clipped[:-1]
    out[r["next"], :-1] = clipped[1:]
    out[r["best_before"]] = before
    out[r["best_after"]] = after
    np.minimum(before, after, out=out[r["sandwich"]])
    out[r[_PASSED[0]] :] = passed
    return out


def scores(
    page: Page, removed: Sequence[bool], model: Model
) -> tuple[list[int], dict[str, Column], Layers, Floats]:
    """Lines considered, their features, the layers used and the final scores (logits)."""
    act, _, matrix, layers, final = _scores(page, removed, model)
    return act, dict(zip(COLUMNS, matrix)), layers, final


def _scores(
    page: Page, removed: Sequence[bool], model: Model
) -> tuple[list[int], NDArray[np.intp], Floats, Layers, Floats]:
    """``scores`` with the lines as an array too and the features as ``line_matrix``'s."""
    act, act_ix, matrix = line_matrix(page, removed)
    cols = {name: matrix[_ROW[name]] for name in _REGIME}
    layers = model.layers(model.regime(cols))
    n = len(act)
    own = _weighed_rows(layers.line_terms, matrix, n)
    passed = matrix.take(_PASSED_ROWS, axis=0)
    final = _weighed_rows(layers.context_terms, context_matrix(own, passed), n)
    return act, act_ix, matrix, layers, final


# The columns the regime rule reads.
_REGIME = ("words", "sentence", "in_body", "structured")
_PASSED_ROWS = np.array([_ROW[name] for name in _PASSED], dtype=np.intp)


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
    rows: NDArray[np.intp]  # the features' rows in ``line_matrix``

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
            np.array([_ROW[feature] for feature, *_ in found], dtype=np.intp),
        )


def _explanations(
    model: Layers,
    cols: Mapping[str, ArrayLike],
    firsts: list[int],
    lasts: list[int],
    matrix: Floats | None = None,
) -> list[str]:
    """For each run of lines ``firsts[r]..lasts[r]``, the feature that pulled their
    first-layer scores down the most, said the way round that it did.

    A feature's pull is its weight times how far the run's mean lies from the average
    line's; the first feature of the strongest pull against the lines wins. The run's sum
    is added up line after line (``cumsum`` along the run), as ``sum`` over a list would.
    ``matrix``, if given, is ``line_matrix``'s, whose rows are the columns.
    """
    evidence = model.evidence
    default = "its shape and neighbours look like page furniture"
    if matrix is None and not cols.keys() >= evidence.names:
        # Columns left out (a trainer's subset): only those at hand can be evidence.
        evidence = _Evidence.of(model, cols.keys())
    found = evidence.found
    if not found or not firsts:
        return [default] * len(firsts)
    if matrix is not None:
        rows = matrix.take(evidence.rows, axis=0)
    else:
        n = len(np.asarray(cols[found[0][0]]))
        rows = np.concatenate(
            [np.asarray(cols[feature], dtype=np.float64) for feature, *_ in found]
        )
        rows = rows.reshape(len(found), n)
    # One row per line, one column per feature: a run's lines are consecutive rows.
    by_line = rows.T.copy()
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


def next_to_body(page: Page, ix: NDArray[np.intp], in_body: Column) -> NDArray[np.bool_]:
    """Long text-like paragraphs in a row right above or right below the article's body.

    The body is the densest run of finished sentences; a paywall teaser cut short, a last
    paragraph that ends in a photo credit "(Foto: …)" or a quote left open is no finished
    sentence, so it falls outside the body although it reads as the article does."""
    n = len(ix)
    out = np.zeros(n, dtype=np.bool_)
    body = np.flatnonzero(np.asarray(in_body) != 0.0)
    if not len(body):
        return out
    long = (page.word_array.take(ix) >= NEXT_PARAGRAPH_WORDS) & page.textlike.take(ix)
    j = int(body[0]) - 1
    while j >= 0 and long[j]:
        out[j] = True
        j -= 1
    j = int(body[-1]) + 1
    while j < n and long[j]:
        out[j] = True
        j += 1
    return out


def inside_article(prose: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Lines with a fifth of the text's prose lines (and at least three) both above and
    below: part of the article whatever they look like.

    Extractors hand over articles whose lists, tables and code read like menus to a line
    scorer; menus sit above the article or below it, and a lost paragraph costs more than a
    kept menu line."""
    seen = np.cumsum(prose, dtype=np.int64)
    if not len(seen):
        return np.zeros(0, dtype=np.bool_)
    total = int(seen[-1])
    need = max(INSIDE_MIN_PROSE, INSIDE_SHARE * total)
    above = seen - prose
    below = total - seen
    return (above >= need) & (below >= need)


def table_rows(page: Page, act: Sequence[int]) -> NDArray[np.bool_]:
    """A line that opens or closes with "|" and holds three or more is a row of a table the
    article carries (specs, prices, results): its short cells read like a menu to the scorer.
    Only lines with three bars (the page's counts) are looked at."""
    rows = np.zeros(len(act), dtype=np.bool_)
    ix = np.fromiter(act, dtype=np.intp, count=len(act))
    stripped = page.stripped
    for j in (page.char_counts[:, BAR].take(ix) >= 3).nonzero()[0].tolist():
        s = stripped[act[j]]
        rows[j] = s[:1] == "|" or s[-1:] == "|"
    return rows


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


class _Rows(Mapping[str, Column]):
    """``line_matrix``'s rows by name, made as they are asked for."""

    def __init__(self, matrix: Floats) -> None:
        self.matrix = matrix

    def __getitem__(self, name: str) -> Column:
        return self.matrix[_ROW[name]]  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(COLUMNS)

    def __len__(self) -> int:
        return len(COLUMNS)


def _odds(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


class Body(LineFilter):
    """Removes lines that a learned line scorer, revised by neighbours, calls page furniture."""

    name = "body"

    def __init__(self, model: Model | None = None) -> None:
        self.model = model

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        model = self.model or shipped_model()
        act, ix, matrix, layers, final = _scores(page, removed, model)
        n = len(act)
        if not n:
            return
        cols = _Rows(matrix)
        headline = find_headline(page, act, cols)
        # A paragraph of prose inside the article's body, any long paragraph, a table row,
        # or a line with the article's prose above and below it is never taken on a score
        # alone: a lost paragraph costs a reader more than a kept menu line.
        prose = page.prose_array.take(ix)
        keep = final >= layers.threshold
        keep |= (cols["in_body"] != 0.0) & prose
        keep |= long_paragraphs(page).take(ix)
        keep |= next_to_body(page, ix, cols["in_body"])
        keep |= table_rows(page, act)
        if headline is not None:
            keep[headline] = True
        keep |= inside_article(prose)
        first_ix, last_ix = _runs(~keep)
        if not len(first_ix):
            return
        firsts, lasts = first_ix.tolist(), last_ix.tolist()
        whys = _explanations(layers, cols, firsts, lasts, matrix)
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
