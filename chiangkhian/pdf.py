"""Sarabun for every PDF the site makes (the request form, the demo documents).

One registration for the whole process: two TTFont objects of the same face would share a
subset in a document and only one of them would write its ToUnicode map.
"""

from functools import cache

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


@cache
def register_thai_fonts():
    """Register "Sarabun" and "Sarabun-Bold" (HarfBuzz-shaped where a style asks for it)."""
    pdfmetrics.registerFont(ThaiFont("Sarabun", str(FONT_DIR / "Sarabun-Regular.ttf")))
    pdfmetrics.registerFont(ThaiFont("Sarabun-Bold", str(FONT_DIR / "Sarabun-Bold.ttf")))
    return True


class ThaiFont(TTFont):
    """Sarabun, shaped by HarfBuzz so Thai marks sit right, with text that still extracts.

    Shaping substitutes alternate glyphs (a tone mark raised above a vowel, ...) that
    ReportLab maps to private-use code points; the ToUnicode map is corrected from their
    glyph names (uni0E48.small → U+0E48) so copy, search and pypdf see real Thai.
    """

    def addObjects(self, doc):  # noqa: N802 - ReportLab's name
        super().addObjects(doc)
        private = getattr(self, "_TTFont__hbUnis", {})
        fixes = {code: _chars_of(name) for name, code in private.items() if _chars_of(name)}
        if not fixes:
            return
        own = "toUnicodeCMap:"
        face = self.face.name.decode("latin-1")
        for key, obj in doc.idToObject.items():
            if isinstance(key, str) and key.startswith(own) and key.endswith(f"+{face}"):
                content = obj.content
                for code, chars in fixes.items():
                    content = content.replace(f"<{code:04X}>", f"<{chars}>")
                obj.content = content


def _chars_of(glyph_name):
    """uni0E4D0E49.small → '0E4D0E49' (the hex of the characters the glyph stands for)."""
    base = glyph_name.split(".")[0]
    if not base.startswith("uni") or (len(base) - 3) % 4 or len(base) == 3:
        return ""
    return base[3:].upper()
