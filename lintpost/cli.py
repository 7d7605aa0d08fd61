"""The `lintpost` command line: check, rules, explain."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lintpost import __version__
from lintpost.command_check import EXIT_FINDINGS, EXIT_USAGE, FailOn, Format, split_list

app = typer.Typer(
    name="lintpost",
    help="Editorial quality linter for finance posts (French and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_OPT_IN = " Off by default: enable it with [tool.lintpost.rules.{name}] enabled = true, or --select."
_split = split_list


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
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Check every draft again, ignoring the results kept from earlier runs."),
    ] = False,
) -> None:
    """Check drafts and report findings."""
    from lintpost import command_check

    try:
        code = command_check.run(
            paths=paths, output_format=output_format, select=select, ignore=ignore, lang=lang, config=config,
            fail_on=fail_on, exclude=exclude, stdin_filename=stdin_filename, jobs=jobs, timeout=timeout,
            max_file_size=max_file_size, encoding=encoding, quiet=quiet, color=color, fix=fix, diff=diff,
            baseline=baseline, write_baseline=write_baseline, across_files=across_files,
            no_cache=no_cache,
        )
    except command_check.UsageError as exc:
        raise _die(str(exc)) from None
    raise typer.Exit(code)


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


def main() -> None:
    """The console script (kept for code that imports it; see `entry.main`)."""
    from lintpost.entry import main as entry_main

    entry_main()
