"""Digital signatures: with a key and certificate configured every stored PDF carries a
pyHanko signature that validates against that certificate; without them PDFs are stored
unsigned and everything else works."""

import datetime
import hashlib
import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.test import override_settings
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from certificates import rendering, signing
from certificates.models import Rendition
from certificates.services.rendering import certificate_store_pdf

from . import factories

pytestmark = pytest.mark.django_db


def make_key_and_certificate(folder, passphrase: str = ""):
    """A self-signed signing certificate, as PEM files, like an issuer would configure."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sebaya uji")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


@pytest.fixture
def certificate(learner, village_library, certificate_template):
    return factories.certificate(recipient=learner, subject=village_library)


def stored_bytes(certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def signature_status(pdf: bytes, cert_path: str):
    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    context = ValidationContext(trust_roots=[load_cert_from_pemder(cert_path)])
    return validate_pdf_signature(signatures[0], context)


@pytest.mark.parametrize("passphrase", ["", "rahasia-uji"])
def test_with_a_key_the_stored_pdf_carries_a_valid_signature(certificate, tmp_path, passphrase):
    key_path, cert_path = make_key_and_certificate(tmp_path, passphrase)
    with override_settings(
        CERTIFICATE_SIGNING_KEY=key_path,
        CERTIFICATE_SIGNING_CERT=cert_path,
        CERTIFICATE_SIGNING_PASSPHRASE=passphrase,
    ):
        assert signing.signing_configured()
        certificate_store_pdf(certificate=certificate, pdf=rendering.render_pdf(certificate))

    pdf = stored_bytes(certificate)
    status = signature_status(pdf, cert_path)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    # The digest the verification page checks is the signed file's.
    assert certificate.sha256 == hashlib.sha256(pdf).hexdigest()
    assert Rendition.objects.get(certificate=certificate).signed is True
    # Signing adds to the file; the certificate still reads the same.
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert certificate.code in text


def test_an_edited_signed_pdf_no_longer_validates(certificate, tmp_path):
    key_path, cert_path = make_key_and_certificate(tmp_path)
    with override_settings(CERTIFICATE_SIGNING_KEY=key_path, CERTIFICATE_SIGNING_CERT=cert_path):
        signed = signing.sign(rendering.render_pdf(certificate))
    position = (
        signed.index(certificate.code.encode()) if certificate.code.encode() in signed else 200
    )
    edited = signed[:position] + bytes([signed[position] ^ 1]) + signed[position + 1 :]

    assert not signature_status(edited, cert_path).intact


def test_a_signature_from_another_key_is_not_trusted(certificate, tmp_path):
    key_path, cert_path = make_key_and_certificate(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    _other_key, other_cert = make_key_and_certificate(other)
    with override_settings(CERTIFICATE_SIGNING_KEY=key_path, CERTIFICATE_SIGNING_CERT=cert_path):
        signed = signing.sign(rendering.render_pdf(certificate))

    status = signature_status(signed, other_cert)
    assert status.intact and not status.trusted


def test_without_a_key_pdfs_are_stored_unsigned(certificate):
    assert not signing.signing_configured()
    pdf = rendering.render_pdf(certificate)

    certificate_store_pdf(certificate=certificate, pdf=pdf)

    stored = stored_bytes(certificate)
    assert stored == pdf
    assert PdfFileReader(io.BytesIO(stored)).embedded_signatures == []
    assert Rendition.objects.get(certificate=certificate).signed is False


def test_an_unreadable_key_is_a_clear_error(certificate, tmp_path):
    (tmp_path / "key.pem").write_text("not a key")
    (tmp_path / "cert.pem").write_text("not a certificate")
    with override_settings(
        CERTIFICATE_SIGNING_KEY=str(tmp_path / "key.pem"),
        CERTIFICATE_SIGNING_CERT=str(tmp_path / "cert.pem"),
    ):
        with pytest.raises(signing.SigningError):
            signing.sign(rendering.render_pdf(certificate))
