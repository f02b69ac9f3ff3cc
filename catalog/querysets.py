import datetime

from django.db import models
from django.utils import timezone


def live_filter(now=None, prefix=""):
    """The live() rule as a Q object, for filters across a relation (prefix 'items__')."""
    now = now or timezone.now()
    return models.Q(**{f"{prefix}status": "published", f"{prefix}publish_at__lte": now}) & (
        models.Q(**{f"{prefix}expire_at__isnull": True})
        | models.Q(**{f"{prefix}expire_at__gt": now})
    )


class ItemQuerySet(models.QuerySet):
    def live(self, now=None):
        """What citizens see: published, its publication date reached, its period not ended."""
        return self.filter(live_filter(now))

    def expired(self, now=None):
        """Still marked published but past the end of their period: to be taken down formally."""
        now = now or timezone.now()
        return self.filter(status=self.model.Status.PUBLISHED, expire_at__lte=now)

    def due_for_review(self, now=None, within=None):
        """Live items whose end or review date falls within `within` (a timedelta) from now."""
        now = now or timezone.now()
        horizon = now + within if within is not None else now
        return self.live(now).filter(
            models.Q(expire_at__lte=horizon) | models.Q(review_at__lte=horizon.date())
        )

    def policy_pages(self, now=None):
        """The live policy pages (privacy, cookies, ...), the newest of each, in footer order."""
        from .models import Subcategory

        codes = Subcategory.POLICY_CODES
        newest = {}
        for item in (
            self.live(now)
            .filter(subcategory__code__in=codes)
            .select_related("subcategory__category")
            .order_by("-publish_at", "-pk")
        ):
            newest.setdefault(item.subcategory.code, item)
        return [newest[code] for code in codes if code in newest]

    def with_details(self):
        """Everything a listing or an item page shows, in a fixed number of queries."""
        from .models import DETAIL_ACCESSORS

        return self.select_related(
            "subcategory__category", "owner_unit", *DETAIL_ACCESSORS.values()
        ).prefetch_related("attachments", "photos")

    def news(self, *kinds):
        """Live news of the given kinds (NewsDetail.NewsKind values), newest first."""
        return self.live().filter(kind="news", newsdetail__news_kind__in=kinds)

    def matching(self, text):
        """Items whose title, summary or content contains every word of `text` (Thai or English).

        Plain substring matching: Thai is written without spaces, so a word typed by a citizen
        is found inside longer runs of text without a tokenizer or a search index.
        """
        for word in text.split()[:8]:
            self = self.filter(
                models.Q(title_th__icontains=word)
                | models.Q(title_en__icontains=word)
                | models.Q(summary_th__icontains=word)
                | models.Q(summary_en__icontains=word)
                | models.Q(body_th__icontains=word)
                | models.Q(body_en__icontains=word)
            )
        return self

    def in_year(self, buddhist_year):
        """Published in a Buddhist Era year (2568 = 2025), in the site's time zone."""
        year = int(buddhist_year) - 543
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, 1, 1, tzinfo=tz)
        end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
        return self.filter(publish_at__gte=start, publish_at__lt=end)


HOME_SECTIONS = [
    "latest_news",
    "alerts",
    "jobs",
    "procurements",
    "citizen_manuals",
    "e_services",
    "executives",
]


def home_sections(now=None):
    """What the home page shows, each a bounded list of live content (one query each)."""
    from .models import Item, ManualDetail, Person, ProcurementDetail

    live = Item.objects.live(now).select_related("subcategory__category")
    news = live.filter(kind="news").select_related("newsdetail")
    return {
        "latest_news": news.filter(
            newsdetail__news_kind__in=["general", "activity"]
        ).prefetch_related("photos")[:6],
        "alerts": news.filter(newsdetail__news_kind="alert")[:3],
        "jobs": news.filter(newsdetail__news_kind="job")[:3],
        "procurements": live.filter(
            kind="procurement",
            procurementdetail__stage=ProcurementDetail.Stage.ANNOUNCEMENT,
        ).select_related("procurementdetail")[:5],
        "citizen_manuals": live.filter(
            kind="manual", manualdetail__manual_type=ManualDetail.ManualType.CITIZEN
        ).order_by("title_th")[:8],
        "e_services": live.filter(kind="link", linkdetail__link_type="e_service")
        .select_related("linkdetail")
        .order_by("title_th")[:8],
        "executives": Person.objects.filter(on_home_page=True, item__in=Item.objects.live(now))
        .select_related("photo")
        .order_by("item_id", "order", "pk")[:6],
    }
