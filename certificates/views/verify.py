"""The public verification pages: anyone, without signing in, checks a certificate by its
code (typed, or from the QR code on the PDF), checks that a PDF file is an untouched
copy, or asks for the same answer as JSON."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET

from ..models import Certificate
from ..ratelimit import rate_limited
from ..selectors import verify as selectors
from ..verify_forms import MAX_UPLOAD_BYTES, NOT_FOUND, TOO_BIG, CodeForm, UploadForm

# An uploaded file costs as much as several lookups: hashing it is the expensive part.
UPLOAD_COST = 5
# Room for the form fields and multipart boundaries around a file of the largest size.
MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024


def _lookup_cost(request: HttpRequest) -> int:
    # Opening the empty form is not a lookup.
    return 1 if "kode" in request.GET else 0


def _upload_cost(request: HttpRequest) -> int:
    return UPLOAD_COST if request.method == "POST" else 1


def _not_found(request: HttpRequest, typed: str = "") -> HttpResponse:
    """The one answer for unknown and malformed codes alike."""
    form = CodeForm(initial={"kode": typed[:64]})
    return render(
        request,
        "certificates/verify_home.html",
        {"form": form, "not_found": NOT_FOUND},
        status=404,
    )


@require_GET
@rate_limited(cost=_lookup_cost)
def verify_home(request: HttpRequest) -> HttpResponse:
    if "kode" not in request.GET:
        return render(request, "certificates/verify_home.html", {"form": CodeForm()})
    form = CodeForm(request.GET)
    if not form.is_valid():
        if form.has_error("kode", "not_found"):
            return _not_found(request, request.GET.get("kode", ""))
        return render(request, "certificates/verify_home.html", {"form": form}, status=400)
    if not selectors.certificate_exists(form.cleaned_data["kode"]):
        return _not_found(request, request.GET.get("kode", ""))
    return redirect("certificates:verify", code=form.cleaned_data["kode"])


def _render_page(
    request: HttpRequest,
    certificate: Certificate,
    *,
    upload_form: UploadForm | None = None,
    matches: bool | None = None,
    refused: str | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "certificates/verify.html",
        {
            "v": selectors.verification(certificate),
            "upload_form": upload_form or UploadForm(),
            "matches": matches,
            "refused": refused,
        },
        status=status,
    )


@require_GET
@rate_limited()
def verify_page(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_for_code(code)
    if certificate is None:
        return _not_found(request, code)
    if certificate.code != code:  # typed by hand: show the address as printed
        return redirect("certificates:verify", code=certificate.code)
    return _render_page(request, certificate)


@csrf_protect
def _check_upload(request: HttpRequest, certificate: Certificate) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_page(request, certificate, upload_form=form, status=400)
    matches = selectors.copy_matches(certificate, form.sha256)
    return _render_page(request, certificate, matches=matches)


# Exempt only so that an oversized body is refused before the CSRF check would read it
# all; every file that is read goes through _check_upload, which is csrf_protect-ed.
@csrf_exempt
@rate_limited(cost=_upload_cost)
def verify_upload(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_for_code(code)
    if certificate is None:
        return _not_found(request, code)
    if request.method != "POST":
        return redirect("certificates:verify", code=certificate.code)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_UPLOAD_REQUEST_BYTES:
        return _render_page(request, certificate, refused=TOO_BIG, status=413)
    return _check_upload(request, certificate)


def verification_data(certificate: Certificate) -> dict:
    """The machine-readable answer: the verification page as data."""
    v = selectors.verification(certificate)
    superseded_by = None
    if v.superseded_by:
        superseded_by = {"code": v.superseded_by, "url": selectors.verify_url(v.superseded_by)}
    trained_by = None
    if v.trained_by is not None:
        trained_by = [
            {
                "name": t.name,
                "certificate_url": (
                    selectors.verify_url(t.certificate_code) if t.certificate_code else None
                ),
            }
            for t in v.trained_by
        ]
    return {
        "code": v.code,
        "status": v.status,
        "holder": v.holder,
        "achievement": v.achievement,
        "hours": float(v.hours) if v.hours is not None else None,
        "library": v.library,
        "regency": v.regency,
        "issuer": v.issuer,
        "issued_on": v.issued_on.isoformat(),
        "expires_on": v.expires_on.isoformat() if v.expires_on else None,
        "revoked_on": v.revoked_on.isoformat() if v.revoked_on else None,
        "revoke_reason": v.revoke_reason or None,
        "superseded_by": superseded_by,
        "trained_by": trained_by,
        "verify_url": selectors.verify_url(v.code),
        "pdf_sha256": v.pdf_sha256,
    }


def _public_json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only data: verifiers running in a browser elsewhere may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@rate_limited(as_json=True)
def verify_json(request: HttpRequest, code: str) -> JsonResponse:
    certificate = selectors.certificate_for_code(code)
    if certificate is None:
        return _public_json({"status": "not_found"}, status=404)
    return _public_json(verification_data(certificate))
