"""Run the command line as ``python -m sphinx_seminars``."""

from .cli import main

raise SystemExit(main())
