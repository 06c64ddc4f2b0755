"""Every main page opens for the demo roles and fits a 360 px phone screen, in Indonesian."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.test_sign_in_flow import assert_fits_the_phone, sign_in

PAGES = {
    "peserta": ["/", "/pelatihan/", "/pelatihan-saya/", "/angkatan/"],
    "pendamping": [
        "/",
        "/pendampingan/",
        "/pendampingan/kunjungan/",
        "/pendampingan/kunjungan/baru/",
        "/pendampingan/penugasan/",
        "/angkatan/",
        "/wilayah/",
        "/kaskade/",
        "/fidelitas/",
    ],
    "admin": ["/", "/wilayah/", "/kaskade/", "/angkatan/", "/angkatan/baru/"],
}


@pytest.fixture
def demo(django_db_serialized_rollback):
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.parametrize("username", list(PAGES))
def test_main_pages_open_and_fit_a_phone(page, live_server, demo, username, screenshot):
    page.goto(live_server.url + "/masuk/")
    sign_in(page, username, "sebaya-demo")
    expect(page.locator("#logout-button")).to_be_visible()
    for path in PAGES[username]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{username} {path}: {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", "id")
        screenshot(path.strip("/").replace("/", "-") or "home")
        assert_fits_the_phone(page)
