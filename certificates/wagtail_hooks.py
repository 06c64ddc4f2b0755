"""How the certificates app plugs into the site (URLs, menu, home panel, demo data) and
into the Wagtail admin (templates, rules, certificates, batches, renewals)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from lms.achievements import CERTIFICATE_BUNDLE_HOOK
from lms.home import Link

from .admin_views.access import ProgrammeAdminPolicy
from .admin_views.batches import BatchViewSet
from .admin_views.certificates import CertificateViewSet
from .admin_views.issue import IssueViewSet
from .admin_views.renewals import RenewalViewSet
from .admin_views.rules import RuleViewSet
from .admin_views.templates import TemplateViewSet, refuse_deleting_used
from .models import Batch, Certificate, CertificateTemplate, KindRule

# ---- The public site -------------------------------------------------------------


@hooks.register("sebaya_site_urls")
def register_site_urls():
    return [path("", include("certificates.urls"))]


@hooks.register("sebaya_menu_items")
def my_certificates_menu_item(request):
    if not request.user.is_authenticated:
        return None
    return Link(_("My certificates"), reverse("certificates:mine"))


@hooks.register("sebaya_home_panels")
def certificates_panel(request):
    from .views.learner import home_panel

    return home_panel(request)


# After the other apps' demo data, so it certifies what they created.
@hooks.register("sebaya_seed_demo", order=100)
def load_demo_certificates(*, stdout):
    from . import demo

    demo.load(stdout=stdout)


# After the apps whose achievements it certifies.
@hooks.register("sebaya_seed_scale", order=100)
def generate_certificates(run):
    from . import scale

    return scale.generate(run)


@hooks.register(CERTIFICATE_BUNDLE_HOOK)
def certificate_bundle(*, kind, subject, requested_by=None):
    from .bundles import issue_and_bundle

    return issue_and_bundle(kind=kind, subject=subject, requested_by=requested_by)


# ---- The Wagtail admin -----------------------------------------------------------


class CertificatesViewSetGroup(ViewSetGroup):
    """One "Certificates" menu for programme admins; trainers, who use the admin to write
    courses, see none of it."""

    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 210  # with the programme's other admin screens
    items = (
        TemplateViewSet,
        RuleViewSet,
        CertificateViewSet,
        IssueViewSet,
        BatchViewSet,
        RenewalViewSet,
    )


register_permission_policy(CertificateTemplate, ProgrammeAdminPolicy(CertificateTemplate))
register_permission_policy(KindRule, ProgrammeAdminPolicy(KindRule))
register_permission_policy(Certificate, ProgrammeAdminPolicy(Certificate, actions=["view"]))
register_permission_policy(Batch, ProgrammeAdminPolicy(Batch, actions=["view"]))
register_snippet(CertificatesViewSetGroup)


@hooks.register("before_delete_snippet")
def keep_templates_in_use(request, instances):
    return refuse_deleting_used(request, instances)


@hooks.register("sebaya_monitoring_figures")
def register_figures():
    from . import figures

    return figures.metrics()
