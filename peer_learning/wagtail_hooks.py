"""How the peer_learning app plugs into the site: URLs, menu, home panel, demo data and
the certificates it awards (through the registry in lms.achievements)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from lms.home import Link


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("peer_learning.urls"))]


@hooks.register("sebaya_achievement_kinds")
def register_achievement_kinds():
    from . import achievements

    return achievements.achievement_kinds()


@hooks.register("sebaya_menu_items")
def meetings_menu_item(request):
    # The menu is on every page: it links to the person's own meetings page (which lists
    # the open ones and links to the index) so that it costs no query.
    if not request.user.is_authenticated:
        return None
    return Link(_("Meetings"), reverse("peer_learning:mine"))


@hooks.register("sebaya_home_panels")
def meetings_home_panel(request):
    from .views.mine import home_panel

    return home_panel(request)


@hooks.register("sebaya_seed_demo")
def load_demo_meetings(*, stdout):
    from . import demo

    demo.load(stdout=stdout)


@hooks.register("sebaya_seed_scale")
def generate_meetings(run):
    from . import scale

    return scale.generate(run)


@hooks.register("sebaya_monitoring_figures")
def register_figures():
    from . import figures

    return figures.metrics()
