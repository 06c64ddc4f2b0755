"""Builders for lineage tests: people, training edges and cohorts, in bulk where it counts."""

import itertools
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from lms.models import StaffProfile
from mentoring.models import (
    Cohort,
    CohortFacilitator,
    Level,
    Progression,
    Promotion,
    Tier,
    TrainingEdge,
)

_seq = itertools.count(1)


def people(count: int, *, library=None, prefix: str = "Orang") -> list:
    """`count` accounts with unusable passwords and staff profiles, in two bulk inserts."""
    batch = next(_seq)
    unusable = make_password(None)
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(
                username=f"lin{batch}-{i}",
                first_name=f"{prefix} {batch}-{i}",
                password=unusable,
            )
            for i in range(count)
        ],
        batch_size=1000,
    )
    StaffProfile.objects.bulk_create(
        [StaffProfile(user=u, library=library, gender="female") for u in users],
        batch_size=1000,
    )
    return users


def edge(*, trainee, trainer, curriculum, tier=Tier.VILLAGE, trained_on=None, cohort=None):
    return TrainingEdge.objects.create(
        trainee=trainee,
        trainer=trainer,
        curriculum=curriculum,
        tier=tier,
        trained_on=trained_on or date(2020, 1, 1),
        cohort=cohort,
    )


def tier_at(depth: int) -> str:
    return Tier.REGENCY if depth == 1 else Tier.VILLAGE


def tree(*, curriculum, size: int, branching: int = 5, library=None) -> list:
    """A complete tree of `size` people: person i was trained by person (i - 1) // branching.
    Person 0 is the root. Three bulk inserts, however large."""
    users = people(size, library=library)
    depth = [0] * size
    edges = []
    start = date(2020, 1, 1)
    for i in range(1, size):
        parent = (i - 1) // branching
        depth[i] = depth[parent] + 1
        edges.append(
            TrainingEdge(
                trainee=users[i],
                trainer=users[parent],
                curriculum=curriculum,
                tier=tier_at(depth[i]),
                trained_on=start + timedelta(days=30 * depth[i]),
            )
        )
    TrainingEdge.objects.bulk_create(edges, batch_size=1000)
    return users


def level(*, user, curriculum, to: Level) -> Progression:
    progression, _ = Progression.objects.update_or_create(
        user=user, curriculum=curriculum, defaults={"level": to}
    )
    return progression


def graduated(*, user, curriculum, on: date, approved_by) -> Promotion:
    """A recorded promotion to graduate on a given day (noon, local time)."""
    moment = timezone.make_aware(datetime(on.year, on.month, on.day, 12))
    return Promotion.objects.create(
        user=user,
        curriculum=curriculum,
        from_level=Level.PARTICIPANT,
        to_level=Level.GRADUATE,
        approved_by=approved_by,
        promoted_at=moment,
    )


def cohort(
    *,
    course,
    host_library,
    starts_on: date,
    lead=None,
    co=None,
    signed_off_by=None,
) -> Cohort:
    """A cohort of `course` with an optional lead and co-facilitator (signed off if asked)."""
    run = Cohort.objects.create(
        name=f"Angkatan {next(_seq)}",
        course=course,
        host_library=host_library,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=3),
    )
    if lead is not None:
        CohortFacilitator.objects.create(cohort=run, user=lead, role=CohortFacilitator.Role.LEAD)
    if co is not None:
        CohortFacilitator.objects.create(
            cohort=run,
            user=co,
            role=CohortFacilitator.Role.CO,
            signed_off_by=signed_off_by,
            signed_off_at=timezone.now() if signed_off_by else None,
        )
    return run
