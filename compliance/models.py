from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chiangkhian.thaidates import format_date

from . import chain
from .querysets import LinkCheckQuerySet, TrafficLogQuerySet


class Monitoring(models.Model):
    """No table: the webmasters' monitoring pages in the back office hang on this model.

    Its one permission, compliance.view_monitoring, opens the completeness dashboard and the
    list of items near their end or review date (announcement 3.2, 3.3).
    """

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = _("completeness dashboard")
        verbose_name_plural = _("completeness dashboard")

    def __str__(self):
        return str(self._meta.verbose_name)


class LinkCheck(models.Model):
    """The last check of one external address used by live content (announcement 1.4, 3.2)."""

    url = models.URLField(_("address"), max_length=1000, unique=True)
    items = models.ManyToManyField(
        "catalog.Item", verbose_name=_("content items"), related_name="+", blank=True
    )
    ok = models.BooleanField(_("working"), default=False)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    checked_at = models.DateTimeField(_("checked at"))
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["ok", "url"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url

    @property
    def result(self):
        """What went wrong, for a webmaster; the raw error stays in `error` for technicians."""
        if self.status_code:
            return _describe_status(self.status_code)
        if not self.error:
            return _("Working") if self.ok else ""
        text = self.error.lower()
        for needles, message in _ERRORS:
            if any(needle in text for needle in needles):
                return str(message)
        return str(_("Could not connect to the site"))


def _describe_status(code):
    if code in {404, 410}:
        return _("The page no longer exists (HTTP %(code)s)") % {"code": code}
    if code in {401, 403}:
        return _("The site refuses access (HTTP %(code)s)") % {"code": code}
    if code >= 500:
        return _("The other site has an error (HTTP %(code)s)") % {"code": code}
    return f"HTTP {code}"


# Words of the errors urllib and the socket layer give, and what they mean to a webmaster.
_ERRORS = [
    (
        ("name or service not known", "nodename", "getaddrinfo", "name resolution"),
        _("The site's name does not exist any more (DNS)"),
    ),
    (("timed out", "timeout"), _("The site did not answer in time")),
    (("refused",), _("The site refused the connection")),
    (("certificate", "ssl"), _("The site's security certificate is not valid")),
    (("reset", "aborted", "closed"), _("The connection was cut off")),
]


class ReviewDigest(models.Model):
    """The daily digest to the webmasters, recorded so that a day gets at most one."""

    day = models.DateField(_("day"), unique=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.TextField(_("recipients"), blank=True)
    ending_count = models.PositiveIntegerField(_("items near the end of publication"), default=0)
    review_count = models.PositiveIntegerField(_("items due for review"), default=0)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text sent"), blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("review digest")
        verbose_name_plural = _("review digests")

    def __str__(self):
        return format_date(self.day, "short")


class TrafficLog(models.Model):
    """One request to the site: computer traffic data kept under the Computer Crime Act.

    Computer Crime Act B.E. 2550 (amended 2560) s.26: a service provider keeps traffic data
    for at least 90 days. Rows are only ever added; `purge` (run by purge_traffic_log) is the
    one way out, and on PostgreSQL a trigger refuses any other UPDATE or DELETE.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    ip = models.GenericIPAddressField(_("source address"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=2000)
    status = models.PositiveSmallIntegerField(_("status"))
    user_agent = models.CharField(_("user agent"), max_length=500, blank=True)
    user_id = models.PositiveIntegerField(_("user ID"), null=True, blank=True)
    username = models.CharField(_("staff user"), max_length=150, blank=True)
    size = models.PositiveBigIntegerField(_("response size (bytes)"), null=True, blank=True)
    # The hash chain (tamper evidence): rows are numbered in the order they joined the chain,
    # and each holds the keyed hash of the previous row's hash and its own content.
    seq = models.BigIntegerField(_("chain position"), unique=True, null=True, editable=False)
    prev_hash = models.CharField(_("previous row's hash"), max_length=64, editable=False)
    hash = models.CharField(_("row hash"), max_length=64, editable=False)

    objects = TrafficLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("traffic log entry")
        verbose_name_plural = _("traffic log (Computer Crime Act)")

    def __str__(self):
        return f"{format_date(self.at, 'datetime')} {self.method} {self.path}"

    def save(self, *args, **kwargs):
        # Append-only: a row that exists can never be saved again.
        if not self._state.adding:
            raise TrafficLogIsAppendOnly
        with chain.appending(TrafficLog.objects.db):
            chain.link([self])
            super().save(*args, **kwargs)

    def content_for_hash(self):
        """The row's content as the chain hashes it (stable across databases)."""
        return chain.canonical(self)

    def delete(self, *args, **kwargs):
        raise TrafficLogIsAppendOnly


class TrafficLogIsAppendOnly(Exception):
    def __init__(self):
        super().__init__(
            "The traffic log is append-only (Computer Crime Act s.26); "
            "rows leave it only through purge_traffic_log."
        )
