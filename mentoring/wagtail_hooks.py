"""How the mentoring app plugs into the site: URLs, menu, home panel and demo content."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from lms import roles
from lms.home import HomePanel, Link

from . import demo
from .admin_views import CohortPermissionPolicy, CohortViewSet
from .models import Cohort
from .permissions import can_view_cascade
from .views import mentor


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("mentoring.urls"))]


@hooks.register("sebaya_menu_items")
def my_mentees_menu_item(request):
    if not roles.is_mentor(request.user):
        return None
    return Link(_("My mentees"), reverse("mentoring:dashboard"))


@hooks.register("sebaya_menu_items")
def cohorts_menu_item(request):
    runs_cohorts = {roles.Role.MENTOR, roles.Role.TRAINER, roles.Role.PROGRAMME_ADMIN}
    if not roles.roles_of(request.user) & runs_cohorts:
        return None
    return Link(_("Cohorts"), reverse("mentoring:cohort_list"))


@hooks.register("sebaya_menu_items")
def cascade_menu_item(request):
    if not can_view_cascade(request.user):
        return None
    return Link(_("Cascade"), reverse("mentoring:cascade"))


@hooks.register("sebaya_home_panels")
def mentoring_panel(request):
    return mentor.home_panel(request)


@hooks.register("sebaya_home_panels")
def programme_mentoring_panel(request):
    if not roles.is_programme_admin(request.user):
        return None
    return HomePanel(
        title=_("The training cascade"),
        order=75,
        links=[
            Link(_("Districts"), reverse("mentoring:district_index")),
            Link(_("Cascade and promotions"), reverse("mentoring:cascade")),
            Link(_("Cohorts"), reverse("mentoring:cohort_list")),
            Link(_("Mentoring assignments"), reverse("mentoring:assignment_list")),
        ],
    )


@hooks.register("sebaya_seed_demo")
def load_demo_mentoring(*, stdout):
    demo.load(stdout=stdout)


@hooks.register("sebaya_seed_scale")
def generate_cascade(run):
    from . import scale

    return scale.generate(run)


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")


register_permission_policy(Cohort, CohortPermissionPolicy(Cohort))


@hooks.register("sebaya_achievement_kinds")
def register_achievement_kinds():
    from .achievements import achievement_kinds

    return achievement_kinds()


@hooks.register("sebaya_monitoring_figures")
def register_figures():
    from . import figures

    return figures.metrics()
