"""The courses app's models, one module per concern."""

from .pages import (
    CatalogPage,
    CoursePage,
    CourseTag,
    CurriculumPage,
    LessonPage,
    ModulePage,
    QuizPage,
)
from .progress import Enrollment, Progress, Reflection
from .quiz import QuizAnswer, QuizAttempt

__all__ = [
    "CatalogPage",
    "CoursePage",
    "CourseTag",
    "CurriculumPage",
    "Enrollment",
    "LessonPage",
    "ModulePage",
    "Progress",
    "QuizAnswer",
    "QuizAttempt",
    "QuizPage",
    "Reflection",
]
