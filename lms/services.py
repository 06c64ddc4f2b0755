"""Writes of the library network and its people: the staff roster import."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import roster
from .models import RosterImport, StaffProfile
from .roles import forget_roles, is_programme_admin, role_groups

ROSTER_NOT_ALLOWED = _("Only programme admins may import a staff roster.")
ROSTER_ALREADY_APPLIED = _("This roster was already imported; nothing was changed.")

_USER_FIELDS = ["first_name", "last_name", "email"]
_PROFILE_FIELDS = ["library", "position", "gender", "birth_year", "phone", "updated_at"]
_PROFILE_KEYS = {"library", "position", "gender", "birth_year", "phone"}


class RosterAlreadyApplied(Exception):
    """The roster import was applied before: applying it again would do nothing."""

    def __init__(self, roster_import: RosterImport):
        super().__init__(str(ROSTER_ALREADY_APPLIED))
        self.roster_import = roster_import


def _require_programme_admin(user) -> None:
    if not is_programme_admin(user):
        raise PermissionDenied(ROSTER_NOT_ALLOWED)


def roster_import_preview(*, uploaded_by, filename: str, content: bytes) -> RosterImport:
    """Checks a roster and keeps it for confirmation; the plan is on `.plan` for the preview.

    Raises roster.RosterError (and keeps nothing) when the file or any row is bad.
    """
    _require_programme_admin(uploaded_by)
    plan = roster.plan_roster(filename=filename, content=content, editor=uploaded_by)
    roster_import = RosterImport(
        uploaded_by=uploaded_by,
        filename=filename[:255],
        content=content,
        row_count=len(plan.rows),
    )
    roster_import.full_clean()
    roster_import.save()
    roster_import.plan = plan
    return roster_import


@transaction.atomic
def roster_import_apply(*, roster_import: RosterImport, applied_by) -> RosterImport:
    """Imports a previewed roster, all rows or none, at most once.

    The stored file is checked again, since accounts or libraries may have changed
    since the preview; roster.RosterError then rolls everything back. A roster that was
    already applied raises RosterAlreadyApplied.
    """
    _require_programme_admin(applied_by)
    # The row lock makes a double click wait for the first import, then see it applied.
    locked = RosterImport.objects.select_for_update().get(pk=roster_import.pk)
    if locked.status == RosterImport.Status.APPLIED:
        raise RosterAlreadyApplied(locked)
    plan = roster.plan_roster(
        filename=locked.filename, content=bytes(locked.content), editor=applied_by
    )
    staff_roster_upsert(rows=plan.rows)
    locked.status = RosterImport.Status.APPLIED
    locked.row_count = len(plan.rows)
    locked.created_count = plan.new_count
    locked.updated_count = plan.update_count
    locked.unchanged_count = plan.unchanged_count
    locked.applied_at = timezone.now()
    locked.save()
    locked.plan = plan
    forget_roles(applied_by)
    return locked


def _new_user(row: roster.RosterRow):
    user = get_user_model()(username=row.username, first_name=row.name, email=row.email)
    # Admins set a password later, or the person uses password reset with their email.
    user.set_unusable_password()
    user.full_clean(validate_unique=False, validate_constraints=False)
    return user


def _fill_profile(profile: StaffProfile, row: roster.RosterRow, now) -> StaffProfile:
    profile.library = row.library
    profile.position = row.position
    profile.gender = row.gender
    profile.birth_year = row.birth_year
    if row.phone:  # a blank cell never erases a number someone entered
        profile.phone = row.phone
    profile.updated_at = now
    profile.full_clean(exclude=["user", "library"], validate_unique=False)
    return profile


@transaction.atomic
def staff_roster_upsert(*, rows: Sequence[roster.RosterRow]) -> None:
    """Creates or updates the accounts, staff profiles and role groups of checked rows.

    Rows come from roster.plan_roster, which validated every value against the models
    and the database; writes are batched so a 5,000-row roster stays a few queries.
    Unchanged rows are not touched; role groups are added, never removed.
    """
    User = get_user_model()
    groups = role_groups()
    now = timezone.now()
    changing = [row for row in rows if row.action != roster.Action.UNCHANGED]

    new_users = {row.number: _new_user(row) for row in changing if row.user is None}
    created = User.objects.bulk_create(new_users.values(), batch_size=500)
    if any(user.pk is None for user in created):  # backends that return no ids
        ids = dict(
            User.objects.filter(username__in=[u.username for u in created]).values_list(
                "username", "pk"
            )
        )
        for user in created:
            user.pk = ids[user.username]

    changed_users, new_profiles, changed_profiles, memberships = [], [], [], []
    for row in changing:
        user = row.user or new_users[row.number]
        if {"name", "email"} & set(row.changed):
            # The roster's name is the full name: it replaces first and last name alike.
            user.first_name, user.last_name = row.name, ""
            user.email = row.email or user.email
            changed_users.append(user)
        if row.profile is None:
            new_profiles.append(_fill_profile(StaffProfile(user=user), row, now))
        elif _PROFILE_KEYS & set(row.changed):
            changed_profiles.append(_fill_profile(row.profile, row, now))
        memberships.append(User.groups.through(user_id=user.pk, group_id=groups[row.role].pk))

    User.objects.bulk_update(changed_users, _USER_FIELDS, batch_size=500)
    StaffProfile.objects.bulk_create(new_profiles, batch_size=500)
    StaffProfile.objects.bulk_update(changed_profiles, _PROFILE_FIELDS, batch_size=500)
    User.groups.through.objects.bulk_create(memberships, batch_size=500, ignore_conflicts=True)
