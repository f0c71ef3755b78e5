"""Fields every department declares the same way."""

from django.conf import settings
from django.db import models


def actor_field(verbose_name, *, null: bool = False, on_delete=models.PROTECT):
    """The person who did something to a record (`approved_by`, `posted_by`, ...).

    Paired with a `<action>_at` DateTimeField; `backoffice.workflow.transition`
    fills both when it is given `stamp="<action>"`. No reverse accessor: a user
    is never asked for "every bill I approved" through the ORM relation.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=null,
        blank=null,
        related_name="+",
        verbose_name=verbose_name,
    )
