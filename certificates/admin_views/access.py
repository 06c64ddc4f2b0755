"""Who may use the certificates admin: programme admins only, on every screen and action."""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy

from lms import roles

NOT_ALLOWED = _("Only programme admins manage certificates.")


def programme_admin_required(view):
    """Answers 403 to anyone who is not a programme admin, before the view runs.

    Returned rather than raised: Wagtail turns a raised PermissionDenied into a redirect to
    the dashboard, which would hide the refusal."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_programme_admin(request.user):
            return permission_denied(request, PermissionDenied(NOT_ALLOWED))
        return view(request, *args, **kwargs)

    return wrapped


class ProgrammeAdminViewSetMixin:
    """Every view a viewset builds (list, edit, preview, history, chooser ...) is wrapped."""

    def construct_view(self, view_class, **kwargs):
        return programme_admin_required(super().construct_view(view_class, **kwargs))

    def get_permissions_to_register(self):
        # The role decides (see ProgrammeAdminPolicy): model permissions ticked on a
        # group would do nothing, so the group editor does not offer them.
        return Permission.objects.none()


class ProgrammeAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_programme_admin(request.user)


class ProgrammeAdminPolicy(BasePermissionPolicy):
    """Programme admins may do the given actions on the model; nobody else may do any.

    The certificates models carry no Django model permissions: the role decides."""

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
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        group = roles.GROUP_NAMES[roles.Role.PROGRAMME_ADMIN]
        return users.filter(Q(is_superuser=True) | Q(groups__name=group)).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)
