from django.utils.functional import SimpleLazyObject

from backoffice.navigation import areas_for
from backoffice.selectors import notification_unread_count


def navigation(request):
    """The top bar: the departments the user may open and their unread count.

    Lazy, so pages that do not draw the bar (JSON, fragments) pay nothing.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_areas": SimpleLazyObject(lambda: areas_for(user)),
        "nav_unread": SimpleLazyObject(lambda: notification_unread_count(user)),
    }
