from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process checks never reuse results: tests replace rules and options between runs.

    tests/test_result_cache.py turns the cache back on in a folder of its own.
    """
    from lintpost import resultcache

    resultcache.reset()
    monkeypatch.setattr(resultcache, "folder", lambda: None)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "contract" / "report.schema.json").is_file():
        pytest.skip("../shared is not present")
    return SHARED
