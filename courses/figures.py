"""The courses app's figures for monitoring (see lms.figures): people who started, finished
and are still working through each curriculum.

Each counts a person once per curriculum, at their current library, whatever the number of
its courses they took: started in the month of their first enrolment in any of its courses,
trained in the month of their first completed course, in progress between the two. Only
live curricula count, the ones the dashboard can name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from datetime import datetime

from django.db.models import Count as CountRows
from django.db.models import F, Max, Min, Q
from django.utils.translation import gettext_lazy as _

from lms.figures import Count, Metric, month_of

from . import selectors
from .models import Enrollment

PERSON = "user__staff_profile"


def _curriculum_keys() -> dict[str, str]:
    return {str(pk): title for pk, title in selectors.curricula().values_list("pk", "title")}


def _per_person(regency_ids: Collection[int] | None) -> Iterator[tuple[tuple, dict]]:
    """One row per (person, curriculum) with a library: the location and person fields of
    a Count (without month and value), and the person's first enrolment, first completion,
    last withdrawal and number of active enrolments in it. Two queries."""
    curricula = list(selectors.curricula().only("pk", "path", "depth"))
    if not curricula:
        return
    ids_by_path = {curriculum.path: str(curriculum.pk) for curriculum in curricula}
    enrollments = selectors.enrollments_with_curriculum(curricula).filter(
        **{f"{PERSON}__library__isnull": False}
    )
    if regency_ids is not None:
        enrollments = enrollments.filter(
            **{f"{PERSON}__library__regency_id__in": list(regency_ids)}
        )
    rows = (
        enrollments.values(
            "user_id",
            "curriculum_path",
            regency_id=F(f"{PERSON}__library__regency_id"),
            library_kind=F(f"{PERSON}__library__kind"),
            gender=F(f"{PERSON}__gender"),
            birth_year=F(f"{PERSON}__birth_year"),
        )
        .annotate(
            first_enrolled=Min("enrolled_at"),
            first_completed=Min("completed_at"),
            last_withdrawn=Max("withdrawn_at"),
            active=CountRows("pk", filter=Q(status=Enrollment.Status.ACTIVE)),
        )
        .order_by()
    )
    for row in rows.iterator(chunk_size=5000):
        where = (
            row["regency_id"],
            ids_by_path[row["curriculum_path"]],
            row["library_kind"] or "",
            row["gender"] or "",
            row["birth_year"],
        )
        yield where, row


def _counts(events: Counter) -> Iterator[Count]:
    for (regency_id, month, key, kind, gender, birth_year), value in events.items():
        if value:
            yield Count(regency_id, month, value, key, kind, gender, birth_year)


def _tally(events: Counter, where: tuple, moment: datetime, sign: int = 1) -> None:
    regency_id, *rest = where
    events[(regency_id, month_of(moment), *rest)] += sign


def started(regency_ids: Collection[int] | None) -> Iterator[Count]:
    events: Counter = Counter()
    for where, row in _per_person(regency_ids):
        _tally(events, where, row["first_enrolled"])
    yield from _counts(events)


def completed(regency_ids: Collection[int] | None) -> Iterator[Count]:
    events: Counter = Counter()
    for where, row in _per_person(regency_ids):
        if row["first_completed"] is not None:
            _tally(events, where, row["first_completed"])
    yield from _counts(events)


def in_progress(regency_ids: Collection[int] | None) -> Iterator[Count]:
    events: Counter = Counter()
    for where, row in _per_person(regency_ids):
        _tally(events, where, row["first_enrolled"])
        if row["first_completed"] is not None:
            _tally(events, where, row["first_completed"], -1)
        elif not row["active"]:
            # Withdrawn from every course of it: no longer in progress since the last
            # withdrawal (the services always record when; the first enrolment otherwise).
            _tally(events, where, row["last_withdrawn"] or row["first_enrolled"], -1)
    yield from _counts(events)


def metrics() -> list[Metric]:
    return [
        Metric(
            code="courses.started",
            label=_("Staff who started a curriculum"),
            section="training",
            counts=started,
            keys=_curriculum_keys,
            key_label=_("Curriculum"),
            order=10,
            help_text=_(
                "People who enrolled in a course of the curriculum, counted once per "
                "curriculum in the month of their first enrolment in it."
            ),
        ),
        Metric(
            code="courses.completed",
            label=_("Staff trained"),
            section="training",
            counts=completed,
            keys=_curriculum_keys,
            key_label=_("Curriculum"),
            order=20,
            help_text=_(
                "People who completed a course of the curriculum, counted once per "
                "curriculum in the month they completed their first course of it."
            ),
        ),
        Metric(
            code="courses.in_progress",
            label=_("Staff in training"),
            section="training",
            counts=in_progress,
            keys=_curriculum_keys,
            key_label=_("Curriculum"),
            balance=True,
            order=30,
            help_text=_(
                "People who have started a curriculum but not yet completed a course of it, "
                "at the end of the period. Someone withdrawn from every course of it no "
                "longer counts."
            ),
        ),
    ]
