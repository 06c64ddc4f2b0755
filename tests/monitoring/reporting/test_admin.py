"""The "Monitoring" admin menu: report targets, library reports and regional admins, for
programme admins only, with the same rules as the site's forms."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from lms.roles import Role
from monitoring.models import LibraryReport, RegionalAdmin, ReportTarget
from monitoring.reporting import admin, deadlines, services
from tests.lms import factories
from tests.monitoring.factories import report

pytestmark = pytest.mark.django_db

REPORTS = "wagtailsnippets_monitoring_libraryreport"
TARGETS = "wagtailsnippets_monitoring_reporttarget"
REGIONAL = "wagtailsnippets_monitoring_regionaladmin"


def figures(**changes) -> dict:
    return {
        "visitors": "100",
        "computer_users": "50",
        "internet_users": "40",
        "computers_added": "0",
        "computers_removed": "0",
        "inventory_note": "",
        "notes": "",
        **changes,
    }


def test_one_monitoring_menu_groups_the_three_screens():
    group = admin.monitoring_viewset_group
    assert str(group.menu_label) == gettext("Monitoring")
    assert [viewset.model for viewset in group.registerables] == [
        LibraryReport,
        ReportTarget,
        RegionalAdmin,
    ]


def test_only_programme_admins_may_use_them(programme_admin):
    trainer = factories.user(role=Role.TRAINER, username="pelatih")
    policy = admin.ProgrammeAdminPolicy(LibraryReport, actions=("change", "view"))
    assert policy.user_has_permission(programme_admin, "change")
    assert not policy.user_has_permission(programme_admin, "add")  # written on the site
    assert not policy.user_has_any_permission(trainer, ["view", "change"])
    assert programme_admin in policy.users_with_any_permission(["view"])


def test_reports_are_listed_filtered_searched_inspected_and_corrected(
    client, programme_admin, village_library, django_capture_on_commit_callbacks
):
    month = deadlines.last_month()
    row = report(village_library, month, visitors=10)
    report(village_library, deadlines.months_back(month, 2)[1], status=LibraryReport.Status.DRAFT)
    client.force_login(programme_admin)
    listing = client.get(
        reverse(f"{REPORTS}:list"),
        {"month": month.isoformat(), "status": "submitted", "q": "Tunas"},
    )
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [row]
    assert client.get(reverse(f"{REPORTS}:inspect", args=[row.pk])).status_code == 200
    assert client.get(reverse(f"{REPORTS}:add")).status_code in (302, 403)

    edit = reverse(f"{REPORTS}:edit", args=[row.pk])
    refused = client.post(edit, figures(computer_users="500"))
    assert refused.status_code == 200
    message = services.COMPUTER_USERS_OVER_VISITORS % {"visitors": 100}
    assert escape(message) in refused.content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(edit, figures(visitors="150")).status_code == 302
    row.refresh_from_db()
    assert row.visitors == 150 and row.status == LibraryReport.Status.SUBMITTED
    assert callbacks  # the regency's figures are redone


def test_targets_are_validated_by_the_model(client, programme_admin):
    client.force_login(programme_admin)
    add = reverse(f"{TARGETS}:add")
    target = {
        "library_kind": "village",
        "measure": "visitors",
        "target": "200",
        "yellow_from": "60",
    }
    assert client.post(add, {**target, "target": "0"}).status_code == 200
    assert client.post(add, {**target, "yellow_from": "100"}).status_code == 200
    assert client.post(add, target).status_code == 302
    assert client.post(add, target).status_code == 200  # one per kind and measure
    assert ReportTarget.objects.get().target == 200
    listing = client.get(reverse(f"{TARGETS}:list"))
    assert str(ReportTarget.objects.get().get_library_kind_display()) in listing.content.decode()


def test_regional_admins_choose_an_account_and_one_area(client, programme_admin, village_library):
    official = factories.user(role=None, username="dinas-lumajang")
    client.force_login(programme_admin)
    add = reverse(f"{REGIONAL}:add")
    regency = village_library.regency
    both = {"user": official.pk, "province": regency.province_id, "regency": regency.pk}
    assert client.post(add, both).status_code == 200
    assert client.post(add, {"user": official.pk, "regency": regency.pk}).status_code == 302
    assert RegionalAdmin.objects.get().regency == regency
    form = client.get(add).content.decode()
    assert reverse("monitoring_user_chooser:choose") in form  # a chooser, not a long list
    found = client.get(reverse("monitoring_user_chooser:choose_results"), {"q": "dinas"})
    assert official in found.context["results"]


def test_others_see_no_account_in_the_chooser_and_no_screen(client, programme_admin):
    trainer = factories.user(role=Role.TRAINER, username="pelatih")
    client.force_login(trainer)
    results = client.get(reverse("monitoring_user_chooser:choose_results"), {"q": "admin"})
    assert list(results.context["results"]) == []
    chosen = client.get(reverse("monitoring_user_chooser:chosen", args=[programme_admin.pk]))
    assert chosen.status_code == 404
    for name in (REPORTS, TARGETS, REGIONAL):
        assert client.get(reverse(f"{name}:list")).status_code in (302, 403)
    assert "Report targets" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_month_filter_offers_the_months_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        choices = admin.recent_months()
    assert choices[1][0] == deadlines.last_month().isoformat()
