"""Each process keeps the Site it found for a host: a query fewer per page, and an
edit to the site settings is seen at once."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from lms.sites import forget_sites

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_cache():
    forget_sites()
    with override_settings(SITE_CACHE_SECONDS=60):
        yield
    forget_sites()


def site_queries(queries) -> int:
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in queries)


def test_the_site_is_read_once(client):
    # Wagtail serves every address it does not know: it finds the site, then routes below it.
    with CaptureQueriesContext(connection) as first:
        assert client.get("/tidak-ada/").status_code == 404
    with CaptureQueriesContext(connection) as second:
        assert client.get("/tidak-ada/").status_code == 404
    assert site_queries(first) == 1
    assert site_queries(second) == 0
    assert len(second) == len(first) - 1


def test_a_change_to_the_site_is_seen_at_once(client):
    site = Site.objects.get(is_default_site=True)
    client.get("/tidak-ada/")
    new_root = site.root_page.add_child(instance=Page(title="Beranda baru", slug="baru"))
    site.root_page = new_root
    site.save()
    with CaptureQueriesContext(connection) as after:
        client.get("/tidak-ada/")
    assert site_queries(after) == 1
    new_root.title = "Beranda"
    new_root.save_revision().publish()
    with CaptureQueriesContext(connection) as after_publish:
        client.get("/tidak-ada/")
    assert site_queries(after_publish) == 1  # its root page changed: read again
