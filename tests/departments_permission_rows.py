"""Rows of the permission matrix for the departments still at their landing page.

Each moves to `tests/<app>/permission_rows.py` when its app grows.
"""

from tests.permissions import Row, only

ROWS: dict[str, Row] = {
    "clerical:index": Row(only("clerk", "admin")),
}
