"""Reads shared across the mentoring app: levels, and who mentors whom."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from lms.models import StaffProfile

from .models import Level, MentorAssignment, Progression


def level_of(*, user, curriculum) -> Level:
    level = (
        Progression.objects.filter(user=user, curriculum=curriculum)
        .values_list("level", flat=True)
        .first()
    )
    return Level(level if level is not None else Level.PARTICIPANT)


def active_assignments(*, mentor, on=None) -> QuerySet[MentorAssignment]:
    today = on or timezone.localdate()
    return MentorAssignment.objects.filter(mentor=mentor, starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )


def mentee_profiles(*, mentor, on=None) -> QuerySet[StaffProfile]:
    """Staff a mentor is responsible for today: people assigned to her, and the staff of
    libraries assigned to her. One query when evaluated."""
    assignments = active_assignments(mentor=mentor, on=on)
    return (
        StaffProfile.objects.filter(
            Q(user_id__in=assignments.filter(mentee__isnull=False).values("mentee_id"))
            | Q(library_id__in=assignments.filter(library__isnull=False).values("library_id"))
        )
        .exclude(user=mentor)
        .select_related("user", "library")
    )


def mentee_ids(*, mentor, on=None) -> set[int]:
    return set(mentee_profiles(mentor=mentor, on=on).values_list("user_id", flat=True))
