"""Sphinx configuration of the sphinx-seminars documentation (built with the extension)."""

import sys
from pathlib import Path

from sphinx_seminars import __version__

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-seminars"
author = "sphinx_seminars developers"
copyright = "2026, sphinx_seminars developers"
version = release = __version__

extensions = ["sphinx_seminars", "seminar_reference"]
seminar_timezone = "Asia/Kolkata"

exclude_patterns = ["_build"]
nitpicky = True  # as sphinx-build -n in CI, for builds that cannot pass it (Read the Docs)
html_theme = "furo"
html_title = "sphinx-seminars"
myst_heading_anchors = 3
seminar_speaker_aliases = {"Keith Butler": "Keith Tobias Butler"}
