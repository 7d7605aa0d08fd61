"""Finding drafts on disk and checking them, on every core, in a stable order."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from lintpost.config import Config, ConfigFinder
from lintpost.engine import FileResult, FileTimeout, lint_text
from lintpost.rule import Rule
from lintpost.source import DEFAULT_MAX_BYTES, SourceError, display_path, read_source

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

DRAFT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
              ".ruff_cache", ".pytest_cache", "site-packages"}


@dataclass(frozen=True)
class Options:
    """Command-line choices that apply to every file (picklable for worker processes)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    timeout: float | None = None
    max_file_size: int | None = None
    encoding: str | None = None
    # Fingerprint paragraphs for duplicate-across-files (--across-files).
    across: bool = False
    # Send each file's text back with its result (the text output quotes source lines).
    keep_text: bool = True
    # Reuse the results of unchanged drafts from earlier runs (see resultcache.py).
    cache: bool = False


class Task(NamedTuple):
    path: str  # as shown to the user
    real: str  # where to read it
    config: Config


def discover(paths: Iterable[str], exclude: tuple[str, ...], finder: ConfigFinder,
             errors: list[FileResult]) -> list[Task]:
    """Files to check: named files as given, directories searched for drafts (sorted, deduplicated)."""
    tasks: list[Task] = []
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if not p.exists() and not p.is_symlink():
            errors.append(FileResult(display_path(given), error="no such file or directory"))
            continue
        if p.is_dir():
            found = list(_walk(p))
            if not found:
                errors.append(FileResult(display_path(given),
                                         error="no drafts found (*.md, *.markdown, *.txt)"))
            for f in found:
                _add(f, finder, exclude, tasks, seen, explicit=False)
        else:
            _add(p, finder, exclude, tasks, seen, explicit=True)
    return tasks


def _add(p: Path, finder: ConfigFinder, exclude: tuple[str, ...], tasks: list[Task], seen: set[str],
         explicit: bool) -> None:
    real = str(p)
    display = display_path(real)
    try:
        key = str(p.resolve())
    except (OSError, RuntimeError):
        key = display
    if key in seen:
        return
    seen.add(key)
    cfg = finder.for_path(p)
    if not explicit and (cfg.is_excluded(display) or _excluded(display, exclude)):
        return
    if explicit and _excluded(display, exclude):
        return
    tasks.append(Task(display, real, cfg))


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    from lintpost.config import _glob_match

    rel = Path(path).as_posix()
    return any(_glob_match(rel, pat) for pat in patterns)


def _walk(root: Path) -> Iterator[Path]:
    """Drafts under root, depth first in sorted order, each folder once (symlink loops).

    An explicit stack rather than os.walk, which recurses and fails on folders nested deeper
    than Python's recursion limit.
    """
    visited: set[tuple[int, int]] = set()
    stack = [str(root)]
    while stack:
        dirpath = stack.pop()
        try:
            st = os.stat(dirpath)
            with os.scandir(dirpath) as it:
                entries = list(it)
        except OSError:
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:  # a symlink loop
            continue
        visited.add(ident)
        dirs, files = [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry.name)
        for name in sorted(files):
            if name.lower().endswith(DRAFT_SUFFIXES):
                yield Path(dirpath) / name
        subdirs = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        stack.extend(os.path.join(dirpath, d) for d in reversed(subdirs))


_RULES: dict[str, dict[str, Rule]] = {}


def rules_for(cfg: Config) -> dict[str, Rule]:
    from lintpost.registry import all_rules

    key = repr(cfg.packs)
    if key not in _RULES:
        _RULES[key] = all_rules(cfg.packs)
    return _RULES[key]


def check_one(task: Task, opts: Options) -> FileResult:
    try:
        return _check_one(task, opts)
    except Exception as exc:  # last resort: one file's failure must not stop the others
        return FileResult(task.path, error=f"internal error, please report it: {type(exc).__name__}: {exc}")


def _check_one(task: Task, opts: Options) -> FileResult:
    cfg = task.config
    max_bytes = opts.max_file_size or cfg.max_file_size or DEFAULT_MAX_BYTES
    try:
        source = read_source(Path(task.real), task.path, max_bytes=max_bytes,
                             fallback=opts.encoding or cfg.encoding)
    except SourceError as exc:
        return FileResult(task.path, error=str(exc))
    if not opts.cache:
        return check_text(source.text, task.path, cfg, opts, notice=source.notice)
    from lintpost import resultcache

    key = _cache_key(task.path, source.text, cfg, opts)
    if key is not None:
        entry = resultcache.get(key)
        found = None if entry is None else resultcache.from_plain(entry, task.path, source.text, source.notice)
        if found is not None:
            return found
    result = check_text(source.text, task.path, cfg, opts, notice=source.notice)
    if key is not None:
        entry = resultcache.to_plain(result)
        if entry is not None:
            resultcache.put(key, entry)
    return result


def _cache_key(path: str, text: str, cfg: Config, opts: Options) -> bytes | None:
    """The key of a draft's result in the cache, or None when its run cannot be cached."""
    from lintpost import resultcache

    try:
        rules = rules_for(cfg)
    except Exception:  # a broken pack or plug-in: check_text reports it
        return None
    settings = (opts.select, opts.ignore, opts.lang, opts.timeout, opts.max_file_size, opts.encoding)
    fp = resultcache.fingerprint(cfg, rules, settings)
    return None if fp is None else resultcache.key(fp, path, text)


def check_text(text: str, path: str, cfg: Config, opts: Options, *, notice: str | None = None) -> FileResult:
    from lintpost.datarules import DataRuleError
    from lintpost.packs import PackError
    from lintpost.registry import RegistryError

    try:
        rules = rules_for(cfg)
    except (DataRuleError, PackError, RegistryError) as exc:
        return FileResult(path, error=f"rule pack: {exc}", text=text)
    try:
        result = lint_text(text, path, cfg, rules, lang=opts.lang, select=opts.select,
                           ignore=opts.ignore, timeout=opts.timeout)
    except FileTimeout:
        limit = opts.timeout or cfg.timeout
        message = f"took longer than the {limit or 10:g}-second limit per file (see --timeout)"
        return FileResult(path, error=message, text=text)
    except RecursionError:
        return FileResult(path, error="too deeply nested to check", text=text)
    if notice:
        result = FileResult(result.path, result.language, result.diagnostics, None, notice, result.text)
    return result


def _check_with_prints(task: Task, opts: Options) -> tuple[FileResult, Any]:
    result = check_one(task, opts)
    prints = None
    if opts.across and result.error is None:
        from lintpost.across import prints_for

        prints = prints_for(result.text, result.path, task.config, opts.select, opts.ignore)
    if not opts.keep_text and result.text:
        result = FileResult(result.path, result.language, result.diagnostics, result.error, result.notice)
    return result, prints


def _check_batch(batch: list[Task], opts: Options) -> tuple[list[tuple[FileResult, Any]], dict[bytes, Any]]:
    """Results of a batch in a worker, with the cache entries it made (the parent saves them)."""
    pairs = [_check_with_prints(t, opts) for t in batch]
    if not opts.cache:
        return pairs, {}
    from lintpost import resultcache

    return pairs, resultcache.take_added()


def run(tasks: list[Task], opts: Options, jobs: int = 0,
        progress: Callable[[int, int], None] | None = None,
        prints: list[Any] | None = None) -> list[FileResult]:
    """Check every task; results come back in the order of the tasks.

    With opts.across, the paragraph fingerprints of each file are appended to `prints` (same order).
    """
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if jobs == 1 or len(tasks) < 8:
        out = []
        for i, t in enumerate(tasks):
            result, fp = _check_with_prints(t, opts)
            out.append(result)
            if prints is not None:
                prints.append(fp)
            if progress:
                progress(i + 1, len(tasks))
        return out
    from concurrent.futures import ProcessPoolExecutor, as_completed

    slots: list[tuple[FileResult, Any] | None] = [None] * len(tasks)
    done = 0
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context()) as pool:
        futures = {pool.submit(_check_batch, [tasks[i] for i in batch], opts): batch
                   for batch in _batches(tasks, jobs)}
        for future in as_completed(futures):
            batch = futures[future]
            pairs, entries = future.result()
            for i, pair in zip(batch, pairs, strict=True):
                slots[i] = pair
            if entries:
                from lintpost import resultcache

                resultcache.add_all(entries)
            done += len(batch)
            if progress:
                progress(done, len(tasks))
    results: list[FileResult] = []
    for pair in slots:
        assert pair is not None
        results.append(pair[0])
        if prints is not None:
            prints.append(pair[1])
    return results


BIG_FILE = 256 * 1024


def _batches(tasks: list[Task], jobs: int) -> list[list[int]]:
    """Indexes of tasks in batches: big files alone and first, the rest in small runs.

    Batches amortise the cost of sending work to a process; a big file alone at the head of the
    queue cannot hold up a batch of small ones behind it, nor finish last on its own.
    """
    size = max(1, min(64, len(tasks) // (jobs * 8) or 1))
    big: list[list[int]] = []
    small: list[int] = []
    for i, t in enumerate(tasks):
        try:
            is_big = os.stat(t.real).st_size > BIG_FILE
        except OSError:
            is_big = False
        if is_big:
            big.append([i])
        else:
            small.append(i)
    return big + [small[i : i + size] for i in range(0, len(small), size)]


def in_target_order(results: list[FileResult], targets: list[str]) -> list[FileResult]:
    """Results grouped by the command-line target that found them, then by path (as the CLI shows them)."""

    def key(r: FileResult) -> tuple[int, str]:
        for i, t in enumerate(targets):
            if r.path == t or r.path.startswith(t.rstrip("/") + os.sep) or t == ".":
                return (i, r.path)
        return (len(targets), r.path)

    return sorted(results, key=key)


def _mp_context() -> BaseContext:
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
