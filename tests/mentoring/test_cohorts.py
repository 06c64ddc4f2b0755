"""Cohorts: who may lead them, attendance, finishing into lineage, sign-off, pages, exports."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lms import signals
from lms.models import Library
from lms.roles import Role
from mentoring.models import (
    Attendance,
    Cohort,
    CohortFacilitator,
    CohortParticipant,
    Level,
    MentorAssignment,
    Progression,
    Promotion,
    TrainingEdge,
)
from mentoring.services.cohorts import (
    MAY_NOT_SIGN_OFF,
    MENTOR_HOSTS_ONLY,
    NOT_A_FACILITATOR,
    NOT_IN_COHORT,
    attendance_record,
    cohort_add_participants,
    cohort_create,
    cohort_finish,
    facilitator_sign_off,
)
from tests.lms import factories

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    """Every cohort_finished event, as (user, cohort, facilitators) tuples."""
    events = []

    def receiver(sender, *, user, cohort, facilitators, finished_at, **kwargs):
        events.append((user, cohort, facilitators))

    signals.cohort_finished.connect(receiver, dispatch_uid="test-cohort-finished")
    yield events
    signals.cohort_finished.disconnect(dispatch_uid="test-cohort-finished")


def _create_kwargs(course, library, created_by, **overrides):
    return {
        "course": course,
        "name": "Angkatan 1 Lumajang",
        "host_library": library,
        "tier": "village",
        "starts_on": builders.STARTS_ON,
        "ends_on": builders.STARTS_ON + datetime.timedelta(days=2),
        "lead_facilitators": [created_by],
        "created_by": created_by,
        **overrides,
    }


# Creating a cohort


def test_only_a_facilitator_of_the_curriculum_may_lead():
    curriculum = builders.course_factories.curriculum(title="Literasi Informasi")
    course = builders.small_course(curriculum)
    _regency, village = builders.network()
    mentor = builders.person(
        curriculum=curriculum, level=Level.MENTOR, role=Role.TRAINER, first_name="Rina"
    )
    with pytest.raises(ValidationError) as error:
        cohort_create(**_create_kwargs(course, village, mentor))
    expected = NOT_A_FACILITATOR % {"name": "Rina", "curriculum": "Literasi Informasi"}
    assert error.value.messages == [expected]
    assert not Cohort.objects.exists()

    # A facilitator of another curriculum is no facilitator of this one.
    other = builders.facilitator(builders.course_factories.curriculum())
    with pytest.raises(ValidationError):
        cohort_create(**_create_kwargs(course, village, other))


def test_a_facilitator_leads_with_co_facilitators_of_any_level():
    curriculum = builders.course_factories.curriculum()
    course = builders.small_course(curriculum)
    _regency, village = builders.network()
    lead = builders.facilitator(curriculum)
    co = builders.person()  # no progression at all
    cohort = cohort_create(**_create_kwargs(course, village, lead, co_facilitators=[co, lead]))
    roles = dict(CohortFacilitator.objects.filter(cohort=cohort).values_list("user_id", "role"))
    assert roles == {lead.pk: "lead", co.pk: "co"}
    assert cohort.status == Cohort.Status.PLANNED


def test_mentors_create_cohorts_only_at_libraries_their_library_mentors():
    curriculum = builders.course_factories.curriculum()
    course = builders.small_course(curriculum)
    regency_library, village = builders.network()
    _elsewhere_regency, elsewhere = builders.network()
    mentor = builders.facilitator(curriculum, role=Role.MENTOR, library=regency_library)
    assert cohort_create(**_create_kwargs(course, village, mentor)).pk
    with pytest.raises(PermissionDenied) as error:
        cohort_create(**_create_kwargs(course, elsewhere, mentor))
    assert str(error.value) == str(MENTOR_HOSTS_ONLY)

    learner = builders.facilitator(curriculum, role=Role.LEARNER, library=village)
    with pytest.raises(PermissionDenied):
        cohort_create(**_create_kwargs(course, village, learner))


def test_participants_are_enrolled_in_the_course_once():
    setup = builders.cohort(participants=2)
    again = cohort_add_participants(
        cohort=setup.cohort, users=setup.participants, added_by=setup.lead
    )
    assert len(again) == 2
    assert CohortParticipant.objects.filter(cohort=setup.cohort).count() == 2
    enrolled = builders.course_selectors.enrollments_of(
        user_ids=[u.pk for u in setup.participants]
    ).filter(course=setup.course)
    assert enrolled.count() == 2


# Attendance


def _present(session) -> set[int]:
    return set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))


def test_attendance_is_replaced_by_each_record_and_repeating_it_changes_nothing():
    setup = builders.cohort(participants=3)
    a, b, c = setup.participants
    day = setup.sessions[0]
    attendance_record(session=day, present_user_ids=[a.pk, b.pk], recorded_by=setup.lead)
    assert _present(day) == {a.pk, b.pk}

    attendance_record(session=day, present_user_ids=[str(b.pk), c.pk], recorded_by=setup.lead)
    assert _present(day) == {b.pk, c.pk}
    rows = dict(Attendance.objects.filter(session=day).values_list("user_id", "pk"))

    attendance_record(session=day, present_user_ids=[b.pk, c.pk], recorded_by=setup.lead)
    assert dict(Attendance.objects.filter(session=day).values_list("user_id", "pk")) == rows
    assert _present(setup.sessions[1]) == set()

    attendance_record(session=day, present_user_ids=[], recorded_by=setup.lead)
    assert _present(day) == set()


def test_attendance_refuses_a_participant_of_another_cohort():
    setup = builders.cohort(participants=2)
    other = builders.cohort(participants=1, course=setup.course)
    stranger = other.participants[0]
    day = setup.sessions[0]
    attendance_record(
        session=day, present_user_ids=[setup.participants[0].pk], recorded_by=setup.lead
    )
    with pytest.raises(ValidationError) as error:
        attendance_record(
            session=day,
            present_user_ids=[setup.participants[1].pk, stranger.pk],
            recorded_by=setup.lead,
        )
    assert error.value.messages == [NOT_IN_COHORT % {"name": stranger.get_full_name()}]
    assert _present(day) == {setup.participants[0].pk}


def test_attendance_is_taken_by_facilitators_and_programme_admins_only(programme_admin):
    setup = builders.cohort(participants=1)
    ids = [setup.participants[0].pk]
    day = setup.sessions[0]
    attendance_record(session=day, present_user_ids=ids, recorded_by=setup.co)
    attendance_record(session=day, present_user_ids=ids, recorded_by=programme_admin)
    for outsider in (
        builders.facilitator(setup.curriculum),  # a facilitator, but not of this cohort
        setup.participants[0],
    ):
        with pytest.raises(PermissionDenied):
            attendance_record(session=day, present_user_ids=[], recorded_by=outsider)
    assert _present(day) == set(ids)


# Finishing


def _three_kinds_of_participant():
    """`done` attended every day and completed the course; `absent` completed it but came
    once; `pending` attended every day but has not completed it yet."""
    setup = builders.cohort(participants=3, sessions=3)
    done, absent, pending = setup.participants
    setup.attend([done, pending])
    setup.attend([done, absent, pending], sessions=setup.sessions[:1])
    builders.complete_course(done, setup.course)
    builders.complete_course(absent, setup.course)
    return setup, done, absent, pending


def test_finishing_records_lineage_only_for_who_attended_and_completed(received):
    setup, done, absent, pending = _three_kinds_of_participant()
    finished = cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    assert [p.user_id for p in finished] == [done.pk]

    edge = TrainingEdge.objects.get()
    assert (edge.trainee_id, edge.trainer_id, edge.curriculum_id) == (
        done.pk,
        setup.lead.pk,
        setup.curriculum.pk,
    )
    assert (edge.cohort_id, edge.tier, edge.trained_on) == (
        setup.cohort.pk,
        setup.cohort.tier,
        setup.cohort.ends_on,
    )
    finished_ids = set(
        CohortParticipant.objects.filter(finished_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    assert finished_ids == {done.pk}
    assert Progression.objects.get(user=done, curriculum=setup.curriculum).level == Level.GRADUATE
    promotion = Promotion.objects.get(user=done)
    assert (promotion.from_level, promotion.to_level, promotion.approved_by_id) == (
        Level.PARTICIPANT,
        Level.GRADUATE,
        setup.lead.pk,
    )
    setup.cohort.refresh_from_db()
    assert setup.cohort.status == Cohort.Status.FINISHED
    assert setup.cohort.finished_at is not None
    assert received == []  # sent only once the transaction commits


def test_finishing_twice_records_one_edge_and_sends_one_event(
    received, django_capture_on_commit_callbacks
):
    setup, done, _absent, _pending = _three_kinds_of_participant()
    with django_capture_on_commit_callbacks(execute=True):
        cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    assert [(user.pk, cohort.pk) for user, cohort, _f in received] == [(done.pk, setup.cohort.pk)]
    assert [u.pk for u in received[0][2]] == [setup.lead.pk, setup.co.pk]
    first_finished_at = CohortParticipant.objects.get(user=done).finished_at

    with django_capture_on_commit_callbacks(execute=True):
        assert cohort_finish(cohort=setup.cohort, finished_by=setup.lead) == []
    assert len(received) == 1
    assert TrainingEdge.objects.count() == 1
    assert Promotion.objects.count() == 1
    assert CohortParticipant.objects.get(user=done).finished_at == first_finished_at


def test_a_graduate_already_higher_in_the_progression_is_not_lowered():
    setup = builders.cohort(participants=1, sessions=1)
    (person,) = setup.participants
    Progression.objects.create(user=person, curriculum=setup.curriculum, level=Level.MENTOR)
    setup.attend()
    builders.complete_course(person, setup.course)
    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    assert Progression.objects.get(user=person).level == Level.MENTOR
    assert not Promotion.objects.exists()
    assert TrainingEdge.objects.filter(trainee=person).count() == 1


def test_completing_the_course_later_finishes_a_pending_participant(
    received, django_capture_on_commit_callbacks
):
    setup, done, absent, pending = _three_kinds_of_participant()
    with django_capture_on_commit_callbacks(execute=True):
        cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    assert TrainingEdge.objects.filter(trainee=pending).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        builders.complete_course(pending, setup.course)
    edge = TrainingEdge.objects.get(trainee=pending)
    assert (edge.trainer_id, edge.cohort_id) == (setup.lead.pk, setup.cohort.pk)
    assert CohortParticipant.objects.get(user=pending).finished_at is not None
    assert Progression.objects.get(user=pending).level == Level.GRADUATE
    assert Promotion.objects.get(user=pending).approved_by_id == setup.lead.pk
    assert [user.pk for user, _c, _f in received] == [done.pk, pending.pk]
    # Someone who missed too many days is not finished by completing the course.
    assert CohortParticipant.objects.get(user=absent).finished_at is None


def test_completing_the_course_before_the_cohort_finishes_waits_for_the_finish(
    received, django_capture_on_commit_callbacks
):
    setup = builders.cohort(participants=1, sessions=1)
    setup.attend()
    with django_capture_on_commit_callbacks(execute=True):
        builders.complete_course(setup.participants[0], setup.course)
    assert received == []
    assert not TrainingEdge.objects.exists()


# Sign-off of a co-facilitator's run


def test_a_co_facilitators_run_is_signed_off_by_her_own_trainer(programme_admin):
    setup = builders.cohort(participants=0, sessions=1)
    co, lead = setup.co, setup.lead
    trainer = builders.facilitator(setup.curriculum)
    TrainingEdge.objects.create(
        trainee=co,
        trainer=trainer,
        curriculum=setup.curriculum,
        tier="regency",
        trained_on=datetime.date(2023, 1, 1),
    )
    cohort_finish(cohort=setup.cohort, finished_by=lead)

    random_mentor = builders.person(role=Role.MENTOR, library=setup.regency_library)
    with pytest.raises(PermissionDenied) as error:
        facilitator_sign_off(cohort=setup.cohort, facilitator=co, signed_off_by=random_mentor)
    assert str(error.value) == MAY_NOT_SIGN_OFF % {"name": co.get_full_name()}
    with pytest.raises(PermissionDenied):
        facilitator_sign_off(cohort=setup.cohort, facilitator=co, signed_off_by=co)
    # The lead of the cohort is not her trainer, so cannot sign off either.
    with pytest.raises(PermissionDenied):
        facilitator_sign_off(cohort=setup.cohort, facilitator=co, signed_off_by=lead)

    row = facilitator_sign_off(cohort=setup.cohort, facilitator=co, signed_off_by=trainer)
    assert (row.signed_off_by_id, row.role) == (trainer.pk, "co")
    signed_at = row.signed_off_at
    again = facilitator_sign_off(cohort=setup.cohort, facilitator=co, signed_off_by=programme_admin)
    assert (again.signed_off_by_id, again.signed_off_at) == (trainer.pk, signed_at)


def test_a_co_facilitators_own_mentor_may_sign_off_and_only_after_the_finish():
    setup = builders.cohort(participants=0, sessions=1)
    mentor = builders.person(role=Role.MENTOR, library=setup.regency_library)
    MentorAssignment.objects.create(
        mentor=mentor, mentee=setup.co, starts_on=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError):
        facilitator_sign_off(cohort=setup.cohort, facilitator=setup.co, signed_off_by=mentor)
    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    with pytest.raises(ValidationError):  # a lead's run is not signed off
        facilitator_sign_off(cohort=setup.cohort, facilitator=setup.lead, signed_off_by=mentor)
    row = facilitator_sign_off(cohort=setup.cohort, facilitator=setup.co, signed_off_by=mentor)
    assert row.signed_off_by_id == mentor.pk


# Pages


def _regency_mentor(setup):
    return builders.person(role=Role.MENTOR, library=setup.regency_library)


def test_the_attendance_form_lists_participants_and_saves_for_a_facilitator(client):
    setup = builders.cohort(participants=2, sessions=2)
    a, b = setup.participants
    day = setup.sessions[1]
    url = reverse("mentoring:cohort_attendance", args=[setup.cohort.pk, day.pk])
    client.force_login(setup.co)
    page = client.get(url).content.decode()
    for person in (a, b):
        assert f'id="present-{person.pk}"' in page
        assert f'<label for="present-{person.pk}">{person.get_full_name()}</label>' in page
    response = client.post(url, {"present": [b.pk]})
    assert response.status_code == 302
    assert response.url == reverse("mentoring:cohort_detail", args=[setup.cohort.pk])
    assert _present(day) == {b.pk}
    assert f'id="present-{b.pk}" checked' in client.get(url).content.decode()


def test_the_attendance_form_refuses_a_stranger_with_a_message(client):
    setup = builders.cohort(participants=1, sessions=1)
    stranger = builders.person()
    url = reverse("mentoring:cohort_attendance", args=[setup.cohort.pk, setup.sessions[0].pk])
    client.force_login(setup.lead)
    client.cookies["django_language"] = "en"
    response = client.post(url, {"present": [stranger.pk]})
    assert response.status_code == 400
    assert "is not a participant of this cohort" in response.content.decode()
    assert _present(setup.sessions[0]) == set()


def test_non_facilitators_get_403_on_attendance_and_finish(client):
    setup = builders.cohort(participants=1, sessions=1)
    day = setup.sessions[0]
    attendance_url = reverse("mentoring:cohort_attendance", args=[setup.cohort.pk, day.pk])
    finish_url = reverse("mentoring:cohort_finish", args=[setup.cohort.pk])
    # A mentor of the host's regency may see the cohort but not run it.
    mentor = _regency_mentor(setup)
    for outsider in (mentor, setup.participants[0], builders.facilitator(setup.curriculum)):
        client.force_login(outsider)
        assert client.get(attendance_url).status_code == 403
        assert client.post(attendance_url, {"present": []}).status_code == 403
        assert client.post(finish_url).status_code == 403
    client.force_login(mentor)
    assert client.get(reverse("mentoring:cohort_detail", args=[setup.cohort.pk])).status_code == 200
    setup.cohort.refresh_from_db()
    assert setup.cohort.status == Cohort.Status.PLANNED

    # A session of another cohort is not found under this one.
    other = builders.cohort(
        participants=0, sessions=1, course=setup.course, lead=setup.lead, co=False
    )
    client.force_login(setup.lead)
    url = reverse("mentoring:cohort_attendance", args=[setup.cohort.pk, other.sessions[0].pk])
    assert client.get(url).status_code == 404


def test_a_facilitator_finishes_the_cohort_by_post_only(client, programme_admin):
    setup, done, _absent, _pending = _three_kinds_of_participant()
    url = reverse("mentoring:cohort_finish", args=[setup.cohort.pk])
    client.force_login(setup.lead)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert TrainingEdge.objects.filter(trainee=done).count() == 1
    client.force_login(programme_admin)
    assert client.post(url).status_code == 302
    assert TrainingEdge.objects.count() == 1


def test_the_cohort_page_shows_facilitators_sessions_and_participants(client):
    setup, done, absent, pending = _three_kinds_of_participant()
    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    client.force_login(setup.lead)
    page = client.get(reverse("mentoring:cohort_detail", args=[setup.cohort.pk])).content.decode()
    assert setup.course.title in page
    assert f'data-user="{setup.lead.pk}" data-role="lead"' in page
    assert f'data-user="{setup.co.pk}" data-role="co"' in page
    for session in setup.sessions:
        assert f'data-session="{session.pk}"' in page
    assert f'<tr data-user="{done.pk}" data-finished="1">' in page
    assert f'<tr data-user="{absent.pk}" data-finished="0">' in page
    assert 'data-percent="100"' in page and 'data-percent="33"' in page
    assert reverse("mentoring:cohort_finish", args=[setup.cohort.pk]) in page


def _cohort_page_queries(client, participants: int) -> int:
    setup = builders.cohort(participants=participants, sessions=3)
    setup.attend(setup.participants[::2])
    builders.complete_course(setup.participants[0], setup.course)
    client.force_login(setup.lead)
    url = reverse("mentoring:cohort_detail", args=[setup.cohort.pk])
    client.get(url)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<tr data-user=") == participants
    return len(queries)


# session, user, cohort, facilitators, roles, sessions, participants, curriculum, completions
COHORT_PAGE_QUERIES = 9


def test_the_cohort_page_runs_a_fixed_number_of_queries(client):
    assert _cohort_page_queries(client, 5) == COHORT_PAGE_QUERIES
    assert _cohort_page_queries(client, 100) == COHORT_PAGE_QUERIES


# session, user, roles, count, cohorts, facilitators, their accounts
COHORT_LIST_QUERIES = 7


def test_the_cohort_list_runs_a_fixed_number_of_queries(client, programme_admin):
    client.force_login(programme_admin)
    url = reverse("mentoring:cohort_list")
    counts = []
    for _ in range(2):
        builders.cohort(participants=2, sessions=1)
        builders.cohort(participants=1, sessions=2)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts.append(len(queries))
    assert response.content.decode().count("<tr data-cohort=") == 4
    assert counts == [COHORT_LIST_QUERIES, COHORT_LIST_QUERIES]


def test_the_list_shows_each_person_only_the_cohorts_they_may_see(client, programme_admin):
    mine = builders.cohort(participants=1, sessions=1)
    same_regency = builders.cohort(participants=1, sessions=1, host_library=mine.host_library)
    elsewhere = builders.cohort(participants=1, sessions=1)
    url = reverse("mentoring:cohort_list")

    def listed(user) -> set[int]:
        client.force_login(user)
        rows = client.get(url).context["page"].object_list
        return {cohort.pk for cohort in rows}

    assert listed(mine.lead) == {mine.cohort.pk}
    assert listed(_regency_mentor(mine)) == {mine.cohort.pk, same_regency.cohort.pk}
    assert listed(programme_admin) == {
        mine.cohort.pk,
        same_regency.cohort.pk,
        elsewhere.cohort.pk,
    }
    assert listed(mine.participants[0]) == set()

    # Direct URL access to a cohort one may not see, and its export.
    client.force_login(mine.lead)
    detail = reverse("mentoring:cohort_detail", args=[elsewhere.cohort.pk])
    assert client.get(detail).status_code == 403
    assert client.get(detail, {"format": "csv"}).status_code == 403
    village_mentor = builders.person(
        role=Role.MENTOR, library=factories.library(kind=Library.Kind.VILLAGE)
    )
    client.force_login(village_mentor)
    assert client.get(detail).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    setup = builders.cohort(participants=0, sessions=1)
    response = client.get(reverse("mentoring:cohort_detail", args=[setup.cohort.pk]))
    assert response.status_code == 302
    assert reverse("lms:login") in response.url


# Exports


def test_the_participants_table_exports_to_csv_and_xlsx(client):
    setup, done, absent, pending = _three_kinds_of_participant()
    cohort_finish(cohort=setup.cohort, finished_by=setup.lead)
    client.force_login(setup.lead)
    client.cookies["django_language"] = "en"
    url = reverse("mentoring:cohort_detail", args=[setup.cohort.pk])

    response = client.get(url, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "Username", "Library", "Sessions attended"]
    by_username = {row[1]: row for row in rows[1:]}
    assert set(by_username) == {p.username for p in setup.participants}
    assert by_username[done.username][3:7] == ["3", "3", "100", "yes"]
    assert by_username[done.username][7] != ""
    assert by_username[absent.username][3:8] == ["1", "3", "33", "yes", ""]
    assert by_username[pending.username][3:8] == ["3", "3", "100", "no", ""]

    response = client.get(url, {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Name"
    assert {row[1] for row in values[1:]} == {p.username for p in setup.participants}

    assert client.get(url, {"format": "pdf"}).status_code == 404


def test_the_cohort_list_exports_to_csv_and_xlsx(client):
    setup = builders.cohort(participants=2, sessions=2)
    client.force_login(setup.lead)
    url = reverse("mentoring:cohort_list")
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv"}).content.decode("utf-8-sig")))
    )
    assert len(rows) == 2
    assert rows[1][0] == setup.cohort.name
    assert rows[1][-2:] == ["2", "2"]
    sheet = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)][1:] == [setup.cohort.name]


# Admin


def test_the_admin_lists_cohorts_read_only(client, programme_admin):
    mine = builders.cohort(participants=1, sessions=1, name="Angkatan Lumajang")
    other = builders.cohort(participants=1, sessions=1, name="Angkatan Jember")
    index = reverse("cohorts:index")

    client.force_login(programme_admin)
    page = client.get(index)
    assert page.status_code == 200
    assert mine.cohort.name in page.content.decode() and other.cohort.name in page.content.decode()
    inspect = reverse("cohorts:inspect", args=[other.cohort.pk])
    assert client.get(inspect).status_code == 200
    assert client.get(reverse("cohorts:add")).status_code != 200
    assert client.get(reverse("cohorts:edit", args=[other.cohort.pk])).status_code != 200

    # A trainer sees the cohorts she leads, and not another trainer's.
    client.force_login(mine.lead)
    page = client.get(index).content.decode()
    assert mine.cohort.name in page and other.cohort.name not in page
    assert client.get(reverse("cohorts:inspect", args=[mine.cohort.pk])).status_code == 200
    assert client.get(inspect).status_code != 200
    assert Cohort.objects.count() == 2
