"""How the monitoring app plugs into the site: URLs, menu, home panels, admin, demo data
and its own figures (the library reports) for the summary table."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lms import roles
from lms.home import HomePanel, Link

from .reporting.admin import monitoring_viewset_group

register_snippet(monitoring_viewset_group)


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("monitoring.urls"))]


@hooks.register("sebaya_monitoring_figures")
def register_figures():
    from . import figures

    return figures.metrics()


@hooks.register("sebaya_menu_items")
def dashboard_menu_item(request):
    # The menu is on every page, so it costs no query: programme admins (a cached role)
    # get the link; regional admins find their area's dashboard on the home page.
    if not roles.is_programme_admin(request.user):
        return None
    return Link(_("Monitoring"), reverse("monitoring:home"))


@hooks.register("sebaya_home_panels")
def dashboard_home_panel(request):
    from .permissions import scope_of

    scope = scope_of(request.user)
    if not scope.any:
        return None
    return HomePanel(
        title=_("Monitoring and evaluation"),
        order=40,
        intro=_(
            "Figures of the programme: training, the cascade, mentoring, meetings, "
            "certificates and the libraries' monthly reports."
        ),
        links=[Link(_("Open the dashboard"), reverse("monitoring:home"))],
    )


@hooks.register("sebaya_menu_items")
def reports_menu_item(request):
    from .reporting.panels import menu_link

    return menu_link(request)


@hooks.register("sebaya_home_panels")
def reports_home_panel(request):
    from .reporting.panels import home_panel

    return home_panel(request)


@hooks.register("sebaya_seed_demo")
def load_demo_reports(*, stdout):
    from . import demo
    from .services.summary import figures_refresh

    demo.load(stdout=stdout)
    demo_regional_admin()
    # Every other app's demo data is in by now (this app is installed after them).
    cells = figures_refresh()
    stdout.write(f"Monitoring: {cells} summary cells.")


@hooks.register("sebaya_seed_scale")
def generate_reports(run):
    from . import scale

    return scale.generate(run)


def demo_regional_admin() -> None:
    """The demo's kabupaten admin: `admin-lumajang` reads Lumajang's figures only."""
    from django.contrib.auth import get_user_model

    from lms import demo_network
    from lms.models import Regency, StaffProfile

    from .models import RegionalAdmin

    regency = Regency.objects.filter(name="Lumajang").first()
    if regency is None:
        return
    user, created = get_user_model().objects.get_or_create(
        username="admin-lumajang",
        defaults={"first_name": "Rina", "last_name": "Kusumawati"},
    )
    if created:
        user.set_password(demo_network.DEMO_PASSWORD)
        user.save(update_fields=["password"])
        StaffProfile.objects.create(user=user, gender=StaffProfile.Gender.FEMALE)
    RegionalAdmin.objects.get_or_create(user=user, regency=regency, province=None)
