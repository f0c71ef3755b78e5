from django.apps import apps
from django.contrib.auth.models import Group, Permission

from backoffice import roles


def test_every_role_group_exists_with_exactly_the_permissions_of_the_table(db):
    for name, codes in roles.ROLES.items():
        group = Group.objects.get(name=name)
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        if codes == roles.ALL_PERMISSIONS:
            assert len(held) == Permission.objects.count()
        else:
            assert held == set(codes), name


def test_every_permission_named_in_the_table_exists(db):
    # strict sync raises on a permission that no model defines
    roles.sync_roles(apps=apps, strict=True)


def test_sync_repairs_a_group_changed_by_hand(db):
    hr = Group.objects.get(name=roles.HR)
    hr.permissions.clear()
    hr.permissions.add(Permission.objects.get(codename="delete_employee"))
    roles.sync_roles(apps=apps)
    codes = set(hr.permissions.values_list("codename", flat=True))
    assert "delete_employee" not in codes
    assert "view_employee" in codes
