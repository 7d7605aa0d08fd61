"""duplicate-across-files: a paragraph pasted from another post of the repository.

Runs only with `lintpost check --across-files`. Each worker fingerprints the paragraphs of its
files (an exact hash of the words, and a MinHash signature of their word trigrams); the main
process then finds copies in near-linear time: exact copies through a hash table, near copies
through locality-sensitive hashing (bands of the signature), checked against the estimated
similarity. The later copy, in path order, is flagged and points at the first one.
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from lintpost import recache
from lintpost.diagnostic import Diagnostic, Finding, Related, Severity
from lintpost.rule import Context, Rule

if TYPE_CHECKING:
    from lintpost.config import Config
    from lintpost.document import Document
    from lintpost.engine import FileResult

RULE_NAME = "duplicate-across-files"
_KINDS = frozenset({"paragraph", "list_item", "quote"})
_WORD = recache.compile(r"[\p{L}\p{N}]+")
# 32 MinHash values from two keyed BLAKE2b digests per trigram; 8 bands of 4 values for LSH.
_KEYS = (b"lintpost-minhash-1", b"lintpost-minhash-2")
_VALUES = 32
_BANDS, _ROWS = 8, 4
_BUCKET_LIMIT = 64


class DuplicateAcrossFiles(Rule):
    name = RULE_NAME
    description = "A paragraph repeats a paragraph of another post (with --across-files)"
    languages = None
    options: ClassVar[dict[str, object]] = {"min-words": 12, "threshold": 0.7, "max-files": 5}
    explain = """\
Flags a paragraph that also appears in another post of the repository, word for word or nearly
(by default an estimated 70 % or more of its word trigrams in common). The copy in the later file,
in path order, is flagged and points at the first one. It runs only when the command line asks for
it, because it compares every post with every other: `lintpost check --across-files posts/`.

Why: a paragraph pasted from an older post carries that post's figures and dates, which are often
out of date, and search engines treat repeated text as duplicate content.

Not flagged: paragraphs under 12 words, code, headings and tables, and text found in more than
5 posts (a house disclaimer, a newsletter footer), which is boilerplate rather than a copy.

Instead: link to the earlier post, or rewrite the passage with current figures.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        return iter(())  # the work happens across files, in find()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph's place and fingerprints (picklable, small)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    words: int
    exact: int
    signature: bytes  # _VALUES little-endian uint32
    silenced: bool = False


@dataclass(frozen=True, slots=True)
class FilePrints:
    """The paragraphs of one file, and whether the rule reports in it (config, --select/--ignore)."""

    paragraphs: tuple[Paragraph, ...]
    report: bool = True
    severity: Severity = Severity.WARNING
    threshold: float = 0.7
    max_files: int = 5


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def signature(tokens: Sequence[str]) -> bytes:
    """MinHash of the word trigrams: for each of 32 hash functions, the smallest value (packed)."""
    grams = {" ".join(tokens[i : i + 3]).encode() for i in range(max(1, len(tokens) - 2))}
    columns: list[tuple[int, ...]] = []
    for key in _KEYS:
        rows = [struct.unpack("<16I", hashlib.blake2b(g, digest_size=64, key=key).digest()) for g in grams]
        columns.extend(zip(*rows, strict=True))
    return struct.pack(f"<{_VALUES}I", *(min(c) for c in columns))


def exact_hash(tokens: Sequence[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(tokens).encode(), digest_size=8).digest(), "little")


def fingerprint(doc: Document, *, min_words: int = 12,
                silenced: set[int] | None = None) -> tuple[Paragraph, ...]:
    """Fingerprints of the prose paragraphs of a document with at least min_words words."""
    out: list[Paragraph] = []
    index = doc.index
    for block in doc.blocks:
        if block.kind not in _KINDS:
            continue
        tokens = words(doc.masked[block.start : block.end])
        if len(tokens) < min_words:
            continue
        line, col = index.position(block.start)
        end_line, end_col = index.position(block.end)
        out.append(Paragraph(block.start, block.end, line, col, end_line, end_col, len(tokens),
                             exact_hash(tokens), signature(tokens), bool(silenced and line in silenced)))
    return tuple(out)


def prints_for(text: str, path: str, cfg: Config, select: tuple[str, ...] | None,
               ignore: tuple[str, ...]) -> FilePrints:
    """What a worker sends back for one checked file (parses it again: cheap next to the rules)."""
    from lintpost import suppress
    from lintpost.engine import enabled_rules
    from lintpost.parse import parse
    from lintpost.runner import rules_for

    rules = rules_for(cfg)
    rule = rules.get(RULE_NAME)
    if rule is None or rule not in enabled_rules(rules, cfg, path, select, ignore):
        return FilePrints((), report=False)
    settings = cfg.rules.get(RULE_NAME)
    options = dict(rule.options)
    if settings is not None:
        options.update(settings.options)
    doc = parse(text, path)
    silenced: set[int] = set()
    if "lintpost-" in text:
        sup = suppress.parse(text, doc.index)
        silenced = {n for n in range(1, doc.index.line_count + 1) if sup.silences(RULE_NAME, n)}
    severity = settings.severity if settings is not None and settings.severity else rule.severity
    paragraphs = fingerprint(doc, min_words=int(options["min-words"]), silenced=silenced)
    return FilePrints(paragraphs, True, severity, float(options["threshold"]), int(options["max-files"]))


def _similarity(a: bytes, b: bytes) -> float:
    return sum(1 for i in range(0, len(a), 4) if a[i : i + 4] == b[i : i + 4]) / (len(a) // 4)


Matches = dict[int, list[tuple[int, int, float]]]


def find(paths: Sequence[str], prints: Sequence[FilePrints | None]) -> Matches:
    """For each file index, (paragraph index, (file, paragraph) of the first copy, similarity) matches.

    Files are taken in path order; a paragraph matches the earliest copy in an earlier file.
    Returns {file: [(paragraph, original_ref, similarity)]} with original_ref = file * 2**20 + paragraph.
    """
    order = sorted(range(len(paths)), key=lambda i: paths[i])
    rank = {f: r for r, f in enumerate(order)}
    # Exact copies, and how many files hold each text (boilerplate appears in many).
    holders: dict[int, list[int]] = defaultdict(list)
    for f in order:
        fp = prints[f]
        if fp is None:
            continue
        seen: set[int] = set()
        for p in fp.paragraphs:
            if p.exact not in seen:
                seen.add(p.exact)
                holders[p.exact].append(f)
    first_of: dict[int, tuple[int, int]] = {}
    # Band key -> paragraph refs (file << 20 | paragraph); a lone ref is stored as a bare int.
    buckets: dict[int, int | list[int]] = {}
    matches: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    for f in order:
        fp = prints[f]
        if fp is None:
            continue
        for k, p in enumerate(fp.paragraphs):
            if len(holders[p.exact]) > fp.max_files:
                continue
            ref = (f, k)
            original = first_of.get(p.exact)
            if original is not None and original[0] != f:
                matches[f].append((k, original[0] << 20 | original[1], 1.0))
                continue
            first_of.setdefault(p.exact, ref)
            best: tuple[float, int, tuple[int, int]] | None = None
            tried: set[tuple[int, int]] = set()
            for band in range(_BANDS):
                chunk = p.signature[band * _ROWS * 4 : (band + 1) * _ROWS * 4]
                key = hash(bytes((band,)) + chunk)  # only compared within this process
                bucket = buckets.get(key)
                refs = [] if bucket is None else [bucket] if isinstance(bucket, int) else bucket
                for r in refs:
                    g, j = r >> 20, r & 0xFFFFF
                    if g == f or (g, j) in tried:
                        continue
                    tried.add((g, j))
                    other = prints[g].paragraphs[j]  # type: ignore[union-attr]
                    sim = _similarity(p.signature, other.signature)
                    if sim >= fp.threshold and (best is None or (sim, -rank[g]) > (best[0], -best[1])):
                        best = (sim, rank[g], (g, j))
                mine = f << 20 | k
                if bucket is None:
                    buckets[key] = mine
                elif isinstance(bucket, int):
                    buckets[key] = [bucket, mine]
                elif len(bucket) < _BUCKET_LIMIT:
                    bucket.append(mine)
            if best is not None:
                g, j = best[2]
                matches[f].append((k, g << 20 | j, best[0]))
    return matches


def apply(results: list[FileResult], prints: Sequence[FilePrints | None],
          read_text: Callable[[str], str] | None = None) -> list[FileResult]:
    """Add duplicate-across-files diagnostics to the results (same order, same files)."""
    paths = [r.path for r in results]
    matches = find(paths, prints)
    out = list(results)
    for f, found in matches.items():
        fp = prints[f]
        r = results[f]
        if fp is None or not fp.report or r.error is not None:
            continue
        text = r.text or (read_text or _read)(r.path)
        new: list[Diagnostic] = []
        for run in _runs(found):
            k0, k1 = run[0][0], run[-1][0]
            first, last = fp.paragraphs[k0], fp.paragraphs[k1]
            if all(fp.paragraphs[k].silenced for k, _, _ in run):
                continue
            g = run[0][1] >> 20
            o0 = prints[g].paragraphs[run[0][1] & 0xFFFFF]  # type: ignore[union-attr]
            o1 = prints[g].paragraphs[run[-1][1] & 0xFFFFF]  # type: ignore[union-attr]
            if o1.end < o0.start:
                o1 = o0
            exact = all(sim == 1.0 for _, _, sim in run)
            what = "paragraph repeats" if len(run) == 1 else f"{len(run)} consecutive paragraphs repeat"
            how = "word for word" if exact else "nearly word for word"
            related = Related(o0.start, o1.end, "first copy here", path=results[g].path, line=o0.line,
                              column=o0.column, end_line=o1.end_line, end_column=o1.end_column)
            new.append(Diagnostic(
                RULE_NAME, fp.severity,
                f"{what} a passage of {results[g].path} {how} (line {o0.line})",
                first.start, last.end,
                help="link to the other post, or rewrite the passage with current figures",
                related=(related,), line=first.line, column=first.column, end_line=last.end_line,
                end_column=last.end_column, excerpt=text[first.start : last.end]))
        if new:
            merged = sorted((*r.diagnostics, *new), key=lambda d: (d.offset, d.end_offset, d.rule))
            out[f] = replace(r, diagnostics=tuple(merged))
    return out


def _read(path: str) -> str:
    """A file's text again, for excerpts when the workers did not send it back."""
    from pathlib import Path

    from lintpost.source import SourceError, read_source

    try:
        return read_source(Path(path), path).text
    except (SourceError, OSError):
        return ""


def _runs(found: list[tuple[int, int, float]]) -> Iterator[list[tuple[int, int, float]]]:
    """Group copies of consecutive paragraphs that copy consecutive paragraphs of one other file."""
    run: list[tuple[int, int, float]] = []
    for item in sorted(found):
        if run and item[0] == run[-1][0] + 1 and item[1] == run[-1][1] + 1:
            run.append(item)
            continue
        if run:
            yield run
        run = [item]
    if run:
        yield run


RULES = [DuplicateAcrossFiles]
