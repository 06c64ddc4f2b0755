"""Lineage reads: a person's trainer chain and a curriculum's trainer tree, in SQL.

Both are computed in the database with recursive CTEs (``WITH RECURSIVE``, valid on SQLite
and PostgreSQL) in ONE query each, whatever the size of the tree; Python only shapes the
rows it gets back (ordering the tree for drawing, dates, labels).

Two readings of the training edges are used on purpose:

- the *tree* (parent, depth, drawing order) follows each person's **primary edge**, the
  edge with the earliest ``trained_on`` (then the lowest id) when several trainers trained
  her, so everyone sits under exactly one parent;
- *reach* (direct and indirect trainees) follows **every** edge, so a trainer who
  co-trained someone is credited even where the tree draws that person elsewhere. A person
  is counted once per trainer, however many paths lead to her.

Cycles in bad data (A trained B, B trained A) cannot loop forever: the tree stops at
``MAX_DEPTH`` generations and the reach closure keeps only distinct (ancestor, descendant)
pairs, of which there are finitely many.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from courses.selectors import courses_of
from lms.models import Library, Regency, StaffProfile

from .models import Cohort, CohortFacilitator, Level, Progression, Promotion, Tier, TrainingEdge

# No real cascade is this deep; the bound only stops bad data (a cycle) from looping.
MAX_DEPTH = 20


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One trainer above a person: generation 1 trained her, 2 trained that trainer..."""

    user_id: int
    name: str
    generation: int
    tier: str | None  # the tier she herself was trained at; None at the top of the cascade
    level: int
    library: str
    trained_on: date | None  # when she trained the person one generation below

    @property
    def tier_label(self) -> str:
        return str(Tier(self.tier).label) if self.tier else ""

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label)


@dataclass(slots=True)
class Node:
    """A person in a curriculum's trainer tree, with her reach.

    ``multiplier`` is "people reached per person trained directly": everyone she reached
    (direct + indirect) divided by her direct trainees. 1.0 means none of her trainees has
    trained anyone yet; 3.0 means each person she trained went on to reach two more on
    average. It is None for someone who trained no one.
    """

    user_id: int
    name: str
    library: str
    regency: str
    parent_id: int | None
    depth: int
    tier: str | None  # the tier she was trained at (her primary edge); None for a root
    level: int
    trained_on: date | None  # her primary edge's date, as a trainee
    certified_on: date | None  # trained_on, else the date she was promoted to graduate
    first_cohort_on: date | None  # first cohort of the curriculum she led
    direct: int
    indirect: int

    @property
    def reached(self) -> int:
        return self.direct + self.indirect

    @property
    def multiplier(self) -> float | None:
        if not self.direct:
            return None
        return round(self.reached / self.direct, 2)

    @property
    def days_to_first_cohort(self) -> int | None:
        if self.certified_on is None or self.first_cohort_on is None:
            return None
        return (self.first_cohort_on - self.certified_on).days

    @property
    def is_trainer(self) -> bool:
        """Trained someone, may lead cohorts (facilitator or above), or has led one."""
        return (
            self.direct > 0 or self.level >= Level.FACILITATOR or self.first_cohort_on is not None
        )

    @property
    def trained_no_one(self) -> bool:
        """A trainer by level or by a cohort she led, with no trainee recorded."""
        return self.direct == 0 and (
            self.level >= Level.FACILITATOR or self.first_cohort_on is not None
        )

    @property
    def tier_label(self) -> str:
        return str(Tier(self.tier).label) if self.tier else ""

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _tables() -> dict[str, str]:
    """The quoted table names the SQL below uses, by short name."""
    tables = {
        "edge": _table(TrainingEdge),
        "facilitator": _table(CohortFacilitator),
        "cohort": _table(Cohort),
        "progression": _table(Progression),
        "promotion": _table(Promotion),
        "user": _table(get_user_model()),
        "profile": _table(StaffProfile),
        "library": _table(Library),
        "regency": _table(Regency),
    }
    tables["primary_edge_ctes"] = _PRIMARY_EDGE_CTES.format(**tables)
    return tables


def _as_date(value) -> date | None:
    """Raw cursors on SQLite return dates as text; PostgreSQL returns date objects."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return parse_date(str(value)[:10])


def _as_local_date(value) -> date | None:
    """A stored timestamp (aware on PostgreSQL, UTC text on SQLite) as a local date."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = parse_datetime(str(value))
        if value is None:
            return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return timezone.localdate(value)


def _name(first: str, last: str, username: str) -> str:
    return f"{first or ''} {last or ''}".strip() or username


# Each person's earliest edge in the curriculum: the tree's parent link. Takes one parameter
# (the curriculum id).
_PRIMARY_EDGE_CTES = """
edge AS (
    SELECT id, trainee_id, trainer_id, tier, trained_on
    FROM {edge} WHERE curriculum_id = %s
),
primary_edge AS (
    SELECT trainee_id, trainer_id, tier, trained_on
    FROM (
        SELECT trainee_id, trainer_id, tier, trained_on,
               ROW_NUMBER() OVER (PARTITION BY trainee_id ORDER BY trained_on, id) AS rn
        FROM edge
    ) ranked
    WHERE rn = 1
)"""


def trainer_chain(*, user, curriculum) -> list[ChainLink]:
    """`user`'s trainers in `curriculum`, from the one who trained her up to the top of the
    cascade, following the earliest edge at each step. One query."""
    sql = """
WITH RECURSIVE {primary_edge_ctes},
chain(user_id, trained_on, generation) AS (
    SELECT trainer_id, trained_on, 1 FROM primary_edge WHERE trainee_id = %s
    UNION ALL
    SELECT p.trainer_id, p.trained_on, c.generation + 1
    FROM chain c JOIN primary_edge p ON p.trainee_id = c.user_id
    WHERE c.generation < %s
)
SELECT c.user_id, c.generation, c.trained_on, u.first_name, u.last_name, u.username,
       own.tier, COALESCE(pr.level, 0), lib.name
FROM chain c
JOIN {user} u ON u.id = c.user_id
LEFT JOIN primary_edge own ON own.trainee_id = c.user_id
LEFT JOIN {progression} pr ON pr.user_id = c.user_id AND pr.curriculum_id = %s
LEFT JOIN {profile} sp ON sp.user_id = c.user_id
LEFT JOIN {library} lib ON lib.id = sp.library_id
ORDER BY c.generation
""".format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, [curriculum.pk, user.pk, MAX_DEPTH, curriculum.pk])
        rows = cursor.fetchall()
    chain: list[ChainLink] = []
    seen = {user.pk}
    for user_id, generation, trained_on, first, last, username, tier, level, library in rows:
        if user_id in seen:  # a cycle in the data: the chain ends where it repeats
            break
        seen.add(user_id)
        chain.append(
            ChainLink(
                user_id=user_id,
                name=_name(first, last, username),
                generation=generation,
                tier=tier,
                level=level,
                library=library or "",
                trained_on=_as_date(trained_on),
            )
        )
    return chain


def _downstream_sql(*, curriculum, root) -> tuple[str, list]:
    courses = courses_of(curriculum).order_by().values("pk")
    course_sql, course_params = courses.query.sql_with_params()
    params: list = [curriculum.pk, CohortFacilitator.Role.LEAD.value, *course_params]
    if root is None:
        # The top of each tree: trainers never trained in this curriculum, and people who
        # are trainers by level or by a cohort they led but appear on no edge at all (so
        # that those who trained no one are listed too).
        roots = """
    SELECT trainer_id AS user_id FROM edge
    WHERE trainer_id NOT IN (SELECT trainee_id FROM edge)
    UNION
    SELECT user_id FROM {progression}
    WHERE curriculum_id = %s AND level >= %s
      AND user_id NOT IN (SELECT trainee_id FROM edge)
      AND user_id NOT IN (SELECT trainer_id FROM edge)
    UNION
    SELECT user_id FROM led
    WHERE user_id NOT IN (SELECT trainee_id FROM edge)
      AND user_id NOT IN (SELECT trainer_id FROM edge)"""
        params += [curriculum.pk, int(Level.FACILITATOR)]
    else:
        roots = "SELECT CAST(%s AS INTEGER) AS user_id"
        params.append(root.pk)
    params += [MAX_DEPTH, curriculum.pk, curriculum.pk, int(Level.GRADUATE)]
    template = """
WITH RECURSIVE {primary_edge_ctes},
led AS (
    SELECT f.user_id, MIN(c.starts_on) AS first_led_on
    FROM {facilitator} f JOIN {cohort} c ON c.id = f.cohort_id
    WHERE f.role = %s AND c.course_id IN ({course_sql})
    GROUP BY f.user_id
),
roots AS ({roots}
),
tree(user_id, parent_id, depth) AS (
    SELECT user_id, CAST(NULL AS INTEGER), 0 FROM roots
    UNION ALL
    SELECT p.trainee_id, p.trainer_id, t.depth + 1
    FROM tree t JOIN primary_edge p ON p.trainer_id = t.user_id
    WHERE t.depth < %s
),
closure(ancestor_id, descendant_id) AS (
    SELECT trainer_id, trainee_id FROM edge WHERE trainer_id IN (SELECT user_id FROM tree)
    UNION
    SELECT c.ancestor_id, e.trainee_id
    FROM closure c JOIN edge e ON e.trainer_id = c.descendant_id
),
reach AS (
    SELECT ancestor_id AS user_id, COUNT(*) AS reached
    FROM closure WHERE descendant_id <> ancestor_id
    GROUP BY ancestor_id
),
direct AS (
    SELECT trainer_id AS user_id, COUNT(*) AS trained FROM edge GROUP BY trainer_id
)
SELECT t.user_id, t.parent_id, t.depth, u.first_name, u.last_name, u.username,
       lib.name, reg.kind, reg.name, pe.tier, pe.trained_on, COALESCE(pr.level, 0),
       grad.promoted_at, led.first_led_on, COALESCE(d.trained, 0), COALESCE(r.reached, 0)
FROM tree t
JOIN {user} u ON u.id = t.user_id
LEFT JOIN {profile} sp ON sp.user_id = t.user_id
LEFT JOIN {library} lib ON lib.id = sp.library_id
LEFT JOIN {regency} reg ON reg.id = lib.regency_id
LEFT JOIN primary_edge pe ON pe.trainee_id = t.user_id
LEFT JOIN {progression} pr ON pr.user_id = t.user_id AND pr.curriculum_id = %s
LEFT JOIN (
    SELECT user_id, MIN(promoted_at) AS promoted_at FROM {promotion}
    WHERE curriculum_id = %s AND to_level = %s GROUP BY user_id
) grad ON grad.user_id = t.user_id
LEFT JOIN led ON led.user_id = t.user_id
LEFT JOIN direct d ON d.user_id = t.user_id
LEFT JOIN reach r ON r.user_id = t.user_id
ORDER BY t.depth, t.user_id
"""
    tables = _tables()
    # Table names are filled in first; the courses' SQL is inserted as it is.
    sql = template.format(**tables, roots=roots.format(**tables), course_sql=course_sql)
    return sql, params


def downstream(*, curriculum, root=None) -> list[Node]:
    """The trainer tree of `curriculum` (or `root`'s own subtree), every person with her
    reach, in drawing order: depth first, the largest trees first, siblings by the date
    they were trained, then by name. One query.
    """
    sql, params = _downstream_sql(curriculum=curriculum, root=root)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    regency_labels: dict[tuple, str] = {}
    nodes: dict[int, Node] = {}
    for (
        user_id,
        parent_id,
        depth,
        first,
        last,
        username,
        library,
        regency_kind,
        regency_name,
        tier,
        trained_on,
        level,
        graduated_at,
        first_led_on,
        trained,
        reached,
    ) in rows:
        if user_id in nodes:  # only bad data (a cycle through `root`) repeats a person
            continue
        if regency_name is None:
            regency = ""
        else:
            key = (regency_kind, regency_name)
            if key not in regency_labels:
                regency_labels[key] = str(Regency(kind=regency_kind, name=regency_name))
            regency = regency_labels[key]
        trained_on = _as_date(trained_on)
        nodes[user_id] = Node(
            user_id=user_id,
            name=_name(first, last, username),
            library=library or "",
            regency=regency,
            parent_id=parent_id if depth else None,
            depth=depth,
            tier=tier if depth or root is not None else None,
            level=level,
            trained_on=trained_on,
            certified_on=trained_on or _as_local_date(graduated_at),
            first_cohort_on=_as_date(first_led_on),
            direct=trained,
            indirect=max(reached - trained, 0),
        )
    return _drawing_order(nodes)


def _drawing_order(nodes: dict[int, Node]) -> list[Node]:
    """Depth-first order (a parent, then each of her branches), without recursion."""
    children: dict[int | None, list[Node]] = {}
    for node in nodes.values():
        parent = node.parent_id if node.parent_id in nodes else None
        children.setdefault(parent, []).append(node)
    for parent, siblings in children.items():
        if parent is None:  # the largest trees first
            siblings.sort(key=lambda n: (-n.reached, n.name.casefold(), n.user_id))
        else:
            siblings.sort(key=lambda n: (n.trained_on or date.min, n.name.casefold(), n.user_id))
    ordered: list[Node] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(children.get(node.user_id, [])))
    return ordered
