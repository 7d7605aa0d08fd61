"""The `lintpost` command line: check, rules, explain."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from lintpost import __version__

app = typer.Typer(
    name="lintpost",
    help="Editorial quality linter for finance posts (French and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _die(message: str) -> typer.Exit:
    typer.echo(f"lintpost: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lintpost {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Editorial quality linter for finance posts (French and English)."""


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to check; '-' reads standard input.")] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules (comma-separated, repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules (comma-separated, repeatable).")] = None,
    lang: Annotated[Optional[str], typer.Option(help="Language of the drafts: fr or en (default: detect).")] = None,
    config: Annotated[Optional[Path], typer.Option(help="Use this config file instead of searching upward.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Lowest severity that fails the run [default: warning].")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Glob of paths to skip (repeatable).")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name of the draft read from '-' (for config and output).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores, 1: no parallelism).")] = 0,
    timeout: Annotated[Optional[float], typer.Option(help="Seconds allowed per file [default: 10].")] = None,
    max_file_size: Annotated[Optional[int], typer.Option(help="Largest file to read, in bytes [default: 20 MB].")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="Fallback encoding for files that are not UTF-8 (e.g. cp1252).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text format: no summary line.")] = False,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour output [default: on a terminal].")] = None,
) -> None:
    """Check drafts and report findings."""
    from lintpost import config as config_mod
    from lintpost.diagnostic import Severity
    from lintpost.engine import FileResult
    from lintpost.language import SUPPORTED, normalise
    from lintpost.registry import RegistryError, all_rules
    from lintpost.runner import Options, check_text, discover, run

    if lang is not None and normalise(lang) not in SUPPORTED:
        raise _die(f"--lang {lang!r}: expected fr or en")
    if encoding is not None:
        from lintpost.source import SourceError, check_encoding

        try:
            check_encoding(encoding)
        except SourceError as exc:
            raise _die(f"--encoding: {exc}") from None
    if max_file_size is not None and max_file_size <= 0:
        raise _die("--max-file-size: expected a positive number of bytes")
    if timeout is not None and not timeout > 0:
        raise _die("--timeout: expected a positive number of seconds")
    try:
        known = all_rules()
    except (RegistryError, Exception) as exc:  # a broken plug-in or pack must not be a traceback
        raise _die(str(exc)) from None
    sel, ign = _split(select), _split(ignore)
    for name in (*(sel or ()), *ign):
        if name not in known and name != "ALL":
            raise _die(f"unknown rule {name!r} (see `lintpost rules`)")
    defaults = {n: dict(r.options) for n, r in known.items()}
    try:
        finder = config_mod.ConfigFinder(defaults, config)
    except config_mod.ConfigError as exc:
        raise _die(str(exc)) from None
    opts = Options(select=sel or None, ignore=ign, lang=lang, timeout=timeout,
                   max_file_size=max_file_size, encoding=encoding)
    targets = paths or ["."]
    results: list[FileResult] = []
    errors: list[FileResult] = []
    try:
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
                raise _die("'-' (standard input) cannot be mixed with paths")
            tasks = discover(targets, _split(exclude), finder, errors)
            results = run(tasks, opts, jobs=jobs, progress=_progress_bar(len(tasks)))
    except config_mod.ConfigError as exc:
        raise _die(str(exc)) from None
    all_results = sorted([*results, *errors], key=lambda r: _order(r.path, targets))
    colour = _use_colour(color)
    _emit(output_format, all_results, colour, quiet, known)
    for r in all_results:
        if r.error is not None and output_format is not Format.text:
            typer.echo(f"lintpost: {r.path}: {r.error}", err=True)
    checked = [r for r in all_results if r.error is None]
    if not checked:
        raise typer.Exit(EXIT_USAGE)
    threshold = fail_on.value if fail_on else None
    if threshold is None:
        cfgs = {finder.for_path(Path(r.path)).fail_on for r in checked if r.path != "-"} if not config else set()
        level = min(cfgs) if cfgs else (finder.for_path(Path.cwd() / "-").fail_on)
    elif threshold == "never":
        raise typer.Exit(EXIT_OK)
    else:
        level = Severity.parse(threshold)
    failed = any(d.severity >= level for r in checked for d in r.diagnostics)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


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


def _progress_bar(total: int):  # noqa: ANN202
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


def _emit(fmt: Format, results: list, colour: bool, quiet: bool, known: dict) -> None:  # type: ignore[type-arg]
    if fmt is Format.json:
        from lintpost.formats import json_report

        _write_utf8(json_report.render(results))
    elif fmt is Format.sarif:
        from lintpost.formats import sarif

        sys.stdout.write(sarif.render(results, known))
    elif fmt is Format.github:
        from lintpost.formats import github

        sys.stdout.write(github.render(results))
    else:
        from lintpost.formats import text

        sys.stdout.write(text.render(results, colour=colour, summary=not quiet))


@app.command("rules")
def list_rules(
    output_format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """List every rule with its default severity and description."""
    from lintpost.registry import all_rules

    rules = all_rules()
    if output_format is Format.json:
        import json

        data = [{"name": r.name, "severity": r.severity.label, "description": r.description,
                 "languages": sorted(r.languages) if r.languages is not None else None,
                 "fixable": r.fixable, "options": r.options} for r in rules.values()]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max(len(n) for n in rules)
    for r in rules.values():
        langs = ",".join(sorted(r.languages)) if r.languages is not None else "any"
        fix = " (fixable)" if r.fixable else ""
        typer.echo(f"{r.name:<{width}}  {r.severity.label:<7}  {langs:<5}  {r.description}{fix}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule name, as `lintpost rules` lists it.")]) -> None:
    """Explain a rule: what it flags, why it matters, an example, what to write instead."""
    from lintpost.registry import all_rules

    rules = all_rules()
    r = rules.get(rule)
    if r is None:
        close = [n for n in rules if rule.split("-")[0] in n]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise _die(f"unknown rule {rule!r}{hint}")
    langs = ", ".join(sorted(r.languages)) if r.languages is not None else "any language"
    typer.echo(f"# {r.name}\n\n{r.description}.\n\nDefault severity: {r.severity.label}. Languages: {langs}."
               f"{' Fixable with --fix.' if r.fixable else ''}\n")
    if r.options:
        opts = ", ".join(f"{k} = {v!r}" for k, v in r.options.items())
        typer.echo(f"Options ([tool.lintpost.rules.{r.name}]): {opts}\n")
    typer.echo(r.explain.rstrip())


def main() -> None:
    # Whatever the terminal's encoding, printing a draft's characters must not fail.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("lintpost: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
