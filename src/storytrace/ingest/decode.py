"""Bytes to text: BOM, UTF-8, a declared charset, then detection; binary data is refused.

The only change made to the decoded text is CRLF/CR -> LF, so that character
offsets computed later refer to exactly the text a reader can reproduce.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from storytrace.errors import DecodeError

__all__ = ["decode", "looks_binary", "normalize_newlines"]

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than \t \n \v \f \r, plus DEL: rare in any real text encoding
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_SAMPLE = 65_536
_MAX_CONTROL_RATIO = 0.05


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters (images, archives...)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, *, input: str, declared: str | None = None) -> str:
    """Decode ``data`` (``declared`` is a charset from HTTP or HTML, maybe wrong).

    Raises DecodeError for binary data or when no encoding fits.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        # UTF-16/32 text is full of NUL bytes, so a BOM must win over the binary check
        text = _strict(data, bom)
        if text is None:
            raise DecodeError(f"invalid {bom.removesuffix('-sig').upper()} text", input=input)
        return normalize_newlines(text)
    if looks_binary(data):
        raise DecodeError("binary data, not text", input=input)
    # valid UTF-8 with non-ASCII bytes is almost never another encoding, so it beats a label
    for encoding in ("utf-8", declared):
        if encoding and (text := _strict(data, encoding)) is not None:
            return normalize_newlines(text)
    try:
        best = from_bytes(data).best()
        text = str(best) if best is not None else None
    except Exception:  # detection is heuristic; any failure means "unknown"
        text = None
    if text is None:
        raise DecodeError("cannot determine the text encoding", input=input)
    return normalize_newlines(text)
