"""Site search: one document of folded text per published item, indexed for substring search.

Thai is written without spaces between words, so a word a citizen types must be found inside
longer runs (ประเมินผล inside การประเมินผลการปฏิบัติงาน): every word of the query is matched as
a substring, never as a whole token. A scan of every row does that too slowly, so each item
that goes online gets one SearchDocument holding its text casefolded (titles, summary, body,
typed details, people, steps, file titles and the text of its PDFs), indexed for substrings:
PostgreSQL's pg_trgm (a GIN index that serves LIKE '%word%'), SQLite's FTS5 with the trigram
tokenizer on the embedded default (migration 0008). What the public can read changes only
when an item is published or a revision is applied, and that is when publishing.transitions
writes the document; live() still decides what is found, so a withdrawn or expired item
disappears from the results at once without touching the index.
"""

import re

from django.db import connection, models
from django.db.models import Case, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from . import richtext

MAX_WORDS = 8
SNIPPET = 160
# A PDF's text is kept up to this many characters: enough for the words of any document a
# municipality publishes, bounded for the odd 500-page scan.
PDF_TEXT_LIMIT = 200_000
# The FTS5 trigram tokenizer matches substrings of three characters or more.
FTS_MIN = 3


class SearchDocument(models.Model):
    """The searchable text of one published item (derived data, rebuilt by reindex_search)."""

    item = models.OneToOneField(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    title = models.TextField(_("titles, folded"))
    text = models.TextField(_("searchable text, folded"))
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title[:80]


def fold(text):
    return " ".join((text or "").casefold().split())


def body_text(body):
    """A body's readable text (bodies are HTML from the editor, or older plain text)."""
    return richtext.to_text(body or "")


def pdf_text(content):
    """The text layer of a PDF ('' for a scan or a PDF pypdf cannot read)."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        parts, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= PDF_TEXT_LIMIT:
                break
    except Exception:  # noqa: BLE001 - any damaged PDF simply has no searchable text
        return ""
    return " ".join(parts)[:PDF_TEXT_LIMIT]


def index(item):
    """Write (or rewrite) the search document of an item; called when it goes online."""
    SearchDocument.objects.update_or_create(item=item, defaults=_document(item))


def index_all(items):
    """Rebuild the documents of many items (demo loader, reindex_search, benchmarks)."""
    from .models import Item

    count = 0
    for item in (
        Item.objects.filter(pk__in=items.values("pk"))
        .with_details()
        .prefetch_related("manual_steps", "manual_documents", "people")
        .iterator(chunk_size=500)
    ):
        index(item)
        count += 1
    return count


def _document(item):
    titles = [item.title_th, item.title_en]
    parts = [*titles, item.summary_th, item.summary_en, body_text(item.body_th)]
    parts.append(body_text(item.body_en))
    detail = item.detail
    if detail is not None:
        parts += [
            str(getattr(detail, field.attname) or "")
            for field in detail._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices
        ]
    parts += [f"{person.name} {person.position}" for person in item.people.all()]
    parts += [step.description_th for step in item.manual_steps.all()]
    parts += [document.name_th for document in item.manual_documents.all()]
    for attachment in item.attachments.all():
        parts += [attachment.title_th, attachment.title_en, attachment.original_name]
        parts.append(attachment.text)
    parts += [f"{photo.alt_th} {photo.caption_th}" for photo in item.photos.all()]
    return {
        "title": fold(" ".join(filter(None, titles))),
        "text": fold(" ".join(filter(None, parts))),
    }


# Pages of the site that are not items (the ITA page, the site map): an app registers each
# with its Thai and English words, and the search lists those whose words hold every query
# word, above the items. Few and fixed, so matched in Python without a query.
_PAGES = []


def register_page(url_name, *, title_th, title_en, text_th="", text_en=""):
    """Make a page of the site (not an item) findable by its Thai and English words."""
    _PAGES.append(
        (url_name, title_th, title_en, fold(f"{title_th} {title_en} {text_th} {text_en}"))
    )


def matching_pages(words):
    """[(title, url)] of the registered pages whose words contain every query word."""
    from django.urls import reverse

    from chiangkhian.models import pick_language

    if not words:
        return []
    return [
        (pick_language(title_th, title_en), reverse(url_name))
        for url_name, title_th, title_en, text in _PAGES
        if all(word in text for word in words)
    ]


def words_of(query):
    return [word for word in fold(query).split()[:MAX_WORDS] if word]


def matching(queryset, words):
    """Items whose document contains every word, title matches first, then the newest."""
    long_words = [word for word in words if len(word) >= FTS_MIN]
    if connection.vendor == "sqlite" and long_words:
        phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in long_words)
        queryset = queryset.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM catalog_searchdocument_fts "
                "WHERE catalog_searchdocument_fts MATCH %s",
                [phrase],
            )
        )
        words_by_like = [word for word in words if len(word) < FTS_MIN]
    else:
        words_by_like = words
    for word in words_by_like:
        queryset = queryset.filter(search_document__text__contains=word)
    title_hits = sum(
        (
            Case(When(search_document__title__contains=word, then=Value(1)), default=Value(0))
            for word in words
        ),
        Value(0),
    )
    return queryset.annotate(
        title_hits=models.ExpressionWrapper(title_hits, output_field=IntegerField())
    ).order_by("-title_hits", "-publish_at", "-pk")


def snippet(item, words):
    """A short piece of the item's text around the first word found, for the results page."""
    text = " ".join(filter(None, [item.summary, " ".join(body_text(item.body).split())]))
    folded = text.casefold()
    hits = [folded.find(word) for word in words if folded.find(word) >= 0]
    if not hits:
        return text[:SNIPPET]
    start = max(0, min(hits) - SNIPPET // 3)
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


def highlight_parts(text, words):
    """[(piece, is_match)] of a text, for marking the searched words (case-insensitive)."""
    if not words or not text:
        return [(text, False)]
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE
    )
    parts, last = [], 0
    for found in pattern.finditer(text):
        parts.append((text[last : found.start()], False))
        parts.append((found.group(), True))
        last = found.end()
    parts.append((text[last:], False))
    return [part for part in parts if part[0]]
