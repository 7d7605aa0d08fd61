"""A long fuzz campaign, outside the default test run.

    python fuzz/run.py --minutes 10            # every target, in turn, until time is up
    python fuzz/run.py --minutes 2 --target bytes

Targets (the same invariants as tests/test_properties.py, with many more examples):

- drafts:   arbitrary Unicode, generated Markdown and both spliced, as .md and .txt, in each
            language: no exception, exact positions, schema-valid JSON, text output renders;
- fixes:    generated Markdown under a config with every kind of fix: fixes idempotent and local;
- nfd:      decomposed accents find what composed accents find;
- bytes:    arbitrary bytes (with and without byte-order marks) through the decoder: text or a
            one-line SourceError, never another exception; decoded text then keeps the invariants;
- scaling:  hostile inputs of 100 and 200 KB ("[[[[", "<!--<!--", thousands of headings...):
            time must grow about linearly (200 KB may take at most 3.2 times as long as 100 KB).

Failures are shrunk by hypothesis and printed with the smallest input found; the exit code is 1
when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("LINTPOST_HYPOTHESIS_PROFILE", "fuzz")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import invariants
import strategies
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintpost.config import Config
from lintpost.source import SourceError, decode

ROUND = 300  # examples per round of one target; rounds repeat with fresh randomness


def _settings(n: int) -> settings:
    return settings(max_examples=n, deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck), print_blob=True)


def _fixing_config() -> Config:
    from test_properties import HOUSE_RULE

    pack = Path(tempfile.mkdtemp(prefix="lintpost-fuzz-pack-"))
    (pack / "rules").mkdir()
    (pack / "rules" / "house.toml").write_text(HOUSE_RULE, encoding="utf-8")
    return Config(packs=(pack,), disclaimers={"fr": "Ceci n'est pas un conseil en investissement.",
                                             "en": "This is not investment advice."})


class Campaign:
    def __init__(self) -> None:
        self.examples: dict[str, int] = {}
        self.failures: list[dict[str, str]] = []
        self.cfg = _fixing_config()

    def count(self, name: str) -> None:
        self.examples[name] = self.examples.get(name, 0) + 1

    # --- targets -----------------------------------------------------------------------------

    def drafts(self, n: int) -> None:
        @_settings(n)
        @given(text=strategies.drafts(), path=st.sampled_from(("post.md", "post.txt")),
               lang=st.sampled_from((None, "fr", "en")))
        def target(text: str, path: str, lang: str | None) -> None:
            self.count("drafts")
            invariants.check_text(text, path=path, lang=lang)

        target()

    def fixes(self, n: int) -> None:
        @_settings(n)
        @given(text=strategies.markdown())
        def target(text: str) -> None:
            self.count("fixes")
            invariants.check_text(text, self.cfg)

        target()

    def nfd(self, n: int) -> None:
        import unicodedata

        @_settings(n)
        @given(text=strategies.markdown())
        def target(text: str) -> None:
            self.count("nfd")
            a = invariants.check_text(unicodedata.normalize("NFC", text), fixes=False)
            b = invariants.check_text(unicodedata.normalize("NFD", text), fixes=False)
            assert a.language == b.language
            rules_a = sorted(d.rule for d in a.diagnostics if d.rule != "unsourced-figure")
            rules_b = sorted(d.rule for d in b.diagnostics if d.rule != "unsourced-figure")
            assert rules_a == rules_b, (rules_a, rules_b)

        target()

    def bytes(self, n: int) -> None:
        boms = st.sampled_from((b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                                b"\x00\x00\xfe\xff"))
        encoded = strategies.drafts().flatmap(lambda t: st.sampled_from(
            [t.encode("utf-8"), t.encode("utf-16-le", "replace"), t.encode("cp1252", "replace"),
             t.encode("latin-1", "replace")]))

        @_settings(n)
        @given(bom=boms, body=st.one_of(st.binary(max_size=600), encoded),
               fallback=st.sampled_from((None, "cp1252", "latin-1")))
        def target(bom: bytes, body: bytes, fallback: str | None) -> None:
            self.count("bytes")
            try:
                src = decode(bom + body, "post.md", fallback=fallback)
            except SourceError as exc:
                assert "\n" not in str(exc) and str(exc)
                return
            invariants.check_text(src.text, fixes=False)

        target()

    def scaling(self, n: int) -> None:
        del n
        from lintpost.engine import lint_text

        rules = invariants.rules()
        for name, make in sorted(HOSTILE.items()):
            self.count("scaling")
            times = []
            for size in (100_000, 200_000):
                text = make(size)
                t0 = time.perf_counter()
                try:
                    lint_text(text, "post.md", Config(), rules, timeout=120)
                except BaseException as exc:  # FileTimeout is a BaseException
                    self._fail("scaling", f"{name}: {type(exc).__name__} at {size} characters", text[:200])
                    break
                times.append(time.perf_counter() - t0)
            else:
                # Twice the text should take about twice the time; a busy machine blurs the
                # absolute times, so only the ratio is judged.
                ratio = times[1] / max(times[0], 0.05)
                if ratio > 3.2:
                    self._fail("scaling", f"{name}: {times[0]:.2f}s at 100 KB, {times[1]:.2f}s at 200 KB",
                               make(200)[:200])

    # --- driver -------------------------------------------------------------------------------

    def _fail(self, target: str, message: str, example: str) -> None:
        print(f"FAIL [{target}] {message}\n  example: {example!r}", flush=True)
        self.failures.append({"target": target, "message": message, "example": example})

    def run(self, targets: list[str], minutes: float) -> None:
        stop = time.monotonic() + minutes * 60
        rnd = 0
        while time.monotonic() < stop:
            rnd += 1
            for name in targets:
                if time.monotonic() >= stop:
                    break
                fn: Callable[[int], None] = getattr(self, name)
                try:
                    fn(ROUND)
                except Exception as exc:  # hypothesis re-raises the shrunk failure
                    tb = traceback.format_exc(limit=-4)
                    example = getattr(exc, "__notes__", [""])
                    self._fail(name, f"{type(exc).__name__}: {str(exc)[:300]}", "\n".join(example)[:2000])
                    print(tb, flush=True)
            if "scaling" in targets:
                targets = [t for t in targets if t != "scaling"]  # once is enough
            print(f"round {rnd}: {self.examples}", flush=True)


HOSTILE: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "link-openers": lambda n: "[a](" * (n // 4),
    "image-openers": lambda n: "![a](" * (n // 5),
    "comment-openers": lambda n: "<!--" * (n // 4),
    "template-openers": lambda n: "{{" * (n // 2),
    "tags": lambda n: "<a href=" * (n // 8),
    "footnote-refs": lambda n: "[^1]" * (n // 4),
    "ref-links": lambda n: "[a][b]" * (n // 6),
    "emails": lambda n: "a@" * (n // 2),
    "urls": lambda n: "www." * (n // 4),
    "backticks": lambda n: "`a " * (n // 3),
    "headings": lambda n: "# a\n" * (n // 4),
    "one-line-paragraphs": lambda n: "a\n" * (n // 2),
    "table-rows": lambda n: "| a | 1 % |\n" * (n // 12),
    "mixed-line-ends": lambda n: "a\r\n\r" * (n // 4),
    "front-matter": lambda n: "---\n" + "a: b\n" * (n // 5),
    "stars": lambda n: "*a" * (n // 2),
    "quotes": lambda n: "> " * (n // 2) + "x",
    "percent-figures": lambda n: "12 % " * (n // 5),
    "capital-initials": lambda n: "A. " * (n // 3),
    "combining-marks": lambda n: "e\u0301" * (n // 2),
    "regulators": lambda n: "L'AMF a sanctionné. " * (n // 20),
    "duplicates": lambda n: "Le marché a progressé de douze points cette année.\n\n" * (n // 52),
    "random-words": lambda n: " ".join(random.Random(n).choice(strategies.WORDS) for _ in range(n // 8)),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--target", action="append", choices=["drafts", "fixes", "nfd", "bytes", "scaling"])
    parser.add_argument("--json", type=Path, help="write a summary here")
    args = parser.parse_args()
    targets = args.target or ["scaling", "drafts", "bytes", "fixes", "nfd"]
    campaign = Campaign()
    t0 = time.monotonic()
    campaign.run(targets, args.minutes)
    summary: dict[str, Any] = {"minutes": round((time.monotonic() - t0) / 60, 1),
                               "examples": campaign.examples, "failures": campaign.failures}
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if campaign.failures else 0


if __name__ == "__main__":
    sys.exit(main())
