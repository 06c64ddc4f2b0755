"""Writing a library's monthly report: its figures, the activities held and the impact
records, checked with clear messages and saved whole or not at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from lms.models import Library

from .. import permissions
from ..models import ImpactRecord, LibraryReport, ReportActivity
from ..periods import add_months
from ..services import summary
from . import deadlines

NOT_ALLOWED = _(
    "Only the library's own staff, its mentor and programme admins may write its reports."
)
MONTH_IN_FUTURE = _("%(month)s has not begun yet: a report can only be written once it has.")
MONTH_TOO_OLD = _(
    "Reports more than %(months)s months old can no longer be written or changed; "
    "choose %(earliest)s or later."
)
NOT_A_NUMBER = _("Write a whole number: 0 or more.")
COMPUTER_USERS_OVER_VISITORS = _(
    "Computer users cannot be more than the visitors (%(visitors)s): every computer user is "
    "also a visitor."
)
INTERNET_OVER_VISITORS = _(
    "Internet users cannot be more than the visitors (%(visitors)s): every internet user is "
    "also a visitor."
)
REMOVED_OVER_COMPUTERS = _(
    "Computers out of use cannot be more than the library's %(computers)s computers plus the "
    "%(added)s added this month."
)
ACTIVITY_TITLE_REQUIRED = _("Write what the activity was.")
ACTIVITY_DATE_REQUIRED = _("Write the date the activity was held.")
ACTIVITY_OUTSIDE_MONTH = _(
    "The date must fall in %(month)s, the month of this report. Report an activity of "
    "another month in that month's report."
)
ACTIVITY_NO_PARTICIPANTS = _("An activity needs at least one participant, a woman or a man.")
IMPACT_KIND_REQUIRED = _("Choose the kind of impact.")
STORY_TOO_SHORT = _(
    "Tell the story in at least %(min)s characters (this one has %(length)s): what changed, "
    "for whom, and how the library helped."
)
STORY_TOO_LONG = _("Keep the story to at most %(max)s characters (this one has %(length)s).")

WRITABLE_MONTHS = 24  # how far back a report may still be written or corrected
STORY_MIN, STORY_MAX = 20, 1500
REPORT_NUMBERS = (
    "visitors",
    "computer_users",
    "internet_users",
    "computers_added",
    "computers_removed",
)
REPORT_FIELDS = (*REPORT_NUMBERS, "inventory_note", "notes")
ACTIVITY_FIELDS = ("title", "held_on", "participants_female", "participants_male")
IMPACT_FIELDS = ("kind", "person_name", "gender", "story")

Errors = dict[str, list]


class ReportInvalid(ValidationError):
    """Everything wrong with a report at once: its own fields', and each activity's and
    impact record's by its position in the rows given to report_save()."""

    def __init__(
        self,
        *,
        report: Errors | None = None,
        activities: Mapping[int, Errors] | None = None,
        impacts: Mapping[int, Errors] | None = None,
    ):
        self.report_errors = dict(report or {})
        self.activity_errors = dict(activities or {})
        self.impact_errors = dict(impacts or {})
        flat: Errors = {name: list(messages) for name, messages in self.report_errors.items()}
        for prefix, rows in (("activities", self.activity_errors), ("impacts", self.impact_errors)):
            for index, errors in rows.items():
                for name, messages in errors.items():
                    flat[f"{prefix}-{index}-{name}"] = list(messages)
        super().__init__(flat)


def _add(errors: Errors, name: str, message) -> None:
    errors.setdefault(name, []).append(message)


def writable_months(today: date | None = None) -> list[date]:
    """The months a report may be written for, newest first: this month back to
    WRITABLE_MONTHS months ago."""
    return deadlines.months_back(deadlines.this_month(today), WRITABLE_MONTHS + 1)


def month_errors(month: date, *, today: date | None = None) -> list[str]:
    current = deadlines.this_month(today)
    month = month.replace(day=1)
    if month > current:
        return [MONTH_IN_FUTURE % {"month": date_format(month, "F Y")}]
    earliest = add_months(current, -WRITABLE_MONTHS)
    if month < earliest:
        return [
            MONTH_TOO_OLD % {"months": WRITABLE_MONTHS, "earliest": date_format(earliest, "F Y")}
        ]
    return []


def _number(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def report_errors(*, library: Library, values: Mapping[str, object]) -> Errors:
    """The report's own fields: whole numbers, users within the visitors, computers out
    of use within those the library has."""
    errors: Errors = {}
    numbers: dict[str, int] = {}
    for name in REPORT_NUMBERS:
        number = _number(values.get(name))
        if number is None:
            _add(errors, name, NOT_A_NUMBER)
        else:
            numbers[name] = number
    visitors = numbers.get("visitors")
    if visitors is not None:
        if numbers.get("computer_users", 0) > visitors:
            _add(errors, "computer_users", COMPUTER_USERS_OVER_VISITORS % {"visitors": visitors})
        if numbers.get("internet_users", 0) > visitors:
            _add(errors, "internet_users", INTERNET_OVER_VISITORS % {"visitors": visitors})
    added = numbers.get("computers_added")
    if added is not None and numbers.get("computers_removed", 0) > library.computers + added:
        _add(
            errors,
            "computers_removed",
            REMOVED_OVER_COMPUTERS % {"computers": library.computers, "added": added},
        )
    return errors


def is_empty_row(values: Mapping[str, object]) -> bool:
    """A row nobody typed in (an extra row of the form): ignored."""
    return not any(
        value not in (None, "", 0) and not (isinstance(value, str) and not value.strip())
        for value in values.values()
    )


def activity_errors(*, month: date, values: Mapping[str, object]) -> Errors:
    errors: Errors = {}
    if not str(values.get("title") or "").strip():
        _add(errors, "title", ACTIVITY_TITLE_REQUIRED)
    held_on = values.get("held_on")
    if not isinstance(held_on, date):
        _add(errors, "held_on", ACTIVITY_DATE_REQUIRED)
    elif (held_on.year, held_on.month) != (month.year, month.month):
        _add(errors, "held_on", ACTIVITY_OUTSIDE_MONTH % {"month": date_format(month, "F Y")})
    people = {}
    for name in ("participants_female", "participants_male"):
        raw = values.get(name)
        number = 0 if raw in (None, "") else _number(raw)
        if number is None:
            _add(errors, name, NOT_A_NUMBER)
        else:
            people[name] = number
    if len(people) == 2 and not sum(people.values()):
        _add(errors, "participants_female", ACTIVITY_NO_PARTICIPANTS)
    return errors


def impact_errors(*, values: Mapping[str, object]) -> Errors:
    errors: Errors = {}
    if values.get("kind") not in ImpactRecord.Kind.values:
        _add(errors, "kind", IMPACT_KIND_REQUIRED)
    story = str(values.get("story") or "").strip()
    if len(story) < STORY_MIN:
        _add(errors, "story", STORY_TOO_SHORT % {"min": STORY_MIN, "length": len(story)})
    elif len(story) > STORY_MAX:
        _add(errors, "story", STORY_TOO_LONG % {"max": STORY_MAX, "length": len(story)})
    return errors


def _model_errors(instance, exclude: list[str]) -> Errors:
    """The model's own checks (lengths, choices), for what our rules do not already say."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return {name: list(messages) for name, messages in error.message_dict.items()}
    return {}


def _merge(ours: Errors, model: Errors) -> Errors:
    for name, messages in model.items():
        if name not in ours:
            ours[name] = messages
    return ours


def _text(value) -> str:
    return str(value or "").strip()


def _activity(values: Mapping[str, object]) -> ReportActivity:
    return ReportActivity(
        title=_text(values.get("title")),
        held_on=values.get("held_on"),
        participants_female=values.get("participants_female") or 0,
        participants_male=values.get("participants_male") or 0,
    )


def _impact(values: Mapping[str, object]) -> ImpactRecord:
    return ImpactRecord(
        kind=values.get("kind") or "",
        person_name=_text(values.get("person_name")),
        gender=values.get("gender") or "",
        story=_text(values.get("story")),
    )


def _rows(rows, build, check) -> tuple[list, dict[int, Errors]]:
    """Model instances of the non-empty rows, and the errors of each by its position."""
    instances, errors = [], {}
    for index, values in enumerate(rows):
        if is_empty_row(values):
            continue
        instance = build(values)
        row_errors = check(values)
        row_errors = _merge(row_errors, _model_errors(instance, exclude=["report", *row_errors]))
        if row_errors:
            errors[index] = row_errors
        instances.append(instance)
    return instances, errors


@transaction.atomic
def report_save(
    *,
    library: Library,
    month: date,
    values: Mapping[str, object],
    activities: Sequence[Mapping[str, object]] = (),
    impacts: Sequence[Mapping[str, object]] = (),
    submit: bool,
    by,
) -> LibraryReport:
    """Writes the report of `library` on `month` with these figures, and replaces its
    activities and impact records with these rows (empty rows are ignored).

    All or nothing: any error raises ReportInvalid before anything is written. Sending
    the same form twice (a double click, a resent page) updates the one report of that
    library and month. `submit` submits it; a submitted report stays submitted when it
    is corrected later, with the time and person of its first submission (the returned
    report's `submitted_now` says whether this call submitted it). The report's figures
    are marked for refreshing once the transaction commits."""
    if not permissions.can_report_for(by, library):
        raise PermissionDenied(NOT_ALLOWED)
    month = month.replace(day=1)
    if problems := month_errors(month):
        raise ReportInvalid(report={"month": problems})
    errors = report_errors(library=library, values=values)
    new_activities, activity_problems = _rows(
        activities, _activity, lambda row: activity_errors(month=month, values=row)
    )
    new_impacts, impact_problems = _rows(impacts, _impact, lambda row: impact_errors(values=row))
    if errors or activity_problems or impact_problems:
        raise ReportInvalid(report=errors, activities=activity_problems, impacts=impact_problems)

    report, _created = LibraryReport.objects.select_for_update().get_or_create(
        library=library, month=month
    )
    for name in REPORT_FIELDS:
        value = values.get(name)
        if name in ("inventory_note", "notes"):
            value = str(value or "").strip()
        setattr(report, name, value)
    report.submitted_now = False
    if submit and report.status != LibraryReport.Status.SUBMITTED:
        report.status = LibraryReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = by
        report.submitted_now = True
    if problems := _model_errors(report, exclude=["library", "submitted_by"]):
        raise ReportInvalid(report=problems)
    report.save()

    report.activities.all().delete()
    report.impacts.all().delete()
    for row in (*new_activities, *new_impacts):
        row.report = report
    ReportActivity.objects.bulk_create(new_activities)
    ImpactRecord.objects.bulk_create(new_impacts)

    if report.status == LibraryReport.Status.SUBMITTED:
        regency_id = library.regency_id
        transaction.on_commit(lambda: summary.regency_mark_stale(regency_id=regency_id))
    return report
