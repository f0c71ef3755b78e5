"""Access helpers for views: every view declares what it needs.

Anonymous visitors are sent to the login page; signed-in users without the
permission get 403; objects outside what a user may see are 404, so their
existence is not revealed.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def require_perm(*perms: str):
    """Let a view run only for a signed-in user holding every one of `perms`."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permissions = perms
        return wrapped

    return decorator
