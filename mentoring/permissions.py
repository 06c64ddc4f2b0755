"""Who may see what in mentoring: every view and export asks here, on the server.

- programme admins see everything;
- a district (kabupaten/kota) view belongs to the staff of that regency's kabupaten/kota
  library who hold the mentor role, and to programme admins;
- a mentor sees and edits only her own assignments and visits;
- a learner sees only herself.
"""

from lms import roles
from lms.models import Library, Regency
from lms.selectors import staff_profile_for


def home_regency(user) -> Regency | None:
    """The regency whose district view `user` may open through her own library, if any."""
    if not roles.is_mentor(user):
        return None
    profile = staff_profile_for(user)
    library = profile.library if profile else None
    if library is None or library.kind != Library.Kind.REGENCY:
        return None
    return library.regency


def can_view_regency(user, regency: Regency) -> bool:
    if roles.is_programme_admin(user):
        return True
    own = home_regency(user)
    return own is not None and own.pk == regency.pk


def can_view_cascade(user) -> bool:
    """The cascade and fidelity views name people across districts: admins, trainers and
    mentors may read them."""
    return bool(
        roles.roles_of(user) & {roles.Role.PROGRAMME_ADMIN, roles.Role.TRAINER, roles.Role.MENTOR}
    )


def can_view_person(viewer, person) -> bool:
    """Whether `viewer` may see `person`'s lineage and progress."""
    if viewer.pk == person.pk or roles.is_programme_admin(viewer):
        return True
    from .selectors import mentee_ids

    return roles.is_mentor(viewer) and person.pk in mentee_ids(mentor=viewer)

