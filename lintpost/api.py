"""The library API: lint a string, a file or many files from Python.

    import lintpost

    for d in lintpost.lint_text("Bitcoin va monter de 300 % cette année.", lang="fr"):
        print(d.line, d.column, d.rule, d.message)

    results = lintpost.lint_paths(["posts/"], jobs=0)      # every core

Inputs and results are plain picklable values (strings, paths, NamedTuples, frozen dataclasses), so `lint_file`
can be mapped by any distributed engine; with Dask:

    import dask.bag as db
    from lintpost.api import discover_files, lint_file

    results = db.from_sequence(discover_files(["posts/"]), npartitions=8).map(lint_file).compute()

Configuration follows the command line: with `config=None` each file gets the `.lintpost.toml`,
`lintpost.toml` or `pyproject.toml` found upward from its folder; a path names one config file for
every file; a `Config` object is used as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lintpost.config import Config, ConfigFinder
from lintpost.diagnostic import Diagnostic
from lintpost.engine import FileResult

if TYPE_CHECKING:
    from lintpost.rule import Rule
    from lintpost.runner import Options

__all__ = ["Config", "Diagnostic", "FileResult", "discover_files", "lint_file", "lint_paths", "lint_text"]

ConfigArg = Config | str | os.PathLike[str] | None


class LintpostError(ValueError):
    """An unusable argument: an unknown rule name, a language other than fr/en, a bad config file."""


def _rules() -> dict[str, Rule]:
    from lintpost.registry import all_rules

    return all_rules()


def _check_names(names: Iterable[str], known: dict[str, Rule]) -> None:
    for name in names:
        if name not in known and name != "ALL":
            raise LintpostError(f"unknown rule {name!r} (see `lintpost rules`)")


def _finder(config: ConfigArg, known: dict[str, Rule]) -> ConfigFinder | Config:
    from lintpost.config import ConfigError

    if isinstance(config, Config):
        return config
    defaults = {n: dict(r.options) for n, r in known.items()}
    try:
        return ConfigFinder(defaults, Path(config) if config is not None else None)
    except ConfigError as exc:
        raise LintpostError(str(exc)) from None


def _config_for(finder: ConfigFinder | Config, path: Path) -> Config:
    return finder if isinstance(finder, Config) else finder.for_path(path)


def _options(select: Sequence[str] | None, ignore: Sequence[str], lang: str | None,
             known: dict[str, Rule]) -> Options:
    from lintpost.language import SUPPORTED, normalise
    from lintpost.runner import Options

    if lang is not None and normalise(lang) not in SUPPORTED:
        raise LintpostError(f"lang {lang!r}: expected fr or en")
    select_t = tuple(select) if select is not None else None
    ignore_t = tuple(ignore)
    _check_names((*(select_t or ()), *ignore_t), known)
    return Options(select=select_t, ignore=ignore_t, lang=lang)


def lint_text(text: str, *, path: str | os.PathLike[str] | None = None, lang: str | None = None,
              config: ConfigArg = None, select: Sequence[str] | None = None,
              ignore: Sequence[str] = ()) -> list[Diagnostic]:
    """Diagnostics for one draft given as a string, sorted by position.

    path: the draft's name; it picks Markdown or plain text (`.txt`), per-file ignores and, with
    `config=None`, the config file found upward from it (without a path, no config is searched and
    defaults apply). lang: "fr" or "en" (default: front matter, config, then detection).
    """
    from lintpost.runner import check_text

    known = _rules()
    opts = _options(select, ignore, lang, known)
    name = os.fspath(path) if path is not None else "-"
    no_search = config is None and path is None
    cfg = Config() if no_search else _config_for(_finder(config, known), Path(name))
    result = check_text(text, name, cfg, opts)
    if result.error is not None:
        raise LintpostError(f"{name}: {result.error}")
    return list(result.diagnostics)


def discover_files(paths: Iterable[str | os.PathLike[str]], *, exclude: Sequence[str] = (),
                   config: ConfigArg = None) -> list[str]:
    """The drafts `lintpost check` would read: named files, and *.md/*.markdown/*.txt under folders."""
    from lintpost.runner import discover

    known = _rules()
    finder = _finder(config, known)
    if isinstance(finder, Config):
        finder = ConfigFinder({n: dict(r.options) for n, r in known.items()})
    errors: list[FileResult] = []
    return [t.path for t in discover([os.fspath(p) for p in paths], tuple(exclude), finder, errors)]


def lint_file(path: str | os.PathLike[str], *, config: ConfigArg = None, lang: str | None = None,
              select: Sequence[str] | None = None, ignore: Sequence[str] = (),
              keep_text: bool = False) -> FileResult:
    """Check one file; a file that cannot be read comes back with `error` set, not an exception.

    A plain function of picklable arguments, for `map` in a process pool or a cluster. The
    result's `text` (the decoded draft) is dropped unless keep_text is true.
    """
    from lintpost.runner import Task, check_one

    known = _rules()
    opts = _options(select, ignore, lang, known)
    name = os.fspath(path)
    result = check_one(Task(name, name, _config_for(_finder(config, known), Path(name))), opts)
    return result if keep_text else _without_text(result)


def lint_paths(paths: Iterable[str | os.PathLike[str]], *, config: ConfigArg = None, jobs: int = 1,
               lang: str | None = None, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
               exclude: Sequence[str] = (), keep_text: bool = False) -> list[FileResult]:
    """Check files and folders like `lintpost check`: one FileResult per draft, in a stable order.

    jobs: worker processes (1: none, 0: every core). Paths that do not exist, or folders with no
    drafts, come back as results with `error` set.
    """
    from lintpost.runner import Task, discover, in_target_order, run

    known = _rules()
    opts = _options(select, ignore, lang, known)
    finder = _finder(config, known)
    targets = [os.fspath(p) for p in paths]
    errors: list[FileResult] = []
    if isinstance(finder, Config):
        plain = ConfigFinder({n: dict(r.options) for n, r in known.items()})
        tasks = discover(targets, tuple(exclude), plain, errors)
        tasks = [Task(t.path, t.real, finder) for t in tasks]
    else:
        tasks = discover(targets, tuple(exclude), finder, errors)
    results = run(tasks, opts, jobs=jobs)
    out = in_target_order([*results, *errors], targets)
    return out if keep_text else [_without_text(r) for r in out]


def _without_text(r: FileResult) -> FileResult:
    if not r.text:
        return r
    return FileResult(r.path, r.language, r.diagnostics, r.error, r.notice)
