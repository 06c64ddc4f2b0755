"""How the courses app plugs into the site: URLs, menu, home panel, demo content and admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.home import Link
from lms.roles import is_learner, is_programme_admin

from . import admin_views, demo
from .views import dashboard


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("courses.urls"))]


@hooks.register("sebaya_menu_items")
def my_training_menu_item(request):
    if not is_learner(request.user):
        return None
    return Link(_("My training"), reverse("courses:dashboard"))


@hooks.register("sebaya_home_panels")
def my_courses_panel(request):
    return dashboard.home_panel(request)


@hooks.register("sebaya_seed_demo")
def load_demo_courses(*, stdout):
    demo.load(stdout=stdout)


@hooks.register("sebaya_seed_scale")
def generate_enrolments(run):
    from . import scale

    return scale.generate(run)


# Curriculum authors: programme admins choose which trainers write which curriculum.


@hooks.register("register_admin_urls")
def register_curriculum_author_urls():
    author_urls = [
        path("", admin_views.CurriculumAuthorsView.as_view(), name="index"),
        path(
            "<int:curriculum_id>/<int:user_id>/remove/",
            admin_views.CurriculumRevokeView.as_view(),
            name="revoke",
        ),
    ]
    return [path("curriculum-authors/", include((author_urls, "courses_authors")))]


class CurriculumAuthorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_curriculum_authors_menu_item():
    return CurriculumAuthorsMenuItem(
        _("Curriculum authors"),
        reverse("courses_authors:index"),
        name="curriculum-authors",
        icon_name="group",
        order=205,  # with the programme's other admin screens, below "Import staff roster"
    )


@hooks.register("sebaya_achievement_kinds")
def register_achievement_kinds():
    from . import achievements

    return achievements.achievement_kinds()


@hooks.register("sebaya_monitoring_figures")
def register_figures():
    from . import figures

    return figures.metrics()
