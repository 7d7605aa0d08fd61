"""Reading a draft from disk: bytes to text, with clear errors instead of tracebacks.

Encodings: UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 with a byte-order mark.
Anything else is refused with a one-line reason; a draft in Latin-1 / Windows-1252 (common for
French drafts saved by older editors) is recognised and the message suggests `--encoding cp1252`,
which then decodes it and reports a notice. Positions always count code points of the decoded
text, after any byte-order mark.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import NamedTuple

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """A file that cannot be checked; the message is one line meant for the user."""


class Source(NamedTuple):
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    # Set when the text was decoded with a fallback encoding (reported to the user).
    notice: str | None = None


def check_encoding(name: str) -> str:
    """The codec's canonical name; SourceError for a name Python does not know."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise SourceError(f"unknown encoding {name!r} (e.g. cp1252, latin-1, utf-8)") from None


def decode(data: bytes, path: str, *, fallback: str | None = None) -> Source:
    """Decode a file's bytes; positions are then offsets into the returned text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Source(path, body.decode(enc), enc, bom=True)
            except UnicodeDecodeError as exc:
                if enc == "utf-8":
                    raise SourceError(_bad_utf8(body, exc, len(bom))) from None
                raise SourceError(f"not valid {enc.upper()} despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        if _looks_utf16(data[:8192]):
            raise SourceError("looks like UTF-16 without a byte-order mark: save it as UTF-8")
        raise SourceError("binary file (contains NUL bytes), not a text draft")
    try:
        return Source(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if not fallback:
            raise SourceError(_bad_utf8(data, exc, 0)) from None
        enc = check_encoding(fallback)
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc2:
            raise SourceError(f"neither UTF-8 nor {enc} (byte {exc2.start} is not valid in {enc})") from None
        return Source(path, text, enc,
                      notice=f"not UTF-8: decoded as {enc} (--encoding); save it as UTF-8 to silence this")


def _looks_utf16(head: bytes) -> bool:
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (even.count(0) > len(even) * 0.6 or odd.count(0) > len(odd) * 0.6)


def _bad_utf8(data: bytes, exc: UnicodeDecodeError, shift: int) -> str:
    hint = ""
    try:
        data.decode("cp1252")
        hint = " (looks like Latin-1/Windows-1252: convert it to UTF-8, or pass --encoding cp1252)"
    except UnicodeDecodeError:
        pass
    return f"not valid UTF-8 at byte {exc.start + shift}{hint}"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes, never more than max_bytes in memory (SourceError otherwise)."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise SourceError("is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            # A FIFO would block for ever, a device could be endless.
            raise SourceError("not a regular file (a device, pipe or socket)")
        if st.st_size > max_bytes:
            raise SourceError(
                f"file is {st.st_size} bytes, over the {max_bytes}-byte limit (see --max-file-size)")
        with open(path, "rb") as fh:
            # The size may have changed since stat: never read past the limit.
            data = fh.read(max_bytes + 1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise SourceError(f"file is over the {max_bytes}-byte limit (see --max-file-size)")
    return data


def read_source(path: Path, display: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                fallback: str | None = None) -> Source:
    return decode(read_bytes(path, max_bytes), display, fallback=fallback)


def display_path(path: str) -> str:
    """A path as it can be printed and put in JSON: undecodable bytes of a file name as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
