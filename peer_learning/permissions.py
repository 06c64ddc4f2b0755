"""Who may do what with a Peer Learning Meeting; every view asks here, on the server.

- organisers: programme admins, and the mentor-role staff of the organising library;
- the committee (panitia) of a meeting checks people in, besides the organisers;
- a library's own staff write and see its stories; the mentor-role staff of the library
  that mentors it review them; nobody else sees a story before it is accepted;
- library staff nominate people of their own library; mentors also of the libraries
  their library mentors.
"""

from lms import roles
from lms.models import Library
from lms.selectors import staff_profile_for


def own_library(user) -> Library | None:
    profile = staff_profile_for(user)
    return profile.library if profile else None


def is_organiser(user, meeting) -> bool:
    if not user.is_authenticated:
        return False
    if roles.is_programme_admin(user):
        return True
    library = own_library(user)
    return roles.is_mentor(user) and library is not None and library.pk == meeting.organiser_id


def can_check_in(user, meeting) -> bool:
    if is_organiser(user, meeting):
        return True
    from .models import Registration

    return Registration.objects.filter(
        meeting=meeting,
        user=user,
        role=Registration.Role.COMMITTEE,
        status=Registration.Status.REGISTERED,
    ).exists()


def nominating_libraries(user) -> list[Library]:
    """The libraries whose people `user` may nominate: her own, and for a mentor the
    libraries her library mentors. Programme admins nominate anyone (empty list = all)."""
    library = own_library(user)
    if library is None:
        return []
    libraries = [library]
    if roles.is_mentor(user):
        libraries += list(Library.objects.filter(mentor_library=library).order_by("name"))
    return libraries


def can_edit_story(user, story) -> bool:
    """Writing and submitting: the staff of the story's library, while it is not accepted."""
    library = own_library(user)
    return (
        library is not None
        and library.pk == story.library_id
        and story.status != story.Status.ACCEPTED
    )


def can_review_story(user, story) -> bool:
    """Reviewing: the mentor-role staff of the library that mentors the story's library
    (or a programme admin)."""
    if roles.is_programme_admin(user):
        return True
    library = own_library(user)
    return (
        roles.is_mentor(user)
        and library is not None
        and story.library.mentor_library_id == library.pk
    )


def can_view_story(user, story) -> bool:
    if story.status == story.Status.ACCEPTED and user.is_authenticated:
        return True
    library = own_library(user)
    own = library is not None and library.pk == story.library_id
    return own or can_review_story(user, story)
