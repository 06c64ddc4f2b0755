"""The programme dashboard and its scoped versions for a province or a kabupaten/kota,
with every table as CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from lms.exports import export_response, requested_format

from .. import dashboard, permissions
from ..periods import PeriodForm
from ..selectors import dashboard as selectors
from ..selectors import jobs as job_selectors


def _render(request, area):
    form = PeriodForm(request.GET or None, today=timezone.localdate())
    period = form.chosen()
    board = dashboard.build(area=area, period=period)
    fmt = requested_format(request)
    if fmt:
        block = board.block(request.GET.get("table", ""))
        if block is None:
            raise Http404
        name = f"{area.level}-{block.slug}-{period.start:%Y-%m}-{period.end:%Y-%m}"
        return export_response(block.table, fmt, filename=name)
    query = period.query()
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "board": board,
            "form": form,
            "period_query": "&".join(f"{k}={v}" for k, v in query.items()),
            "area_rows": _area_rows(board),
            "can_see_programme": permissions.can_view_programme(request.user),
            "can_see_province": board.area.province is not None
            and permissions.can_view_province(request.user, board.area.province.pk),
            "can_refresh": permissions.can_view_dashboards(request.user),
            "report_jobs": job_selectors.recent_reports(area=area, user=request.user),
            "report_month": timezone.localdate().replace(day=1),
        },
    )


def _area_rows(board) -> list[tuple[str, list]]:
    """The area table's rows, each with the link to that province's or kabupaten's own
    dashboard (none for kinds of library)."""
    route = {"province": "monitoring:province", "regency": "monitoring:regency"}.get(
        board.area.child_level
    )
    ids = board.areas.row_ids
    return [
        (reverse(route, args=[pk]) if route else "", row)
        for pk, row in zip(ids, board.areas.table.rows, strict=True)
    ]


@login_required
def home(request):
    """The programme for programme admins; a regional admin's only area, or her choice."""
    scope = permissions.scope_of(request.user)
    if scope.everything:
        return _render(request, selectors.programme())
    areas = selectors.areas_of(scope)
    if not areas:
        raise PermissionDenied
    if len(areas) == 1:
        area = areas[0]
        if area.level == selectors.PROVINCE:
            return redirect("monitoring:province", area.province.pk)
        return redirect("monitoring:regency", area.regency.pk)
    return render(request, "monitoring/choose_area.html", {"areas": areas})


@login_required
def province(request, province_id: int):
    if not permissions.can_view_province(request.user, province_id):
        raise PermissionDenied
    area = selectors.province_area(province_id)
    if area is None:
        raise Http404
    return _render(request, area)


@login_required
def regency(request, regency_id: int):
    area = selectors.regency_area(regency_id)
    if area is None:
        raise Http404
    if not permissions.can_view_regency(request.user, area.regency):
        raise PermissionDenied
    return _render(request, area)
