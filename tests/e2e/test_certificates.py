"""The demo learner finds "Sertifikat saya", downloads a certificate, and a stranger checks
it on the public verification page, all on a 360 px phone."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from certificates.models import Certificate
from tests.e2e.conftest import ARTIFACTS, BROWSER_LOCALE, PHONE_VIEWPORT, TIMEOUT_MS
from tests.e2e.test_sign_in_flow import assert_fits_the_phone, sign_in


@pytest.fixture
def demo(django_db_serialized_rollback):
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def stranger(browser, live_server):
    """A second tab with no session: someone who scanned the QR code."""
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE_VIEWPORT, locale=BROWSER_LOCALE
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_the_learner_downloads_her_certificate_and_anyone_can_verify_it(
    page, live_server, demo, stranger, screenshot
):
    assert Certificate.objects.filter(recipient__username="peserta").exists()
    page.goto(live_server.url + "/masuk/")
    sign_in(page, "peserta", "sebaya-demo")
    expect(page.locator("#logout-button")).to_be_visible()

    # "Sertifikat saya" from the menu.
    page.locator("header nav a[href='/sertifikat-saya/']").click()
    expect(page).to_have_url(re.compile(r"/sertifikat-saya/$"))
    cards = page.locator("#certificates li.cert")
    expect(cards.first).to_be_visible()
    assert_fits_the_phone(page)
    screenshot("1-my-certificates")

    card = page.locator("#certificates li.cert[data-status=valid]").first
    code = card.get_attribute("data-code")

    # Download the PDF.
    with page.expect_download() as download_info:
        card.locator("a.cert-download").click()
    download = download_info.value
    assert download.suggested_filename == f"sertifikat-{code}.pdf"
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")

    # Anyone, signed out, checks it from the link (the QR code leads to the same page).
    verify_href = card.locator("a.cert-verify").get_attribute("href")
    stranger.goto(live_server.url + verify_href)
    expect(stranger.locator("#logout-button")).to_have_count(0)
    stranger.locator("footer button[value=en]").click()
    status = stranger.locator("#certificate-status")
    expect(status).to_contain_text(re.compile("valid", re.IGNORECASE))
    expect(stranger.locator("main")).to_contain_text(code)
    expect(stranger.locator("main")).to_contain_text("Sri Wahyuni")
    assert_fits_the_phone(stranger)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "test_certificates--2-verify.png"
    stranger.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
