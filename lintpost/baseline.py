"""Baselines: record today's findings, then report only new ones.

A finding is keyed by its file, its rule, its normalised excerpt and its rank among findings with
the same three, never by line numbers, so edits elsewhere in the file do not invalidate it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lintpost import recache
from lintpost.diagnostic import Diagnostic
from lintpost.engine import FileResult

VERSION = 1
_SPACE = recache.compile(r"\s+")
_DIGITS = recache.compile(r"\d+")


class BaselineError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Key:
    path: str
    rule: str
    fingerprint: str
    occurrence: int


def normalise(excerpt: str) -> str:
    return _SPACE.sub(" ", excerpt).strip()


def fingerprint(d: Diagnostic) -> str:
    """Hash of the normalised excerpt (of the message without numbers when the span is empty)."""
    basis = normalise(d.excerpt) or "message:" + _DIGITS.sub("#", d.message)
    return hashlib.sha256(f"{d.rule}\0{basis}".encode()).hexdigest()[:20]


def key_path(path: str, root: Path | None) -> str:
    """The path as recorded: relative to the baseline's folder, with forward slashes."""
    if path == "-" or root is None:
        return path.replace(os.sep, "/")
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def keyed(result: FileResult, root: Path | None) -> Iterator[tuple[Key, Diagnostic]]:
    path = key_path(result.path, root)
    seen: Counter[tuple[str, str]] = Counter()
    for d in result.diagnostics:
        fp = fingerprint(d)
        n = seen[(d.rule, fp)]
        seen[(d.rule, fp)] += 1
        yield Key(path, d.rule, fp, n), d


def dump(results: Iterable[FileResult], root: Path | None) -> dict[str, Any]:
    findings = []
    for r in results:
        for k, d in keyed(r, root):
            findings.append({"path": k.path, "rule": k.rule, "fingerprint": k.fingerprint,
                             "occurrence": k.occurrence, "line": d.line,
                             "excerpt": normalise(d.excerpt)[:120], "message": d.message})
    return {"version": VERSION, "tool": "lintpost", "findings": findings}


def write(path: Path, results: Iterable[FileResult]) -> int:
    data = dump(results, path.parent)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data["findings"])


def load(path: Path) -> set[Key]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a lintpost baseline: {exc}") from None
    if (not isinstance(data, dict) or data.get("version") != VERSION
            or not isinstance(data.get("findings"), list)):
        raise BaselineError(f"{path}: not a lintpost baseline (version {VERSION})")
    keys = set()
    for item in data["findings"]:
        try:
            keys.add(Key(str(item["path"]), str(item["rule"]), str(item["fingerprint"]),
                         int(item["occurrence"])))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: malformed entry {item!r}") from None
    return keys


def apply(results: list[FileResult], keys: set[Key], root: Path | None) -> tuple[list[FileResult], int]:
    """Drop the baselined findings; returns the filtered results and how many were dropped."""
    out = []
    hidden = 0
    for r in results:
        if r.error is not None or not r.diagnostics:
            out.append(r)
            continue
        kept = []
        for k, d in keyed(r, root):
            if k in keys:
                hidden += 1
            else:
                kept.append(d)
        out.append(replace(r, diagnostics=tuple(kept)))
    return out, hidden
