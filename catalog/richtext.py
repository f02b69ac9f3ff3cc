"""Bodies of items: what a stored body is, how it is cleaned, shown and read as text.

The rule: a stored body is HTML, the small subset below (what the body editor produces).
A body without any HTML tag is plain text as a person typed it (older rows, the demo, a
shell): it becomes paragraphs of escaped text, so `&`, `<` and quotes show exactly as typed.

`clean()` is the one function that turns either into safe HTML. It runs when an item is
validated (what is stored) and again when a body is rendered (`|rich`), so HTML that reached
the database another way (a migration, a shell) still cannot run script on the site.
"""

import re
from html.parser import HTMLParser

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

# The editor's output (catalog.widgets.BODY_EDITOR_EXTENSIONS) must fit inside this list;
# tests/catalog/test_rich_text.py holds them together.
TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a", "abbr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Element names that mark a body as HTML: the allowed ones and those that HTML from
# elsewhere (a word processor, an old site) commonly carries. Plain text such as
# "อายุ < 18 ปี" or "<ประกาศ>" contains none of them.
_HTML_NAMES = TAGS | {
    "div", "span", "img", "font", "section", "article", "header", "footer", "pre", "code",
    "h1", "h5", "h6", "dl", "dt", "dd", "del", "ins", "center", "colgroup", "col", "script",
    "style", "iframe", "object", "embed", "svg", "form", "input", "button",
}  # fmt: skip
_NAMES = "|".join(sorted(_HTML_NAMES, key=len, reverse=True))
_TAG = re.compile(rf"</?(?:{_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BLOCKS = {"p", "h2", "h3", "h4", "blockquote", "table", "ul", "ol", "hr", "figure", "caption"}


def is_html(body):
    """Whether a stored body is HTML (it has at least one HTML tag) rather than plain text."""
    return bool(body and _TAG.search(body))


def clean(body):
    """Safe HTML of a body, plain text or HTML; '' when it has no text at all.

    Idempotent: clean(clean(x)) == clean(x), so cleaning on save and on render agree.
    """
    if not body or not body.strip():
        return ""
    html = body if is_html(body) else linebreaks(body.strip(), autoescape=True)
    html = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()
    if not _text_of(html).strip():
        return ""
    if not is_html(html):
        # Only text was left (say, of a <span>): it is escaped HTML now, not typed text.
        html = f"<p>{html}</p>"
    return html


def render(body):
    """A body as safe markup for a template."""
    return mark_safe(clean(body))  # noqa: S308 - clean() keeps only the allow-list


def to_text(body):
    """The plain text of a body: paragraphs apart by a blank line, list items with "• ".

    For places that show a body as text: the filed form, e-mails, meta descriptions,
    search snippets, the history of changes.
    """
    return _text_of(clean(body))


def _text_of(html):
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.breaks = 0  # newlines owed before the next text
        self.prefix = ""  # a list bullet or a cell separator owed before the next text
        self.lists = []  # one entry per open list: None (bullets) or the next number
        self.items = 0  # open list items
        self.cell = False  # inside a table cell: its paragraphs run on, apart by a space
        self.cells = 0  # cells seen in the current table row

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._break(1)
        elif tag in ("ul", "ol"):
            start = dict(attrs).get("start") or "1"
            self.lists.append(int(start) if tag == "ol" and start.isdigit() else None)
            self._break(1 if self.items else 2)
        elif tag == "li":
            self.items += 1
            self._break(1)
            number = self.lists[-1] if self.lists else None
            if number is not None:
                self.lists[-1] += 1
            self.prefix = "• " if number is None else f"{number}. "
        elif tag == "tr":
            self._break(1)
            self.cells = 0
        elif tag in ("td", "th"):
            self.prefix = " | " if self.cells else ""
            self.cells += 1
            self.cell = True
        elif tag in _BLOCKS:
            self._block()

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "li":
            self.items = max(self.items - 1, 0)
        elif tag in ("td", "th"):
            self.cell = False
        if tag in _BLOCKS or tag in ("ul", "ol"):
            self._block()

    def handle_data(self, data):
        text = re.sub(r"[ \t\n\r\f]+", " ", data)
        if not text.strip() and (not self.parts or self.breaks or self.prefix):
            return  # whitespace between tags
        if self.parts and self.breaks:
            self.parts.append("\n" * self.breaks)
        self.breaks = 0
        self.parts.append(self.prefix + text)
        self.prefix = ""

    def _block(self):
        if self.cell:
            if not self.prefix and self.parts:
                self.prefix = " "
        else:
            self._break(1 if self.items else 2)

    def _break(self, count):
        self.breaks = max(self.breaks, count)

    def text(self):
        text = "".join(self.parts)
        text = re.sub(r" *\n *", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()
