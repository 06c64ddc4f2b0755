"""Gives programme admins the page tree and trainers the media library, and makes admins approve."""

from django.db import migrations

ADMIN_GROUP = "Admin Program"
TRAINER_GROUP = "Pelatih"
PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
COLLECTION_PERMISSIONS = {
    ADMIN_GROUP: [
        (app_label, f"{action}_{model}")
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in ("add", "change", "choose")
    ],
    TRAINER_GROUP: [
        (app_label, f"{action}_{model}")
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in ("add", "choose")
    ],
}
WORKFLOW_NAME = "Persetujuan Admin Program"
TASK_NAME = "Disetujui Admin Program"
# The workflow Wagtail's own migrations put on the root page; ours replaces it there.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def _create_permissions(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now so groups get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def _roots(apps):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    return Page.objects.get(depth=1), Collection.objects.get(depth=1)


def grant_programme_permissions(apps, schema_editor):
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page, root_collection = _roots(apps)
    admins = Group.objects.get(name=ADMIN_GROUP)
    for action in PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=admins,
            page=root_page,
            permission=_permission(apps, "wagtailcore", f"{action}_page"),
        )
    for group_name, wanted in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for app_label, codename in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, codename),
            )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=content_type, active=True
        )
    task.groups.set([admins])
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def revoke_programme_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")

    root_page, root_collection = _roots(apps)
    GroupPagePermission.objects.filter(
        group__name=ADMIN_GROUP,
        page=root_page,
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=[f"{action}_page" for action in PAGE_ACTIONS],
    ).delete()
    for group_name, wanted in COLLECTION_PERMISSIONS.items():
        for app_label, codename in wanted:
            GroupCollectionPermission.objects.filter(
                group__name=group_name,
                collection=root_collection,
                permission__content_type__app_label=app_label,
                permission__codename=codename,
            ).delete()

    # Workflow states that used ours go with it (they cascade), as they would in the admin.
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if default is not None:
        WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": default})


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("lms", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(grant_programme_permissions, revoke_programme_permissions),
    ]
