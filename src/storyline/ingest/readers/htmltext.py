"""HTML (or trafilatura's XML body) to plain text with one paragraph per block element."""

from __future__ import annotations

import re

from lxml import etree, html

from storyline.ingest.readers.common import normalise_text

# Block elements of HTML and of trafilatura's output tree (head, list, item, quote, row).
BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "main",
        "nav",
        "figure",
        "figcaption",
        "address",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
        "head",
        "list",
        "item",
        "quote",
        "row",
    ]
)
CELLS = frozenset({"td", "th", "cell"})
BREAKS = frozenset({"br", "lb"})
DROP = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "math", "button"})
PRE = frozenset({"pre"})
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_BREAK = "\x00"  # paragraph marker, turned into a blank line at the end


def element_to_text(root: etree._Element) -> str:
    """Text of an element tree: block elements become paragraphs, <br> a line break."""
    parts: list[str] = []
    _walk(root, parts, in_pre=False)
    joined = "".join(parts).replace(_BREAK, "\n\n")
    return normalise_text(joined)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs kept."""
    if "<" not in fragment:
        return normalise_text(fragment)
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise_text(fragment)
    return element_to_text(root)


def _walk(element: etree._Element, parts: list[str], in_pre: bool) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None
    if tag is not None and tag not in DROP:
        _open(element, tag, parts, in_pre or tag in PRE)
    if element.tail:
        parts.append(_inline(element.tail, in_pre))


def _open(element: etree._Element, tag: str, parts: list[str], in_pre: bool) -> None:
    block = tag in BLOCKS
    if block:
        parts.append(_BREAK)
    elif tag in BREAKS:
        parts.append("\n")
    elif tag in CELLS:
        parts.append(" ")
    if element.text:
        parts.append(_inline(element.text, in_pre))
    for child in element:
        _walk(child, parts, in_pre)
    if block:
        parts.append(_BREAK)


def _inline(text: str, in_pre: bool) -> str:
    """HTML whitespace rules: runs of whitespace are one space, except inside <pre>."""
    return text if in_pre else _SPACES.sub(" ", text)
