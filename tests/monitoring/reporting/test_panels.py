"""The home panel and the menu entry, called as their hooks call them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.roles import Role
from monitoring.models import LibraryReport
from monitoring.reporting import deadlines, panels
from tests.lms import factories
from tests.monitoring.factories import report

from .conftest import warm

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def measured(build, user):
    warm(user)
    with CaptureQueriesContext(connection) as queries:
        result = build(request_for(user))
    return result, len(queries)


def test_library_staff_see_last_month_s_report_and_a_link_to_write_it(staff, village, last_month):
    panel, queries = measured(panels.home_panel, staff)
    assert queries == 1
    labels = dict(panel.rows)
    assert len(labels) == 1
    state = list(labels.values())[0]
    assert state in (deadlines.Timeliness.NOT_STARTED.label, deadlines.Timeliness.MISSING.label)
    urls = [link.url for link in panel.links]
    assert reverse("monitoring:report_month", args=[village.pk, last_month]) in urls
    assert reverse("monitoring:report_home") in urls


def test_once_submitted_the_panel_says_so_and_shows_this_month_s_draft(staff, village, last_month):
    report(village, last_month, submitted_on=deadlines.due_date(last_month))
    report(village, deadlines.this_month(), status=LibraryReport.Status.DRAFT)
    panel, _queries = measured(panels.home_panel, staff)
    states = [state for _label, state in panel.rows]
    assert states == [deadlines.Timeliness.ON_TIME.label, deadlines.Timeliness.DRAFT.label]
    assert [link.url for link in panel.links] == [reverse("monitoring:report_home")]


def test_mentors_see_the_late_reports_of_their_libraries(mentor, village, last_month):
    panel, queries = measured(panels.home_panel, mentor)
    assert queries == 2  # her own library's reports, the late count
    late = (
        dict(panel.rows)["Late reports of the libraries you mentor"]
        if False
        else (panel.rows[-1][1])
    )
    months = deadlines.months_back(last_month, 6)
    assert late == sum(deadlines.is_past_due(month) for month in months)
    assert reverse("monitoring:report_mentored") in [link.url for link in panel.links]


def test_no_panel_and_no_menu_for_people_without_a_library(programme_admin, db):
    nobody = factories.user(role=Role.LEARNER, username="tanpa-perpustakaan")
    for user in (programme_admin, nobody):
        assert measured(panels.home_panel, user) == (None, 0)
    assert measured(panels.menu_link, nobody) == (None, 0)


def test_the_menu_link_costs_no_query(staff, mentor, programme_admin):
    for user in (mentor, programme_admin):
        link, queries = measured(panels.menu_link, user)
        assert queries == 0
        assert link.url == reverse("monitoring:report_home")
    # Library staff find their reports on the home page; the menu on every page costs
    # them nothing.
    assert measured(panels.menu_link, staff) == (None, 0)


def test_anonymous_visitors_get_neither(client):
    request = request_for(AnonymousUser())
    assert panels.home_panel(request) is None and panels.menu_link(request) is None
