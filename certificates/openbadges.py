"""Open Badges 2.0 hosted verification: the Assertion of each certificate, the BadgeClass
of each kind and subject, the Issuer profile and a small badge image, as plain dicts
(the views serve them as JSON-LD).

Spec: https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html
"""

import hashlib
import textwrap
from datetime import date, datetime, time
from email.utils import parseaddr
from xml.sax.saxutils import escape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t

from lms.achievements import achievement_kinds

from .models import Certificate, CertificateTemplate
from .selectors.verify import public_url, verify_url

CONTEXT = "https://w3id.org/openbadges/v2"
CONTENT_TYPE = "application/ld+json"


# ---- Addresses --------------------------------------------------------------------


def issuer_url() -> str:
    return public_url(reverse("certificates:ob_issuer"))


def assertion_url(code: str) -> str:
    return public_url(reverse("certificates:ob_assertion", args=[code]))


def _badge_args(kind: str, subject_type_id: int, subject_id: int) -> dict:
    return {"kind": kind, "subject_type_id": subject_type_id, "subject_id": subject_id}


def badge_url(kind: str, subject_type_id: int, subject_id: int) -> str:
    return public_url(
        reverse("certificates:ob_badge", kwargs=_badge_args(kind, subject_type_id, subject_id))
    )


def badge_image_url(kind: str, subject_type_id: int, subject_id: int) -> str:
    kwargs = _badge_args(kind, subject_type_id, subject_id)
    return public_url(reverse("certificates:ob_badge_image", kwargs=kwargs))


# ---- Documents --------------------------------------------------------------------


def issuer_name() -> str:
    # One issuer profile for the whole site; templates may print another issuer's name.
    return getattr(settings, "CERTIFICATE_ISSUER_NAME", "") or str(
        CertificateTemplate._meta.get_field("issuer_name").default
    )


def issuer_profile() -> dict:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": issuer_name(),
        "url": public_url("/"),
        "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


def _kind_label(certificate: Certificate) -> str:
    kind = achievement_kinds().get(certificate.kind)
    return str(kind.label) if kind else certificate.achievement_title


def badge_class(certificate: Certificate) -> dict:
    """The badge every certificate of this one's kind and subject is an assertion of."""
    args = (certificate.kind, certificate.subject_type_id, certificate.subject_id)
    label = _kind_label(certificate)
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_url(*args),
        "name": certificate.achievement_title,
        "description": _t("%(achievement)s, certified by %(issuer)s on Sebaya.")
        % {"achievement": certificate.achievement_title, "issuer": issuer_name()},
        "image": badge_image_url(*args),
        "criteria": {
            "narrative": _t(
                "Awarded for %(kind)s: %(achievement)s. Each holder's certificate can be "
                "checked on its verification page."
            )
            % {"kind": label, "achievement": certificate.achievement_title}
        },
        "issuer": issuer_url(),
    }


def _salt(code: str) -> str:
    # Stable for the life of the assertion (a re-fetch must hash the same way) and
    # different for every certificate, which is all a salt has to be.
    return hashlib.sha256(f"sebaya-openbadges:{code}".encode()).hexdigest()[:16]


def recipient(certificate: Certificate) -> dict:
    email = (getattr(certificate.recipient, "email", "") or "").strip().lower()
    if email:
        salt = _salt(certificate.code)
        digest = hashlib.sha256((email + salt).encode()).hexdigest()
        return {"type": "email", "hashed": True, "salt": salt, "identity": f"sha256${digest}"}
    # Without an e-mail address the recipient is identified by the public page about them.
    return {"type": "url", "hashed": False, "identity": verify_url(certificate.code)}


def _datetime(day: date, at: time = time.min) -> str:
    return datetime.combine(day, at, tzinfo=timezone.get_current_timezone()).isoformat()


def assertion(certificate: Certificate) -> dict:
    data = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate.code),
        "recipient": recipient(certificate),
        "badge": badge_url(certificate.kind, certificate.subject_type_id, certificate.subject_id),
        "issuedOn": _datetime(certificate.issued_on),
        "verification": {"type": "hosted"},
        "evidence": verify_url(certificate.code),
    }
    if certificate.expires_on:
        # The certificate is valid through its expiry date.
        data["expires"] = _datetime(certificate.expires_on, time(23, 59, 59))
    return data


def revoked_assertion(certificate: Certificate) -> dict:
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate.code),
        "revoked": True,
        "revocationReason": certificate.revoke_reason,
    }


def badge_image_svg(title: str) -> str:
    """A small round badge: the site's colours, a ribbon and the first words of the title."""
    lines = textwrap.wrap(title, 15, max_lines=3, placeholder=" …") or [""]
    start = 126 - 9 * (len(lines) - 1)
    text = "".join(
        f'<text x="128" y="{start + 19 * i}">{escape(t)}</text>' for i, t in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" '
        'height="256" role="img">'
        f"<title>{escape(title)}</title>"
        '<path d="M88 190 70 250l30-14 20 22 8-68zM168 190l18 60-30-14-20 22-8-68z" '
        'fill="#f2a900"/>'
        '<circle cx="128" cy="120" r="104" fill="#0b5d4b"/>'
        '<circle cx="128" cy="120" r="92" fill="none" stroke="#f2a900" stroke-width="4"/>'
        '<g fill="#fff" font-family="sans-serif" text-anchor="middle">'
        '<text x="128" y="72" font-size="22" font-weight="700">SEBAYA</text>'
        f'<g font-size="17">{text}</g>'
        "</g></svg>"
    )
