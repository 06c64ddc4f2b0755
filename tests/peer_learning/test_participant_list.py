"""The organisers' participant list: groups, totals, waiting list, downloads, query count."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import Library
from lms.roles import Role
from peer_learning.models import CheckIn, Registration
from tests.lms import factories
from tests.peer_learning import builders

pytestmark = pytest.mark.django_db

# Session, user, meeting, roles, staff profile, participants, their check-ins, three
# totals, the waiting list, Wagtail's site (for the link to the meeting page).
PAGE_QUERIES = 12


@pytest.fixture(autouse=True)
def english_pages(client):
    """Pages in English, so that tests can read their text (inside translation.override)."""
    client.cookies["django_language"] = "en"


@pytest.fixture
def meeting(regency_library):
    return builders.meeting(organiser=regency_library, capacity=500, days=2)


@pytest.fixture
def organiser(regency_library):
    return factories.user(role=Role.MENTOR, library=regency_library, username="penyelenggara")


@pytest.fixture
def libraries(regency_library, village_library):
    """Three libraries: two in Lumajang, one in another province."""
    far = factories.library(kind=Library.Kind.TBM)
    return [regency_library, village_library, far]


def populate(meeting, n, libraries):
    registrations = builders.participants(meeting, n, libraries=libraries)
    Registration.objects.filter(pk__in=[r.pk for r in registrations[::5]]).update(
        role=Registration.Role.SPEAKER
    )
    CheckIn.objects.bulk_create(
        [
            CheckIn(registration=r, day=day, method=CheckIn.Method.MANUAL)
            for r in registrations[::2]
            for day in meeting.days
        ]
    )
    waiting = builders.participants(
        meeting, 3, libraries=libraries, status=Registration.Status.WAITLISTED
    )
    now = timezone.now()
    for i, registration in enumerate(waiting):
        Registration.objects.filter(pk=registration.pk).update(
            queued_at=now + datetime.timedelta(seconds=i)
        )
    return registrations, waiting


def list_url(meeting):
    return reverse("peer_learning:participants", args=[meeting.pk])


def export_url(meeting, fmt):
    return reverse("peer_learning:participants_export", args=[meeting.pk]) + f"?format={fmt}"


# Who may see it


def test_denials(client, meeting, learner, regency_library):
    assert client.get(list_url(meeting)).status_code == 302
    client.force_login(learner)
    assert client.get(list_url(meeting)).status_code == 403
    assert client.get(export_url(meeting, "csv")).status_code == 403
    # A mentor, but of another library than the organiser.
    client.force_login(factories.user(role=Role.MENTOR, library=factories.library(kind="regency")))
    assert client.get(list_url(meeting)).status_code == 403
    assert client.get(export_url(meeting, "xlsx")).status_code == 403
    # Staff of the organising library who are not mentors do not organise.
    client.force_login(factories.user(role=Role.LEARNER, library=regency_library))
    assert client.get(list_url(meeting)).status_code == 403


def test_organisers_and_programme_admins_see_it(client, meeting, organiser, programme_admin):
    client.force_login(organiser)
    assert client.get(list_url(meeting)).status_code == 200
    client.force_login(programme_admin)
    assert client.get(list_url(meeting)).status_code == 200
    assert client.get(reverse("peer_learning:participants", args=[999999])).status_code == 404


# What it shows


def test_groups_totals_and_waiting_list(client, meeting, organiser, libraries):
    registrations, waiting = populate(meeting, 9, libraries)
    builders.registration(  # cancelled people are not listed
        meeting, factories.user(library=libraries[0]), status=Registration.Status.CANCELLED
    )
    client.force_login(organiser)

    with translation.override("en"):
        response = client.get(list_url(meeting))

    assert response.status_code == 200
    provinces = response.context["provinces"]
    assert sum(p.count for p in provinces) == 9
    assert len(provinces) == 2
    lumajang = next(p for p in provinces if p.count == 6)
    assert [r.count for r in lumajang.regencies] == [6]
    totals = response.context["totals"]
    assert totals["total"] == 9
    assert {v: n for v, _label, n in totals["by_role"]} == {
        "peserta": 7,
        "narasumber": 2,
        "panitia": 0,
        "fasilitator": 0,
    }
    assert {v: n for v, _label, n in totals["by_gender"]} == {"female": 5, "male": 4}
    assert {v: n for v, _label, n in totals["by_library_kind"]} == {
        "provincial": 0,
        "regency": 3,
        "village": 3,
        "tbm": 3,
    }
    assert [r.pk for r in response.context["waiting"]] == [r.pk for r in waiting]
    body = response.content.decode()
    assert "By gender" in body and "Waiting list" in body
    assert registrations[0].user.first_name in body
    assert meeting.starts_on.strftime("%-d %b") in body  # check-in days


@pytest.mark.parametrize("n", [30, 350])
def test_the_page_runs_a_fixed_number_of_queries(
    client, meeting, organiser, libraries, django_assert_num_queries, n
):
    populate(meeting, n, libraries)
    client.force_login(organiser)
    client.get(list_url(meeting))  # Wagtail caches the site's root paths on the first page

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(list_url(meeting))

    assert response.status_code == 200
    assert response.context["registered"] == n


# Downloads


def test_csv_export(client, meeting, organiser, libraries):
    registrations, waiting = populate(meeting, 4, libraries)
    client.force_login(organiser)

    with translation.override("en"):
        response = client.get(export_url(meeting, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Province",
        "Kabupaten/kota",
        "Library",
        "Library kind",
        "Name",
        "Username",
        "Role",
        "Gender",
        "Status",
        "Checked in",
    ]
    assert len(rows) == 1 + 4 + 3
    by_user = {row[5]: row for row in rows[1:]}
    first = by_user[registrations[0].user.username]
    assert first[2] == libraries[0].name
    assert first[6] == "Speaker (narasumber)"
    assert first[7] == "Female"
    assert first[8] == "Registered"
    assert first[9].count(",") == 1  # both days
    assert by_user[registrations[1].user.username][9] == ""
    assert [row[8] for row in rows[-3:]] == ["Waiting list"] * 3
    assert [row[5] for row in rows[-3:]] == [r.user.username for r in waiting]


def test_xlsx_export(client, meeting, organiser, libraries):
    from openpyxl import load_workbook

    populate(meeting, 5, libraries)
    client.force_login(organiser)

    response = client.get(export_url(meeting, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + 5 + 3
    assert sheet.max_column == 10


def test_unknown_export_format(client, meeting, organiser):
    client.force_login(organiser)

    assert client.get(export_url(meeting, "pdf")).status_code == 404
    assert client.get(export_url(meeting, "")).status_code == 200  # CSV by default
