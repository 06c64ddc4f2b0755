"""What the home page shows each person, by role, and the hook other apps extend it with.

An app adds its own panel (for example "My courses") by registering a function under
the Wagtail hook ``HOME_PANELS_HOOK``. It takes the request and returns a ``HomePanel``,
or None when the panel is not for that person. Removing the app removes its panel.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import roles, selectors

HOME_PANELS_HOOK = "sebaya_home_panels"


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    description: str = ""


@dataclass
class HomePanel:
    title: str
    order: int = 100
    intro: str = ""
    links: list[Link] = field(default_factory=list)
    # Label/value pairs shown as a small table, e.g. counts.
    rows: list[tuple[str, object]] = field(default_factory=list)
    # A template of the app's own for anything richer; it receives `panel` and `request`.
    template: str = ""
    context: dict = field(default_factory=dict)


def panels_for(request) -> list[HomePanel]:
    panels = [
        panel
        for build in (
            _mentor_panel,
            _trainer_panel,
            _admin_panel,
            *hooks.get_hooks(HOME_PANELS_HOOK),
        )
        if (panel := build(request)) is not None
    ]
    return sorted(panels, key=lambda panel: panel.order)


def _mentor_panel(request) -> HomePanel | None:
    if not roles.is_mentor(request.user):
        return None
    libraries = selectors.libraries_mentored_by(user=request.user)
    return HomePanel(
        title=_("Libraries you mentor"),
        order=50,
        intro=_("Village libraries and TBMs your library mentors, with their staff on Sebaya."),
        template="lms/panels/mentored_libraries.html",
        context={"libraries": libraries},
    )


def _trainer_panel(request) -> HomePanel | None:
    if not roles.is_trainer(request.user):
        return None
    return HomePanel(
        title=_("Write training material"),
        order=60,
        intro=_("Curricula, courses and lessons are written in the Sebaya admin."),
        links=[Link(_("Open the admin"), reverse("wagtailadmin_home"))],
    )


def _admin_panel(request) -> HomePanel | None:
    if not roles.is_programme_admin(request.user):
        return None
    summary = selectors.network_summary()
    return HomePanel(
        title=_("The programme network"),
        order=70,
        rows=[
            (_("Provinces"), summary["provinces"]),
            (_("Regencies"), summary["regencies"]),
            (_("Kabupaten/kota libraries"), summary["regency_libraries"]),
            (_("Village libraries and TBMs"), summary["village_libraries"]),
            (_("Staff"), summary["staff"]),
        ],
        links=[
            Link(_("Libraries"), reverse("wagtailsnippets_lms_library:list")),
            Link(_("Staff"), reverse("wagtailsnippets_lms_staffprofile:list")),
        ],
    )
