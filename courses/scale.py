"""Enrolments and progress for `seed_demo --scale` (see lms.scale): every synthetic staff
member takes one or two courses of her tier, at every stage from just enrolled to done,
with the progress records a learner leaves behind, scaled to about `Scale.progress` rows.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import Library, StaffProfile
from lms.scale import USERNAME_PREFIX, ScaleRun

from . import selectors
from .models import CoursePage, Enrollment, Progress

# How far a learner is, as a share of the course's items: 30% finished it.
STAGES = (0.0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.0, 1.0)
ENROLLED = 0.85  # the share of staff who have started a course


def _rows(items, done: int) -> int:
    """The progress records of a learner `done` items into a course: a lesson opened and
    completed, a quiz passed, and the next lesson opened."""
    rows = sum(1 if item.kind == "quizpage" else 2 for item in items[:done])
    return rows + (1 if 0 < done < len(items) and items[done].kind == "lessonpage" else 0)


def generate(run: ScaleRun) -> dict[str, int]:
    rng = run.rng("courses")
    now = timezone.now()
    courses = {tier: [] for tier in CoursePage.Tier.values}
    for course in CoursePage.objects.live().order_by("path"):
        courses[course.tier].append((course, selectors.course_items(course)))
    if not all(courses.values()):
        return {}
    staff = list(
        StaffProfile.objects.filter(user__username__startswith=USERNAME_PREFIX)
        .order_by("user_id")
        .values_list("user_id", "library__kind")
    )

    def plan(user_id, course, items):
        done = round(rng.choice(STAGES) * len(items))
        return (user_id, course, items, done, rng.randint(5, 700))

    def tier_of(kind):
        return (
            CoursePage.Tier.VILLAGE if kind in Library.MENTORED_KINDS else CoursePage.Tier.REGENCY
        )

    # Everyone takes one course; then some a second one, as many as bring the progress
    # records near the scale's target.
    firsts = {}
    plans = []
    for user_id, kind in staff:
        if rng.random() >= ENROLLED:
            continue
        offered = courses[tier_of(kind)]
        firsts[user_id] = rng.randrange(len(offered))
        plans.append(plan(user_id, *offered[firsts[user_id]]))
    first_rows = sum(_rows(items, done) for _u, _c, items, done, _d in plans)
    per_plan = first_rows / max(len(plans), 1)
    second = max(0.0, min(1.0, (run.scale.progress - first_rows) / (per_plan * len(plans) or 1)))
    for user_id, kind in staff:
        offered = courses[tier_of(kind)]
        if user_id in firsts and len(offered) > 1 and rng.random() < second:
            index = (firsts[user_id] + rng.randrange(1, len(offered))) % len(offered)
            plans.append(plan(user_id, *offered[index]))

    def enrollments():
        for user_id, course, items, done, days_ago in plans:
            enrolled_at = now - timedelta(days=days_ago, hours=rng.randint(0, 9))
            finished = done == len(items)
            active_at = enrolled_at + timedelta(days=rng.randint(0, max(1, days_ago // 2)))
            last = items[min(done, len(items) - 1)].page_id if done else None
            yield Enrollment(
                user_id=user_id,
                course=course,
                enrolled_at=enrolled_at,
                items_done=done,
                items_total=len(items),
                completed_at=active_at if finished else None,
                last_page_id=last,
                last_activity_at=active_at if done else enrolled_at,
            )

    def progress():
        for user_id, course, items, done, _days in plans:
            for item in items[:done]:
                if item.kind == "quizpage":
                    yield Progress(
                        user_id=user_id,
                        course=course,
                        page_id=item.page_id,
                        kind=Progress.Kind.QUIZ_PASSED,
                    )
                else:
                    for kind in (Progress.Kind.VIEWED, Progress.Kind.COMPLETED):
                        yield Progress(
                            user_id=user_id, course=course, page_id=item.page_id, kind=kind
                        )
            if 0 < done < len(items) and items[done].kind == "lessonpage":
                yield Progress(
                    user_id=user_id,
                    course=course,
                    page_id=items[done].page_id,
                    kind=Progress.Kind.VIEWED,
                )

    rows = sum(_rows(items, done) for _u, _c, items, done, _d in plans)
    run.bulk_create(Enrollment, enrollments(), label=_("Enrolments"), total=len(plans), keep=False)
    run.bulk_create(Progress, progress(), label=_("Progress records"), total=rows, keep=False)
    completed = sum(1 for _u, _c, items, done, _d in plans if done == len(items))
    return {
        "learners": len({plan[0] for plan in plans}),
        "enrolments": len(plans),
        "completed": completed,
        "progress": rows,
    }
