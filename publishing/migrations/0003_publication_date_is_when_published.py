"""Existing content: the publication date shown becomes when it really went online.

Before this, an item's publish_at was the start the requester typed, which could be in the
past (a backdated announcement looked published before anyone published it). For every item
that went online, the start its requests asked for is kept on the request
(requested_publish_at), and an item whose publish_at is before the moment it went online
(Item.published_at) gets that moment, with a history record saying why. Items scheduled for
later, drafts and merged revisions are left as they are.
"""

from django.db import migrations, models
from django.utils import timezone

REASON = "Publication date set to when it went online (announcement 2.2)"


def forwards(apps, schema_editor):
    Item = apps.get_model("catalog", "Item")
    HistoricalItem = apps.get_model("catalog", "HistoricalItem")
    PublicationRequest = apps.get_model("publishing", "PublicationRequest")
    requests = PublicationRequest.objects.filter(
        published_at__isnull=False, requested_publish_at__isnull=True
    ).select_related("item")
    for pr in requests:
        pr.requested_publish_at = pr.item.publish_at
        pr.save(update_fields=["requested_publish_at"])
    backdated = Item.objects.filter(
        published_at__isnull=False, publish_at__lt=models.F("published_at")
    )
    now = timezone.now()
    fields = [field.attname for field in Item._meta.concrete_fields]
    for item in backdated:
        item.publish_at = item.published_at
        Item.objects.filter(pk=item.pk).update(publish_at=item.publish_at)
        HistoricalItem.objects.create(
            **{name: getattr(item, name) for name in fields},
            history_date=now,
            history_type="~",
            history_change_reason=REASON,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0008_publish_at_means_real_publication"),
        ("publishing", "0002_requested_publish_at"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
