"""Peer Learning Meetings: the meeting pages and agenda, registrations and check-ins,
shared stories, and the generated materials."""

from .materials import MaterialJob
from .meetings import AgendaSession, MeetingIndexPage, MeetingPage
from .registrations import CheckIn, Registration
from .stories import Story, StoryPhoto

__all__ = [
    "AgendaSession",
    "CheckIn",
    "MaterialJob",
    "MeetingIndexPage",
    "MeetingPage",
    "Registration",
    "Story",
    "StoryPhoto",
]
