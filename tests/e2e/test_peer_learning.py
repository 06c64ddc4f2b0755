"""Peer Learning Meetings on a 360 px phone, on the demo data: an organiser makes the name
badges and the story book of the 2015 national meeting and downloads them; a participant
sends a story for the coming Lumajang meeting and her mentor accepts it."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from peer_learning.models import MaterialJob, Story
from tests.e2e.test_sign_in_flow import assert_fits_the_phone, sign_in

# Making 350 badges runs inside the request with the test settings' immediate task backend.
GENERATE_TIMEOUT_MS = 180_000
NATIONAL = "Peer Learning Meeting Nasional PerpuSeru 2015"
UPCOMING = "Pertemuan Belajar Sebaya Kabupaten Lumajang"


@pytest.fixture
def demo(django_db_serialized_rollback):
    call_command("seed_demo", stdout=StringIO())


def open_meetings_page(page, live_server, username: str) -> None:
    page.goto(live_server.url + "/masuk/")
    sign_in(page, username, "sebaya-demo")
    expect(page.locator("#logout-button")).to_be_visible()
    page.locator("header nav a[href='/pertemuan-saya/']").click()
    expect(page).to_have_url(re.compile(r"/pertemuan-saya/$"))


def generate_and_download(page, kind: str) -> bytes:
    page.locator(f"button[data-generate={kind}]").click(timeout=GENERATE_TIMEOUT_MS)
    page.wait_for_url(re.compile(r"/pbs/materi/\d+/$"), timeout=GENERATE_TIMEOUT_MS)
    # The page refreshes itself until the job is finished.
    download_link = page.locator("#download")
    expect(download_link).to_be_visible(timeout=GENERATE_TIMEOUT_MS)
    assert_fits_the_phone(page)
    with page.expect_download() as download_info:
        download_link.click()
    data = Path(download_info.value.path()).read_bytes()
    page.locator("#all-materials").click()
    return data


def test_an_organiser_makes_and_downloads_the_badges_and_the_story_book(
    page, live_server, demo, screenshot
):
    # The demo mentor works at the library that organised the national meeting.
    open_meetings_page(page, live_server, "pendamping")
    page.locator("#all-meetings").click()
    page.locator("#past-meetings a", has_text=NATIONAL).click()
    expect(page.locator("h1")).to_have_text(NATIONAL)
    expect(page.locator(".plm-day")).to_have_count(5)
    assert_fits_the_phone(page)
    screenshot("1-national-meeting")

    page.locator("#action-materials").click()
    expect(page.locator("#materials")).to_be_visible()
    assert_fits_the_phone(page)

    badges = generate_and_download(page, "badges")
    assert badges.startswith(b"%PDF")
    book = generate_and_download(page, "story_book")
    assert book.startswith(b"%PDF")
    screenshot("2-materials")
    finished = MaterialJob.objects.filter(status=MaterialJob.Status.FINISHED)
    assert set(finished.values_list("kind", flat=True)) == {"badges", "story_book"}


def test_a_participant_sends_a_story_and_her_mentor_accepts_it(page, live_server, demo, screenshot):
    open_meetings_page(page, live_server, "peserta")
    page.locator("#my-upcoming a", has_text=UPCOMING).click()
    expect(page.locator("#registration-status")).to_have_attribute("data-status", "registered")
    expect(page.locator("#checkin-code")).to_be_visible()
    assert_fits_the_phone(page)
    screenshot("1-upcoming-meeting")

    page.locator("#action-stories").click()
    page.locator("#new-story").click()
    form = page.locator("#story-form")
    form.locator("#id_kind").select_option("impact")
    form.locator("#id_theme").select_option("community")
    title = "Keripik pisang Pandanwangi dijual lewat internet"
    form.locator("#id_title").fill(title)
    form.locator("#id_text").fill(
        "Ibu-ibu PKK belajar memotret dan memasarkan keripik pisang lewat media sosial di "
        "perpustakaan desa. Pesanan kini datang dari luar kecamatan setiap minggu."
    )
    form.locator("#id_beneficiaries_female").fill("15")
    form.locator("#id_beneficiaries_male").fill("3")
    assert_fits_the_phone(page)
    form.locator("#submit-story").click()
    expect(page.locator("main")).to_contain_text(title)
    story = Story.objects.get(title=title)
    assert story.status == Story.Status.SUBMITTED
    assert story.author.username == "peserta"
    page.locator("#logout-button").click()

    # Her library's mentor reviews it from the queue.
    open_meetings_page(page, live_server, "pendamping")
    page.locator("#review-queue-link").click()
    page.locator(f"li[data-story='{story.pk}'] a").click()
    expect(page.locator("#story-title")).to_have_text(title)
    page.locator("#id_comment").fill("Bagus sekali, siapkan foto produknya untuk lapak.")
    assert_fits_the_phone(page)
    screenshot("2-review")
    page.locator("#accept-story").click()
    expect(page.locator(f"li[data-story='{story.pk}']")).to_have_count(0)
    story.refresh_from_db()
    assert story.status == Story.Status.ACCEPTED
    assert story.reviewed_by.username == "pendamping"
