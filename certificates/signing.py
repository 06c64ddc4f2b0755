"""Digital signatures on certificate PDFs (pyHanko), when a key and certificate are set.

Settings: CERTIFICATE_SIGNING_KEY and CERTIFICATE_SIGNING_CERT are paths of PEM files
(the private key and its X.509 certificate), CERTIFICATE_SIGNING_PASSPHRASE the key's
passphrase when it has one. Without a key and certificate PDFs are stored unsigned and
everything else works the same: the SHA-256 check on the verification page does not
need a signature.
"""

import io
import os
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SIGNATURE_FIELD = "SebayaSignature"
REASON = _("Certificate issued and verifiable on Sebaya")
KEY_NOT_LOADED = "The certificate signing key or certificate could not be loaded: {paths}"


class SigningError(Exception):
    pass


def signing_configured() -> bool:
    return bool(settings.CERTIFICATE_SIGNING_KEY and settings.CERTIFICATE_SIGNING_CERT)


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _signer(key_path: str, cert_path: str, passphrase: str, _versions: tuple):
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(
        key_path, cert_path, key_passphrase=passphrase.encode() if passphrase else None
    )
    if signer is None:  # pyHanko logs why and returns nothing
        raise SigningError(KEY_NOT_LOADED.format(paths=f"{key_path}, {cert_path}"))
    return signer


def signer():
    """The configured signer, loaded once per process (again when a file changes)."""
    key, cert = settings.CERTIFICATE_SIGNING_KEY, settings.CERTIFICATE_SIGNING_CERT
    passphrase = settings.CERTIFICATE_SIGNING_PASSPHRASE or ""
    return _signer(key, cert, passphrase, (_mtime(key), _mtime(cert)))


def sign(pdf: bytes) -> bytes:
    """The PDF with an approval signature added as an incremental update: the content
    and text of the certificate stay exactly as rendered."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, reason=str(REASON), md_algorithm="sha256"
    )
    return signers.sign_pdf(writer, metadata, signer=signer()).getvalue()
