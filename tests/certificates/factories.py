"""Certificate test data: a template, a rule, and a kind of achievement that needs no
other app (its subject is a library), so these tests pass with courses, mentoring and
peer_learning removed."""

from datetime import date

from django.contrib.contenttypes.models import ContentType

from certificates import codes
from certificates.models import Certificate, CertificateTemplate, KindRule, Signatory
from lms import roles, signals
from lms.achievements import Achievement, AchievementKind
from lms.models import Library

TEST_KIND = "test_training"


def _achievement(user, library, on=None) -> Achievement:
    return Achievement(
        user=user,
        subject=library,
        title=f"Pelatihan TIK di {library.name}",
        achieved_on=on or date(2026, 5, 14),
        hours=12,
    )


def _from_signal(*, user, meeting, role, attended_on, **kwargs):
    return _achievement(user, meeting, attended_on)


def test_kind(trained_by=None) -> AchievementKind:
    return AchievementKind(
        key=TEST_KIND,
        label="Pelatihan uji",
        # Tests send it as a meeting attendance whose "meeting" is a library.
        signal=signals.meeting_attended,
        from_signal=_from_signal,
        subjects=lambda: Library.objects.order_by("name"),
        describe=lambda user, library: _achievement(user, library),
        earned=lambda library: [
            _achievement(p.user, library) for p in library.staff.select_related("user")
        ],
        can_manage=lambda user, library: (
            roles.is_mentor(user)
            and library.mentor_library_id is not None
            and library.mentor_library.staff.filter(user=user).exists()
        ),
        trained_by=trained_by,
    )


def template(**overrides) -> CertificateTemplate:
    fields = {
        "name": "Sertifikat pelatihan",
        "title": "Sertifikat",
        "body": (
            "Diberikan kepada {name} dari {library}, {regency}, yang telah menyelesaikan "
            "{achievement} ({hours} jam) pada {date}."
        ),
        "title_en": "Certificate",
        "body_en": "Awarded to {name} of {library}, {regency}, for completing {achievement}.",
    }
    fields.update(overrides)
    tpl = CertificateTemplate(**fields)
    tpl.signatories = [
        Signatory(name="Dra. Woro Titi Haryanti, M.A.", position="Deputi Bidang Pengembangan"),
        Signatory(name="Ir. Bambang Supriyo", position="Ketua Pelaksana PerpuSeru"),
    ]
    tpl.save()
    return tpl


def rule(*, kind=TEST_KIND, template_=None, **fields) -> KindRule:
    return KindRule.objects.create(kind=kind, template=template_ or template(), **fields)


def certificate(*, recipient, subject, kind=TEST_KIND, template_=None, **fields) -> Certificate:
    """A certificate row written directly (no rendering), for pages that only read it."""
    values = {
        "code": codes.new_code(),
        "recipient": recipient,
        "kind": kind,
        "subject_type": ContentType.objects.get_for_model(subject),
        "subject_id": subject.pk,
        "recipient_name": recipient.get_full_name() or recipient.username,
        "achievement_title": f"Pelatihan TIK di {subject}",
        "library_name": "Perpustakaan Desa Tunas Bangsa",
        "regency_name": "Kabupaten Lumajang",
        "hours": 12,
        "achieved_on": date(2026, 5, 14),
        "issued_on": date(2026, 5, 15),
        "template": template_ or CertificateTemplate.objects.first() or template(),
    }
    values.update(fields)
    return Certificate.objects.create(**values)
