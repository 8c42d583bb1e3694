"""Split a talk file into front matter (YAML ``---`` or TOML ``+++``) and body, safely.

Safely means: YAML tags construct nothing but plain data (text, numbers, booleans, dates,
lists, mappings), so ``!!python/object`` and even ``!!binary`` or ``!!set`` are errors;
aliases may not expand the data beyond :data:`MAX_NODES` values (a "billion laughs" document
is refused at once, however few aliases it uses) and may not refer to themselves; nesting stops
at :data:`MAX_DEPTH`; a front matter longer than :data:`MAX_CHARS` is not parsed at all.
Every refusal is a problem at its line, never an exception.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import Problem
from ..problems import Code
from .text.clean import drop_control_characters

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

#: The longest front matter parsed (characters); honest ones are a few thousand.
MAX_CHARS = 100_000
#: How deep lists and mappings may nest, aliases followed.
MAX_DEPTH = 20
#: How many values the front matter may hold once every alias is expanded.
MAX_NODES = 50_000
_TOML_KEY_LINE = re.compile(r"""^\s*["']?([A-Za-z0-9_.-]+)["']?\s*=""")
_TOML_TABLE = re.compile(r"^\s*\[")
_YAML_LINE_BREAKS = dict.fromkeys(map(ord, "\x85\u2028\u2029"), " ")
_YAML_BREAK = re.compile("[\x85\u2028\u2029]")
#: The YAML tags that construct plain data; any other tag is refused.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("null", "bool", "int", "float", "str", "seq", "map", "timestamp")
)


@dataclass
class FrontMatter:
    """What the front matter holds, where each top-level key is, and the body after it."""

    data: dict[str, object] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    unknown_line: int = 1  # the line of a key whose line is not known

    def line_of(self, key: str) -> int:
        """The file line of a top-level key (:attr:`unknown_line` when unknown)."""
        return self.key_lines.get(key, self.unknown_line)

    @property
    def failed(self) -> bool:
        """Whether the front matter could not be read (an error-level problem)."""
        return any(problem.level == "error" for problem in self.problems)


def _plain_constructors() -> dict[str | None, Callable[[yaml.SafeLoader, yaml.Node], object]]:
    """PyYAML's safe constructors for plain data only; dates and numbers that cannot be
    built (``2024-02-30``, a 5,000-digit number, ``!!timestamp nonsense``) stay the text they
    are, for the reader to report.  Numbers that YAML 1.1 reads in base 60 (``10:30`` is 630)
    or 8 (``0700`` is 448) stay the text written: an unquoted time is a time, a room number
    keeps its zeros."""
    constructors: dict[str | None, Callable[[yaml.SafeLoader, yaml.Node], object]] = {
        tag: build
        for tag, build in yaml.SafeLoader.yaml_constructors.items()
        if tag in _PLAIN_TAGS or tag is None
    }
    for name in ("timestamp", "int", "float", "bool", "null"):
        tag = f"tag:yaml.org,2002:{name}"
        constructors[tag] = _or_text(yaml.SafeLoader.yaml_constructors[tag])
    for name in ("int", "float"):
        tag = f"tag:yaml.org,2002:{name}"
        constructors[tag] = _odd_bases_as_text(constructors[tag])
    return constructors


#: How YAML 1.1 writes integers in base 8 (a leading zero), and numbers in base 60.
_ODD_BASE = re.compile(r"[-+]?0[0-7_]+|.*:.*")


def _odd_bases_as_text(
    build: Callable[[yaml.SafeLoader, yaml.Node], object],
) -> Callable[[yaml.SafeLoader, yaml.Node], object]:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        if isinstance(node.value, str) and _ODD_BASE.fullmatch(node.value):
            return loader.construct_scalar(node)  # type: ignore[arg-type]
        return build(loader, node)

    return construct


def _or_text(
    build: Callable[[yaml.SafeLoader, yaml.Node], object],
) -> Callable[[yaml.SafeLoader, yaml.Node], object]:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        try:
            return build(loader, node)
        except (ValueError, AttributeError, TypeError, OverflowError, KeyError):
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    return construct


class _PlainLoader(yaml.SafeLoader):
    """The safe loader, restricted to plain data, with a bound on nesting."""

    yaml_constructors = _plain_constructors()  # PyYAML looks constructors up on the class

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                problem=f"nested more than {MAX_DEPTH} levels deep (refused)", problem_mark=mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


if yaml.__with_libyaml__:

    class _FastPlainLoader(yaml.CSafeLoader):
        """libyaml's loader with the same plain constructors, for simple front matter."""

        yaml_constructors = _plain_constructors()

    FAST_LOADER: type[Any] | None = _FastPlainLoader
else:  # pragma: no cover - PyYAML without libyaml
    FAST_LOADER = None

#: Anchors, aliases and tags: what needs the guarded (pure Python) loader.
_GUARDED = re.compile(r"[&*!]")
#: What opens a flow collection (``[a, b]``, ``{a: b}``); each may nest one level deeper.
_FLOW_OPENERS = re.compile(r"[\[{]")
#: The deepest block structure read by libyaml, as columns of indentation and of the block
#: indicators (``-``, ``?``, ``:``) and spaces or tabs that may open a collection on the same
#: line.  Every level of block nesting after the first two moves its content at least one
#: column right, so a document within this bound nests at most ``_FAST_COLUMNS + 3`` levels,
#: within :data:`MAX_DEPTH`: libyaml (whose composer recurses in C, and crashes on thousands
#: of levels) never sees deeper nesting.
_FAST_COLUMNS = MAX_DEPTH - 4
_LINE_START = " \t-?:"
#: The longest front matter read by libyaml.  A block document holds at most two values per
#: character (a bare ``?`` is a null key and a null value) and one more for the whole, so
#: this keeps it well below :data:`MAX_NODES`.
_FAST_CHARS = MAX_NODES // 4


def _fast_loading(source: str) -> bool:
    """Whether libyaml may read the front matter: at most :data:`_FAST_CHARS` characters, no
    anchors, aliases or tags, no line starting deeper than :data:`_FAST_COLUMNS`, and so few
    flow collections (``tags: [a, b]``) that even nested in one another inside the deepest
    block they stay within :data:`MAX_DEPTH`.  Such a document needs none of the checks of
    :func:`_refusal`: it has no aliases, it nests at most :data:`MAX_DEPTH` levels, and it
    holds fewer values than :data:`MAX_NODES` (a flow collection holds at most one value per
    character too)."""
    if FAST_LOADER is None or len(source) > _FAST_CHARS or _GUARDED.search(source):
        return False
    columns = max(len(line) - len(line.lstrip(_LINE_START)) for line in source.split("\n"))
    if columns > _FAST_COLUMNS:
        return False
    openers = len(_FLOW_OPENERS.findall(source)) if "[" in source or "{" in source else 0
    return columns + 3 + openers <= MAX_DEPTH


def split_front_matter(text: str) -> FrontMatter:
    """Find and parse the front matter of ``text`` (already with ``\\n`` line ends)."""
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return FrontMatter(body=text, body_line=1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if end is None:
        problem = Problem(1, Code.FRONT_MATTER, "front matter opened here never closes", "error")
        return FrontMatter(body="\n".join(lines[1:]), body_line=2, problems=[problem])
    source = "\n".join(lines[1:end])
    result = FrontMatter(body="\n".join(lines[end + 1 :]), body_line=end + 2)
    if len(source) > MAX_CHARS:
        message = f"front matter of {len(source):,} characters (more than {MAX_CHARS:,}); not read"
        result.problems.append(Problem(1, Code.FRONT_MATTER, message, "error"))
        return result
    if fence == "---":
        data, result.key_lines, problems = _load_yaml(source)
    else:
        data, result.key_lines, problems = _load_toml(source)
    result.problems.extend(problems)
    if result.failed:
        return result
    if data is not None and not isinstance(data, dict):
        kind = type(data).__name__
        message = f"front matter must be a mapping of keys to values, not a {kind}"
        result.problems.append(Problem(2, Code.FRONT_MATTER, message, "error"))
    elif isinstance(data, dict):
        result.data = {str(key): value for key, value in data.items()}
        if _drop_controls_in_strings(result.data):
            message = "control characters removed from front-matter values"
            result.problems.append(Problem(1, Code.ENCODING, message))
    return result


def lift_tables(matter: FrontMatter, tables: tuple[str, ...]) -> None:
    """Give the keys of nested tables (Zola's ``[extra]``, Hugo's ``[params]``) as top-level
    keys, at the table's line; a top-level key of the same name wins."""
    for table in tables:
        value = matter.data.get(table)
        if isinstance(value, dict):
            for key, item in value.items():
                if str(key) not in matter.data:
                    matter.data[str(key)] = item
                    matter.key_lines.setdefault(str(key), matter.line_of(table))


def front_matter_of(data: Mapping[str, object], body: str, body_line: int) -> FrontMatter:
    """The front matter of already parsed keys and values, before a body starting at file
    line ``body_line``; the keys have no lines (0).  The values are copied in the shapes YAML
    gives (mappings as dicts, sequences as lists), nested at most :data:`MAX_DEPTH` deep."""
    result = FrontMatter(body=body, body_line=body_line, unknown_line=0)
    too_deep: list[bool] = []
    result.data = {str(key): _plain_copy(value, 1, too_deep) for key, value in data.items()}
    if too_deep:
        message = f"front matter nested more than {MAX_DEPTH} levels deep; the rest left out"
        result.problems.append(Problem(0, Code.FRONT_MATTER, message))
    if _drop_controls_in_strings(result.data):
        message = "control characters removed from front-matter values"
        result.problems.append(Problem(0, Code.ENCODING, message))
    return result


def _plain_copy(value: object, depth: int, too_deep: list[bool]) -> object:
    """A copy of a value whose mappings are dicts and sequences lists (None, noted in
    ``too_deep``, past :data:`MAX_DEPTH` levels: a value that contains itself ends there)."""
    if not isinstance(value, (Mapping, list, tuple)):
        return value
    if depth >= MAX_DEPTH:
        too_deep.append(True)
        return None
    if isinstance(value, Mapping):
        return {key: _plain_copy(item, depth + 1, too_deep) for key, item in value.items()}
    return [_plain_copy(item, depth + 1, too_deep) for item in value]


def _drop_controls_in_strings(data: dict[str, object]) -> bool:
    """Remove control characters from every string of the data (written as escapes such as
    ``"\\u001b"``, they survive the cleaning of the file's text); whether there were any."""
    found = False
    stack: list[dict[Any, object] | list[object]] = [data]
    while stack:
        container = stack.pop()
        keys = list(container) if isinstance(container, dict) else range(len(container))
        for key in keys:
            value = container[key]
            if isinstance(value, str):
                cleaned, line = drop_control_characters(value)
                if line is not None:
                    container[key], found = cleaned, True
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return found


def _load_yaml(
    source: str, *, fast: bool | None = None
) -> tuple[object, dict[str, int], list[Problem]]:
    """(data, line of each top-level key, problems) of a YAML front matter (read by libyaml
    when ``fast`` allows it; a document with flow collections that libyaml cannot read is
    read again by the guarded loader, whose words its problem gives)."""
    if _YAML_BREAK.search(source):
        source = source.translate(_YAML_LINE_BREAKS)
    if fast is None:
        fast = _fast_loading(source)
        if fast and ("[" in source or "{" in source):
            data, key_lines, problems = _load_yaml(source, fast=True)
            if not any(problem.level == "error" for problem in problems):
                return data, key_lines, problems
            fast = False
    loader = (FAST_LOADER if fast and FAST_LOADER is not None else _PlainLoader)(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        refusal = None if fast else _refusal(node)
        if refusal:
            reason, line = refusal
            return None, {}, [Problem(line, Code.YAML, f"YAML front matter: {reason}", "error")]
        key_lines, problems = _yaml_key_lines(node)
        return loader.construct_document(node), key_lines, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        reason = exc.problem or exc.context or "cannot be read"
        return None, {}, [Problem(line, Code.YAML, f"YAML front matter: {reason}", "error")]
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, LookupError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, {}, [Problem(2, Code.YAML, f"YAML front matter: {reason}", "error")]
    finally:
        loader.dispose()


def _yaml_key_lines(node: yaml.Node) -> tuple[dict[str, int], list[Problem]]:
    """The file line of each top-level key, and a warning for each key given twice."""
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    if not isinstance(node, yaml.MappingNode):
        return lines, problems
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 2
        name = str(key.value)
        if name in lines:
            message = f"'{name}' is given twice (lines {lines[name]} and {line}); the last counts"
            problems.append(Problem(line, Code.YAML, message))
        lines[name] = line
    return lines, problems


def _refusal(root: yaml.Node) -> tuple[str, int] | None:
    """Why and where a composed YAML document is refused (too big once aliases are expanded,
    too deep, or an alias inside itself), or None; walks each shared node once."""
    measured: dict[int, tuple[int, int]] = {}  # id -> (values, depth) once expanded
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            parts = [measured[id(child)] for child in _children(node)]
            size = 1 + sum(values for values, _ in parts)
            depth = 1 + max((depth for _, depth in parts), default=0)
            line = node.start_mark.line + 2
            if size > MAX_NODES:
                reason = f"holds more than {MAX_NODES:,} values, aliases expanded (refused)"
                return reason, line
            if depth > MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep through aliases (refused)", line
            measured[key] = (size, depth)
        elif key in open_nodes:
            reason = "an alias refers to the value that contains it (refused)"
            return reason, node.start_mark.line + 2
        elif key not in measured:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    return None


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _load_toml(source: str) -> tuple[object, dict[str, int], list[Problem]]:
    """(data, line of each top-level key, problems) of a TOML front matter."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) + 1 if found else 2
        return None, {}, [Problem(line, Code.TOML, f"TOML front matter: {exc}", "error")]
    except (RecursionError, ValueError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, {}, [Problem(2, Code.TOML, f"TOML front matter: {reason}", "error")]
    if _deeper_than(data, MAX_DEPTH):
        message = f"TOML front matter: nested more than {MAX_DEPTH} levels deep (refused)"
        return None, {}, [Problem(2, Code.TOML, message, "error")]
    return data, _toml_key_lines(source), []


def _toml_key_lines(source: str) -> dict[str, int]:
    """The file line of each top-level key (the keys before the first ``[table]``)."""
    lines: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(source.split("\n"), start=2):
        if _TOML_TABLE.match(line):
            in_table = True
            name = line.strip().strip("[]").strip().split(".")[0].strip("\"'")
            lines.setdefault(name, number)
        elif not in_table and (match := _TOML_KEY_LINE.match(line)):
            lines.setdefault(match.group(1).split(".")[0], number)
    return lines


def _deeper_than(data: object, limit: int) -> bool:
    """Whether lists and mappings nest more than ``limit`` levels (without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                return True
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return False
