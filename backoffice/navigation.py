"""The departments a user may open, for the top bar and the home page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from backoffice.roles import AREA_PERMISSIONS


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    url_name: str
    permission: str
    icon: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


AREAS = [
    Area("hr", _("HR"), "hr:index", AREA_PERMISSIONS["hr"], "people"),
    Area("accounting", _("Accounting"), "accounting:index", AREA_PERMISSIONS["accounting"], "cash"),
    Area("it_support", _("IT"), "it_support:index", AREA_PERMISSIONS["it_support"], "pc"),
    Area("clerical", _("Clerical"), "clerical:index", AREA_PERMISSIONS["clerical"], "folder"),
]


def areas_for(user) -> list[Area]:
    if not user.is_authenticated:
        return []
    return [area for area in AREAS if user.has_perm(area.permission)]
