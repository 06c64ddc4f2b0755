"""Signing in and out on the site itself, throttling, and password pages."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.lms import factories

pytestmark = pytest.mark.django_db


def sign_in(client, username, password=factories.PASSWORD):
    return client.post(reverse("lms:login"), {"username": username, "password": password})


def test_home_needs_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/masuk/?next=/"


def test_sign_in_with_username_lands_home(client, learner):
    response = sign_in(client, "sari")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_sign_in_with_email(client, learner):
    learner.email = "sari@perpusdes.id"
    learner.save()
    assert sign_in(client, "SARI@perpusdes.id").status_code == 302


def test_wrong_password_is_refused_with_a_message(client, learner):
    response = sign_in(client, "sari", "salah")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html
    assert "Nama pengguna, e-mail, atau kata sandi tidak tepat." in html
    assert "_auth_user_id" not in client.session


def test_sign_in_follows_next_but_not_to_other_sites(client, learner):
    ok = client.post(
        "/masuk/?next=/akun/kata-sandi/",
        {"username": "sari", "password": factories.PASSWORD, "next": "/akun/kata-sandi/"},
    )
    assert ok["Location"] == "/akun/kata-sandi/"
    client.logout()
    evil = client.post(
        "/masuk/",
        {"username": "sari", "password": factories.PASSWORD, "next": "https://evil.example/"},
    )
    assert evil["Location"] == "/"


def test_repeated_failures_lock_the_account_from_that_address(client, learner):
    for _ in range(5):
        sign_in(client, "sari", "salah")
    response = sign_in(client, "sari")  # the right password no longer helps
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "15" in response.content.decode()


def test_sign_out_is_a_post_and_ends_the_session(client, learner):
    client.force_login(learner)
    assert client.get(reverse("lms:logout")).status_code == 405
    response = client.post(reverse("lms:logout"), follow=True)
    assert response.redirect_chain[-1][0] == "/masuk/"
    assert client.get("/").status_code == 302


def test_session_ends_when_the_browser_closes(client, learner):
    sign_in(client, "sari")
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_the_page_always_shows_a_sign_out_button(client, learner):
    client.force_login(learner)
    assert 'id="logout-button"' in client.get("/").content.decode()


def test_password_change(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("lms:password_change"),
        {
            "old_password": factories.PASSWORD,
            "new_password1": "perpustakaan-seru-2026",
            "new_password2": "perpustakaan-seru-2026",
        },
    )
    assert response["Location"] == reverse("lms:password_change_done")
    learner.refresh_from_db()
    assert learner.check_password("perpustakaan-seru-2026")


def test_password_change_rejects_a_wrong_old_password(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("lms:password_change"),
        {
            "old_password": "salah",
            "new_password1": "x-long-enough-1",
            "new_password2": "x-long-enough-1",
        },
    )
    assert response.status_code == 200
    learner.refresh_from_db()
    assert learner.check_password(factories.PASSWORD)


def test_password_change_needs_sign_in(client):
    assert client.get(reverse("lms:password_change"))["Location"].startswith("/masuk/")


def test_password_reset_sends_a_working_link(client, learner):
    learner.email = "sari@perpusdes.id"
    learner.save()
    response = client.post(reverse("lms:password_reset"), {"email": "sari@perpusdes.id"})
    assert response["Location"] == reverse("lms:password_reset_done")
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/lupa-sandi/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "buku-baru-2026", "new_password2": "buku-baru-2026"}
    )
    assert done["Location"] == reverse("lms:password_reset_complete")
    learner.refresh_from_db()
    assert learner.check_password("buku-baru-2026")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("lms:password_reset"), {"email": "siapa@contoh.id"})
    assert response["Location"] == reverse("lms:password_reset_done")
    assert mail.outbox == []
