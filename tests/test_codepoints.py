"""The code point tables agree with Python's own character methods."""

from __future__ import annotations

import numpy as np

from cleantext import codepoints

# The whole BMP, and a stretch of the first planes above it (digits and capitals among them).
CHARS = "".join(map(chr, range(0x10000))) + "".join(map(chr, range(0x1D400, 0x1D800)))


def test_digit_table_is_str_isdigit() -> None:
    cp = codepoints.codes(CHARS)
    assert codepoints.is_digit(cp).tolist() == list(map(str.isdigit, CHARS))


def test_space_and_upper_tables_are_str_methods() -> None:
    cp = codepoints.codes(CHARS)
    kind = codepoints.space_or_upper(cp)
    assert (kind == 1).tolist() == list(map(str.isspace, CHARS))
    assert (kind == 2).tolist() == list(map(str.isupper, CHARS))
    assert np.array_equal(codepoints.is_upper(cp), kind == 2)
