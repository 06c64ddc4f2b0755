"""Front-end views of the core: sign-in and the role-aware home page."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import home as home_panels
from .selectors import staff_profile_for

WRONG_SIGN_IN = gettext_lazy(
    "The username, e-mail or password is not right. Check them and try again; "
    "the password is case-sensitive."
)


class SignInForm(AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": WRONG_SIGN_IN}


class SignInView(auth_views.LoginView):
    form_class = SignInForm
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
