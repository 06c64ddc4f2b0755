"""Builders for monitoring tests: regional admins and library reports."""

from datetime import date, datetime, time

from django.utils import timezone

from monitoring.models import ImpactRecord, LibraryReport, RegionalAdmin, ReportActivity


def regional_admin(user, *, province=None, regency=None) -> RegionalAdmin:
    return RegionalAdmin.objects.create(user=user, province=province, regency=regency)


def report(
    library,
    month: date,
    *,
    status=LibraryReport.Status.SUBMITTED,
    activities=(),
    impacts=(),
    submitted_on: date | None = None,
    **fields,
) -> LibraryReport:
    """A report; `activities` are (women, men) pairs, `impacts` kinds of impact."""
    submitted_at = None
    if status == LibraryReport.Status.SUBMITTED:
        day = submitted_on or month.replace(day=28)
        submitted_at = datetime.combine(day, time(9), tzinfo=timezone.get_current_timezone())
    row = LibraryReport.objects.create(
        library=library, month=month, status=status, submitted_at=submitted_at, **fields
    )
    for women, men in activities:
        ReportActivity.objects.create(
            report=row,
            title="Pelatihan komputer",
            held_on=month.replace(day=10),
            participants_female=women,
            participants_male=men,
        )
    for kind in impacts:
        ImpactRecord.objects.create(
            report=row, kind=kind, story="Ia mendapat pekerjaan setelah ikut pelatihan."
        )
    return row


__all__ = ["ImpactRecord", "regional_admin", "report"]
