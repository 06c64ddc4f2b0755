"""The two forms of the public verification pages: type a code, upload a PDF to check."""

import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from . import codes

NOT_FOUND = _(
    "No certificate has this code. Check the code printed next to the QR code on the "
    "certificate and type it again."
)
NO_CODE = _("Type the code printed on the certificate.")
NO_FILE = _("Choose the certificate's PDF file to check.")
NOT_PDF = _("This file is not a PDF. Upload the certificate's PDF file.")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
TOO_BIG = _("This file is larger than 10 MB, so it cannot be a certificate from Sebaya.")
PDF_MAGIC = b"%PDF-"
# A PDF may start with a little junk before its header; readers look in the first 1 KB.
PDF_HEADER_WINDOW = 1024


class CodeForm(forms.Form):
    kode = forms.CharField(
        label=_("Certificate code"),
        error_messages={"required": NO_CODE},
        help_text=_("For example SBY-7K3P-Q9M2-XW4D. Spaces and small letters are fine."),
        widget=forms.TextInput(
            attrs={
                "autocapitalize": "characters",
                "autocomplete": "off",
                "spellcheck": "false",
                "maxlength": 64,
            }
        ),
    )

    def clean_kode(self) -> str:
        code = codes.normalise(self.cleaned_data["kode"])
        if code is None:
            # The same words as for an unknown code: the answer tells nothing about codes.
            raise forms.ValidationError(NOT_FOUND, code="not_found")
        return code


class UploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Certificate PDF"),
        error_messages={"required": NO_FILE, "empty": NOT_PDF, "invalid": NO_FILE},
        help_text=_("The PDF you received or downloaded, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_BIG, code="too_big")
        digest = hashlib.sha256()
        head = b""
        for chunk in upload.chunks():
            if len(head) < PDF_HEADER_WINDOW:
                head += chunk[: PDF_HEADER_WINDOW - len(head)]
            digest.update(chunk)
        if PDF_MAGIC not in head:
            raise forms.ValidationError(NOT_PDF, code="not_pdf")
        self.cleaned_data["sha256"] = digest.hexdigest()
        return upload

    @property
    def sha256(self) -> str:
        return self.cleaned_data["sha256"]
