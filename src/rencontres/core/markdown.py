"""Organisers' texts (descriptions, audiences, objectives, bios) as light Markdown, made safe.

Announcements and organisers write "- item" lines and blank-line paragraphs; shown through
`linebreaks` they were one paragraph with hyphens. markdown-it-py renders CommonMark with raw
HTML off, and nh3 (the Ammonia sanitiser) then keeps only the few tags below, so a text can
never carry a script, an event handler or a `javascript:` link onto the page.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Headings and images are left out: the page's own headings frame the text (RGAA 9.1), and an
# image from anywhere would be loaded from the visitor's browser.
_PARSER = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable(["heading", "lheading", "image"])
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> SafeString:
    """The text as sanitised HTML; an empty text gives an empty string."""
    if not text:
        return mark_safe("")
    html = _PARSER.render(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just reduced it to the tags above
