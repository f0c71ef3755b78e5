"""The vocabulary of the permission matrix, shared by every app's rows."""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import ROLE_OF_USER

ROLES = list(ROLE_OF_USER)
ANON = "anonymous"
EVERYONE = [*ROLES, ANON]


def only(*allowed, ok=200, other=403, anon=302):
    """`allowed` roles get `ok`, other roles `other`, anonymous visitors `anon`."""
    return {role: ok if role in allowed else other for role in ROLES} | {ANON: anon}


def signed_in(ok=200, anon=302):
    return only(*ROLES, ok=ok, anon=anon)


def public(status=200):
    return dict.fromkeys(EVERYONE, status)


@dataclass
class Row:
    """The answer each role gets from one named URL.

    `kwargs` builds the URL's arguments from the objects the rows' modules
    create (see `make_objects` in each `permission_rows.py`).
    """

    expect: dict[str, int]
    kwargs: Callable[[dict], dict] = field(default=lambda objects: {})
    method: str = "get"
