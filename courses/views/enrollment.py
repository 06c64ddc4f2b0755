"""Enrolling in a course, leaving it, and enrolling a group of staff at once."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import CoursePage, Enrollment
from ..services.enrollment import (
    PREREQUISITES_MISSING,
    EnrollmentError,
    enrollable_libraries,
    enrollable_staff,
    enrollment_bulk_create,
    enrollment_create,
    enrollment_withdraw,
    may_enrol_others,
)

STAFF_PER_PAGE = 50


def _course_url(request, course: CoursePage) -> str:
    return course.get_url(request) or reverse("courses:dashboard")


def _back(request, course: CoursePage) -> str:
    """The page the form was posted from when it says so safely, else the course page."""
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return _course_url(request, course)


def _course_links(request, courses: list[CoursePage]):
    return format_html_join(
        ", ", '<a href="{}">{}</a>', ((c.get_url(request), c.title) for c in courses)
    )


def _refusal(request, error: EnrollmentError):
    if not error.missing:
        return error.message
    # The translated sentence is escaped; only the course links inside it are markup.
    return mark_safe(  # noqa: S308
        escape(str(PREREQUISITES_MISSING)) % {"courses": _course_links(request, error.missing)}
    )


@require_POST
def enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(_course_url(request, course))
    try:
        enrollment_create(user=request.user, course=course)
    except EnrollmentError as error:
        messages.error(request, _refusal(request, error))
        return redirect(_course_url(request, course))
    messages.success(request, _("You are enrolled in %(course)s.") % {"course": course.title})
    return redirect(_back(request, course))


@require_POST
def withdraw(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(_course_url(request, course))
    try:
        enrollment_withdraw(user=request.user, course=course)
    except EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You have left %(course)s. If you enrol again, your progress is still there.")
            % {"course": course.title},
        )
    return redirect(_back(request, course))


def _bulk_summary(request, result) -> str:
    summary = _(
        "Enrolled: %(created)s new, %(reactivated)s re-enrolled, %(already)s were already enrolled."
    ) % {
        "created": result.created,
        "reactivated": result.reactivated,
        "already": result.already_enrolled,
    }
    if not result.lacking_prerequisites:
        return summary
    lacking = format_html_join(
        "",
        "<li>{}: {}</li>",
        (
            (user.get_full_name() or user.get_username(), _course_links(request, courses))
            for user, courses in result.lacking_prerequisites
        ),
    )
    return format_html(
        "{} {}<ul>{}</ul>",
        summary,
        _("These people have not completed the prerequisite courses:"),
        lacking,
    )


@login_required
def bulk_enroll(request, course_id: int):
    """Trainers, mentors and programme admins enrol the staff they may enrol, in one go."""
    if not may_enrol_others(request.user):
        raise PermissionDenied
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)

    if request.method == "POST":
        ids = {int(value) for value in request.POST.getlist("users") if value.isdigit()}
        if not ids:
            messages.error(request, _("Choose at least one person to enrol."))
            return redirect(request.get_full_path())
        users = get_user_model().objects.filter(pk__in=ids)
        # Raises PermissionDenied (403) when someone chosen is outside the person's libraries.
        result = enrollment_bulk_create(course=course, users=users, enrolled_by=request.user)
        messages.success(request, _bulk_summary(request, result))
        return redirect(request.get_full_path())

    libraries = list(enrollable_libraries(by=request.user).distinct().order_by("name"))
    staff = enrollable_staff(by=request.user).order_by(
        "library__name", "user__first_name", "user__username"
    )
    library_id = request.GET.get("perpustakaan", "")
    chosen = next((lib for lib in libraries if str(lib.pk) == library_id), None)
    if chosen is not None:
        staff = staff.filter(library=chosen)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        staff = staff.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__username__icontains=query)
        )
    page_obj = Paginator(staff, STAFF_PER_PAGE).get_page(request.GET.get("page"))
    profiles = list(page_obj.object_list)
    statuses = {
        enrollment.user_id: enrollment
        for enrollment in Enrollment.objects.filter(
            course=course, user_id__in=[profile.user_id for profile in profiles]
        )
    }
    return render(
        request,
        "courses/bulk_enroll.html",
        {
            "course": course,
            "course_url": _course_url(request, course),
            "libraries": libraries,
            "chosen_library": chosen,
            "query": query,
            "page_obj": page_obj,
            "rows": [(profile, statuses.get(profile.user_id)) for profile in profiles],
        },
    )


urlpatterns = [
    path("pelatihan/daftar/<int:course_id>/", enroll, name="enroll"),
    path("pelatihan/berhenti/<int:course_id>/", withdraw, name="withdraw"),
    path("pelatihan/<int:course_id>/daftarkan/", bulk_enroll, name="bulk_enroll"),
]
