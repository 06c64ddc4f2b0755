"""The learner's "My training" page and her panel on the home page."""

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.home import HomePanel, Link

from ..dashboard_selectors import learner_dashboard
from ..models import CatalogPage, Enrollment

# How many courses the home page panel lists before pointing to the dashboard.
HOME_PANEL_COURSES = 3


def _catalog_url(request=None) -> str | None:
    catalog = CatalogPage.objects.live().only("id", "url_path").first()
    return catalog.get_url(request) if catalog else None


def _continue_url(row, request) -> str:
    """Where she left off, else the first item she has not done, else the course page."""
    if row.continue_page:
        return row.continue_page.get_url(request)
    if row.next_item:
        return row.next_item.url(request)
    return row.course.get_url(request)


@login_required
def dashboard(request):
    data = learner_dashboard(user=request.user)
    rows = [
        {
            "course": row.course,
            "enrollment": row.enrollment,
            "course_url": row.course.get_url(request),
            "continue_url": _continue_url(row, request),
            "next_item": row.next_item,
            "next_url": row.next_item.url(request) if row.next_item else "",
        }
        for row in data.active
    ]
    completed = [
        {
            "course": enrollment.course,
            "enrollment": enrollment,
            "course_url": enrollment.course.get_url(request) if enrollment.course.live else "",
        }
        for enrollment in data.completed
    ]
    return render(
        request,
        "courses/dashboard.html",
        {
            "rows": rows,
            "completed": completed,
            "catalog_url": "" if rows or completed else _catalog_url(request),
        },
    )


def home_panel(request) -> HomePanel | None:
    """A learner's courses with their progress, or the way to the catalogue; two queries at most."""
    if not roles.is_learner(request.user):
        return None
    enrollments = list(
        Enrollment.objects.filter(
            user=request.user, status=Enrollment.Status.ACTIVE, course__live=True
        )
        .select_related("course")
        .order_by(
            F("completed_at").asc(nulls_first=True),
            F("last_activity_at").desc(nulls_last=True),
            "-enrolled_at",
        )[:HOME_PANEL_COURSES]
    )
    if not enrollments:
        catalog_url = _catalog_url()
        return HomePanel(
            title=_("My training"),
            order=40,
            intro=_("You are not enrolled in any course yet."),
            links=[Link(_("Browse the course catalogue"), catalog_url)] if catalog_url else [],
        )
    # Page URLs without the request: Wagtail then reads the site's root paths from the
    # cache instead of looking up the request's site in the database.
    rows = [
        {
            "title": e.course.title,
            "url": e.course.get_url(),
            "percent": e.percent,
            "completed_at": e.completed_at,
        }
        for e in enrollments
    ]
    return HomePanel(
        title=_("My training"),
        order=40,
        template="courses/panels/my_courses.html",
        context={"rows": rows},
        links=[Link(_("All my training"), reverse("courses:dashboard"))],
    )


urlpatterns = [path("pelatihan-saya/", dashboard, name="dashboard")]
