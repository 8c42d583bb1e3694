"""A plain folder of talk files (no site generator around them): every Markdown file in it."""

from __future__ import annotations

from pathlib import Path

from .documents import TALKS, Archive, Document, markdown_files


def folder_archive(folder: Path) -> Archive:
    documents = [
        Document(path, f"{TALKS}/{path.relative_to(folder).as_posix()}")
        for path in markdown_files(folder)
    ]
    return Archive(kind="folder", root=folder, static_root=folder, documents=documents)
