"""Admin screens for importing a staff roster: upload, preview, confirm."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import roster, services
from .models import RosterImport, StaffProfile
from .roles import is_programme_admin

ROSTER_IMPORTED = _(
    "Staff roster “%(filename)s” imported: %(created)s new, %(updated)s updated, "
    "%(unchanged)s unchanged."
)


def _staff_list_url() -> str:
    return reverse(StaffProfile.snippet_viewset.get_url_name("list"))


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster file"),
        allow_empty_file=True,  # the roster check explains an empty file in its own words
        help_text=_("A CSV (UTF-8) or Excel .xlsx file with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            roster.check_size(upload.size)
        except roster.RosterError as error:
            raise ValidationError(error.problems[0].message) from None
        return upload


class ProgrammeAdminOnlyMixin:
    """Answers 403 to anyone in the admin who is not a programme admin, on every method."""

    def dispatch(self, request, *args, **kwargs):
        if not is_programme_admin(request.user):
            # Returned rather than raised: Wagtail turns a raised PermissionDenied into a
            # redirect to the dashboard, which would hide the refusal.
            return permission_denied(request, PermissionDenied(services.ROSTER_NOT_ALLOWED))
        return super().dispatch(request, *args, **kwargs)


class RosterViewMixin(ProgrammeAdminOnlyMixin, WagtailAdminTemplateMixin):
    page_title = _("Import staff roster")
    header_icon = "upload"
    preview_template_name = "lms/admin/roster_preview.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": _staff_list_url(), "label": capfirst(StaffProfile._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def render_preview(self, **context):
        return self.response_class(
            request=self.request,
            template=[self.preview_template_name],
            context=self.get_context_data(**context),
        )


class RosterUploadView(RosterViewMixin, FormView):
    template_name = "lms/admin/roster_upload.html"
    form_class = RosterUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = roster.COLUMNS
        context["max_rows"] = number_format(roster.MAX_ROWS, force_grouping=True)
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            roster_import = services.roster_import_preview(
                uploaded_by=self.request.user, filename=upload.name, content=upload.read()
            )
        except roster.RosterError as error:
            if error.is_file_problem:
                for problem in error.problems:
                    form.add_error("file", problem.message)
                return self.form_invalid(form)
            return self.render_preview(filename=upload.name, problems=error.problems)
        return self.render_preview(
            filename=upload.name, roster_import=roster_import, plan=roster_import.plan
        )


class RosterApplyView(RosterViewMixin, View):
    def get(self, request, pk):
        # Importing only happens on POST; a bookmarked or reloaded address starts over.
        return redirect("lms_roster:upload")

    def post(self, request, pk):
        roster_import = get_object_or_404(RosterImport, pk=pk)
        try:
            applied = services.roster_import_apply(
                roster_import=roster_import, applied_by=request.user
            )
        except services.RosterAlreadyApplied:
            messages.warning(request, services.ROSTER_ALREADY_APPLIED)
            return redirect(_staff_list_url())
        except roster.RosterError as error:
            # The data changed since the preview: show what is wrong now; nothing was written.
            return self.render_preview(filename=roster_import.filename, problems=error.problems)
        messages.success(
            request,
            ROSTER_IMPORTED
            % {
                "filename": applied.filename,
                "created": applied.created_count,
                "updated": applied.updated_count,
                "unchanged": applied.unchanged_count,
            },
        )
        return redirect(_staff_list_url())


class RosterTemplateView(ProgrammeAdminOnlyMixin, View):
    def get(self, request):
        response = HttpResponse(roster.template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="roster-staf.csv"'
        return response
