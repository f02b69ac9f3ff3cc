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

    def test_only_webmasters_may_change_categories(self):
        webmaster = make_user("web", roles.WEBMASTER)
        requester = make_user("req", roles.REQUESTER)
        self.assertTrue(webmaster.has_perm("catalog.change_subcategory"))
        self.assertFalse(requester.has_perm("catalog.change_subcategory"))
        self.assertFalse(requester.has_perm("catalog.delete_category"))

    def test_syncing_again_changes_nothing(self):
        before = {role: codenames(role) for role in roles.ROLES}
        roles.sync_role_permissions()
        self.assertEqual({role: codenames(role) for role in roles.ROLES}, before)
