"""Reading input: bytes in, exact text out, or a one-line reason why not.

Offsets in a Result count code points of the decoded text, so decoding must not change the
text: bytes are read raw (no newline translation, ``\\r\\n`` stays two characters) and a
byte-order mark is kept as U+FEFF at offset 0. Valid UTF-8 is taken as UTF-8. Anything else
goes to trafilatura's encoding detection (charset_normalizer underneath); its candidates are
decoded strictly and the one whose text looks least like mojibake wins, so a cp1252 or
latin-1 file is read correctly and the caller can say which encoding was used. Binary files
(images, archives, PDFs, NUL-heavy data) are refused rather than cleaned into garbage.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from functools import lru_cache

import regex

UTF8 = "utf-8"
SAMPLE = 8192
MAX_CANDIDATES = 8  # detector guesses decoded and scored, besides cp1252

# Magic numbers of formats people feed to text tools by mistake, with what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)

# Byte-order marks: decode with the explicit-endian codec so the mark stays in the text.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that plain text does not contain (tab, newlines, form feed, escape excepted).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")

# Signs that a candidate decoding is mojibake: non-ASCII control, private-use or unassigned
# characters; non-ASCII symbols wedged between two letters ("Za¿ó³æ" is cp1250 read as
# cp1252); letters of another script glued to a Latin one ("Cafﻠ"). General punctuation
# (’ – …) and the middle dot are legitimate inside words.
_SUSPECT = regex.compile(
    r"(?![\x00-\x7f])[\p{Cc}\p{Co}\p{Cn}\p{Cs}]"
    r"|(?<=\p{L})[^\x00-\x7f\p{L}\p{M}\u2000-\u206f\u00b7\u00a0](?=\p{L})"
    r"|(?<=\p{Latin})(?!\p{Latin})\p{L}|(?!\p{Latin})\p{L}(?=\p{Latin})"
)
_NON_ASCII_WORD = regex.compile(r"\w*[^\x00-\x7f]\w*")
# The encoding to prefer when candidates are equally plausible: the web's legacy default.
_PREFERRED = "cp1252"


class SourceError(Exception):
    """An input that cannot be read as text; ``str()`` is the one-line message for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and how: ``detected`` is True when it was not UTF-8."""

    text: str
    encoding: str
    detected: bool = False

    @property
    def note(self) -> str:
        """How the bytes were read, for ``--explain``."""
        if self.detected:
            return f"decoded as {self.encoding}, not UTF-8 (detected)"
        return f"decoded as {self.encoding}"


def read_bytes(path: str | os.PathLike[str], name: str | None = None) -> bytes:
    """The raw bytes of a file, or a SourceError naming it and the problem."""
    label = name if name is not None else os.fspath(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise SourceError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{label}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{label}: permission denied") from None
    except OSError as e:
        raise SourceError(f"{label}: cannot read: {e.strerror or e}") from None


def binary_kind(data: bytes) -> str | None:
    """What a non-text file looks like ("a PNG image", …), or None when it may be text."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[8:12] in (b"WEBP", b"AVI ", b"WAVE") and data.startswith(b"RIFF"):
        return "a RIFF media file"
    if data[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    sample = data[:SAMPLE]
    if not sample:
        return None
    nuls = sample.count(0)
    if nuls * 100 > len(sample):
        if nuls * 3 > len(sample) and _utf16_without_bom(sample):
            return "UTF-16 text without a byte-order mark"
        return "binary data (NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls * 10 > len(sample):
        return "binary data (control bytes)"
    return None


def _utf16_without_bom(sample: bytes) -> bool:
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) * 4 > len(sample) and min(even, odd) * 20 < len(sample)


def check_text(data: bytes, name: str) -> None:
    """Raise SourceError when ``data`` is an image, archive or other binary file."""
    kind = binary_kind(data)
    if kind is None:
        return
    if kind.startswith("UTF-16"):
        raise SourceError(
            f"{name}: looks like {kind}; convert it first: iconv -f UTF-16LE -t UTF-8 "
            f"{_quote(name)} > converted.txt"
        )
    if kind == "gzip-compressed data":
        raise SourceError(
            f"{name}: is {kind}, not text; decompress it first (gunzip -k) "
            "or, for JSON Lines, use --jsonl, which reads .gz"
        )
    raise SourceError(f"{name}: is {kind}, not text; refusing to clean it")


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` exactly (see the module docstring), or raise SourceError.

    With ``encoding`` given, that codec is used strictly and nothing is guessed.
    """
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
        except LookupError:
            raise SourceError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise SourceError(
                f"{name}: not valid {encoding}: byte 0x{data[e.start]:02x} at offset {e.start}"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as e:
                raise SourceError(
                    f"{name}: starts with a {codec} byte-order mark but byte "
                    f"0x{data[e.start]:02x} at offset {e.start} is not {codec}"
                ) from None
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError as e:
        first_bad = e.start
    if _mostly_utf8(data):
        raise SourceError(
            f"{name}: mostly UTF-8, but byte 0x{data[first_bad]:02x} at offset {first_bad} is "
            "not; fix that byte, or force a decoding with --encoding (e.g. --encoding cp1252)"
        )
    best = _best_guess(data)
    if best is None:
        raise SourceError(
            f"{name}: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no "
            f"other encoding fits; convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 "
            f"{_quote(name)} > converted.txt, or pass --encoding"
        )
    return best


def read_text(
    path: str | os.PathLike[str], name: str | None = None, encoding: str | None = None
) -> Decoded:
    """Read, check and decode one file; every problem is a SourceError naming it."""
    label = name if name is not None else os.fspath(path)
    data = read_bytes(path, label)
    return decode_bytes(data, label, encoding)


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Refuse binary data, then decode (see ``decode``)."""
    if encoding is None:
        check_text(data, name)
    return decode(data, name, encoding)


_VALID_MULTIBYTE = regex.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH = regex.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 sequences outnumber the stray high bytes: a UTF-8 file with
    a few bad bytes, which no single legacy encoding would read correctly."""
    valid = _VALID_MULTIBYTE.findall(data)
    if not valid:
        return False
    stray = len(_HIGH.findall(data)) - sum(len(v) for v in valid)
    return len(valid) > stray


@lru_cache(maxsize=64)
def _ascii_compatible(encoding: str) -> bool:
    probe = bytes(range(9, 127))
    try:
        return probe.decode(encoding) == probe.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        return False


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Stopwords of every language that have a non-ASCII letter (ties between decodings)."""
    from .lang import stoplists

    return frozenset(w for words in stoplists().values() for w in words if not w.isascii())


def _best_guess(data: bytes) -> Decoded | None:
    from trafilatura.utils import detect_encoding

    candidates: list[str] = []
    for guess in detect_encoding(data):
        try:
            name = codecs.lookup(guess).name
        except LookupError:
            continue
        if name not in candidates and "utf" not in name and _ascii_compatible(name):
            candidates.append(name)
    preferred = codecs.lookup(_PREFERRED).name
    candidates = [*candidates[:MAX_CANDIDATES], preferred]
    scored: list[tuple[int, int, int, str, str]] = []
    for rank, name in enumerate(dict.fromkeys(candidates)):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        suspects = len(_SUSPECT.findall(text))
        stop = _stopwords()
        hits = sum(1 for w in _NON_ASCII_WORD.findall(text.lower()) if w in stop)
        preference = -1 if name == preferred else rank
        scored.append((suspects, -hits, preference, name, text))
    if not scored:
        return None
    _, _, _, name, text = min(scored)
    return Decoded(text, name, detected=True)


def _quote(name: str) -> str:
    if regex.fullmatch(r"[\w./@%+=:,-]+", name):
        return name
    return "'" + name.replace("'", "'\\''") + "'"
