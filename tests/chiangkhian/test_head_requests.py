"""Every page that answers GET answers HEAD the same way (link checkers and monitors use HEAD)."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from publishing.models import PublicationRequest
from tests.publishing.base import WorkflowTestCase

# Views that only take a POST: HEAD is refused there as GET is.
POST_ONLY = {"publishing:mark_read", "publishing:import_confirm", "set_language"}


def our_url_names(patterns=None, namespace=""):
    """The names of the URL patterns of this project's apps (Django's admin pages excluded)."""
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace != "admin":
                names |= our_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


class HeadRequestTests(WorkflowTestCase):
    def setUp(self):
        self.pr = self.bring_to(PublicationRequest.Status.PUBLISHED)
        self.admin = type(self.requester).objects.create_superuser("root", "root@example.test")
        self.client.force_login(self.admin)

    def _urls(self):
        item, pk = self.pr.item, self.pr.pk
        sub = item.subcategory
        workflow = ["submit", "check", "return", "approve", "record_verbal", "confirm", "reject"]
        workflow += ["publish", "withdraw", "revise", "form", "form_pdf"]
        return {
            "home": "/",
            "catalog:search": reverse("catalog:search") + "?q=ภาษี",
            "catalog:category": sub.category.get_absolute_url(),
            "catalog:subcategory": sub.get_absolute_url(),
            "catalog:item": item.get_absolute_url(),
            "stats:index": reverse("stats:index"),
            "stats:survey": reverse("stats:survey"),
            "compliance:ita": reverse("compliance:ita"),
            "compliance:ita_evidence": reverse("compliance:ita_evidence"),
            "compliance:ita_evidence_csv": reverse("compliance:ita_evidence_csv"),
            "publishing:inbox": reverse("publishing:inbox"),
            "publishing:import": reverse("publishing:import"),
            "publishing:import_template": reverse("publishing:import_template"),
            **{f"publishing:{name}": reverse(f"publishing:{name}", args=[pk]) for name in workflow},
            "admin:compliance_monitoring_changelist": "/admin/compliance/monitoring/",
            "admin:compliance_due": reverse("admin:compliance_due"),
            "admin:stats_report_export": reverse("admin:stats_report_export"),
            "stats:seen": reverse("stats:seen") + "?p=/",
            "catalog:editor_jsi18n": reverse("catalog:editor_jsi18n"),
            "healthz": reverse("healthz"),
            "admin_password_reset": reverse("admin_password_reset"),
            "password_reset_done": reverse("password_reset_done"),
            "password_reset_complete": reverse("password_reset_complete"),
            "staffauth:overview": reverse("staffauth:overview"),
            **{
                f"eservices:{name}": reverse(f"eservices:{name}")
                for name in ["index", "questions", "public_cases", "statistics", "lookup"]
            },
            "eservices:statistics_csv": reverse("eservices:statistics_csv"),
            "events:index": reverse("events:index"),
            "events:feed": reverse("events:feed"),
            "events:month": reverse("events:month", args=[2569, 12]),
            "council:index": reverse("council:index"),
            "publishing:procurement_reports": reverse("publishing:procurement_reports"),
            # Issue 13: feeds, sitemap, robots.txt, the site map page.
            "catalog:feed_news_rss": reverse("catalog:feed_news_rss"),
            "catalog:feed_news_atom": reverse("catalog:feed_news_atom"),
            "catalog:feed_category_rss": reverse("catalog:feed_category_rss", args=["news"]),
            "catalog:feed_category_atom": reverse("catalog:feed_category_atom", args=["news"]),
            "sitemap": reverse("sitemap"),
            "sitemap_section": reverse("sitemap_section", args=["items"]),
            "robots_txt": reverse("robots_txt"),
            "site_map": reverse("site_map"),
        }

    def test_every_get_page_answers_head_with_the_same_status_and_no_body(self):
        for name, url in self._urls().items():
            with self.subTest(name=name, url=url):
                get = self.client.get(url)
                head = self.client.head(url)
                self.assertNotEqual(head.status_code, 405)
                self.assertEqual(head.status_code, get.status_code)
                self.assertEqual(head.get("Content-Type"), get.get("Content-Type"))
                self.assertEqual(head.content, b"")

    def test_the_list_above_covers_every_page_of_the_project(self):
        # A new view must be added here, so that nobody forgets HEAD on it.
        covered = set(self._urls()) | POST_ONLY | {"site_logo", "catalog:download"}
        covered |= {"catalog:photo", "stats:visitors"}
        # Pages that need an object or a state set up by their own tests (each is require_safe
        # or a form view taking GET, HEAD and POST): files of a request, a service's form, a
        # case's status page, the steps of the second factor, the reset link from the e-mail.
        covered |= {
            "publishing:attachment",
            "publishing:photo",
            "eservices:file",
            "eservices:track",
            "eservices:case_file",
            # An event's .ics and a council member's portrait (tests/events, tests/council).
            "events:item_ics",
            "council:photo",
        }
        covered |= {"staffauth:setup", "staffauth:verify", "staffauth:recovery_codes"}
        covered |= {"staffauth:reauth", "password_reset_confirm"}
        self.assertEqual(our_url_names() - covered, set())

    def test_a_page_refuses_methods_it_does_not_take(self):
        self.assertEqual(self.client.put(reverse("compliance:ita")).status_code, 405)
        url = reverse("publishing:approve", args=[self.pr.pk])
        self.assertEqual(self.client.delete(url).status_code, 405)
