"""Who trained whom (lineage edges) and each person's trainer progression per curriculum."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    """The cascade tier of the person trained."""

    NATIONAL = "national", _("National")
    REGENCY = "regency", _("Kabupaten/kota")
    VILLAGE = "village", _("Village/TBM")


class Level(models.IntegerChoices):
    """A person's place in a curriculum's progression, in the order it is earned."""

    PARTICIPANT = 0, _("Participant")
    GRADUATE = 1, _("Graduate")
    MENTOR = 2, _("Mentor")
    FACILITATOR = 3, _("Facilitator")
    MASTER_TRAINER = 4, _("Master trainer")


class TrainingEdge(models.Model):
    """`trainee` was trained by `trainer` in `curriculum`: one generation of the cascade."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trained_by_edges"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trained_edges"
    )
    curriculum = models.ForeignKey(
        "courses.CurriculumPage", on_delete=models.CASCADE, related_name="training_edges"
    )
    cohort = models.ForeignKey(
        "mentoring.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_edges",
    )
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    trained_on = models.DateField(_("trained on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lineage edge")
        verbose_name_plural = _("lineage")
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "trainer", "curriculum"], name="trained_once_by_trainer"
            ),
            models.CheckConstraint(condition=~Q(trainee=F("trainer")), name="no_self_training"),
        ]
        indexes = [
            models.Index(fields=["curriculum", "trainer"], name="edge_curriculum_trainer"),
            models.Index(fields=["curriculum", "trainee"], name="edge_curriculum_trainee"),
        ]

    def __str__(self):
        return f"{self.trainee_id} <- {self.trainer_id} ({self.curriculum_id})"


class Progression(models.Model):
    """A person's current level in one curriculum (history in Promotion)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progressions"
    )
    curriculum = models.ForeignKey(
        "courses.CurriculumPage", on_delete=models.CASCADE, related_name="progressions"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.PARTICIPANT
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progression")
        constraints = [
            models.UniqueConstraint(fields=["user", "curriculum"], name="one_progression")
        ]
        indexes = [models.Index(fields=["curriculum", "level"], name="progression_level")]

    def __str__(self):
        return f"{self.user_id} · {self.curriculum_id}: {self.get_level_display()}"


class Promotion(models.Model):
    """One step up a curriculum's progression, with who approved it; never deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promotions"
    )
    curriculum = models.ForeignKey(
        "courses.CurriculumPage", on_delete=models.CASCADE, related_name="promotions"
    )
    from_level = models.PositiveSmallIntegerField(choices=Level.choices)
    to_level = models.PositiveSmallIntegerField(choices=Level.choices)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="promotions_approved"
    )
    promoted_at = models.DateTimeField()
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("promotion")
        ordering = ["-promoted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "curriculum", "to_level"], name="promoted_once_per_level"
            )
        ]
