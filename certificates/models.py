"""Certificate templates, the rules that pick them, certificates and their PDF batches."""

import string

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

# The words a template body may use, each filled from the certificate.
PLACEHOLDERS = {
    "name": _("recipient name"),
    "achievement": _("achievement title"),
    "library": _("library"),
    "regency": _("regency or city"),
    "date": _("date achieved"),
    "hours": _("hours"),
    "code": _("certificate code"),
}
UNKNOWN_PLACEHOLDER = _("Unknown placeholder {%(name)s}. Use one of: %(known)s.")
PLACEHOLDER_HELP = _(
    "Write the text in paragraphs separated by an empty line. Placeholders in curly "
    "braces are filled in for each person: {name}, {achievement}, {library}, {regency}, "
    "{date}, {hours}, {code}."
)


def validate_placeholders(text: str) -> None:
    try:
        fields = [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise ValidationError(
            _("The text has an unmatched curly brace: %(error)s"), params={"error": exc}
        ) from exc
    for name in fields:
        if name not in PLACEHOLDERS:
            raise ValidationError(
                UNKNOWN_PLACEHOLDER,
                params={"name": name, "known": ", ".join(f"{{{k}}}" for k in PLACEHOLDERS)},
            )


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """How a certificate looks and reads; programme admins design it as a snippet."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("A4 landscape")
        PORTRAIT = "portrait", _("A4 portrait")

    class Language(models.TextChoices):
        INDONESIAN = "id", _("Indonesian")
        ENGLISH = "en", _("English")
        BOTH = "both", _("Indonesian and English")

    name = models.CharField(_("name"), max_length=120, unique=True)
    language = models.CharField(
        _("language"), max_length=4, choices=Language.choices, default=Language.INDONESIAN
    )
    orientation = models.CharField(
        _("page"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    title = models.CharField(
        _("title (Indonesian)"), max_length=120, blank=True, help_text=_("e.g. Sertifikat")
    )
    body = models.TextField(
        _("text (Indonesian)"),
        blank=True,
        validators=[validate_placeholders],
        help_text=PLACEHOLDER_HELP,
    )
    title_en = models.CharField(
        _("title (English)"), max_length=120, blank=True, help_text=_("e.g. Certificate")
    )
    body_en = models.TextField(
        _("text (English)"),
        blank=True,
        validators=[validate_placeholders],
        help_text=PLACEHOLDER_HELP,
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_name = models.CharField(
        _("issuer"),
        max_length=200,
        default="Perpustakaan Nasional Republik Indonesia",
        help_text=_("Printed on the certificate and shown on the verification page."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("language"), FieldPanel("orientation")],
            heading=_("Template"),
        ),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("body")], heading=_("Indonesian")),
        MultiFieldPanel([FieldPanel("title_en"), FieldPanel("body_en")], heading=_("English")),
        FieldPanel("issuer_name"),
        FieldPanel("background"),
        InlinePanel("logos", label=_("Logos"), max_num=4),
        InlinePanel("signatories", label=_("Signatories"), min_num=1, max_num=3),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        needs_id = self.language in (self.Language.INDONESIAN, self.Language.BOTH)
        needs_en = self.language in (self.Language.ENGLISH, self.Language.BOTH)
        for needed, fields in ((needs_id, ("title", "body")), (needs_en, ("title_en", "body_en"))):
            for field in fields:
                if needed and not getattr(self, field).strip():
                    errors[field] = _("This language is printed, so this text is required.")
        if errors:
            raise ValidationError(errors)

    # Preview in the admin: the PDF itself, filled with sample data.
    preview_modes = [("", _("PDF"))]

    def serve_preview(self, request, mode_name):
        from .views.preview import template_preview_response

        return template_preview_response(self)


class TemplateLogo(Orderable):
    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="logos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("image")]


class Signatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=200)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("signature")]


class KindRule(models.Model):
    """Which template each kind of achievement is certified with, and for how long."""

    kind = models.CharField(_("achievement"), max_length=40, unique=True)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="rules",
    )
    valid_for_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a certificate that does not expire."),
    )
    automatic = models.BooleanField(
        _("issue automatically"),
        default=True,
        help_text=_("Issue as soon as someone earns it. Otherwise only admins issue it."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("template"),
        FieldPanel("valid_for_months"),
        FieldPanel("automatic"),
    ]

    class Meta:
        ordering = ["kind"]
        verbose_name = _("certificate rule")
        verbose_name_plural = _("certificate rules")

    def __str__(self):
        return f"{self.kind_label} → {self.template}"

    @property
    def kind_label(self) -> str:
        from lms.achievements import achievement_kinds

        kind = achievement_kinds().get(self.kind)
        return str(kind.label) if kind else self.kind


class Certificate(models.Model):
    """One certificate: never deleted; revoking or superseding keeps the record."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")
        EXPIRED = "expired", _("Expired")

    code = models.CharField(_("code"), max_length=24, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    kind = models.CharField(_("achievement"), max_length=40)
    # The achievement it proves (course page, cohort, curriculum, meeting ...).
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    # What was certified, copied at issue: the certificate reads the same even when a
    # course is renamed, a person moves library or the awarding app is removed.
    recipient_name = models.CharField(_("name"), max_length=200)
    achievement_title = models.CharField(_("achievement"), max_length=300)
    library_name = models.CharField(_("library"), max_length=200, blank=True)
    regency_name = models.CharField(_("regency or city"), max_length=120, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True, blank=True)
    achieved_on = models.DateField(_("achieved on"))
    template = models.ForeignKey(
        CertificateTemplate, verbose_name=_("template"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when issued automatically."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    render_error = models.TextField(blank=True)
    reminded_at = models.DateTimeField(_("renewal reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # One valid certificate per person per achievement.
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_type", "subject_id"],
                condition=models.Q(status="valid"),
                name="certificates_one_valid_per_achievement",
            )
        ]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "kind"]),
            models.Index(fields=["status", "expires_on"]),
        ]

    def __str__(self):
        return f"{self.code} · {self.recipient_name}"

    @property
    def current_status(self) -> str:
        """The status as of today: a valid certificate past its expiry date is expired."""
        if (
            self.status == self.Status.VALID
            and self.expires_on
            and self.expires_on < timezone.localdate()
        ):
            return self.Status.EXPIRED
        return self.status

    @property
    def is_rendered(self) -> bool:
        return bool(self.pdf and self.sha256)


class Rendition(models.Model):
    """The digest of every PDF ever produced for a certificate, so a copy downloaded
    before a re-render (or a signed copy) still verifies."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="renditions"
    )
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField()
    signed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Batch(models.Model):
    """Many certificates issued or re-rendered together by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Finished with errors")

    title = models.CharField(_("title"), max_length=300)
    certificates = models.ManyToManyField(Certificate, related_name="batches")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")

    def __str__(self):
        return self.title

    @property
    def percent(self) -> int:
        return round(100 * (self.done + self.failed) / self.total) if self.total else 100
