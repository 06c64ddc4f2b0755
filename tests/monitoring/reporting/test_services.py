"""report_save: writing a report whole or not at all, double submissions, the first
submission kept, and a clear message for every rule."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.dateformat import format as date_format

from monitoring.models import ImpactRecord, LibraryReport, RegencyFreshness, ReportActivity
from monitoring.periods import add_months
from monitoring.reporting import deadlines, services

pytestmark = pytest.mark.django_db

STORY = "Ia diterima bekerja setelah ikut kelas komputer di perpustakaan."


def values(**changes) -> dict:
    return {
        "visitors": 120,
        "computer_users": 40,
        "internet_users": 30,
        "computers_added": 0,
        "computers_removed": 0,
        "inventory_note": "",
        "notes": "Bulan yang ramai.",
        **changes,
    }


def activity(month: date, **changes) -> dict:
    return {
        "title": "Pelatihan komputer dasar",
        "held_on": month.replace(day=14),
        "participants_female": 8,
        "participants_male": 4,
        **changes,
    }


def impact(**changes) -> dict:
    return {"kind": "job", "person_name": "S.W.", "gender": "female", "story": STORY, **changes}


def save(library, month, by, *, submit=False, **kwargs):
    kwargs.setdefault("values", values())
    kwargs.setdefault("activities", [activity(month)])
    kwargs.setdefault("impacts", [impact()])
    return services.report_save(library=library, month=month, submit=submit, by=by, **kwargs)


def test_a_draft_is_saved_with_its_rows_and_marks_nothing(
    village, staff, last_month, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        report = save(village, last_month, staff)
    assert report.status == LibraryReport.Status.DRAFT
    assert report.submitted_at is None and report.submitted_by is None
    assert (report.visitors, report.notes) == (120, "Bulan yang ramai.")
    assert [a.participants for a in report.activities.all()] == [12]
    assert [i.person_name for i in report.impacts.all()] == ["S.W."]
    assert callbacks == []  # a draft changes no figure


def test_submitting_records_when_and_who_and_marks_the_regency_stale(
    village, staff, last_month, django_capture_on_commit_callbacks
):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        report = save(village, last_month, staff, submit=True)
    assert report.status == LibraryReport.Status.SUBMITTED
    assert report.submitted_by == staff
    assert before <= report.submitted_at <= timezone.now()
    assert RegencyFreshness.objects.get(regency_id=village.regency_id).stale


def test_a_bad_activity_row_saves_nothing(village, staff, last_month):
    first = save(village, last_month, staff)
    with pytest.raises(services.ReportInvalid) as raised:
        save(
            village,
            last_month,
            staff,
            values=values(visitors=999),
            activities=[activity(last_month, title="Baru"), activity(last_month, held_on=None)],
            impacts=[],
        )
    assert raised.value.activity_errors == {1: {"held_on": [services.ACTIVITY_DATE_REQUIRED]}}
    assert "activities-1-held_on" in raised.value.message_dict
    first.refresh_from_db()
    assert first.visitors == 120  # the report, its activities and impacts as they were
    assert list(first.activities.values_list("title", flat=True)) == ["Pelatihan komputer dasar"]
    assert first.impacts.count() == 1


def test_nothing_is_written_for_a_new_report_with_an_error(village, staff, last_month):
    with pytest.raises(services.ReportInvalid):
        save(village, last_month, staff, impacts=[impact(story="Terlalu pendek")])
    assert not LibraryReport.objects.exists()
    assert not ReportActivity.objects.exists()
    assert not ImpactRecord.objects.exists()


def test_a_double_submission_gives_one_report_with_its_rows_once(village, staff, last_month):
    first = save(village, last_month, staff, submit=True)
    second = save(village, last_month, staff, submit=True)
    assert second.pk == first.pk
    assert LibraryReport.objects.count() == 1
    assert ReportActivity.objects.count() == 1
    assert ImpactRecord.objects.count() == 1
    assert not second.submitted_now and first.submitted_now


def test_the_first_submission_is_kept_on_later_edits(village, staff, mentor, last_month):
    first = save(village, last_month, staff, submit=True)
    LibraryReport.objects.filter(pk=first.pk).update(
        submitted_at=first.submitted_at - timedelta(days=3)
    )
    submitted_at = first.submitted_at - timedelta(days=3)
    # Corrected by the mentor, once "submitted" and once saved as if a draft.
    save(village, last_month, mentor, submit=True, values=values(visitors=150))
    again = save(village, last_month, mentor, submit=False, values=values(visitors=160))
    assert again.status == LibraryReport.Status.SUBMITTED  # a report is never un-submitted
    assert again.visitors == 160
    assert (again.submitted_at, again.submitted_by) == (submitted_at, staff)


def test_rows_are_replaced_and_empty_rows_ignored(village, staff, last_month):
    save(village, last_month, staff, activities=[activity(last_month)] * 2)
    empty_activity = {
        "title": "",
        "held_on": None,
        "participants_female": None,
        "participants_male": None,
    }
    empty_impact = {"kind": "", "person_name": "", "gender": "", "story": "  "}
    report = save(
        village,
        last_month,
        staff,
        activities=[empty_activity, activity(last_month, title="Kelas internet")],
        impacts=[empty_impact],
    )
    assert list(report.activities.values_list("title", flat=True)) == ["Kelas internet"]
    assert not report.impacts.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"visitors": -1}, "visitors", services.NOT_A_NUMBER),
        ({"visitors": None}, "visitors", services.NOT_A_NUMBER),
        ({"computers_added": 1.5}, "computers_added", services.NOT_A_NUMBER),
        (
            {"visitors": 10, "computer_users": 11, "internet_users": 5},
            "computer_users",
            services.COMPUTER_USERS_OVER_VISITORS % {"visitors": 10},
        ),
        (
            {"visitors": 10, "computer_users": 5, "internet_users": 11},
            "internet_users",
            services.INTERNET_OVER_VISITORS % {"visitors": 10},
        ),
        (
            {"computers_added": 1, "computers_removed": 5},
            "computers_removed",
            services.REMOVED_OVER_COMPUTERS % {"computers": 3, "added": 1},
        ),
    ],
)
def test_each_rule_of_the_report_has_its_message(
    village, staff, last_month, changes, field, message
):
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, last_month, staff, values=values(**changes))
    assert raised.value.report_errors[field] == [message]


def test_computers_out_of_use_may_reach_the_library_s_computers_plus_those_added(
    village, staff, last_month
):
    report = save(village, last_month, staff, values=values(computers_added=1, computers_removed=4))
    assert report.computers_removed == 4


def _month_name(month):
    return date_format(month, "F Y")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": " "}, "title", lambda m: services.ACTIVITY_TITLE_REQUIRED),
        ({"held_on": None}, "held_on", lambda m: services.ACTIVITY_DATE_REQUIRED),
        (
            {"held_on": "next month"},
            "held_on",
            lambda m: services.ACTIVITY_DATE_REQUIRED,
        ),
        (
            {"participants_female": 0, "participants_male": None},
            "participants_female",
            lambda m: services.ACTIVITY_NO_PARTICIPANTS,
        ),
        (
            {"participants_male": -2},
            "participants_male",
            lambda m: services.NOT_A_NUMBER,
        ),
    ],
)
def test_each_rule_of_an_activity_has_its_message(
    village, staff, last_month, changes, field, message
):
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, last_month, staff, activities=[activity(last_month, **changes)])
    assert raised.value.activity_errors[0][field] == [message(last_month)]


@pytest.mark.parametrize("offset", [-1, 1])
def test_an_activity_outside_the_month_is_refused(village, staff, last_month, offset):
    day = last_month - timedelta(days=1) if offset < 0 else add_months(last_month, 1)
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, last_month, staff, activities=[activity(last_month, held_on=day)])
    expected = services.ACTIVITY_OUTSIDE_MONTH % {"month": _month_name(last_month)}
    assert raised.value.activity_errors[0]["held_on"] == [expected]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": ""}, "kind", services.IMPACT_KIND_REQUIRED),
        ({"kind": "lottery"}, "kind", services.IMPACT_KIND_REQUIRED),
        ({"story": "x" * 19}, "story", services.STORY_TOO_SHORT % {"min": 20, "length": 19}),
        ({"story": "x" * 1501}, "story", services.STORY_TOO_LONG % {"max": 1500, "length": 1501}),
        ({"gender": "other"}, "gender", None),
    ],
)
def test_each_rule_of_an_impact_record_has_its_message(
    village, staff, last_month, changes, field, message
):
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, last_month, staff, impacts=[impact(), impact(**changes)])
    errors = raised.value.impact_errors
    assert list(errors) == [1]
    if message is None:  # the model's own check of its choices
        assert errors[1][field]
    else:
        assert errors[1][field] == [message]


def test_stories_of_20_and_1500_characters_are_accepted(village, staff, last_month):
    report = save(
        village, last_month, staff, impacts=[impact(story="x" * 20), impact(story="y" * 1500)]
    )
    assert report.impacts.count() == 2


def test_the_month_may_not_be_in_the_future_nor_too_old(village, staff):
    this_month = deadlines.this_month()
    next_month = add_months(this_month, 1)
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, next_month, staff, activities=[], impacts=[])
    assert raised.value.report_errors["month"] == [
        services.MONTH_IN_FUTURE % {"month": _month_name(next_month)}
    ]
    oldest = add_months(this_month, -24)
    with pytest.raises(services.ReportInvalid) as raised:
        save(village, add_months(oldest, -1), staff, activities=[], impacts=[])
    assert raised.value.report_errors["month"] == [
        services.MONTH_TOO_OLD % {"months": 24, "earliest": _month_name(oldest)}
    ]
    assert save(village, oldest, staff, activities=[], impacts=[]).month == oldest
    assert save(village, this_month, staff, activities=[], impacts=[]).month == this_month


def test_only_those_who_may_report_for_the_library_may_save(
    village, staff, mentor, programme_admin, jember, last_month
):
    for outsider in (jember["staff"], jember["mentor"]):
        with pytest.raises(PermissionDenied):
            save(village, last_month, outsider)
    assert not LibraryReport.objects.exists()
    for writer in (staff, mentor, programme_admin):
        save(village, last_month, writer)
    assert LibraryReport.objects.count() == 1
