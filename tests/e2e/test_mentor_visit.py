"""A district mentor signs in on a phone, opens "Dampingan saya", logs a visit with a
follow-up, and finds the visit and the open follow-up on her dashboard."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Enrollment
from lms.models import Library
from lms.roles import Role
from mentoring.models import FollowUp, Visit
from mentoring.services.visits import assignment_create
from tests.courses import factories as courses
from tests.e2e.test_sign_in_flow import assert_fits_the_phone, sign_in
from tests.lms import factories

DASHBOARD_URL = re.compile(r"/pendampingan/$")
NEW_VISIT_URL = re.compile(r"/pendampingan/kunjungan/baru/$")


@pytest.fixture
def district_mentor(django_db_serialized_rollback):
    district = factories.library(kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Lumajang")
    village = factories.library(
        name="Perpustakaan Desa Tunas Bangsa", regency=district.regency, mentor_library=district
    )
    mentor = factories.user(
        role=Role.MENTOR, library=district, username="ratna", first_name="Ratna Dewi"
    )
    sri = factories.user(library=village, username="sri", first_name="Sri Wahyuni")
    agus = factories.user(library=village, username="agus", first_name="Agus Salim")
    assignment_create(
        mentor=mentor,
        library=village,
        starts_on=timezone.localdate() - datetime.timedelta(days=30),
        assigned_by=mentor,
    )
    course = courses.course(lessons_per_module=3, quiz=False, title="Literasi Digital")
    Enrollment.objects.create(
        user=sri,
        course=course,
        enrolled_at=timezone.now() - datetime.timedelta(days=20),
        items_done=2,
        items_total=3,
        last_activity_at=timezone.now() - datetime.timedelta(days=1),
    )
    return {"mentor": mentor, "village": village, "sri": sri, "agus": agus}


def test_mentor_logs_a_visit_with_a_follow_up(page, live_server, district_mentor, screenshot):
    village, sri, agus = district_mentor["village"], district_mentor["sri"], district_mentor["agus"]
    today = timezone.localdate()

    page.goto(live_server.url + "/masuk/")
    sign_in(page, "ratna", factories.PASSWORD)
    expect(page.locator("h1")).to_contain_text("Ratna Dewi")
    # The home page's width is the core's to keep (its "Libraries you mentor" table).
    screenshot("1-home")

    # "Dampingan saya" from the main menu.
    page.locator('nav a[href="/pendampingan/"]').click()
    expect(page).to_have_url(DASHBOARD_URL)
    mentees = page.locator("#mentees")
    expect(mentees.locator(f'tr[data-user-id="{sri.pk}"]')).to_contain_text("Sri Wahyuni")
    expect(mentees.locator(f'tr[data-user-id="{sri.pk}"]')).to_contain_text("67%")
    expect(mentees.locator(f'tr[data-user-id="{agus.pk}"]')).to_contain_text("Agus Salim")
    # Agus has not started any course: flagged as stalled.
    expect(mentees.locator(f'tr[data-user-id="{agus.pk}"][data-stalled]')).to_have_count(1)
    expect(page.locator('#summary [data-count="mentees"]')).to_have_text("2")
    assert_fits_the_phone(page)
    screenshot("2-dashboard")

    # Log a visit with one follow-up.
    page.locator("#log-visit").click()
    expect(page).to_have_url(NEW_VISIT_URL)
    form = page.locator("#visit-form")
    expect(form.locator("#visit-title")).to_have_text(village.name)
    form.locator("#id_visited_on").fill(today.isoformat())
    form.locator("#id_mode").select_option("visit")
    form.locator(f'input[name=attendees][value="{sri.pk}"]').check()
    form.locator("#id_topics").fill("pelatihan internet, kegiatan literasi")
    form.locator("#id_notes").fill("Membahas jadwal pelatihan internet untuk warga.")
    form.locator("#id_next_visit_on").fill((today + datetime.timedelta(days=30)).isoformat())
    form.locator("#id_fu-0-action").fill("Susun jadwal pelatihan internet")
    form.locator("#id_fu-0-owner").select_option(str(sri.pk))
    form.locator("#id_fu-0-due_on").fill((today + datetime.timedelta(days=14)).isoformat())
    assert_fits_the_phone(page)
    screenshot("3-visit-form")

    form.locator("#save-visit").click()
    expect(page).to_have_url(DASHBOARD_URL)
    expect(page.locator(".msg-success")).to_contain_text(village.name)
    visit = Visit.objects.get()
    follow_up = FollowUp.objects.get()
    assert list(visit.attendees.all()) == [sri]
    assert sorted(t.name for t in visit.topics.all()) == ["kegiatan literasi", "pelatihan internet"]
    assert (follow_up.owner, follow_up.status) == (sri, FollowUp.Status.OPEN)

    # The visit and its open follow-up are on the dashboard.
    expect(page.locator(f'#recent-visits [data-visit-id="{visit.pk}"]')).to_contain_text(
        village.name
    )
    open_row = page.locator(f'#follow-ups tr[data-follow-up-id="{follow_up.pk}"]')
    expect(open_row).to_contain_text("Susun jadwal pelatihan internet")
    expect(open_row).to_contain_text("Sri Wahyuni")
    expect(page.locator('#summary [data-count="open"]')).to_have_text("1")
    expect(page.locator(f'#libraries tr[data-library-id="{village.pk}"]')).to_contain_text(
        (today + datetime.timedelta(days=30)).strftime("%Y")
    )
    assert_fits_the_phone(page)
    screenshot("4-dashboard-with-visit")

    # The visit's own page lists the follow-up with its status buttons.
    open_row.locator("a").click()
    expect(page.locator(f'#follow-ups [data-follow-up-id="{follow_up.pk}"]')).to_have_attribute(
        "data-status", "open"
    )
    screenshot("5-visit")
    assert_fits_the_phone(page)
