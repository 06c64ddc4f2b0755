"""Front-end URLs of the certificates app: public verification, Open Badges, a learner's
own certificates and the bundles organisers download."""

from django.urls import path

from .views import badges, learner, verify

app_name = "certificates"

urlpatterns = [
    # Public: anyone, no sign-in.
    path("verifikasi/", verify.verify_home, name="verify_home"),
    path("verifikasi/<str:code>/", verify.verify_page, name="verify"),
    path("verifikasi/<str:code>.json", verify.verify_json, name="verify_json"),
    path("verifikasi/<str:code>/periksa-berkas/", verify.verify_upload, name="verify_upload"),
    # Open Badges 2.0 hosted verification.
    path("verifikasi/<str:code>/open-badge.json", badges.assertion, name="ob_assertion"),
    path("open-badges/penerbit.json", badges.issuer, name="ob_issuer"),
    path(
        "open-badges/lencana/<str:kind>/<int:subject_type_id>-<int:subject_id>.json",
        badges.badge_class,
        name="ob_badge",
    ),
    path(
        "open-badges/lencana/<str:kind>/<int:subject_type_id>-<int:subject_id>.svg",
        badges.badge_image,
        name="ob_badge_image",
    ),
    # Signed-in people.
    path("sertifikat-saya/", learner.my_certificates, name="mine"),
    path("sertifikat/<str:code>.pdf", learner.download, name="download"),
    path(
        "sertifikat/paket/<str:kind>/<int:subject_type_id>-<int:subject_id>.zip",
        learner.bundle,
        name="bundle",
    ),
]
