"""Rule packs: vocabularies and patterns per language, kept as TOML data in `rules/`.

A pack folder holds `common.toml`, `en/*.toml` and `fr/*.toml`; each file is a table of named
lists (or strings). Built-in packs ship inside the wheel; folders named in config add to them.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from lintpost import budget


def builtin_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "_packs"
    if shipped.is_dir():
        return shipped
    return here.parent / "rules"  # a source checkout or an editable install


class PackError(Exception):
    pass


@lru_cache(maxsize=64)
def _load_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{path}: {exc}") from None


def load(name: str, lang: str, extra_dirs: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The merged data of `<lang>/<name>.toml` from the built-in pack then each extra folder.

    Lists are concatenated, tables merged, scalars overridden by later folders.
    """
    merged: dict[str, Any] = {}
    for folder in (builtin_dir(), *extra_dirs):
        path = folder / lang / f"{name}.toml"
        if path.is_file():
            _merge(merged, _load_file(path))
    return merged


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = [*into[key], *value]
        elif isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def phrases(items: list[str] | tuple[str, ...]) -> str:
    """A regex alternation matching any of the phrases (longest first), white space flexible.

    A phrase may hold regex syntax when it starts with "re:".
    """
    return _phrases(tuple(items))


@lru_cache(maxsize=1024)
def _phrases(items: tuple[str, ...]) -> str:
    # Cached: some rules rebuild their alternations for every file.
    parts = []
    # Longest first; ties in a fixed order so the pattern (and its cache entry) is the same every run.
    for item in sorted(set(items), key=lambda s: (-len(s), s)):
        if item.startswith("re:"):
            parts.append(_either_form(unicodedata.normalize("NFC", item[3:])))
        else:
            escaped = regex.escape(unicodedata.normalize("NFC", item.strip()))
            escaped = regex.sub(r"(?:\\ )+", r"[\\s\\u00a0\\u202f]+", escaped)
            escaped = escaped.replace("'", "['’]").replace("’", "['’]")
            parts.append(_either_form(escaped))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _either_form(pattern: str) -> str:
    """Let each accented letter of a pattern match in composed (NFC) or decomposed (NFD) form.

    Drafts pasted from some editors (macOS, PDFs) spell "é" as "e" + U+0301; the text itself is
    never normalised, since that would move every offset after it. Letters inside a character
    class ("[éè]") are left alone: a class cannot hold a two-character sequence.
    """
    if pattern.isascii():
        return pattern
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            nfd = unicodedata.normalize("NFD", ch)
            if nfd != ch:
                out.append(f"(?:{ch}|{nfd})")
                continue
        out.append(ch)
    return "".join(out)


class TimedPattern:
    """A compiled pattern whose calls stop at the file's time budget (see budget.py).

    Pack phrases may be regexes written by users ("re:..."); one that backtracks without end
    raises TimeoutError, which the engine reports as a failure of that rule on that file.
    """

    __slots__ = ("_p",)

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self._p = pattern

    @staticmethod
    def _timeout(args: tuple[Any, ...], kw: dict[str, Any]) -> float:
        if "timeout" in kw:
            return float(kw.pop("timeout"))
        text = args[0] if args else kw.get("string", "")
        start = args[1] if len(args) > 1 else kw.get("pos", 0)
        end = args[2] if len(args) > 2 else kw.get("endpos", len(text))
        return budget.pattern_timeout(max(0, (end or 0) - (start or 0)))

    def search(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self._p.search(*args, timeout=self._timeout(args, kw), **kw)

    def match(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self._p.match(*args, timeout=self._timeout(args, kw), **kw)

    def fullmatch(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self._p.fullmatch(*args, timeout=self._timeout(args, kw), **kw)

    def finditer(self, *args: Any, **kw: Any) -> Any:
        return self._p.finditer(*args, timeout=self._timeout(args, kw), **kw)

    def findall(self, *args: Any, **kw: Any) -> list[Any]:
        return self._p.findall(*args, timeout=self._timeout(args, kw), **kw)

    def __getattr__(self, name: str) -> Any:
        if name == "_p":
            raise AttributeError(name)
        return getattr(self._p, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (TimedPattern, (self._p,))


@lru_cache(maxsize=512)
def compile_words(alternation: str, flags: int = regex.I | regex.V1) -> regex.Pattern[str]:
    """Compile an alternation with word boundaries that work for accented letters."""
    from lintpost import recache

    pattern = recache.compile(r"(?<![\p{L}\p{M}\p{N}_])" + alternation + r"(?![\p{L}\p{M}\p{N}_])", flags)
    return TimedPattern(pattern)  # type: ignore[return-value]
