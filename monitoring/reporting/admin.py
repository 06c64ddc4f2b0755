"""Admin screens of monitoring: report targets, the libraries' reports and the regional
admins, grouped under one "Monitoring" menu for programme admins.

Defined here and registered by monitoring.wagtail_hooks:

    register_snippet(monitoring_viewset_group)

Registering a viewset also registers its permission policy (programme admins only; the
monitoring models carry no Django model permissions) and, for the regional admins, the
user chooser its form uses.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from lms import roles

from ..models import LibraryReport, RegionalAdmin, ReportTarget
from ..services import summary
from . import services

User = get_user_model()


class ProgrammeAdminPolicy(BasePermissionPolicy):
    """Programme admins may do `actions` on the model; nobody else may do anything."""

    def __init__(self, model, actions=("add", "change", "delete", "view")):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and roles.is_programme_admin(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        return objects if self.user_has_any_permission(user, actions) else objects.none()

    def users_with_any_permission(self, actions):
        users = User.objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        group = roles.GROUP_NAMES[roles.Role.PROGRAMME_ADMIN]
        return users.filter(Q(is_superuser=True) | Q(groups__name=group)).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


class ProgrammeAdminViewSet(SnippetViewSet):
    """A snippet viewset for programme admins only, its policy registered with it."""

    admin_actions: tuple[str, ...] = ("add", "change", "delete", "view")

    def on_register(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, ProgrammeAdminPolicy(self.model, actions=self.admin_actions)
            )
        super().on_register()


# Report targets


class ReportTargetViewSet(ProgrammeAdminViewSet):
    model = ReportTarget
    icon = "crosshairs"
    menu_label = _("Report targets")
    list_display = ["library_kind", "measure", "target", "yellow_from"]
    list_filter = ["library_kind", "measure"]
    ordering = ["library_kind", "measure"]
    copy_view_enabled = False
    # The model form checks the model's own validators and its one-target-per-kind-and-
    # measure constraint, with the model's messages.
    panels = [
        FieldRowPanel([FieldPanel("library_kind"), FieldPanel("measure")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("yellow_from")]),
    ]


# Library reports


def recent_months() -> list[tuple[str, str]]:
    """The months a report may still be written for, as filter choices (no query)."""
    return [(month.isoformat(), date_format(month, "F Y")) for month in services.writable_months()]


class LibraryReportFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(label=_("month"), choices=recent_months)

    class Meta:
        model = LibraryReport
        fields = ["status", "month", "library__kind", "library__regency__province"]


class LibraryReportAdminForm(WagtailAdminModelForm):
    """The admin's corrections follow the same rules as the library's own form."""

    def clean(self):
        data = super().clean()
        values = {name: data.get(name) for name in services.REPORT_FIELDS if name in self.fields}
        if self.instance.library_id and len(values) == len(services.REPORT_FIELDS):
            for name, messages in services.report_errors(
                library=self.instance.library, values=values
            ).items():
                if name not in self.errors:
                    for message in messages:
                        self.add_error(name, message)
        return data


class LibraryReportEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if instance.status == LibraryReport.Status.SUBMITTED:
            regency_id = instance.library.regency_id
            transaction.on_commit(lambda: summary.regency_mark_stale(regency_id=regency_id))
        return instance


class LibraryReportViewSet(ProgrammeAdminViewSet):
    """Every library's reports, to read and correct; they are written on the site."""

    model = LibraryReport
    admin_actions = ("change", "view")
    icon = "doc-full"
    menu_label = _("Library reports")
    list_display = ["library", "month", "status", "submitted_at"]
    filterset_class = LibraryReportFilterSet
    search_fields = ["library__name"]
    search_backend_name = None
    ordering = ["-month", "library__name"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "library",
        "month",
        "status",
        *services.REPORT_FIELDS,
        "submitted_by",
        "submitted_at",
        "updated_at",
    ]
    copy_view_enabled = False
    edit_view_class = LibraryReportEditView
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("visitors"), FieldPanel("computer_users"), FieldPanel("internet_users")]
            ),
            FieldRowPanel([FieldPanel("computers_added"), FieldPanel("computers_removed")]),
            FieldPanel("inventory_note"),
            FieldPanel("notes"),
        ],
        base_form_class=LibraryReportAdminForm,
    )

    def get_queryset(self, request):
        return LibraryReport.objects.select_related("library__regency", "submitted_by")


# Regional admins and the user chooser their form uses


class UserSearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Search"), required=False)

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(username__icontains=query)
                | Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
                | Q(email__icontains=query)
            )
        return objects


class _ProgrammeAdminsChoose:
    """Only programme admins may list the accounts (trainers use the admin too)."""

    filter_form_class = UserSearchForm
    ordering = ["first_name", "last_name", "username"]

    def get_object_list(self):
        if not roles.is_programme_admin(self.request.user):
            return User.objects.none()
        return User.objects.filter(is_active=True)


class UserChooseView(_ProgrammeAdminsChoose, chooser_views.ChooseView):
    pass


class UserChooseResultsView(_ProgrammeAdminsChoose, chooser_views.ChooseResultsView):
    pass


class UserChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        if not roles.is_programme_admin(self.request.user):
            raise User.DoesNotExist
        return super().get_object(pk)


class UserChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = _("Choose an account")
    choose_another_text = _("Choose another account")
    choose_view_class = UserChooseView
    choose_results_view_class = UserChooseResultsView
    chosen_view_class = UserChosenView
    # Only this form uses it: other foreign keys to accounts keep their own widgets.
    register_widget = False


user_chooser_viewset = UserChooserViewSet("monitoring_user_chooser")


class RegionalAdminViewSet(ProgrammeAdminViewSet):
    model = RegionalAdmin
    icon = "group"
    menu_label = _("Regional admins")
    list_display = ["user", "province", "regency", "created_at"]
    list_filter = ["province"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "regency__name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("user", widget=user_chooser_viewset.widget_class()),
        FieldRowPanel([FieldPanel("province"), FieldPanel("regency")]),
    ]

    def get_queryset(self, request):
        return RegionalAdmin.objects.select_related("user", "province", "regency")

    def on_register(self):
        super().on_register()
        viewsets.register(user_chooser_viewset)


class MonitoringViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Monitoring")
    menu_icon = "table"
    menu_order = 220
    items = (LibraryReportViewSet, ReportTargetViewSet, RegionalAdminViewSet)


monitoring_viewset_group = MonitoringViewSetGroup()


__all__ = [
    "LibraryReportViewSet",
    "MonitoringViewSetGroup",
    "ProgrammeAdminPolicy",
    "RegionalAdminViewSet",
    "ReportTargetViewSet",
    "monitoring_viewset_group",
    "user_chooser_viewset",
]
