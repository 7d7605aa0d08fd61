"""lintpost's benchmark: start-up, scaling, memory, throughput against a regex floor and proselint.

    python bench/run.py                   # everything (about 30 minutes on 2 cores)
    python bench/run.py --quick           # smaller sizes, fewer runs
    python bench/run.py --only startup    # one part: startup, scaling, floor, peers, across, cache, rules

The corpus is generated from a seed (bench/corpus.py) into bench/corpus/ (not committed). Times
are medians of wall-clock runs of the installed `lintpost` command, start to exit, output sent to
a pipe. Peak memory is the largest sum of the resident sizes of lintpost and its worker processes.
proselint runs from a venv of its own: `bench/setup.sh` makes it (or pass --proselint PATH).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402 - the generator beside this script

CORPUS = HERE / "corpus"
POSTS = CORPUS / "posts"
SEED = 20260101


def lintpost_cmd() -> list[str]:
    exe = shutil.which("lintpost")
    return [exe] if exe else [sys.executable, "-m", "lintpost"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    # Bytecode caches as in a normal install (some sandboxes turn them off).
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e.pop("LINTPOST_NO_CACHE", None)
    return e


class PeakRss:
    """Samples the summed resident memory of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, ()))
        return out

    def _rss(self, pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", "rb") as fh:
                for line in fh:
                    if line.startswith(b"VmRSS:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError):
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(self._rss(p) for p in self._tree()))
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(cmd: list[str], *, rss: bool = False) -> tuple[float, int, int]:
    """(seconds, peak bytes, exit code) of one run."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
    sampler = PeakRss(proc.pid) if rss and Path("/proc").is_dir() else None
    code = proc.wait()
    elapsed = time.perf_counter() - t
    peak = sampler.stop() if sampler else 0
    return elapsed, peak, code


def ensure_corpus(posts: int) -> None:
    marker = POSTS / f".seed-{SEED}-{posts}"
    if marker.exists():
        return
    if POSTS.exists():
        shutil.rmtree(POSTS)
    print(f"generating {posts} posts into {POSTS} ...", file=sys.stderr)
    corpus.generate(POSTS, posts, seed=SEED)
    marker.touch()


def subset(n: int) -> Path:
    """A folder holding the first n posts (symlinks to folders of 100)."""
    folder = CORPUS / "sets" / str(n)
    if not folder.exists():
        folder.mkdir(parents=True)
        for i in range((n + 99) // 100):
            (folder / f"{i:03d}").symlink_to(POSTS / f"{i:03d}", target_is_directory=True)
    return folder


def files_of(folder: Path) -> list[Path]:
    """The posts under folder, through the symlinked sets (Path.rglob does not follow them)."""
    out = []
    for dirpath, _, names in os.walk(folder, followlinks=True):
        out.extend(Path(dirpath) / n for n in names if n.endswith(".md"))
    return sorted(out)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in files_of(folder)) / 1e6


def cpu_parallelism() -> float:
    """Speed-up of two busy processes over one: how many cores this machine really gives."""
    code = "s=0\nfor i in range(6_000_000): s+=i*i"
    one = [sys.executable, "-c", code]
    t = time.perf_counter()
    subprocess.run(one, check=True)
    subprocess.run(one, check=True)
    serial = time.perf_counter() - t
    t = time.perf_counter()
    procs = [subprocess.Popen(one) for _ in range(2)]
    for p in procs:
        p.wait()
    return serial / (time.perf_counter() - t)


def interleaved_medians(cmds: list[list[str]], runs: int, warmup: int = 3) -> list[float]:
    """Median wall times of commands run in turn, so that a machine's drift touches them alike."""
    for cmd in cmds:
        for _ in range(warmup):
            timed(cmd)
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            times[i].append(timed(cmd)[0])
    return [statistics.median(t) for t in times]


def part_startup(args: argparse.Namespace, rows: list[tuple[str, str]]) -> None:
    post = corpus.one_post(CORPUS / "one" / "post.md", words=1000)
    words = len(post.read_text(encoding="utf-8").split())
    imports = "import typer, regex, markdown_it"
    bare, baseline, one, version = interleaved_medians(
        [
            [sys.executable, "-c", "pass"],
            [sys.executable, "-c", imports],
            [*lintpost_cmd(), "check", "--no-cache", str(post)],
            [*lintpost_cmd(), "--version"],
        ],
        args.runs,
    )
    rows.append(("python -c pass", f"{bare * 1000:.0f} ms"))
    rows.append((f"python -c '{imports}'", f"{baseline * 1000:.0f} ms"))
    rows.append(
        (f"one post ({words} words), start to exit", f"{one * 1000:.0f} ms ({one / baseline:.2f}x the imports)")
    )
    rows.append(("lintpost --version", f"{version * 1000:.0f} ms"))


def part_scaling(args: argparse.Namespace, rows: list[tuple[str, str]]) -> dict[int, float]:
    walls: dict[int, float] = {}
    base = None
    for n in args.sizes:
        folder = subset(n)
        wall, peak, _ = timed([*lintpost_cmd(), "check", "--no-cache", str(folder), "--format", "json"], rss=True)
        walls[n] = wall
        per = wall / n * 1000
        base = base or per
        rows.append(
            (
                f"{n:,} posts ({size_mb(folder):.1f} MB), all cores",
                f"{wall:.1f} s, {per:.1f} ms/post ({per / base - 1:+.0%}), peak RSS {peak / 2**20:.0f} MB",
            )
        )
    n = args.sizes[0]
    folder = subset(n)
    wall, peak, _ = timed(
        [*lintpost_cmd(), "check", "--no-cache", str(folder), "--format", "json", "--jobs", "1"], rss=True
    )
    rows.append(
        (
            f"{n:,} posts, --jobs 1",
            f"{wall:.1f} s, {wall / n * 1000:.1f} ms/post, peak RSS {peak / 2**20:.0f} MB",
        )
    )
    text_wall, text_peak, _ = timed([*lintpost_cmd(), "check", "--no-cache", str(subset(args.sizes[-1]))], rss=True)
    rows.append(
        (f"{args.sizes[-1]:,} posts, text output", f"{text_wall:.1f} s, peak RSS {text_peak / 2**20:.0f} MB")
    )
    mb = size_mb(folder)
    cores = os.cpu_count() or 1
    rows.append(
        (
            "throughput",
            f"{mb / walls[n] / cores:.2f} MB/s per core ({cores} cores), {mb / wall:.2f} MB/s with --jobs 1",
        )
    )
    return walls


def part_floor(args: argparse.Namespace, rows: list[tuple[str, str]]) -> None:
    import regex

    folder = subset(args.peers)
    paths = files_of(folder)
    pattern = regex.compile(r"\d+(?:[.,]\d+)?[\s\u00a0]?(?:%|€|\$)")
    t = time.perf_counter()
    total = hits = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        total += len(text.encode())
        hits += sum(1 for _ in pattern.finditer(text))
    floor = time.perf_counter() - t
    rows.append(
        (
            f"floor: read {len(paths):,} posts + one compiled regex",
            f"{floor:.2f} s ({total / 1e6 / floor:.0f} MB/s, one core)",
        )
    )


def part_peers(args: argparse.Namespace, rows: list[tuple[str, str]]) -> None:
    folder = subset(args.peers)
    ours = timed([*lintpost_cmd(), "check", "--no-cache", str(folder)])[0]
    rows.append((f"lintpost, {args.peers:,} posts", f"{ours:.1f} s"))
    proselint = args.proselint or (HERE / ".venv" / "bin" / "proselint")
    if not Path(proselint).exists():
        rows.append(("proselint", "not installed (run bench/setup.sh)"))
        return
    cache = Path.home() / ".cache" / "proselint"
    shutil.rmtree(cache, ignore_errors=True)
    # Named one by one, as a pre-commit hook passes them (proselint does not follow symlinked folders).
    theirs, _, code = timed([str(proselint), "check", *(str(p) for p in files_of(folder))])
    if code not in (0, 1):
        rows.append(("proselint", f"failed with exit code {code}"))
        return
    rows.append(
        (
            f"proselint 'check FILES', {args.peers:,} posts",
            f"{theirs:.1f} s (lintpost takes {ours / theirs:.2f}x proselint's time)",
        )
    )


def part_across(args: argparse.Namespace, rows: list[tuple[str, str]], walls: dict[int, float]) -> None:
    n = args.sizes[-1]
    folder = subset(n)
    without = walls.get(n) or timed([*lintpost_cmd(), "check", "--no-cache", str(folder), "--format", "json"])[0]
    wall, peak, _ = timed(
        [*lintpost_cmd(), "check", "--no-cache", str(folder), "--format", "json", "--across-files"], rss=True
    )
    rows.append(
        (
            f"{n:,} posts with --across-files",
            f"{wall:.1f} s ({wall / without:.2f}x the run without), peak RSS {peak / 2**20:.0f} MB",
        )
    )


def part_cache(args: argparse.Namespace, rows: list[tuple[str, str]]) -> None:
    """Runs over drafts that did not change since the previous run (the results cache)."""
    from lintpost import resultcache

    for n in sorted({args.peers, args.sizes[-1]}):
        folder = subset(n)
        shutil.rmtree(resultcache.folder() or HERE / "no-cache", ignore_errors=True)
        cold = timed([*lintpost_cmd(), "check", str(folder), "--format", "json"])[0]  # fills the cache
        warm = statistics.median(
            timed([*lintpost_cmd(), "check", str(folder), "--format", "json"])[0] for _ in range(3)
        )
        rows.append(
            (
                f"{n:,} posts, unchanged since the previous run",
                f"{warm:.2f} s (the run that filled the cache: {cold:.1f} s)",
            )
        )


def part_rules(args: argparse.Namespace, rows: list[tuple[str, str]]) -> None:
    """Where the time goes: parsing and each rule, in one process, over the first posts."""
    from lintpost import engine
    from lintpost.config import Config
    from lintpost.parse import parse
    from lintpost.registry import all_rules

    paths = files_of(subset(args.sizes[0]))[: args.rule_posts]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rules = all_rules()
    spent = dict.fromkeys(rules, 0.0)

    def wrap(name: str, check):
        def timed_check(doc, ctx):
            t = time.perf_counter()
            out = list(check(doc, ctx))
            spent[name] += time.perf_counter() - t
            return out

        return timed_check

    for name, rule in rules.items():
        rule.check = wrap(name, rule.check)  # type: ignore[method-assign]
    engine.lint_text(texts[0], str(paths[0]), Config(), rules)  # warm caches
    spent = dict.fromkeys(rules, 0.0)
    t = time.perf_counter()
    for p, text in zip(paths, texts, strict=True):
        engine.lint_text(text, str(p), Config(), rules)
    total = time.perf_counter() - t
    t = time.perf_counter()
    for p, text in zip(paths, texts, strict=True):
        parse(text, str(p))
    parsing = time.perf_counter() - t
    n = len(paths)
    rows.append((f"in-process, {n} posts: total", f"{total / n * 1000:.1f} ms/post"))
    rows.append(("  parsing (markdown-it + masking)", f"{parsing / n * 1000:.1f} ms/post"))
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        if s:
            rows.append((f"  rule {name}", f"{s / n * 1000:.1f} ms/post"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,4000,8000,10000")
    ap.add_argument(
        "--peers", type=int, default=1000, help="posts for the proselint comparison and the floor"
    )
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--rule-posts", type=int, default=200)
    ap.add_argument("--proselint", type=Path)
    ap.add_argument("--quick", action="store_true", help="sizes 250..1000, 10 runs")
    ap.add_argument(
        "--only", action="append", choices=["startup", "scaling", "floor", "peers", "across", "cache", "rules"]
    )
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.runs, args.peers = "250,500,1000", 10, 250
    args.sizes = [int(s) for s in args.sizes.split(",")]
    ensure_corpus(max(*args.sizes, args.peers))
    parts = args.only or ["startup", "scaling", "floor", "peers", "across", "cache", "rules"]
    rows: list[tuple[str, str]] = [("machine", f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")]
    if "scaling" in parts or "peers" in parts:
        rows.append(("measured parallel speed-up of 2 busy processes", f"{cpu_parallelism():.2f}x"))
    walls: dict[int, float] = {}
    for part in parts:
        print(f"... {part}", file=sys.stderr, flush=True)
        shown = len(rows)
        if part == "startup":
            part_startup(args, rows)
        elif part == "scaling":
            walls = part_scaling(args, rows)
        elif part == "floor":
            part_floor(args, rows)
        elif part == "peers":
            part_peers(args, rows)
        elif part == "across":
            part_across(args, rows, walls)
        elif part == "cache":
            part_cache(args, rows)
        elif part == "rules":
            part_rules(args, rows)
        for k, v in rows[shown:]:
            print(f"    {k}: {v}", file=sys.stderr, flush=True)
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure':<{width}} | result |\n|{'-' * (width + 2)}|--------|")
    for k, v in rows:
        print(f"| {k:<{width}} | {v} |")


if __name__ == "__main__":
    main()
