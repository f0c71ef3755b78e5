"""Who sees which change requests: IT sees all, a business owner the changes to their systems."""

from it_support.models.changes import ChangeRequest

BOARD_COLUMNS = [
    ChangeRequest.Status.DRAFT,
    ChangeRequest.Status.SUBMITTED,
    ChangeRequest.Status.APPROVED,
    ChangeRequest.Status.SCHEDULED,
    ChangeRequest.Status.IMPLEMENTED,
    ChangeRequest.Status.REVIEWED,
]
PER_COLUMN = 30


def changes_visible_to(user):
    rows = ChangeRequest.objects.select_related("system__owner", "requested_by")
    if user.has_perm("it_support.view_changerequest"):
        return rows
    return rows.filter(system__owner__user=user)


def change_board(user) -> list[tuple[str, str, list[ChangeRequest]]]:
    """The newest changes of each open or recent status: one query per column, a fixed count."""
    visible = changes_visible_to(user)
    return [
        (
            status,
            status.label,
            list(visible.filter(status=status).order_by("-created_at")[:PER_COLUMN]),
        )
        for status in BOARD_COLUMNS
    ]
