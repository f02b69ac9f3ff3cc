"""Published content is taken down, never hard-deleted: on PostgreSQL a trigger refuses to
DELETE an item that is or was public (published, withdrawn, expired), whatever the route
(the admin, a shell, raw SQL). Drafts and merged revisions may still be deleted."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION catalog_item_no_hard_delete() RETURNS trigger AS $$
BEGIN
    IF OLD.status IN ('published', 'withdrawn', 'expired') THEN
        RAISE EXCEPTION 'catalog_item %: published content is withdrawn, never deleted', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_item_no_hard_delete
    BEFORE DELETE ON catalog_item
    FOR EACH ROW EXECUTE FUNCTION catalog_item_no_hard_delete();
"""

DROP = """
DROP TRIGGER IF EXISTS catalog_item_no_hard_delete ON catalog_item;
DROP FUNCTION IF EXISTS catalog_item_no_hard_delete();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_item_document_date")]

    operations = [migrations.RunPython(create, drop)]
