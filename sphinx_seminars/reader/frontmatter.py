"""Split a talk file into front matter (YAML ``---`` or TOML ``+++``) and body, safely."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

#: More aliases than any honest talk file needs; beyond this a file is treated as an attack.
MAX_ALIASES = 50
_KEY_LINE = re.compile(r"^([A-Za-z_][\w.-]*)\s*[:=]")


@dataclass
class FrontMatter:
    """What the front matter holds, where each top-level key is, and the body after it."""

    data: dict[str, object] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The file line of a top-level key (1 when unknown)."""
        return self.key_lines.get(key, 1)


class _SafeLoader(yaml.SafeLoader):
    """The safe loader, with a bound on aliases against "billion laughs" documents."""

    aliases_seen = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.MarkedYAMLError(
                    problem=f"more than {MAX_ALIASES} aliases (refused)", problem_mark=mark
                )
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> FrontMatter:
    """Find and parse the front matter of ``text`` (already with ``\\n`` line ends)."""
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return FrontMatter(body=text, body_line=1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if end is None:
        problem = Problem(1, "front-matter", "front matter opened here never closes", "error")
        return FrontMatter(body="\n".join(lines[1:]), body_line=2, problems=[problem])
    source = "\n".join(lines[1:end])
    result = FrontMatter(body="\n".join(lines[end + 1 :]), body_line=end + 2)
    result.key_lines = {
        m.group(1): number
        for number, line in enumerate(lines[1:end], start=2)
        if (m := _KEY_LINE.match(line))
    }
    data, failure = _load_yaml(source) if fence == "---" else _load_toml(source)
    if failure:
        result.problems.append(failure)
    elif data is not None and not isinstance(data, dict):
        kind = type(data).__name__
        message = f"front matter must be a mapping of keys to values, not a {kind}"
        result.problems.append(Problem(2, "front-matter", message, "error"))
    elif isinstance(data, dict):
        result.data = {str(key): value for key, value in data.items()}
    return result


def _load_yaml(source: str) -> tuple[object, Problem | None]:
    loader = _SafeLoader(source)
    try:
        return loader.get_single_data(), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        reason = exc.problem or exc.context or "cannot be read"
        return None, Problem(line, "yaml", f"YAML front matter: {reason}", "error")
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, Problem(2, "yaml", f"YAML front matter: {reason}", "error")
    finally:
        loader.dispose()


def _load_toml(source: str) -> tuple[object, Problem | None]:
    try:
        return tomllib.loads(source), None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) + 1 if found else 2
        return None, Problem(line, "toml", f"TOML front matter: {exc}", "error")
    except RecursionError:
        return None, Problem(2, "toml", "TOML front matter: nested too deeply", "error")
