"""Readers' comment threads under an article, from where the thread starts to the end of the text.

An extractor such as trafilatura appends the comments after the article (``extract`` keeps
them by default), and a page's text carries them between the article and the footer. The
thread announces itself in two ways:

* a heading ("59 Comments", "Leave a Reply", "12 thoughts on “…”", "Kommentare");
* the signature lines comment software writes around each comment: "Cindy says", "Reply",
  "ReplyDelete", "LikeLike", "Re: Jobs (Score:3)". Two or more, close together, make a thread.

Either only counts after the article has begun (some paragraphs of prose before it): a
"Comments (5)" link under the headline opens no thread. Everything after the start goes: a
thread's end is the end of the text, or the footer that other filters take anyway.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

import regex

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

_NUMBER = r"(?:\d[\d.,]*|no|one|two|three|four|five|six|seven|eight|nine|ten)"
# Whole-line headings (matched on the lower-cased line, bullets stripped).
HEADING = regex.compile(
    r"(?:"
    # "Comments", "59 Comments", "Comments (0)", "No comments:", "12 thoughts on “Title”"
    rf"(?:{_NUMBER}[ \t]+)?comments?(?:[ \t]*\([ \t]*\d+[ \t]*\))?"
    rf"|{_NUMBER}[ \t]+(?:comments?|responses?|replies|thoughts|reactions)"
    r"(?:[ \t]+(?:on|to)[ \t]+\S.*)?"
    r"|(?:reader|readers['’]?|user|visitor)[ \t]+comments"
    r"|(?:leave|post|add|write|submit|share)[ \t]+(?:a|your)[ \t]+(?:comment|reply|response)"
    r"(?:[ \t]+\S.*)?"
    r"|(?:join|start)[ \t]+the[ \t]+(?:conversation|discussion)"
    r"|(?:loading|show|view|read|see)[ \t]+(?:all[ \t]+)?(?:\d+[ \t]+)?comments"
    r"|there[ \t]+are[ \t]+no[ \t]+comments(?:[ \t]+\S+){0,3}"
    r"|be[ \t]+the[ \t]+first[ \t]+to[ \t]+comment"
    # Other languages: the plain headings comment software prints.
    r"|(?:\d+[ \t]+)?(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|commento"
    r"|reacties|reactie|komentarze?|komentarzy|комментари[йия]|коментар[іяів]*)"
    r"|schreibe(?:n sie)?[ \t]+einen[ \t]+kommentar|kommentar[ \t]+schreiben"
    r"|laisser[ \t]+un[ \t]+commentaire|deja[ \t]+(?:un|tu)[ \t]+comentario"
    r"|deixe[ \t]+(?:um|seu)[ \t]+comentário|lascia[ \t]+un[ \t]+commento"
    r"|laat[ \t]+een[ \t]+reactie[ \t]+achter|dodaj[ \t]+komentarz"
    r"|оставить[ \t]+комментарий|залишити[ \t]+коментар"
    # "Comments?" is a question (a FAQ's), not a heading.
    r")[ \t]*[:.!…→»]*[ \t]*"
)
# Lines comment software writes before each comment: "Cindy says", "Re: Title (Score:2)".
LEADING = regex.compile(
    r"(?:[\w.'’-]+[ \t]+){0,4}?[\w.'’-]+[ \t]+(?:says|said|wrote|sagt|schreibt|dit|dice|diz)"
    r"[ \t]*:?"
    r"|(?:.*[ \t])?\([ \t]*score:[ \t]*-?\d[^)]*\)"
)
# Lines written after each comment: its buttons, joined by the scraper.
TRAILING = regex.compile(
    r"(?:reply|replydelete|likelike|liked[ \t]+by[ \t]+\d+[ \t]+(?:person|people)"
    r"|log[ \t]*in[ \t]+to[ \t]+reply|reply[ \t]+to[ \t]+this[ \t]+comment"
    r"|antworten|répondre|responder|rispondi|odpowiedz|beantwoorden|ответить|відповісти)"
    r"[ \t]*[↓→»]?"
)
# A line without one of these cannot match the patterns above: found in C over the whole text.
HEADING_NEEDLES = (
    "comment",
    "repl",
    "respons",
    "thought",
    "reaction",
    "conversation",
    "discussion",
    "komment",
    "coment",
    "reacti",
    "коммент",
    "комент",
)
SIGNATURE_NEEDLES = (
    "says",
    "said",
    "wrote",
    "sagt",
    "schreibt",
    " dit",
    " dice",
    " diz",
    "score:",
    "repl",
    "like",
    "antwort",
    "répond",
    "respond",
    "rispond",
    "odpowied",
    "beantwoord",
    "ответ",
    "відпов",
)


class Comments(LineFilter):
    """Removes a readers' comment thread, found by its heading or its signature lines."""

    name = "comments"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        n = len(page)
        if n == 0:
            return
        prose, blank = page.prose, page.blank
        # The first line after which the article has shown enough prose for a thread to start.
        seen = 0
        ready = n
        for i in range(n):
            if prose[i] and not removed[i]:
                seen += 1
                if seen >= MIN_PROSE_BEFORE:
                    ready = i + 1
                    break
        if ready >= n:
            return
        start = self._heading(page, ready)
        threads = self._signatures(page, removed, ready)
        if threads is not None and (start is None or threads[0] < start[0]):
            start = threads
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
        words = page.word_counts
        for i in page.lines_containing(HEADING_NEEDLES):
            if (
                i >= ready
                and 0 < words[i] <= HEADING_MAX_WORDS
                and HEADING.fullmatch(_low(page, i), timeout=PATTERN_TIMEOUT)
            ):
                said = quote(page.stripped[i], 50)
                return i, f'the heading "{said}" opens the readers\' comments, which run to the end'
        return None

    @staticmethod
    def _signatures(page: Page, removed: Sequence[bool], ready: int) -> tuple[int, str] | None:
        words, blank = page.word_counts, page.blank
        marks: list[tuple[int, bool]] = []  # (line, leading?)
        for i in page.lines_containing(SIGNATURE_NEEDLES):
            if i < ready:
                continue
            low = _low(page, i)
            if not 0 < words[i] <= SIGNATURE_MAX_WORDS and "score:" not in low:
                continue
            if LEADING.fullmatch(low, timeout=PATTERN_TIMEOUT):
                marks.append((i, True))
            elif TRAILING.fullmatch(low, timeout=PATTERN_TIMEOUT):
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


def _low(page: Page, i: int) -> str:
    """Line i in lower case, without surrounding space or leading bullets."""
    return page.lower[page.starts[i] : page.ends[i]].strip().lstrip(BULLETS)
