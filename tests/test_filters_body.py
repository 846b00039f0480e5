"""The body filter: menus and link lists around an article go, the article stays."""

from __future__ import annotations

import math
from itertools import accumulate

import numpy as np
from filtercase import removed_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Page
from cleantext.filters import Body, body
from cleantext.filters.body import _kadane, _window_mean

ARTICLE = [
    "Water companies announced hosepipe bans on Friday after the driest July in more than "
    "fifty years left reservoirs at their lowest level since records began.",
    "Customers have been asked to avoid filling paddling pools and washing cars, and fines "
    "can be imposed on those who break the rules.",
    "Drought conditions",
    "Forecasters expect temperatures to remain above 30C for at least another week, and the "
    "environment agency said river levels were falling across the south.",
    "Farmers said the dry weather had already cut yields of wheat and barley, and warned that "
    "food prices could rise later in the year as a result.",
]
MENU = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Travel", "Login", "Search"]


def test_menu_goes_article_stays() -> None:
    gone = removed_lines(Body(), [*MENU, *ARTICLE, *MENU])
    assert not set(gone) & set(ARTICLE)
    assert len(set(gone) & set(MENU)) >= len(MENU) - 2


def test_subheading_between_paragraphs_kept() -> None:
    assert "Drought conditions" not in removed_lines(Body(), [*MENU, *ARTICLE])


def test_kadane_finds_the_heaviest_run() -> None:
    assert _kadane([-1, 2, 3, -1, 4, -10, 5]) == (1, 4)
    assert _kadane([]) == (0, -1)


def test_window_mean_leaves_the_value_out() -> None:
    assert _window_mean([1.0, 2.0, 3.0], 1).tolist() == [2.0, 2.0, 2.0]


def _regime(lines: list[str]) -> str:
    from cleantext import Page, lang
    from cleantext.filters.body import line_features, shipped_model

    page = Page("\n".join(lines) + "\n", lang.stopwords("en"), language="en")
    _, cols = line_features(page, [False] * len(page))
    return shipped_model().regime(cols)


# An extractor's output of a tutorial: prose around a code block and a table, whose lines
# are short but are the article's structure, not a menu.
CODE = ["def total(rows):", "    s = {}", "    for r in rows:", "        s[r] = s.get(r, 0) + 1"]
CODE += ["    return {k: v for k, v in s.items()}", "print(total([1, 2]));"]
TABLE = [
    "| Date | Change |",
    "| 5/1/2017 | +6.5% |",
    "| 6/1/2017 | -1.2% |",
    "| 7/1/2017 | +0.4% |",
]


def test_code_and_table_rows_do_not_make_extracted_text_look_like_a_page() -> None:
    assert _regime([*ARTICLE[:2], *CODE, *TABLE, *ARTICLE[2:]]) == "extracted"


def test_a_menu_still_makes_a_page() -> None:
    assert _regime([*MENU, *ARTICLE, *CODE]) == "page"


def test_a_text_that_starts_with_its_article_is_extracted_text() -> None:
    """No header or menu above the article: an extractor cut the page down already, so the
    list after the first paragraph is the article's, not a menu."""
    items = ["Sunscreen", "Water bottle", "Hat", "Spare socks", "First-aid kit", "Map"]
    assert _regime([*ARTICLE[:2], *items, *ARTICLE[2:]]) == "extracted"
    assert _regime([*MENU[:4], *ARTICLE[:2], *items, *ARTICLE[2:]]) == "page"


# The array helpers against the plain loops they replace, bit for bit.


floats = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False)
wide = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


def _kadane_loop(values: list[int]) -> tuple[int, int]:
    best, cur, start, span = -math.inf, 0.0, 0, (0, -1)
    for k, v in enumerate(values):
        if cur <= 0:
            cur, start = v, k
        else:
            cur += v
        if cur > best:
            best, span = cur, (start, k)
    return span


def _window_mean_loop(values: list[float], k: int) -> list[float]:
    n = len(values)
    prefix = [0.0, *accumulate(values)]
    out = []
    for j in range(n):
        a, b = max(0, j - k), min(n, j + k + 1)
        out.append((prefix[b] - prefix[a] - values[j]) / (b - a - 1) if b - a > 1 else 0.0)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-8, 40), max_size=60))
def test_kadane_matches_the_loop(values: list[int]) -> None:
    assert body._kadane(values) == _kadane_loop(values)


@settings(max_examples=300, deadline=None)
@given(st.lists(floats, max_size=40), st.integers(1, 12))
def test_window_mean_matches_the_loop_bit_for_bit(values: list[float], k: int) -> None:
    assert body._window_mean(values, k).tolist() == _window_mean_loop(values, k)
    means = body._window_means(values, k, k + 1)
    assert [m.tolist() for m in means] == [_window_mean_loop(values, j) for j in (k, k + 1)]


@settings(max_examples=300, deadline=None)
@given(st.lists(floats, max_size=40), st.integers(1, 6), st.booleans())
def test_best_within_matches_the_loop(values: list[float], k: int, reverse: bool) -> None:
    vals = values[::-1] if reverse else values
    want = [max(vals[max(0, j - k) : j]) if j else -5.0 for j in range(len(vals))]
    assert body._best_within(values, k, reverse).tolist() == (want[::-1] if reverse else want)
    both = body._best_around(np.array(values, dtype=np.float64), k)
    assert both[1 if reverse else 0].tolist() == body._best_within(values, k, reverse).tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(floats, floats, floats), max_size=30), floats, floats, floats)
def test_logit_adds_in_column_order(
    rows: list[tuple[float, ...]], w0: float, w1: float, w2: float
) -> None:
    cols = {name: [r[i] for r in rows] for i, name in enumerate(("a", "b", "c"))}
    weights = {"bias": 0.25, "a": w0, "b": 0.0, "c": w2, "unused": w1}
    want = [0.25 + w0 * a + w2 * c if w0 else 0.25 + w2 * c for a, _, c in rows]
    if not w2:
        want = [0.25 + w0 * a if w0 else 0.25 for a, _, _ in rows]
    assert body._logit(weights, cols, len(rows)).tolist() == want


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 40).flatmap(
        lambda k: st.tuples(
            st.lists(st.lists(wide, min_size=k, max_size=k), max_size=12),
            st.lists(floats, min_size=k, max_size=k),
        )
    ),
    floats,
)
def test_logit_of_many_columns_adds_them_line_by_line_in_order(
    case: tuple[list[list[float]], list[float]], bias: float
) -> None:
    # Lines of up to 40 features of any magnitude: every line's sum is the plain loop's,
    # for one line (where the columns' sum runs along the inner axis) and for several.
    rows, ws = case
    names = [f"f{i}" for i in range(len(ws))]
    cols = {name: [r[i] for r in rows] for i, name in enumerate(names)}
    weights = {"bias": bias, **dict(zip(names, ws))}
    want = []
    for r in rows:
        total = bias
        for w, x in zip(ws, r):
            if w:
                total = total + w * x
        want.append(total)
    assert body._logit(weights, cols, len(rows)).tolist() == want


LINES = st.lists(
    st.lists(
        st.sampled_from(
            [
                "The",
                "cat",
                "Sat",
                "ON",
                "a",
                "mat",
                ",",
                "|",
                " | ",
                "»",
                "/",
                "•",
                "{",
                "=",
                ";",
                "12.",
                "3)",
                "٣.",
                "²",
                " ",
                "\t",
                ".",
                "?",
                ":",
                "…",
                "É",
                "ß",
                "😀",
                "-",
            ]
        ),
        min_size=1,
        max_size=12,
    ).map("".join),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_line_features_match_their_per_line_definitions(lines: list[str]) -> None:
    page = Page("\n".join(lines), frozenset({"the", "a", "on"}))
    act, cols = body.line_features(page, [False] * len(page))
    assert act == [i for i, s in enumerate(page.stripped) if s]
    for j, i in enumerate(act):
        s, w = page.stripped[i], page.word_counts[i]
        caps = len([1 for t in s.split() if t[0].isupper()])
        assert cols["capitalised"][j] == (caps / w if 0 < w <= 15 else 0.0)
        c = s.count(",")
        assert cols["commas"][j] == (min(1.0, 5.0 * c / w) if w and c else 0.0)
        assert cols["separators"][j] == float(any(sep in s for sep in body.SEPARATORS))
        assert cols["colon"][j] == float(s.endswith(":"))
        assert cols["question"][j] == float(s.endswith("?"))
        assert cols["bullet"][j] == float(s[0] in body.BULLET_CHARS)
        numbered = s[0].isdigit() and body.NUMBERED.match(s) is not None
        assert cols["numbered"][j] == float(numbered)
        row = s[:1] == "|" and s[-1:] == "|" and s.count("|") >= 3
        code = body.CODE_SYMBOL.search(s) is not None and not page.few_code_symbols(i)
        assert cols["structured"][j] == float(row or code)
        assert cols["chars"][j] == math.log1p(len(s)) and cols["words"][j] == math.log1p(w)
    assert np.array_equal(
        cols["repeated"],
        [float(page.stripped[i] in [page.stripped[k] for k in act if k != i]) for i in act],
    )


def test_every_separator_holds_a_character_the_page_counts() -> None:
    """Only lines with a bar or a separator character are searched for separators."""
    from cleantext.page import BAR, COUNTED, SEPARATOR

    counted = COUNTED[BAR - 1] + COUNTED[SEPARATOR - 1]
    assert all(any(c in counted for c in sep) for sep in body.SEPARATORS)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["cat", "cats", "Cat", "dog", "x", "İ", "a_b", "ca", "t", " "]), max_size=80
    ),
    st.lists(
        st.sampled_from(["cat", "cats", "dog", "x", "ca", "t", "a_b", "b", "i̇", "zzz"]), max_size=60
    ),
    st.integers(0, 7),
)
def test_body_vocabulary_is_the_set_of_the_lines_tokens(
    pieces: list[str], asked: list[str], step: int
) -> None:
    text = "".join(p + ("\n" if k % 5 == 4 else "") for k, p in enumerate(pieces))
    page = Page(text)
    lines = list(range(0, len(page), step + 1))
    tokens = set().union(*(page.words[i] for i in lines))

    class Impatient(body._Vocabulary):
        SCANS = 0  # switches to tokenising after a few look-ups

    for vocabulary in (body._Vocabulary(page, lines), Impatient(page, lines)):
        assert [w in vocabulary for w in asked] == [w in tokens for w in asked]


def test_log1p_is_math_log1p_inside_and_beyond_its_table() -> None:
    counts = [0, 1, 5, 4095, 4096, 4097, 123_456, 10**7]
    assert body._log1p(np.array(counts)).tolist() == [math.log1p(c) for c in counts]


def _explanations_loop(
    model: body.Layers, cols: dict[str, list[float]], firsts: list[int], lasts: list[int]
) -> list[str]:
    out = []
    for a, b in zip(firsts, lasts):
        best, said = 0.0, "its shape and neighbours look like page furniture"
        for feature, (low, high) in body.EVIDENCE.items():
            wt = model.line.get(feature, 0.0)
            if not wt or feature not in cols:
                continue
            total = cols[feature][a]
            for x in cols[feature][a + 1 : b + 1]:
                total = total + x
            deviation = total / (b - a + 1) - model.line.get(f"mean:{feature}", 0.0)
            pull = wt * deviation
            text = high if deviation > 0 else low
            if text and pull < 0.0 and pull < best:
                best, said = pull, text
        out.append(said)
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.dictionaries(
                st.sampled_from(sorted(body.EVIDENCE)),
                st.lists(wide, min_size=n, max_size=n),
                max_size=len(body.EVIDENCE),
            ),
            st.lists(st.booleans(), min_size=n, max_size=n),
        )
    ),
    st.dictionaries(st.sampled_from(sorted(body.EVIDENCE)), floats),
    st.dictionaries(st.sampled_from([f"mean:{f}" for f in body.EVIDENCE]), floats),
)
def test_explanations_match_the_plain_loop(
    case: tuple[dict[str, list[float]], list[bool]],
    weights: dict[str, float],
    centres: dict[str, float],
) -> None:
    # Any subset of the evidence's columns, runs of any length, features summed in order.
    cols, flags = case
    model = body.Layers({**weights, **centres}, {}, 0.0)
    first, last = body._runs(np.array(flags, dtype=np.bool_))
    firsts, lasts = first.tolist(), last.tolist()
    want = _explanations_loop(model, cols, firsts, lasts)
    assert body._explanations(model, cols, firsts, lasts) == want


@settings(max_examples=200, deadline=None)
@given(st.lists(st.booleans(), max_size=30), st.floats(0.0, 30.0))
def test_overlap_stops_early_with_the_full_count_answer(hits: list[bool], need: float) -> None:
    words = [f"w{k}" for k in range(len(hits))]

    class Known(body._Vocabulary):
        def __init__(self) -> None:
            self.asked: list[str] = []

        def __contains__(self, word: object) -> bool:
            self.asked.append(str(word))
            return hits[words.index(str(word))]

    vocabulary = Known()
    assert body._overlaps(vocabulary, words, need) == (sum(hits) >= need)


# A results table that closes a page-text article, just above the footer menu: its rows are
# short and full of numbers, which the scorer alone reads as more menu; a table row is never
# removed on a score.
TABLE = [
    "| Team | Played | Won | Points |",
    "| Arsenal | 12 | 9 | 28 |",
    "| Chelsea | 12 | 8 | 26 |",
    "| Liverpool | 12 | 7 | 24 |",
]


def test_table_rows_are_kept_beside_a_menu() -> None:
    lines = [*MENU, *ARTICLE, *TABLE, *MENU]
    gone = removed_lines(Body(), lines)
    assert not set(gone) & set(TABLE)
    assert len(set(gone) & set(MENU)) >= len(MENU) - 2


def test_table_rows_need_a_bar_at_an_edge_and_three_bars() -> None:
    lines = ["| a | b |", "a | b | c |", "| a | b", "a | b | c", "Home"]
    page = Page("\n".join(lines) + "\n")
    assert body.table_rows(page, range(len(lines))).tolist() == [True, True, False, False, False]


# A packing list inside a travel article: short lines a line scorer reads as a menu, with the
# article's prose above and below it, long enough that the densest run of prose (the body)
# covers only one side of it.
CHECKLIST = [
    "Passport",
    "Sun cream",
    "Walking boots",
    "Rain jacket",
    "Phone charger",
    "Maps",
    "Water bottle",
    "First aid kit",
    "Head torch",
    "Spare socks",
    "Sun hat",
    "Snacks",
    "Whistle",
    "Cash",
    "Blister plasters",
    "Insect repellent",
    "Sunglasses",
    "Binoculars",
]
BEFORE_LIST = [
    "The coastal path runs for more than forty miles between the two harbours, and most "
    "walkers take three days to cover it with stops in the villages on the way.",
    "The guides who lead groups along it every summer say the weather can turn within an "
    "hour, and that the cliffs are no place to be caught without the right kit.",
    "They hand every walker the same short list before the first morning, and they check it "
    "at the harbour wall before anyone sets off.",
]
AFTER_LIST = [
    "The first stage ends at a youth hostel above the bay, where the warden serves supper "
    "until nine and keeps a record of everyone who has walked in that day.",
    "The second stage is the longest, and the guides advise starting before eight so that "
    "the steep climb out of the valley is done before the afternoon heat.",
    "The last stage drops back to sea level and finishes at the ferry pier, where a bus "
    "runs back to the start twice a day during the season.",
]


def test_a_list_inside_the_article_stays_and_the_menus_go() -> None:
    gone = removed_lines(Body(), [*MENU, *BEFORE_LIST, *CHECKLIST, *AFTER_LIST, *MENU])
    assert not set(gone) & set(CHECKLIST)
    assert not set(gone) & set(AFTER_LIST)
    assert len(set(gone) & set(MENU)) >= len(MENU) - 2


def test_inside_the_article_means_enough_prose_above_and_below() -> None:
    # Ten prose lines: a line needs max(3, 0.2 * 10) = 3 of them above and 3 below.
    prose = np.array([False, True, True, True, False, True, True, True, True, True, True, False])
    inside = [False, False, False, False, True, True, True, True, False, False, False, False]
    assert body.inside_article(prose).tolist() == inside
    # Two above and two below is too few, whatever the share.
    assert not body.inside_article(np.array([True, True, False, True, True])).any()
    assert body.inside_article(np.zeros(0, dtype=np.bool_)).tolist() == []


# A German port report from a trade paper's page text: its last paragraph closes on a photo
# credit in brackets, so it is no finished sentence and falls outside the body (the densest
# run of finished sentences); a share button lies between it and the footer menu.
HAFEN = [
    "Der Hafen verzeichnete im vergangenen Jahr einen neuen Rekord beim Umschlag im "
    "Schienengüterverkehr, wie die Betreibergesellschaft am Montag mitteilte.",
    "Mit mehr als 450.000 Containern wurden neun Prozent mehr als im Jahr davor über die "
    "Schiene bewegt, obwohl die Strecke im Sommer mehrere Wochen gesperrt war.",
]
HAFEN_LAST = (
    "Der Anstieg ist unter anderem auf die Einführung von vier neuen Zugverbindungen "
    "zurückzuführen, die den Hafen mit dem Norden des Landes verbinden, und auf die "
    "längeren Züge, die seit dem Frühjahr auf der Hauptstrecke fahren dürfen (Foto: Hafen)"
)
MENU_DE = ["Startseite", "Politik", "Wirtschaft", "Technik", "Termine", "Stellenmarkt", "Archiv"]


def test_a_long_paragraph_right_after_the_body_stays_though_it_is_no_sentence() -> None:
    lines = [*MENU_DE, *HAFEN, HAFEN_LAST, "Teilen", *MENU_DE]
    gone = removed_lines(Body(), lines, language="de")
    assert HAFEN_LAST not in gone
    assert len(set(gone) & set(MENU_DE)) >= len(MENU_DE) - 2


def test_next_to_body_takes_the_long_lines_that_touch_the_body() -> None:
    long = "Der Satz hat viele Wörter, die ohne Punkt enden " * 4
    lines = [long, "Kurz", long, long, *HAFEN, long, "Foto", long]
    page = Page("\n".join(lines) + "\n", language="de")
    in_body = np.zeros(len(lines))
    in_body[4:6] = 1.0
    # Up from the body over both long lines, down over one: a short line ends the walk.
    expected = [False, False, True, True, False, False, True, False, False]
    assert body.next_to_body(page, np.arange(len(lines)), in_body).tolist() == expected
