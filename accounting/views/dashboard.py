from django.shortcuts import render
from django.urls import reverse

from accounting.selectors.dashboard import financial_dashboard
from backoffice.permissions import require_perm


@require_perm("backoffice.view_dashboard")
def dashboard(request):
    """Company figures for managers: never anyone's pay, only totals."""
    data = financial_dashboard()
    report = reverse("backoffice:report-detail", kwargs={"key": "accounting.profit_and_loss"})
    chart = {
        "labels": [row["month"].strftime("%Y-%m") for row in data["months"]],
        "revenue": [str(row["revenue"]) for row in data["months"]],
        "expenses": [str(row["expenses"]) for row in data["months"]],
        "profit": [str(row["profit"]) for row in data["months"]],
    }
    return render(
        request,
        "accounting/dashboard.html",
        {
            **data,
            "chart": chart,
            "pnl_url": f"{report}?month={data['report_month']}&months=12",
            "balance_sheet_url": reverse(
                "backoffice:report-detail", kwargs={"key": "accounting.balance_sheet"}
            )
            + f"?month={data['report_month']}&months=1",
        },
    )
