"""Open Badges 2.0 hosted verification: the documents a badge verifier fetches, as
JSON-LD, and the badge image. Public, no sign-in."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .. import openbadges
from ..models import Certificate
from ..ratelimit import rate_limited
from ..selectors import verify as selectors


def _ld_json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data,
        status=status,
        content_type=openbadges.CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@rate_limited(as_json=True)
def assertion(request: HttpRequest, code: str) -> JsonResponse:
    certificate = selectors.certificate_for_code(code)
    if certificate is None:
        return _ld_json({"status": "not_found"}, status=404)
    if certificate.status == Certificate.Status.REVOKED:
        # Hosted verification: a revoked assertion answers 410 Gone with the reason.
        return _ld_json(openbadges.revoked_assertion(certificate), status=410)
    return _ld_json(openbadges.assertion(certificate))


@require_GET
def issuer(request: HttpRequest) -> JsonResponse:
    return _ld_json(openbadges.issuer_profile())


def _badge_certificate(kind: str, subject_type_id: int, subject_id: int) -> Certificate:
    certificate = selectors.badge_certificate(
        kind=kind, subject_type_id=subject_type_id, subject_id=subject_id
    )
    if certificate is None:
        raise Http404
    return certificate


@require_GET
def badge_class(request: HttpRequest, kind: str, subject_type_id: int, subject_id: int):
    certificate = selectors.badge_certificate(
        kind=kind, subject_type_id=subject_type_id, subject_id=subject_id
    )
    if certificate is None:
        return _ld_json({"status": "not_found"}, status=404)
    return _ld_json(openbadges.badge_class(certificate))


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def badge_image(request: HttpRequest, kind: str, subject_type_id: int, subject_id: int):
    certificate = _badge_certificate(kind, subject_type_id, subject_id)
    return HttpResponse(
        openbadges.badge_image_svg(certificate.achievement_title),
        content_type="image/svg+xml; charset=utf-8",
    )
