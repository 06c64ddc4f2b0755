"""Template context every front-end page needs about the signed-in person."""

from . import roles


def sebaya(request):
    user = request.user

    def uses_admin() -> bool:
        # Called by the template only when it renders the menu; the roles are cached on
        # the user, so this shares its one query with the rest of the page.
        return bool(roles.roles_of(user) & {roles.Role.TRAINER, roles.Role.PROGRAMME_ADMIN})

    return {"uses_admin": uses_admin}
