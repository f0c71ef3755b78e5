"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from tests.permissions import Row, only, signed_in


def make_objects(role_users) -> dict:
    return {"employee": role_users["employee"].employee}


ROWS: dict[str, Row] = {
    "hr:index": Row(only("hr", "admin")),
    "hr:directory": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
}
