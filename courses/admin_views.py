"""Admin screen where programme admins choose which trainers write which curriculum."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.roles import is_programme_admin

from . import authoring
from .models import CurriculumPage

AUTHOR_GRANTED = _("%(trainer)s can now write “%(curriculum)s”.")
AUTHOR_REVOKED = _("%(trainer)s can no longer write “%(curriculum)s”.")
AUTHOR_NOT_GRANTED = _("Nobody was given a curriculum: check the form below.")


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


class TrainerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{_person(obj)} ({obj.get_username()})"


class CurriculumGrantForm(forms.Form):
    curriculum = forms.ModelChoiceField(
        label=_("Curriculum"), queryset=CurriculumPage.objects.order_by("path")
    )
    trainer = TrainerChoiceField(
        label=_("Trainer"),
        queryset=authoring.trainers(),
        help_text=_("Only people with the trainer role are listed."),
        error_messages={"invalid_choice": authoring.GRANT_NOT_A_TRAINER},
    )


class ProgrammeAdminOnlyMixin:
    """Answers 403 to anyone in the admin who is not a programme admin, on every method."""

    def dispatch(self, request, *args, **kwargs):
        if not is_programme_admin(request.user):
            # Returned rather than raised: Wagtail turns a raised PermissionDenied into a
            # redirect to the dashboard, which would hide the refusal.
            return permission_denied(request, PermissionDenied(authoring.GRANT_NOT_ALLOWED))
        return super().dispatch(request, *args, **kwargs)


class CurriculumAuthorsView(ProgrammeAdminOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Every curriculum with its authors; the form gives a trainer a curriculum (POST)."""

    template_name = "courses/admin/curriculum_authors.html"
    form_class = CurriculumGrantForm
    page_title = _("Curriculum authors")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = authoring.curricula_with_authors()
        return context

    def form_valid(self, form):
        curriculum, trainer = form.cleaned_data["curriculum"], form.cleaned_data["trainer"]
        try:
            authoring.curriculum_grant(
                curriculum=curriculum, trainer=trainer, granted_by=self.request.user
            )
        except ValidationError as error:
            form.add_error("trainer", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            AUTHOR_GRANTED % {"trainer": _person(trainer), "curriculum": curriculum.title},
        )
        return redirect("courses_authors:index")

    def form_invalid(self, form):
        messages.error(self.request, AUTHOR_NOT_GRANTED)
        return super().form_invalid(form)


class CurriculumRevokeView(ProgrammeAdminOnlyMixin, View):
    def get(self, request, curriculum_id, user_id):
        # Revoking only happens on POST; a followed or reloaded link just shows the list.
        return redirect("courses_authors:index")

    def post(self, request, curriculum_id, user_id):
        curriculum = get_object_or_404(CurriculumPage, pk=curriculum_id)
        trainer = get_object_or_404(get_user_model(), pk=user_id)
        authoring.curriculum_revoke(curriculum=curriculum, trainer=trainer, revoked_by=request.user)
        messages.success(
            request, AUTHOR_REVOKED % {"trainer": _person(trainer), "curriculum": curriculum.title}
        )
        return redirect("courses_authors:index")
