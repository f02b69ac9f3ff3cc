from django.contrib.auth.models import Group
from django.test import TestCase

from chiangkhian import roles
from tests.base import make_user


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


class RoleGroupTests(TestCase):
    def test_the_four_roles_of_announcement_2_1_exist(self):
        self.assertEqual(
            set(Group.objects.values_list("name", flat=True)) & set(roles.ROLES),
            {"requester", "checker", "approver", "webmaster"},
        )

    def test_every_listed_permission_exists_and_is_granted(self):
        for role, names in roles.ROLE_PERMISSIONS.items():
            self.assertEqual(codenames(role), set(names), role)

    def test_no_role_changes_the_structure(self):
        """Categories and subcategories (slugs, public descriptions) are the superuser's."""
        structure = [
            f"catalog.{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("category", "subcategory")
        ]
        everyone = make_user("everyone", *roles.ROLES, *roles.ESERVICE_ROLES)
        for permission in structure:
            self.assertFalse(everyone.has_perm(permission), permission)

    def test_syncing_again_changes_nothing(self):
        before = {role: codenames(role) for role in roles.ROLES}
        roles.sync_role_permissions()
        self.assertEqual({role: codenames(role) for role in roles.ROLES}, before)
