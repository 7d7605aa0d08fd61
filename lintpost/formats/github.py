"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff."""

from __future__ import annotations

from lintpost.diagnostic import Diagnostic, Severity
from lintpost.engine import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: str | int) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {body}::{escape_data(message)}" if body else f"::{level}::{escape_data(message)}"


def annotation(path: str, d: Diagnostic) -> str:
    message = d.message + (f"\nhelp: {d.help}" if d.help else "")
    return command(_LEVELS[d.severity], message, file=path, line=d.line, col=d.column,
                   endLine=d.end_line, endColumn=d.end_column, title=d.rule)


def render(results: list[FileResult]) -> str:
    out = []
    for r in results:
        if r.error is not None:
            out.append(command("error", r.error, file=r.path, title="lintpost"))
            continue
        out.extend(annotation(r.path, d) for d in r.diagnostics)
    return "".join(line + "\n" for line in out)
