"""What can be certified: apps describe the achievements they award, a certificate app issues them.

An app registers a function under the Wagtail hook ``ACHIEVEMENT_KINDS_HOOK`` that
returns a list of ``AchievementKind``. Nothing here depends on the certificates app:
when it is not installed, the kinds are simply never asked for. When the app that
registers a kind is removed, its certificates stay verifiable because every certificate
keeps a copy of what it certified.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.dispatch import Signal
from wagtail import hooks

ACHIEVEMENT_KINDS_HOOK = "sebaya_achievement_kinds"


@dataclass(frozen=True)
class Achievement:
    """One person's achievement, described the way a certificate prints it."""

    user: models.Model
    # The thing achieved: a course page, a cohort, a curriculum (promotion), a meeting.
    subject: models.Model
    title: str
    achieved_on: date
    hours: Decimal | None = None


@dataclass(frozen=True)
class AchievementKind:
    key: str
    label: str
    # The cross-app event that earns it; `from_signal` turns the event's keyword
    # arguments into an Achievement, or None when the event earns nothing.
    signal: Signal | None
    from_signal: Callable[..., Achievement | None]
    # What an admin may certify by hand: the subjects to choose from, and the
    # achievement of one person for one subject (None when they have not earned it).
    subjects: Callable[[], models.QuerySet]
    describe: Callable[[models.Model, models.Model], Achievement | None]
    # Everyone who has earned it for one subject (issuing for a whole cohort or meeting).
    earned: Callable[[models.Model], Iterable[Achievement]]
    # Who may download every certificate of one subject (facilitators, organisers).
    can_manage: Callable[[models.Model, models.Model], bool]
    # Facilitator kinds name who trained the holder, for the public "trained by" line.
    trained_by: Callable[[models.Model, models.Model], list] | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.trained_by is not None


def achievement_kinds() -> dict[str, AchievementKind]:
    """Every kind the installed apps award, by key, in registration order."""
    kinds: dict[str, AchievementKind] = {}
    for fn in hooks.get_hooks(ACHIEVEMENT_KINDS_HOOK):
        for kind in fn():
            kinds[kind.key] = kind
    return kinds


# A certificates app answers this hook with a function
# (kind: str, subject, requested_by) -> bytes: it issues the kind's certificates to everyone
# who earned it for `subject` and returns all of them as one ZIP. Apps that produce
# certificate packs (a meeting's materials) call `certificate_bundle`, which says None
# when no certificates app is installed.
CERTIFICATE_BUNDLE_HOOK = "sebaya_certificate_bundle"


def certificates_available() -> bool:
    return bool(hooks.get_hooks(CERTIFICATE_BUNDLE_HOOK))


def certificate_bundle(*, kind: str, subject: models.Model, requested_by=None) -> bytes | None:
    for fn in hooks.get_hooks(CERTIFICATE_BUNDLE_HOOK):
        return fn(kind=kind, subject=subject, requested_by=requested_by)
    return None
