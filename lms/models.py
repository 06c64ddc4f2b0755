"""The library network (provinces, regencies, libraries) and the people who staff it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MENTOR_ONLY_FOR_VILLAGES = _(
    "Only village libraries and TBMs are mentored by a kabupaten/kota library."
)
MENTOR_MUST_BE_REGENCY_LIBRARY = _("The mentor must be a kabupaten/kota library, not a %(kind)s.")
MENTOR_MUST_SHARE_REGENCY = _(
    "The mentor library must be in the same regency (%(regency)s), not in %(other)s."
)


def latest_birth_year() -> int:
    """Staff are at least 15 years old; a callable so the bound moves with the calendar."""
    return timezone.now().year - 15


class Province(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("BPS code"), max_length=2, blank=True, help_text=_("Two-digit region code, e.g. 35.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class Regency(models.Model):
    """A kabupaten or kota: the tier whose library trains and mentors the villages."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="regencies", verbose_name=_("province")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.KABUPATEN)
    name = models.CharField(
        _("name"), max_length=100, help_text=_("Without prefix, e.g. Lumajang.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("regency")
        verbose_name_plural = _("regencies")
        constraints = [
            models.UniqueConstraint(fields=["province", "kind", "name"], name="unique_regency")
        ]

    def __str__(self):
        prefix = _("Kab.") if self.kind == self.Kind.KABUPATEN else _("Kota")
        return f"{prefix} {self.name}"


class Library(models.Model):
    class Kind(models.TextChoices):
        PROVINCIAL = "provincial", _("Provincial library")
        REGENCY = "regency", _("Kabupaten/kota library")
        VILLAGE = "village", _("Village library")
        TBM = "tbm", _("Community reading park (TBM)")

    class Phase(models.TextChoices):
        PHASE_1 = "phase1", _("PerpuSeru phase 1 (2011)")
        PHASE_2 = "phase2", _("PerpuSeru phase 2 (2014)")
        EXPANSION = "expansion", _("PerpuSeru expansion (2015-2018)")
        TPBIS = "tpbis", _("TPBIS (2018 onward)")
        REPLICATION = "replication", _("Local replication")

    MENTORED_KINDS = (Kind.VILLAGE, Kind.TBM)

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Unique code used in staff roster files, e.g. lumajang-tunas-bangsa."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    regency = models.ForeignKey(
        Regency, on_delete=models.PROTECT, related_name="libraries", verbose_name=_("regency")
    )
    village = models.CharField(_("village"), max_length=100, blank=True)
    mentor_library = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentored_libraries",
        verbose_name=_("mentor library"),
        help_text=_("For village libraries and TBMs: the kabupaten/kota library that mentors it."),
    )
    joined_phase = models.CharField(
        _("programme phase"), max_length=12, choices=Phase.choices, blank=True
    )
    joined_year = models.PositiveSmallIntegerField(
        _("year joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2011), MaxValueValidator(2100)],
    )
    computers = models.PositiveSmallIntegerField(_("computers"), default=0)
    bandwidth_mbps = models.DecimalField(
        _("internet bandwidth (Mbps)"), max_digits=7, decimal_places=2, default=0
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        indexes = [models.Index(fields=["regency", "kind"], name="library_regency_kind")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        mentor = self.mentor_library
        if mentor is None:
            return
        if self.kind not in self.MENTORED_KINDS:
            raise ValidationError({"mentor_library": MENTOR_ONLY_FOR_VILLAGES})
        if mentor.kind != self.Kind.REGENCY:
            message = MENTOR_MUST_BE_REGENCY_LIBRARY % {"kind": mentor.get_kind_display()}
            raise ValidationError({"mentor_library": message})
        if self.regency_id and mentor.regency_id != self.regency_id:
            raise ValidationError(
                {
                    "mentor_library": MENTOR_MUST_SHARE_REGENCY
                    % {"regency": self.regency, "other": mentor.regency}
                }
            )


class StaffProfile(models.Model):
    """What the programme needs to know about a person beyond their sign-in account."""

    class Position(models.TextChoices):
        HEAD = "head", _("Head of library")
        LIBRARIAN = "librarian", _("Librarian")
        MANAGER = "manager", _("Library manager")
        STAFF = "staff", _("Library staff")
        VOLUNTEER = "volunteer", _("Volunteer")
        FACILITATOR = "facilitator", _("Facilitator")
        OTHER = "other", _("Other")

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("account"),
    )
    library = models.ForeignKey(
        Library,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("library"),
    )
    position = models.CharField(
        _("position"), max_length=12, choices=Position.choices, default=Position.STAFF
    )
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1930), MaxValueValidator(latest_birth_year)],
    )
    phone = models.CharField(
        _("phone number"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 \-]{6,18}$",
                _("A phone number may contain only digits, spaces, dashes and a leading +."),
            )
        ],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__first_name", "user__username"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class RosterImport(models.Model):
    """An uploaded staff roster, kept from its preview until (and after) it is applied.

    Keeping the file lets the admin confirm exactly what was previewed, and makes a
    second click on "import" harmless: an applied roster is never applied again.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed")
        APPLIED = "applied", _("Imported")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("file content"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREVIEWED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("accounts created"), default=0)
    updated_count = models.PositiveIntegerField(_("accounts updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("staff roster import")
        verbose_name_plural = _("staff roster imports")

    def __str__(self):
        return self.filename
