"""The programme dashboard and its province and kabupaten versions: who sees what, the
period, the exports and a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lms.models import Library
from lms.roles import Role
from monitoring.periods import add_months
from monitoring.services.summary import figures_refresh
from tests.lms import factories
from tests.monitoring.factories import regional_admin, report

pytestmark = pytest.mark.django_db

MONTH = add_months(timezone.localdate().replace(day=1), -1)
QUERY = {"period": "month", "year": MONTH.year, "month": MONTH.month}


@pytest.fixture
def network(db):
    """Two provinces: Jawa Timur with Lumajang and Jember, Jawa Tengah with Klaten; each
    regency with a village library that reported last month."""
    east = factories.province(name="Jawa Timur")
    central = factories.province(name="Jawa Tengah")
    regencies = {
        "lumajang": factories.regency(province=east, name="Lumajang"),
        "jember": factories.regency(province=east, name="Jember"),
        "klaten": factories.regency(province=central, name="Klaten"),
    }
    visitors = {"lumajang": 120, "jember": 80, "klaten": 50}
    libraries = {}
    for slug, regency in regencies.items():
        libraries[slug] = factories.library(regency=regency, name=f"Perpustakaan Desa {slug}")
        report(libraries[slug], MONTH, visitors=visitors[slug], activities=[(4, 3)])
    figures_refresh()
    return {"east": east, "central": central, **regencies, "libraries": libraries}


def page(client, url, **params):
    return client.get(url, {**QUERY, **params})


def test_programme_admin_sees_every_province(client, programme_admin, network):
    client.force_login(programme_admin)
    response = page(client, reverse("monitoring:home"))
    assert response.status_code == 200
    board = response.context["board"]
    rows = {row[0]: row for row in board.areas.table.rows}
    assert set(rows) == {"Jawa Tengah", "Jawa Timur"}
    assert board.total("reports.visitors") == 250
    assert board.total("reports.participants") == 21
    assert board.total("reports.submitted") == 3
    content = response.content.decode()
    assert "<svg" in content
    assert reverse("monitoring:province", args=[network["east"].pk]) in content


def test_visitor_totals_add_up_by_area(client, programme_admin, network):
    client.force_login(programme_admin)

    def visitors(url):
        return page(client, url).context["board"].total("reports.visitors")

    assert visitors(reverse("monitoring:home")) == 250
    assert visitors(reverse("monitoring:province", args=[network["east"].pk])) == 200
    assert visitors(reverse("monitoring:regency", args=[network["lumajang"].pk])) == 120


def test_kabupaten_admin_goes_to_her_kabupaten(client, network):
    admin = factories.user(role=None, username="admin-lumajang")
    regional_admin(admin, regency=network["lumajang"])
    client.force_login(admin)
    response = client.get(reverse("monitoring:home"))
    assert response.status_code == 302
    assert response.url == reverse("monitoring:regency", args=[network["lumajang"].pk])
    own = page(client, response.url)
    assert own.status_code == 200
    assert "Jember" not in own.content.decode()


@pytest.mark.parametrize(
    "target",
    [
        lambda n: reverse("monitoring:regency", args=[n["jember"].pk]),
        lambda n: reverse("monitoring:regency", args=[n["klaten"].pk]),
        lambda n: reverse("monitoring:province", args=[n["east"].pk]),
        lambda n: reverse("monitoring:province", args=[n["central"].pk]),
        lambda n: reverse("monitoring:regency", args=[n["jember"].pk]) + "?table=areas&format=csv",
    ],
)
def test_kabupaten_admin_cannot_see_another_area(client, network, target):
    admin = factories.user(role=None, username="admin-lumajang")
    regional_admin(admin, regency=network["lumajang"])
    client.force_login(admin)
    assert client.get(target(network)).status_code == 403


def test_kabupaten_admin_cannot_see_the_programme(client, network):
    admin = factories.user(role=None, username="admin-lumajang")
    regional_admin(admin, regency=network["lumajang"])
    regional_admin(admin, regency=network["klaten"])
    client.force_login(admin)
    response = client.get(reverse("monitoring:home"))
    # Two areas: she chooses, and the list names only hers.
    assert response.status_code == 200
    assert [area.name for area in response.context["areas"]] == [
        str(network["klaten"]),
        str(network["lumajang"]),
    ]
    assert "Jember" not in response.content.decode()


def test_province_admin_sees_her_regencies_only(client, network):
    admin = factories.user(role=None, username="admin-jatim")
    regional_admin(admin, province=network["east"])
    client.force_login(admin)
    board = page(client, reverse("monitoring:province", args=[network["east"].pk])).context["board"]
    assert {row[0] for row in board.areas.table.rows} == {
        str(network["lumajang"]),
        str(network["jember"]),
    }
    assert (
        page(client, reverse("monitoring:regency", args=[network["jember"].pk])).status_code == 200
    )
    assert (
        page(client, reverse("monitoring:regency", args=[network["klaten"].pk])).status_code == 403
    )
    assert (
        page(client, reverse("monitoring:province", args=[network["central"].pk])).status_code
        == 403
    )


def test_learners_and_mentors_without_a_scope_are_refused(client, network):
    learner = factories.user(role=Role.LEARNER, library=network["libraries"]["lumajang"])
    client.force_login(learner)
    assert client.get(reverse("monitoring:home")).status_code == 403
    mentor = factories.user(role=Role.MENTOR)
    client.force_login(mentor)
    assert client.get(reverse("monitoring:home")).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, network):
    response = client.get(reverse("monitoring:home"))
    assert response.status_code == 302
    assert reverse("lms:login") in response.url


def test_unknown_area_is_not_found(client, programme_admin, network):
    client.force_login(programme_admin)
    assert client.get(reverse("monitoring:regency", args=[999999])).status_code == 404
    assert client.get(reverse("monitoring:province", args=[999999])).status_code == 404


def test_csv_and_xlsx_export_the_table_shown(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:home")
    board = page(client, url).context["board"]
    shown = board.areas.table
    response = page(client, url, table="areas", format="csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == shown.columns
    assert rows[1:] == [[str(cell) for cell in row] for row in shown.rows]
    response = page(client, url, table="areas", format="xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == shown.columns
    assert values[1:] == [list(row) for row in shown.rows]


def test_every_block_can_be_exported(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:home")
    board = page(client, url).context["board"]
    for block in board.blocks:
        response = page(client, url, table=block.slug, format="csv")
        assert response.status_code == 200, block.slug


def test_unknown_table_or_format_is_not_found(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:home")
    assert page(client, url, table="nothing", format="csv").status_code == 404
    assert page(client, url, table="areas", format="pdf").status_code == 404


def test_a_bad_period_says_why_and_shows_this_year(client, programme_admin, network):
    client.force_login(programme_admin)
    response = client.get(
        reverse("monitoring:home"), {"period": "custom", "start": "2026-05", "end": "2026-01"}
    )
    assert response.status_code == 200
    assert response.context["board"].period.kind == "year"
    assert response.context["form"].non_field_errors()


def test_period_filters_the_figures(client, programme_admin, network):
    earlier = add_months(MONTH, -3)
    report(network["libraries"]["lumajang"], earlier, visitors=1000)
    figures_refresh()
    client.force_login(programme_admin)

    def visitors(**params):
        return (
            client.get(reverse("monitoring:home"), params)
            .context["board"]
            .total("reports.visitors")
        )

    assert visitors(**QUERY) == 250
    assert visitors(period="custom", start=f"{earlier:%Y-%m}", end=f"{MONTH:%Y-%m}") == 1250
    earlier_only = {"period": "month", "year": earlier.year, "month": earlier.month}
    assert visitors(**earlier_only) == 1000


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, QUERY)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_queries_do_not_grow_with_the_programme(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:home")
    small = queries_for(client, url)
    for n in range(15):
        province = factories.province(name=f"Provinsi {n}")
        for m in range(2):
            regency = factories.regency(province=province, name=f"Kabupaten {n}-{m}")
            library = factories.library(regency=regency, kind=Library.Kind.TBM)
            report(library, MONTH, visitors=10 + n, activities=[(1, 1)], impacts=["job"])
    figures_refresh()
    assert queries_for(client, url) == small
    assert small <= 16


def test_regency_page_queries_are_fixed(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:regency", args=[network["lumajang"].pk])
    small = queries_for(client, url)
    for _n in range(10):
        library = factories.library(regency=network["lumajang"])
        report(library, MONTH, visitors=5, activities=[(2, 2), (1, 0)])
    figures_refresh()
    assert queries_for(client, url) == small


def test_menu_shows_monitoring_to_admins_only(client, programme_admin, network):
    client.force_login(programme_admin)
    assert reverse("monitoring:home") in client.get(reverse("lms:home")).content.decode()
    learner = factories.user(role=Role.LEARNER, library=network["libraries"]["klaten"])
    client.force_login(learner)
    assert reverse("monitoring:home") not in client.get(reverse("lms:home")).content.decode()


def test_regional_admins_find_their_dashboard_on_the_home_page(client, network):
    admin = factories.user(role=None, username="admin-lumajang")
    regional_admin(admin, regency=network["lumajang"])
    client.force_login(admin)
    assert reverse("monitoring:home") in client.get(reverse("lms:home")).content.decode()


def test_a_built_dashboard_is_kept_until_the_next_refresh(client, programme_admin, network):
    client.force_login(programme_admin)
    url = reverse("monitoring:home")
    first = queries_for(client, url)
    again = queries_for(client, url)
    assert again < first  # the sums come from the cache
    report(network["libraries"]["klaten"], add_months(MONTH, -2), visitors=7)
    report(factories.library(regency=network["klaten"]), MONTH, visitors=9)
    assert page(client, url).context["board"].total("reports.visitors") == 250  # not redone
    figures_refresh(regency_ids=[network["klaten"].pk])
    assert page(client, url).context["board"].total("reports.visitors") == 259
