"""A stored body is HTML: plain-text bodies become paragraphs of escaped text.

Until now a body could be plain text, and validation ran nh3 over it, which stored `&` as
`&amp;` and `<` as `&lt;`; rendering then escaped those again. A plain-text body (one with
no HTML tag) is therefore unescaped first, then split into paragraphs exactly as
catalog.richtext.clean() does. HTML bodies are left as they are (they are sanitised on every
render). The rule is copied here, not imported, so this migration keeps meaning what it
meant when it ran. History records stay as they were: they are the record of what was.
"""

import html
import re

from django.db import migrations
from django.utils.html import linebreaks

HTML_NAMES = [
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "a", "abbr", "table",
    "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "div",
    "span", "img", "font", "section", "article", "header", "footer", "pre", "code", "dl", "dt",
    "dd", "del", "ins", "center", "colgroup", "col", "script", "style", "iframe", "object",
    "embed", "svg", "form", "input", "button",
]  # fmt: skip
TAG = re.compile(
    r"</?(?:%s)(?:\s[^<>]*)?/?>" % "|".join(sorted(HTML_NAMES, key=len, reverse=True)),
    re.IGNORECASE,
)


def as_html(body):
    if not body.strip() or TAG.search(body):
        return body
    return linebreaks(html.unescape(body).strip(), autoescape=True)


def forwards(apps, schema_editor):
    Item = apps.get_model("catalog", "Item")
    changed = []
    for item in Item.objects.only("pk", "body_th", "body_en").iterator(chunk_size=500):
        new_th, new_en = as_html(item.body_th), as_html(item.body_en)
        if (new_th, new_en) != (item.body_th, item.body_en):
            item.body_th, item.body_en = new_th, new_en
            changed.append(item)
    Item.objects.bulk_update(changed, ["body_th", "body_en"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_item_document_date"),
    ]

    operations = [
        # Backwards: paragraphs of HTML are a valid body before this migration too.
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
