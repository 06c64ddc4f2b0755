"""Batches of PDFs rendered in the background: a listing, a progress page that refreshes
itself while the batch runs, and "retry failed"."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Batch
from ..selectors import admin as selectors
from ..services import rendering
from .access import ProgrammeAdminViewSetMixin
from .base import batch_url

RETRY_QUEUED = _("The failed certificates of “%(batch)s” will be rendered again.")
NOTHING_TO_RETRY = _("“%(batch)s” has no failed certificates to retry.")
# The progress page reloads itself this often (seconds) while the batch runs.
REFRESH_SECONDS = 2


def progress(batch: Batch) -> str:
    return f"{batch.done + batch.failed} / {batch.total}"


def requester_name(batch: Batch) -> str:
    user = batch.requested_by
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class BatchIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.batch_list()


class BatchDetailView(generic.InspectView):
    template_name = "certificates/admin/batch_detail.html"

    def get_object(self, queryset=None):
        batch = selectors.batch_list().filter(pk=self.pk).first()
        if batch is None:
            raise Http404
        return batch

    def get_page_title(self):
        return _("Batch")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.object
        context.update(
            batch=batch,
            running=batch.status in (Batch.Status.QUEUED, Batch.Status.RUNNING),
            refresh_seconds=REFRESH_SECONDS,
            failed_certificates=selectors.batch_failed_certificates(batch),
        )
        return context


class RetryView(View):
    def get(self, request, pk):
        return redirect(batch_url(get_object_or_404(Batch, pk=pk)))

    def post(self, request, pk):
        batch = get_object_or_404(Batch, pk=pk)
        if batch.status != Batch.Status.FAILED:
            # Already retried (a double click) or nothing failed.
            messages.warning(request, NOTHING_TO_RETRY % {"batch": batch})
        else:
            rendering.batch_retry(batch=batch)
            messages.success(request, RETRY_QUEUED % {"batch": batch})
        return redirect(batch_url(batch))


class BatchViewSet(ProgrammeAdminViewSetMixin, ModelViewSet):
    model = Batch
    name = "certificate_batches"
    url_prefix = "certificate-batches"
    icon = "time"
    menu_label = _("Batches")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = BatchIndexView
    inspect_view_class = BatchDetailView
    list_per_page = 50
    list_filter = ["status"]
    search_fields = ["title"]
    search_backend_name = None
    list_display = [
        "title",
        Column("requested_by", label=_("Requested by"), accessor=requester_name),
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        Column("progress", label=_("Progress"), accessor=progress),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda b: b.status == Batch.Status.FINISHED,
            sort_key="status",
        ),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Batches are made by issuing or rendering, never by hand, and kept.
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
            "copy_url_name",
        ):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/retry/", self.construct_view(RetryView), name="retry"),
        ]
