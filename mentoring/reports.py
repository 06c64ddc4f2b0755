"""Read-side aggregates for the district (kabupaten/kota) and fidelity pages, in fixed queries.

Every function here runs a fixed number of SQL queries whatever the number of libraries,
people, visits or attempts: the database counts and averages, Python only arranges rows.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Exists, F, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from courses import selectors as courses
from lms.models import Library, Regency

from .models import Cohort, FollowUp, Tier, TrainingEdge, Visit

# Enrolment status values as the courses app stores them (it exposes no constant for them
# through its selectors); only active enrolments count as training "in progress".
ENROLLMENT_ACTIVE = "active"

# How many months the visits chart and table cover, this month included.
VISIT_MONTHS = 12

# A trainer's branch is flagged when its learners' average on a quiz is at least this many
# percentage points below the average of the whole tier on the same quiz...
FIDELITY_GAP_POINTS = 15
# ...and it has at least this many learners, so that one bad day is not flagged as a pattern.
FIDELITY_MIN_LEARNERS = 5

# The tier shown for people who sat a quiz without a lineage edge in its curriculum.
UNTRACKED = "untracked"


# Coverage of a regency's village libraries and TBMs per curriculum


class CoverageState:
    TRAINED = "trained"
    IN_PROGRESS = "in_progress"
    NONE = "none"

    LABELS = {
        TRAINED: _("Trained"),
        IN_PROGRESS: _("In progress"),
        NONE: _("None"),
    }


@dataclass
class CoverageCell:
    state: str

    @property
    def label(self):
        return CoverageState.LABELS[self.state]


@dataclass
class CoverageRow:
    library: Library
    cells: list[CoverageCell]


@dataclass
class CoverageTotal:
    curriculum: object
    trained: int = 0
    in_progress: int = 0
    none: int = 0


@dataclass
class Coverage:
    curricula: list
    rows: list[CoverageRow]
    totals: list[CoverageTotal]


def mentored_libraries(*, regency: Regency):
    """The village libraries and TBMs of a regency, by name."""
    return Library.objects.filter(regency=regency, kind__in=Library.MENTORED_KINDS).order_by(
        "name", "pk"
    )


def regency_coverage(*, regency: Regency) -> Coverage:
    """For each village library/TBM of the regency and each curriculum: "trained" when at
    least one of its staff completed a course of the curriculum, "in progress" when one is
    actively enrolled and none completed, else "none". Three queries: the curricula, the
    libraries, and their staff's enrolments counted per library and curriculum."""
    curricula = list(courses.curricula())
    libraries = mentored_libraries(regency=regency)
    counts = {
        (row["library"], row["curriculum_path"]): row
        for row in courses.enrollments_with_curriculum(curricula)
        .filter(user__staff_profile__library__in=libraries.values("pk"))
        .values("curriculum_path", library=F("user__staff_profile__library_id"))
        .annotate(
            trained=Count("pk", filter=Q(completed_at__isnull=False)),
            enrolled=Count("pk", filter=Q(status=ENROLLMENT_ACTIVE)),
        )
        .order_by()
    }
    totals = [CoverageTotal(curriculum=curriculum) for curriculum in curricula]
    rows = []
    for library in libraries:
        cells = []
        for curriculum, total in zip(curricula, totals, strict=True):
            found = counts.get((library.pk, curriculum.path))
            if found and found["trained"]:
                state = CoverageState.TRAINED
                total.trained += 1
            elif found and found["enrolled"]:
                state = CoverageState.IN_PROGRESS
                total.in_progress += 1
            else:
                state = CoverageState.NONE
                total.none += 1
            cells.append(CoverageCell(state))
        rows.append(CoverageRow(library=library, cells=cells))
    return Coverage(curricula=curricula, rows=rows, totals=totals)


# Cohorts hosted in a regency


def regency_cohorts(*, regency: Regency):
    """Cohorts hosted by any library of the regency, newest first, with participant counts.
    One query."""
    return (
        Cohort.objects.filter(host_library__regency=regency)
        .select_related("course", "host_library")
        .annotate(
            participant_count=Count("participants", distinct=True),
            finished_count=Count(
                "participants",
                filter=Q(participants__finished_at__isnull=False),
                distinct=True,
            ),
        )
        .order_by("-starts_on", "name", "pk")
    )


# Mentoring visits per month


@dataclass
class MonthVisits:
    month: datetime.date  # the first day of the month
    visits: int = 0
    libraries: int = 0


@dataclass
class Bar:
    """One bar of the visits chart, in SVG user units."""

    month: datetime.date
    value: int
    x: int
    y: int
    width: int
    height: int
    label_x: int


@dataclass
class BarChart:
    width: int
    height: int
    baseline: int
    bars: list[Bar] = field(default_factory=list)


def _month_start(day: datetime.date, back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def regency_visits_per_month(*, regency: Regency, today: datetime.date) -> list[MonthVisits]:
    """Visits to the regency's libraries in each of the last VISIT_MONTHS months (oldest
    first, empty months included), with how many libraries were visited. One query."""
    first = _month_start(today, VISIT_MONTHS - 1)
    months = [MonthVisits(month=_month_start(today, back)) for back in range(VISIT_MONTHS)]
    months.reverse()
    by_month = {m.month: m for m in months}
    rows = (
        Visit.objects.filter(library__regency=regency, visited_on__gte=first, visited_on__lte=today)
        .annotate(month=TruncMonth("visited_on"))
        .values("month")
        .annotate(visits=Count("pk"), libraries=Count("library", distinct=True))
        .order_by("month")
    )
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        entry = by_month.get(month)
        if entry is not None:
            entry.visits, entry.libraries = row["visits"], row["libraries"]
    return months


def visits_chart(months: list[MonthVisits]) -> BarChart:
    """Bar geometry for the visits per month, scaled to the busiest month."""
    bar_width, gap, top, bottom = 24, 8, 16, 20
    plot_height = 100
    chart = BarChart(
        width=len(months) * (bar_width + gap) + gap,
        height=top + plot_height + bottom,
        baseline=top + plot_height,
    )
    peak = max((m.visits for m in months), default=0) or 1
    for index, entry in enumerate(months):
        height = round(plot_height * entry.visits / peak)
        x = gap + index * (bar_width + gap)
        chart.bars.append(
            Bar(
                month=entry.month,
                value=entry.visits,
                x=x,
                y=chart.baseline - height,
                width=bar_width,
                height=height,
                label_x=x + bar_width // 2,
            )
        )
    return chart


# Follow-up actions from visits in a regency


@dataclass
class FollowUpSummary:
    open: int
    overdue: int
    by_library: list[dict]


def regency_follow_ups(*, regency: Regency, today: datetime.date) -> FollowUpSummary:
    """Open follow-ups of visits to the regency's libraries, and how many are overdue,
    per library (one query) and in total (summed from those rows)."""
    overdue = Q(due_on__lt=today)
    rows = list(
        FollowUp.objects.filter(visit__library__regency=regency, status=FollowUp.Status.OPEN)
        .values("visit__library_id", "visit__library__name")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=overdue),
            oldest_due=Min("due_on"),
            last_visit=Max("visit__visited_on"),
        )
        .order_by("-overdue", "-open", "visit__library__name")
    )
    by_library = [
        {
            "library_id": row["visit__library_id"],
            "library": row["visit__library__name"],
            "open": row["open"],
            "overdue": row["overdue"],
            "oldest_due": row["oldest_due"],
            "last_visit": row["last_visit"],
        }
        for row in rows
    ]
    return FollowUpSummary(
        open=sum(row["open"] for row in by_library),
        overdue=sum(row["overdue"] for row in by_library),
        by_library=by_library,
    )


def regencies_overview():
    """Every regency with its number of village libraries/TBMs, for programme admins.
    One query."""
    return (
        Regency.objects.select_related("province")
        .annotate(
            village_count=Count("libraries", filter=Q(libraries__kind__in=Library.MENTORED_KINDS))
        )
        .order_by("province__name", "name")
    )


# Fidelity: the same quiz's scores by tier and by trainer


TIER_ORDER = (Tier.NATIONAL, Tier.REGENCY, Tier.VILLAGE, UNTRACKED)


def tier_label(tier: str):
    return _("Untracked") if tier == UNTRACKED else Tier(tier).label


@dataclass
class TierScore:
    quiz_id: int
    tier: str
    learners: int
    average: float

    @property
    def tier_label(self):
        return tier_label(self.tier)


@dataclass
class BranchScore:
    quiz_id: int
    tier: str
    trainer_id: int
    trainer_name: str
    learners: int
    average: float
    tier_average: float

    @property
    def tier_label(self):
        return tier_label(self.tier)

    @property
    def gap(self) -> float:
        return self.tier_average - self.average

    @property
    def flagged(self) -> bool:
        return self.learners >= FIDELITY_MIN_LEARNERS and self.gap >= FIDELITY_GAP_POINTS


@dataclass
class QuizFidelity:
    quiz: object
    learners: int = 0
    average: float | None = None
    tiers: list[TierScore] = field(default_factory=list)
    branches: list[BranchScore] = field(default_factory=list)

    @property
    def flagged(self) -> list[BranchScore]:
        return [branch for branch in self.branches if branch.flagged]


def first_attempts(*, quiz_ids):
    """Each person's first submitted attempt at each of these quizzes.

    The first attempt is what the training itself taught: later attempts reflect the
    learner's retakes (and the quiz's feedback), and "best" would converge on the pass mark
    for everyone who persists, hiding the differences between branches.
    """
    submitted = courses.submitted_quiz_attempts()
    earlier = submitted.filter(
        user_id=OuterRef("user_id"), quiz_id=OuterRef("quiz_id"), number__lt=OuterRef("number")
    )
    return submitted.filter(quiz_id__in=quiz_ids).exclude(Exists(earlier))


def fidelity_report(*, curriculum) -> list[QuizFidelity]:
    """Average first-attempt score per quiz of the curriculum, by tier and by trainer.

    A learner's tier and trainer come from her lineage edge as trainee in this curriculum
    (the most recent one if she has several); people without an edge count as "untracked".
    Three queries: the quizzes, the grouped averages, the trainers' names.
    """
    quizzes = list(courses.quizzes_of(curriculum))
    edge = TrainingEdge.objects.filter(
        trainee_id=OuterRef("user_id"), curriculum_id=curriculum.pk
    ).order_by("-trained_on", "-pk")
    grouped = list(
        first_attempts(quiz_ids=[quiz.pk for quiz in quizzes])
        .annotate(
            edge_tier=Subquery(edge.values("tier")[:1]),
            edge_trainer=Subquery(edge.values("trainer_id")[:1]),
        )
        .values("quiz_id", "edge_tier", "edge_trainer")
        .annotate(learners=Count("user_id", distinct=True), average=Avg("score_percent"))
        .order_by()
    )
    trainer_ids = {row["edge_trainer"] for row in grouped if row["edge_trainer"] is not None}
    names = {}
    if trainer_ids:
        for user in get_user_model().objects.filter(pk__in=trainer_ids):
            names[user.pk] = user.get_full_name() or user.get_username()

    report = {quiz.pk: QuizFidelity(quiz=quiz) for quiz in quizzes}
    # Sums per (quiz, tier) and per quiz, weighted by learners, from the grouped rows.
    tier_sums: dict[tuple[int, str], list[float]] = {}
    quiz_sums: dict[int, list[float]] = {}
    for row in grouped:
        tier = row["edge_tier"] or UNTRACKED
        total = float(row["average"]) * row["learners"]
        tier_sum = tier_sums.setdefault((row["quiz_id"], tier), [0.0, 0])
        quiz_sum = quiz_sums.setdefault(row["quiz_id"], [0.0, 0])
        for sums in (tier_sum, quiz_sum):
            sums[0] += total
            sums[1] += row["learners"]
    for (quiz_id, tier), (total, learners) in tier_sums.items():
        report[quiz_id].tiers.append(TierScore(quiz_id, tier, learners, total / learners))
    for quiz_id, (total, learners) in quiz_sums.items():
        report[quiz_id].learners = learners
        report[quiz_id].average = total / learners
    for row in grouped:
        if row["edge_trainer"] is None:
            continue
        tier = row["edge_tier"] or UNTRACKED
        total, learners = tier_sums[(row["quiz_id"], tier)]
        report[row["quiz_id"]].branches.append(
            BranchScore(
                quiz_id=row["quiz_id"],
                tier=tier,
                trainer_id=row["edge_trainer"],
                trainer_name=names.get(row["edge_trainer"], str(row["edge_trainer"])),
                learners=row["learners"],
                average=float(row["average"]),
                tier_average=total / learners,
            )
        )
    for entry in report.values():
        entry.tiers.sort(key=lambda t: TIER_ORDER.index(t.tier))
        entry.branches.sort(key=lambda b: (TIER_ORDER.index(b.tier), -b.gap, b.trainer_name))
    return list(report.values())
