"""Check that .ci/constraints-lowest.txt pins each dependency of pyproject.toml to its floor."""

from __future__ import annotations

import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def floors() -> dict[str, Version]:
    """Each dependency's lowest version allowed (its ``>=`` bound)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, Version] = {}
    for text in project["dependencies"]:
        requirement = Requirement(text)
        lower = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lower) != 1:
            sys.exit(f"pyproject.toml: {text!r} has no single '>=' floor")
        found[canonicalize_name(requirement.name)] = Version(lower[0])
    return found


def pins() -> dict[str, Version]:
    """The ``name==version`` lines of the constraints file."""
    found: dict[str, Version] = {}
    path = ROOT / ".ci" / "constraints-lowest.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        pin = line.split("#", 1)[0].strip()
        if pin:
            name, _, version = pin.partition("==")
            found[canonicalize_name(name)] = Version(version)
    return found


def main() -> int:
    wanted, pinned = floors(), pins()
    if wanted == pinned:
        return 0
    for name in sorted(wanted.keys() | pinned.keys()):
        if wanted.get(name) != pinned.get(name):
            print(f"{name}: pyproject.toml floor {wanted.get(name)}, pinned {pinned.get(name)}")
    print("Make .ci/constraints-lowest.txt pin every dependency to its pyproject.toml floor.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
