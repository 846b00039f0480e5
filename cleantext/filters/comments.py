"""Readers' comment threads under an article, from where the thread starts to the end of the text.

An extractor such as trafilatura appends the comments after the article (``extract`` keeps
them by default), and a page's text carries them between the article and the footer. The
thread announces itself in these ways:

* a heading ("59 Comments", "Leave a Reply", "12 thoughts on “…”", "Kommentare");
* the signature lines comment software writes around each comment: "Cindy says", "Reply",
  "ReplyDelete", "LikeLike", "Re: Jobs (Score:3)". Two or more, close together, make a thread;
* without either (trafilatura drops both), the comments' own openings: readers write to the
  author ("Great post, thanks for sharing", "Thank you so much for this"). Two or more close
  together, in the second half of the text, make a thread that starts at the first; so does
  one reaction to the post in the last fifth. Generic praise ("Well said") and greetings
  never count alone: they also close interviews and letters;
* after the author's sign-off ("— JS" alone under the last paragraph), a run of lines in
  readers' voices (ending in "!" or "?", with a smiley, answering an "@name"): what
  follows an author's signature is written by others. A P.S., a contact block, a quote's
  attribution or a series of signed letters is not such a run;
* without any of these, a dense run of readers' voices in the second half of the text: 4 of
  5 kept lines in a row that end in "!", carry a smiley or an emoji after some text, answer
  an "@name" or open like a comment. An article's exclamations come alone, as titles or as
  list items, which do not count.

The headings, buttons and verbs are phrases of the marker tables' ``[comment]``, ``[reply]``
and ``[says]`` sections (the openings: ``[reaction]``, ``[praise]`` and ``[greeting]``), of
every language at once (comment software prints its own language whatever the article's).
Each only counts after the article has begun (some paragraphs of prose before it): a
"Comments (5)" link under the headline opens no thread. The earliest start found wins, and
everything after it goes: a thread's end is the end of the text, or the footer that other
filters take anyway.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice, pairwise, repeat
from operator import gt, itemgetter, not_

import numpy as np
import regex
from numpy.typing import NDArray

from .. import markers
from ..page import BULLETS, Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter
from .markers import quote

# Prose paragraphs the article must have before a thread can start.
MIN_PROSE_BEFORE = 2
HEADING_MAX_WORDS = 14
SIGNATURE_MAX_WORDS = 6
# Signature lines further apart than this (in kept lines) belong to different threads.
MAX_SIGNATURE_GAP = 12
MIN_SIGNATURES = 2
# A comment before its first trailing "Reply" is at most this many lines.
MAX_COMMENT_LINES = 3
# A thread told only by readers' reactions starts in the second half of the text's words:
# an article may quote a reader or a testimonial, but not end on a run of them.
REACTIONS_AFTER_SHARE = 0.5
# One reaction to the post ("Great post, thanks for sharing") in the last part of the text is
# a thread of one comment; generic praise ("Thank you so much for…", "Well said") and
# greetings there may close an interview or a letter, so they need another opening nearby.
LONE_REACTION_AFTER_SHARE = 0.8
# A lone reaction that does not end like a sentence has at least this many words.
LONE_REACTION_MIN_WORDS = 8
# After an author's sign-off ("— JS"), the thread needs this many kept lines, and this many
# of the first ``SIGNOFF_WINDOW`` of them in a reader's voice (see ``_voiced``): a P.S., a
# call to action or a contact block may follow a sign-off too, but not a run of voices.
SIGNOFF_MIN_AFTER = 4
SIGNOFF_WINDOW = 6
SIGNOFF_MIN_VOICED = 2
# Without a sign-off, a thread needs this many lines in readers' voices among this many kept
# lines in a row, in the second half of the text: an article's own "!" lines are headings,
# a call to action or one excited paragraph, not a run of them.
VOICES_WINDOW = 5
VOICES_MIN = 4

# A one-word heading above this many paragraphs of prose labels a section of the article.
SECTION_PROSE = 2
# A heading phrase ending in this may go on ("12 thoughts on “Title”").
GOES_ON = "…"
# Heading, button and verb phrases live in the marker tables' [comment], [reply] and [says]
# sections; comment software prints them whatever the page's language, so every table counts.
# Whole-line headings (matched on the lower-cased line, bullets stripped); "Comments?" is a
# question (a FAQ's), not a heading.
_HEADING_END = r"[ \t]*[:.!…→»]*[ \t]*"
# A count glued to its word ("2Comments") is a link under a headline, run together by the
# scraper, not the heading of a thread.
GLUED_COUNT = regex.compile(r"\d[\d.,]*[^\W\d]")
# Lines comment software writes before each comment: "Cindy says", "Re: Title (Score:2)".
_NAME = r"(?:[\w.'’-]+[ \t]+){0,4}?[\w.'’-]+[ \t]+"
_SCORE = r"(?:.*[ \t])?\([ \t]*score:[ \t]*-?\d[^)]*\)"
# A greeting phrase, up to two names and a comma or a stop: "Hi Ryan,", "Thanks, Mark!".
_GREETING_END = r"(?:[ \t,]+[\w'’-]+){0,2}[ \t]*[,!.]+[ \t]*"
# Lines written after each comment: its buttons, joined by the scraper.
_BUTTON_END = r"[ \t]*[↓→»]?"
# What ``_low`` strips from a line's start, and more (a prefilter may let more lines through).
_LEAD = rf"[\s{re.escape(BULLETS)}]*"
# What a leading signature may end with after its verb, and the end of a line that holds the
# verb, once that is stripped (longer than any verb).
_SAYS_END = ": \t"
_TAIL = itemgetter(slice(-20, None))
_SHORT = frozenset(range(1, SIGNATURE_MAX_WORDS + 1))
_SCORE_NEEDLE = ("score:",)
# An author's sign-off alone on a line: a dash and a name of up to three words or initials
# ("— JS", "–Ann Lee", "-Heather"); a hyphen and a space open a list item instead.
SIGNOFF = regex.compile(
    r"[ \t]*(?:[—–―~][ \t]*|-(?=\p{Lu}))\p{Lu}[\w.'’-]*(?:[ \t]+\p{Lu}[\w.'’-]*){0,2}[ \t]*"
)
_SIGNOFF_DASHES = ("—", "–", "―", "~", "-")
# The marks of a reader speaking in a thread (``_speaks``, on a stripped line): a line ending
# in "!", an emoji or a smiley after some text, or an "@name" it answers. An emoji or a dash
# that opens the line is a list's bullet, not a voice; "Name – …" is as often a term and its
# definition as a reply.
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?<![\w:])[:;=]-?[)(DPp](?!\w)"
EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")
SMILEY = re.compile(r"(?<![\w:])[:;=]-?[)(DPp](?!\w)")
AT_NAME = re.compile(r"(?<!\S)@\w")
_CLOSERS = '"”’) \t'
# What ``_voice_hints`` looks for in the page's code points: "!", "@" and the emoji blocks
# (first and last code point), and a smiley's eyes, nose and mouth, as ``SMILEY`` spells them.
_EMOJI_BLOCKS = ((0x2600, 0x27BF), (0x1F300, 0x1FAFF))
_VOICE, _EYES, _NOSE, _MOUTH = 1, 2, 3, 4
UNICODE = 0x110000
QUESTION = regex.compile(r"\?[\"”’)\s]*$")
LISTED = regex.compile(rf"[ \t]*(?:[{re.escape(BULLETS)}✔✓]|\d+[.)][ \t]|{_EMOJI})")
_WORD = regex.compile(r"[^\W\d_]+")
# A line of at least two words, this share of them capitalised, is a title ("Enjoy Japan!").
TITLE_SHARE = 0.7


@dataclass(frozen=True)
class Patterns:
    """The comments filter's patterns, compiled once from the marker tables."""

    heading: regex.Pattern[str]
    # The phrases alone after any space and bullets, for the standard library's engine:
    # wherever ``heading`` (or ``reaction`` or ``greeting``) matches a line, this matches at
    # the line's start in ``Page.lower``, and turns away the many lines that only share a key
    # ("2019 was…") several times faster, without cutting the line out first.
    heading_start: re.Pattern[str]
    reaction_start: re.Pattern[str]
    leading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    reaction: regex.Pattern[str]
    praise: regex.Pattern[str]
    greeting: regex.Pattern[str]
    # A line whose head starts otherwise cannot match the line-start patterns (looked up in
    # the page's index of line heads), and a short line that does not end in a says-verb
    # (before a colon) cannot be a leading signature, nor a long one without "score:".
    heading_keys: frozenset[str]
    reply_keys: frozenset[str]
    reaction_keys: frozenset[str]
    says_verbs: tuple[str, ...]
    # A leading signature is looked at where its line holds one of these (the verb after a
    # space, or "score:"), or has a reply key, as ever.
    says_needles: tuple[str, ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    table = markers.table(*markers.available_languages())
    headings = table.phrases["comment"]
    whole = [h for h in headings if not h.endswith(GOES_ON)]
    going = [h[: -len(GOES_ON)].rstrip() for h in headings if h.endswith(GOES_ON)]
    heading = rf"(?:{markers.trie_regex(whole)}|{markers.trie_regex(going)}(?:[ \t]+\S.*)?)"
    says = markers.trie_regex(table.phrases["says"])
    return Patterns(
        heading=regex.compile(heading + _HEADING_END),
        heading_start=re.compile(_LEAD + markers.trie_regex([*whole, *going])),
        reaction_start=re.compile(
            _LEAD
            + markers.trie_regex(
                [*table.phrases["reaction"], *table.phrases["praise"], *table.phrases["greeting"]]
            )
        ),
        leading=regex.compile(rf"{_NAME}{says}[ \t]*:?|{_SCORE}"),
        trailing=regex.compile(markers.trie_regex(table.phrases["reply"]) + _BUTTON_END),
        reaction=regex.compile(markers.trie_regex(table.phrases["reaction"]) + r"(?!\w)"),
        praise=regex.compile(markers.trie_regex(table.phrases["praise"]) + r"(?!\w)"),
        greeting=regex.compile(markers.trie_regex(table.phrases["greeting"]) + _GREETING_END),
        heading_keys=table.keys("comment"),
        reply_keys=table.keys("reply"),
        reaction_keys=table.keys("reaction", "praise", "greeting"),
        says_verbs=tuple(table.phrases["says"]),
        says_needles=(*(" " + n for n in table.needles("says")), "score:"),
    )


class Comments(LineFilter):
    """Removes a readers' comment thread, found by its heading, its signature lines, its
    openings, the author's sign-off before it or a run of readers' voices."""

    name = "comments"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        n = len(page)
        if n == 0:
            return
        blank = page.blank
        # The first line after which the article has shown enough prose for a thread to start:
        # the one after the MIN_PROSE_BEFORE-th kept prose line (``a > b`` on booleans is
        # ``a and not b``), found by lazy C iterators that stop there.
        kept_prose = compress(range(n), map(gt, page.prose, removed))
        enough = next(islice(kept_prose, MIN_PROSE_BEFORE - 1, None), None)
        if enough is None or enough + 1 >= n:
            return
        ready = enough + 1
        start = self._heading(page, ready)
        # The lines whose head may open a comment ("Great post…"), looked up once for both.
        openers = page.lines_starting(patterns().reaction_keys)
        for found in (
            self._signatures(page, removed, ready),
            self._reactions(page, removed, ready, openers),
            self._signoff(page, removed, ready),
            self._voices(page, removed, ready, openers),
        ):
            if found is not None and (start is None or found[0] < start[0]):
                start = found
        if start is None:
            return
        first, why = start
        last = n - 1
        while last > first and blank[last]:
            last -= 1
        if all(removed[k] or blank[k] for k in range(first, last + 1)):
            return
        yield first, last, why

    @staticmethod
    def _heading(page: Page, ready: int) -> tuple[int, str] | None:
        words, found = page.word_counts, patterns()
        for i in page.lines_starting(found.heading_keys):
            if (
                i >= ready
                and 0 < words[i] <= HEADING_MAX_WORDS
                and found.heading_start.match(page.lower, page.starts[i])
                and found.heading.fullmatch(low := _low(page, i), timeout=PATTERN_TIMEOUT)
                and not GLUED_COUNT.match(low)
                and not _labels_a_section(page, i)
            ):
                said = quote(page.stripped[i], 50)
                return i, f'the heading "{said}" opens the readers\' comments, which run to the end'
        return None

    @staticmethod
    def _signatures(page: Page, removed: Sequence[bool], ready: int) -> tuple[int, str] | None:
        words, blank = page.word_counts, page.blank
        found = patterns()
        marks: list[tuple[int, bool]] = []  # (line, leading?)
        verbs = found.says_verbs
        replies = set(page.lines_starting(found.reply_keys))
        candidates = {*replies, *_says_lines(page, verbs), *page.lines_containing(_SCORE_NEEDLE)}
        for i in sorted(candidates):
            if i < ready:
                continue
            low = _low(page, i)
            if not 0 < words[i] <= SIGNATURE_MAX_WORDS and "score:" not in low:
                continue
            # A leading signature ends in its verb (and maybe a colon) or in "(Score:…)"; a
            # trailing one starts with a button, so its head has a reply key.
            if (
                (low.endswith(")") or low.rstrip(_SAYS_END).endswith(verbs))
                and (i in replies or any(map(_raw(page, i).__contains__, found.says_needles)))
                and found.leading.fullmatch(low, timeout=PATTERN_TIMEOUT)
            ):
                marks.append((i, True))
            elif i in replies and found.trailing.fullmatch(low, timeout=PATTERN_TIMEOUT):
                marks.append((i, False))
        if len(marks) < MIN_SIGNATURES:
            return None

        def kept_between(a: int, b: int) -> int:
            return sum(1 for k in range(a + 1, b) if not blank[k] and not removed[k])

        # The first cluster of signatures close to each other: runs of marks split where two
        # neighbours lie too far apart, each gap measured once (linear in the page).
        group: list[tuple[int, bool]] = []
        for m in [*marks, (-1, False)]:
            if group and m[0] >= 0 and kept_between(group[-1][0], m[0]) <= MAX_SIGNATURE_GAP:
                group.append(m)
                continue
            if len(group) >= MIN_SIGNATURES:
                break
            group = [m]
        if len(group) < MIN_SIGNATURES:
            return None
        first, leading = group[0]
        example = quote(page.stripped[first], 40)
        if not leading:
            # "Reply" follows its comment: the thread starts at that comment, as long as
            # the shortest comment between two signatures.
            gaps = [kept_between(a[0], b[0]) for a, b in pairwise(group)]
            size = max(1, min(MAX_COMMENT_LINES, min(gaps)))
            k = first
            while size and k > ready:
                k -= 1
                if not blank[k] and not removed[k]:
                    size -= 1
            first = k
        return first, (
            f'{len(group)} comment signature lines such as "{example}" '
            "mark a readers' comment thread, which runs to the end"
        )

    @staticmethod
    def _reactions(
        page: Page, removed: Sequence[bool], ready: int, openers: Sequence[int]
    ) -> tuple[int, str] | None:
        words, blank, ends = page.word_counts, page.blank, page.ends_sentence
        found = patterns()
        candidates = [i for i in openers if i >= ready and not removed[i]]
        if not candidates:
            return None
        # The lines where the second half, and the last part, of the text's words begin: the
        # first whose running total of words reaches the share (found by bisection).
        running = list(accumulate(words))
        half = bisect_left(running, running[-1] * REACTIONS_AFTER_SHARE)
        late = bisect_left(running, running[-1] * LONE_REACTION_AFTER_SHARE)
        marks: list[tuple[int, bool]] = []  # (line, a reaction to the post?)
        for i in candidates:
            if i < half or not found.reaction_start.match(page.lower, page.starts[i]):
                continue
            low = _low(page, i)
            if found.reaction.match(low, timeout=PATTERN_TIMEOUT):
                marks.append((i, True))
            elif found.praise.match(low, timeout=PATTERN_TIMEOUT) or found.greeting.fullmatch(
                low, timeout=PATTERN_TIMEOUT
            ):
                marks.append((i, False))
        for k, (a, strong) in enumerate(marks):
            # Another opening with few kept lines between: the first opens the thread; so
            # does a lone reaction to the post near the end.
            close = k + 1 < len(marks) and (
                sum(1 for j in range(a + 1, marks[k + 1][0]) if not blank[j] and not removed[j])
                <= MAX_SIGNATURE_GAP
            )
            # A lone one must read as a sentence, not a subheading ("Great Tips for Spring").
            if close or (strong and a >= late and (ends[a] or words[a] >= LONE_REACTION_MIN_WORDS)):
                count = len(marks) - k
                said = quote(page.stripped[a], 40)
                if count == 1:
                    return a, (
                        f'the line "{said}" opens like a reader\'s comment on the post, near the '
                        "end: a comment thread, which runs to the end"
                    )
                return a, (
                    f'{count} lines that open like readers\' comments, such as "{said}", '
                    "start a comment thread, which runs to the end"
                )
        return None

    @staticmethod
    def _signoff(page: Page, removed: Sequence[bool], ready: int) -> tuple[int, str] | None:
        """The author's first sign-off after a paragraph, followed by a run of readers'
        voices and no other sign-off (a series of signed letters or testimonials is text):
        the thread starts after it."""
        stripped, blank = page.stripped, page.blank
        dashed = list(map(str.startswith, stripped, repeat(_SIGNOFF_DASHES)))
        signed = [
            i
            for i in compress(range(len(page)), dashed)
            if page.word_counts[i] <= 3
            and not removed[i]
            and SIGNOFF.fullmatch(stripped[i], timeout=PATTERN_TIMEOUT)
        ]
        if not signed or signed[0] < ready:
            return None
        first = signed[0]
        before = next((k for k in range(first - 1, -1, -1) if not blank[k] and not removed[k]), -1)
        if before < 0 or not page.prose[before]:
            return None
        after = [k for k in range(first + 1, len(page)) if not blank[k] and not removed[k]]
        window = after[:SIGNOFF_WINDOW]
        voiced = [k for k in window if _voiced(page, k) or QUESTION.search(stripped[k])]
        if (
            len(after) < SIGNOFF_MIN_AFTER
            or len(voiced) < SIGNOFF_MIN_VOICED
            or (len(signed) > 1 and window and signed[1] <= window[-1])
        ):
            return None
        said, heard = quote(stripped[first], 30), quote(stripped[voiced[0]], 40)
        return after[0], (
            f'the author signs off with "{said}", and {len(voiced)} of the {len(window)} '
            f'lines after it speak as readers, such as "{heard}": a comment thread, which '
            "runs to the end"
        )

    @staticmethod
    def _voices(
        page: Page, removed: Sequence[bool], ready: int, openers: Sequence[int]
    ) -> tuple[int, str] | None:
        """The first run of ``VOICES_MIN`` lines in readers' voices among ``VOICES_WINDOW``
        kept lines in a row, in the second half of the text: it starts at its first voice."""
        blank = page.blank
        running = list(accumulate(page.word_counts))
        half = max(ready, bisect_left(running, running[-1] * REACTIONS_AFTER_SHARE))
        # Only lines with one of a voice's characters ("!", "@", an emoji, a smiley's eyes) can
        # speak: found at once in the page's code points (numpy), from the second half on.
        stripped = page.stripped
        hinted = _voice_hints(page, half)
        speaking = {k for k in hinted if _speaks(stripped[k])}
        start, lower = patterns().reaction_start.match, page.lower
        opening = (k for k in openers if k >= half and start(lower, page.starts[k]))
        voiced = [
            k
            for k in sorted(speaking.union(opening))
            if not blank[k] and not removed[k] and _voiced(page, k, k in speaking)
        ]
        if len(voiced) < VOICES_MIN:
            return None
        # Each line's rank among the kept lines (a C loop: kept is "not blank and not removed",
        # ``a > b`` on booleans being ``a and not b``); a window is VOICES_WINDOW ranks.
        rank = list(accumulate(map(gt, map(not_, blank), removed)))
        ranks = [rank[k] for k in voiced]
        for j, k in enumerate(voiced):
            if ranks[j] + VOICES_WINDOW - 1 > rank[-1]:
                break  # too few kept lines left for a whole window
            count = bisect_left(ranks, ranks[j] + VOICES_WINDOW) - j
            if count >= VOICES_MIN:
                said = quote(page.stripped[k], 40)
                return k, (
                    f'{count} of {VOICES_WINDOW} lines in a row speak as readers, such as "{said}" '
                    "(exclamations, smileys, @names): a comment thread, "
                    "which runs to the end"
                )
        return None


def _labels_a_section(page: Page, i: int) -> bool:
    """A one-word heading with no count ("Kommentar", "Komentarz", "Commentary") right above
    SECTION_PROSE paragraphs of prose labels the article's own opinion section or an
    analyst's comment; a readers' thread opens with a name, a date or a comment form under
    its heading, a line of prose about the form at most."""
    if page.word_counts[i] != 1 or any(c.isdigit() for c in page.stripped[i]):
        return False
    blank, prose, n = page.blank, page.prose, len(page)
    j, seen = i + 1, 0
    while j < n and seen < SECTION_PROSE:
        if not blank[j]:
            if not prose[j]:
                return False
            seen += 1
        j += 1
    return seen == SECTION_PROSE


@lru_cache(maxsize=1)
def _voice_table() -> NDArray[np.uint8]:
    """What each code point is to ``_voice_hints``: ``_VOICE`` ("!", "@", an emoji), a
    smiley's ``_EYES``, ``_NOSE`` or ``_MOUTH``, or 0."""
    table = np.zeros(UNICODE, dtype=np.uint8)
    for lo, hi in _EMOJI_BLOCKS:
        table[lo : hi + 1] = _VOICE
    for chars, kind in (("!@", _VOICE), (":;=", _EYES), ("-", _NOSE), (")(DPp", _MOUTH)):
        table[list(map(ord, chars))] = kind
    return table


def _voice_hints(page: Page, first: int) -> list[int]:
    """The lines from ``first`` on that hold "!", "@", an emoji or a smiley's eyes and
    mouth (":)", ";-P"): a superset of the lines that ``_speaks``, found by one look-up of
    the page's code points (numpy) instead of a pattern per line."""
    if first >= len(page):
        return []
    at = page.starts[first]
    kind = _voice_table()[page.codes[at:]]
    # The eyes are few: what follows each (a nose, maybe, then a mouth) is looked up by
    # index, with nothing past the text's end.
    eyes = np.flatnonzero(kind == _EYES)
    after = np.append(kind, np.zeros(2, dtype=np.uint8))
    one, two = after[eyes + 1], after[eyes + 2]
    smiles = eyes[(one == _MOUTH) | ((one == _NOSE) & (two == _MOUTH))]
    where = np.concatenate((np.flatnonzero(kind == _VOICE), smiles)) + at
    lines = np.unique(page.bounds[0].searchsorted(where, side="right") - 1)
    return lines.tolist()  # type: ignore[no-any-return]


def _speaks(line: str) -> bool:
    """The stripped line ends in "!", holds an emoji or a smiley after its first character,
    or answers an "@name": a reader's voice in a thread."""
    return bool(
        line.rstrip(_CLOSERS).endswith("!")
        or EMOJI.search(line, 1)
        or SMILEY.search(line, 1)
        or ("@" in line and AT_NAME.search(line))
    )


def _voiced(page: Page, i: int, speaks: bool | None = None) -> bool:
    """Line i speaks like a reader in a thread (``_speaks``, or ``speaks`` when the caller
    looked already) or opens like a comment; a list item or a title does not (looked at
    only once the line speaks, the rarer case)."""
    line = page.stripped[i]
    if not (_speaks(line) if speaks is None else speaks):
        found, low = patterns(), _low(page, i)
        if not (
            found.reaction.match(low, timeout=PATTERN_TIMEOUT)
            or found.praise.match(low, timeout=PATTERN_TIMEOUT)
            or found.greeting.fullmatch(low, timeout=PATTERN_TIMEOUT)
        ):
            return False
    if LISTED.match(line):
        return False
    words = _WORD.findall(line)
    return not (len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words))


def _says_lines(page: Page, verbs: tuple[str, ...]) -> list[int]:
    """The lines of 1 to ``SIGNATURE_MAX_WORDS`` words that end in one of ``verbs`` (before
    a colon and spaces), in any case: a superset of the leading signatures without "score:".

    C loops over the lines (``map``, ``compress``), not one bytecode loop per line; only the
    stripped line's last characters are lower-cased."""
    short = list(map(_SHORT.__contains__, page.word_counts))
    ends = map(str.rstrip, compress(page.stripped, short), repeat(_SAYS_END))
    said = map(str.endswith, map(str.lower, map(_TAIL, ends)), repeat(verbs))
    return list(compress(compress(range(len(page)), short), said))


def _raw(page: Page, i: int) -> str:
    """Line i in lower case."""
    return page.lower[page.starts[i] : page.ends[i]]


def _low(page: Page, i: int) -> str:
    """Line i in lower case, without surrounding space or leading bullets."""
    return _raw(page, i).strip().lstrip(BULLETS)
