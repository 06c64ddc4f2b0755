"""Quiz attempts and every answer, stored per question for later reports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey("courses.QuizPage", on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    # The order the learner saw: question ids, and option ids per question.
    layout = models.JSONField(default=dict)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_number_once"),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.quiz_id} #{self.number}"


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    question_type = models.CharField(max_length=20)
    # Option ids chosen, "true"/"false", or the text typed.
    response = models.JSONField(default=list)
    correct = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("quiz answer")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="answer_once")
        ]
        indexes = [models.Index(fields=["question_id"], name="answer_question")]
