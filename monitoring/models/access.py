"""Who may read a province's or a kabupaten's figures besides the programme admins."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import Province, Regency

ONE_SCOPE = _("Choose either a province or a kabupaten/kota, not both and not neither.")


class RegionalAdmin(models.Model):
    """A province or kabupaten/kota admin (for example the head of a district library or an
    official of the Dinas): reads that area's dashboard, reports and exports, nothing else."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="monitoring_scopes",
        verbose_name=_("account"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    regency = models.ForeignKey(
        Regency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kabupaten/kota"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regional admin")
        verbose_name_plural = _("regional admins")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(province__isnull=True, regency__isnull=False)
                | models.Q(province__isnull=False, regency__isnull=True),
                name="regional_admin_one_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "province", "regency"], name="regional_admin_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.province or self.regency}"

    def clean(self):
        super().clean()
        if (self.province_id is None) == (self.regency_id is None):
            raise ValidationError(ONE_SCOPE)
