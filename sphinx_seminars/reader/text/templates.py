"""Template tags of static-site generators in a talk's body: Hugo shortcodes
(``{{< tweet ... >}}``, ``{{% notice %}}``) and Liquid tags (``{% include x.html %}``,
``{% raw %}``).  They are instructions to the old site's generator, not text of the talk."""

from __future__ import annotations

import re

from .code import CodeSpans

#: One tag on one line; a tag is short, so the search stays linear on hostile text.
_TAG = re.compile(r"\{\{[<%][^\n]{0,500}?[%>]\}\}|\{%-?[^\n%]{0,500}?-?%\}")


def drop_template_tags(body: str) -> str:
    """The body without its template tags; the text between a pair of tags stays, and
    every line stays where it was.  A tag in code (`` `{% raw %}` ``) is an example: it
    stays."""
    if "{{" not in body and "{%" not in body:
        return body
    code = CodeSpans(body)
    return _TAG.sub(lambda tag: tag.group() if code.holds(tag.start()) else "", body)
