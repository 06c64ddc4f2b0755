"""What signed-in people see of certificates: their own list ("Sertifikat saya"), a PDF
download, and the ZIP of a whole cohort or meeting for the people who hand them out."""

import logging

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from lms.achievements import achievement_kinds
from lms.home import HomePanel, Link
from lms.selectors import staff_profile_for

from .. import bundles, permissions
from ..models import Certificate
from ..selectors import people

logger = logging.getLogger(__name__)

# How long a browser should wait before asking again for a PDF still being made.
RETRY_AFTER_SECONDS = 60
PDF_NOT_READY = _(
    "The PDF of this certificate is still being prepared. It will be ready in a few "
    "minutes: please try again soon."
)
BUNDLE_NOT_READY = _(
    "Some certificates of this group are still being prepared. The ZIP will be ready in a "
    "few minutes: please try again soon."
)
REVOKED = _("This certificate was revoked, so it can no longer be downloaded.")
SUPERSEDED = _(
    "This certificate was replaced by a newer one, so it can no longer be downloaded. "
    "Download the newer certificate instead."
)
NOTHING_TO_BUNDLE = _("No valid certificates have been issued for this yet.")

_STATUS_NOTICE = {
    Certificate.Status.REVOKED: REVOKED,
    Certificate.Status.SUPERSEDED: SUPERSEDED,
}


def _rows(certificates) -> list[dict]:
    kinds = achievement_kinds()
    rows = []
    for certificate in certificates:
        kind = kinds.get(certificate.kind)
        status = certificate.current_status
        rows.append(
            {
                "certificate": certificate,
                "kind_label": kind.label if kind else "",
                "status": status,
                "status_label": Certificate.Status(status).label,
                "downloadable": status not in _STATUS_NOTICE,
                "download_url": reverse("certificates:download", args=[certificate.code]),
                "verify_url": reverse("certificates:verify", args=[certificate.code]),
            }
        )
    return rows


@require_GET
@login_required
def my_certificates(request):
    rows = _rows(people.certificates_of(user=request.user))
    return render(request, "certificates/my_certificates.html", {"rows": rows})


def home_panel(request) -> HomePanel | None:
    """The "My certificates" panel of the home page, for anyone who holds at least one."""
    # Certificates are earned by library staff; people without a library (programme
    # admins) still find the page in the menu, and their home page costs no extra query.
    profile = staff_profile_for(request.user)
    if profile is None or profile.library_id is None:
        return None
    counts = people.certificate_counts(user=request.user)
    if not counts["total"]:
        return None
    return HomePanel(
        title=_("My certificates"),
        order=30,
        rows=[(_("Valid certificates"), counts["valid"]), (_("All certificates"), counts["total"])],
        links=[Link(_("See and download my certificates"), reverse("certificates:mine"))],
    )


def _unavailable(request, *, message, status: int, certificate=None):
    response = render(
        request,
        "certificates/unavailable.html",
        {"message": message, "certificate": certificate},
        status=status,
    )
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _render_now(certificate) -> bool:
    from ..services.rendering import certificate_render

    try:
        return certificate_render(certificate=certificate, attempts=1)
    except Exception:  # noqa: BLE001 - the learner gets "try again soon", the admins a log
        logger.exception("Rendering certificate %s on download failed", certificate.code)
        return False


@require_GET
@login_required
def download(request, code: str):
    certificate = people.certificate_by_code(code)
    # Someone else's certificate looks the same as a missing one: nothing is revealed.
    if certificate is None or not permissions.can_download(request.user, certificate):
        raise Http404
    notice = _STATUS_NOTICE.get(certificate.status)
    if notice is not None:
        return _unavailable(request, message=notice, status=410, certificate=certificate)
    if not certificate.is_rendered:
        # The worker has not reached it yet, or rendering failed: try now, once.
        if not _render_now(certificate):
            return _unavailable(request, message=PDF_NOT_READY, status=503, certificate=certificate)
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"sertifikat-{certificate.code}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _subject_or_404(kind, subject_type_id: int, subject_id: int):
    try:
        content_type = ContentType.objects.get_for_id(subject_type_id)
    except ContentType.DoesNotExist:
        raise Http404 from None
    model = content_type.model_class()
    subjects = kind.subjects()
    if model is None or not issubclass(model, subjects.model):
        raise Http404
    subject = model._default_manager.filter(pk=subject_id).first()
    if subject is None:
        raise Http404
    return subject


@require_GET
@login_required
def bundle(request, kind: str, subject_type_id: int, subject_id: int):
    achievement_kind = achievement_kinds().get(kind)
    if achievement_kind is None:
        raise Http404
    subject = _subject_or_404(achievement_kind, subject_type_id, subject_id)
    if not permissions.can_download_bundle(request.user, achievement_kind, subject):
        raise PermissionDenied
    certificates = list(people.valid_certificates_for(kind=kind, subject=subject))
    if not certificates:
        return _unavailable(request, message=NOTHING_TO_BUNDLE, status=404)
    try:
        archive = bundles.write_bundle(certificates)
    except bundles.BundleNotReady:
        return _unavailable(request, message=BUNDLE_NOT_READY, status=503)
    response = FileResponse(
        archive,
        as_attachment=True,
        filename=bundles.bundle_filename(kind=kind, title=str(subject)),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
