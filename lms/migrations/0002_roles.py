"""Creates the programme's four role groups with their starting permissions."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "Peserta": [],
    "Pendamping": [],
    "Pelatih": [("wagtailadmin", "access_admin")],
    "Admin Program": [
        ("wagtailadmin", "access_admin"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "view_user"),
        *[
            ("lms", f"{action}_{model}")
            for model in ("province", "regency", "library", "staffprofile", "rosterimport")
            for action in ("add", "change", "delete", "view")
        ],
    ],
}


def create_role_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now so groups get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
