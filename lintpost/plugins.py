"""Finding plug-in entry points without paying for `importlib.metadata` on every run.

Scanning the installed distributions costs more than checking a short post. Whether any
distribution declares a `lintpost.rules` entry point is remembered in the cache folder, keyed by
the import path and the modification times of its folders (installing or removing a package
changes its folder's time), so a run with no plug-in installed skips the scan. When
`importlib.metadata` is loaded already (a test run, an editor server), the scan is cheap and is
done as usual.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from lintpost import recache


def path_fingerprint() -> list[list[Any]]:
    """The import path and the modification times of its folders (they change when a package is installed)."""
    out: list[list[Any]] = []
    for entry in sys.path:
        try:
            out.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            out.append([entry, None])
    return out


def entry_points(*, group: str) -> list[Any]:
    """importlib.metadata.entry_points(group=group), skipped when the cache knows there are none."""
    if "importlib.metadata" in sys.modules:
        import importlib.metadata

        return list(importlib.metadata.entry_points(group=group))
    folder = recache.cache_file()
    path = folder.with_name("plugins.json") if folder is not None else None
    key = path_fingerprint()
    known: list[Any] = []
    if path is not None:
        try:
            known = json.loads(path.read_text(encoding="utf-8"))[group]
            if key in known:
                return []
        except (OSError, ValueError, KeyError, TypeError):
            known = []
    from importlib.metadata import entry_points as scan

    found = list(scan(group=group))
    if path is not None and not found:
        # Remember a few import paths (the console script and `python -m` differ in sys.path[0]).
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"plugins.json.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({group: [*known[-31:], key]}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
    return found
