"""Reading a draft from disk: bytes to text, with clear errors instead of tracebacks."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be checked; the message is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    # Set when the text was decoded with a fallback encoding (reported to the user).
    notice: str | None = None


def decode(data: bytes, path: str, *, fallback: str | None = None) -> Source:
    """Decode a file's bytes; positions are then offsets into the returned text."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Source(path, data[3:].decode("utf-8"), "utf-8", bom=True)
        except UnicodeDecodeError as exc:
            raise SourceError(_bad_utf8(data[3:], exc, 3)) from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Source(path, data[2:].decode(enc), enc, bom=True)
            except UnicodeDecodeError:
                raise SourceError("not valid UTF-16 despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes), not a text draft")
    try:
        return Source(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if fallback:
            try:
                text = data.decode(fallback)
            except (UnicodeDecodeError, LookupError):
                raise SourceError(_bad_utf8(data, exc, 0)) from None
            return Source(path, text, fallback, notice=f"not UTF-8: decoded as {fallback}")
        raise SourceError(_bad_utf8(data, exc, 0)) from None


def _bad_utf8(data: bytes, exc: UnicodeDecodeError, shift: int) -> str:
    hint = ""
    try:
        data.decode("cp1252")
        hint = " (looks like Latin-1/Windows-1252: convert it to UTF-8, or pass --encoding cp1252)"
    except UnicodeDecodeError:
        pass
    return f"not valid UTF-8 at byte {exc.start + shift}{hint}"


def read_source(path: Path, display: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                fallback: str | None = None) -> Source:
    try:
        if path.is_dir():
            raise SourceError("is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"file is {size} bytes, over the {max_bytes}-byte limit (see --max-file-size)")
        data = path.read_bytes()
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data, display, fallback=fallback)
