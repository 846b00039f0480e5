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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, groupby
from typing import Any

from ..page import CODE_SYMBOLS, Page
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

    def regime(self, cols: dict[str, list[float]]) -> str:
        """``"extracted"`` for a text that starts with its article (no more than
        ``max_lines_before_body`` lines above the body: no site header or menu) or that has
        no run of short lines longer than the rule's.

        Table rows and code lines (the ``structured`` column) do not count: an extractor
        keeps an article's tables and code as runs of short lines, which are not a menu."""
        words, sentence = cols["words"], cols["sentence"]
        if not words:
            return "page"
        k = self.max_lines_before_body
        if k >= 0 and 1.0 in cols["in_body"][: k + 1]:
            return "extracted"
        # Runs and shares over the lines that are not structure. ``words`` holds log1p of the
        # word count: a short line has words <= log1p(SHORT_LINE_WORDS) and is no sentence;
        # a one-to-three-word line has 0 < words <= log1p(3).
        short_limit, few_limit = math.log1p(SHORT_LINE_WORDS), math.log1p(3)
        structure = cols.get("structured") or [0.0] * len(words)
        n = longest = run = short = 0
        for w, e, st in zip(words, sentence, structure):
            if st:
                continue
            n += 1
            run = run + 1 if w <= short_limit and not e else 0
            longest = max(longest, run)
            short += 0 < w <= few_limit
        if not n:
            return "extracted"
        if longest <= self.max_short_run and short <= self.max_short_share * n:
            return "extracted"
        return "page"

    def layers(self, regime: str) -> Layers:
        return self.extracted if regime == "extracted" else self.page


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    path = resources.files("cleantext") / "data" / "body_model.json"
    return Model.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _kadane(values: Sequence[float]) -> tuple[int, int]:
    """The span of consecutive values with the largest sum (``(0, -1)`` when empty)."""
    best, cur, start, span = -math.inf, 0.0, 0, (0, -1)
    for k, v in enumerate(values):
        if cur <= 0:
            cur, start = v, k
        else:
            cur += v
        if cur > best:
            best, span = cur, (start, k)
    return span


def _window_mean(values: Sequence[float], k: int) -> list[float]:
    """Mean of ``values`` over the k neighbours on each side, the value itself left out."""
    n = len(values)
    prefix = [0.0, *accumulate(values)]
    if n <= 2 * k + 1:
        out = []
        for j in range(n):
            a, b = max(0, j - k), min(n, j + k + 1)
            out.append((prefix[b] - prefix[a] - values[j]) / (b - a - 1) if b - a > 1 else 0.0)
        return out
    width = 2 * k
    # Lines with k neighbours on both sides, in one pass over aligned slices.
    middle = [
        (b - a - v) / width for a, b, v in zip(prefix, prefix[width + 1 :], values[k : n - k])
    ]
    head = [(prefix[j + k + 1] - values[j]) / (j + k) for j in range(k)]
    tail = [(prefix[n] - prefix[j - k] - values[j]) / (n - j + k - 1) for j in range(n - k, n)]
    return head + middle + tail


def _flags(values: Iterable[bool]) -> list[float]:
    """1.0 where a value is true, else 0.0: a feature column from booleans."""
    return [1.0 if x else 0.0 for x in values]


def line_features(page: Page, removed: Sequence[bool]) -> tuple[list[int], dict[str, list[float]]]:
    """The lines still kept and not blank, and each feature as a column over them.

    The filter computes some forty values for each line of every page, so each column is
    one plain comprehension (the fastest loop CPython has), and columns that are runs of a
    constant (the body's extent) are built from list slices.
    """
    blank = page.blank
    act = [i for i in range(len(page)) if not removed[i] and not blank[i]]
    n = len(act)
    stripped, lengths, words = page.stripped, page.lengths, page.word_counts
    ends_sentence, stops = page.ends_sentence, page.stopword_counts
    has_stoplist = 1.0 if page.stopwords else 0.0

    lines = [stripped[i] for i in act]
    w = [words[i] for i in act]
    ends = [ends_sentence[i] for i in act]
    cols: dict[str, list[float]] = {}
    cols["chars"] = [math.log1p(lengths[i]) for i in act]
    cols["words"] = [math.log1p(x) for x in w]
    cols["sentence"] = _flags(ends)
    cols["ellipsis"] = _flags([page.ends_ellipsis[i] for i in act])
    cols["colon"] = [1.0 if s.endswith(":") else 0.0 for s in lines]
    cols["stopwords"] = [stops[i] / x if x else 0.0 for i, x in zip(act, w)]
    cols["no_stoplist"] = [1.0 - has_stoplist] * n
    cols["capitalised"] = [
        len([1 for t in s.split() if t[0].isupper()]) / x if 0 < x <= 15 else 0.0
        for s, x in zip(lines, w)
    ]
    # Most lines hold no comma: their 0.0 needs no division.
    cols["commas"] = [
        min(1.0, 5.0 * c / x) if x and (c := s.count(",")) else 0.0 for s, x in zip(lines, w)
    ]
    cols["separators"] = [
        1.0
        if ("|" in s or "»" in s or "·" in s or "/" in s or "•" in s)
        and any(sep in s for sep in SEPARATORS)
        else 0.0
        for s in lines
    ]
    counts = Counter(lines)
    repeated = {s for s, c in counts.items() if c > 1}
    cols["repeated"] = [1.0 if s in repeated else 0.0 for s in lines]
    # Lines are not blank, so each has a first character.
    cols["bullet"] = [1.0 if s[0] in BULLET_CHARS else 0.0 for s in lines]
    prose = page.prose
    p = [1.0 if prose[i] else 0.0 for i in act]
    cols["prose_near"] = _window_mean(p, NEAR)
    cols["prose_far"] = _window_mean(p, FAR)
    cols["words_near"] = _window_mean(cols["words"], 2)
    # Runs of short lines that are not sentences: menus, tag lists, link lists.
    run: list[float] = []
    for is_short, group in groupby([x <= SHORT_LINE_WORDS and not e for x, e in zip(w, ends)]):
        size = len(list(group))
        run += [math.log1p(size) if is_short else 0.0] * size
    cols["short_run"] = run
    # The body: the run of lines where finished sentences outweigh everything else.
    values = [float(x) if e and x >= REGION_MIN_WORDS else -REGION_COST for x, e in zip(w, ends)]
    a, b = _kadane(values)
    inside = b - a + 1
    cols["in_body"] = [0.0] * a + [1.0] * inside + [0.0] * (n - 1 - b)
    cols["body_distance"] = [
        *[math.log1p(d) for d in range(a, 0, -1)],
        *[0.0] * inside,
        *[math.log1p(d) for d in range(1, n - b)],
    ]
    cols["after_body"] = [0.0] * (b + 1) + [1.0] * (n - 1 - b)
    cols["position"] = [j / n for j in range(n)]
    cols["prose_before"] = [0.0, *p[:-1]] if n else []
    cols["prose_after"] = [*p[1:], 0.0] if n else []
    # Word-count bands, so that a linear model can treat a one-word line unlike a
    # three-word one.
    cols["one_word"] = [1.0 if x == 1 else 0.0 for x in w]
    cols["two_three_words"] = [1.0 if 2 <= x <= 3 else 0.0 for x in w]
    cols["four_six_words"] = [1.0 if 4 <= x <= 6 else 0.0 for x in w]
    cols["seven_twelve_words"] = [1.0 if 7 <= x <= 12 else 0.0 for x in w]
    cols["long"] = [1.0 if x > 40 else 0.0 for x in w]
    # Text that an extractor already cut down to the article is mostly prose: there, a
    # short line is a subheading far more often than a menu item.
    cols["page_prose_share"] = [sum(p) / n] * n if n else []
    # Interactions a linear model cannot form itself.
    cols["short_in_body"] = [
        b if x <= SHORT_LINE_WORDS else 0.0 for b, x in zip(cols["in_body"], w)
    ]
    cols["prose_outside_body"] = [(1.0 - b) * q for b, q in zip(cols["in_body"], p)]
    cols["question"] = [1.0 if s.endswith("?") else 0.0 for s in lines]
    # Only a line that opens with a digit can be numbered: the pattern runs on those alone.
    cols["numbered"] = [1.0 if s[0].isdigit() and NUMBERED.match(s) else 0.0 for s in lines]
    cols["structured"] = structured(page, act, lines)
    cols["heading_before_prose"] = [
        1.0 if x <= 15 and not e and after else 0.0
        for x, e, after in zip(w, ends, cols["prose_after"])
    ]
    return act, cols


def structured(page: Page, act: Sequence[int], lines: Sequence[str]) -> list[float]:
    """1.0 for a table row ("| 5/1/2017 | +6.5% |") or a line of code (full of braces,
    ``=``, ``;``): article structure that an extractor keeps as runs of short lines, not a
    menu. Bullets and indentation do not count: converters such as html2text or lynx write
    a page's menus as indented bullet lists too."""
    has_symbol, few_symbols = CODE_SYMBOL.search, page.few_code_symbols
    return [
        1.0
        if (s[:1] == "|" and s[-1:] == "|" and s.count("|") >= 3)
        or (has_symbol(s) is not None and not few_symbols(i))
        else 0.0
        for i, s in zip(act, lines)
    ]


def _logit(weights: dict[str, float], cols: Mapping[str, Sequence[float]], n: int) -> list[float]:
    """bias + sum of weight * feature for each line, the features added in column order.

    One call per line of a function that is that very sum written out (see ``_weighted_sum``):
    the same additions in the same order as a loop over the columns, without building a
    list per column.
    """
    names = tuple(name for name in cols if weights.get(name, 0.0))
    if not names:
        return [weights.get("bias", 0.0)] * n
    terms = tuple(float(weights[name]) for name in names)
    scorer = _weighted_sum(float(weights.get("bias", 0.0)), terms)
    return list(map(scorer, *(cols[name] for name in names)))


@lru_cache(maxsize=16)
def _weighted_sum(bias: float, weights: tuple[float, ...]) -> Callable[..., float]:
    """``lambda f0, f1, …: bias + w0 * f0 + w1 * f1 + …`` for these weights.

    Python adds left to right, so this is exactly the loop ``score += w * f`` over the
    features in order; ``repr`` writes each float so that it reads back identical (and
    nothing but floats goes into the source).
    """
    args = ", ".join(f"f{k}" for k in range(len(weights)))
    body = " + ".join([repr(bias), *(f"({w!r}) * f{k}" for k, w in enumerate(weights))])
    names = {"inf": math.inf, "nan": math.nan}
    return eval(f"lambda {args}: {body}", names)  # type: ignore[no-any-return]


def _best_within(values: Sequence[float], k: int, reverse: bool = False) -> list[float]:
    """For each position, the largest of the k values before it (after it, if reverse);
    -5.0 where there is none.

    The maximum of each window of k comes from maxima of windows of doubling width, each a
    ``map(max, ...)`` over two shifted lists, so the work per value is a few C calls.
    """
    vals = list(values)
    if not vals:
        return []
    if reverse:
        vals.reverse()
    n = len(vals)
    out = [-5.0] + [max(vals[:j]) for j in range(1, min(k, n))]
    if n > k:
        # widest[i] is the maximum of vals[i : i + width], width the largest power of two <= k.
        widest, width = vals, 1
        while width * 2 <= k:
            widest = list(map(max, widest, widest[width:]))
            width *= 2
        # Two windows of that width cover vals[i : i + k].
        out += map(max, widest, widest[k - width : n - width])
    if reverse:
        out.reverse()
    return out


def context_features(own: list[float], cols: dict[str, list[float]]) -> dict[str, list[float]]:
    """The second layer's inputs: a line's own score beside its neighbours' scores.

    ``sandwich`` is jusText's revision in learned form: a short line with article on
    both sides (a subheading, a list item) is probably article too.
    """
    n = len(own)
    clipped = [x if -5.0 <= x <= 5.0 else 5.0 if x > 5.0 else -5.0 for x in own]
    before = _best_within(clipped, SANDWICH)
    after = _best_within(clipped, SANDWICH, reverse=True)
    return {
        "own": own,
        "near_mean": _window_mean(clipped, 1),
        "far_mean": _window_mean(clipped, NEAR),
        "wide_mean": _window_mean(clipped, FAR),
        "prev": [0.0, *clipped[:-1]] if n else [],
        "next": [*clipped[1:], 0.0] if n else [],
        "best_before": before,
        "best_after": after,
        "sandwich": list(map(min, before, after)),
        "in_body": cols["in_body"],
        "body_distance": cols["body_distance"],
        "after_body": cols["after_body"],
        "page_prose_share": cols["page_prose_share"],
    }


def scores(
    page: Page, removed: Sequence[bool], model: Model
) -> tuple[list[int], dict[str, list[float]], Layers, list[float]]:
    """Lines considered, their features, the layers used and the final scores (logits)."""
    act, cols = line_features(page, removed)
    layers = model.layers(model.regime(cols))
    n = len(act)
    own = _logit(layers.line, cols, n)
    final = _logit(layers.context, context_features(own, cols), n)
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


# One feature's evidence: its column, weight, average value and the two ways to say it.
_Term = tuple[list[float], float, float, str, str]


def _evidence_terms(model: Layers, cols: dict[str, list[float]]) -> list[_Term]:
    """The features of ``EVIDENCE`` that the layer weighs, looked up once per page rather
    than once per removal."""
    terms = []
    for feature, (low, high) in EVIDENCE.items():
        wt = model.line.get(feature, 0.0)
        if wt and feature in cols:
            terms.append((cols[feature], wt, model.line.get(f"mean:{feature}", 0.0), low, high))
    return terms


def _evidence(terms: list[_Term], first: int, last: int) -> str:
    """The feature that pulled the first-layer scores of lines first..last down the most,
    said the way round that it did."""
    worst, said = 0.0, ""
    size = last - first + 1
    for col, wt, centre, low, high in terms:
        deviation = sum(col[first : last + 1]) / size - centre
        contribution = wt * deviation
        text = high if deviation > 0 else low
        if contribution < worst and text:
            worst, said = contribution, text
    return said or "its shape and neighbours look like page furniture"


def long_paragraph(page: Page, i: int) -> bool:
    """A paragraph this long, with function words and no code, is article text even when it
    does not end like a sentence (an extractor may hand over a whole article as one line)."""
    n = page.word_counts[i]
    return (
        n >= LONG_PARAGRAPH_WORDS
        and page.few_code_symbols(i)
        and (not page.stopwords or page.stopword_counts[i] >= 0.2 * n)
    )


def find_headline(page: Page, act: Sequence[int], cols: dict[str, list[float]]) -> int | None:
    """Position (in ``act``) of the article's headline, which a line scorer would take for a
    teaser: the first line above the body that reads as a title (4 to 30 words, not a
    finished sentence, no separators) and whose words mostly recur in the body."""
    in_body = cols["in_body"]
    try:
        start = in_body.index(1.0)
    except ValueError:
        return None
    words, ends, stop = page.words, page.ends_sentence, page.stopwords
    # The body's vocabulary, gathered only once a line above the body reads as a title.
    body_words: set[str] | None = None
    for j in range(start):
        i = act[j]
        n = len(words[i])
        if not 4 <= n <= HEADLINE_MAX_WORDS or ends[i] or cols["separators"][j]:
            continue
        content = [w for w in words[i] if w not in stop and not w.isdigit()]
        if not content:
            continue
        if body_words is None:
            body = [words[act[k]] for k in range(start, len(act)) if in_body[k]]
            body_words = set().union(*body)
        if sum(w in body_words for w in content) >= HEADLINE_OVERLAP * len(content):
            return j
    return None


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
        threshold = layers.threshold
        stripped = page.stripped
        n = len(act)
        headline = find_headline(page, act, cols)
        terms = _evidence_terms(layers, cols)
        # A paragraph of prose inside the article's body, or any long paragraph, is never
        # taken on a score alone: a lost paragraph costs a reader more than a kept menu line.
        prose, in_body = page.prose, cols["in_body"]
        keep = [
            final[j] >= threshold
            or j == headline
            or (in_body[j] and prose[act[j]])
            or long_paragraph(page, act[j])
            for j in range(n)
        ]
        j = 0
        while j < n:
            if keep[j]:
                j += 1
                continue
            k = j
            while k + 1 < n and not keep[k + 1]:
                k += 1
            why = _evidence(terms, j, k)
            odds = max(map(_odds, final[j : k + 1]))
            first = quote(stripped[act[j]], 40)
            if k == j:
                what = f'line "{first}" looks like page furniture'
            else:
                last = quote(stripped[act[k]], 40)
                what = f'{k - j + 1} lines from "{first}" to "{last}" look like page furniture'
            yield act[j], act[k], f"{what} (article odds at most {odds:.0%}): {why}"
            j = k + 1
