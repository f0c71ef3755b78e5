"""Access helpers for views: every view declares what it needs.

Anonymous visitors are sent to the login page; signed-in users without the
permission get 403; objects outside what a user may see are 404, so their
existence is not revealed.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def _requiring(perms: tuple[str, ...], allowed):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permissions = perms
        return wrapped

    return decorator


def require_perm(*perms: str):
    """Let a view run only for a signed-in user holding every one of `perms`."""
    return _requiring(perms, lambda user: user.has_perms(perms))


def require_any_perm(*perms: str):
    """Let a view run for a signed-in user holding at least one of `perms`
    (pages that two roles open with different permissions)."""
    return _requiring(perms, lambda user: any(user.has_perm(perm) for perm in perms))
