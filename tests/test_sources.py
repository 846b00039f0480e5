"""Reading bytes: exact UTF-8, detected legacy encodings, binary refused, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.sources import SourceError, binary_kind, decode, decode_bytes, read_text

CP1252_TEXT = (
    "“Smart quotes” are back, said the café owner in Zürich.\r\n"
    "It’s a naïve résumé — voilà, 5 € for a crème brûlée.\r\n"
)


def test_utf8_is_taken_as_is_with_crlf_kept() -> None:
    d = decode("Grüße\r\naus Köln\r\n".encode(), "f.txt")
    assert d.text == "Grüße\r\naus Köln\r\n"
    assert (d.encoding, d.detected) == ("utf-8", False)


def test_utf8_bom_is_kept_as_a_character() -> None:
    d = decode(b"\xef\xbb\xbfHello", "f.txt")
    assert d.text == "\ufeffHello"


def test_utf16_with_bom_is_decoded_and_keeps_the_mark() -> None:
    d = decode("\ufeffMünchen\r\n".encode("utf-16-le"), "f.txt")
    assert d.text == "\ufeffMünchen\r\n"
    assert d.encoding == "utf-16-le"


def test_cp1252_is_read_correctly_and_reported() -> None:
    d = decode(CP1252_TEXT.encode("cp1252"), "f.txt")
    assert d.text == CP1252_TEXT
    assert d.encoding == "cp1252"
    assert d.detected
    assert "cp1252" in d.note and "not UTF-8" in d.note


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café crème", "latin-1"),
        ("Voilà, c’est déjà fini. Le garçon a mangé à midi.", "cp1252"),
        ("Zażółć gęślą jaźń. Przed nami jeszcze wiele pracy, że hej.", "cp1250"),
        ("Он сказал, что это не так, и все это знают.", "cp1251"),
    ],
)
def test_legacy_encodings_round_trip(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "f.txt").text == text


def test_mostly_utf8_with_a_stray_byte_names_byte_and_offset() -> None:
    data = "café and ".encode() + b"\x92" + " more café".encode()
    with pytest.raises(SourceError) as e:
        decode(data, "notes.txt")
    message = str(e.value)
    assert message.startswith("notes.txt: ")
    assert "0x92" in message and "offset 10" in message and "--encoding" in message
    assert "\n" not in message


def test_undecodable_bytes_suggest_iconv() -> None:
    with pytest.raises(SourceError) as e:
        decode(bytes(range(128, 256)) * 3, "odd.txt")
    assert "0x80 at offset 0" in str(e.value) and "iconv -f" in str(e.value)


def test_forced_encoding_is_strict() -> None:
    assert decode(b"caf\xe9", "f", "latin-1").text == "café"
    with pytest.raises(SourceError, match="not valid utf-8: byte 0xe9 at offset 3"):
        decode(b"caf\xe9", "f", "utf-8")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
        (bytes(200) + b"text", "NUL"),
    ],
)
def test_binary_is_refused_with_one_line(data: bytes, kind: str) -> None:
    with pytest.raises(SourceError) as e:
        decode_bytes(data, "pic.dat")
    assert kind in str(e.value) and str(e.value).startswith("pic.dat: ")
    assert "\n" not in str(e.value)


def test_a_few_nul_bytes_do_not_make_text_binary() -> None:
    paragraph = "A scraped paragraph of ordinary article text, long enough to read. " * 4
    text = (paragraph + "stray\x00NUL\n") * 5
    assert binary_kind(text.encode()) is None
    assert decode_bytes(text.encode(), "f").text == text


def test_utf16_without_bom_is_named() -> None:
    with pytest.raises(SourceError, match="UTF-16"):
        decode_bytes("Plain words in UTF-16 without a mark".encode("utf-16-le"), "f")


def test_read_text_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nope\.txt: no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="is a directory"):
        read_text(tmp_path)


def test_read_text_does_not_translate_newlines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    assert read_text(path).text == "one\r\ntwo\rthree\n"
