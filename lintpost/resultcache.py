"""Results of unchanged drafts, kept between runs of `lintpost check` (like ruff's cache).

A draft whose text, path and settings are those of an earlier run gets that run's diagnostics
without being checked again. The key is a hash of the text, the path as shown, and a fingerprint
of everything else that decides the result: the options of the run, the config in force, the
lintpost code (`recache.code_stamp`), the rule packs (names, sizes and times of their files), the
Python and `regex` versions, and the installed packages (the times of the import path's folders).
A run whose rules include a plug-in, `spelling` or `readability` (they read files and data that
the fingerprint does not cover) is never cached, nor is a file whose check failed or timed out.

Entries live in 256 shards under `<cache dir>/results/`, written with `marshal` and zlib (plain data
only, each entry checked when a run reads it), so a pre-commit run on one draft reads one small file. `--no-cache` or
`LINTPOST_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

try:  # hashlib's blake2b without loading OpenSSL (~4 ms of every run's start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from lintpost import recache
from lintpost.diagnostic import Diagnostic, Edit, Fix, Related, Severity

if TYPE_CHECKING:
    from lintpost.config import Config
    from lintpost.engine import FileResult
    from lintpost.rule import Rule

# Rules that read what the fingerprint does not cover: word lists named in options, NLTK data.
UNCACHEABLE_RULES = frozenset({"spelling", "readability"})
# A shard keeps at most this many entries (the newest): about 50,000 drafts in all (~1 KB each).
SHARD_ENTRIES = 200
_SHARDS_DIR = "results"
_FORMAT = 1

_lock = threading.Lock()
# Each shard read in this run, with the size and time of its file then (None: no file).
_shards: dict[str, tuple[tuple[int, int] | None, dict[bytes, Any]]] = {}
_added: dict[bytes, Any] = {}
_fingerprints: dict[tuple[Any, ...], bytes | None] = {}


def folder() -> Path | None:
    """Where the shards are kept, or None when caching is off."""
    base = recache.cache_dir()
    return None if base is None else base / _SHARDS_DIR


def fingerprint(cfg: Config, rules: dict[str, Rule], options: tuple[Any, ...]) -> bytes | None:
    """What, besides a draft's text and path, decides its result; None when it cannot be cached."""
    memo_key = (repr(cfg), options, id(rules))
    with _lock:
        if memo_key in _fingerprints:
            return _fingerprints[memo_key]
    value = _fingerprint(cfg, rules, options)
    with _lock:
        _fingerprints[memo_key] = value
    return value


def _fingerprint(cfg: Config, rules: dict[str, Rule], options: tuple[Any, ...]) -> bytes | None:
    from lintpost import __version__, packs, plugins
    from lintpost.engine import enabled_rules

    select, ignore = options[0], options[1]
    # Per-file ignores only take rules away: the rules of the run without a path are a superset.
    for rule in enabled_rules(rules, cfg, None, select, ignore):
        builtin = type(rule).__module__.startswith("lintpost.")
        if not builtin or rule.name in UNCACHEABLE_RULES:
            return None
    parts = [
        _FORMAT, __version__, recache.code_stamp(), sys.version, getattr(regex, "__version__", ""),
        plugins.path_fingerprint(), _tree_stamp(packs.builtin_dir()),
        [_tree_stamp(Path(d)) for d in cfg.packs], repr(cfg), repr(options),
    ]
    return blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _tree_stamp(root: Path) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            try:
                st = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            out.append((os.path.relpath(os.path.join(dirpath, name), root), st.st_size, st.st_mtime_ns))
    return out


def key(fp: bytes, path: str, text: str) -> bytes:
    h = blake2b(fp, digest_size=20)
    h.update(path.encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.digest()


def get(k: bytes) -> Any:
    """The plain entry kept under k, or None (entries are checked one by one, when read)."""
    if folder() is None:
        return None
    _, shard = _shard(k.hex()[:2])
    with _lock:
        entry = _added.get(k) or shard.get(k)
    return entry if entry is not None and recache.is_plain(entry) else None


def put(k: bytes, entry: Any) -> None:
    if folder() is None:
        return
    with _lock:
        _added[k] = entry


def take_added() -> dict[bytes, Any]:
    """The entries added in this process since the last call (a worker sends them to the parent)."""
    with _lock:
        out = dict(_added)
        _added.clear()
    return out


def add_all(entries: dict[bytes, Any]) -> None:
    with _lock:
        _added.update(entries)


def _shard(name: str) -> tuple[tuple[int, int] | None, dict[bytes, Any]]:
    with _lock:
        if name in _shards:
            return _shards[name]
    loaded = _read_shard(name)
    with _lock:
        _shards[name] = loaded
    return loaded


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _read_shard(name: str) -> tuple[tuple[int, int] | None, dict[bytes, Any]]:
    base = folder()
    if base is None:
        return None, {}
    path = base / f"{name}.marshal"
    stamp = _stamp(path)
    data = recache.load_plain_file(path, compressed=True, validate=False) if stamp else None
    if not isinstance(data, dict):
        return stamp, {}
    return stamp, {k: v for k, v in data.items() if isinstance(k, bytes)}


def save() -> None:
    """Merge the entries added in this run into their shards (each written whole or not at all)."""
    entries = take_added()
    base = folder()
    if base is None or not entries:
        return
    by_shard: dict[str, dict[bytes, Any]] = {}
    for k, v in entries.items():
        by_shard.setdefault(k.hex()[:2], {})[k] = v
    for name, new in by_shard.items():
        path = base / f"{name}.marshal"
        with _lock:
            known = _shards.get(name)
        # Read again only what another run wrote meanwhile.
        _, old = known if known is not None and known[0] == _stamp(path) else _read_shard(name)
        merged = dict(old)
        for k in new:
            merged.pop(k, None)  # re-inserted at the end: the newest entries are kept
        merged.update(new)
        if len(merged) > SHARD_ENTRIES:
            merged = dict(list(merged.items())[-SHARD_ENTRIES:])
        # New entries are plain by construction (to_plain); old ones go back as they were read.
        recache.dump_plain_file(path, merged, compressed=True, validate=False)
        with _lock:
            _shards[name] = (_stamp(path), merged)


def to_plain(result: FileResult) -> Any:
    """A result as plain data, or None when it must not be kept (an error, a rule that failed)."""
    from lintpost.engine import RULE_FAILURE

    if result.error is not None or any(d.rule == RULE_FAILURE for d in result.diagnostics):
        return None
    return (result.language, tuple(_diagnostic_plain(d) for d in result.diagnostics))


def _diagnostic_plain(d: Diagnostic) -> tuple[Any, ...]:
    fix = None if d.fix is None else (d.fix.description, tuple(tuple(e) for e in d.fix.edits))
    return (d.rule, int(d.severity), d.message, d.offset, d.end_offset, d.help,
            tuple(tuple(r) for r in d.related), fix, d.line, d.column, d.end_line, d.end_column, d.excerpt)


def from_plain(entry: Any, path: str, text: str, notice: str | None) -> FileResult | None:
    """The result an entry holds, or None when the entry is not one (a damaged or foreign cache)."""
    from lintpost.engine import FileResult

    try:
        language, plain = entry
        diagnostics = tuple(_diagnostic(p) for p in plain)
    except (TypeError, ValueError):
        return None
    return FileResult(path, language, diagnostics, None, notice, text)


def _diagnostic(p: Iterable[Any]) -> Diagnostic:
    rule, severity, message, offset, end, help_, related, fix, line, col, end_line, end_col, excerpt = p
    return Diagnostic(
        rule, Severity(severity), message, offset, end, help_,
        tuple(Related(*r) for r in related),
        None if fix is None else Fix(fix[0], tuple(Edit(*e) for e in fix[1])),
        line, col, end_line, end_col, excerpt,
    )


def reset() -> None:
    """Forget what this process loaded and added (tests; a long-lived process after a config change)."""
    with _lock:
        _shards.clear()
        _added.clear()
        _fingerprints.clear()
