"""The import manifest: what an import wrote into the new site, with the hash of each file
as written, so that importing again updates those files and never one edited since."""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".sphinx-seminars-import.json"
VERSION = 1


class Outcome(str, enum.Enum):
    """What became of one file of an import."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    EDITED = "edited here: kept"
    DELETED = "deleted here: not written again"
    NOT_OURS = "there before the import: kept"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    """The files an import wrote (path in the site -> sha256 as written, and where from)."""

    folder: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    dry_run: bool = False

    @classmethod
    def load(cls, folder: Path, *, dry_run: bool = False) -> Manifest:
        path = folder / MANIFEST
        files: dict[str, dict[str, str]] = {}
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError):
                data = {}
            recorded = data.get("files") if isinstance(data, dict) else None
            if isinstance(recorded, dict):
                files = {
                    str(name): {str(k): str(v) for k, v in entry.items()}
                    for name, entry in recorded.items()
                    if isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
                }
        return cls(folder, files, dry_run)

    def put(self, name: str, data: bytes, origin: str) -> Outcome:
        """Write a file of the import unless the user changed or deleted it since the last
        import, or it was there before any import; say which."""
        path = self.folder / name
        recorded = self.files.get(name)
        written = digest(data)
        if not path.exists():
            if recorded is not None:
                return Outcome.DELETED
            self._write(path, data)
            self.files[name] = {"sha256": written, "from": origin}
            return Outcome.NEW
        current = digest(path.read_bytes()) if path.is_file() else ""
        if recorded is None:
            if current != written:
                return Outcome.NOT_OURS
            self.files[name] = {"sha256": written, "from": origin}
            return Outcome.UNCHANGED
        if current != recorded["sha256"]:
            return Outcome.EDITED
        self.files[name] = {"sha256": written, "from": origin}
        if current == written:
            return Outcome.UNCHANGED
        self._write(path, data)
        return Outcome.UPDATED

    def origin_of(self, name: str) -> str | None:
        entry = self.files.get(name)
        return entry.get("from") if entry else None

    def unedited(self, name: str) -> bool:
        """Whether a file the import wrote is still as written."""
        path = self.folder / name
        recorded = self.files.get(name)
        return (
            recorded is not None
            and path.is_file()
            and (digest(path.read_bytes()) == recorded["sha256"])
        )

    def remove(self, name: str) -> None:
        """Delete a file the import wrote and nobody edited (a talk that moved)."""
        if self.unedited(name) and not self.dry_run:
            (self.folder / name).unlink()
        self.files.pop(name, None)

    def save(self, source: str) -> None:
        if self.dry_run:
            return
        text = json.dumps(
            {"version": VERSION, "source": source, "files": dict(sorted(self.files.items()))},
            indent=2,
            ensure_ascii=False,
        )
        self._write(self.folder / MANIFEST, (text + "\n").encode("utf-8"))

    def _write(self, path: Path, data: bytes) -> None:
        if self.dry_run:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
