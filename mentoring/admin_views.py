"""The admin's read-only view of cohorts.

Cohorts are created, attended and finished through mentoring.services.cohorts (and the
front-end cohort pages), which keep the lineage rules; editing raw rows here would bypass
them, so the admin lists and inspects only.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from lms import roles

from .models import Cohort
from .services import cohorts as cohort_service


class CohortPermissionPolicy(BasePermissionPolicy):
    """Programme admins and trainers may view cohorts in the admin; nobody edits them here."""

    def user_has_permission(self, user, action):
        return action == "view" and (roles.is_programme_admin(user) or roles.is_trainer(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and cohort_service.may_view_cohort(
            user, instance
        )

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        names = [
            roles.GROUP_NAMES[roles.Role.PROGRAMME_ADMIN],
            roles.GROUP_NAMES[roles.Role.TRAINER],
        ]
        return users.filter(Q(is_superuser=True) | Q(groups__name__in=names)).distinct()


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return cohort_service.cohorts_visible_to(self.request.user)


class CohortInspectView(InspectView):
    def get_object(self, queryset=None):
        cohort = super().get_object(queryset)
        if not cohort_service.may_view_cohort(self.request.user, cohort):
            raise PermissionDenied
        return cohort


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = CohortIndexView
    inspect_view_enabled = True
    inspect_view_class = CohortInspectView
    inspect_view_fields = [
        "name",
        "course",
        "host_library",
        "tier",
        "mode",
        "starts_on",
        "ends_on",
        "attendance_threshold",
        "status",
        "finished_at",
        "created_by",
    ]
    form_fields = ["name"]  # never shown: the policy grants no add or change
    list_display = ["name", "course", "host_library", "starts_on", "ends_on", "status"]
    list_filter = ["status", "tier", "mode"]
    search_fields = ["name", "host_library__name"]
    search_backend_name = None
    list_per_page = 50
