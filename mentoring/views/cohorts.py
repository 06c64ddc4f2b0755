"""Cohort pages: the list, creating a cohort, its sessions, participants, attendance, finishing."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courses import selectors as course_selectors
from lms import roles
from lms.exports import Table, export_response, requested_format
from lms.models import Library

from .. import cohort_forms
from ..achievements import COHORT_FINISHED, cohort_can_manage
from ..models import Cohort, CohortFacilitator, CohortParticipant, CohortSession, TrainingEdge
from ..selectors import mentee_ids
from ..services import cohorts as service

COHORTS_PER_PAGE = 50
STAFF_PER_PAGE = 50


def _facilitator_names(rows, role) -> str:
    return ", ".join(service.display_name(row.user) for row in rows if row.role == role)


# The list


def _cohorts_table(cohorts) -> Table:
    return Table(
        title=_("Cohorts"),
        columns=[
            _("Cohort"),
            _("Course"),
            _("Host library"),
            _("Starts on"),
            _("Ends on"),
            _("Status"),
            _("Lead facilitators"),
            _("Sessions"),
            _("Participants"),
        ],
        rows=[
            [
                cohort.name,
                cohort.course.title,
                cohort.host_library.name,
                cohort.starts_on,
                cohort.ends_on,
                str(cohort.get_status_display()),
                _facilitator_names(cohort.facilitators.all(), CohortFacilitator.Role.LEAD),
                cohort.session_count,
                cohort.participant_count,
            ]
            for cohort in cohorts
        ],
    )


@login_required
def cohort_list(request):
    cohorts = service.cohort_list_rows(service.cohorts_visible_to(request.user))
    fmt = requested_format(request)
    if fmt:
        return export_response(_cohorts_table(cohorts), fmt)
    page = Paginator(cohorts, COHORTS_PER_PAGE).get_page(request.GET.get("page"))
    for cohort in page.object_list:
        cohort.leads = _facilitator_names(cohort.facilitators.all(), CohortFacilitator.Role.LEAD)
    return render(
        request,
        "mentoring/cohort_list.html",
        {"page": page, "may_create": cohort_forms.may_open_new_cohort(request.user)},
    )


# One cohort


def _cohort_for(request, pk: int):
    """The cohort and its facilitators, if the signed-in person may see it (else 403)."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("course", "host_library__regency", "created_by"), pk=pk
    )
    facilitators = service.facilitators_of(cohort)
    facilitator_ids = {row.user_id for row in facilitators}
    if not service.may_view_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    return cohort, facilitators, facilitator_ids


def _participant_rows(cohort, sessions: int) -> list:
    participants = list(service.participants_with_attendance(cohort))
    completed = service.completed_user_ids(
        cohort=cohort, user_ids=[p.user_id for p in participants]
    )
    for p in participants:
        profile = getattr(p.user, "staff_profile", None)
        p.library = profile.library if profile and profile.library else None
        p.percent = service.attendance_percent(p.attended, sessions)
        p.met = service.attendance_met(
            attended=p.attended, sessions=sessions, threshold=cohort.attendance_threshold
        )
        p.completed = p.user_id in completed
    return participants


def _participants_table(cohort, participants, sessions: int) -> Table:
    yes, no = _("yes"), _("no")
    return Table(
        title=_("Participants %(cohort)s") % {"cohort": cohort.name},
        columns=[
            _("Name"),
            _("Username"),
            _("Library"),
            _("Sessions attended"),
            _("Sessions"),
            _("Attendance (%)"),
            _("Course completed"),
            _("Finished on"),
        ],
        rows=[
            [
                service.display_name(p.user),
                p.user.get_username(),
                p.library.name if p.library else "",
                p.attended,
                sessions,
                p.percent,
                yes if p.completed else no,
                timezone.localdate(p.finished_at) if p.finished_at else "",
            ]
            for p in participants
        ],
    )


def _certificates_zip_url(user, cohort, facilitator_ids, finished_count: int) -> str:
    """Where the cohort's certificates download as one ZIP, for those who may; empty when
    the certificates app is not installed or nobody has finished yet."""
    if not finished_count or not apps.is_installed("certificates"):
        return ""
    if not cohort_can_manage(user, cohort, facilitator_ids=facilitator_ids):
        return ""
    return reverse(
        "certificates:bundle",
        kwargs={
            "kind": COHORT_FINISHED,
            "subject_type_id": ContentType.objects.get_for_model(Cohort).pk,
            "subject_id": cohort.pk,
        },
    )


@login_required
def cohort_detail(request, pk: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    fmt = requested_format(request)
    sessions = list(cohort.sessions.all())
    participants = _participant_rows(cohort, len(sessions))
    if fmt:
        return export_response(_participants_table(cohort, participants, len(sessions)), fmt)
    may_run = service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids)
    finished_count = sum(1 for p in participants if p.finished_at)
    return render(
        request,
        "mentoring/cohort_detail.html",
        {
            "cohort": cohort,
            "facilitators": facilitators,
            "sessions": sessions,
            "participants": participants,
            "finished_count": finished_count,
            "certificates_zip_url": _certificates_zip_url(
                request.user, cohort, facilitator_ids, finished_count
            ),
            "may_run": may_run,
            "may_manage": _may_manage(request.user, cohort, facilitator_ids),
            "signable": _signable_ids(request.user, cohort, facilitators),
        },
    )


@login_required
def cohort_attendance(request, pk: int, session_id: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    if not service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    session = get_object_or_404(CohortSession, pk=session_id, cohort=cohort)
    errors = []
    if request.method == "POST":
        try:
            service.attendance_record(
                session=session,
                present_user_ids=request.POST.getlist("present"),
                recorded_by=request.user,
            )
        except ValidationError as error:
            errors = error.messages
        except ValueError:
            errors = [_("The form was not filled in correctly; please try again.")]
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("mentoring:cohort_detail", pk=cohort.pk)
    participants = list(service.participants_with_attendance(cohort))
    if request.method == "POST":
        present = set(request.POST.getlist("present"))
    else:
        present = {str(uid) for uid in session.attendance.values_list("user_id", flat=True)}
    for p in participants:
        p.present = str(p.user_id) in present
    return render(
        request,
        "mentoring/cohort_attendance.html",
        {"cohort": cohort, "session": session, "participants": participants, "errors": errors},
        status=400 if errors else 200,
    )


@require_POST
@login_required
def cohort_finish(request, pk: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    if not service.may_run_cohort(request.user, cohort, facilitator_ids=facilitator_ids):
        raise PermissionDenied
    finished = service.cohort_finish(cohort=cohort, finished_by=request.user)
    messages.success(
        request,
        ngettext(
            "The cohort is finished; %(count)d participant finished it now.",
            "The cohort is finished; %(count)d participants finished it now.",
            len(finished),
        )
        % {"count": len(finished)},
    )
    return redirect("mentoring:cohort_detail", pk=cohort.pk)


# Creating and managing a cohort


def _may_manage(user, cohort, facilitator_ids) -> bool:
    """Who adds sessions and participants: as the service allows, facilitators, programme
    admins and whoever created the cohort."""
    return service.may_run_cohort(user, cohort, facilitator_ids=facilitator_ids) or (
        cohort.created_by_id is not None and cohort.created_by_id == user.pk
    )


def _manageable_cohort(request, pk: int):
    cohort, facilitators, facilitator_ids = _cohort_for(request, pk)
    if not _may_manage(request.user, cohort, facilitator_ids):
        raise PermissionDenied
    return cohort, facilitators, facilitator_ids


def _signable_ids(user, cohort, facilitators) -> set[int]:
    """The co-facilitators whose run `user` may sign off now, in at most three queries
    whatever their number. Mirrors service.may_sign_off, which checks the POST itself."""
    if cohort.status != Cohort.Status.FINISHED:
        return set()
    waiting = {
        row.user_id
        for row in facilitators
        if row.role == CohortFacilitator.Role.CO
        and row.signed_off_at is None
        and row.user_id != user.pk
    }
    if not waiting or roles.is_programme_admin(user):
        return waiting
    curriculum = course_selectors.curriculum_of(cohort.course)
    signable = set(
        TrainingEdge.objects.filter(
            trainer=user, curriculum=curriculum, trainee_id__in=waiting
        ).values_list("trainee_id", flat=True)
    )
    if roles.is_mentor(user) and waiting - signable:
        signable |= waiting & mentee_ids(mentor=user)
    return signable


def _add_service_error(form, error: ValidationError, *, field: str | None = None) -> None:
    """Puts a service's refusal on the form, next to the field it concerns when it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, error)


@login_required
def cohort_new(request):
    if not cohort_forms.may_open_new_cohort(request.user):
        raise PermissionDenied
    form = cohort_forms.CohortForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = service.cohort_create(**form.service_kwargs(), created_by=request.user)
        except PermissionDenied as error:
            form.add_error("host_library", str(error))
        except ValidationError as error:
            on_leads = getattr(error, "code", None) in ("not_facilitator", "no_lead")
            _add_service_error(form, error, field="lead_facilitators" if on_leads else None)
        else:
            messages.success(
                request,
                _("The cohort %(name)s is planned. Now add its sessions and participants.")
                % {"name": cohort.name},
            )
            return redirect("mentoring:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "mentoring/cohort_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def cohort_sessions(request, pk: int):
    cohort, _facilitators, _ids = _manageable_cohort(request, pk)
    formset = cohort_forms.SessionFormSet(request.POST or None, prefix="sesi")
    errors = []
    if request.method == "POST" and formset.is_valid():
        dates, titles = formset.sessions()
        try:
            service.cohort_add_sessions(cohort=cohort, dates=dates, titles=titles)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                ngettext("%(count)d session saved.", "%(count)d sessions saved.", len(dates))
                % {"count": len(dates)},
            )
            return redirect("mentoring:cohort_sessions", pk=cohort.pk)
    return render(
        request,
        "mentoring/cohort_sessions.html",
        {
            "cohort": cohort,
            "sessions": list(cohort.sessions.all()),
            "formset": formset,
            "errors": errors,
        },
        status=400 if errors or formset.errors or formset.non_form_errors() else 200,
    )


def _regency_staff(cohort):
    """Active staff of the libraries in the host library's regency."""
    return get_user_model().objects.filter(
        is_active=True, staff_profile__library__regency_id=cohort.host_library.regency_id
    )


def _chosen_ids(request) -> list[int]:
    try:
        return sorted({int(value) for value in request.POST.getlist("peserta")})
    except ValueError:
        return []


@login_required
def cohort_participants(request, pk: int):
    cohort, _facilitators, facilitator_ids = _manageable_cohort(request, pk)
    finished = cohort.status == Cohort.Status.FINISHED
    errors = []
    chosen: set[int] = set()
    if request.method == "POST":
        ids = _chosen_ids(request)
        chosen = set(ids)
        users = list(_regency_staff(cohort).filter(pk__in=ids)) if ids else []
        if not ids:
            errors = [str(cohort_forms.NO_ONE_CHOSEN)]
        elif len(users) != len(ids):
            errors = [str(cohort_forms.NOT_IN_REGENCY)]
        else:
            try:
                service.cohort_add_participants(cohort=cohort, users=users, added_by=request.user)
            except PermissionDenied as error:
                errors = [str(error) or _("You may not add these people.")]
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d person added and enrolled in the course.",
                        "%(count)d people added and enrolled in the course.",
                        len(users),
                    )
                    % {"count": len(users)},
                )
                return redirect(request.get_full_path())

    libraries = list(
        Library.objects.filter(regency_id=cohort.host_library.regency_id).order_by("name")
    )
    library = next(
        (lib for lib in libraries if str(lib.pk) == request.GET.get("perpustakaan")), None
    )
    staff = _regency_staff(cohort)
    if library is not None:
        staff = staff.filter(staff_profile__library=library)
    staff = (
        staff.select_related("staff_profile__library")
        .annotate(
            taking_part=Exists(
                CohortParticipant.objects.filter(cohort=cohort, user_id=OuterRef("pk"))
            )
        )
        .order_by("first_name", "last_name", "username", "pk")
    )
    page = Paginator(staff, STAFF_PER_PAGE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.facilitating = person.pk in facilitator_ids
        person.chosen = person.pk in chosen
    query = f"perpustakaan={library.pk}&" if library is not None else ""
    return render(
        request,
        "mentoring/cohort_participants.html",
        {
            "cohort": cohort,
            "finished": finished,
            "libraries": libraries,
            "library": library,
            "page": page,
            "page_query": query,
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@require_POST
@login_required
def cohort_sign_off(request, pk: int, user_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    row = (
        CohortFacilitator.objects.select_related("user")
        .filter(cohort=cohort, user_id=user_id)
        .first()
    )
    if row is None:
        if not service.may_view_cohort(request.user, cohort):
            raise PermissionDenied
        raise Http404
    try:
        service.facilitator_sign_off(
            cohort=cohort, facilitator=row.user, signed_off_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s's run is signed off.") % {"name": service.display_name(row.user)},
        )
    return redirect("mentoring:cohort_detail", pk=cohort.pk)


urlpatterns = [
    path("angkatan/", cohort_list, name="cohort_list"),
    path("angkatan/baru/", cohort_new, name="cohort_new"),
    path("angkatan/<int:pk>/", cohort_detail, name="cohort_detail"),
    path(
        "angkatan/<int:pk>/hadir/<int:session_id>/",
        cohort_attendance,
        name="cohort_attendance",
    ),
    path("angkatan/<int:pk>/selesai/", cohort_finish, name="cohort_finish"),
    path("angkatan/<int:pk>/sesi/", cohort_sessions, name="cohort_sessions"),
    path("angkatan/<int:pk>/peserta/", cohort_participants, name="cohort_participants"),
    path(
        "angkatan/<int:pk>/tanda-tangan/<int:user_id>/",
        cohort_sign_off,
        name="cohort_sign_off",
    ),
]
