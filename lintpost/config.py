"""Configuration: `[tool.lintpost]` in pyproject.toml or a `.lintpost.toml`, found upward."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from lintpost.diagnostic import Severity
from lintpost.language import SUPPORTED, normalise

CONFIG_FILES = (".lintpost.toml", "lintpost.toml", "pyproject.toml")

_TOP_KEYS = {
    "select", "ignore", "language", "exclude", "fail-on", "per-file-ignores", "packs",
    "vocabulary", "disclaimer", "rules", "max-file-size", "timeout", "encoding",
}


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool | None = None
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    root: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    language: str | None = None
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    packs: tuple[Path, ...] = ()
    vocabulary: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    disclaimers: dict[str, str] = field(default_factory=dict)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    max_file_size: int | None = None
    timeout: float | None = None
    encoding: str | None = None

    def ignored_for(self, path: str | None) -> set[str]:
        if not path:
            return set()
        rel = self.relative(path)
        out: set[str] = set()
        for pattern, rules in self.per_file_ignores:
            if _glob_match(rel, pattern):
                out.update(rules)
        return out

    def is_excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return any(_glob_match(rel, p) for p in self.exclude)

    def relative(self, path: str) -> str:
        p = Path(path)
        if self.root is not None:
            try:
                return p.resolve().relative_to(self.root.resolve()).as_posix()
            except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
                pass
        return p.as_posix()


def _glob_match(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or PurePosixPath(rel).match(pattern):
        return True
    # A pattern without a slash matches a file or folder name anywhere ("drafts", "*.txt").
    parts = rel.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in parts)
    # A folder pattern matches everything below it.
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: expected a list of strings")


def parse(data: dict[str, Any], path: Path | None, known_rules: dict[str, Any] | None = None) -> Config:
    """Validate a `[tool.lintpost]` table. known_rules maps rule names to their option defaults."""
    where = str(path) if path else "<config>"
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(_TOP_KEYS))})")
    base = path.parent if path else Path.cwd()
    kw: dict[str, Any] = {"path": path, "root": base}
    if "select" in data:
        kw["select"] = _strs(data["select"], f"{where}: select")
    if "ignore" in data:
        kw["ignore"] = _strs(data["ignore"], f"{where}: ignore")
    if "language" in data:
        lang = normalise(str(data["language"]))
        if lang not in SUPPORTED:
            raise ConfigError(f"{where}: language: {data['language']!r} is not supported (fr or en)")
        kw["language"] = lang
    if "exclude" in data:
        kw["exclude"] = _strs(data["exclude"], f"{where}: exclude")
    if "fail-on" in data:
        try:
            kw["fail_on"] = Severity.parse(str(data["fail-on"]))
        except ValueError as exc:
            raise ConfigError(f"{where}: fail-on: {exc}") from None
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: per-file-ignores: expected a table of glob = [rules]")
        kw["per_file_ignores"] = tuple((g, _strs(v, f"{where}: per-file-ignores.{g}")) for g, v in table.items())
    if "packs" in data:
        kw["packs"] = tuple((base / p).resolve() for p in _strs(data["packs"], f"{where}: packs"))
        for p in kw["packs"]:
            if not p.is_dir():
                raise ConfigError(f"{where}: packs: {p} is not a folder")
    if "vocabulary" in data:
        vocab = data["vocabulary"]
        if not isinstance(vocab, dict):
            raise ConfigError(f"{where}: vocabulary: expected tables per language")
        out: dict[str, dict[str, list[str]]] = {}
        for lang, table in vocab.items():
            if lang not in (*SUPPORTED, "accept"):
                raise ConfigError(f"{where}: vocabulary.{lang}: expected fr, en or accept")
            if lang == "accept":
                out["accept"] = {"words": list(_strs(table, f"{where}: vocabulary.accept"))}
                continue
            if not isinstance(table, dict):
                raise ConfigError(f"{where}: vocabulary.{lang}: expected a table of lists")
            out[lang] = {k: list(_strs(v, f"{where}: vocabulary.{lang}.{k}")) for k, v in table.items()}
        kw["vocabulary"] = out
    if "disclaimer" in data:
        table = data["disclaimer"]
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f"{where}: disclaimer: expected a table like fr = \"...\", en = \"...\"")
        for lang in table:
            if lang not in SUPPORTED:
                raise ConfigError(f"{where}: disclaimer.{lang}: expected fr or en")
        kw["disclaimers"] = dict(table)
    if "rules" in data:
        kw["rules"] = _parse_rules(data["rules"], where, known_rules)
    if "max-file-size" in data:
        v = data["max-file-size"]
        if not isinstance(v, int) or v <= 0:
            raise ConfigError(f"{where}: max-file-size: expected a positive number of bytes")
        kw["max_file_size"] = v
    if "timeout" in data:
        v = data["timeout"]
        if not isinstance(v, (int, float)) or v <= 0:
            raise ConfigError(f"{where}: timeout: expected a positive number of seconds")
        kw["timeout"] = float(v)
    if "encoding" in data:
        kw["encoding"] = str(data["encoding"])
    return Config(**kw)


def _parse_rules(table: Any, where: str, known: dict[str, Any] | None) -> dict[str, RuleSettings]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules: expected a table per rule")
    out: dict[str, RuleSettings] = {}
    for name, settings in table.items():
        if known is not None and name not in known:
            raise ConfigError(f"{where}: rules.{name}: no rule has this name (see `lintpost rules`)")
        if isinstance(settings, bool):
            out[name] = RuleSettings(enabled=settings)
            continue
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: rules.{name}: expected a table or true/false")
        options = dict(settings)
        enabled = options.pop("enabled", None)
        if enabled is not None and not isinstance(enabled, bool):
            raise ConfigError(f"{where}: rules.{name}.enabled: expected true or false")
        severity = None
        if "severity" in options:
            try:
                severity = Severity.parse(str(options.pop("severity")))
            except ValueError as exc:
                raise ConfigError(f"{where}: rules.{name}.severity: {exc}") from None
        if known is not None:
            defaults = known[name]
            for key, value in options.items():
                if key not in defaults:
                    allowed = ", ".join(["enabled", "severity", *defaults]) or "enabled, severity"
                    raise ConfigError(f"{where}: rules.{name}: unknown key {key!r} (known: {allowed})")
                default = defaults[key]
                if default is not None and not _same_type(default, value):
                    raise ConfigError(
                        f"{where}: rules.{name}.{key}: expected {type(default).__name__}, got {value!r}"
                    )
        out[name] = RuleSettings(enabled=enabled, severity=severity, options=options)
    return out


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def read_file(path: Path, known_rules: dict[str, Any] | None = None) -> Config | None:
    """The config in one file, or None when a pyproject.toml has no [tool.lintpost]."""
    from lintpost import recache

    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    # Only the [tool.lintpost] part of a pyproject.toml matters; it is kept in the cache (plain
    # data, keyed by the file's size and time), so that most runs need not import tomllib.
    key = ("config", str(path), st.st_size, st.st_mtime_ns)
    (data,) = recache.memo(key, lambda: (_lintpost_table(path),))  # a tuple: None is a value here
    if data is None:
        return None
    return parse(data, path, known_rules)


def _lintpost_table(path: Path) -> dict[str, Any] | None:
    import tomllib

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("lintpost")  # type: ignore[no-any-return]
    if "tool" in data and "lintpost" in data.get("tool", {}):
        return data["tool"]["lintpost"]  # type: ignore[no-any-return]
    return data


class ConfigFinder:
    """Finds the config that applies to each file, upward from its folder (cached per folder)."""

    def __init__(self, known_rules: dict[str, Any] | None = None, explicit: Path | None = None) -> None:
        self.known = known_rules
        self._cache: dict[Path, Config] = {}
        self._explicit = read_file(explicit, known_rules) if explicit else None
        if explicit and self._explicit is None:
            raise ConfigError(f"{explicit}: no [tool.lintpost] table")

    def for_path(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        try:
            folder = path.resolve().parent
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop
            folder = Path(os.path.abspath(path)).parent
        return self._for_dir(folder)

    def _for_dir(self, folder: Path) -> Config:
        # Upward in a loop, not by recursion: a folder may be nested deeper than the recursion limit.
        pending: list[Path] = []
        found: Config | None = None
        while found is None:
            if folder in self._cache:
                found = self._cache[folder]
                break
            pending.append(folder)
            for name in CONFIG_FILES:
                candidate = folder / name
                if candidate.is_file():
                    found = read_file(candidate, self.known)
                    if found is not None:
                        break
            if found is None:
                parent = folder.parent
                if parent == folder or (folder / ".git").exists():
                    found = Config(root=Path.cwd())
                folder = parent
        for f in pending:
            self._cache[f] = found
        return found


def with_overrides(cfg: Config, **changes: Any) -> Config:
    return replace(cfg, **{k: v for k, v in changes.items() if v is not None})
