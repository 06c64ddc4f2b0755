"""Managing mentoring assignments: who may list and end them (visits.py creates them)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import roles

from ..models import MentorAssignment

ASSIGNMENT_END_NOT_ALLOWED = _(
    "Only a programme admin or the mentor herself may end this assignment."
)
ASSIGNMENT_ALREADY_ENDED = _("This assignment has already ended.")
ASSIGNMENT_NOT_STARTED = _(
    "This assignment has not started yet, so it cannot end today. Ask a programme admin to "
    "correct its dates."
)
MANAGE_NOT_ALLOWED = _("Only programme admins and mentors manage mentoring assignments.")


def can_manage_assignments(user) -> bool:
    return roles.is_programme_admin(user) or roles.is_mentor(user)


def assignments_manageable_by(
    *, user, regency=None, on: datetime.date | None = None
) -> QuerySet[MentorAssignment]:
    """The assignments `user` may manage, current ones first, then by start date (newest
    first): programme admins all of them (or those of `regency`, by the library assigned or
    the person's library), a mentor her own. One query when evaluated."""
    today = on or timezone.localdate()
    if roles.is_programme_admin(user):
        assignments = MentorAssignment.objects.all()
        if regency is not None:
            assignments = assignments.filter(
                Q(library__regency=regency) | Q(mentee__staff_profile__library__regency=regency)
            )
    elif roles.is_mentor(user):
        assignments = MentorAssignment.objects.filter(mentor=user)
    else:
        assignments = MentorAssignment.objects.none()
    return (
        assignments.select_related("mentor", "library__regency", "mentee__staff_profile__library")
        .annotate(
            is_past=Case(
                When(ends_on__lt=today, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("is_past", "-starts_on", "-pk")
    )


def _may_end(*, user, assignment: MentorAssignment) -> bool:
    if roles.is_programme_admin(user):
        return True
    return roles.is_mentor(user) and assignment.mentor_id == user.pk


@transaction.atomic
def assignment_end(
    *, assignment: MentorAssignment, ended_by, on: datetime.date | None = None
) -> MentorAssignment:
    """Ends an assignment today (or `on`): the mentor no longer covers its library or person
    after that day. A programme admin may end any assignment, a mentor her own."""
    if not _may_end(user=ended_by, assignment=assignment):
        raise PermissionDenied(ASSIGNMENT_END_NOT_ALLOWED)
    today = on or timezone.localdate()
    assignment = MentorAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.ends_on is not None and assignment.ends_on <= today:
        raise ValidationError(ASSIGNMENT_ALREADY_ENDED)
    if assignment.starts_on > today:
        raise ValidationError(ASSIGNMENT_NOT_STARTED)
    assignment.ends_on = today
    assignment.full_clean()
    assignment.save(update_fields=["ends_on"])
    return assignment
