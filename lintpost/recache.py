"""Compiled patterns kept on disk between runs.

The `regex` module compiles in Python: the vocabulary alternations of the rule packs take longer to
compile (~0.2 s) than a post takes to check. A compiled pattern pickles as the arguments of the
C-level constructor (its byte code), so those arguments are kept in a cache file, written with
`marshal` (plain data, nothing is executed on load), and a later run rebuilds each pattern without
parsing it again. The cache is keyed by the `regex` and Python versions; any problem with it falls
back to compiling.

Location: `$LINTPOST_CACHE_DIR`, else `$XDG_CACHE_HOME/lintpost`, else `~/.cache/lintpost`.
`LINTPOST_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import os
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

_lock = threading.Lock()
_loaded: dict[tuple[str, int], tuple[Any, ...]] | None = None
_added: dict[tuple[str, int], tuple[Any, ...]] = {}
_builder: Any = None
_used: set[tuple[str, int]] = set()
# Beyond this many entries, a save keeps only what the current run used.
_MAX_ENTRIES = 1500
# The cache is two files. The hot one holds what recent runs used (a one-post hook run of either
# language reads only it); the cold one holds the rest, read only when a run asks for a pattern the
# hot file lacks. Runs add what they use to the hot file while it stays under this size (bytes).
_HOT_MAX = 1_000_000
_hot_keys: frozenset[Any] = frozenset()
_hot_size = 0
_cold_loaded = False
_registered = False


def cache_dir() -> Path | None:
    """The folder of lintpost's caches, or None when caching is turned off."""
    if os.environ.get("LINTPOST_NO_CACHE"):
        return None
    base = os.environ.get("LINTPOST_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lintpost"


def cache_file() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    version = getattr(regex, "__version__", "0")
    return folder / f"regex-{version}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (errors ignored: a cache is never needed)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass


def read_plain(name: str) -> Any:
    """The plain data kept in the cache file `name`, or None (no cache, no file, damaged, not plain)."""
    folder = cache_dir()
    return None if folder is None else load_plain_file(folder / name)


def write_plain(name: str, value: Any) -> None:
    """Keep plain data (numbers, strings, bytes and containers of them) in the cache file `name`."""
    folder = cache_dir()
    if folder is not None:
        dump_plain_file(folder / name, value)


def load_plain_file(path: Path, *, compressed: bool = False, validate: bool = True) -> Any:
    """The plain data in a file written by dump_plain_file, or None (no file, damaged, not plain).

    validate=False leaves the check to the caller, for a large file of which a run reads one entry
    (see resultcache.py): loading runs no code, only a value taken from it must be checked.
    """
    try:
        data = path.read_bytes()
        value = marshal.loads(zlib.decompress(data) if compressed else data)
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return None
    return value if not validate or is_plain(value) else None


def dump_plain_file(path: Path, value: Any, *, compressed: bool = False, validate: bool = True) -> None:
    """Write plain data to path, whole or not at all (zlib-compressed on request); errors ignored."""
    if validate and not is_plain(value):
        return
    try:
        data = marshal.dumps(value)
    except ValueError:
        return
    write_atomically(path, zlib.compress(data, 1) if compressed else data)


def cold_file() -> Path | None:
    """The file of the cached entries that recent runs did not use (see _HOT_MAX)."""
    path = cache_file()
    return None if path is None else path.with_name(path.stem + "-cold.marshal")


def _read(path: Path | None) -> tuple[dict[Any, Any], int]:
    """A cache file's entries (each checked when used) and its size."""
    data = load_plain_file(path, validate=False) if path is not None else None
    if not isinstance(data, dict):
        return {}, 0
    try:
        return data, path.stat().st_size  # type: ignore[union-attr]
    except OSError:
        return data, 0


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    """The hot entries, and the cold ones too once a lookup has missed."""
    global _loaded, _hot_keys, _hot_size, _cold_loaded
    if _loaded is None:
        _loaded, _hot_size = _read(cache_file())
        _hot_keys = frozenset(_loaded)
        _cold_loaded = False
    return _loaded


def _load_cold() -> None:
    global _cold_loaded
    loaded = _load()
    if not _cold_loaded:
        _cold_loaded = True
        for key, value in _read(cold_file())[0].items():
            loaded.setdefault(key, value)


def _lookup(key: Any) -> Any:
    """A cached entry (hot file, this run's additions, then the cold file); None when absent."""
    found = _load().get(key) or _added.get(key)
    if found is None and not _cold_loaded:
        _load_cold()
        found = _load().get(key)
    _used.add(key)
    if not _registered:
        _register_save()
    return found


def _register_save() -> None:
    global _registered
    _registered = True
    atexit.register(save)


_PLAIN = (int, str, bytes, float, bool, type(None))


def is_plain(value: Any, depth: int = 0) -> bool:
    """Only numbers, strings and containers of them: marshal could also carry code objects."""
    if depth > 20:
        return False
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, (tuple, list)):
        return all(is_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(is_plain(k, depth + 1) and is_plain(v, depth + 1) for k, v in value.items())
    return False


_stamp: list[int] = []


def code_stamp() -> int:
    """A number that changes when any module of the package changes (sizes and modification times)."""
    if not _stamp:
        total = 0
        root = os.path.dirname(os.path.abspath(__file__))
        for folder in (root, *(e.path for e in os.scandir(root) if e.is_dir() and not e.name.startswith("_"))):
            for entry in os.scandir(folder):
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    total = (total * 31 + st.st_size * 1_000_003 + st.st_mtime_ns) % (1 << 61)
        _stamp.append(total)
    return _stamp[0]


def _get_builder() -> Any:
    global _builder
    if _builder is None:
        _builder = copyreg.dispatch_table[regex.Pattern](regex.compile("x"))[0]
    return _builder


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(pattern, flags), rebuilt from the disk cache when this pattern was seen before."""
    key = (pattern, int(flags))
    with _lock:
        args = _lookup(key)
    if args is not None and is_plain(args):
        try:
            return _get_builder()(*args)
        except Exception:  # a stale or damaged entry: compile as usual
            pass
    compiled = regex.compile(pattern, flags)
    try:
        args = tuple(copyreg.dispatch_table[type(compiled)](compiled)[1])
        marshal.dumps(args)
    except (KeyError, TypeError, ValueError, IndexError):
        return compiled
    with _lock:
        _added[key] = args
    return compiled


def memo(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """build(), kept in the same cache under key: for plain data derived from the packs.

    The key must name what the value depends on (the lintpost version among them), and the value
    must be plain data (strings, numbers, tuples of them). The code that derives it is part of the
    key too (see `code_stamp`): an install from a development tree keeps its version number.
    """
    key = (code_stamp(), *key)
    with _lock:
        found = _lookup(key)
    if found is not None and is_plain(found):
        return found
    value = build()
    if is_plain(value):
        with _lock:
            _added[key] = value  # type: ignore[index]
    return value


def save() -> None:
    """Write the patterns compiled in this run to the cache files (atomically; errors ignored).

    Nothing is written when the run compiled nothing and used only what the hot file holds: the
    usual hook run reads one file and writes none.
    """
    with _lock:
        path, cold_path = cache_file(), cold_file()
        if path is None or cold_path is None or _loaded is None:
            return
        used = {k for k in _used if k in _loaded or k in _added}
        if not _added and used <= _hot_keys and _hot_size <= _HOT_MAX:
            return
        _load_cold()
        stamp = code_stamp()
        # Data memoised by other code (an edited or replaced package) is never asked for again.
        merged = {
            k: v for k, v in {**_loaded, **_added}.items() if not (isinstance(k[0], int) and k[0] != stamp)
        }
        if len(merged) > _MAX_ENTRIES:  # patterns of old versions and edited packs: keep this run's
            merged = {k: v for k, v in merged.items() if k in _used or k in _added}
        _added.clear()
    try:
        # What this run used, and what the hot file held if both fit: "en" and "fr" runs in turn
        # then share one hot file that no run rewrites.
        hot = {k: v for k, v in merged.items() if k in used or k not in _loaded}
        both = {**{k: v for k, v in merged.items() if k in _hot_keys}, **hot}
        hot_data = marshal.dumps(both)
        if len(hot_data) > _HOT_MAX:
            hot_data = marshal.dumps(hot)
        else:
            hot = both
        cold_data = marshal.dumps({k: v for k, v in merged.items() if k not in hot})
    except ValueError:
        return
    write_atomically(cold_path, cold_data)
    write_atomically(path, hot_data)
