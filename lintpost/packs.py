"""Rule packs: vocabularies and patterns per language, kept as TOML data in `rules/`.

A pack folder holds `common.toml`, `en/*.toml` and `fr/*.toml`; each file is a table of named
lists (or strings). Built-in packs ship inside the wheel; folders named in config add to them.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
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
    from lintpost import recache

    # Parsing the TOML of the packs costs ~1 ms a file; the parsed data is kept in the cache,
    # keyed by the file's size and time, as long as it is plain data (it always is for TOML but
    # dates and times).
    try:
        st = path.stat()
    except OSError as exc:
        raise PackError(f"{path}: {exc}") from None
    return recache.memo(("pack", str(path), st.st_size, st.st_mtime_ns), lambda: _parse_file(path))  # type: ignore[no-any-return]


def _parse_file(path: Path) -> dict[str, Any]:
    import tomllib

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
        elif isinstance(value, dict):
            into[key] = {}  # a copy: the file's data is cached and must not change with the merge
            _merge(into[key], value)
        else:
            into[key] = value


def phrases(items: list[str] | tuple[str, ...]) -> str:
    """A regex alternation matching any of the phrases (longest first), white space flexible.

    A phrase may hold regex syntax when it starts with "re:".
    """
    from lintpost import __version__, recache

    key = tuple(items)
    return recache.memo(("phrases", __version__, key), lambda: _phrases(key))  # type: ignore[no-any-return]


@lru_cache(maxsize=1024)
def _phrases(items: tuple[str, ...]) -> str:
    # Cached: some rules rebuild their alternations for every file.
    # Patterns ("re:") first, longest first, in a fixed order so the pattern (and its cache entry)
    # is the same every run; then the literal phrases as one trie.
    patterns = sorted({i for i in items if i.startswith("re:")}, key=lambda s: (-len(s), s))
    parts = [_either_form(unicodedata.normalize("NFC", item[3:])) for item in patterns]
    literals = [i for i in items if not i.startswith("re:") and i.strip()]
    if literals:
        parts.append(_trie(literals))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


_SPACE = r"[\s\u00a0\u202f]+"
_APOSTROPHE = "['’]"


def _atoms(phrase: str) -> tuple[str, ...]:
    """A literal phrase as regex atoms: one per character, any run of spaces as one atom."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", phrase.strip()):
        if ch.isspace():
            if not out or out[-1] != _SPACE:
                out.append(_SPACE)
        elif ch in "'’":
            out.append(_APOSTROPHE)
        else:
            out.append(_either_form(regex.escape(ch)))
    return tuple(out)


def _trie(literals: list[str]) -> str:
    """The phrases as a trie-shaped alternation: `ab(?:c|d)?` for "ab", "abc", "abd".

    The regex engine tries an alternation's branches one by one at every position; a trie shares
    their prefixes, so a position where no phrase starts fails at its first character. Where a
    phrase ends inside a longer one, the rest is optional and greedy: the longest phrase wins, as
    with a longest-first alternation.
    """
    root: dict[str, dict] = {}
    for phrase in literals:
        node = root
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: the longer ones are optional
        return f"(?:{body})?"
    return body


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


_BEFORE_WORD = r"(?<![\p{L}\p{M}\p{N}_])"
_AFTER_WORD = r"(?![\p{L}\p{M}\p{N}_])"


class Words:
    """Pack phrases as whole words: the fast form of `compile_words(phrases(items))`.

    The phrases that start with a letter or digit are anchored with `\\b`, which the regex engine
    tests cheaply at every position; the others ("$", "🚀", "re:(?<!...)") keep the look-behind,
    which costs a Unicode property test at every position. Two patterns searched apart and merged
    run several times faster than one alternation holding both. Matches are leftmost, the longer
    first where two start together, and never overlap, as with one alternation.
    """

    __slots__ = ("_patterns",)

    def __init__(self, patterns: tuple[TimedPattern | regex.Pattern[str], ...]) -> None:
        self._patterns = patterns

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any
    ) -> Iterator[regex.Match[str]]:
        if len(self._patterns) == 1:
            return self._patterns[0].finditer(text, pos, endpos, **kw)
        found = sorted(
            (m for p in self._patterns for m in p.finditer(text, pos, endpos, **kw)),
            key=lambda m: (m.start(), m.start() - m.end()),
        )
        return iter(_no_overlap(found))

    def findall(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> list[str]:
        return [m.group() for m in self.finditer(text, pos, endpos, **kw)]

    def search(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        return _first(p.search(text, pos, endpos, **kw) for p in self._patterns)

    def match(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        return _first(p.match(text, pos, endpos, **kw) for p in self._patterns)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        return _first(p.fullmatch(text, pos, endpos, **kw) for p in self._patterns)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Words, (self._patterns,))


def _first(matches: Iterable[regex.Match[str] | None]) -> regex.Match[str] | None:
    found = [m for m in matches if m is not None]
    return min(found, key=lambda m: (m.start(), m.start() - m.end())) if found else None


def _no_overlap(found: list[regex.Match[str]]) -> list[regex.Match[str]]:
    out: list[regex.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def words(items: list[str] | tuple[str, ...], flags: int = regex.I) -> Words | regex.Pattern[str]:
    """Match any of the phrases as whole words (see `phrases` for their syntax).

    Patterns written by users ("re:" phrases that the built-in packs do not hold) run under the
    file's time budget (see `TimedPattern`); built-in ones and literal phrases, which cannot
    backtrack without end, skip its cost (a timeout costs more than a short match).
    """
    return _words(tuple(items), flags)


@lru_cache(maxsize=512)
def _words(items: tuple[str, ...], flags: int) -> Words | regex.Pattern[str]:
    from lintpost import __version__, recache

    # Building the tries and reading every pack to tell built-in patterns apart takes longer than
    # checking a post: the result (plain strings) is kept with the compiled patterns.
    # The code that builds them is part of the key: a development install keeps its version number.
    stamp = os.stat(__file__)
    key = ("words", __version__, stamp.st_size, stamp.st_mtime_ns, items)
    sources, trusted = recache.memo(key, lambda: _word_patterns(items))
    patterns = [recache.compile(source, flags) for source in sources]
    if trusted and len(patterns) == 1:
        return patterns[0]
    return Words(tuple(p if trusted else TimedPattern(p) for p in patterns))  # type: ignore[misc]


def _word_patterns(items: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The pattern sources for `words`, and whether every "re:" phrase is a built-in one."""
    initial = tuple(i for i in items if _word_initial(i[3:] if i.startswith("re:") else i.strip()))
    other = tuple(i for i in items if i not in set(initial))
    sources = []
    if initial or not other:
        sources.append(r"\b" + _phrases(initial) + _AFTER_WORD)
    if other:
        sources.append(_BEFORE_WORD + _phrases(other) + _AFTER_WORD)
    trusted = all(not i.startswith("re:") or i in _builtin_patterns() for i in items)
    return tuple(sources), trusted


@lru_cache(maxsize=1)
def _builtin_patterns() -> frozenset[str]:
    """Every "re:" phrase of the built-in packs."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            found.update(v for v in value if isinstance(v, str) and v.startswith("re:"))

    for path in sorted(builtin_dir().glob("*/*.toml")):
        walk(_load_file(path))
    return frozenset(found)


def _word_initial(pattern: str) -> bool:
    """Whether every match of the pattern starts with a letter, digit or underscore.

    Conservative: a construct it does not read (a class, a look-around, a quantified group)
    answers False, which only costs speed.
    """
    if pattern.startswith("\\b"):
        return _word_initial(pattern[2:])
    if pattern.startswith(("(?<!", "(?=", "(?!")):
        # A look-around consumes nothing: the match starts with what follows it. (A positive
        # look-behind is left out: "(?<=\d)x" starts inside a word.)
        _, rest = _group(pattern)
        return bool(rest) and _word_initial(rest)
    if pattern.startswith("(?:"):
        alternatives, rest = _group(pattern)
        if alternatives is None or not all(_word_initial(a) for a in alternatives):
            return False
        if rest[:1] in ("?", "*") or rest.startswith("{0"):
            return _word_initial(rest[1:].lstrip("?+") if not rest.startswith("{") else "")
        return True
    if pattern[:1] == "\\":
        return pattern[1:2] in ("d", "w") or pattern.startswith(("\\p{L", "\\p{N"))
    return bool(pattern) and regex.match(r"\w", pattern[0]) is not None and pattern[1:2] not in ("?", "*", "{")


def _group(pattern: str) -> tuple[list[str] | None, str]:
    """The top-level alternatives of the group opening the pattern, and what follows it."""
    depth, i, start, alternatives = 0, 0, 3, []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                return None, ""
            i = end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                alternatives.append(pattern[start:i])
                return alternatives, pattern[i + 1 :]
        elif ch == "|" and depth == 1:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    return None, ""


@lru_cache(maxsize=512)
def compile_words(alternation: str, flags: int = regex.I | regex.V1) -> regex.Pattern[str]:
    """Compile an alternation with word boundaries that work for accented letters."""
    from lintpost import recache

    pattern = recache.compile(r"(?<![\p{L}\p{M}\p{N}_])" + alternation + r"(?![\p{L}\p{M}\p{N}_])", flags)
    return TimedPattern(pattern)  # type: ignore[return-value]
