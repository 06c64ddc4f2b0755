"""Shared pieces of the certificates admin screens: the page furniture and POST actions
that ask for confirmation first."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Batch, Certificate


def certificate_url(certificate: Certificate) -> str:
    return reverse("certificates_admin:inspect", args=[certificate.pk])


def batch_url(batch: Batch) -> str:
    return reverse("certificate_batches:inspect", args=[batch.pk])


class AdminPage(WagtailAdminTemplateMixin, TemplateView):
    """A certificates admin page with breadcrumbs: Home › <parents> › <this page>."""

    def get_parent_breadcrumbs(self) -> list[dict]:
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.get_parent_breadcrumbs(),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class ConfirmActionView(AdminPage):
    """GET shows what will happen and a button; POST does it (see `act`)."""

    model = None
    template_name = "certificates/admin/confirm.html"
    confirm_label = ""
    confirm_class = "button"
    form_class = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_page_subtitle(self):
        return str(self.object)

    index_label = ""

    def get_index_url(self) -> str:
        raise NotImplementedError

    def get_parent_breadcrumbs(self):
        return [
            {"url": self.get_index_url(), "label": self.index_label},
            {"url": self.get_cancel_url(), "label": str(self.object)},
        ]

    def get_cancel_url(self) -> str:
        raise NotImplementedError

    def get_form(self):
        if self.form_class is None:
            return None
        return self.form_class(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(
            object=self.object,
            model_name=capfirst(self.object._meta.verbose_name),
            confirm_label=self.confirm_label,
            confirm_class=self.confirm_class,
            cancel_url=self.get_cancel_url(),
            action_url=self.request.path,
        )
        return context

    def post(self, request, *args, **kwargs):
        return self.act(self.get_form())

    def act(self, form):
        raise NotImplementedError
