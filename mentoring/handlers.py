"""Signal receivers of the mentoring app; each only calls a service."""

from .services.cohorts import cohort_participant_finish_late


def finish_cohort_on_course_completed(sender, *, user, course, **kwargs):
    """A participant who completes the course after her cohort finished finishes it now."""
    cohort_participant_finish_late(user=user, course=course)
