"""The `lintpost` command line: check, rules, explain."""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

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
_OPT_IN = " Off by default: enable it with [tool.lintpost.rules.{name}] enabled = true, or --select."


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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Editorial quality linter for finance posts (French and English)."""


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to check; '-' reads standard input.")
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (comma-separated, repeatable).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (comma-separated, repeatable).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of the drafts: fr or en (default: detect).")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file instead of searching upward.")] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that fails the run [default: warning].")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of paths to skip (repeatable).")] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name of the draft read from '-' (for config and output).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores, 1: no parallelism).")] = 0,
    timeout: Annotated[float | None, typer.Option(help="Seconds allowed per file [default: 10].")] = None,
    max_file_size: Annotated[int | None, typer.Option(help="Largest file to read, in bytes [default: 20 MB].")] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Fallback encoding for files that are not UTF-8 (e.g. cp1252).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text format: no summary line.")] = False,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour output [default: on a terminal].")
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes in place, then report what remains.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff of what --fix would change; write nothing.")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Report only findings not recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[Path | None, typer.Option(help="Record today's findings in this file and exit.")] = None,
    across_files: Annotated[
        bool,
        typer.Option(
            "--across-files",
            help="Also find paragraphs repeated between files (duplicate-across-files).",
        ),
    ] = False,
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
    opts = Options(
        select=sel or None,
        ignore=ign,
        lang=lang,
        timeout=timeout,
        max_file_size=max_file_size,
        encoding=encoding,
        across=across_files,
        keep_text=output_format is not Format.json,
    )
    targets = paths or ["."]
    results: list[FileResult] = []
    errors: list[FileResult] = []
    from lintpost.fix import FixSession

    fixing = FixSession(fix or diff, write=fix and not diff)
    try:
        if targets == ["-"] and fixing.active:
            results = [fixing.stdin(sys.stdin.buffer.read(), stdin_filename or "-", finder, opts, encoding)]
            raise typer.Exit(fixing.finish_stdin(results[0], diff, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE))
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
            if fixing.active:
                results = fixing.files(tasks, opts)
                if diff:
                    raise typer.Exit(EXIT_FINDINGS if fixing.print_diff() else EXIT_OK)
            else:
                prints: list | None = [] if across_files else None  # type: ignore[type-arg]
                results = run(tasks, opts, jobs=jobs, progress=_progress_bar(len(tasks)), prints=prints)
                if prints is not None:
                    from lintpost import across

                    results = across.apply(results, prints)
    except config_mod.ConfigError as exc:
        raise _die(str(exc)) from None
    all_results = sorted([*results, *errors], key=lambda r: _order(r.path, targets))
    if write_baseline is not None:
        raise typer.Exit(_write_baseline(write_baseline, all_results))
    baselined = 0
    if baseline is not None:
        from lintpost import baseline as baseline_mod

        try:
            keys = baseline_mod.load(baseline)
        except baseline_mod.BaselineError as exc:
            raise _die(str(exc)) from None
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
        typer.echo(fixing.summary(), err=output_format is not Format.text)
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
    # A draft that could not be read is an error: a pre-commit run must not pass it silently.
    failed = failed or any(r.error is not None for r in all_results)
    raise typer.Exit(EXIT_FINDINGS if failed or fixing.write_failed else EXIT_OK)


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
        raise _die(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    typer.echo(f"Wrote {n} finding(s) to baseline {path}.", err=True)
    return EXIT_OK


@app.command("rules")
def list_rules(
    output_format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """List every rule with its default severity and description."""
    from lintpost.registry import all_rules

    rules = all_rules()
    if output_format is Format.json:
        import json

        data = [
            {
                "name": r.name,
                "severity": r.severity.label,
                "description": r.description,
                "languages": sorted(r.languages) if r.languages is not None else None,
                "fixable": r.fixable,
                "default_enabled": r.default_enabled,
                "options": r.options,
            }
            for r in rules.values()
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max(len(n) for n in rules)
    for r in rules.values():
        langs = ",".join(sorted(r.languages)) if r.languages is not None else "any"
        fix = " (fixable)" if r.fixable else ""
        if not r.default_enabled:
            fix += " (off by default)"
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
    typer.echo(
        f"# {r.name}\n\n{r.description}.\n\nDefault severity: {r.severity.label}. Languages: {langs}."
        f"{' Fixable with --fix.' if r.fixable else ''}"
        f"{'' if r.default_enabled else _OPT_IN.format(name=r.name)}\n"
    )
    if r.options:
        opts = ", ".join(f"{k} = {v!r}" for k, v in r.options.items())
        typer.echo(f"Options ([tool.lintpost.rules.{r.name}]): {opts}\n")
    typer.echo(r.explain.rstrip())


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold label files (*.json).")],
    root: Annotated[
        Path | None, typer.Option(help="Folder the gold 'file' paths are relative to [default: GOLD_DIR/..].")
    ] = None,
    rules: Annotated[
        list[str] | None, typer.Option("--rule", help="Rules to score (repeatable) [default: the four finance rules].")
    ] = None,
    show: Annotated[int, typer.Option(help="How many false positives and negatives to list.")] = 20,
    min_precision: Annotated[float, typer.Option(help="Exit 1 when a rule's precision is below this.")] = 0.0,
    min_recall: Annotated[float, typer.Option(help="Exit 1 when a rule's recall is below this.")] = 0.0,
) -> None:
    """Measure precision and recall per rule against labelled posts."""
    from lintpost import evaluate as ev
    from lintpost.config import ConfigError, ConfigFinder
    from lintpost.registry import all_rules
    from lintpost.runner import Options, Task, check_one

    chosen = _split(rules) or ev.MISSION_RULES
    known = all_rules()
    for name in chosen:
        if name not in known:
            raise _die(f"unknown rule {name!r}")
    try:
        golds = ev.load_gold(gold_dir)
        finder = ConfigFinder({n: dict(r.options) for n, r in known.items()})
    except (ev.GoldError, ConfigError) as exc:
        raise _die(str(exc)) from None
    base = root or gold_dir.parent

    def diagnostics_of(path: Path) -> list:  # type: ignore[type-arg]
        result = check_one(Task(str(path), str(path), finder.for_path(path)), Options())
        return list(result.diagnostics)

    try:
        report = ev.evaluate(golds, base, diagnostics_of, tuple(chosen))
    except ev.GoldError as exc:
        raise _die(str(exc)) from None
    typer.echo(report.table())
    for line in (report.misses + report.extras)[:show]:
        typer.echo(line)
    worst_p = min(s.precision for s in report.scores.values())
    worst_r = min(s.recall for s in report.scores.values())
    typer.echo(f"docs={report.documents} worst_precision={worst_p:.2f} worst_recall={worst_r:.2f}")
    if worst_p < min_precision or worst_r < min_recall:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def server(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Accepted for editors that pass it: stdio is the transport.")
    ] = False,
) -> None:
    """Run the language server on standard input and output (for editors; needs the `lsp` extra)."""
    try:
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        raise _die("the language server needs pygls 2: pip install 'lintpost[lsp]'") from None
    from lintpost.lsp.server import serve

    serve()


def _fast_check(argv: list[str]) -> None:
    """Run `check` without Typer's parser when fastcli understands the whole command line."""
    from lintpost import fastcli

    kwargs = fastcli.parse(check, argv[1:]) if argv[:1] == ["check"] else None
    if kwargs is None:
        return
    try:
        check(**kwargs)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(EXIT_OK)


def main() -> None:
    # Whatever the terminal's encoding, printing a draft's characters must not fail.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        _fast_check(sys.argv[1:])
        app()
    except KeyboardInterrupt:
        sys.stderr.write("lintpost: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
