"""Who may see and write what in monitoring: every view and export asks here, on the server.

- programme admins see the whole programme and every report;
- a regional admin (models.RegionalAdmin) sees the provinces and kabupaten/kota given to
  her, and the reports of their libraries, and nothing of any other area;
- a library's own staff write and read its monthly reports; so does its mentor, a mentor
  working at the kabupaten/kota library that mentors it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lms import roles
from lms.models import Library, Regency
from lms.selectors import staff_profile_for

_CACHE_ATTR = "_sebaya_monitoring_scope"


@dataclass(frozen=True)
class Scope:
    """The areas a person may read: everything, or these provinces and regencies."""

    everything: bool
    province_ids: frozenset[int] = frozenset()
    regency_ids: frozenset[int] = frozenset()

    @property
    def any(self) -> bool:
        return self.everything or bool(self.province_ids or self.regency_ids)


def scope_of(user) -> Scope:
    """One query per request, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return Scope(everything=False)
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        if roles.is_programme_admin(user):
            cached = Scope(everything=True)
        else:
            from .models import RegionalAdmin

            rows = list(
                RegionalAdmin.objects.filter(user_id=user.pk).values_list(
                    "province_id", "regency_id"
                )
            )
            cached = Scope(
                everything=False,
                province_ids=frozenset(p for p, _r in rows if p),
                regency_ids=frozenset(r for _p, r in rows if r),
            )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_scope(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def can_view_programme(user) -> bool:
    return scope_of(user).everything


def can_view_province(user, province_id: int) -> bool:
    scope = scope_of(user)
    return scope.everything or province_id in scope.province_ids


def can_view_regency(user, regency: Regency) -> bool:
    scope = scope_of(user)
    return (
        scope.everything
        or regency.pk in scope.regency_ids
        or regency.province_id in scope.province_ids
    )


def can_view_dashboards(user) -> bool:
    return scope_of(user).any


def is_mentor_of(user, library: Library) -> bool:
    if not roles.is_mentor(user) or library.mentor_library_id is None:
        return False
    profile = staff_profile_for(user)
    return profile is not None and profile.library_id == library.mentor_library_id


def works_at(user, library: Library) -> bool:
    profile = staff_profile_for(user)
    return profile is not None and profile.library_id == library.pk


def can_report_for(user, library: Library) -> bool:
    """Whether `user` may write `library`'s monthly reports."""
    return roles.is_programme_admin(user) or works_at(user, library) or is_mentor_of(user, library)


def can_view_reports_of(user, library: Library) -> bool:
    """Whether `user` may read `library`'s reports (writers, and the area's admins)."""
    return can_report_for(user, library) or can_view_regency(user, library.regency)
