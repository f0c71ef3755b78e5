"""Accounting's home-page cards."""

from backoffice.registry import home_panel


@home_panel(
    "accounting.finance",
    template="accounting/partials/home_finance.html",
    order=45,
    permission="backoffice.view_dashboard",
)
def finance_panel(user) -> dict:
    """A way in to the financial dashboard and the statements (no query)."""
    return {}
