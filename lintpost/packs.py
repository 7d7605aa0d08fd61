"""Rule packs: vocabularies and patterns per language, kept as TOML data in `rules/`.

A pack folder holds `common.toml`, `en/*.toml` and `fr/*.toml`; each file is a table of named
lists (or strings). Built-in packs ship inside the wheel; folders named in config add to them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex


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
    parts = []
    # Longest first; ties in a fixed order so the pattern (and its cache entry) is the same every run.
    for item in sorted(set(items), key=lambda s: (-len(s), s)):
        if item.startswith("re:"):
            parts.append(item[3:])
        else:
            escaped = regex.escape(item.strip())
            escaped = regex.sub(r"(?:\\ )+", r"[\\s\\u00a0\\u202f]+", escaped)
            escaped = escaped.replace("'", "['’]").replace("’", "['’]")
            parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@lru_cache(maxsize=512)
def compile_words(alternation: str, flags: int = regex.I | regex.V1) -> regex.Pattern[str]:
    """Compile an alternation with word boundaries that work for accented letters."""
    from lintpost import recache

    return recache.compile(r"(?<![\p{L}\p{N}_])" + alternation + r"(?![\p{L}\p{N}_])", flags)
