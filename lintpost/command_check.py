"""`lintpost check`: what the command does, apart from how its command line is read.

The Typer command in `cli.py` and the fast path in `entry.py` (which skips importing Typer) both
call `run`.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class UsageError(Exception):
    """A bad command line, config or baseline: `lintpost: error: ...` and exit code 2."""


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """Values of a repeatable, comma-separated option: ["a,b", "c"] -> ("a", "b", "c")."""
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def run(
    paths: list[str] | None = None,
    output_format: Format = Format.text,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    lang: str | None = None,
    config: Path | None = None,
    fail_on: FailOn | None = None,
    exclude: list[str] | None = None,
    stdin_filename: str | None = None,
    jobs: int = 0,
    timeout: float | None = None,
    max_file_size: int | None = None,
    encoding: str | None = None,
    quiet: bool = False,
    color: bool | None = None,
    fix: bool = False,
    diff: bool = False,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    across_files: bool = False,
    no_cache: bool = False,
) -> int:
    """Check drafts, print the report, and return the exit code (UsageError for a bad request)."""
    from lintpost import config as config_mod
    from lintpost.diagnostic import Severity
    from lintpost.engine import FileResult
    from lintpost.language import SUPPORTED, normalise
    from lintpost.registry import RegistryError, all_rules
    from lintpost.runner import Options, check_text, discover, run

    if lang is not None and normalise(lang) not in SUPPORTED:
        raise UsageError(f"--lang {lang!r}: expected fr or en")
    if encoding is not None:
        from lintpost.source import SourceError, check_encoding

        try:
            check_encoding(encoding)
        except SourceError as exc:
            raise UsageError(f"--encoding: {exc}") from None
    if max_file_size is not None and max_file_size <= 0:
        raise UsageError("--max-file-size: expected a positive number of bytes")
    if timeout is not None and not timeout > 0:
        raise UsageError("--timeout: expected a positive number of seconds")
    try:
        known = all_rules()
    except (RegistryError, Exception) as exc:  # a broken plug-in or pack must not be a traceback
        raise UsageError(str(exc)) from None
    sel, ign = split_list(select), split_list(ignore)
    for name in (*(sel or ()), *ign):
        if name not in known and name != "ALL":
            raise UsageError(f"unknown rule {name!r} (see `lintpost rules`)")
    defaults = {n: dict(r.options) for n, r in known.items()}
    try:
        finder = config_mod.ConfigFinder(defaults, config)
    except config_mod.ConfigError as exc:
        raise UsageError(str(exc)) from None
    opts = Options(
        select=sel or None,
        ignore=ign,
        lang=lang,
        timeout=timeout,
        max_file_size=max_file_size,
        encoding=encoding,
        across=across_files,
        keep_text=output_format is not Format.json,
        cache=not (no_cache or fix or diff),
    )
    targets = paths or ["."]
    results: list[FileResult] = []
    errors: list[FileResult] = []
    from lintpost.fix import FixSession

    fixing = FixSession(fix or diff, write=fix and not diff)
    try:
        if targets == ["-"] and fixing.active:
            results = [fixing.stdin(sys.stdin.buffer.read(), stdin_filename or "-", finder, opts, encoding)]
            return fixing.finish_stdin(results[0], diff, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE)
        if targets == ["-"]:
            data = sys.stdin.buffer.read()
            from lintpost.source import SourceError, decode

            name = stdin_filename or "-"
            cfg = finder.for_path(Path(name)) if stdin_filename else finder.for_path(Path.cwd() / "-")
            try:
                src = decode(data, name, fallback=encoding or cfg.encoding)
                results = [check_text(src.text, name, cfg, opts, notice=src.notice)]
            except SourceError as exc:
                results = [FileResult(name, error=str(exc))]
        else:
            if "-" in targets:
                raise UsageError("'-' (standard input) cannot be mixed with paths")
            tasks = discover(targets, split_list(exclude), finder, errors)
            if fixing.active:
                results = fixing.files(tasks, opts)
                if diff:
                    return EXIT_FINDINGS if fixing.print_diff() else EXIT_OK
            else:
                prints: list | None = [] if across_files else None  # type: ignore[type-arg]
                results = run(tasks, opts, jobs=jobs, progress=_progress_bar(len(tasks)), prints=prints)
                if opts.cache:
                    from lintpost import resultcache

                    resultcache.save()
                if prints is not None:
                    from lintpost import across

                    results = across.apply(results, prints)
    except config_mod.ConfigError as exc:
        raise UsageError(str(exc)) from None
    all_results = sorted([*results, *errors], key=lambda r: _order(r.path, targets))
    if write_baseline is not None:
        return _write_baseline(write_baseline, all_results)
    baselined = 0
    if baseline is not None:
        from lintpost import baseline as baseline_mod

        try:
            keys = baseline_mod.load(baseline)
        except baseline_mod.BaselineError as exc:
            raise UsageError(str(exc)) from None
        all_results, baselined = baseline_mod.apply(all_results, keys, baseline.parent)
    colour = _use_colour(color)
    _emit(
        output_format,
        all_results,
        colour,
        quiet,
        known,
        baselined=baselined,
        fixed=fixing.applied if fixing.write else None,
    )
    if fixing.write and not (quiet and output_format is Format.text):
        print(fixing.summary(), file=sys.stderr if output_format is not Format.text else sys.stdout)
    for r in all_results:
        if r.error is not None and output_format is not Format.text:
            print(f"lintpost: {r.path}: {r.error}", file=sys.stderr)
    checked = [r for r in all_results if r.error is None]
    if not checked:
        return EXIT_USAGE
    threshold = fail_on.value if fail_on else None
    if threshold is None:
        cfgs = {finder.for_path(Path(r.path)).fail_on for r in checked if r.path != "-"} if not config else set()
        level = min(cfgs) if cfgs else (finder.for_path(Path.cwd() / "-").fail_on)
    elif threshold == "never":
        return EXIT_OK
    else:
        level = Severity.parse(threshold)
    failed = any(d.severity >= level for r in checked for d in r.diagnostics)
    # A draft that could not be read is an error: a pre-commit run must not pass it silently.
    failed = failed or any(r.error is not None for r in all_results)
    return EXIT_FINDINGS if failed or fixing.write_failed else EXIT_OK




def _order(path: str, targets: list[str]) -> tuple[int, str]:
    for i, t in enumerate(targets):
        if path == t or path.startswith(t.rstrip("/") + os.sep) or t == ".":
            return (i, path)
    return (len(targets), path)


def _use_colour(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _progress_bar(total: int):
    if total < 200 or not sys.stderr.isatty():
        return None

    def show(done: int, n: int) -> None:
        width = 30
        filled = width * done // n
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{n} files")
        if done == n:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()

    return show


def _write_utf8(data: str) -> None:
    """JSON is UTF-8 by definition, whatever the terminal's locale says."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if enc == "utf8" or not hasattr(sys.stdout, "buffer"):
        sys.stdout.write(data)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace"))
    sys.stdout.buffer.flush()


def _emit(
    fmt: Format,
    results: list,
    colour: bool,
    quiet: bool,
    known: dict,  # type: ignore[type-arg]
    baselined: int = 0,
    fixed: int | None = None,
) -> None:
    if fmt is Format.json:
        from lintpost.formats import json_report

        extra: dict[str, int] = {"baselined": baselined}
        if fixed is not None:
            extra["fixed"] = fixed
        enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        if enc == "utf8" or not hasattr(sys.stdout, "buffer"):
            json_report.write(results, sys.stdout, summary_extra=extra)
        else:  # JSON is UTF-8 by definition, whatever the terminal's locale says
            import io

            sys.stdout.flush()
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="backslashreplace")
            json_report.write(results, stream, summary_extra=extra)
            stream.flush()
            stream.detach()
    elif fmt is Format.sarif:
        from lintpost.formats import sarif

        _write_utf8(sarif.render(results, known))
    elif fmt is Format.github:
        from lintpost.formats import github

        sys.stdout.write(github.render(results))
    else:
        from lintpost.formats import text

        for piece in text.iter_render(results, colour=colour, summary=not quiet, baselined=baselined):
            sys.stdout.write(piece)


def _write_baseline(path: Path, results: list) -> int:  # type: ignore[type-arg]
    from lintpost import baseline as baseline_mod

    try:
        n = baseline_mod.write(path, [r for r in results if r.error is None])
    except OSError as exc:
        raise UsageError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    print(f"Wrote {n} finding(s) to baseline {path}.", file=sys.stderr)
    return EXIT_OK
