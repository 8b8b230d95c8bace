"""Markdown written by editors, turned into HTML that is safe to put on a page.

Editors are trusted but their accounts may not be, so the HTML goes through an allow-list
sanitizer (nh3): only the tags and attributes below survive; scripts, event handlers, style
attributes and links to anything but http(s), mailto or this site are dropped.
"""

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
# Relative links (to other articles) pass; any other scheme, javascript: first of all, is removed.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Removed together with everything inside them, rather than leaving their text on the page.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def render_markdown(text):
    """Markdown to sanitized HTML, marked safe for templates."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 (sanitized by nh3 just above)
