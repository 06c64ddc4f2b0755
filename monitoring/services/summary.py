"""Keeping the summary table: every app's counts (lms.figures) summed per regency, month,
key, library kind, gender and age group, so that a dashboard sums a few thousand cells
instead of counting millions of rows.

A regency's cells are always redone whole, from the apps' own records, in one
transaction: a refresh can be repeated or interrupted without counting anything twice.
Events that change figures (a course completed, a report submitted) mark the person's
regency stale; the stale regencies are redone in the background. The same transaction
redoes the rollups the programme's dashboard reads: its regencies' province
(ProvinceFigure) and the programme (ProgrammeFigure).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Collection

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import figures as lms_figures
from lms.models import Province, Regency, StaffProfile

from ..models import Figure, ProgrammeFigure, ProvinceFigure, RefreshJob, RegencyFreshness

logger = logging.getLogger(__name__)

Status = RefreshJob.Status
ABANDONED = _("The refresh stopped without finishing (was the worker restarted?). Start it again.")
NOTHING_STALE = _("Every figure is up to date.")
BATCH = 5000

Progress = Callable[[int, int], None]


def _cells(metrics, regency_ids: Collection[int] | None, on_step) -> Counter:
    cells: Counter = Counter()
    for metric in metrics:
        for count in metric.counts(regency_ids):
            if not count.value:
                continue
            age = lms_figures.age_group(count.birth_year, count.month.year) if metric.people else ""
            # A count about activities may still know the participants' gender.
            cells[
                (
                    count.regency_id,
                    count.month,
                    metric.code,
                    count.key[:40],
                    count.library_kind,
                    count.gender,
                    age,
                )
            ] += count.value
        on_step()
    return cells


def figures_refresh(
    *, regency_ids: Collection[int] | None = None, on_progress: Progress | None = None
) -> int:
    """Redoes the cells of these regencies (None: all of them) from every installed app's
    metrics; returns the number of cells written. The old cells stay readable until the
    new ones are committed."""
    metrics = lms_figures.metrics()
    provinces = dict(Regency.objects.values_list("id", "province_id"))
    steps = len(metrics) + 1
    done = 0

    def step():
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, steps)

    started = timezone.now()
    if on_progress:
        on_progress(0, steps)
    ids = None if regency_ids is None else sorted(set(regency_ids))
    cells = _cells(metrics, ids, step)
    rows = [
        Figure(
            province_id=provinces[regency_id],
            regency_id=regency_id,
            month=month,
            metric=metric,
            key=key,
            library_kind=kind,
            gender=gender,
            age_group=age,
            value=value,
        )
        for (regency_id, month, metric, key, kind, gender, age), value in cells.items()
        if value and regency_id in provinces
    ]
    now = timezone.now()
    touched = None if ids is None else sorted({provinces[pk] for pk in ids if pk in provinces})
    with transaction.atomic():
        # Refreshes wait for each other: each deletes what it redoes (the programme's
        # rollup always), and would not see, nor delete, what another inserted meanwhile.
        list(
            Province.objects.select_for_update(no_key=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        old = Figure.objects.all()
        if ids is not None:
            old = old.filter(regency_id__in=ids)
        old.delete()
        Figure.objects.bulk_create(rows, batch_size=BATCH)
        _mark_fresh(ids if ids is not None else list(provinces), started=started, now=now)
        _roll_up(ProvinceFigure, Figure, ("province_id", *CELL), province_ids=touched)
        _roll_up(ProgrammeFigure, ProvinceFigure, CELL)
    step()
    return len(rows)


def _mark_fresh(regency_ids: list[int], *, started, now) -> None:
    """Records the refresh on the regencies' rows, in place, so that an event marking one
    stale meanwhile waits for its row and still lands. A regency marked stale after the
    refresh began reading the records stays stale, for the next refresh."""
    rows = RegencyFreshness.objects.filter(regency_id__in=regency_ids)
    rows.update(
        refreshed_at=now,
        stale=Case(When(changed_at__gte=started, then=Value(True)), default=Value(False)),
    )
    have = set(rows.values_list("regency_id", flat=True))
    RegencyFreshness.objects.bulk_create(
        [
            RegencyFreshness(regency_id=pk, refreshed_at=now, stale=False)
            for pk in regency_ids
            if pk not in have
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def regency_mark_stale(*, regency_id: int) -> None:
    """Something in this regency changed: its cells are redone by the next refresh, at
    once in the background when the site is set to (SEBAYA_MONITORING_REFRESH_ON_CHANGE)."""
    now = timezone.now()
    updated = RegencyFreshness.objects.filter(regency_id=regency_id).update(
        stale=True, changed_at=now
    )
    if not updated:
        RegencyFreshness.objects.update_or_create(
            regency_id=regency_id, defaults={"stale": True, "changed_at": now}
        )
    if getattr(settings, "SEBAYA_MONITORING_REFRESH_ON_CHANGE", True):
        transaction.on_commit(lambda: refresh_request(only_stale=True))


def regency_mark_stale_for_user(*, user) -> None:
    regency_id = (
        StaffProfile.objects.filter(user_id=user.pk)
        .values_list("library__regency_id", flat=True)
        .first()
    )
    if regency_id:
        regency_mark_stale(regency_id=regency_id)


def stale_regency_ids() -> list[int]:
    return list(RegencyFreshness.objects.filter(stale=True).values_list("regency_id", flat=True))


@transaction.atomic
def refresh_request(*, only_stale: bool = False, requested_by=None) -> RefreshJob:
    """Queues a refresh, or returns the one already waiting or running (a double click
    starts nothing twice). A job that has waited too long is taken to be lost."""
    active = (
        RefreshJob.objects.select_for_update()
        .filter(status__in=[Status.QUEUED, Status.RUNNING])
        .order_by("-created_at", "-pk")
        .first()
    )
    if active is not None and (not active.only_stale or only_stale):
        if not active.lost:
            return active
        active.fail(str(ABANDONED))
    job = RefreshJob.objects.create(only_stale=only_stale, requested_by=requested_by)
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from ..tasks import refresh_figures

    refresh_figures.enqueue(job_id)


CELL = ("month", "metric", "key", "library_kind", "gender", "age_group")


def _roll_up(target, source, columns, province_ids: list[int] | None = None) -> None:
    """Redoes `target`'s rows (those of these provinces; None: all) as `source` summed
    by `columns`, in one INSERT ... SELECT ... GROUP BY: nothing passes through Python."""
    old = target.objects.all()
    where, params = "", []
    if province_ids is not None:
        if not province_ids:
            return
        old = old.filter(province_id__in=province_ids)
        where = f"WHERE province_id IN ({', '.join(['%s'] * len(province_ids))})"
        params = province_ids
    old.delete()
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(target._meta.db_table)} ({names}, value) "
            f"SELECT {names}, SUM(value) FROM {quote(source._meta.db_table)} {where} "
            f"GROUP BY {names}",
            params,
        )


# Not atomic: the page that polls the job must see its progress while it runs.
def refresh_run(*, job: RefreshJob) -> RefreshJob:
    claimed = RefreshJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), done=0, total=0, error=""
    )
    if not claimed:
        job.refresh_from_db()
        return job
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        RefreshJob.objects.filter(pk=job.pk).update(done=done, total=total)

    try:
        ids = stale_regency_ids() if job.only_stale else None
        if ids != []:
            figures_refresh(regency_ids=ids, on_progress=progress)
    except Exception as error:  # the job records any failure; it is retried by asking again
        logger.exception("monitoring refresh %s failed", job.pk)
        job.fail(str(error) or error.__class__.__name__, time.monotonic() - started)
        return job
    RefreshJob.objects.filter(pk=job.pk).update(
        status=Status.FINISHED,
        seconds=time.monotonic() - started,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job
