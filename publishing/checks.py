"""Procurement reports made from the records, as a site feature (ITA O11 and O12 evidence)."""

from django.utils.translation import gettext_lazy as _

from compliance import features

LISTINGS = ["public-info/procurement-summary", "public-info/procurement-report"]


@features.register(
    "procurement_reports_from_data",
    _("Procurement summaries generated from the published results (สขร.1, ITA O11 and O12)"),
    reads=LISTINGS,
)
def _procurement_reports(site):
    from .generated import SOURCE

    for slug in LISTINGS:
        for item in site.live_items(slug):
            if item.source == SOURCE:
                return features.Finding(present=True, url=item.get_absolute_url())
    return features.Finding(
        present=False,
        detail=_("No procurement summary generated from the records is published yet."),
    )
