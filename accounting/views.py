from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from accounting import selectors
from accounting.models import Account
from backoffice.permissions import require_perm

LEDGER_PAGE_SIZE = 50


@require_perm("backoffice.access_accounting")
def index(request):
    return render(request, "accounting/index.html")


@require_perm("accounting.view_account")
def account_list(request):
    return render(
        request, "accounting/account_list.html", {"accounts": selectors.chart_of_accounts()}
    )


@require_perm("accounting.view_account", "accounting.view_journalentry")
def account_ledger(request, pk):
    account = get_object_or_404(Account, pk=pk)
    page = Paginator(selectors.account_ledger(account=account), LEDGER_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "accounting/account_ledger.html", {"account": account, "page": page})
