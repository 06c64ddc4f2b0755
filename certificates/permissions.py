"""Who may download which certificates: asked on the server for every certificate and bundle."""

from lms import roles
from lms.achievements import AchievementKind
from lms.selectors import libraries_mentored_by

from .models import Certificate


def can_download(user, certificate: Certificate) -> bool:
    """The holder, the mentors of the holder's library (staff with the mentor role of the
    library that mentors it) and programme admins."""
    if not user.is_authenticated:
        return False
    if certificate.recipient_id == user.pk or roles.is_programme_admin(user):
        return True
    return (
        roles.is_mentor(user)
        and libraries_mentored_by(user=user)
        .filter(staff__user_id=certificate.recipient_id)
        .exists()
    )


def can_download_bundle(user, kind: AchievementKind, subject) -> bool:
    """Every certificate of one subject (a cohort, a meeting): whoever the awarding app
    says manages it, and programme admins."""
    if not user.is_authenticated:
        return False
    return roles.is_programme_admin(user) or bool(kind.can_manage(user, subject))
