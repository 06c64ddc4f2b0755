"""Reads of the library network and its people, shaped for the pages that show them."""

from django.db.models import QuerySet

from .models import Library, StaffProfile


def library_list() -> QuerySet[Library]:
    """Libraries with everything a listing row shows, in a fixed number of queries."""
    return Library.objects.select_related("regency__province", "mentor_library")


def staff_list() -> QuerySet[StaffProfile]:
    return StaffProfile.objects.select_related("user", "library__regency__province")


def staff_profile_for(user) -> StaffProfile | None:
    """The signed-in person's profile with its library, or None for accounts without one."""
    if not user.is_authenticated:
        return None
    return (
        StaffProfile.objects.select_related("library__regency__province", "library__mentor_library")
        .filter(user=user)
        .first()
    )
