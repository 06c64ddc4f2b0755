"""The monthly reports on the home page and in the site's menu (registered by
monitoring.wagtail_hooks under "sebaya_home_panels" and "sebaya_menu_items")."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from lms import roles
from lms.home import HomePanel, Link
from lms.selectors import staff_profile_for

from ..models import LibraryReport
from . import deadlines, selectors


def _own_library(user):
    if not getattr(user, "is_authenticated", False):
        return None
    profile = staff_profile_for(user)
    return profile.library if profile is not None else None


def home_panel(request) -> HomePanel | None:
    """Library staff: where last month's report (and this month's, once started) stands;
    mentors: how many reports of their libraries are late. At most two queries beyond the
    person's roles and profile, which the page has already read."""
    user = request.user
    library = _own_library(user)
    if library is None:  # a mentor always works at a library
        return None
    now = timezone.now()
    current = deadlines.this_month(timezone.localdate(now))
    previous = deadlines.last_month(timezone.localdate(now))
    reports = {
        row["month"]: row
        for row in LibraryReport.objects.filter(
            library=library, month__in=[previous, current]
        ).values("month", "status", "submitted_at")
    }
    rows: list[tuple[str, object]] = []
    for month in (previous, current):
        report = reports.get(month)
        if month == current and report is None:
            continue
        state = deadlines.timeliness(
            month=month,
            status=report["status"] if report else None,
            submitted_at=report["submitted_at"] if report else None,
            now=now,
        )
        rows.append((_("Report on %(month)s") % {"month": date_format(month, "F Y")}, state.label))
    links = []
    last = reports.get(previous)
    if last is None or last["status"] != LibraryReport.Status.SUBMITTED:
        links.append(
            Link(
                _("Write the report on %(month)s") % {"month": date_format(previous, "F Y")},
                reverse("monitoring:report_month", args=[library.pk, previous]),
                _("due on %(date)s") % {"date": date_format(deadlines.due_date(previous), "j F")},
            )
        )
    links.append(Link(_("Our monthly reports"), reverse("monitoring:report_home")))
    if roles.is_mentor(user):
        late = selectors.late_reports_count_for_mentor(user, now=now)
        rows.append((_("Late reports of the libraries you mentor"), late))
        links.append(
            Link(_("Reports of the libraries you mentor"), reverse("monitoring:report_mentored"))
        )
    return HomePanel(
        title=_("Monthly library reports"),
        order=80,
        intro=_("The report on each month is due on day %(day)s of the next month.")
        % {"day": deadlines.due_day()},
        rows=rows,
        links=links,
    )


def menu_link(request) -> Link | None:
    """The menu entry for mentors and programme admins. The menu is on every page, so it
    asks only the roles every page has read already; library staff find their reports
    on the home page (home_panel)."""
    if not (roles.is_mentor(request.user) or roles.is_programme_admin(request.user)):
        return None
    return Link(_("Monthly reports"), reverse("monitoring:report_home"))
