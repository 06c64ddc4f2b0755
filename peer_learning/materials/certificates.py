"""Certificates of attendance: a ZIP of every attendee's certificate, made by whichever
certificates app answers `lms.achievements.certificate_bundle` (peer_learning never
imports one)."""

import io
import zipfile

from django.utils.translation import gettext_lazy as _

from lms import achievements

from ..achievements import ATTENDANCE
from . import common

# The job records it as its error.
NOT_AVAILABLE = _(
    "Certificates of attendance are not available: no certificates app is installed, "
    "or it made no certificates for this meeting."
)

NOBODY_ATTENDED = _("Nobody has checked in yet, so there are no certificates of attendance.")


class CertificatesUnavailable(Exception):
    pass


def render(meeting, progress: common.Progress, *, requested_by=None) -> bytes:
    progress(0, 1)
    bundle = None
    if achievements.certificates_available():
        bundle = achievements.certificate_bundle(
            kind=ATTENDANCE, subject=meeting, requested_by=requested_by
        )
    if not bundle:
        raise CertificatesUnavailable(str(NOT_AVAILABLE))
    bundle = bytes(bundle)
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        if not archive.namelist():
            raise CertificatesUnavailable(str(NOBODY_ATTENDED))
    progress(1, 1)
    return bundle
