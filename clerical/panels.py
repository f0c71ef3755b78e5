"""Clerical's cards on the home page."""

from backoffice.registry import home_panel
from clerical.selectors.documents import documents_desk

# Each subject of clerical adds its panels below.


@home_panel(
    "clerical.documents",
    template="clerical/documents/partials/home_documents.html",
    order=35,
    permission="clerical.add_document",
)
def documents_panel(user) -> dict:
    return documents_desk(user)
