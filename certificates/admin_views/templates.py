"""Certificate templates: a snippet with a live PDF preview, "render again" for the
certificates printed with it, and a clear refusal to delete a template in use."""

from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from ..models import CertificateTemplate
from ..selectors import admin as selectors
from ..services import rendering
from .access import ProgrammeAdminViewSetMixin
from .base import ConfirmActionView, batch_url

TEMPLATE_IN_USE = _(
    "“%(template)s” cannot be deleted: %(certificates)s certificates and %(rules)s rules "
    "use it. Certificates are never deleted, so their template stays."
)
NOTHING_TO_RENDER = _("No valid certificate uses “%(template)s”: there is nothing to render.")
RERENDER_QUEUED = _("%(count)s certificates will be rendered again with “%(template)s”.")
RERENDER_TITLE = _("Render again: %(template)s")


def rerender_url(template: CertificateTemplate) -> str:
    return reverse(
        CertificateTemplate.snippet_viewset.get_url_name("rerender"), args=[quote(template.pk)]
    )


def refuse_deleting_used(request, instances):
    """`before_delete_snippet` hook body: a template printed on certificates or named by
    a rule is kept (PROTECT), and the admin is told why instead of seeing an error."""
    if not instances or not isinstance(instances[0], CertificateTemplate):
        return None
    used = selectors.templates_in_use(instances)
    if not used:
        return None
    for template in used:
        certificates, rules = selectors.template_usage(template)
        messages.error(
            request,
            TEMPLATE_IN_USE % {"template": template, "certificates": certificates, "rules": rules},
        )
    return redirect(CertificateTemplate.snippet_viewset.get_url_name("list"))


class TemplateIndexView(snippet_views.IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(
                _("Render again"), url=rerender_url(instance), icon_name="repeat", priority=40
            ),
        ]


class TemplateEditView(snippet_views.EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Render again"), url=rerender_url(self.object), icon_name="repeat", priority=40
            ),
        ]


class RenderAgainView(ConfirmActionView):
    model = CertificateTemplate
    page_title = _("Render again")
    header_icon = "repeat"
    confirm_label = _("Render again")
    template_name = "certificates/admin/template_rerender.html"

    def get_cancel_url(self):
        return reverse(
            CertificateTemplate.snippet_viewset.get_url_name("edit"), args=[quote(self.object.pk)]
        )

    index_label = _("Templates")

    def get_index_url(self):
        return reverse(CertificateTemplate.snippet_viewset.get_url_name("list"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["count"] = selectors.template_valid_certificates(self.object).count()
        return context

    def act(self, form):
        certificates = list(selectors.template_valid_certificates(self.object).only("pk"))
        if not certificates:
            messages.warning(self.request, NOTHING_TO_RENDER % {"template": self.object})
            return redirect(self.get_cancel_url())
        batch = rendering.batch_create_rerender(
            certificates=certificates,
            requested_by=self.request.user,
            title=str(RERENDER_TITLE % {"template": self.object}),
        )
        count = len(certificates)
        messages.success(self.request, RERENDER_QUEUED % {"count": count, "template": self.object})
        return redirect(batch_url(batch))


class TemplateChooserViewSet(ProgrammeAdminViewSetMixin, SnippetChooserViewSet):
    pass


class TemplateViewSet(ProgrammeAdminViewSetMixin, snippet_views.SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Templates")
    menu_item_is_registered = True
    list_display = [
        "name",
        "language",
        "orientation",
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    list_filter = ["language", "orientation"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
    index_view_class = TemplateIndexView
    edit_view_class = TemplateEditView
    chooser_viewset_class = TemplateChooserViewSet

    def get_queryset(self, request):
        return selectors.template_list()

    @property
    def rerender_view(self):
        return self.construct_view(RenderAgainView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rerender/<int:pk>/", self.rerender_view, name="rerender"),
        ]
