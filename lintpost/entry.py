"""The `lintpost` console script.

`lintpost check ...`, the command a pre-commit hook or an editor runs on every save, starts without
importing Typer (~40 ms): `fastcli` reads the command line from a table of the `check` options
kept in the cache, and `command_check.run` does the work. Anything else goes to the Typer app.
"""

from __future__ import annotations

import contextlib
import sys


def main() -> None:
    # Whatever the terminal's encoding, printing a draft's characters must not fail.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        _fast(sys.argv[1:])
        from lintpost.cli import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("lintpost: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


def _fast(argv: list[str]) -> None:
    """Answer `--version` and the plain forms of `check` here; return to let Typer handle the rest."""
    if argv == ["--version"]:
        from lintpost import __version__

        print(f"lintpost {__version__}")
        sys.exit(0)
    if argv[:1] != ["check"]:
        return
    from lintpost import command_check, fastcli

    kwargs = fastcli.parse_check(argv[1:])
    if kwargs is None:
        return
    try:
        code = command_check.run(**kwargs)
    except command_check.UsageError as exc:
        sys.stderr.write(f"lintpost: error: {exc}\n")
        code = command_check.EXIT_USAGE
    sys.exit(code)
