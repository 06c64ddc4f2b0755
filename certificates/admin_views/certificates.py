"""Certificates in the admin: a read-only listing and detail page (certificates are never
added, edited or deleted here), with revoke, reissue, render again and download."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from lms.achievements import achievement_kinds

from ..forms import RevokeForm, kind_choices
from ..models import Certificate
from ..selectors import admin as selectors
from ..services import lifecycle, rendering
from .access import ProgrammeAdminViewSetMixin, programme_admin_required
from .base import ConfirmActionView, batch_url, certificate_url

REVOKED = _("Certificate %(code)s is revoked.")
REISSUED = _("Certificate %(new)s is issued; %(old)s is superseded by it.")
RENDER_TITLE = _("Render again: %(code)s")
PDF_NOT_READY = _("The PDF of %(code)s is not ready yet. Render it again if it failed.")


def status_label(certificate: Certificate) -> str:
    return Certificate.Status(certificate.current_status).label


def kind_label(key: str) -> str:
    kind = achievement_kinds().get(key)
    return str(kind.label) if kind else key


def action_url(name: str, certificate: Certificate) -> str:
    return reverse(f"certificates_admin:{name}", args=[certificate.pk])


def can_change(certificate: Certificate) -> bool:
    return certificate.current_status in (Certificate.Status.VALID, Certificate.Status.EXPIRED)


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Certificate.Status.choices, method="filter_status"
    )
    kind = django_filters.ChoiceFilter(label=_("Achievement"), choices=kind_choices)
    issued_on = django_filters.DateFromToRangeFilter(
        label=_("Issued on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["status", "kind", "issued_on"]

    def filter_status(self, queryset, name, value):
        # As of today: a valid certificate past its expiry date counts as expired.
        today = timezone.localdate()
        past = Q(status=Certificate.Status.VALID, expires_on__lt=today)
        if value == Certificate.Status.VALID:
            return queryset.filter(status=value).exclude(past)
        if value == Certificate.Status.EXPIRED:
            return queryset.filter(Q(status=value) | past)
        return queryset.filter(status=value)


class CertificateIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.certificate_list()

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.is_rendered:
            buttons.append(
                MenuItem(_("Download PDF"), action_url("pdf", instance), icon_name="download")
            )
        if can_change(instance):
            buttons += [
                MenuItem(_("Reissue"), action_url("reissue", instance), icon_name="repeat"),
                MenuItem(_("Revoke"), action_url("revoke", instance), icon_name="cross"),
            ]
        return buttons


class CertificateInspectView(generic.InspectView):
    template_name = "certificates/admin/certificate_inspect.html"

    def get_object(self, queryset=None):
        try:
            return selectors.certificate_detail(self.pk)
        except Certificate.DoesNotExist:
            raise Http404 from None

    def get_status_display_value(self):
        return status_label(self.object)

    def get_kind_display_value(self):
        return kind_label(self.object.kind)

    def get_sha256_display_value(self):
        return self.object.sha256 or _("Not rendered yet")

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.object.is_rendered:
            buttons.append(
                Button(
                    _("Download PDF"),
                    url=action_url("pdf", self.object),
                    icon_name="download",
                    priority=10,
                )
            )
        if can_change(self.object):
            buttons.append(
                Button(
                    _("Reissue"),
                    url=action_url("reissue", self.object),
                    icon_name="repeat",
                    priority=20,
                )
            )
            buttons.append(
                Button(
                    _("Revoke"),
                    url=action_url("revoke", self.object),
                    icon_name="cross",
                    priority=30,
                )
            )
        buttons.append(
            Button(
                _("Render again"),
                url=action_url("rerender", self.object),
                icon_name="doc-full",
                priority=40,
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            renditions=self.object.renditions.all(),
            batches=self.object.batches.all(),
            supersedes=self.object.supersedes.all(),
            verify_url=reverse("certificates:verify", args=[self.object.code]),
        )
        return context


class CertificateActionView(ConfirmActionView):
    model = Certificate
    header_icon = "doc-full"
    index_label = _("Certificates")

    def get_index_url(self):
        return reverse("certificates_admin:index")

    def get_cancel_url(self):
        return certificate_url(self.object)


class RevokeView(CertificateActionView):
    page_title = _("Revoke")
    confirm_label = _("Revoke")
    confirm_class = "button serious"
    form_class = RevokeForm
    template_name = "certificates/admin/certificate_revoke.html"

    def act(self, form):
        form.is_valid()
        try:
            lifecycle.certificate_revoke(
                certificate=self.object,
                revoked_by=self.request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.add_error(None, error)
            else:
                messages.error(self.request, " ".join(error.messages))
                return redirect(self.get_cancel_url())
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, REVOKED % {"code": self.object.code})
        return redirect(self.get_cancel_url())


class ReissueView(CertificateActionView):
    page_title = _("Reissue")
    confirm_label = _("Reissue")
    template_name = "certificates/admin/certificate_reissue.html"

    def act(self, form):
        try:
            new = lifecycle.certificate_reissue(
                certificate=self.object, issued_by=self.request.user
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.get_cancel_url())
        messages.success(self.request, REISSUED % {"new": new.code, "old": self.object.code})
        return redirect(certificate_url(new))


class RenderAgainView(CertificateActionView):
    """One certificate rendered again as a batch of one: the admin follows its progress
    and sees the error if it fails, like any other batch."""

    page_title = _("Render again")
    confirm_label = _("Render again")
    template_name = "certificates/admin/certificate_rerender.html"

    def act(self, form):
        batch = rendering.batch_create_rerender(
            certificates=[self.object],
            requested_by=self.request.user,
            title=str(RENDER_TITLE % {"code": self.object.code}),
        )
        return redirect(batch_url(batch))


def download_pdf(request, pk):
    certificate = get_object_or_404(Certificate, pk=pk)
    if not certificate.is_rendered:
        messages.warning(request, PDF_NOT_READY % {"code": certificate.code})
        return redirect(certificate_url(certificate))
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.code}.pdf",
        content_type="application/pdf",
    )


class CertificateViewSet(ProgrammeAdminViewSetMixin, ModelViewSet):
    model = Certificate
    name = "certificates_admin"
    url_prefix = "certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    filterset_class = CertificateFilterSet
    search_fields = ["code", "recipient_name"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "code",
        "recipient_name",
        "achievement_title",
        DateColumn("issued_on", label=_("Issued on"), sort_key="issued_on"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=status_label,
            primary=lambda c: c.current_status == Certificate.Status.VALID,
            sort_key="status",
        ),
        BooleanColumn("is_rendered", label=_("PDF ready")),
    ]
    inspect_view_fields = [
        "code",
        "status",
        "recipient",
        "recipient_name",
        "kind",
        "achievement_title",
        "library_name",
        "regency_name",
        "hours",
        "achieved_on",
        "template",
        "issued_on",
        "expires_on",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        "superseded_by",
        "sha256",
        "rendered_at",
        "render_attempts",
        "render_error",
        "reminded_at",
        "created_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Read-only: no add, edit, copy, delete, history or usage views exist.
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
            path("<int:pk>/revoke/", self.construct_view(RevokeView), name="revoke"),
            path("<int:pk>/reissue/", self.construct_view(ReissueView), name="reissue"),
            path("<int:pk>/render/", self.construct_view(RenderAgainView), name="rerender"),
            path("<int:pk>/pdf/", programme_admin_required(download_pdf), name="pdf"),
        ]
