"""The mentoring app's models, one module per concern."""

from .cohorts import Attendance, Cohort, CohortFacilitator, CohortParticipant, CohortSession
from .lineage import Level, Progression, Promotion, Tier, TrainingEdge
from .visits import FollowUp, MentorAssignment, Visit, VisitTopic

__all__ = [
    "Attendance",
    "Cohort",
    "CohortFacilitator",
    "CohortParticipant",
    "CohortSession",
    "FollowUp",
    "Level",
    "MentorAssignment",
    "Progression",
    "Promotion",
    "Tier",
    "TrainingEdge",
    "Visit",
    "VisitTopic",
]
