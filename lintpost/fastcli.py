"""A fast path for the common `lintpost check ...` command line.

Typer builds its parser and validates every parameter through pydantic on each run, which costs
more than checking a post. This module reads the `check` command's own signature (the same
`typer.Option` declarations Typer uses) and parses the simple, unambiguous forms itself:
`--name value`, `--name=value`, `-x value`, flags, repeated list options and positional paths.
Anything else (help, an unknown or malformed option, an unusual value) returns None, and the caller
runs Typer as usual, which then gives its normal answer or error message.
"""

from __future__ import annotations

import enum
import inspect
import pathlib
import re
import types
import typing
from collections.abc import Callable
from typing import Any

_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class _Param:
    __slots__ = ("kind", "many", "name", "negative", "type")

    def __init__(self, name: str, kind: type, many: bool, negative: bool = False) -> None:
        self.name = name
        self.type = kind
        self.many = many
        self.negative = negative


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is a list) of X, X | None, list[X] | None."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError
        annotation = rest[0]
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0], True
    return annotation, False


def _table(func: Callable[..., Any]) -> tuple[dict[str, _Param], str | None, dict[str, Any]] | None:
    """Option spellings -> parameters, the name of the positional list parameter, and defaults."""
    try:
        sig = inspect.signature(func, eval_str=True)
    except (NameError, TypeError, ValueError):
        return None
    options: dict[str, _Param] = {}
    positional = None
    defaults: dict[str, Any] = {}
    for name, p in sig.parameters.items():
        meta = typing.get_args(p.annotation)
        if len(meta) < 2:
            return None
        info = meta[1]
        try:
            kind, many = _unwrap(meta[0])
        except TypeError:
            return None
        if p.default is inspect.Parameter.empty:
            return None
        defaults[name] = p.default
        if any(getattr(info, attr, None) for attr in ("envvar", "callback", "parser", "click_type",
                                                        "count", "prompt", "is_eager")):
            return None
        if getattr(info, "case_sensitive", True) is False:
            return None
        if type(info).__name__ == "ArgumentInfo":
            if positional is not None or not many or kind is not str:
                return None
            positional = name
            continue
        decls = [info.default] if isinstance(info.default, str) else []
        decls += list(getattr(info, "param_decls", None) or ())
        if not decls:
            base = "--" + name.replace("_", "-")
            decls = [f"{base}/--no-{name.replace('_', '-')}" if kind is bool else base]
        for decl in decls:
            if "/" in decl:
                if kind is not bool:
                    return None
                on, off = (d.strip() for d in decl.split("/", 1))
                options[on] = _Param(name, bool, False)
                options[off] = _Param(name, bool, False, negative=True)
            else:
                options[decl] = _Param(name, kind, many)
    return options, positional, defaults


def _convert(kind: Any, value: str) -> Any:
    """A value as Typer would give it, or raise ValueError when unsure."""
    if kind is str:
        return value
    if kind is int and _INT.fullmatch(value):
        return int(value)
    if kind is float and _FLOAT.fullmatch(value):
        return float(value)
    if kind is pathlib.Path and value:
        return pathlib.Path(value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        for member in kind:
            if member.value == value:
                return member
    raise ValueError(value)


def parse(func: Callable[..., Any], argv: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for func from argv (the words after the command name), or None."""
    table = _table(func)
    return None if table is None else _parse(table, argv)


def parse_check(argv: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for `command_check.run` from the words after `check`, or None.

    The option table comes from the Typer declaration of `cli.check`; it is kept in the cache as
    plain data (keyed by the version and cli.py's size and time), so that a run can skip importing
    Typer.
    """
    from lintpost import __version__, recache

    cli_file = pathlib.Path(__file__).with_name("cli.py")
    try:
        st = cli_file.stat()
    except OSError:
        return None
    plain = recache.memo(("fastcli", __version__, st.st_size, st.st_mtime_ns), _plain_check_table)
    table = _from_plain(plain)
    return None if table is None else _parse(table, argv)


def _types() -> dict[str, Any]:
    from lintpost.command_check import FailOn, Format

    return {"str": str, "int": int, "float": float, "bool": bool, "Path": pathlib.Path, "Format": Format,
            "FailOn": FailOn}


def _plain_check_table() -> Any:
    """The `check` table as strings and numbers (None when fastcli cannot read the signature)."""
    from lintpost import cli

    table = _table(cli.check)
    if table is None:
        return None
    options, positional, defaults = table
    names = {v: k for k, v in _types().items()}
    if any(p.type not in names for p in options.values()):
        return None
    plain_options = tuple((k, p.name, names[p.type], p.many, p.negative) for k, p in options.items())
    plain_defaults = tuple(
        (k, v.value if isinstance(v, enum.Enum) else v) for k, v in defaults.items()
    )
    if not all(v is None or isinstance(v, (str, int, float, bool)) for _, v in plain_defaults):
        return None
    return (plain_options, positional or "", plain_defaults)


def _from_plain(plain: Any) -> tuple[dict[str, _Param], str | None, dict[str, Any]] | None:
    if plain is None:
        return None
    types_ = _types()
    plain_options, positional, plain_defaults = plain
    options = {k: _Param(name, types_[kind], many, negative) for k, name, kind, many, negative in plain_options}
    kinds = {p.name: p.type for p in options.values()}
    defaults: dict[str, Any] = {}
    for name, value in plain_defaults:
        kind = kinds.get(name)
        defaults[name] = kind(value) if value is not None and isinstance(kind, type) and issubclass(
            kind, enum.Enum) else value
    return options, positional or None, defaults


def _parse(table: tuple[dict[str, _Param], str | None, dict[str, Any]], argv: list[str]) -> dict[str, Any] | None:
    options, positional, kwargs = table
    kwargs = dict(kwargs)
    lists: dict[str, list[Any]] = {}
    words: list[str] = []
    i = 0
    try:
        while i < len(argv):
            word = argv[i]
            i += 1
            if word == "--":
                words.extend(argv[i:])
                break
            if not word.startswith("-") or word == "-":
                words.append(word)
                continue
            name, eq, attached = word.partition("=") if word.startswith("--") else (word, "", "")
            param = options.get(name)
            if param is None:
                return None
            if param.type is bool and not param.many:
                if eq:
                    return None
                kwargs[param.name] = not param.negative
                continue
            if eq:
                value = attached
            elif i < len(argv):
                value = argv[i]
                i += 1
            else:
                return None
            if value.startswith("-") and value != "-" and not eq:
                return None  # Typer may read this as a missing value
            converted = _convert(param.type, value)
            if param.many:
                lists.setdefault(param.name, []).append(converted)
            else:
                kwargs[param.name] = converted
    except ValueError:
        return None
    kwargs.update(lists)
    if words:
        if positional is None:
            return None
        kwargs[positional] = words
    return kwargs
