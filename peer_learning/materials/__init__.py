"""The generated materials of a meeting: one module per material, each with
`render(meeting, progress) -> bytes`; the package (a ZIP of all of them) is put together
by `peer_learning.services.materials`.

Modules are imported when a material is made, so a web process never imports WeasyPrint.
"""

from importlib import import_module

from lms import achievements

from ..models import MaterialJob

Kind = MaterialJob.Kind

# The modules of this package that make each kind.
MODULES = {
    Kind.AGENDA: "agenda",
    Kind.PARTICIPANTS: "participants",
    Kind.ATTENDANCE: "attendance",
    Kind.BADGES: "badges",
    Kind.STORY_BOOK: "story_book",
    Kind.CERTIFICATES: "certificates",
}
EXTENSIONS = {Kind.CERTIFICATES: "zip", Kind.PACKAGE: "zip"}
CONTENT_TYPES = {"pdf": "application/pdf", "zip": "application/zip"}


def extension(kind: str) -> str:
    return EXTENSIONS.get(kind, "pdf")


def content_type(kind: str) -> str:
    return CONTENT_TYPES[extension(kind)]


def available_kinds() -> list[str]:
    """The kinds this site can make, in the order the page lists them: certificates only
    when a certificates app answers `lms.achievements.certificate_bundle`."""
    kinds = [kind for kind in Kind.values if kind != Kind.PACKAGE]
    if not achievements.certificates_available():
        kinds.remove(Kind.CERTIFICATES)
    return [*kinds, Kind.PACKAGE]


def render(kind: str, meeting, progress, *, requested_by=None) -> bytes:
    module = import_module(f"{__name__}.{MODULES[kind]}")
    if kind == Kind.CERTIFICATES:
        return module.render(meeting, progress, requested_by=requested_by)
    return module.render(meeting, progress)
