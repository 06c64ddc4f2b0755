"""Admin screens for the library network and its staff, grouped under one menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, selectors
from .forms import LibraryForm
from .models import Library, Province, Regency, StaffProfile
from .roles import is_programme_admin


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["name"]


class RegencyViewSet(SnippetViewSet):
    model = Regency
    icon = "site"
    menu_label = _("Regencies")
    list_display = ["__str__", "province"]
    list_filter = ["province", "kind"]
    search_fields = ["name", "province__name"]
    search_backend_name = None
    ordering = ["name"]

    def get_queryset(self, request):
        return Regency.objects.select_related("province")


class LibraryFilterSet(WagtailFilterSet):
    class Meta:
        model = Library
        fields = ["kind", "regency__province", "regency", "joined_phase"]


class LibraryViewSet(SnippetViewSet):
    model = Library
    icon = "home"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("regency")]),
            FieldPanel("village"),
            FieldPanel("mentor_library"),
            FieldRowPanel([FieldPanel("joined_phase"), FieldPanel("joined_year")]),
            FieldRowPanel([FieldPanel("computers"), FieldPanel("bandwidth_mbps")]),
        ],
        base_form_class=LibraryForm,
    )
    menu_label = _("Libraries")
    list_display = ["name", "kind", "regency", "mentor_library", "computers", "bandwidth_mbps"]
    filterset_class = LibraryFilterSet
    search_fields = ["name", "code", "village", "regency__name"]
    search_backend_name = None
    ordering = ["name"]
    list_per_page = 50

    def get_queryset(self, request):
        return selectors.library_list()


class StaffFilterSet(WagtailFilterSet):
    class Meta:
        model = StaffProfile
        fields = ["position", "gender", "library__kind", "library__regency__province"]


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("Staff")
    list_display = ["__str__", "library", "position", "gender", "birth_year"]
    filterset_class = StaffFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__username", "library__name"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return selectors.staff_list()


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Library network")
    menu_icon = "site"
    menu_order = 200
    items = (ProvinceViewSet, RegencyViewSet, LibraryViewSet, StaffProfileViewSet)


register_snippet(NetworkViewSetGroup)


@hooks.register("register_admin_urls")
def register_roster_urls():
    roster_urls = [
        path("", admin_views.RosterUploadView.as_view(), name="upload"),
        path("template.csv", admin_views.RosterTemplateView.as_view(), name="template"),
        path("<int:pk>/import/", admin_views.RosterApplyView.as_view(), name="apply"),
    ]
    return [path("staff-roster/", include((roster_urls, "lms_roster")))]


class RosterImportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_roster_menu_item():
    return RosterImportMenuItem(
        _("Import staff roster"),
        reverse("lms_roster:upload"),
        name="staff-roster",
        icon_name="upload",
        order=201,  # just below the "Library network" menu
    )
