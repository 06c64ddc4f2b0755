"""Sign-in by username or e-mail address: staff often remember only one of the two."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            matches = list(
                get_user_model()._default_manager.filter(email__iexact=username.strip())[:2]
            )
            # An address shared by two accounts identifies neither.
            if len(matches) == 1:
                username = matches[0].get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)
