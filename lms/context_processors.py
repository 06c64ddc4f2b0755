"""Template context every front-end page needs about the signed-in person."""

from wagtail import hooks

from . import roles
from .home import Link

# Apps add entries to the site's main menu by registering a function under this hook: it
# takes the request and returns a Link, or None when the entry is not for that person.
MENU_HOOK = "sebaya_menu_items"


def sebaya(request):
    user = request.user

    def uses_admin() -> bool:
        # Called by the template only when it renders the menu; the roles are cached on
        # the user, so this shares its one query with the rest of the page.
        return bool(roles.roles_of(user) & {roles.Role.TRAINER, roles.Role.PROGRAMME_ADMIN})

    def menu_links() -> list[Link]:
        return [link for build in hooks.get_hooks(MENU_HOOK) if (link := build(request))]

    return {"uses_admin": uses_admin, "menu_links": menu_links}
