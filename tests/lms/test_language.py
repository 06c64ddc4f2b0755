"""Indonesian first, whatever the browser says; English by the person's own choice."""

import pytest

pytestmark = pytest.mark.django_db


def test_indonesian_by_default_even_for_an_english_browser(client):
    response = client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Masuk ke Sebaya" in html
    assert response["Content-Language"] == "id"


def test_switching_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/masuk/"})
    assert response["Location"] == "/masuk/"
    html = client.get("/masuk/").content.decode()
    assert '<html lang="en">' in html and "Sign in to Sebaya" in html
    client.post("/i18n/setlang/", {"language": "id", "next": "/masuk/"})
    assert "Masuk ke Sebaya" in client.get("/masuk/").content.decode()


def test_an_unknown_language_cookie_falls_back_to_indonesian(client):
    client.cookies["django_language"] = "fr"
    assert '<html lang="id">' in client.get("/masuk/").content.decode()


def test_admin_follows_the_chosen_language(client, programme_admin):
    client.force_login(programme_admin)
    assert '<html lang="id"' in client.get("/admin/").content.decode()
    client.cookies["django_language"] = "en"
    assert '<html lang="en"' in client.get("/admin/").content.decode()
