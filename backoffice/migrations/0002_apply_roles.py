"""Create the role groups and grant them the permissions of backoffice.roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def apply_roles(apps, schema_editor):
    from backoffice.roles import sync_roles

    # Permissions are normally created after all migrations; create them now
    # so the groups can be given theirs.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps=apps, strict=False, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from backoffice.roles import ROLES

    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("backoffice", "0001_initial"),
        ("hr", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, remove_roles)]
