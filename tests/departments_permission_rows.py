"""Rows of the permission matrix for the departments still at their landing page.

Each moves to `tests/<app>/permission_rows.py` when its app grows.
"""

from tests.permissions import Row, only

ROWS: dict[str, Row] = {
    "it_support:index": Row(only("it", "admin")),
    "it_support:offboarding-list": Row(only("it", "admin")),
    # HR's "item" (tests/hr/permission_rows.py) is the leaver's first item, IT's equipment.
    "it_support:offboarding-item-done": Row(
        only("it", "admin", ok=302), kwargs=lambda o: {"pk": o["item"].pk}, method="post"
    ),
}
