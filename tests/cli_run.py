"""Running `lintpost check` in this process (fast) or in a real subprocess (end to end)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8")


def check(*args: str, cwd: Path, stdin: bytes | None = None, subprocess_: bool = False) -> Ran:
    """`lintpost check --no-color --lang en ARGS` run from cwd."""
    argv = ["check", "--no-color", "--lang", "en", *args]
    if subprocess_:
        proc = subprocess.run([sys.executable, "-m", "lintpost", *argv], cwd=cwd, input=stdin,
                              capture_output=True, timeout=60)
        return Ran(proc.returncode, proc.stdout, proc.stderr)
    from typer.testing import CliRunner

    from lintpost.cli import app

    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 always keeps them apart
        runner = CliRunner()
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(app, argv, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(before)
    return Ran(result.exit_code, result.stdout_bytes, result.stderr_bytes or b"")
