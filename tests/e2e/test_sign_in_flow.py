"""A village librarian signs in on a phone, switches to English, and signs out.

The browser asks for English (en-US); the site must still open in Indonesian, and only
the person's own choice on the language switch changes that.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from lms.models import Library
from lms.roles import Role
from tests.lms import factories

SIGN_IN_PATH = "/masuk/"
SIGN_IN_URL = re.compile(r"/masuk/(\?.*)?$")
HOME_URL = re.compile(r"://[^/]+/$")


@pytest.fixture
def village_librarian(transactional_db):
    regency_library = factories.library(
        kind=Library.Kind.REGENCY, name="Perpustakaan Kab. Lumajang"
    )
    village_library = factories.library(
        kind=Library.Kind.VILLAGE,
        name="Perpustakaan Desa Tunas Bangsa",
        regency=regency_library.regency,
        mentor_library=regency_library,
    )
    return factories.user(
        role=Role.LEARNER, library=village_library, username="sri", first_name="Sri Wahyuni"
    )


def path_of(page) -> str:
    return urlsplit(page.url).path


def sign_in(page, username: str, password: str) -> None:
    form = page.locator("#login-form")
    form.locator("#id_username").fill(username)
    form.locator("#id_password").fill(password)
    form.locator("button[type=submit]").click()


def assert_stylesheets_loaded(stylesheet_responses) -> None:
    assert stylesheet_responses, "the page links no stylesheet"
    failed = [(url, status) for url, status in stylesheet_responses if status != 200]
    assert not failed, f"stylesheets not served: {failed}"


def assert_fits_the_phone(page) -> None:
    """Nothing is wider than the phone's screen: no sideways scrolling."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        # Name the element that sticks out, to make the failure easy to fix.
        culprit = page.evaluate(
            """() => {
                const wide = [...document.querySelectorAll('body *')].filter(
                    (el) => el.getBoundingClientRect().right > window.innerWidth + 1);
                const el = wide[wide.length - 1];
                return el ? el.outerHTML.slice(0, 200) : '';
            }"""
        )
        raise AssertionError(
            f"page is {widths[0]}px wide on a {widths[1]}px screen; e.g. {culprit}"
        )


def test_sign_in_switch_language_and_sign_out(
    page, live_server, village_librarian, stylesheet_responses, screenshot
):
    html = page.locator("html")
    heading = page.locator("h1")

    # Signed out, the home page sends you to sign in, in Indonesian despite the browser.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(SIGN_IN_URL)
    assert path_of(page) == SIGN_IN_PATH
    expect(html).to_have_attribute("lang", "id")
    page.wait_for_load_state("load")
    assert_stylesheets_loaded(stylesheet_responses)
    assert_fits_the_phone(page)
    screenshot("1-sign-in")

    sign_in(page, "sri", factories.PASSWORD)
    expect(page).to_have_url(HOME_URL)
    expect(html).to_have_attribute("lang", "id")
    expect(heading).to_contain_text("Selamat datang")
    expect(heading).to_contain_text("Sri Wahyuni")
    assert_fits_the_phone(page)
    screenshot("2-home-id")

    # The person's own choice switches the language.
    page.locator("button[name=language][value=en]").click()
    expect(html).to_have_attribute("lang", "en")
    assert path_of(page) == "/"
    expect(heading).to_contain_text("Welcome")
    expect(heading).to_contain_text("Sri Wahyuni")
    assert_fits_the_phone(page)
    screenshot("3-home-en")

    page.locator("#logout-button").click()
    expect(page).to_have_url(SIGN_IN_URL)
    assert path_of(page) == SIGN_IN_PATH
    expect(page.locator("#login-form")).to_be_visible()
    screenshot("4-signed-out")

    # Signed out for real: the home page asks for sign-in again.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(SIGN_IN_URL)
    assert path_of(page) == SIGN_IN_PATH


def test_wrong_password_shows_an_error_and_does_not_sign_in(
    page, live_server, village_librarian, screenshot
):
    page.goto(live_server.url + SIGN_IN_PATH)
    expect(page.locator("html")).to_have_attribute("lang", "id")

    sign_in(page, "sri", "bukan-sandinya")

    error = page.locator(".form-errors, [role=alert]").first
    expect(error).to_be_visible()
    assert path_of(page) == SIGN_IN_PATH
    expect(page.locator("#login-form")).to_be_visible()
    screenshot("wrong-password")

    page.goto(live_server.url + "/")
    expect(page).to_have_url(SIGN_IN_URL)
    assert path_of(page) == SIGN_IN_PATH
