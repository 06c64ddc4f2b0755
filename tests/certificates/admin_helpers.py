"""Helpers of the certificates admin tests."""

import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from certificates.models import Certificate

FAKE_PDF = b"%PDF-1.7\n% a stored certificate\n%%EOF\n"


def with_pdf(certificate: Certificate, content: bytes = FAKE_PDF) -> Certificate:
    """Gives a certificate a stored PDF without rendering one."""
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(content), save=False)
    certificate.sha256 = hashlib.sha256(content).hexdigest()
    certificate.rendered_at = timezone.now()
    certificate.save()
    return certificate


def admin_in_english(client, user):
    """Signs the user in with the admin in English, so pages can be read in tests
    whatever the Indonesian translations say."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client
