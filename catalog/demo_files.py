"""Files for the demo site, made on the spot: PDFs in Sarabun (reportlab) and photos (Pillow).

Nothing is downloaded. The PDFs look like the municipality's documents (garuda-less header,
Buddhist Era dates, page numbers); the photos are drawn scenes of the subdistrict.
"""

import io
import random

from django.conf import settings
from PIL import Image, ImageDraw, ImageFilter
from pythainlp.tokenize import word_tokenize
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen import canvas

from chiangkhian.pdf import register_thai_fonts

FONT_DIR = settings.BASE_DIR / "static" / "fonts"
MUNICIPALITY = "เทศบาลตำบลเชียงเคี่ยน อำเภอเทิง จังหวัดเชียงราย"


def _fonts():
    return register_thai_fonts()


def _wrap(text, font, size, width):
    """Thai has no spaces between words: break lines between words found by PyThaiNLP."""
    lines, line = [], ""
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        candidate = line + word
        if line and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def make_pdf(title, paragraphs, *, date_text="", signer=None):
    """An A4 document: header, title, its date, the paragraphs flowing over as many pages as
    they need (lines broken between Thai words), the signer, page numbers."""
    _fonts()
    width, height = A4
    left, right, bottom, top = 25 * mm, width - 20 * mm, 25 * mm, height - 25 * mm
    lines = []  # (font, size, x, text, centred) or None for a gap
    for line in _wrap(title, "Sarabun-Bold", 17, right - left):
        lines.append(("Sarabun-Bold", 17, width / 2, line, True))
    if date_text:
        lines.append(("Sarabun", 14, width / 2, date_text, True))
    lines.append(None)
    for paragraph in paragraphs:
        for index, line in enumerate(_wrap(paragraph, "Sarabun", 15, right - left - 12 * mm)):
            lines.append(("Sarabun", 15, left + (12 * mm if index == 0 else 0), line, False))
        lines.append(None)
    if signer:
        lines.append(None)
        lines += [("Sarabun", 15, width * 0.62, line, True) for line in signer]
    pages = _paginate(lines, top - 10 * mm, bottom + 10 * mm)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor(MUNICIPALITY)
    for number, page in enumerate(pages, start=1):
        pdf.setFont("Sarabun", 11)
        _draw(pdf, "Sarabun", 11, width / 2, top, MUNICIPALITY, centred=True)
        for y, (font, size, x, text, centred) in page:
            _draw(pdf, font, size, x, y, text, centred=centred)
        pdf.setFont("Sarabun", 11)
        pdf.drawCentredString(width / 2, bottom - 8 * mm, f"หน้า {number} / {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw(pdf, font, size, x, y, text, *, centred=False):
    """Draw HarfBuzz-shaped text, so tone marks sit above upper vowels (ที่, ชื่อ, ปี่).

    Canvas.drawString only shapes when python-bidi is installed; shaping the string first
    works without it, and the text object places the shaped glyphs.
    """
    shaped = shapeStr(text, font, size)
    data = getattr(shaped, "__shapeData__", None)
    text_width = (
        sum(glyph.x_advance for glyph in data) * size / 1000
        if data
        else pdfmetrics.stringWidth(text, font, size)
    )
    pdf.setFont(font, size)
    text_object = pdf.beginText(x - text_width / 2 if centred else x, y)
    text_object.setFont(font, size)
    text_object.textLine(shaped)
    pdf.drawText(text_object)


def _paginate(lines, first_y, last_y):
    """[[(y, line)]] per page: each line takes 7.4 mm (8.5 mm for a title), a gap 2.5 mm."""
    pages, page, y = [], [], first_y
    for line in lines:
        step = 2.5 * mm if line is None else (8.5 * mm if line[1] > 15 else 7.4 * mm)
        if line is not None and y - step < last_y:
            pages.append(page)
            page, y = [], first_y
        y -= step
        if line is not None:
            page.append((y, line))
    pages.append(page)
    return [p for p in pages if p] or [[]]


PALETTES = {
    "field": ((120, 180, 230), (250, 220, 160), (60, 140, 70)),
    "river": ((150, 200, 240), (240, 240, 220), (40, 110, 80)),
    "festival": ((20, 30, 70), (90, 60, 120), (30, 50, 40)),
    "town": ((170, 210, 240), (250, 240, 220), (110, 120, 110)),
}


def make_photo(seed, scene="field", size=(1200, 800)):
    """A drawn landscape with people: sky, hills, a river or lanterns, JPEG bytes."""
    rng = random.Random(seed)
    sky, glow, ground = PALETTES[scene]
    width, height = size
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):  # sky gradient towards the horizon
        mix = y / (height / 2)
        colour = tuple(int(sky[i] * (1 - mix) + glow[i] * mix) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    if scene == "festival":
        for _ in range(40):  # khom loi lanterns
            x, y = rng.randrange(width), rng.randrange(height // 2)
            r = rng.randrange(6, 16)
            draw.ellipse(
                [x - r, y - r, x + r, y + r * 1.4], fill=(255, 190 + rng.randrange(60), 90)
            )
    else:
        cx = rng.randrange(width // 5, width * 4 // 5)
        draw.ellipse([cx - 50, 80, cx + 50, 180], fill=(255, 236, 170))
    for layer in range(3):  # hills of Thoeng
        shade = tuple(max(0, c - 25 * (2 - layer)) for c in ground)
        base = height // 2 + layer * 60
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randrange(20, 120)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    if scene == "river":
        draw.polygon(
            [(0, height * 0.8), (width, height * 0.7), (width, height * 0.82), (0, height)],
            fill=(90, 150, 200),
        )
    for _ in range(rng.randrange(5, 11)):  # people in coloured shirts
        x = rng.randrange(40, width - 40)
        y = rng.randrange(int(height * 0.68), int(height * 0.9))
        shirt = rng.choice([(240, 200, 40), (30, 90, 180), (200, 60, 60), (250, 250, 250)])
        draw.ellipse([x - 12, y - 70, x + 12, y - 46], fill=(120, 80, 60))
        draw.rectangle([x - 16, y - 46, x + 16, y], fill=shirt)
        draw.rectangle([x - 14, y, x + 14, y + 36], fill=(40, 40, 60))
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def make_portrait(seed, size=(480, 600)):
    """A uniformed official's portrait silhouette on a studio background, JPEG bytes."""
    rng = random.Random(seed)
    width, height = size
    background = rng.choice([(40, 90, 160), (60, 120, 90), (150, 120, 60)])
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    skin = rng.choice([(222, 184, 150), (200, 160, 120), (180, 140, 105)])
    draw.ellipse([width * 0.3, height * 0.16, width * 0.7, height * 0.5], fill=skin)
    draw.ellipse([width * 0.28, height * 0.12, width * 0.72, height * 0.3], fill=(30, 25, 25))
    draw.rounded_rectangle(
        [width * 0.12, height * 0.55, width * 0.88, height * 1.1], 60, fill=(210, 190, 120)
    )
    draw.polygon(
        [(width * 0.42, height * 0.55), (width * 0.5, height * 0.7), (width * 0.58, height * 0.55)],
        fill=skin,
    )
    for i in range(3):  # buttons of the khaki uniform
        y = height * (0.74 + 0.08 * i)
        draw.ellipse([width * 0.49, y, width * 0.51 + 4, y + 8], fill=(230, 200, 80))
    image = image.filter(ImageFilter.SMOOTH_MORE)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
