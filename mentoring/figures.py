"""The mentoring app's figures for monitoring (see lms.figures): how far the training
cascade reaches, and the mentoring visits and their follow-up actions.

People are counted at their current library; visits and follow-ups at the library visited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from datetime import timedelta

from django.db.models import Count as CountRows
from django.db.models import F, Min, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.figures import Count, Metric, grouped_counts, month_of

from .models import FollowUp, Level, Promotion, Tier, TrainingEdge, Visit

DONE = FollowUp.Status.DONE


def _first_per_person(
    queryset: QuerySet,
    *,
    person: str,
    key: str,
    when: str,
    regency_ids: Collection[int] | None,
) -> Iterator[Count]:
    """Each person counted once per value of `key`, in the month of their earliest `when`,
    at their current library: one query reading a row per (person, key)."""
    profile = f"{person}__staff_profile"
    queryset = queryset.filter(**{f"{profile}__library__isnull": False})
    if regency_ids is not None:
        queryset = queryset.filter(**{f"{profile}__library__regency_id__in": list(regency_ids)})
    rows = (
        queryset.values(
            person,
            group_key=F(key),
            regency_id=F(f"{profile}__library__regency_id"),
            library_kind=F(f"{profile}__library__kind"),
            gender=F(f"{profile}__gender"),
            birth_year=F(f"{profile}__birth_year"),
        )
        .annotate(first=Min(when))
        .order_by()
    )
    counts: Counter = Counter()
    for row in rows.iterator(chunk_size=5000):
        cell = (
            row["regency_id"],
            month_of(row["first"]),
            str(row["group_key"]),
            row["library_kind"] or "",
            row["gender"] or "",
            row["birth_year"],
        )
        counts[cell] += 1
    for (regency_id, month, key_value, kind, gender, birth_year), value in counts.items():
        yield Count(regency_id, month, value, key_value, kind, gender, birth_year)


def trained(regency_ids: Collection[int] | None) -> Iterator[Count]:
    yield from _first_per_person(
        TrainingEdge.objects.all(),
        person="trainee",
        key="tier",
        when="trained_on",
        regency_ids=regency_ids,
    )


def new_facilitators(regency_ids: Collection[int] | None) -> Iterator[Count]:
    yield from _first_per_person(
        Promotion.objects.all(),
        person="user",
        key="to_level",
        when="promoted_at",
        regency_ids=regency_ids,
    )


def visits(regency_ids: Collection[int] | None) -> Iterator[Count]:
    yield from grouped_counts(
        Visit.objects.all(),
        when="visited_on",
        library="library",
        key="mode",
        regency_ids=regency_ids,
    )


# A follow-up closes when it is done (done_at says when). A cancelled one, or one marked
# done with no time, has no date it closed: it is left out, as if never agreed.
_COUNTED = Q(status=FollowUp.Status.OPEN) | Q(status=DONE, done_at__isnull=False)


def followups_open(regency_ids: Collection[int] | None) -> Iterator[Count]:
    """+1 in the month of the visit that agreed it (a follow-up records no creation time;
    one added when the visit is edited later is dated by the visit too), -1 when done."""
    follow_ups = FollowUp.objects.filter(_COUNTED)
    yield from grouped_counts(
        follow_ups, when="visit__visited_on", library="visit__library", regency_ids=regency_ids
    )
    yield from grouped_counts(
        follow_ups.filter(status=DONE),
        when="done_at",
        library="visit__library",
        regency_ids=regency_ids,
        sign=-1,
    )


def followups_overdue(regency_ids: Collection[int] | None) -> Iterator[Count]:
    """+1 on the day after the due date (when it becomes overdue) for a follow-up still
    open then: open now and due before today, or done after its due date; -1 in the month
    such a late one was done. Those due today or later are not overdue yet."""
    today = timezone.localdate()
    done_late = Q(status=DONE, done_at__isnull=False, done_at__date__gt=F("due_on"))
    overdue = FollowUp.objects.filter(Q(status=FollowUp.Status.OPEN, due_on__lt=today) | done_late)
    if regency_ids is not None:
        overdue = overdue.filter(visit__library__regency_id__in=list(regency_ids))
    # Grouped by due date, then moved a day on: a follow-up due on the last day of a
    # month is overdue only from the next one.
    rows = (
        overdue.values(
            "due_on",
            regency_id=F("visit__library__regency_id"),
            library_kind=F("visit__library__kind"),
        )
        .annotate(value=CountRows("pk"))
        .order_by()
    )
    counts: Counter = Counter()
    for row in rows:
        month = month_of(row["due_on"] + timedelta(days=1))
        counts[(row["regency_id"], month, row["library_kind"] or "")] += row["value"]
    for (regency_id, month, kind), value in counts.items():
        yield Count(regency_id, month, value, library_kind=kind)
    yield from grouped_counts(
        FollowUp.objects.filter(done_late),
        when="done_at",
        library="visit__library",
        regency_ids=regency_ids,
        sign=-1,
    )


def _levels() -> dict[str, str]:
    # Nobody is promoted to participant: everyone starts there.
    return {str(value): label for value, label in Level.choices if value > Level.PARTICIPANT}


def metrics() -> list[Metric]:
    return [
        Metric(
            code="mentoring.trained",
            label=_("People trained in the cascade"),
            section="cascade",
            counts=trained,
            keys=lambda: dict(Tier.choices),
            key_label=_("Tier"),
            order=10,
            help_text=_(
                "People trained by a facilitator, by the tier of the cascade they were "
                "trained at: each person once per tier, in the month of their first training "
                "at it."
            ),
        ),
        Metric(
            code="mentoring.new_facilitators",
            label=_("People promoted"),
            section="cascade",
            counts=new_facilitators,
            keys=_levels,
            key_label=_("Level"),
            order=20,
            help_text=_(
                "People promoted to each level of a curriculum's progression: each person "
                "once per level, in the month of their first promotion to it."
            ),
        ),
        Metric(
            code="mentoring.visits",
            label=_("Mentoring visits"),
            section="mentoring",
            counts=visits,
            keys=lambda: dict(Visit.Mode.choices),
            key_label=_("Mode"),
            people=False,
            order=10,
            help_text=_("Mentoring visits, calls and online sessions, at the library mentored."),
        ),
        Metric(
            code="mentoring.followups_open",
            label=_("Follow-up actions open"),
            section="mentoring",
            counts=followups_open,
            balance=True,
            people=False,
            order=20,
            help_text=_(
                "Follow-up actions agreed at a mentoring visit and not yet done at the end "
                "of the period. Cancelled actions are left out."
            ),
        ),
        Metric(
            code="mentoring.followups_overdue",
            label=_("Follow-up actions overdue"),
            section="mentoring",
            counts=followups_overdue,
            balance=True,
            people=False,
            order=30,
            help_text=_(
                "Follow-up actions past their due date and not yet done at the end of the "
                "period. Cancelled actions are left out."
            ),
        ),
    ]
