"""The four workflow roles of announcement 2.1, as Django groups, and their permissions.

The groups themselves are created by a migration; their permissions are synced after every
migrate from ROLE_PERMISSIONS, so a later app's new permission reaches its role in the same
change that adds it. Object-level limits (own unit, some categories) come from guardian.
"""

REQUESTER = "requester"
CHECKER = "checker"
APPROVER = "approver"
WEBMASTER = "webmaster"
ROLES = [REQUESTER, CHECKER, APPROVER, WEBMASTER]
# E-services (announcement 1.9, eservices/): handling citizens' cases, beside the four above.
CASE_OFFICER = "case_officer"  # handles the cases of their own unit
UNIT_HEAD = "unit_head"  # head of a unit: handles its cases and is reminded of deadlines
# The designated recipients of corruption reports (when the group is empty: the approver).
CORRUPTION_RECIPIENT = "corruption_recipient"
ESERVICE_ROLES = [CASE_OFFICER, UNIT_HEAD, CORRUPTION_RECIPIENT]
ESERVICE_HANDLING = [
    "eservices.view_service",
    "eservices.view_case",
    "eservices.handle_case",
]

# Everything an item is made of, read-only; editing rights follow the item (catalog.permissions).
CATALOG_VIEW = [
    f"catalog.view_{model}"
    for model in [
        "item",
        "attachment",
        "photo",
        "lawdetail",
        "knowledgedetail",
        "linkdetail",
        "manualdetail",
        "manualstep",
        "manualdocument",
        "newsdetail",
        "procurementdetail",
        "councildetail",
        "procurementbid",
        "person",
    ]
]

# app_label.codename; each app adds its permissions here in the change that creates them.
ROLE_PERMISSIONS = {
    # Editing one's own draft is an object permission (django-guardian), granted when it
    # is filed or returned and removed on submit: no role holds change_publicationrequest.
    REQUESTER: [
        "catalog.view_category",
        "catalog.view_subcategory",
        # Content enters only through a publication request, whose draft item the requester
        # may then view and change (per-object rights, publishing.transitions).
        "publishing.view_publicationrequest",
        "publishing.add_publicationrequest",
        "publishing.submit_publicationrequest",
    ],
    CHECKER: [
        "catalog.view_category",
        "catalog.view_subcategory",
        *CATALOG_VIEW,
        "publishing.view_publicationrequest",
        "publishing.check_publicationrequest",
        # The head of the Palat's office relays the Palat's urgent verbal approval (2.2.1).
        "publishing.record_verbal_approval",
    ],
    APPROVER: [
        "catalog.view_category",
        "catalog.view_subcategory",
        *CATALOG_VIEW,
        "publishing.view_publicationrequest",
        "publishing.approve_publicationrequest",
        "publishing.record_verbal_approval",
        # The Palat's overview of overdue cases (no personal data unless they handle a case).
        "eservices.view_service",
        "eservices.view_case",
        "eservices.oversee_cases",
        # PDPA: who opened which citizen's personal data, and when.
        "eservices.view_personaldataview",
    ],
    WEBMASTER: [
        # Read only: the structure (categories, subcategories, their slugs and public
        # descriptions) is changed by a superuser alone (issue 11, least privilege), so a
        # webmaster limited to some categories cannot widen that limit through it.
        "catalog.view_category",
        "catalog.view_subcategory",
        # No add/change on items: webmasters publish what was requested, checked and approved;
        # they do not write or edit content themselves (separation of duties, 2.1).
        *CATALOG_VIEW,
        # announcement 1.10: visitor and satisfaction reports, comments, CSV export.
        "stats.view_report",
        # Announcement 3.2-3.4: the webmasters' monitoring pages and records.
        "compliance.view_monitoring",
        "compliance.view_linkcheck",
        "compliance.view_reviewdigest",
        "compliance.view_trafficlog",
        "publishing.view_publicationrequest",
        "publishing.publish_publicationrequest",
        "publishing.withdraw_publicationrequest",
        # Moving an old website in (issue 13): the webmaster files the batch as one request,
        # which a checker checks, an approver approves and another webmaster publishes.
        "publishing.import_items",
        # Announcement 1.9: the webmasters set up the online services.
        "eservices.view_service",
        "eservices.add_service",
        "eservices.change_service",
        # Q&A answers reach the public site only when a webmaster publishes them.
        "eservices.view_case",
        "eservices.publish_answer",
        # Working-day deadlines skip the public holidays; the cabinet sets them each year.
        "chiangkhian.view_publicholiday",
        "chiangkhian.add_publicholiday",
        "chiangkhian.change_publicholiday",
        # The local council's members (not publications: a term ends, it is not deleted).
        "council.view_councilmember",
        "council.add_councilmember",
        "council.change_councilmember",
    ],
    CASE_OFFICER: ESERVICE_HANDLING,
    UNIT_HEAD: ESERVICE_HANDLING,
    CORRUPTION_RECIPIENT: [
        "eservices.view_service",
        "eservices.view_case",
        "eservices.receive_corruption_report",
    ],
}


def sync_role_permissions(sender=None, using="default", **kwargs):
    """Give each role group exactly the permissions ROLE_PERMISSIONS lists (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = []
        for name in names:
            app_label, codename = name.split(".")
            wanted.extend(
                Permission.objects.using(using).filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(wanted)
