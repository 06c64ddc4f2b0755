"""Issuing certificates by hand: choose the achievement, then issue it to everyone who
earned it or to a list of people. Every line is checked first; nothing is written unless
all of them are right."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from ..forms import ChooseKindForm, IssueForm
from ..services import issuing
from .access import ProgrammeAdminMenuItem, ProgrammeAdminViewSetMixin
from .base import AdminPage, batch_url

ISSUED = _(
    "%(new)s new certificates issued for “%(subject)s”; %(held)s people already held one. "
    "The PDFs are being made."
)
BATCH_TITLE = _("Issue: %(kind)s – %(subject)s")


class IssueView(AdminPage):
    page_title = _("Issue certificates")
    header_icon = "doc-full-inverse"
    template_name = "certificates/admin/issue.html"

    @cached_property
    def kind(self):
        key = self.request.POST.get("kind") or self.request.GET.get("kind")
        try:
            return issuing.kind_for(key) if key else None
        except issuing.IssueError:
            return None

    def get(self, request):
        if self.kind is None:
            return self.render_to_response(self.get_context_data(choose_form=ChooseKindForm()))
        return self.render_to_response(self.get_context_data(form=IssueForm(kind=self.kind)))

    def post(self, request):
        if self.kind is None:
            return redirect("certificate_issue:index")
        form = IssueForm(request.POST, kind=self.kind)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        subject = form.cleaned_data["subject"]
        try:
            batch = issuing.certificates_issue_many(
                achievements=form.achievements,
                kind=self.kind.key,
                issued_by=request.user,
                title=str(BATCH_TITLE % {"kind": self.kind.label, "subject": subject}),
            )
        except issuing.IssueError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        new = batch.total
        messages.success(
            request,
            ISSUED % {"new": new, "subject": subject, "held": len(form.achievements) - new},
        )
        return redirect(batch_url(batch))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind"] = self.kind
        context["action_url"] = reverse("certificate_issue:index")
        return context


class IssueViewSet(ProgrammeAdminViewSetMixin, ViewSet):
    name = "certificate_issue"
    url_prefix = "certificate-issue"
    icon = "doc-full-inverse"
    menu_label = _("Issue certificates")
    add_to_admin_menu = False
    menu_item_class = ProgrammeAdminMenuItem

    def get_urlpatterns(self):
        return [path("", self.construct_view(IssueView), name="index")]
