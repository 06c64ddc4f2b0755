"""The Server-Timing header benchmarks read: server time and the SQL queries a request ran."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

HEADER = re.compile(r'^app;dur=(\d+\.\d\d), sql;desc="(\d+) queries";dur=(\d+\.\d\d)$')


def test_the_header_is_off_unless_asked_for(client):
    assert "Server-Timing" not in client.get(reverse("lms:login"))


@override_settings(MIDDLEWARE=["lms.timing.ServerTimingMiddleware", *settings.MIDDLEWARE])
def test_the_header_gives_the_time_and_the_queries_of_the_request(client, django_user_model):
    user = django_user_model.objects.create_user(username="sari", password="x")
    client.force_login(user)
    with CaptureQueriesContext(connection) as ran:
        response = client.get(reverse("lms:home"))
    found = HEADER.match(response["Server-Timing"])
    assert found, response["Server-Timing"]
    total, queries, sql = float(found[1]), int(found[2]), float(found[3])
    assert queries == len(ran) > 0
    assert 0 < sql <= total
