"""Front-end views of the core: sign-in and the role-aware home page."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import home as home_panels
from .selectors import staff_profile_for


class SignInView(auth_views.LoginView):
    # A signed-in person who opens the sign-in page goes home instead of signing in twice.
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out. See you next time."))
        return response


@login_required
def home(request):
    return render(
        request,
        "lms/home.html",
        {
            "profile": staff_profile_for(request.user),
            "panels": home_panels.panels_for(request),
        },
    )
