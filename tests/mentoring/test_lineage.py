"""Lineage reads: the trainer chain and the downstream tree with its reach, computed in SQL."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.roles import Role
from mentoring.lineage import downstream, trainer_chain
from mentoring.models import Level, Tier
from tests.courses import factories as course_factories
from tests.lms import factories
from tests.mentoring import lineage_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def curriculum():
    return course_factories.curriculum()


@pytest.fixture
def course(curriculum):
    return course_factories.course(parent=curriculum, modules=1, lessons_per_module=1, quiz=False)


@pytest.fixture
def cascade(curriculum, course, regency_library, village_library, programme_admin):
    """A hand-built cascade:

    M (master, graduated 2019-12-01, leads a cohort 2019-12-11)
    ├─ A  regency 2020-01-10 (leads a cohort 2020-02-09)
    │   ├─ C  village 2020-03-01
    │   │   └─ E  village 2020-06-01 (also trained by M, 2021-01-01)
    │   └─ D  village 2020-03-02
    └─ B  regency 2020-01-11 (facilitator, trained no one)
    F  facilitator with no edge at all (trained no one)
    """
    m = factories.user(first_name="Maya", last_name="Master", library=regency_library)
    a = factories.user(first_name="Ani", library=regency_library)
    b = factories.user(first_name="Budi", library=regency_library)
    c = factories.user(first_name="Citra", library=village_library)
    d = factories.user(first_name="Dewi", library=village_library)
    e = factories.user(first_name="Eka", library=village_library)
    f = factories.user(first_name="Fajar", library=regency_library)
    build.edge(
        trainee=a, trainer=m, curriculum=curriculum, tier=Tier.REGENCY, trained_on=date(2020, 1, 10)
    )
    build.edge(
        trainee=b, trainer=m, curriculum=curriculum, tier=Tier.REGENCY, trained_on=date(2020, 1, 11)
    )
    build.edge(trainee=c, trainer=a, curriculum=curriculum, trained_on=date(2020, 3, 1))
    build.edge(trainee=d, trainer=a, curriculum=curriculum, trained_on=date(2020, 3, 2))
    build.edge(trainee=e, trainer=c, curriculum=curriculum, trained_on=date(2020, 6, 1))
    build.edge(trainee=e, trainer=m, curriculum=curriculum, trained_on=date(2021, 1, 1))
    build.level(user=m, curriculum=curriculum, to=Level.MASTER_TRAINER)
    build.level(user=a, curriculum=curriculum, to=Level.FACILITATOR)
    build.level(user=b, curriculum=curriculum, to=Level.FACILITATOR)
    build.level(user=f, curriculum=curriculum, to=Level.FACILITATOR)
    build.graduated(
        user=m, curriculum=curriculum, on=date(2019, 12, 1), approved_by=programme_admin
    )
    build.cohort(course=course, host_library=regency_library, starts_on=date(2019, 12, 11), lead=m)
    build.cohort(course=course, host_library=regency_library, starts_on=date(2020, 2, 9), lead=a)
    build.cohort(course=course, host_library=regency_library, starts_on=date(2020, 5, 1), lead=a)
    # Co-facilitating earlier, or leading another curriculum's cohort, does not count.
    build.cohort(course=course, host_library=regency_library, starts_on=date(2020, 1, 20), co=a)
    other = course_factories.course(modules=1, lessons_per_module=1, quiz=False)
    build.cohort(course=other, host_library=regency_library, starts_on=date(2020, 1, 15), lead=a)
    return {"M": m, "A": a, "B": b, "C": c, "D": d, "E": e, "F": f}


def by_name(nodes, people):
    ids = {user.pk: key for key, user in people.items()}
    return {ids[node.user_id]: node for node in nodes}


def test_trainer_chain_goes_up_three_tiers_with_names_and_tiers(cascade, curriculum):
    with CaptureQueriesContext(connection) as queries:
        chain = trainer_chain(user=cascade["E"], curriculum=curriculum)
    assert len(queries) == 1
    assert [link.user_id for link in chain] == [cascade[k].pk for k in "CAM"]
    assert [link.generation for link in chain] == [1, 2, 3]
    assert [link.name for link in chain] == ["Citra", "Ani", "Maya Master"]
    # Each trainer's own tier (the tier she was trained at); the master is at the top.
    assert [link.tier for link in chain] == [Tier.VILLAGE, Tier.REGENCY, None]
    assert chain[0].trained_on == date(2020, 6, 1)  # Citra trained Eka (the earliest edge)
    assert chain[2].level == Level.MASTER_TRAINER


def test_trainer_chain_is_empty_at_the_top_and_ignores_other_curricula(cascade, curriculum):
    assert trainer_chain(user=cascade["M"], curriculum=curriculum) == []
    other = course_factories.curriculum(title="Advokasi")
    assert trainer_chain(user=cascade["E"], curriculum=other) == []


def test_a_cycle_in_the_data_ends_the_chain_and_the_tree(curriculum):
    x, y = build.people(2)
    build.edge(trainee=x, trainer=y, curriculum=curriculum)
    build.edge(trainee=y, trainer=x, curriculum=curriculum, trained_on=date(2020, 2, 1))
    assert [link.user_id for link in trainer_chain(user=x, curriculum=curriculum)] == [y.pk]
    nodes = downstream(curriculum=curriculum, root=x)
    assert [n.user_id for n in nodes] == [x.pk, y.pk]
    assert nodes[0].direct == 1 and nodes[0].indirect == 0


def test_downstream_counts_direct_indirect_depth_and_multiplier(cascade, curriculum):
    with CaptureQueriesContext(connection) as queries:
        nodes = downstream(curriculum=curriculum)
    assert len(queries) == 1
    n = by_name(nodes, cascade)
    assert set(n) == set("MABCDEF")
    depth = {k: node.depth for k, node in n.items()}
    assert depth == {"M": 0, "A": 1, "B": 1, "C": 2, "D": 2, "E": 3, "F": 0}
    # Eka hangs under Citra (her earliest trainer) in the tree ...
    assert n["E"].parent_id == cascade["C"].pk
    assert n["A"].parent_id == cascade["M"].pk and n["M"].parent_id is None
    # ... but Maya, who also trained her, counts her once as a direct trainee.
    assert (n["M"].direct, n["M"].indirect) == (3, 2)
    assert (n["A"].direct, n["A"].indirect) == (2, 1)
    assert (n["C"].direct, n["C"].indirect) == (1, 0)
    assert (n["D"].direct, n["D"].indirect) == (0, 0)
    assert n["M"].multiplier == round(5 / 3, 2)
    assert n["A"].multiplier == 1.5
    assert n["C"].multiplier == 1.0
    assert n["D"].multiplier is None
    assert n["A"].library == "Perpustakaan Kab. Lumajang"
    assert n["A"].regency.startswith("Kab.")
    assert n["A"].tier == Tier.REGENCY and n["M"].tier is None


def test_downstream_is_in_drawing_order(cascade, curriculum):
    nodes = downstream(curriculum=curriculum)
    ids = {user.pk: key for key, user in cascade.items()}
    order = "".join(ids[node.user_id] for node in nodes)
    # Depth first; siblings by the date they were trained; roots without edges after.
    assert order == "MACEDBF"


def test_trainers_who_trained_no_one_are_flagged(cascade, curriculum):
    n = by_name(downstream(curriculum=curriculum), cascade)
    flagged = {k for k, node in n.items() if node.trained_no_one}
    # Budi and Fajar are facilitators without trainees; Dewi and Eka are not trainers.
    assert flagged == {"B", "F"}
    assert n["F"].depth == 0 and n["F"].direct == 0
    assert {k for k, node in n.items() if node.is_trainer} == {"M", "A", "B", "C", "F"}


def test_a_lead_facilitator_without_trainees_is_flagged(curriculum, course, regency_library):
    (lead,) = build.people(1)
    build.cohort(course=course, host_library=regency_library, starts_on=date(2021, 1, 1), lead=lead)
    (node,) = downstream(curriculum=curriculum)
    assert node.user_id == lead.pk and node.trained_no_one
    assert node.first_cohort_on == date(2021, 1, 1)
    assert node.days_to_first_cohort is None  # never certified: no edge, no promotion


def test_days_from_own_certification_to_first_cohort_led(cascade, curriculum):
    n = by_name(downstream(curriculum=curriculum), cascade)
    # Ani: trained 2020-01-10, first led 2020-02-09 (co-facilitating and the other
    # curriculum's cohort do not count).
    assert n["A"].certified_on == date(2020, 1, 10)
    assert n["A"].first_cohort_on == date(2020, 2, 9)
    assert n["A"].days_to_first_cohort == 30
    # Maya has no trainer: her graduate promotion is her certification.
    assert n["M"].certified_on == date(2019, 12, 1)
    assert n["M"].days_to_first_cohort == 10
    assert n["B"].days_to_first_cohort is None


def test_downstream_of_a_root_is_her_subtree(cascade, curriculum):
    nodes = downstream(curriculum=curriculum, root=cascade["A"])
    ids = {user.pk: key for key, user in cascade.items()}
    assert [(ids[n.user_id], n.depth) for n in nodes] == [("A", 0), ("C", 1), ("E", 2), ("D", 1)]
    assert nodes[0].tier == Tier.REGENCY and nodes[0].parent_id is None
    assert (nodes[0].direct, nodes[0].indirect) == (2, 1)


def test_downstream_of_someone_outside_the_tree_is_herself(curriculum):
    person = factories.user(role=Role.LEARNER)
    (node,) = downstream(curriculum=curriculum, root=person)
    assert node.user_id == person.pk and node.direct == 0 and node.multiplier is None


def test_a_large_tree_is_counted_in_one_query(curriculum):
    users = build.tree(curriculum=curriculum, size=781, branching=5)  # 1+5+25+125+625
    with CaptureQueriesContext(connection) as queries:
        nodes = downstream(curriculum=curriculum)
    assert len(queries) == 1
    assert len(nodes) == 781
    root = nodes[0]
    assert root.user_id == users[0].pk
    assert (root.direct, root.indirect, root.multiplier) == (5, 775, 156.0)
    assert max(node.depth for node in nodes) == 4
    assert sum(1 for node in nodes if node.direct == 0) == 625
    chain = trainer_chain(user=users[-1], curriculum=curriculum)
    assert [link.generation for link in chain] == [1, 2, 3, 4]
    assert chain[-1].user_id == users[0].pk
