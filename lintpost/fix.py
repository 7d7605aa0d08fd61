"""Applying the fixes rules attach: choose non-overlapping ones, re-lint until stable, write atomically.

Rules only attach safe fixes, so `--fix` applies every fix it is offered. Files are written through
a temporary file in the same folder (fsync, then os.replace), keeping permissions, line endings,
byte-order mark and encoding; a file without a fix is never touched.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lintpost.config import Config
from lintpost.diagnostic import Diagnostic, Edit, Fix
from lintpost.engine import FileResult
from lintpost.source import DEFAULT_MAX_BYTES, Source, SourceError, read_source

if TYPE_CHECKING:
    from lintpost.config import ConfigFinder
    from lintpost.runner import Options, Task

# A fix skipped because it overlaps another is applied on the next pass; a few passes always suffice.
MAX_PASSES = 5

_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


@dataclass(frozen=True)
class FixOutcome:
    path: str
    original: str
    fixed: str
    # Number of fixes applied (over every pass).
    applied: int
    # What remains to report after fixing (the original findings when nothing could be written).
    result: FileResult
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.error is None and self.fixed != self.original


def _conflict(a: Edit, b: Edit) -> bool:
    if a.offset < b.end_offset and b.offset < a.end_offset:
        return True
    # Two edits starting at the same point (one an insertion) have no well-defined order.
    return a.offset == b.offset


def _span(fix: Fix) -> tuple[int, int]:
    return min(e.offset for e in fix.edits), max(e.end_offset for e in fix.edits)


def select_fixes(diagnostics: Iterable[Diagnostic]) -> list[Fix]:
    """Fixes to apply together: in offset order, skipping any whose edits overlap one already chosen."""
    candidates = [(d.fix, d.rule) for d in diagnostics if d.fix is not None and d.fix.edits]
    candidates.sort(key=lambda fr: (*_span(fr[0]), fr[1], fr[0].description))
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for fix, _rule in candidates:
        if any(_conflict(e, t) for e in fix.edits for t in taken):
            continue
        if any(_conflict(e, f) for i, e in enumerate(fix.edits) for f in fix.edits[i + 1 :]):
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply non-overlapping fixes (offsets refer to `text`)."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.offset, e.end_offset))
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.offset])
        out.append(e.replacement)
        pos = max(pos, e.end_offset)
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, lint: Callable[[str], FileResult],
             max_passes: int = MAX_PASSES) -> tuple[str, int, FileResult]:
    """(fixed text, fixes applied, findings left): apply, re-lint and repeat until nothing changes."""
    applied = 0
    result = lint(text)
    for _ in range(max_passes):
        if result.error is not None:
            break
        fixes = select_fixes(result.diagnostics)
        if not fixes:
            break
        new = apply_fixes(text, fixes)
        if new == text:
            break
        text = new
        applied += len(fixes)
        result = lint(text)
    return text, applied, result


def encode(text: str, source: Source) -> bytes:
    body = text.encode(source.encoding)
    return (_BOMS.get(source.encoding, b"") if source.bom else b"") + body


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file's content in one step: a crash leaves either the old file or the new one."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    import tempfile  # imports random and hashlib: only when a file is written

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".lintpost-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename durable where the platform allows it
        dfd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def fix_file(path: str, cfg: Config, lint: Callable[[str, str], FileResult], *, write: bool,
             max_bytes: int | None = None, fallback: str | None = None) -> FixOutcome:
    """Fix one file; `lint(text, path)` checks a text as that file. With write=False nothing is written."""
    try:
        source = read_source(Path(path), path, max_bytes=max_bytes or cfg.max_file_size or DEFAULT_MAX_BYTES,
                             fallback=fallback or cfg.encoding)
    except SourceError as exc:
        result = FileResult(path, error=str(exc))
        return FixOutcome(path, "", "", 0, result)
    original = source.text
    fixed, applied, result = fix_text(original, lambda t: lint(t, path))
    if source.notice and result.error is None:
        result = replace(result, notice=source.notice)
    if fixed == original:
        return FixOutcome(path, original, original, 0, result)
    if not write:
        return FixOutcome(path, original, fixed, applied, result)
    try:
        data = encode(fixed, source)
        if source.notice:  # decoded with a fallback: make sure we can write back what we read
            encode(original, source)
        write_atomic(Path(path), data)
    except (OSError, UnicodeError, LookupError) as exc:
        message = f"could not write fixes, file left unchanged: {getattr(exc, 'strerror', None) or exc}"
        before = lint(original, path)
        return FixOutcome(path, original, original, 0, FileResult(path, error=message, text=before.text),
                          error=message)
    return FixOutcome(path, original, fixed, applied, result)


def unified_diff(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    import difflib

    lines = list(difflib.unified_diff(a, b, f"a/{path}", f"b/{path}"))
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class FixSession:
    """What `check --fix` / `--diff` does across files: fix each one, remember what changed, report it."""

    def __init__(self, active: bool, write: bool) -> None:
        self.active = active
        self.write = write
        self.outcomes: list[FixOutcome] = []

    @property
    def applied(self) -> int:
        return sum(o.applied for o in self.outcomes)

    @property
    def write_failed(self) -> bool:
        return any(o.error is not None for o in self.outcomes)

    def files(self, tasks: list[Task], opts: Options) -> list[FileResult]:
        from lintpost.runner import check_text

        for t in tasks:
            def lint(text: str, path: str, cfg: Config = t.config) -> FileResult:
                return check_text(text, path, cfg, opts)

            outcome = fix_file(t.real, t.config, lint, write=self.write,
                               max_bytes=opts.max_file_size, fallback=opts.encoding)
            if t.path != t.real:  # a file name that is not UTF-8: report it as displayed
                outcome = replace(outcome, path=t.path, result=replace(outcome.result, path=t.path))
            self.outcomes.append(outcome)
        return [o.result for o in self.outcomes]

    def stdin(self, data: bytes, name: str, finder: ConfigFinder, opts: Options,
              encoding: str | None) -> FileResult:
        from lintpost.runner import check_text
        from lintpost.source import decode

        cfg = finder.for_path(Path(name) if name != "-" else Path.cwd() / "-")
        try:
            src = decode(data, name, fallback=encoding or cfg.encoding)
        except SourceError as exc:
            return FileResult(name, error=str(exc))
        fixed, applied, result = fix_text(src.text, lambda t: check_text(t, name, cfg, opts))
        self.outcomes.append(FixOutcome(name, src.text, fixed, applied, result))
        return result

    def finish_stdin(self, result: FileResult, diff: bool, ok: int, findings: int, usage: int) -> int:
        """Standard input: --fix prints the fixed text, --diff the diff."""
        if not self.outcomes:
            sys.stderr.write(f"lintpost: {result.path}: {result.error}\n")
            return usage
        if diff:
            return findings if self.print_diff() else ok
        sys.stdout.write(self.outcomes[0].fixed)
        sys.stderr.write(self.summary() + "\n")
        return findings if result.diagnostics else ok

    def print_diff(self) -> bool:
        """Print the diffs; True when some file would change."""
        changed = [o for o in self.outcomes if o.fixed != o.original]
        for o in changed:
            sys.stdout.write(unified_diff(o.path, o.original, o.fixed))
        for o in self.outcomes:
            if o.result.error is not None:
                sys.stderr.write(f"lintpost: {o.path}: {o.result.error}\n")
        n = sum(o.applied for o in changed)
        done = f"{n} fix(es) would change {len(changed)} file(s)." if changed else "Nothing to fix."
        sys.stderr.write(done + "\n")
        return bool(changed)

    def summary(self) -> str:
        files = sum(1 for o in self.outcomes if o.changed)
        return f"Fixed {self.applied} finding(s) in {files} file(s)." if self.applied else "Nothing to fix."
