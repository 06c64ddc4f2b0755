"""Who may write which curriculum: each curriculum's author group, granted by programme admins.

A curriculum's authors are the members of one Django group, named "Penulis kurikulum
#<curriculum id>: <title>". The id in the name is the stable key (titles change; the
title part is renamed to follow). The group may add and change pages under its
curriculum but not publish them: trainers submit their changes to the "Persetujuan
Admin Program" workflow (migration courses.0002) and a programme admin approves them.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page

from lms.roles import GROUP_NAMES, Role, is_programme_admin, is_trainer

from .models import CurriculumPage

AUTHORS_GROUP_PREFIX = "Penulis kurikulum #"
# What an author may do on her curriculum and every page under it; publishing is not one.
AUTHOR_PAGE_ACTIONS = ("add", "change")

GRANT_NOT_ALLOWED = _("Only programme admins may choose who writes a curriculum.")
GRANT_NOT_A_TRAINER = _("Only people with the trainer role can be given a curriculum to write.")

_GROUP_NAME_MAX = Group._meta.get_field("name").max_length


def _group_key(curriculum_id: int) -> str:
    # The colon ends the id, so "#1:" never matches the group of curriculum 12.
    return f"{AUTHORS_GROUP_PREFIX}{curriculum_id}:"


def authors_group_name(curriculum: Page) -> str:
    return Truncator(f"{_group_key(curriculum.pk)} {curriculum.title}").chars(_GROUP_NAME_MAX)


def curriculum_id_of_group(name: str) -> int | None:
    """The curriculum an author group belongs to, read from its name."""
    if not name.startswith(AUTHORS_GROUP_PREFIX):
        return None
    number = name[len(AUTHORS_GROUP_PREFIX) :].partition(":")[0]
    return int(number) if number.isdigit() else None


def _find_authors_group(curriculum: Page) -> Group | None:
    return Group.objects.filter(name__startswith=_group_key(curriculum.pk)).first()


def _require_programme_admin(user) -> None:
    if not is_programme_admin(user):
        raise PermissionDenied(GRANT_NOT_ALLOWED)


# Services


@transaction.atomic
def curriculum_authors_group(*, curriculum: CurriculumPage) -> Group:
    """The curriculum's author group, created with admin access and add/change on its pages."""
    name = authors_group_name(curriculum)
    group = _find_authors_group(curriculum)
    if group is None:
        group = Group.objects.create(name=name)
    elif group.name != name:
        group.name = name  # the curriculum was renamed
        group.save(update_fields=["name"])
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=[f"{action}_page" for action in AUTHOR_PAGE_ACTIONS],
    )
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=curriculum.pk, permission=permission
        )
    return group


@transaction.atomic
def curriculum_grant(*, curriculum: CurriculumPage, trainer, granted_by) -> Group:
    """Lets a trainer write a curriculum (her changes still need a programme admin's approval).

    Raises PermissionDenied unless `granted_by` is a programme admin, and ValidationError
    unless `trainer` holds the trainer role. Granting twice changes nothing.
    """
    _require_programme_admin(granted_by)
    if not is_trainer(trainer):
        raise ValidationError(GRANT_NOT_A_TRAINER, code="not_a_trainer")
    group = curriculum_authors_group(curriculum=curriculum)
    trainer.groups.add(group)
    return group


@transaction.atomic
def curriculum_revoke(*, curriculum: CurriculumPage, trainer, revoked_by) -> None:
    """Stops a trainer writing a curriculum; her drafts and revisions stay with the pages."""
    _require_programme_admin(revoked_by)
    group = _find_authors_group(curriculum)
    if group is not None:
        trainer.groups.remove(group)


# Selectors


def curricula_for_trainer(*, user) -> QuerySet[CurriculumPage]:
    """The curricula `user` may write, through her author groups, in one query."""
    if not user.is_authenticated:
        return CurriculumPage.objects.none()
    return (
        CurriculumPage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__group__name__startswith=AUTHORS_GROUP_PREFIX,
            group_permissions__permission__codename="change_page",
        )
        .distinct()
        .order_by("path")
    )


def trainers() -> QuerySet:
    """Active accounts holding the trainer role, by name: the people a curriculum can go to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=GROUP_NAMES[Role.TRAINER])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class CurriculumAuthors:
    curriculum: CurriculumPage
    authors: list


def curricula_with_authors() -> list[CurriculumAuthors]:
    """Every curriculum in tree order with the people who write it, in three queries."""
    curricula = list(CurriculumPage.objects.order_by("path"))
    people = get_user_model().objects.order_by("first_name", "last_name", "username")
    groups = Group.objects.filter(name__startswith=AUTHORS_GROUP_PREFIX).prefetch_related(
        Prefetch("user_set", queryset=people)
    )
    authors_by_curriculum: dict[int, list] = {}
    for group in groups:
        curriculum_id = curriculum_id_of_group(group.name)
        if curriculum_id is not None:
            authors_by_curriculum.setdefault(curriculum_id, []).extend(group.user_set.all())
    return [
        CurriculumAuthors(curriculum, authors_by_curriculum.get(curriculum.pk, []))
        for curriculum in curricula
    ]
