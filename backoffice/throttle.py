"""Throttles on the doors strangers can knock at, counted in the cache (Redis in production).

- Per account, across addresses: django-axes locks a username per address;
  here an account that collects ACCOUNT_FAILURE_LIMIT failed logins from
  anywhere is held for a cool-off that starts at one minute and doubles with
  each new hold, up to ACCOUNT_COOLOFF_MAX, and a successful login clears it.
  The real user waits minutes at most, never hours.
- Per endpoint, for everyone together and per address: the login,
  password-reset and careers application POSTs (RATE_LIMITS in settings). Over
  the limit a request gets a 429 page and reaches no view.

Counters are fixed windows (`cache.add` then `cache.incr`), cheap and
good enough against guessing and flooding.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _account(username: str) -> str:
    return (username or "").strip().lower()[:150]


def account_held(username: str) -> bool:
    return cache.get(f"throttle:held:{_account(username)}") is not None


def _hold(username: str) -> None:
    name = _account(username)
    level = cache.get(f"throttle:level:{name}", 0)
    cooloff = min(timedelta(minutes=2**level), settings.ACCOUNT_COOLOFF_MAX)
    cache.set(f"throttle:held:{name}", True, timeout=int(cooloff.total_seconds()))
    cache.set(f"throttle:level:{name}", level + 1, timeout=24 * 3600)
    cache.delete(f"throttle:fails:{name}")


@receiver(user_login_failed, dispatch_uid="backoffice.throttle.failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    if not username or account_held(username):
        return
    window = int(settings.ACCOUNT_FAILURE_WINDOW.total_seconds())
    if _count(f"throttle:fails:{_account(username)}", window) >= settings.ACCOUNT_FAILURE_LIMIT:
        _hold(username)


@receiver(user_logged_in, dispatch_uid="backoffice.throttle.logged_in")
def _logged_in(sender, request, user, **kwargs):
    name = _account(user.get_username())
    cache.delete_many([f"throttle:fails:{name}", f"throttle:level:{name}"])


class AccountThrottleBackend:
    """First in AUTHENTICATION_BACKENDS: a held account is refused before any password check.

    It has no `get_user`, so sessions (and the test client's force_login) name a real backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and account_held(username):
            raise PermissionDenied


def client_address(request) -> str:
    """The client's address; behind our proxy (BEHIND_PROXY), the one it appended last
    to X-Forwarded-For, since addresses before it are whatever the client claimed.
    django-axes uses it too (AXES_CLIENT_IP_CALLABLE)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = request.resolver_match.view_name
        rule = settings.RATE_LIMITS.get(name)
        if rule is None:
            return None
        per_address, overall, window = rule
        over = _count(f"throttle:rate:{name}:all", window) > overall
        address = client_address(request)
        over = _count(f"throttle:rate:{name}:{address}", window) > per_address or over
        if over:
            response = render(request, "429.html", status=429)
            response["Retry-After"] = str(window)
            return response
        return None
