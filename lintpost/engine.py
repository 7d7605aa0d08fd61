"""Running the rules over one document: language, rule selection, suppressions, positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from lintpost import budget, language, suppress
from lintpost.budget import FileTimeout
from lintpost.config import Config
from lintpost.diagnostic import Diagnostic, Finding, Related, Severity
from lintpost.parse import parse
from lintpost.positions import LineIndex
from lintpost.rule import Context, Rule

LANGUAGE_NOTICE = "language"
SUPPRESSION_RULE = "suppression-comment"
RULE_FAILURE = "rule-failure"
DEFAULT_TIMEOUT = 10.0


__all__ = ["FileResult", "FileTimeout", "lint_text"]


@dataclass(frozen=True)
class FileResult:
    """What lintpost found in one file; picklable, so workers can send it back."""

    path: str
    language: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    notice: str | None = None
    text: str = field(default="", repr=False)


def resolve_language(doc_meta: dict[str, str], text: str, cli: str | None, cfg: Config) -> str | None:
    if cli:
        return language.normalise(cli)
    for key in ("lang", "language", "langue"):
        if doc_meta.get(key):
            value = language.normalise(doc_meta[key])
            if value in language.SUPPORTED or value.isalpha():
                return value
            # Not a language code ('- "en', '{{ site.lang }}'): read the text instead.
    if cfg.language:
        return cfg.language
    return language.detect(text)


def enabled_rules(rules: dict[str, Rule], cfg: Config, path: str | None,
                  select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()) -> list[Rule]:
    chosen = select if select is not None else cfg.select
    dropped = set(cfg.ignore) | set(ignore) | cfg.ignored_for(path)
    out = []
    for name, rule in rules.items():
        settings = cfg.rules.get(name)
        if chosen is not None:
            on = name in chosen or "ALL" in chosen
        else:
            on = rule.default_enabled if settings is None or settings.enabled is None else settings.enabled
        if settings is not None and settings.enabled is False and (chosen is None or name not in chosen):
            on = False
        if on and name not in dropped:
            out.append(rule)
    return out


def lint_text(text: str, path: str | None, cfg: Config, rules: dict[str, Rule], *,
              lang: str | None = None, select: tuple[str, ...] | None = None,
              ignore: tuple[str, ...] = (), syntax: str | None = None,
              timeout: float | None = None) -> FileResult:
    """Lint one text; raises FileTimeout when it takes longer than its budget (see budget.py)."""
    with budget.limit(timeout or cfg.timeout or DEFAULT_TIMEOUT):
        return _lint(text, path, cfg, rules, lang, select, ignore, syntax)


def _lint(text: str, path: str | None, cfg: Config, rules: dict[str, Rule], lang: str | None,
          select: tuple[str, ...] | None, ignore: tuple[str, ...], syntax: str | None) -> FileResult:
    doc = parse(text, path, syntax=syntax)
    doc.lang = resolve_language(doc.meta, doc.masked, lang, cfg)
    index = doc.index
    active = enabled_rules(rules, cfg, path, select, ignore)
    raw: list[Diagnostic] = []
    if doc.lang is not None and doc.lang not in language.SUPPORTED:
        doc.lang = None
    if doc.lang is None and doc.masked.strip():
        end = index.line_end(1)
        raw.append(Diagnostic(LANGUAGE_NOTICE, Severity.INFO,
                              "document is in neither French nor English: only language-independent rules ran",
                              0, end, help="set `lang: fr` or `lang: en` in front matter, or pass --lang"))
    for rule in active:
        if not rule.applies_to(doc.lang):
            continue
        settings = cfg.rules.get(rule.name)
        options = dict(rule.options)
        if settings is not None:
            options.update(settings.options)
        ctx = Context(lang=doc.lang or "en", options=options, pack_dirs=cfg.packs,
                      vocabulary=cfg.vocabulary, disclaimers=cfg.disclaimers, root=cfg.root)
        severity = settings.severity if settings is not None and settings.severity else rule.severity
        try:
            for f in rule.check(doc, ctx):
                raw.append(_to_diagnostic(rule.name, severity, f, len(text)))
                budget.check()
        except TimeoutError:
            raw.append(Diagnostic(RULE_FAILURE, Severity.ERROR,
                                  f"rule {rule.name} stopped: a pattern ran past its time limit", 0, 0))
        except Exception as exc:  # a plug-in's bug must cost one rule on one file, not the run
            raw.append(Diagnostic(RULE_FAILURE, Severity.ERROR,
                                  f"rule {rule.name} failed on this file: {type(exc).__name__}: {exc}", 0, 0))
        budget.check()
    sup = suppress.parse(text, index, set(rules) | {LANGUAGE_NOTICE, SUPPRESSION_RULE, RULE_FAILURE},
                         suppress.code_spans(doc))
    for a, b, name in sup.unknown:
        raw.append(Diagnostic(SUPPRESSION_RULE, Severity.WARNING,
                              f"suppression comment names an unknown rule '{name}'", a, b,
                              help="run `lintpost rules` for the rule names"))
    out = []
    for d in raw:
        line, col = index.position(d.offset)
        end_line, end_col = index.position(d.end_offset)
        if d.rule != SUPPRESSION_RULE and sup.silences(d.rule, line):
            continue
        related = tuple(_place(r, index) for r in d.related)
        out.append(d._replace(line=line, column=col, end_line=end_line, end_column=end_col,
                              excerpt=text[d.offset : d.end_offset], related=related))
    out.sort(key=lambda d: (d.offset, d.end_offset, d.rule))
    return FileResult(path or "-", doc.lang, tuple(out), text=text)


def _to_diagnostic(rule: str, severity: Severity, f: Finding, size: int) -> Diagnostic:
    a = max(0, min(f.offset, size))
    b = max(a, min(f.end_offset, size))
    return Diagnostic(rule, severity, f.message, a, b, f.help, f.related, f.fix)


def _place(r: Related, index: LineIndex) -> Related:
    if r.path is not None and r.line:
        return r
    line, col = index.position(r.offset)
    end_line, end_col = index.position(r.end_offset)
    return r._replace(line=line, column=col, end_line=end_line, end_column=end_col)
