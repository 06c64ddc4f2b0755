"""The cascade pages: the tree and reach table, a person's lineage, exports and permissions."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lms.roles import Role
from mentoring.models import Level, Tier
from mentoring.views.cascade import MAX_DRAWN
from tests.courses import factories as course_factories
from tests.lms import factories
from tests.mentoring import lineage_builders as build

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def curriculum():
    return course_factories.curriculum()


@pytest.fixture
def lineage(curriculum, regency_library, village_library):
    """Nadia (national) -> Rina (regency) -> Vina (village); Budi is a facilitator who
    trained no one."""
    nadia = factories.user(role=Role.TRAINER, first_name="Nadia", library=regency_library)
    rina = factories.user(role=Role.MENTOR, first_name="Rina", library=regency_library)
    vina = factories.user(role=Role.LEARNER, first_name="Vina", library=village_library)
    budi = factories.user(role=Role.TRAINER, first_name="Budi", library=regency_library)
    build.edge(
        trainee=rina,
        trainer=nadia,
        curriculum=curriculum,
        tier=Tier.REGENCY,
        trained_on=date(2020, 1, 1),
    )
    build.edge(trainee=vina, trainer=rina, curriculum=curriculum, trained_on=date(2020, 5, 1))
    build.level(user=budi, curriculum=curriculum, to=Level.FACILITATOR)
    return {"nadia": nadia, "rina": rina, "vina": vina, "budi": budi}


def cascade_url(curriculum, **query):
    url = reverse("mentoring:cascade_curriculum", args=[curriculum.pk])
    return url + (f"?format={query['format']}" if "format" in query else "")


def person_url(curriculum, person, **query):
    url = reverse("mentoring:cascade_person", args=[curriculum.pk, person.pk])
    return url + (f"?format={query['format']}" if "format" in query else "")


def test_the_cascade_shows_the_tree_and_the_reach_table(programme_admin, curriculum, lineage):
    response = client_for(programme_admin).get(cascade_url(curriculum))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="cascade-tree"' in html and "<details" in html and "<svg" in html
    for person in lineage.values():
        assert person_url(curriculum, person) in html
    table = html[html.index('id="cascade-table"') :]
    # Trainers only: Nadia, Rina (trained someone), Budi (facilitator); not Vina.
    for key in ("nadia", "rina", "budi"):
        assert f'data-user="{lineage[key].pk}"' in table
    assert f'data-user="{lineage["vina"].pk}"' not in table
    budi_row = table[table.index(f'data-user="{lineage["budi"].pk}"') :].split("</tr>")[0]
    assert "cascade-flag" in budi_row
    assert 'data-figure="people">4<' in html and 'data-figure="trained-no-one">1<' in html


def test_the_first_curriculum_is_the_default(programme_admin, curriculum, lineage):
    response = client_for(programme_admin).get(reverse("mentoring:cascade"))
    assert response.status_code == 200
    assert response.context["curriculum"] == curriculum


def test_an_unknown_curriculum_is_not_found(programme_admin, curriculum):
    url = reverse("mentoring:cascade_curriculum", args=[curriculum.pk + 999])
    assert client_for(programme_admin).get(url).status_code == 404


def test_the_cascade_exports_csv_and_xlsx(programme_admin, curriculum, lineage):
    client = client_for(programme_admin)
    response = client.get(cascade_url(curriculum, format="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:3] == ["Name", "Tier", "Level"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Nadia", "Rina", "Budi"}
    header = rows[0]
    nadia = dict(zip(header, by_name["Nadia"], strict=True))
    assert (nadia["Direct trainees"], nadia["Indirect trainees"], nadia["Depth"]) == ("1", "1", "0")
    assert nadia["Multiplier"] == "2.0"
    assert dict(zip(header, by_name["Budi"], strict=True))["Trained no one"] == "yes"

    response = client.get(cascade_url(curriculum, format="xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Name" and len(values) == 4


def test_a_person_page_shows_her_chain_and_subtree(programme_admin, curriculum, lineage):
    response = client_for(programme_admin).get(person_url(curriculum, lineage["rina"]))
    assert response.status_code == 200
    assert [link.name for link in response.context["chain"]] == ["Nadia"]
    assert [row["node"].name for row in response.context["trainers"]] == ["Rina"]
    assert [item["node"].name for item in response.context["drawing"]] == ["Rina", "Vina"]
    html = response.content.decode()
    assert 'id="lineage-direct">1<' in html
    assert "Vina" in html and "Nadia" in html


def test_a_person_lineage_exports(programme_admin, curriculum, lineage):
    response = client_for(programme_admin).get(
        person_url(curriculum, lineage["vina"], format="csv")
    )
    rows = csv_rows(response)
    assert rows[0][:3] == ["Relation", "Generation", "Name"]
    assert [(row[0], row[1], row[2]) for row in rows[1:]] == [
        ("Trainer", "-2", "Nadia"),
        ("Trainer", "-1", "Rina"),
        ("Herself", "0", "Vina"),
    ]
    response = client_for(programme_admin).get(
        person_url(curriculum, lineage["rina"], format="xlsx")
    )
    assert response.status_code == 200
    assert len(list(load_workbook(io.BytesIO(response.content)).active.values)) == 4


def test_a_learner_is_refused_the_cascade_and_others_lineage(curriculum, lineage):
    client = client_for(lineage["vina"])
    assert client.get(reverse("mentoring:cascade")).status_code == 403
    assert client.get(cascade_url(curriculum)).status_code == 403
    assert client.get(cascade_url(curriculum, format="csv")).status_code == 403
    assert client.get(cascade_url(curriculum, format="xlsx")).status_code == 403
    for other in ("nadia", "rina"):
        assert client.get(person_url(curriculum, lineage[other])).status_code == 403
        assert client.get(person_url(curriculum, lineage[other], format="csv")).status_code == 403
        assert client.get(person_url(curriculum, lineage[other], format="xlsx")).status_code == 403
    # Her own lineage is hers to read, without links into the cascade or to other people.
    response = client.get(person_url(curriculum, lineage["vina"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rina" in html and "Nadia" in html
    assert reverse("mentoring:cascade_curriculum", args=[curriculum.pk]) + '"' not in html
    assert person_url(curriculum, lineage["rina"]) not in html
    assert client.get(person_url(curriculum, lineage["vina"], format="csv")).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(curriculum, lineage):
    response = Client().get(cascade_url(curriculum))
    assert response.status_code == 302 and "next=" in response["Location"]
    response = Client().get(person_url(curriculum, lineage["vina"], format="csv"))
    assert response.status_code == 302


def test_trainers_and_mentors_may_read_the_cascade(curriculum, lineage):
    for key in ("nadia", "rina"):
        assert client_for(lineage[key]).get(cascade_url(curriculum)).status_code == 200
        url = person_url(curriculum, lineage["vina"])
        assert client_for(lineage[key]).get(url).status_code == 200


def test_an_unknown_person_is_not_found(programme_admin, curriculum):
    url = reverse("mentoring:cascade_person", args=[curriculum.pk, 987654])
    assert client_for(programme_admin).get(url).status_code == 404


def test_the_cascade_costs_the_same_queries_for_10_and_5000_people(programme_admin):
    small, large = course_factories.curriculum(), course_factories.curriculum()
    build.tree(curriculum=small, size=10, branching=3)
    users = build.tree(curriculum=large, size=5000, branching=6)
    client = client_for(programme_admin)
    client.get(cascade_url(small))  # warm the session and caches alike for both

    counts, pages = [], []
    for curriculum in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(cascade_url(curriculum))
        assert response.status_code == 200
        counts.append(len(queries))
        pages.append(response)
    assert counts[0] == counts[1]
    assert counts[1] <= 8

    large_page = pages[1]
    assert large_page.context["summary"]["people"] == 5000
    assert len(large_page.context["drawing"]) == MAX_DRAWN
    assert len(large_page.context["trainers"]) == MAX_DRAWN
    assert "The picture shows the first" in large_page.content.decode()
    # Bounded page: the same order of size as a small tree's, whatever the tree's size.
    assert len(large_page.content) < 250_000
    root = next(node for node in large_page.context["drawing"] if node["node"].depth == 0)["node"]
    assert root.user_id == users[0].pk and root.direct == 6 and root.reached == 4999

    # A person's page: a subtree of 1,555 people costs what a lone person's does.
    (loner,) = build.people(1)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(person_url(large, users[1]))
    assert response.status_code == 200
    assert response.context["summary"]["people"] == 1 + 6 + 36 + 216 + 1296
    with CaptureQueriesContext(connection) as small_queries:
        client.get(person_url(small, loner))
    assert len(queries) == len(small_queries)
