"""The comments filter: a readers' thread goes from its heading or signatures to the end."""

from __future__ import annotations

from filtercase import BODY, reasons, removed_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Page, markers
from cleantext.filters import Comments, comments

THREAD = [
    "Great article, thanks for covering this.",
    "I grew up reading in that building and I am sad to see it go, but the centre is closer.",
]


def test_numbered_heading_opens_a_thread_to_the_end() -> None:
    lines = [*BODY, "3 Comments", *THREAD]
    assert removed_lines(Comments(), lines) == ["3 Comments", *THREAD]
    assert reasons(Comments(), lines) == [
        'the heading "3 Comments" opens the readers\' comments, which run to the end'
    ]


def test_leave_a_reply_and_thoughts_on_headings() -> None:
    for heading in ("Leave a Reply", "12 thoughts on “Closing the Mill Street library”"):
        assert removed_lines(Comments(), [*BODY, heading, *THREAD])[0] == heading


def test_heading_before_the_article_opens_nothing() -> None:
    """A "5 Comments" link under the headline comes before any prose."""
    lines = ["Council closes Mill Street library", "5 Comments", *BODY]
    assert removed_lines(Comments(), lines) == []


def test_a_question_heading_is_not_a_comment_section() -> None:
    """A FAQ's "Comments?" entry is part of the article."""
    assert removed_lines(Comments(), [*BODY, "Comments?", THREAD[1]]) == []


def test_leading_signatures_start_the_thread() -> None:
    lines = [*BODY, "Cindy says", THREAD[0], "Mark Lee says", THREAD[1]]
    assert removed_lines(Comments(), lines) == lines[len(BODY) :]
    assert 'comment signature lines such as "Cindy says"' in reasons(Comments(), lines)[0]


def test_trailing_reply_buttons_take_the_comment_before_them() -> None:
    lines = [*BODY, THREAD[0], "ReplyDelete", THREAD[1], "ReplyDelete"]
    assert removed_lines(Comments(), lines) == lines[len(BODY) :]


def test_one_signature_is_not_a_thread() -> None:
    """ "The minister says" alone is a line of the article, not a comment thread."""
    lines = [*BODY, "The minister says:", THREAD[1]]
    assert removed_lines(Comments(), lines) == []


def test_slashdot_scores_mark_a_thread() -> None:
    lines = [*BODY, "Re: Library hours (Score:2)", THREAD[1], "Not so fast (Score:4, Funny)"]
    assert removed_lines(Comments(), lines) == lines[len(BODY) :]


def test_headings_come_from_every_marker_table() -> None:
    """The [comment] sections of all tables count on every page: a Polish blog's heading."""
    assert removed_lines(Comments(), [*BODY, "12 komentarzy", *THREAD])[0] == "12 komentarzy"


def test_a_count_glued_to_its_word_is_a_link_not_a_heading() -> None:
    """ "2Comments" is a scraper's join of a link under a headline ("2" + "Comments")."""
    lines = [*BODY, "2Comments", "The mayor said the centre opens in May.", BODY[0]]
    assert removed_lines(Comments(), lines) == []


REACTIONS = [
    "Great post, thanks for sharing! We lost our branch in 2019 and nobody asked us.",
    "Will the centre keep the local history room?",
    "Thank you for this. I had not heard about the vote at all.",
]


def test_reactions_without_heading_start_a_thread() -> None:
    """trafilatura appends comments with no heading or signature: their openings tell them."""
    lines = [*BODY, *REACTIONS]
    assert removed_lines(Comments(), lines) == REACTIONS
    assert reasons(Comments(), lines) == [
        "2 lines that open like readers' comments, such as \"Great post, thanks for "
        'sharing! We lo...", start a comment thread, which runs to the end'
    ]


def test_greeting_lines_count_as_reactions() -> None:
    lines = [*BODY, *BODY, "Hi Laura,", THREAD[1], "Thanks, Mark!"]
    assert removed_lines(Comments(), lines) == ["Hi Laura,", THREAD[1], "Thanks, Mark!"]


def test_one_reaction_is_not_a_thread() -> None:
    """An article may end by quoting one reader's "Thank you for this"."""
    assert removed_lines(Comments(), [*BODY, REACTIONS[2], BODY[1]]) == []


def test_reactions_in_the_first_half_are_quotes() -> None:
    """Praise quoted early in an article ("Great post, one reader wrote…") is the article's."""
    lines = [BODY[0], BODY[1], REACTIONS[0], REACTIONS[2], *BODY, *BODY]
    assert removed_lines(Comments(), lines) == []


def test_reactions_far_apart_are_not_a_thread() -> None:
    lines = [*BODY, REACTIONS[0], *(BODY * 5), REACTIONS[2]]
    assert removed_lines(Comments(), lines) == []


def test_a_late_reaction_alone_is_a_thread_of_one() -> None:
    """trafilatura's output often ends on a single comment: "Great post, thanks for…"."""
    lines = [*BODY, *BODY, REACTIONS[0]]
    assert removed_lines(Comments(), lines) == [REACTIONS[0]]
    assert reasons(Comments(), lines) == [
        'the line "Great post, thanks for sharing! We lo..." opens like a reader\'s comment '
        "on the post, near the end: a comment thread, which runs to the end"
    ]


def test_a_lone_reaction_must_read_as_a_sentence() -> None:
    """A short line without a sentence's end is a subheading ("Great Tips for Spring")."""
    assert removed_lines(Comments(), [*BODY, *BODY, "Great tips for the new centre"]) == []


def test_a_lone_reaction_before_the_last_fifth_is_the_article() -> None:
    lines = [*BODY, REACTIONS[0], *BODY, *BODY]
    assert removed_lines(Comments(), lines) == []


INTERVIEW_END = "Thank you so much for having me, it was a pleasure to talk about the library."


def test_late_praise_alone_is_an_interview_not_a_thread() -> None:
    """ "Thank you so much for…" closes interviews and letters: generic praise alone at the
    end opens no thread."""
    for praise in (INTERVIEW_END, "Well said, and thank you for the question.", "Great work."):
        assert removed_lines(Comments(), [*BODY, *BODY, praise]) == []


def test_praise_beside_another_opening_is_a_thread() -> None:
    lines = [*BODY, *BODY, "Thank you so much for covering the vote.", THREAD[1], "Hi Laura,"]
    assert removed_lines(Comments(), lines) == lines[2 * len(BODY) :]
    lines = [*BODY, *BODY, "Well said, Mark.", REACTIONS[1], "Thanks for this, I agree."]
    assert removed_lines(Comments(), lines) == lines[2 * len(BODY) :]


# A blog post signed by its author, then readers' comments without heading or names (as
# trafilatura leaves them).
SIGNED_THREAD = [
    "I know what you mean; I grew up in that library and will miss it.",
    "Oh look, another branch closing! Who could have seen that coming?",
    "Mark – have you asked the council about the east side bus route?",
    "The centre is closer for most of us, to be fair.",
]


def test_a_run_of_voices_after_the_authors_sign_off_is_a_thread() -> None:
    lines = [*BODY, "— ML", *SIGNED_THREAD]
    assert removed_lines(Comments(), lines) == SIGNED_THREAD
    assert reasons(Comments(), lines) == [
        'the author signs off with "— ML", and 2 of the 4 lines after it speak as readers, '
        'such as "Oh look, another branch closing! Who ...": a comment thread, which runs '
        "to the end"
    ]


def test_a_sign_off_then_a_postscript_or_contact_block_is_the_article() -> None:
    """A P.S. or the author's call to action follows a sign-off without readers' voices."""
    after = [
        "P.S. The branch keeps its opening hours until the end of next year.",
        "Contact the library office",
        "Phone: 555 0100",
        "Email: office@example.org",
    ]
    assert removed_lines(Comments(), [*BODY, "-Heather", *after]) == []


def test_signed_letters_are_the_article() -> None:
    """A letters page signs every letter: a second sign-off close by means no thread."""
    lines = [*BODY, "— Ann Lee", *SIGNED_THREAD[:2], "— Tom Reed", *SIGNED_THREAD[2:]]
    assert removed_lines(Comments(), lines) == []


def test_a_quote_attribution_is_not_a_sign_off() -> None:
    """ "— Mark Twain" under a quoted line attributes the quote, it closes nothing."""
    lines = [*BODY, "“Get your facts first.”", "— Mark Twain", *SIGNED_THREAD]
    assert removed_lines(Comments(), lines) == []


def test_a_hyphen_and_space_opens_a_list_item_not_a_sign_off() -> None:
    lines = [*BODY, "- Reading", *SIGNED_THREAD]
    assert removed_lines(Comments(), lines) == []


# Short comments under a post, as trafilatura appends them: no heading, names or buttons,
# and no opening phrase of the marker tables, but excited and with smileys.
VOICES = [
    "This makes me really happy!",
    "About time 😉",
    "Staying true to your roots, I love it!",
    "My grandmother worked there for thirty years and she would have been thrilled!",
    "Finally some good news for the east side :)",
]


def test_a_run_of_readers_voices_late_in_the_text_is_a_thread() -> None:
    lines = [*BODY, *BODY, *VOICES]
    assert removed_lines(Comments(), lines) == VOICES
    assert reasons(Comments(), lines) == [
        '5 of 5 lines in a row speak as readers, such as "This makes me really happy!" '
        "(exclamations, smileys, @names): a comment thread, which runs to the end"
    ]


def test_three_voices_in_five_lines_are_the_article() -> None:
    """An article may close on a couple of exclamations ("Enjoy!"): not a run of voices."""
    lines = [*BODY, *BODY, VOICES[0], BODY[0], VOICES[2], BODY[1], VOICES[3]]
    assert removed_lines(Comments(), lines) == []


def test_voices_in_the_first_half_are_the_article() -> None:
    lines = [BODY[0], *VOICES, *BODY, *BODY, *BODY]
    assert removed_lines(Comments(), lines) == []


def test_exclaimed_list_items_and_titles_are_not_voices() -> None:
    """A list of tips with emoji bullets, or a title ending in "!", is the article's."""
    tips = ["✅ Book your table early!", "- Bring cash for the market!", "Enjoy Your Stay In Lyon!"]
    lines = [*BODY, *BODY, *tips, "✔ Try the night tram!", "- Say hello to the staff!"]
    assert removed_lines(Comments(), lines) == []


def test_readers_agreeing_with_each_other_open_comments() -> None:
    """Replies in a thread second or agree with another reader: "I second this question."."""
    lines = [
        *BODY,
        *BODY,
        "I second this question, the hours matter most.",
        THREAD[1],
        "Thumbs up.",
    ]
    assert removed_lines(Comments(), lines) == lines[2 * len(BODY) :]


def test_a_consent_checkbox_is_not_a_reader_agreeing() -> None:
    """ "I agree to the use of my personal data" is a sign-up form's, not a reply's."""
    form = ["I agree to the use of my personal data by the publisher.", "Thanks for signing up."]
    assert removed_lines(Comments(), [*BODY, *BODY, *form, "Thank you."]) == []


# The filter looks closely only at candidate lines; these pin each shortcut against the
# pattern it stands in for, on lines mixing signatures, headings, reactions and prose.
SIGNATURE_BITS = st.sampled_from(
    [
        "John",
        "Mary O'Neil",
        "- ",
        "• ",
        "  ",
        "says",
        "SAID",
        "wrote:",
        "Sagt",
        "dit",
        "Reply",
        "ReplyDelete",
        "Re: Jobs (Score:3)",
        "(score: -1, funny)",
        "12",
        "Comments",
        "Leave a Reply",
        "thoughts on",
        "Great post!",
        "Thanks, Mark!",
        "Hi Ryan,",
        "the",
        "2019 was a year",
        "says the mayor",
        ":",
        " \t",
        "’",
        "İ",
        "ΣΑΣ",
        "…",
        "\xa0",
        "said.",
    ]
)
LINES = st.lists(
    st.lists(SIGNATURE_BITS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_candidate_shortcuts_keep_every_match(lines: list[str]) -> None:
    page = Page("\n".join(lines) + "\n")
    found = comments.patterns()
    says = set(comments._says_lines(page, found.says_verbs))
    replies = set(page.lines_starting(found.reply_keys))
    for i in range(len(page)):
        low = comments._low(page, i)
        if found.heading.fullmatch(low):
            assert found.heading_start.match(page.lower, page.starts[i])
        if found.reaction.match(low) or found.greeting.fullmatch(low):
            assert found.reaction_start.match(page.lower, page.starts[i])
        if found.leading.fullmatch(low):
            assert low.endswith(")") or low.rstrip(comments._SAYS_END).endswith(found.says_verbs)
            if 0 < page.word_counts[i] <= comments.SIGNATURE_MAX_WORDS:
                assert i in says or "score:" in low
        if found.trailing.fullmatch(low):
            assert i in replies or not any(n in low for n in found.says_needles)


def test_no_reply_button_holds_a_says_needle() -> None:
    """So a line with a says-needle but no reply key never is a trailing signature, which
    ``_signatures`` relies on in testing ``trailing`` on reply-key lines only."""
    table = markers.table(*markers.available_languages())
    needles = comments.patterns().says_needles
    assert not [p for p in table.phrases["reply"] for n in needles if n.strip() in p]


def test_says_verbs_are_single_words_within_the_tail() -> None:
    """``_says_lines`` compares a line's last characters with the verbs as plain strings."""
    verbs = comments.patterns().says_verbs
    assert verbs
    assert all(v.isalpha() and v == v.lower() for v in verbs)
    assert max(map(len, verbs)) < len(comments._TAIL("x" * 100))


VOICE_BITS = st.sampled_from(
    [
        "Great post",
        "wow!",
        "!",
        "@amy",
        "a@b.org",
        ":)",
        ";-P",
        ":-",
        ":",
        "=D",
        "🙂",
        "☀",
        "x",
        "Love it",
        " ",
    ]
)
VOICE_LINES = st.lists(
    st.lists(VOICE_BITS, min_size=1, max_size=5).map("".join), min_size=1, max_size=10
)


@settings(max_examples=300, deadline=None)
@given(VOICE_LINES)
def test_voice_hints_hold_every_speaking_line(lines: list[str]) -> None:
    """``_voices`` looks at a line only where ``_voice_hints`` finds one of a voice's
    characters: every line that ``_speaks`` must be among them."""
    page = Page("\n".join(lines))
    hints = set(comments._voice_hints(page, 0))
    for i in range(len(page)):
        if comments._speaks(page.stripped[i]):
            assert i in hints


# A think tank's analysis in Polish: after the facts, the heading "Komentarz" opens the
# analysts' own commentary, paragraphs of prose that are the article, not a readers' thread.
ANALIZA = [
    "Rząd poinformował w sobotę o wydaleniu osiemnastu pracowników ambasady, a opozycja "
    "zażądała w parlamencie pilnego wyjaśnienia całej sprawy przez ministra spraw wewnętrznych.",
    "Pisemną informację o udziale obcych służb w wybuchu w składzie amunicji premier otrzymał "
    "dzień wcześniej, po zakończeniu wieloletniego śledztwa prowadzonego przez policję.",
]
KOMENTARZ = [
    "Komentarz",
    "Ujawnienie wyników pracy kontrwywiadu mocno zachwiało pozycją prezydenta i wzmocniło "
    "premiera, który od miesięcy zabiegał o poparcie w sprawie budowy nowej elektrowni.",
    "Nie bez znaczenia był zapewne także dryf mniejszego koalicjanta w stronę bliższej "
    "współpracy z prezydentem i coraz bliższe wybory do parlamentu, zaplanowane na jesień.",
]


def test_a_one_word_heading_above_paragraphs_of_prose_labels_a_section() -> None:
    assert removed_lines(Comments(), [*ANALIZA, *KOMENTARZ], language="pl") == []


def test_a_one_word_heading_above_a_comment_form_still_opens_the_thread() -> None:
    """The form's note is one line of prose, then its fields: the readers' comments."""
    form = [
        "Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht, und die Pflichtfelder sind mit einem "
        "Sternchen markiert, damit du sie beim Ausfüllen leicht findest.",
        "Name *",
        "E-Mail *",
    ]
    assert removed_lines(Comments(), [*BODY, *form]) == form
