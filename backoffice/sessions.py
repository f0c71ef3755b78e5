"""Sessions end after SESSION_IDLE_TIMEOUT without a request and SESSION_ABSOLUTE_TIMEOUT in all.

The absolute limit is the cookie's age (SESSION_COOKIE_AGE), counted from the
login here too, so a session that keeps being used still ends. Logging in
rotates the session key (Django's `login`); a changed password or a
deactivated account ends the person's other sessions (Django checks the
password hash and `is_active` on every request).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

LOGIN_AT = "backoffice.login_at"
SEEN_AT = "backoffice.seen_at"
SEEN_GRANULARITY = 60  # seconds: the session is written at most once a minute for this


@receiver(user_logged_in, dispatch_uid="backoffice.sessions.logged_in")
def _stamp_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            login_at = request.session.get(LOGIN_AT, now)
            seen_at = request.session.get(SEEN_AT, now)
            idle = settings.SESSION_IDLE_TIMEOUT.total_seconds()
            total = settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            if now - seen_at > idle or now - login_at > total:
                logout(request)
            elif now - seen_at >= SEEN_GRANULARITY or SEEN_AT not in request.session:
                request.session[SEEN_AT] = now
                request.session.setdefault(LOGIN_AT, now)
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """Pages for a signed-in person are never kept by a browser or a proxy cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
