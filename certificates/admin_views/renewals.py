"""Renewals: certificates that expire soon or expired lately, reminders to their holders
and mentors, and a reissue for each."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from ..models import Certificate
from ..selectors import admin as selectors
from ..services import lifecycle
from .access import ProgrammeAdminMenuItem, ProgrammeAdminViewSetMixin
from .base import AdminPage

REMINDERS_SENT = _("%(count)s reminders sent.")
NOTHING_SENT = _("No reminder sent: everyone chosen was already reminded or has no e-mail.")
NONE_CHOSEN = _("Tick the certificates whose holders should be reminded.")
PER_PAGE = 100


class RenewalsView(AdminPage):
    page_title = _("Renewals")
    header_icon = "time"
    template_name = "certificates/admin/renewals.html"

    def get(self, request):
        today = timezone.localdate()
        page = Paginator(selectors.renewal_list(today), PER_PAGE).get_page(request.GET.get("p"))
        return self.render_to_response(
            self.get_context_data(
                page=page,
                today=today,
                window_end=lifecycle.renewal_window_end(today),
                window_days=lifecycle.RENEWAL_WINDOW_DAYS,
                expired_days=selectors.RECENTLY_EXPIRED_DAYS,
                valid=Certificate.Status.VALID,
            )
        )

    def post(self, request):
        listed = selectors.renewal_list()
        if "all" not in request.POST:
            chosen = [pk for pk in request.POST.getlist("certificate") if pk.isdigit()]
            if not chosen:
                messages.warning(request, NONE_CHOSEN)
                return redirect("certificate_renewals:index")
            listed = listed.filter(pk__in=chosen)
        sent = lifecycle.certificates_send_reminders(certificates=list(listed))
        if sent:
            messages.success(request, REMINDERS_SENT % {"count": sent})
        else:
            messages.warning(request, NOTHING_SENT)
        return redirect("certificate_renewals:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("certificate_renewals:index")
        return context


class RenewalViewSet(ProgrammeAdminViewSetMixin, ViewSet):
    name = "certificate_renewals"
    url_prefix = "certificate-renewals"
    icon = "time"
    menu_label = _("Renewals")
    add_to_admin_menu = False
    menu_item_class = ProgrammeAdminMenuItem

    def get_urlpatterns(self):
        return [path("", self.construct_view(RenewalsView), name="index")]
