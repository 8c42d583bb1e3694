"""Wire the extension into Sphinx: each module registers its own part."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import __version__
from .collection import setup_collection
from .config import setup_config
from .directives import setup_directives
from .domain import setup_domain
from .exports import setup_exports
from .indices import setup_indices
from .listings import setup_listings
from .markdown import setup_markdown
from .nodes import setup_nodes
from .page_assets import setup_page_assets
from .pdflatex import setup_pdflatex
from .printed import setup_printed

#: Bump when the shape of what the extension keeps in the environment changes.
ENV_VERSION = 7


def setup_extension(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    setup_config(app)
    setup_nodes(app)
    setup_domain(app)
    setup_indices(app)
    setup_directives(app)
    setup_markdown(app)
    setup_listings(app)
    setup_collection(app)
    setup_exports(app)
    setup_page_assets(app)
    setup_printed(app)
    setup_pdflatex(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
