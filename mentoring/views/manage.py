"""Management pages: mentoring assignments (list, create, end) and a curriculum's trainer
promotions (candidates, approval, history), each table exportable as CSV or XLSX."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.selectors import curricula, enrollments_in_curriculum
from lms import roles
from lms.exports import Table, export_response, requested_format

from ..manage_forms import AssignmentForm, RegencyFilterForm
from ..models import Level, Progression, Promotion, TrainingEdge
from ..permissions import can_view_cascade
from ..selectors import mentee_ids
from ..services.assignments import (
    MANAGE_NOT_ALLOWED,
    assignment_end,
    assignments_manageable_by,
    can_manage_assignments,
)
from ..services.progression import (
    PROMOTION_NEEDS_CO_FACILITATION,
    PROMOTION_NEEDS_COURSE,
    PROMOTION_NEEDS_FACILITATOR_TRAINING,
    Candidate,
    approval_refusal,
    facilitator_training_curricula,
    promotion_candidates,
    promotion_grant,
    signed_off_co_facilitations,
)
from ..services.visits import assignment_create

ASSIGNMENTS_PER_PAGE = 50
RECENT_PROMOTIONS = 50
# People shown as "not ready yet"; the export lists them all.
WAITING_SHOWN = 200


def _name(user) -> str:
    return user.get_full_name() or user.get_username() if user is not None else ""


def _messages_of(error: ValidationError | PermissionDenied) -> list[str]:
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [str(error)] if str(error) else [_("You may not do this.")]


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Assignments.


def _manager(request):
    if not can_manage_assignments(request.user):
        raise PermissionDenied(MANAGE_NOT_ALLOWED)
    return request.user


def _status(assignment, today) -> str:
    if assignment.is_past:
        return _("Ended")
    if assignment.starts_on > today:
        return _("Upcoming")
    return _("Active")


def _target(assignment) -> tuple[str, str]:
    """What the assignment covers, and that target's library (for a person)."""
    if assignment.library_id is not None:
        return assignment.library.name, _("Library")
    profile = getattr(assignment.mentee, "staff_profile", None)
    library = profile.library.name if profile is not None and profile.library else ""
    label = _name(assignment.mentee)
    return (f"{label} · {library}" if library else label), _("Person")


def _regency_of(assignment) -> str:
    if assignment.library_id is not None:
        return str(assignment.library.regency)
    return ""


def _assignment_table(assignments, today) -> Table:
    rows = []
    for a in assignments:
        target, kind = _target(a)
        rows.append(
            [
                _name(a.mentor),
                kind,
                target,
                _regency_of(a),
                a.starts_on.isoformat(),
                a.ends_on.isoformat() if a.ends_on else "",
                _status(a, today),
            ]
        )
    return Table(
        title=_("Mentoring assignments"),
        columns=[
            _("Mentor"),
            _("Kind"),
            _("Library or person"),
            _("Kabupaten/kota"),
            _("Starts on"),
            _("Ends on"),
            _("Status"),
        ],
        rows=rows,
    )


@login_required
def assignment_list(request):
    user = _manager(request)
    today = timezone.localdate()
    is_admin = roles.is_programme_admin(user)
    filters = RegencyFilterForm(request.GET or None) if is_admin else None
    regency = (
        filters.cleaned_data["regency"] if filters is not None and filters.is_valid() else None
    )
    assignments = assignments_manageable_by(user=user, regency=regency, on=today)
    if fmt := requested_format(request):
        return export_response(_assignment_table(assignments, today), fmt)
    page = Paginator(assignments, ASSIGNMENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    for a in page.object_list:
        target, kind = _target(a)
        rows.append(
            {
                "assignment": a,
                "mentor": _name(a.mentor),
                "target": target,
                "kind": kind,
                "regency": _regency_of(a),
                "status": _status(a, today),
                "can_end": a.starts_on <= today and (a.ends_on is None or a.ends_on > today),
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "mentoring/assignment_list.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "is_admin": is_admin,
            "query": query.urlencode(),
            "current_url": request.get_full_path(),
        },
    )


@login_required
def assignment_new(request):
    user = _manager(request)
    form = AssignmentForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment_create(
                mentor=form.chosen_mentor,
                library=data["library"],
                mentee=data["mentee"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                assigned_by=user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("The assignment is saved."))
            return redirect("mentoring:assignment_list")
    return render(request, "mentoring/assignment_form.html", {"form": form})


@login_required
@require_POST
def assignment_end_view(request, pk: int):
    user = _manager(request)
    # Someone else's assignment does not exist as far as this person is concerned.
    assignment = get_object_or_404(assignments_manageable_by(user=user), pk=pk)
    try:
        assignment_end(assignment=assignment, ended_by=user)
    except (ValidationError, PermissionDenied) as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("The assignment has ended."))
    return redirect(_safe_next(request, reverse("mentoring:assignment_list")))


# Promotions.


@dataclass
class CandidateRow:
    candidate: Candidate
    may_approve: bool
    reason: str  # why the viewer may not approve; "" when she may

    @property
    def level_label(self) -> str:
        return str(self.candidate.level.label)

    @property
    def next_label(self) -> str:
        return str(self.candidate.next_level.label)


@dataclass
class WaitingRow:
    user_id: int
    name: str
    level: Level
    next_level: Level
    reasons: list[str]


def _approvals(*, viewer, curriculum, candidates: list[Candidate]) -> list[CandidateRow]:
    """Whether `viewer` may approve each candidate's next step, by the rules of
    services.progression (which decides again on POST), in at most two queries."""
    is_admin = roles.is_programme_admin(viewer)
    ids = [c.user_id for c in candidates]
    own_trainees: set[int] = set()
    own_mentees: set[int] = set()
    if not is_admin and ids:
        own_trainees = set(
            TrainingEdge.objects.filter(
                trainer=viewer, curriculum=curriculum, trainee_id__in=ids
            ).values_list("trainee_id", flat=True)
        )
        if roles.is_mentor(viewer):
            own_mentees = mentee_ids(mentor=viewer)
    rows = []
    for c in candidates:
        reason = (
            approval_refusal(
                approver=viewer,
                user_id=c.user_id,
                to_level=c.next_level,
                own_trainer=lambda c=c: c.user_id in own_trainees,
                own_mentor=lambda c=c: c.user_id in own_mentees,
            )
            or ""
        )
        rows.append(CandidateRow(candidate=c, may_approve=not reason, reason=str(reason)))
    return rows


def _waiting(*, curriculum, candidates: list[Candidate], limit: int | None) -> list[WaitingRow]:
    """People with a progression in `curriculum` whose next step's requirements are not met
    yet, with what is missing, in a fixed number of queries."""
    ready = {c.user_id for c in candidates}
    progressions = (
        Progression.objects.filter(
            curriculum=curriculum, level__in=[Level.PARTICIPANT, Level.MENTOR]
        )
        .exclude(user_id__in=ready)
        .select_related("user")
        .order_by("-level", "user__first_name", "user__last_name", "user__username")
    )
    if limit is not None:
        progressions = progressions[:limit]
    progressions = list(progressions)
    mentor_ids = [p.user_id for p in progressions if p.level == Level.MENTOR]
    tot_done: set[int] = set()
    co_signed: set[int] = set()
    if mentor_ids:
        for tot in facilitator_training_curricula():
            tot_done |= set(
                enrollments_in_curriculum(tot)
                .filter(user_id__in=mentor_ids, completed_at__isnull=False)
                .values_list("user_id", flat=True)
            )
        co_signed = set(
            signed_off_co_facilitations(curriculum=curriculum)
            .filter(user_id__in=mentor_ids)
            .values_list("user_id", flat=True)
        )
    rows = []
    for p in progressions:
        if p.level == Level.PARTICIPANT:
            reasons = [str(PROMOTION_NEEDS_COURSE)]
        else:
            reasons = []
            if p.user_id not in tot_done:
                reasons.append(str(PROMOTION_NEEDS_FACILITATOR_TRAINING))
            if p.user_id not in co_signed:
                reasons.append(str(PROMOTION_NEEDS_CO_FACILITATION))
        rows.append(
            WaitingRow(
                user_id=p.user_id,
                name=_name(p.user),
                level=Level(p.level),
                next_level=Level(p.level + 1),
                reasons=reasons,
            )
        )
    return rows


def _recent_promotions(curriculum, limit: int | None = RECENT_PROMOTIONS):
    promotions = Promotion.objects.filter(curriculum=curriculum).select_related(
        "user", "approved_by"
    )
    return promotions[:limit] if limit is not None else promotions


def _promotion_export(request, *, curriculum, candidates, rows, fmt):
    table_name = request.GET.get("table", "candidates")
    if table_name == "history":
        table = Table(
            title=_("Promotions"),
            columns=[_("Name"), _("From"), _("To"), _("Approved by"), _("When"), _("Note")],
            rows=[
                [
                    _name(p.user),
                    p.get_from_level_display(),
                    p.get_to_level_display(),
                    _name(p.approved_by),
                    timezone.localtime(p.promoted_at).strftime("%Y-%m-%d %H:%M"),
                    p.note,
                ]
                for p in _recent_promotions(curriculum, limit=None)
            ],
        )
    elif table_name == "waiting":
        table = Table(
            title=_("Not ready yet"),
            columns=[_("Name"), _("Level"), _("Next level"), _("What is missing")],
            rows=[
                [w.name, str(w.level.label), str(w.next_level.label), " ".join(w.reasons)]
                for w in _waiting(curriculum=curriculum, candidates=candidates, limit=None)
            ],
        )
    else:
        table = Table(
            title=_("Promotion candidates"),
            columns=[_("Name"), _("Level"), _("Next level"), _("Requirements"), _("Approval")],
            rows=[
                [
                    r.candidate.name,
                    r.level_label,
                    r.next_label,
                    _("met"),
                    _("you may approve") if r.may_approve else r.reason,
                ]
                for r in rows
            ],
        )
    return export_response(table, fmt)


def _curriculum(curriculum_id: int):
    curriculum = curricula().filter(pk=curriculum_id).first()
    if curriculum is None:
        raise Http404
    return curriculum


@login_required
def promotions(request, curriculum_id: int):
    if not can_view_cascade(request.user):
        raise PermissionDenied
    curriculum = _curriculum(curriculum_id)
    errors: list[str] = []
    posted: dict = {}
    if request.method == "POST":
        posted = {
            "user_id": request.POST.get("user", ""),
            "to_level": request.POST.get("to_level", ""),
            "note": request.POST.get("note", ""),
        }
        try:
            to_level = Level(int(posted["to_level"]))
            person = get_user_model().objects.get(pk=int(posted["user_id"]))
        except (TypeError, ValueError, get_user_model().DoesNotExist):
            errors = [_("Choose a person and a level from the list.")]
        else:
            try:
                promotion_grant(
                    user=person,
                    curriculum=curriculum,
                    to_level=to_level,
                    approved_by=request.user,
                    note=posted["note"].strip(),
                )
            except (ValidationError, PermissionDenied) as error:
                errors = [f"{_name(person)}: {message}" for message in _messages_of(error)]
            else:
                messages.success(
                    request,
                    _("%(name)s is now %(level)s.")
                    % {"name": _name(person), "level": to_level.label},
                )
                return redirect("mentoring:promotions", curriculum_id=curriculum.pk)

    candidates = promotion_candidates(curriculum=curriculum)
    rows = _approvals(viewer=request.user, curriculum=curriculum, candidates=candidates)
    if request.method == "GET" and (fmt := requested_format(request)):
        return _promotion_export(
            request, curriculum=curriculum, candidates=candidates, rows=rows, fmt=fmt
        )
    return render(
        request,
        "mentoring/promotion_list.html",
        {
            "curriculum": curriculum,
            "rows": rows,
            "waiting": _waiting(curriculum=curriculum, candidates=candidates, limit=WAITING_SHOWN),
            "waiting_limit": WAITING_SHOWN,
            "history": list(_recent_promotions(curriculum)),
            "errors": errors,
            "posted": posted,
        },
    )


urlpatterns = [
    path("pendampingan/penugasan/", assignment_list, name="assignment_list"),
    path("pendampingan/penugasan/baru/", assignment_new, name="assignment_new"),
    path("pendampingan/penugasan/<int:pk>/akhiri/", assignment_end_view, name="assignment_end"),
    path("kaskade/<int:curriculum_id>/promosi/", promotions, name="promotions"),
]
