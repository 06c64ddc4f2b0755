"""Admin screens for the library network and its staff, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import selectors
from .models import Library, Province, Regency, StaffProfile


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
