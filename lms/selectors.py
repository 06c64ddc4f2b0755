"""Reads of the library network and its people, shaped for the pages that show them."""

from django.db.models import Count, QuerySet

from .models import Library, Province, Regency, StaffProfile


def library_list() -> QuerySet[Library]:
    """Libraries with everything a listing row shows, in a fixed number of queries."""
    return Library.objects.select_related("regency__province", "mentor_library")


def staff_list() -> QuerySet[StaffProfile]:
    return StaffProfile.objects.select_related("user", "library__regency__province")


def staff_profile_for(user) -> StaffProfile | None:
    """The signed-in person's profile with its library, or None for accounts without one.

    Cached on the user object: the home page and several apps' panels ask for it in one
    request, and it costs one query in all.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_sebaya_staff_profile"):
        user._sebaya_staff_profile = (
            StaffProfile.objects.select_related(
                "library__regency__province", "library__mentor_library"
            )
            .filter(user=user)
            .first()
        )
    return user._sebaya_staff_profile


def libraries_mentored_by(*, user) -> QuerySet[Library]:
    """The village libraries and TBMs mentored by the library where `user` works."""
    return (
        Library.objects.filter(mentor_library__staff__user=user)
        .select_related("regency")
        .annotate(staff_count=Count("staff", distinct=True))
        .order_by("name")
    )


def network_summary() -> dict[str, int]:
    """Headline counts of the whole network, in four aggregate queries."""
    by_kind = dict(
        Library.objects.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    return {
        "provinces": Province.objects.count(),
        "regencies": Regency.objects.count(),
        "regency_libraries": by_kind.get(Library.Kind.REGENCY, 0),
        "village_libraries": by_kind.get(Library.Kind.VILLAGE, 0)
        + by_kind.get(Library.Kind.TBM, 0),
        "staff": StaffProfile.objects.count(),
    }
