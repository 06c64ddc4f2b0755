"""Demo certificates, loaded by `manage.py seed_demo` after the other apps' demo content.

Two templates (a bilingual training certificate and an Indonesian facilitator
certificate), a rule for every kind the installed apps award, and the certificates
everyone in the demo has already earned: course completions, finished cohorts and
trainer promotions. One certificate is revoked with a reason and one expires within the
renewal window, so those screens have something to show. The PDFs are rendered in the
background, one batch per course, cohort or curriculum (`make run` starts the worker).

Idempotent: templates and rules are found by their names and kinds (an admin's edits
are kept), only achievements without any certificate are issued, and the revoked
and expiring examples are made once.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.achievements import achievement_kinds

from .models import Certificate, CertificateTemplate, KindRule, Signatory
from .services import lifecycle
from .services.issuing import certificates_issue_many

TRAINING_TEMPLATE = "Sertifikat Pelatihan PerpuSeru"
FACILITATOR_TEMPLATE = "Sertifikat Fasilitator PerpuSeru"
# Facilitator certificates are renewed: a facilitator keeps training to keep the title.
FACILITATOR_VALID_MONTHS = 36
DEMO_LEARNER = "peserta"
DEMO_ADMIN = "admin"
# Certificates the demo shows on the renewal screen: held by the demo mentor if she has one.
EXPIRING_HOLDER = "pendamping"
EXPIRING_IN_DAYS = 45
# Data written by a programme admin, so it stays in Indonesian like other demo content.
REVOKE_REASON = (
    "Data kehadiran ternyata tidak sesuai dengan daftar hadir pelatihan. Sertifikat dicabut "
    "sampai kehadiran diverifikasi ulang oleh perpustakaan kabupaten."
)
# The revoked example is a finished cohort's certificate when the mentoring app is there.
REVOKE_KIND_FIRST = "cohort_finished"

PERPUSNAS = "Perpustakaan Nasional Republik Indonesia"
TEMPLATES = {
    TRAINING_TEMPLATE: {
        "language": CertificateTemplate.Language.BOTH,
        "orientation": CertificateTemplate.Orientation.LANDSCAPE,
        "title": "Sertifikat Pelatihan",
        "body": (
            "{library}, {regency}\n\n"
            "atas keberhasilannya menyelesaikan {achievement} ({hours} jam pelajaran) "
            "pada {date}."
        ),
        "title_en": "Certificate of Training",
        "body_en": (
            "Of {library}, {regency}, for completing {achievement} ({hours} hours) on {date}."
        ),
        "issuer_name": PERPUSNAS,
        "signatories": [
            (
                "Dra. Woro Titi Haryanti, M.A.",
                "Deputi Bidang Pengembangan Bahan Pustaka dan Jasa Informasi, "
                "Perpustakaan Nasional RI",
            ),
            (
                "Dr. Retno Wulandari, M.Si.",
                "Direktur Program PerpuSeru, Coca-Cola Foundation Indonesia",
            ),
        ],
    },
    FACILITATOR_TEMPLATE: {
        "language": CertificateTemplate.Language.INDONESIAN,
        "orientation": CertificateTemplate.Orientation.LANDSCAPE,
        "title": "Sertifikat Fasilitator",
        "body": (
            "{library}, {regency}\n\n"
            "yang pada {date} dinyatakan layak sebagai {achievement} dalam program "
            "Transformasi Perpustakaan Berbasis Inklusi Sosial, dan berwenang melatih serta "
            "mendampingi pengelola perpustakaan desa dan TBM."
        ),
        "issuer_name": PERPUSNAS,
        "signatories": [
            (
                "Dra. Woro Titi Haryanti, M.A.",
                "Deputi Bidang Pengembangan Bahan Pustaka dan Jasa Informasi, "
                "Perpustakaan Nasional RI",
            ),
            (
                "Drs. Agus Sutoyo, M.Si.",
                "Kepala Pusat Pengembangan Perpustakaan dan Pengkajian Minat Baca",
            ),
            ("Dewi Lestari, S.Sos.", "Master Trainer Nasional PerpuSeru"),
        ],
    },
}


def _template(name: str) -> tuple[CertificateTemplate, bool]:
    existing = CertificateTemplate.objects.filter(name=name).first()
    if existing is not None:
        return existing, False
    fields = dict(TEMPLATES[name])
    signatories = fields.pop("signatories")
    template = CertificateTemplate(name=name, **fields)
    template.signatories = [
        Signatory(name=person, position=position, sort_order=i)
        for i, (person, position) in enumerate(signatories)
    ]
    template.full_clean()
    template.save()
    return template, True


def _rules(kinds, templates) -> int:
    created = 0
    for key, kind in kinds.items():
        facilitator = kind.is_facilitator
        _rule, new = KindRule.objects.get_or_create(
            kind=key,
            defaults={
                "template": templates[FACILITATOR_TEMPLATE if facilitator else TRAINING_TEMPLATE],
                "valid_for_months": FACILITATOR_VALID_MONTHS if facilitator else None,
                "automatic": True,
            },
        )
        created += new
    return created


def _issue_earned(kinds) -> tuple[int, int]:
    """Issues, subject by subject, what people earned before the rules existed. Returns
    the numbers of certificates and batches created."""
    issued = batches = 0
    for key, kind in kinds.items():
        # Any certificate counts, valid or not: a revoked one stays revoked.
        held: set[tuple[int, int, int]] = set(
            Certificate.objects.filter(kind=key).values_list(
                "subject_type_id", "subject_id", "recipient_id"
            )
        )
        for subject in kind.subjects():
            subject_type = ContentType.objects.get_for_model(subject, for_concrete_model=False)
            missing = [
                achievement
                for achievement in kind.earned(subject)
                if (subject_type.pk, subject.pk, achievement.user.pk) not in held
            ]
            if not missing:
                continue
            batch = certificates_issue_many(
                achievements=missing,
                kind=key,
                title=f"{kind.label}: {subject}"[:300],
            )
            issued += batch.total
            batches += 1
    return issued, batches


def _revoke_one(accounts) -> int:
    if Certificate.objects.filter(revoke_reason=REVOKE_REASON).exists():
        return 0
    candidate = (
        Certificate.objects.filter(status=Certificate.Status.VALID, expires_on__isnull=True)
        .exclude(recipient__username__in=[EXPIRING_HOLDER, DEMO_LEARNER])
        .order_by(
            Case(When(kind=REVOKE_KIND_FIRST, then=Value(0)), default=Value(1)),
            "recipient__username",
            "pk",
        )
        .first()
    )
    if candidate is None:
        return 0
    lifecycle.certificate_revoke(
        certificate=candidate, revoked_by=accounts.get(DEMO_ADMIN), reason=REVOKE_REASON
    )
    return 1


def _make_one_expire_soon() -> int:
    today = timezone.localdate()
    window = today + timedelta(days=lifecycle.RENEWAL_WINDOW_DAYS)
    valid = Certificate.objects.filter(status=Certificate.Status.VALID)
    if valid.filter(expires_on__gte=today, expires_on__lte=window).exists():
        return 0
    candidate = valid.order_by(
        # The demo mentor's own certificate first, then one that expires anyway.
        Case(When(recipient__username=EXPIRING_HOLDER, then=Value(0)), default=Value(1)),
        F("expires_on").asc(nulls_last=True),
        "pk",
    ).first()
    if candidate is None:
        return 0
    # Issued on the day it was earned, expiring soon: as if it were an older certificate.
    Certificate.objects.filter(pk=candidate.pk).update(
        issued_on=candidate.achieved_on, expires_on=today + timedelta(days=EXPIRING_IN_DAYS)
    )
    return 1


def load(*, stdout) -> None:
    kinds = achievement_kinds()
    with transaction.atomic():
        templates = {}
        new_templates = 0
        for name in TEMPLATES:
            templates[name], created = _template(name)
            new_templates += created
        new_rules = _rules(kinds, templates)
        issued, batches = _issue_earned(kinds)
        accounts = get_user_model().objects.in_bulk([DEMO_ADMIN], field_name="username")
        revoked = _revoke_one(accounts)
        expiring = _make_one_expire_soon()
        learner_holds = Certificate.objects.filter(recipient__username=DEMO_LEARNER).count()
    stdout.write(
        _(
            "Demo certificates: %(templates)d templates (%(new_templates)d new), %(rules)d "
            "rules (%(new_rules)d new), %(issued)d certificates issued in %(batches)d "
            "batches, %(revoked)d revoked, %(expiring)d expiring soon; the demo learner "
            "holds %(learner)d. PDFs are rendered by the task worker (`make run` starts it)."
        )
        % {
            "templates": len(templates),
            "new_templates": new_templates,
            "rules": KindRule.objects.count(),
            "new_rules": new_rules,
            "issued": issued,
            "batches": batches,
            "revoked": revoked,
            "expiring": expiring,
            "learner": learner_holds,
        }
    )
