"""The mentor's pages: "Dampingan saya", her visits and their follow-ups, and her home panel."""

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses.selectors import enrollments_of, seen_since
from lms import roles
from lms.exports import Table, export_response, requested_format
from lms.home import HomePanel, Link
from lms.models import StaffProfile

from ..forms import LibraryChoiceForm, VisitForm, follow_up_formset
from ..models import FollowUp, Visit
from ..permissions import home_regency
from ..selectors import assignment_scope, mentee_profiles
from ..services.visits import (
    STALLED_AFTER_DAYS,
    VisitAlreadyLogged,
    follow_up_set_status,
    stalled_cutoff,
    visit_libraries,
    visit_log,
    visit_update,
)

MENTEES_PER_PAGE = 25  # a phone screen or two; the export has everyone
VISITS_PER_PAGE = 25
FOLLOW_UP_ROWS = 20  # due first; the export has them all
NEXT_VISIT_ROWS = 20
RECENT_VISITS = 5

MENTORS_ONLY = gettext_lazy("This page is for mentors (pendamping).")


@dataclass
class CourseProgress:
    title: str
    percent: int
    completed: bool


@dataclass
class MenteeRow:
    profile: StaffProfile
    courses: list[CourseProgress] = field(default_factory=list)
    last_activity: datetime.datetime | None = None
    # The latest sign of life: an activity or, failing that, an enrolment.
    last_seen: datetime.datetime | None = None
    stalled: bool = False

    @property
    def name(self) -> str:
        user = self.profile.user
        return user.get_full_name() or user.get_username()


def _mentor(request):
    if not roles.is_mentor(request.user):
        raise PermissionDenied(MENTORS_ONLY)
    return request.user


def _mentees(*, mentor, scope=None):
    return mentee_profiles(mentor=mentor, scope=scope).order_by(
        "library__name", "user__first_name", "user__username"
    )


def mentee_rows(profiles, *, now: datetime.datetime | None = None) -> list[MenteeRow]:
    """These mentees with their course progress, last activity and stalled flag: one
    query for their enrolments whatever their number."""
    cutoff = stalled_cutoff(now=now)
    rows = {profile.user_id: MenteeRow(profile=profile) for profile in profiles}
    enrolments = enrollments_of(user_ids=list(rows)).values_list(
        "user_id",
        "course__title",
        "items_done",
        "items_total",
        "completed_at",
        "last_activity_at",
        "enrolled_at",
    )
    for user_id, title, done, total, completed_at, last_activity, enrolled_at in enrolments:
        row = rows[user_id]
        percent = min(100, round(100 * done / total)) if total else 0
        row.courses.append(CourseProgress(title, percent, completed_at is not None))
        if last_activity and (row.last_activity is None or last_activity > row.last_activity):
            row.last_activity = last_activity
        for moment in (last_activity, enrolled_at):
            if moment and (row.last_seen is None or moment > row.last_seen):
                row.last_seen = moment
    for row in rows.values():
        row.stalled = row.last_seen is None or row.last_seen < cutoff
    return list(rows.values())


def mentee_counts(*, mentor, scope=None, now: datetime.datetime | None = None) -> dict[str, int]:
    """How many mentees, and how many of them stalled, counted in the database."""
    seen = seen_since(moment=stalled_cutoff(now=now)).filter(user_id=OuterRef("user_id"))
    return mentee_profiles(mentor=mentor, scope=scope).aggregate(
        mentees=Count("pk"), stalled=Count("pk", filter=~Exists(seen))
    )


def _mentee_table(rows: list[MenteeRow]) -> Table:
    def local_date(moment):
        return timezone.localdate(moment) if moment else None

    return Table(
        title=_("My mentees"),
        columns=[
            _("Name"),
            _("Username"),
            _("Library"),
            _("Courses"),
            _("Last activity"),
            _("Stalled"),
        ],
        rows=[
            [
                row.name,
                row.profile.user.get_username(),
                str(row.profile.library or ""),
                "; ".join(f"{c.title} ({c.percent}%)" for c in row.courses),
                local_date(row.last_activity),
                _("yes") if row.stalled else _("no"),
            ]
            for row in rows
        ],
    )


def _libraries_with_next_visit(*, mentor, scope=None):
    latest = Visit.objects.filter(mentor=mentor, library=OuterRef("pk")).order_by(
        "-visited_on", "-pk"
    )
    return visit_libraries(mentor=mentor, scope=scope).annotate(
        last_visit_on=Subquery(latest.values("visited_on")[:1]),
        next_visit_on=Subquery(latest.values("next_visit_on")[:1]),
    )


def _open_follow_ups(*, mentor):
    return FollowUp.objects.filter(visit__mentor=mentor, status=FollowUp.Status.OPEN)


def _follow_up_table(*, mentor) -> Table:
    follow_ups = (
        _open_follow_ups(mentor=mentor)
        .select_related("owner", "visit__library")
        .order_by("due_on", "pk")
    )
    return Table(
        title=_("Open follow-ups"),
        columns=[_("Action"), _("Library"), _("Owner"), _("Due on"), _("Visit date")],
        rows=[
            [
                f.action,
                str(f.visit.library),
                f.owner.get_full_name() or f.owner.get_username(),
                f.due_on,
                f.visit.visited_on,
            ]
            for f in follow_ups
        ],
    )


def _next_visit_table(*, mentor) -> Table:
    return Table(
        title=_("Next visits"),
        columns=[_("Library"), _("Last visit"), _("Next visit due")],
        rows=[
            [library.name, library.last_visit_on, library.next_visit_on]
            for library in _libraries_with_next_visit(mentor=mentor)
        ],
    )


def _dashboard_table(name: str | None, *, mentor) -> Table:
    """The dashboard's tables as downloads: mentees (the default), follow-ups, libraries."""
    if name == "followups":
        return _follow_up_table(mentor=mentor)
    if name == "libraries":
        return _next_visit_table(mentor=mentor)
    return _mentee_table(mentee_rows(_mentees(mentor=mentor)))


@login_required
def dashboard(request):
    mentor = _mentor(request)
    today = timezone.localdate()
    fmt = requested_format(request)
    if fmt:
        return export_response(_dashboard_table(request.GET.get("table"), mentor=mentor), fmt)
    # Only the page shown is read in full; the totals are counted in the database.
    scope = assignment_scope(mentor=mentor)
    counts = mentee_counts(mentor=mentor, scope=scope)
    paginator = Paginator(_mentees(mentor=mentor, scope=scope), MENTEES_PER_PAGE)
    paginator.count = counts["mentees"]  # already counted: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = mentee_rows(page.object_list)

    open_follow_ups = _open_follow_ups(mentor=mentor)
    follow_up_counts = open_follow_ups.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
    )
    follow_ups = list(
        open_follow_ups.select_related("owner", "visit__library").order_by("due_on", "pk")[
            :FOLLOW_UP_ROWS
        ]
    )
    libraries = _libraries_with_next_visit(mentor=mentor, scope=scope)
    # Counted for the five shown only, not grouped over all her visits first.
    open_of_visit = (
        FollowUp.objects.filter(visit=OuterRef("pk"), status=FollowUp.Status.OPEN)
        .order_by()
        .values("visit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    recent_visits = list(
        Visit.objects.filter(mentor=mentor)
        .select_related("library")
        .annotate(open_follow_ups=Coalesce(Subquery(open_of_visit), 0))
        .order_by("-visited_on", "-pk")[:RECENT_VISITS]
    )
    return render(
        request,
        "mentoring/mentor_dashboard.html",
        {
            "today": today,
            "page": page,
            "mentee_count": counts["mentees"],
            "stalled_count": counts["stalled"],
            "stalled_days": STALLED_AFTER_DAYS,
            "follow_ups": follow_ups,
            "open_count": follow_up_counts["open"],
            "overdue_count": follow_up_counts["overdue"],
            # The libraries due first; the export has them all.
            "libraries": list(
                libraries.order_by(F("next_visit_on").asc(nulls_last=True), "name")[
                    :NEXT_VISIT_ROWS
                ]
            ),
            "library_count": len(scope.visit_library_ids),
            "recent_visits": recent_visits,
        },
    )


def _visit_list_queryset(*, mentor):
    return (
        Visit.objects.filter(mentor=mentor)
        .select_related("library")
        .prefetch_related("tagged__tag")
        .annotate(
            attendee_count=Count("attendees", distinct=True),
            open_follow_ups=Count(
                "follow_ups",
                filter=Q(follow_ups__status=FollowUp.Status.OPEN),
                distinct=True,
            ),
        )
        .order_by("-visited_on", "-pk")
    )


def _topic_names(visit: Visit) -> list[str]:
    # Reads the prefetched through rows, so listing topics costs no query per visit.
    return sorted(item.tag.name for item in visit.tagged.all())


@login_required
def visit_list(request):
    mentor = _mentor(request)
    visits = _visit_list_queryset(mentor=mentor)
    fmt = requested_format(request)
    if fmt:
        table = Table(
            title=_("Mentoring visits"),
            columns=[
                _("Date"),
                _("Library"),
                _("Mode"),
                _("Attendees"),
                _("Topics"),
                _("Open follow-ups"),
                _("Next visit due"),
                _("Notes"),
            ],
            rows=[
                [
                    visit.visited_on,
                    visit.library.name,
                    str(visit.get_mode_display()),
                    visit.attendee_count,
                    ", ".join(_topic_names(visit)),
                    visit.open_follow_ups,
                    visit.next_visit_on,
                    visit.notes,
                ]
                for visit in visits
            ],
        )
        return export_response(table, fmt)
    page = Paginator(visits, VISITS_PER_PAGE).get_page(request.GET.get("page"))
    for visit in page.object_list:
        visit.topic_names = _topic_names(visit)
    return render(request, "mentoring/visit_list.html", {"page": page})


def _apply_errors(error: ValidationError, form) -> None:
    """Puts a service's errors next to the fields they are about; the rest (follow-ups,
    library) go to the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(name if name in form.fields else None, message)


def _visit_form_page(request, *, template_context, status=200):
    return render(request, "mentoring/visit_form.html", template_context, status=status)


def _visit_fields(form, formset) -> dict:
    """What the visit form and its follow-up rows say, as the visit services take it."""
    data = form.cleaned_data
    return {
        "visited_on": data["visited_on"],
        "mode": data["mode"],
        "attendee_ids": [person.pk for person in data["attendees"]],
        "topics": data["topics"],
        "notes": data["notes"],
        "next_visit_on": data["next_visit_on"],
        "follow_ups": [row for row_form in formset.forms if (row := row_form.as_input())],
    }


@login_required
def visit_new(request):
    mentor = _mentor(request)
    libraries = list(visit_libraries(mentor=mentor))
    context = {"libraries": libraries, "editing": False}
    if not libraries:
        return _visit_form_page(request, template_context=context)

    chooser = None
    if request.method == "POST":
        chosen = request.POST.get("library", "")
        library = next((lib for lib in libraries if str(lib.pk) == chosen), None)
        if library is None:
            messages.error(request, _("Choose one of the libraries you mentor."))
            context["chooser"] = LibraryChoiceForm(mentor=mentor)
            return _visit_form_page(request, template_context=context, status=400)
    elif len(libraries) == 1:
        library = libraries[0]
    else:
        chooser = LibraryChoiceForm(request.GET or None, mentor=mentor)
        library = chooser.cleaned_data["perpustakaan"] if chooser.is_valid() else None
    context["chooser"] = chooser
    if library is None:
        return _visit_form_page(request, template_context=context)

    form = VisitForm(request.POST or None, library=library)
    formset = follow_up_formset(request.POST or None, mentor=mentor, library=library)
    context.update({"library": library, "form": form, "formset": formset})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            visit_log(mentor=mentor, library=library, **_visit_fields(form, formset))
        except VisitAlreadyLogged as duplicate:
            # Most often the same form sent twice: show the visit already on record.
            messages.info(request, duplicate.messages[0])
            return redirect("mentoring:visit_detail", pk=duplicate.visit.pk)
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            messages.success(
                request, _("Your visit to %(library)s is saved.") % {"library": library}
            )
            return redirect("mentoring:dashboard")
    status = 400 if request.method == "POST" else 200
    return _visit_form_page(request, template_context=context, status=status)


def _own_visit(request, pk: int) -> Visit:
    """The visit if it is the signed-in mentor's own; anyone else's is not found."""
    return get_object_or_404(Visit.objects.select_related("library"), pk=pk, mentor=request.user)


@login_required
def visit_edit(request, pk: int):
    mentor = _mentor(request)
    visit = _own_visit(request, pk)
    library = visit.library
    form = VisitForm(request.POST or None, library=library, initial=VisitForm.initial_for(visit))
    formset = follow_up_formset(request.POST or None, mentor=mentor, library=library)
    context = {"library": library, "form": form, "formset": formset, "visit": visit}
    context["editing"] = True
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            visit_update(visit=visit, user=mentor, **_visit_fields(form, formset))
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            messages.success(request, _("The visit is updated."))
            return redirect("mentoring:visit_detail", pk=visit.pk)
    status = 400 if request.method == "POST" else 200
    return _visit_form_page(request, template_context=context, status=status)


@login_required
def visit_detail(request, pk: int):
    _mentor(request)
    visit = _own_visit(request, pk)
    attendees = list(visit.attendees.order_by("first_name", "username"))
    follow_ups = list(visit.follow_ups.select_related("owner"))
    return render(
        request,
        "mentoring/visit_detail.html",
        {
            "visit": visit,
            "attendees": attendees,
            "topics": _topic_names_of(visit),
            "follow_ups": follow_ups,
            "today": timezone.localdate(),
            "statuses": FollowUp.Status,
        },
    )


def _topic_names_of(visit: Visit) -> list[str]:
    return sorted(tag.name for tag in visit.topics.all())


@login_required
@require_POST
def follow_up_status(request, pk: int):
    user = request.user
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("visit"),
        Q(visit__mentor=user) | Q(owner=user),
        pk=pk,
    )
    try:
        follow_up_set_status(follow_up=follow_up, status=request.POST.get("status", ""), user=user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("“%(action)s” is now %(status)s.")
            % {"action": follow_up.action, "status": follow_up.get_status_display().lower()},
        )
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    if follow_up.visit.mentor_id == user.pk:
        return redirect("mentoring:visit_detail", pk=follow_up.visit_id)
    return redirect("lms:home")


def home_panel(request) -> HomePanel | None:
    """Counts for a mentor's home page: mentees, stalled mentees and overdue follow-ups, in
    three queries."""
    mentor = request.user
    if not roles.is_mentor(mentor):
        return None
    counts = mentee_counts(mentor=mentor)
    mentees = counts["mentees"]
    overdue = _open_follow_ups(mentor=mentor).filter(due_on__lt=timezone.localdate()).count()
    return HomePanel(
        title=_("My mentees"),
        order=40,
        rows=[
            (_("Mentees"), mentees),
            (
                _("Stalled (no activity for %(days)s days)") % {"days": STALLED_AFTER_DAYS},
                counts["stalled"],
            ),
            (_("Overdue follow-ups"), overdue),
        ],
        links=[
            Link(_("Open my mentees"), reverse("mentoring:dashboard")),
            Link(_("Log a visit"), reverse("mentoring:visit_new")),
            Link(_("Mentoring assignments"), reverse("mentoring:assignment_list")),
            *(
                [Link(_("My district"), reverse("mentoring:district_index"))]
                if home_regency(mentor)
                else []
            ),
        ],
    )


urlpatterns = [
    path("pendampingan/", dashboard, name="dashboard"),
    path("pendampingan/kunjungan/", visit_list, name="visit_list"),
    path("pendampingan/kunjungan/baru/", visit_new, name="visit_new"),
    path("pendampingan/kunjungan/<int:pk>/", visit_detail, name="visit_detail"),
    path("pendampingan/kunjungan/<int:pk>/ubah/", visit_edit, name="visit_edit"),
    path(
        "pendampingan/tindak-lanjut/<int:pk>/status/",
        follow_up_status,
        name="follow_up_status",
    ),
]
