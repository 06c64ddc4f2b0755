"""The report pages: who may read and write them (checked on the server for every object),
the form's round trips, and the mentor's grid."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import escape

from lms.models import Library
from monitoring.models import LibraryReport, ReportTarget
from monitoring.periods import add_months
from monitoring.reporting import deadlines, services
from tests.lms import factories
from tests.monitoring.factories import regional_admin, report

pytestmark = pytest.mark.django_db

STORY = "Ia membuka usaha jahit setelah belajar pola dari video di perpustakaan."


def month_url(library, month) -> str:
    return reverse("monitoring:report_month", args=[library.pk, month])


def form_data(month, **changes) -> dict:
    """What the form sends: the figures, one activity, one impact record and empty rows."""
    data = {
        "report-visitors": "120",
        "report-computer_users": "40",
        "report-internet_users": "30",
        "report-computers_added": "0",
        "report-computers_removed": "0",
        "report-inventory_note": "",
        "report-notes": "",
        "activities-TOTAL_FORMS": "3",
        "activities-INITIAL_FORMS": "0",
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "40",
        "activities-0-title": "Pelatihan komputer dasar",
        "activities-0-held_on": f"{month:%Y-%m}-14",
        "activities-0-participants_female": "8",
        "activities-0-participants_male": "4",
        "impacts-TOTAL_FORMS": "2",
        "impacts-INITIAL_FORMS": "0",
        "impacts-MIN_NUM_FORMS": "0",
        "impacts-MAX_NUM_FORMS": "20",
        "impacts-0-kind": "business_started",
        "impacts-0-person_name": "R.A.",
        "impacts-0-gender": "female",
        "impacts-0-story": STORY,
    }
    for index in (1, 2):
        for name in ("title", "held_on", "participants_female", "participants_male"):
            data[f"activities-{index}-{name}"] = ""
    for name in ("kind", "person_name", "gender", "story"):
        data[f"impacts-1-{name}"] = ""
    data.update(changes)
    return data


def said(response, message) -> bool:
    return escape(str(message)) in response.content.decode()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Who may see what


def test_anonymous_people_are_sent_to_sign_in(client, village, last_month):
    urls = [
        reverse("monitoring:report_home"),
        reverse("monitoring:report_mentored"),
        reverse("monitoring:report_library", args=[village.pk]),
        reverse("monitoring:report_write", args=[village.pk]),
        month_url(village, last_month),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("lms:login"))
    assert client.post(month_url(village, last_month), form_data(last_month)).status_code == 302
    assert not LibraryReport.objects.exists()


def test_staff_of_another_library_get_403_on_the_form(village, jember, last_month):
    report(village, last_month, status=LibraryReport.Status.DRAFT)
    client = signed_in(jember["staff"])
    assert client.get(month_url(village, last_month)).status_code == 403
    assert client.post(month_url(village, last_month), form_data(last_month)).status_code == 403
    assert client.get(reverse("monitoring:report_library", args=[village.pk])).status_code == 403
    assert LibraryReport.objects.get().visitors == 0  # unchanged


def test_a_mentor_of_another_kabupaten_gets_403(village, jember, last_month):
    client = signed_in(jember["mentor"])
    assert client.get(month_url(village, last_month)).status_code == 403
    assert client.post(month_url(village, last_month), form_data(last_month)).status_code == 403
    # ... and may write for her own village.
    own = month_url(jember["library"], last_month)
    assert client.post(own, form_data(last_month, **{"submit": "1"})).status_code == 302
    assert LibraryReport.objects.get().library == jember["library"]


def test_a_regional_admin_reads_only_her_kabupaten(village, jember, last_month):
    report(village, last_month, visitors=77)
    elsewhere = factories.user(role=None, username="dinas-jember")
    regional_admin(elsewhere, regency=jember["regency"])
    client = signed_in(elsewhere)
    assert client.get(reverse("monitoring:report_library", args=[village.pk])).status_code == 403
    assert client.get(month_url(village, last_month)).status_code == 403

    here = factories.user(role=None, username="dinas-lumajang")
    regional_admin(here, regency=village.regency)
    client = signed_in(here)
    page = client.get(month_url(village, last_month))
    assert page.status_code == 200
    assert page.templates[0].name == "monitoring/reporting/report.html"  # to read, no form
    assert client.post(month_url(village, last_month), form_data(last_month)).status_code == 403
    assert LibraryReport.objects.get().visitors == 77


def test_the_mentor_grid_is_for_mentors(client, staff, mentor):
    assert signed_in(staff).get(reverse("monitoring:report_mentored")).status_code == 403
    assert signed_in(mentor).get(reverse("monitoring:report_mentored")).status_code == 200


# The library's page


def test_my_library_s_page_lists_the_last_twelve_months(staff, village, last_month):
    report(village, last_month, visitors=120)
    old = add_months(last_month, -12)
    report(village, old)  # older than the page shows
    response = signed_in(staff).get(reverse("monitoring:report_home"))
    assert response.status_code == 200
    html = response.content.decode()
    months = re.findall(r'data-month="(\d{4}-\d{2})"', html)
    assert len(months) == 12
    assert months[0] == f"{last_month:%Y-%m}" and f"{old:%Y-%m}" not in months
    assert '<html lang="id">' in html
    assert f'action="{reverse("monitoring:report_write", args=[village.pk])}"' in html
    # Last month's choice comes first in the month list, chosen.
    assert f'<option value="{last_month:%Y-%m}" selected>' in html


def test_the_month_list_opens_the_form_of_the_month_chosen(staff, village, last_month):
    client = signed_in(staff)
    url = reverse("monitoring:report_write", args=[village.pk])
    chosen = add_months(last_month, -3)
    response = client.get(url, {"bulan": f"{chosen:%Y-%m}"})
    assert response.status_code == 302 and response.url == month_url(village, chosen)
    future = add_months(last_month, 2)
    response = client.get(url, {"bulan": f"{future:%Y-%m}"})
    assert response.status_code == 200 and response.context["chooser"].errors


def test_a_month_that_may_not_be_written_is_refused_with_a_message(staff, village):
    future = add_months(deadlines.this_month(), 1)
    client = signed_in(staff)
    response = client.post(month_url(village, future), form_data(future), follow=True)
    assert said(response, services.MONTH_IN_FUTURE % {"month": date_format(future, "F Y")})
    assert not LibraryReport.objects.exists()


def test_the_page_downloads_as_csv(staff, village, last_month):
    report(village, last_month, visitors=120)
    response = signed_in(staff).get(reverse("monitoring:report_home"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f"{last_month:%Y-%m}" in response.content.decode("utf-8-sig")


# The form


def test_a_new_report_is_submitted_from_the_form(staff, village, last_month):
    client = signed_in(staff)
    page = client.get(month_url(village, last_month))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="activities-TOTAL_FORMS" value="3"' in html
    assert 'name="impacts-TOTAL_FORMS" value="2"' in html
    response = client.post(month_url(village, last_month), form_data(last_month, submit="1"))
    assert response.status_code == 302 and response.url == reverse("monitoring:report_home")
    saved = LibraryReport.objects.get()
    assert saved.status == LibraryReport.Status.SUBMITTED and saved.submitted_by == staff
    assert saved.activities.get().participants == 12
    assert saved.impacts.get().story == STORY


def test_a_draft_opens_again_with_its_rows_and_a_sent_form_twice_is_harmless(
    staff, village, last_month
):
    client = signed_in(staff)
    url = month_url(village, last_month)
    sent = form_data(last_month, save="1")
    assert client.post(url, sent).status_code == 302
    html = client.get(url).content.decode()
    assert 'value="Pelatihan komputer dasar"' in html
    # Saved rows and then three empty ones.
    assert 'name="activities-TOTAL_FORMS" value="4"' in html
    assert client.post(url, sent).status_code == 302  # the same form again (an old tab)
    assert client.post(url, {**sent, "submit": "1"}).status_code == 302
    saved = LibraryReport.objects.get()
    assert saved.status == LibraryReport.Status.SUBMITTED
    assert saved.activities.count() == 1 and saved.impacts.count() == 1


def test_errors_show_next_to_their_fields_and_keep_what_was_typed(staff, village, last_month):
    data = form_data(
        last_month,
        submit="1",
        **{
            "report-visitors": "10",
            "report-internet_users": "25",
            "report-computer_users": "-3",
            "activities-1-title": "Kelas internet",
            "activities-1-held_on": f"{add_months(last_month, 1):%Y-%m}-02",
            "activities-1-participants_female": "5",
            "impacts-1-kind": "job",
            "impacts-1-story": "Terlalu pendek",
        },
    )
    response = signed_in(staff).post(month_url(village, last_month), data)
    assert response.status_code == 200
    assert not LibraryReport.objects.exists()
    html = response.content.decode()
    assert said(response, services.INTERNET_OVER_VISITORS % {"visitors": 10})
    assert said(response, services.NOT_A_NUMBER)
    month = date_format(last_month, "F Y")
    assert said(response, services.ACTIVITY_OUTSIDE_MONTH % {"month": month})
    assert said(response, services.STORY_TOO_SHORT % {"min": 20, "length": 14})
    # The message sits with its field, which says it is invalid.
    assert 'id="id_activities-1-held_on_error"' in html
    assert re.search(r'name="activities-1-held_on"[^>]*aria-invalid="true"', html)
    # Everything typed is there again.
    assert 'value="Kelas internet"' in html and 'value="25"' in html and "Terlalu pendek" in html
    assert 'value="Pelatihan komputer dasar"' in html and STORY in html


def test_add_more_rows_keeps_what_was_typed_and_saves_nothing(staff, village, last_month):
    client = signed_in(staff)
    url = month_url(village, last_month)
    typed = form_data(
        last_month,
        more="activities",
        **{
            "report-visitors": "",  # not finished yet: no error is shown for it
            "activities-2-title": "Lomba mendongeng",
            "activities-2-held_on": f"{last_month:%Y-%m}-20",
            "activities-2-participants_male": "6",
            "activities-2-DELETE": "on",
        },
    )
    response = client.post(url, typed)
    assert response.status_code == 200
    assert not LibraryReport.objects.exists()
    html = response.content.decode()
    assert 'name="activities-TOTAL_FORMS" value="6"' in html
    assert 'name="impacts-TOTAL_FORMS" value="2"' in html
    assert "form-errors" not in html and "aria-invalid" not in html
    assert 'value="Pelatihan komputer dasar"' in html and 'value="Lomba mendongeng"' in html
    assert re.search(r'name="activities-1-DELETE"[^>]*checked', html)  # typed rows move up
    assert STORY in html and 'value="R.A."' in html

    # The page sent back as it now stands, finished, saves every row typed.
    again = form_data(last_month, submit="1", **{"activities-TOTAL_FORMS": "6"})
    for index in range(3, 6):
        for name in ("title", "held_on", "participants_female", "participants_male"):
            again[f"activities-{index}-{name}"] = ""
    again.update(
        {
            "activities-4-title": "Kelas internet",
            "activities-4-held_on": f"{last_month:%Y-%m}-21",
            "activities-4-participants_female": "3",
        }
    )
    assert client.post(url, again).status_code == 302
    titles = list(LibraryReport.objects.get().activities.values_list("title", flat=True))
    assert titles == ["Pelatihan komputer dasar", "Kelas internet"]


def test_a_ticked_row_is_removed(staff, village, last_month):
    client = signed_in(staff)
    url = month_url(village, last_month)
    client.post(url, form_data(last_month, save="1"))
    client.post(url, form_data(last_month, save="1", **{"activities-0-DELETE": "on"}))
    assert not LibraryReport.objects.get().activities.exists()


def test_the_score_shows_its_colour_in_words(staff, village, last_month):
    ReportTarget.objects.create(
        library_kind=Library.Kind.VILLAGE, measure="visitors", target=100, yellow_from=60
    )
    ReportTarget.objects.create(
        library_kind=Library.Kind.VILLAGE, measure="impacts", target=2, yellow_from=50
    )
    report(village, last_month, visitors=150, impacts=["job"])
    client = signed_in(staff)
    html = client.get(month_url(village, last_month)).content.decode()
    assert 'class="rep-badge rep-green">Hijau' in html or 'rep-green">Green' in html
    assert re.search(r'data-measure="impacts".*?rep-yellow', html, re.S)
    listing = client.get(reverse("monitoring:report_home")).content.decode()
    assert "rep-badge rep-yellow" in listing  # the worst of the two


def test_pages_follow_the_language_chosen(staff, village, last_month):
    client = signed_in(staff)
    client.cookies["django_language"] = "en"
    html = client.get(month_url(village, last_month)).content.decode()
    assert '<html lang="en">' in html
    assert "Activities held" in html and "Submit the report" in html


# The mentor's grid


def test_the_grid_flags_late_reports(mentor, village, regency_library, last_month):
    other = factories.library(
        name="TBM Cahaya",
        kind=Library.Kind.TBM,
        regency=village.regency,
        mentor_library=regency_library,
    )
    months = deadlines.months_back(last_month, 6)
    for month in months:
        report(village, month)
    report(other, months[1], status=LibraryReport.Status.DRAFT)
    response = signed_in(mentor).get(reverse("monitoring:report_mentored"))
    html = response.content.decode()
    grid = response.context["grid"]
    past_due = [m for m in months if deadlines.is_past_due(m)]
    assert grid.late_count == len(past_due)  # every past-due month of the TBM
    assert f'data-late="{len(past_due)}"' in html
    row = re.search(rf'data-library="{other.pk}">(.*?)</tr>', html, re.S).group(1)
    assert row.count('data-status="missing"') + row.count('data-status="draft_late"') == len(
        past_due
    )
    csv = signed_in(mentor).get(reverse("monitoring:report_mentored"), {"format": "csv"})
    assert "TBM Cahaya" in csv.content.decode("utf-8-sig")


def test_someone_without_a_library_is_told_why(programme_admin):
    response = signed_in(programme_admin).get(reverse("monitoring:report_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="no-library"' in html
    assert reverse("wagtailsnippets_monitoring_libraryreport:list") in html
