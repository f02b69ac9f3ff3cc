from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .images import clean_logo as _clean_logo


def pick_language(thai, english):
    """The English text when the page is in English and one exists; Thai otherwise."""
    if english and (get_language() or "th").startswith("en"):
        return english
    return thai


# The national numbers every Thai municipality shows (a new profile starts with them).
NATIONAL_HOTLINES = [
    {"name_th": "เจ็บป่วยฉุกเฉิน", "name_en": "Medical emergency", "number": "1669"},
    {"name_th": "แจ้งเหตุเพลิงไหม้", "name_en": "Fire", "number": "199"},
    {"name_th": "แจ้งเหตุด่วนเหตุร้าย (ตำรวจ)", "name_en": "Police", "number": "191"},
    {"name_th": "สายด่วนนิรภัย (ปภ.)", "name_en": "Disaster prevention", "number": "1784"},
]


def _valid_hotlines(rows):
    if not isinstance(rows, list):
        return False
    for row in rows:
        if not isinstance(row, dict) or not row.get("name_th"):
            return False
        number = str(row.get("number", ""))
        if not number or not all(c.isdigit() or c in "- " for c in number):
            return False
    return True


def default_hotlines():
    return [dict(row) for row in NATIONAL_HOTLINES]


class Unit(models.Model):
    """An organisational unit of the municipality (สำนักปลัด, กองคลัง, กองช่าง, ...)."""

    code = models.SlugField(_("code"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name_th"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name_th

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)


class User(AbstractUser):
    """A staff member or administrator. Citizens do not log in."""

    name_prefix = models.CharField(
        _("name prefix"), max_length=50, blank=True, help_text=_("นาย, นาง, นางสาว, ...")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta(AbstractUser.Meta):
        verbose_name = _("staff user")
        verbose_name_plural = _("staff users")

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        # Thai names carry their prefix with no space: นางสาวอาทิตยา วราห์วิโรจน์.
        return f"{self.name_prefix}{super().get_full_name()}".strip()

    def has_role(self, role):
        return self.groups.filter(name=role).exists()


class Municipality(models.Model):
    """The one profile of the local government that runs this site.

    Everything about a particular municipality lives here (and in the demo data), never in
    code or templates, so another local government can install the same software.
    """

    class Kind(models.TextChoices):
        CITY = "city", _("City Municipality")
        TOWN = "town", _("Town Municipality")
        SUBDISTRICT = "subdistrict", _("Subdistrict Municipality")
        SAO = "sao", _("Subdistrict Administrative Organization")
        PAO = "pao", _("Provincial Administrative Organization")

    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("type of local government"), max_length=20, choices=Kind.choices)
    tagline_th = models.CharField(_("motto (Thai)"), max_length=300, blank=True)
    tagline_en = models.CharField(_("motto (English)"), max_length=300, blank=True)
    address_th = models.TextField(_("address (Thai)"))
    address_en = models.TextField(_("address (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=100)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)
    # Social channels (ITA O3: a social channel beside the address, phone and e-mail).
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    tiktok_url = models.URLField(_("TikTok account"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    # Numbers a citizen may need at once, shown on every page: the national ones and the
    # municipality's own (fire, disaster relief). Data, so another municipality sets its own.
    hotlines = models.JSONField(
        _("emergency and hotline numbers"),
        default=default_hotlines,
        blank=True,
        help_text=_(
            'A list such as [{"name_th": "เจ็บป่วยฉุกเฉิน", "name_en": "Medical emergency", '
            '"number": "1669"}], in the order shown.'
        ),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    logo = models.ImageField(_("logo"), upload_to="site/", blank=True)
    chief_executive_name = models.CharField(_("chief executive (name)"), max_length=200)
    chief_executive_position = models.CharField(_("chief executive (position)"), max_length=200)
    # Announcement 2.1: the officials who hold the publishing roles. The role groups give
    # the rights; these fields record the appointment that the request form names.
    approver = models.ForeignKey(
        User,
        verbose_name=_("approver (Palat or acting Palat)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checker = models.ForeignKey(
        User,
        verbose_name=_("information checker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    webmasters = models.ManyToManyField(
        User, verbose_name=_("webmasters"), blank=True, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[webmasters])

    class Meta:
        verbose_name = _("municipality profile")
        verbose_name_plural = _("municipality profile")

    def __str__(self):
        return self.name_th

    def clean(self):
        if not self.pk and Municipality.objects.exists():
            raise ValidationError(_("There is already a municipality profile; edit that one."))
        if not _valid_hotlines(self.hotlines):
            raise ValidationError(
                {
                    "hotlines": _(
                        "Give a list of numbers, each with name_th and a number of digits "
                        "and dashes only."
                    )
                }
            )
        if self.logo and not getattr(self.logo, "_committed", True):
            self.logo = ContentFile(_clean_logo(self.logo), name="logo.png")

    @classmethod
    def current(cls):
        """The profile, or None on a site that has not been set up yet."""
        return cls.objects.first()

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def tagline(self):
        return pick_language(self.tagline_th, self.tagline_en)

    @property
    def address(self):
        return pick_language(self.address_th, self.address_en)

    @property
    def council_name(self):
        """สภาเทศบาลตำบล… for a municipality, สภาองค์การบริหารส่วนตำบล… for an SAO."""
        if (get_language() or "th").startswith("en") and self.name_en:
            return f"{self.name_en} Council"
        return f"สภา{self.name_th}"

    @property
    def social_channels(self):
        """[(name, address)] of the channels the municipality has, in a fixed order."""
        channels = [
            ("Facebook", self.facebook_url),
            ("LINE", self.line_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
        ]
        return [(name, url) for name, url in channels if url]

    @property
    def hotline_list(self):
        """[(name, number)] in the page's language, skipping malformed rows."""
        rows = self.hotlines if isinstance(self.hotlines, list) else []
        return [
            (pick_language(row.get("name_th", ""), row.get("name_en", "")), str(row["number"]))
            for row in rows
            if isinstance(row, dict) and row.get("number")
        ]

    @property
    def map_url(self):
        # A plain link: no map script or tile is fetched by our pages.
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"


class PublicHoliday(models.Model):
    """A day the government offices are closed (วันหยุดราชการ), national: set by the cabinet.

    Data, not code: the cabinet announces each year's list (and extra days off) late in the
    year before; webmasters add them in the back office. Working-day deadlines skip them
    (chiangkhian.workdays).
    """

    date = models.DateField(_("date"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name_th}"

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)
