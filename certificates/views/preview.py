"""The live PDF preview of a certificate template in the Wagtail admin."""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from .. import rendering


def template_preview_response(template) -> HttpResponse:
    """The template as a PDF filled with sample data, shown inline in the preview panel.
    The template may be the admin form's unsaved instance."""
    response = HttpResponse(rendering.render_sample(template), content_type="application/pdf")
    filename = f"{slugify(template.name) or 'certificate'}-preview.pdf"
    response["Content-Disposition"] = content_disposition_header(False, filename)
    add_never_cache_headers(response)
    return response
