"""Training cohorts (angkatan): creating them, attendance, and finishing them into lineage."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from courses import selectors as course_selectors
from courses.services.enrollment import EnrollmentError, enrollment_bulk_create
from lms import roles, signals
from lms.models import Library

from ..models import (
    Attendance,
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    CohortSession,
    Level,
    Progression,
    Promotion,
    TrainingEdge,
)
from ..permissions import home_regency
from ..selectors import level_of, mentee_ids

NOT_A_FACILITATOR = _(
    "%(name)s is not a facilitator of %(curriculum)s, so cannot lead its cohorts."
)
NEEDS_A_LEAD = _("A cohort needs at least one lead facilitator.")
COURSE_OUTSIDE_CURRICULUM = _("This course does not belong to a curriculum.")
MAY_NOT_CREATE = _("Only programme admins, trainers and mentors may create cohorts.")
MENTOR_HOSTS_ONLY = _(
    "Mentors may create cohorts only at their own library or a library it mentors."
)
MAY_NOT_MANAGE = _("Only the cohort's facilitators and programme admins may change it.")
MAY_NOT_RECORD_ATTENDANCE = _(
    "Only the cohort's facilitators and programme admins may record attendance."
)
MAY_NOT_FINISH = _("Only the cohort's facilitators and programme admins may finish it.")
NOT_IN_COHORT = _("%(name)s is not a participant of this cohort.")
SESSION_OUTSIDE_COHORT = _("The session on %(date)s falls outside the cohort's dates.")
COHORT_ALREADY_FINISHED = _("This cohort has finished; it takes no new participants.")
FACILITATOR_AS_PARTICIPANT = _("%(name)s facilitates this cohort and cannot also take part in it.")
NOT_A_CO_FACILITATOR = _("%(name)s is not a co-facilitator of this cohort.")
COHORT_NOT_FINISHED = _("A run can be signed off only after the cohort has finished.")
MAY_NOT_SIGN_OFF = _(
    "Only %(name)s's own trainer or mentor, or a programme admin, may sign off her run."
)


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


# Who may do what. Each takes the rows a page has already read, so checks cost no queries.


def may_create_cohort(user, *, host_library: Library) -> bool:
    if roles.is_programme_admin(user) or roles.is_trainer(user):
        return True
    if not roles.is_mentor(user):
        return False
    return (
        Library.objects.filter(pk=host_library.pk)
        .filter(Q(staff__user=user) | Q(mentor_library__staff__user=user))
        .exists()
    )


def _facilitator_ids(cohort: Cohort) -> set[int]:
    cached = getattr(cohort, "_facilitator_ids", None)
    if cached is None:
        cached = set(cohort.facilitators.values_list("user_id", flat=True))
        cohort._facilitator_ids = cached
    return cached


def may_run_cohort(user, cohort: Cohort, *, facilitator_ids: set[int] | None = None) -> bool:
    """Facilitators of the cohort and programme admins take attendance and finish it."""
    if not user.is_authenticated:
        return False
    if roles.is_programme_admin(user):
        return True
    ids = facilitator_ids if facilitator_ids is not None else _facilitator_ids(cohort)
    return user.pk in ids


def may_view_cohort(user, cohort: Cohort, *, facilitator_ids: set[int] | None = None) -> bool:
    """Its facilitators and creator, mentors of the host library's regency, programme admins."""
    if may_run_cohort(user, cohort, facilitator_ids=facilitator_ids):
        return True
    if cohort.created_by_id is not None and cohort.created_by_id == user.pk:
        return True
    regency = home_regency(user)
    return regency is not None and regency.pk == cohort.host_library.regency_id


# Reads for the cohort pages, each a fixed number of queries.


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    cohorts = Cohort.objects.select_related("course", "host_library__regency")
    if roles.is_programme_admin(user):
        return cohorts
    visible = Q(facilitators__user=user) | Q(created_by=user)
    regency = home_regency(user)
    if regency is not None:
        visible |= Q(host_library__regency=regency)
    return cohorts.filter(pk__in=Cohort.objects.filter(visible).values("pk"))


def cohort_list_rows(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    """Cohorts with their counts and facilitators, in two queries."""
    return (
        cohorts.annotate(
            participant_count=Count("participants", distinct=True),
            session_count=Count("sessions", distinct=True),
        )
        .prefetch_related("facilitators__user")
        .order_by("-starts_on", "name", "pk")
    )


def facilitators_of(cohort: Cohort) -> list[CohortFacilitator]:
    """Leads first, then co-facilitators, with their accounts, in one query."""
    rows = list(cohort.facilitators.select_related("user").order_by("pk"))
    return sorted(rows, key=lambda row: row.role != CohortFacilitator.Role.LEAD)


def participants_with_attendance(cohort: Cohort) -> QuerySet[CohortParticipant]:
    """Participants with their accounts, libraries and the sessions they attended (`attended`)."""
    return (
        CohortParticipant.objects.filter(cohort=cohort)
        .select_related("user__staff_profile__library")
        .annotate(
            attended=Count(
                "user__cohort_attendance",
                filter=Q(user__cohort_attendance__session__cohort=cohort),
                distinct=True,
            )
        )
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def completed_user_ids(*, cohort: Cohort, user_ids: Iterable[int], curriculum=None) -> set[int]:
    """Who among `user_ids` has completed the cohort's course, in one query."""
    curriculum = curriculum or course_selectors.curriculum_of(cohort.course)
    if curriculum is None:
        return set()
    return set(
        course_selectors.enrollments_in_curriculum(curriculum)
        .filter(course_id=cohort.course_id, user_id__in=list(user_ids), completed_at__isnull=False)
        .values_list("user_id", flat=True)
    )


def attendance_percent(attended: int, sessions: int) -> int:
    return round(attended * 100 / sessions) if sessions else 0


def attendance_met(*, attended: int, sessions: int, threshold: int) -> bool:
    """A cohort without sessions meets only a zero threshold: nothing was attended."""
    if not sessions:
        return threshold == 0
    return attended * 100 >= threshold * sessions


# Writes.


@transaction.atomic
def cohort_create(
    *,
    course,
    name: str,
    host_library: Library,
    tier: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    lead_facilitators: Sequence,
    co_facilitators: Sequence = (),
    created_by,
    attendance_threshold: int = 80,
    mode: str = Cohort.Mode.FACE_TO_FACE,
) -> Cohort:
    """Plans a cohort of `course`; only facilitators of its curriculum may lead it."""
    if not may_create_cohort(created_by, host_library=host_library):
        raise PermissionDenied(MENTOR_HOSTS_ONLY if roles.is_mentor(created_by) else MAY_NOT_CREATE)
    curriculum = course_selectors.curriculum_of(course)
    if curriculum is None:
        raise ValidationError(COURSE_OUTSIDE_CURRICULUM, code="no_curriculum")
    leads = list({user.pk: user for user in lead_facilitators}.values())
    if not leads:
        raise ValidationError(NEEDS_A_LEAD, code="no_lead")
    for lead in leads:
        if level_of(user=lead, curriculum=curriculum) < Level.FACILITATOR:
            raise ValidationError(
                NOT_A_FACILITATOR,
                code="not_facilitator",
                params={"name": display_name(lead), "curriculum": curriculum.title},
            )
    cohort = Cohort(
        course=course,
        name=name,
        host_library=host_library,
        tier=tier,
        mode=mode,
        starts_on=starts_on,
        ends_on=ends_on,
        attendance_threshold=attendance_threshold,
        created_by=created_by,
    )
    cohort.full_clean()
    cohort.save()
    lead_ids = {lead.pk for lead in leads}
    co = [user for user in {u.pk: u for u in co_facilitators}.values() if user.pk not in lead_ids]
    CohortFacilitator.objects.bulk_create(
        [CohortFacilitator(cohort=cohort, user=u, role=CohortFacilitator.Role.LEAD) for u in leads]
        + [CohortFacilitator(cohort=cohort, user=u, role=CohortFacilitator.Role.CO) for u in co]
    )
    return cohort


@transaction.atomic
def cohort_add_sessions(
    *, cohort: Cohort, dates: Sequence[datetime.date], titles: Sequence[str] | None = None
) -> list[CohortSession]:
    """Adds a session per date (a date already planned keeps its session); returns them."""
    titles = list(titles) if titles is not None else [""] * len(dates)
    if len(titles) != len(dates):
        raise ValueError("give one title per date, or none")
    for day in dates:
        if not cohort.starts_on <= day <= cohort.ends_on:
            raise ValidationError(
                SESSION_OUTSIDE_COHORT,
                code="session_outside",
                params={"date": date_format(day, "SHORT_DATE_FORMAT")},
            )
    CohortSession.objects.bulk_create(
        [
            CohortSession(cohort=cohort, date=day, title=title)
            for day, title in zip(dates, titles, strict=True)
        ],
        ignore_conflicts=True,
    )
    return list(cohort.sessions.filter(date__in=list(dates)))


@transaction.atomic
def cohort_add_participants(*, cohort: Cohort, users: Sequence, added_by) -> list:
    """Enrols `users` in the cohort's course (its own rules on who may enrol whom apply) and
    adds them to the cohort. Safe to repeat; returns the cohort's participant rows for them."""
    if not (may_run_cohort(added_by, cohort) or cohort.created_by_id == added_by.pk):
        raise PermissionDenied(MAY_NOT_MANAGE)
    if cohort.status == Cohort.Status.FINISHED:
        raise ValidationError(COHORT_ALREADY_FINISHED, code="finished")
    users = list({user.pk: user for user in users}.values())
    facilitating = _facilitator_ids(cohort)
    for user in users:
        if user.pk in facilitating:
            raise ValidationError(
                FACILITATOR_AS_PARTICIPANT, code="facilitator", params={"name": display_name(user)}
            )
    try:
        enrollment_bulk_create(course=cohort.course, users=users, enrolled_by=added_by)
    except EnrollmentError as error:
        raise ValidationError(error.message, code="enrolment") from error
    CohortParticipant.objects.bulk_create(
        [CohortParticipant(cohort=cohort, user=user) for user in users], ignore_conflicts=True
    )
    return list(cohort.participants.filter(user__in=users))


@transaction.atomic
def attendance_record(*, session: CohortSession, present_user_ids: Iterable, recorded_by) -> set:
    """Sets who attended `session` to exactly `present_user_ids`. Safe to repeat."""
    session = (
        CohortSession.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=session.pk)
    )
    if not may_run_cohort(recorded_by, session.cohort):
        raise PermissionDenied(MAY_NOT_RECORD_ATTENDANCE)
    present = {int(user_id) for user_id in present_user_ids}
    members = set(
        CohortParticipant.objects.filter(cohort_id=session.cohort_id).values_list(
            "user_id", flat=True
        )
    )
    strangers = present - members
    if strangers:
        stranger = get_user_model().objects.filter(pk__in=strangers).order_by("pk").first()
        name = display_name(stranger) if stranger else str(min(strangers))
        raise ValidationError(NOT_IN_COHORT, code="not_in_cohort", params={"name": name})
    Attendance.objects.filter(session=session).exclude(user_id__in=present).delete()
    recorded = set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))
    Attendance.objects.bulk_create(
        [
            Attendance(session=session, user_id=user_id, recorded_by=recorded_by)
            for user_id in sorted(present - recorded)
        ],
        ignore_conflicts=True,
    )
    return present


@dataclass
class _Finished:
    participant: CohortParticipant
    promoted_from: int | None  # the level she was raised from, None if already a graduate


def _eligible(cohort: Cohort, curriculum, *, user_ids: list[int] | None = None) -> list:
    """Unfinished participants who met the attendance threshold and completed the course."""
    sessions = cohort.sessions.count()
    pending = participants_with_attendance(cohort).filter(finished_at__isnull=True)
    if user_ids is not None:
        pending = pending.filter(user_id__in=user_ids)
    attending = [
        p
        for p in pending
        if attendance_met(
            attended=p.attended, sessions=sessions, threshold=cohort.attendance_threshold
        )
    ]
    completed = completed_user_ids(
        cohort=cohort, user_ids=[p.user_id for p in attending], curriculum=curriculum
    )
    return [p for p in attending if p.user_id in completed]


def _finish(*, cohort: Cohort, curriculum, participants: list, approved_by, now) -> list:
    """Finishes these participants once: lineage edges to every lead facilitator, a raise
    to graduate, and the events after commit. The caller holds the cohort's row lock."""
    if not participants:
        return []
    CohortParticipant.objects.filter(
        pk__in=[p.pk for p in participants], finished_at__isnull=True
    ).update(finished_at=now)
    facilitators = facilitators_of(cohort)
    leads = [row.user for row in facilitators if row.role == CohortFacilitator.Role.LEAD]
    TrainingEdge.objects.bulk_create(
        [
            TrainingEdge(
                trainee_id=p.user_id,
                trainer_id=lead.pk,
                curriculum=curriculum,
                cohort=cohort,
                tier=cohort.tier,
                trained_on=cohort.ends_on,
            )
            for p in participants
            for lead in leads
            if lead.pk != p.user_id
        ],
        ignore_conflicts=True,  # trained by the same trainer in an earlier cohort: keep that
    )

    user_ids = [p.user_id for p in participants]
    levels = dict(
        Progression.objects.select_for_update()
        .filter(curriculum=curriculum, user_id__in=user_ids)
        .values_list("user_id", "level")
    )
    raised = {uid: levels.get(uid, Level.PARTICIPANT) for uid in user_ids}
    raised = {uid: level for uid, level in raised.items() if level < Level.GRADUATE}
    Progression.objects.bulk_create(
        [
            Progression(user_id=uid, curriculum=curriculum, level=Level.GRADUATE)
            for uid in raised
            if uid not in levels
        ],
        ignore_conflicts=True,
    )
    Progression.objects.filter(
        curriculum=curriculum, user_id__in=list(raised), level__lt=Level.GRADUATE
    ).update(level=Level.GRADUATE, updated_at=now)
    if approved_by is not None:
        Promotion.objects.bulk_create(
            [
                Promotion(
                    user_id=uid,
                    curriculum=curriculum,
                    from_level=level,
                    to_level=Level.GRADUATE,
                    approved_by=approved_by,
                    promoted_at=now,
                    note=str(cohort),
                )
                for uid, level in raised.items()
            ],
            ignore_conflicts=True,
        )

    facilitator_users = [row.user for row in facilitators]
    finished = [p.user for p in participants]
    promoted = [p.user for p in participants if p.user_id in raised]

    def send():
        for user in finished:
            signals.cohort_finished.send(
                sender=Cohort,
                user=user,
                cohort=cohort,
                facilitators=facilitator_users,
                finished_at=now,
            )
        for user in promoted:
            signals.trainer_promoted.send(
                sender=Progression,
                user=user,
                curriculum=curriculum,
                level=Level.GRADUATE,
                approved_by=approved_by,
                promoted_at=now,
            )

    transaction.on_commit(send)
    for p in participants:
        p.finished_at = now
    return participants


@transaction.atomic
def cohort_finish(*, cohort: Cohort, finished_by) -> list[CohortParticipant]:
    """Finishes the cohort and every participant who met attendance and completed the course;
    returns those newly finished. Repeating it finishes only people who became eligible since
    (attendance corrected, say); those already finished are left alone."""
    cohort = (
        Cohort.objects.select_for_update(of=("self",)).select_related("course").get(pk=cohort.pk)
    )
    if not may_run_cohort(finished_by, cohort):
        raise PermissionDenied(MAY_NOT_FINISH)
    curriculum = course_selectors.curriculum_of(cohort.course)
    now = timezone.now()
    finished = _finish(
        cohort=cohort,
        curriculum=curriculum,
        participants=_eligible(cohort, curriculum),
        approved_by=finished_by,
        now=now,
    )
    if cohort.status != Cohort.Status.FINISHED:
        cohort.status = Cohort.Status.FINISHED
        cohort.finished_at = now
        cohort.save(update_fields=["status", "finished_at"])
    return finished


@transaction.atomic
def cohort_participant_finish_late(*, user, course) -> list[CohortParticipant]:
    """After `user` completes `course`: finishes her in any finished cohort of that course
    where she met the attendance threshold but had not completed the course yet."""
    cohort_ids = list(
        CohortParticipant.objects.filter(
            user=user,
            finished_at__isnull=True,
            cohort__course_id=course.pk,
            cohort__status=Cohort.Status.FINISHED,
        ).values_list("cohort_id", flat=True)
    )
    finished = []
    for cohort in (
        # Lock only the cohort rows: PostgreSQL cannot lock the nullable side of a join.
        Cohort.objects.select_for_update(of=("self",))
        .select_related("course", "created_by")
        .filter(pk__in=cohort_ids)
    ):
        curriculum = course_selectors.curriculum_of(cohort.course)
        lead = cohort.facilitators.filter(role=CohortFacilitator.Role.LEAD).order_by("pk").first()
        # The promotion is approved by her lead facilitator, who trained her.
        approver = lead.user if lead is not None else cohort.created_by
        finished += _finish(
            cohort=cohort,
            curriculum=curriculum,
            participants=_eligible(cohort, curriculum, user_ids=[user.pk]),
            approved_by=approver,
            now=timezone.now(),
        )
    return finished


def may_sign_off(signer, *, facilitator, curriculum) -> bool:
    """Her own trainer in the curriculum, her active mentor, or a programme admin."""
    if signer.pk == facilitator.pk:
        return False
    if roles.is_programme_admin(signer):
        return True
    if TrainingEdge.objects.filter(
        trainee=facilitator, trainer=signer, curriculum=curriculum
    ).exists():
        return True
    return roles.is_mentor(signer) and facilitator.pk in mentee_ids(mentor=signer)


@transaction.atomic
def facilitator_sign_off(*, cohort: Cohort, facilitator, signed_off_by) -> CohortFacilitator:
    """Signs off a co-facilitator's run of a finished cohort; the first sign-off stands."""
    row = (
        CohortFacilitator.objects.select_for_update(of=("self",))
        .select_related("cohort__course")
        .filter(cohort=cohort, user=facilitator, role=CohortFacilitator.Role.CO)
        .first()
    )
    if row is None:
        raise ValidationError(
            NOT_A_CO_FACILITATOR, code="not_co", params={"name": display_name(facilitator)}
        )
    if row.cohort.status != Cohort.Status.FINISHED:
        raise ValidationError(COHORT_NOT_FINISHED, code="not_finished")
    curriculum = course_selectors.curriculum_of(row.cohort.course)
    if not may_sign_off(signed_off_by, facilitator=facilitator, curriculum=curriculum):
        raise PermissionDenied(MAY_NOT_SIGN_OFF % {"name": display_name(facilitator)})
    if row.signed_off_at is None:
        row.signed_off_by = signed_off_by
        row.signed_off_at = timezone.now()
        row.save(update_fields=["signed_off_by", "signed_off_at"])
    return row
