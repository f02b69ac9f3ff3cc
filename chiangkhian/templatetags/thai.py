import datetime
import re

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from chiangkhian import thaidates

register = template.Library()


@register.filter
def thaidate(value, style="long"):
    """{{ item.published_at|thaidate }} → 2 ตุลาคม 2562; styles: long, short, datetime, month."""
    return thaidates.format_date(value, style)


@register.filter
def thaidigits(value):
    return thaidates.thai_digits(value)


@register.simple_tag
def this_year():
    """The current year as people here write it: B.E. in Thai (2569), A.D. in English."""
    today = timezone.localdate()
    if _english():
        return str(today.year)
    return thaidates.thai_digits(thaidates.buddhist_year(today))


@register.filter
def fiscal_year(value):
    """A fiscal year (B.E. number): "ปีงบประมาณ พ.ศ. 2570" or "FY 2027 (B.E. 2570)"."""
    return thaidates.format_fiscal_year(value)


# The extension marks Thai offices write after a number: "ต่อ 12", "ext. 12", "x12", "#12".
_EXTENSION = re.compile(r"(?:ต่อ|ext\.?|extension|x|#)\s*(\d+)", re.IGNORECASE)


@register.filter
def tel(value):
    """A dialable tel: URI for a phone as staff type it: "053-795-123 ต่อ 12" → tel:053795123,12.

    A comma makes the phone pause, then dial the extension (RFC 3966 has no extension
    syntax that phones honour; the comma is what their diallers understand).
    """
    text = str(value or "")
    extension = _EXTENSION.search(text)
    number = text[: extension.start()] if extension else text
    number = number.split(",")[0].split("/")[0]  # "053-795-123, 053-795-124": the first
    digits = re.sub(r"[^\d+]", "", number)
    if not digits:
        return ""
    return f"tel:{digits},{extension.group(1)}" if extension else f"tel:{digits}"


@register.filter
def isotime(value):
    """A valid HTML <time datetime> value: seconds precision, with the offset for datetimes."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


_THAI = re.compile("[\u0e00-\u0e7f]")


@register.filter
def lang_th(obj, field=""):
    """' lang="th"' when an English page shows Thai text: <h1{{ item|lang_th:"title" }}>.

    A bilingual field (title_th/title_en, read through pick_language) is Thai on an English
    page when its English is empty; a Thai-only field (source, position) when it holds Thai
    script. Screen readers then read it with a Thai voice.
    """
    if not _english() or obj in (None, ""):
        return ""
    if isinstance(obj, str):
        thai = bool(_THAI.search(obj))
    elif hasattr(obj, f"{field}_en"):
        thai = not str(getattr(obj, f"{field}_en") or "").strip()
        thai = thai and bool(str(getattr(obj, f"{field}_th", "") or "").strip())
    else:
        thai = bool(_THAI.search(str(getattr(obj, field, "") or "")))
    return mark_safe(' lang="th"') if thai else ""


def _english():
    return (get_language() or "th").startswith("en")
