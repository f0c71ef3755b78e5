from datetime import date, timedelta
from decimal import Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.ledger import DateRangeForm, EntryForm, LineFormSet, PeriodReopenForm
from accounting.models.ledger import Account, FiscalPeriod, JournalEntry
from accounting.selectors import ledger as ledger_selectors
from accounting.services import ledger as ledger_services
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm

LEDGER_PAGE_SIZE = 50


@require_perm("backoffice.access_accounting")
def index(request):
    return render(request, "accounting/index.html")


@require_perm("accounting.view_account")
def account_list(request):
    return render(
        request, "accounting/account_list.html", {"accounts": ledger_selectors.chart_of_accounts()}
    )


def _month_of(day: date) -> tuple[date, date]:
    start = day.replace(day=1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _date_range(request) -> tuple[DateRangeForm, date | None, date | None]:
    """The range asked for in the query string; this month when none is."""
    if "start" not in request.GET and "end" not in request.GET:
        start, end = _month_of(timezone.localdate())
        return DateRangeForm(initial={"start": start, "end": end}), start, end
    form = DateRangeForm(request.GET)
    if not form.is_valid():
        start, end = _month_of(timezone.localdate())
        return form, start, end
    return form, form.cleaned_data["start"], form.cleaned_data["end"]


@require_perm("accounting.view_account", "accounting.view_journalentry")
def account_ledger(request, pk):
    account = get_object_or_404(Account, pk=pk)
    form, start, end = _date_range(request)
    opening, lines = ledger_selectors.account_ledger(
        account=account,
        start=start,
        end=end,
        with_payroll=ledger_selectors.reads_payroll(request.user),
    )
    page = Paginator(lines, LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounting/account_ledger.html",
        {
            "account": account,
            "page": page,
            "form": form,
            "start": start,
            "end": end,
            "opening": opening,
            "querystring": querystring_without_page(request),
            "periods": FiscalPeriod.objects.order_by("-start")[:24],
        },
    )


@require_perm("accounting.view_account", "accounting.view_journalentry")
def trial_balance(request):
    form, start, end = _date_range(request)
    start = start or date(1900, 1, 1)
    end = end or timezone.localdate()
    rows = ledger_selectors.trial_balance(
        start=start, end=end, with_payroll=ledger_selectors.reads_payroll(request.user)
    )
    totals = {
        "debit": sum((row.period_debit for row in rows), Decimal("0.00")),
        "credit": sum((row.period_credit for row in rows), Decimal("0.00")),
    }
    return render(
        request,
        "accounting/trial_balance.html",
        {
            "rows": rows,
            "form": form,
            "start": start,
            "end": end,
            "totals": totals,
            "periods": FiscalPeriod.objects.order_by("-start")[:24],
        },
    )


@require_perm("accounting.view_fiscalperiod")
def period_list(request):
    periods = FiscalPeriod.objects.select_related("fiscal_year", "closed_by")
    return render(
        request,
        "accounting/period_list.html",
        {"periods": periods, "reopen_form": PeriodReopenForm()},
    )


@require_POST
@require_perm("accounting.change_fiscalperiod")
def period_close(request, pk):
    period = get_object_or_404(FiscalPeriod, pk=pk)
    try:
        ledger_services.fiscal_period_close(by=request.user, period=period)
    except ledger_services.LedgerError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The period %(period)s is closed.") % {"period": period})
    return redirect("accounting:period-list")


@require_POST
@require_perm("accounting.reopen_fiscalperiod")
def period_reopen(request, pk):
    period = get_object_or_404(FiscalPeriod, pk=pk)
    form = PeriodReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the period is reopened."))
        return redirect("accounting:period-list")
    try:
        ledger_services.fiscal_period_reopen(
            by=request.user, period=period, reason=form.cleaned_data["reason"]
        )
    except ledger_services.LedgerError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The period %(period)s is open again.") % {"period": period})
    return redirect("accounting:period-list")


@require_perm("accounting.view_journalentry")
def entry_detail(request, pk):
    entry = get_object_or_404(
        ledger_selectors.entries_visible_to(request.user).select_related(
            "created_by",
            "posted_by",
            "reverses",
            "reversed_by",
            "supplier_bill__supplier",
            "payment_batch",
        ),
        pk=pk,
    )
    lines = list(entry.lines.select_related("account", "department"))
    totals = {
        "debit": sum((line.debit for line in lines), Decimal("0.00")),
        "credit": sum((line.credit for line in lines), Decimal("0.00")),
    }
    return render(
        request,
        "accounting/entry_detail.html",
        {"entry": entry, "lines": lines, "totals": totals},
    )


@require_POST
@require_perm("accounting.post_journalentry")
def entry_post(request, pk):
    entry = get_object_or_404(JournalEntry, pk=pk)
    try:
        ledger_services.journal_entry_post(by=request.user, entry=entry)
    except ledger_services.LedgerError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The entry is posted."))
    return redirect("accounting:entry-detail", pk=entry.pk)


@require_POST
@require_perm("accounting.post_journalentry")
def entry_reverse(request, pk):
    entry = get_object_or_404(JournalEntry, pk=pk)
    try:
        reversal = ledger_services.journal_entry_reverse(
            by=request.user, entry=entry, date=timezone.localdate()
        )
    except ledger_services.LedgerError as exc:
        messages.error(request, str(exc))
        return redirect("accounting:entry-detail", pk=entry.pk)
    messages.success(request, _("The entry is reversed."))
    return redirect("accounting:entry-detail", pk=reversal.pk)


@require_perm("accounting.add_journalentry")
def entry_create(request):
    form = EntryForm(request.POST or None)
    formset = LineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        lines = [
            {
                **line,
                "debit": line.get("debit") or Decimal("0.00"),
                "credit": line.get("credit") or Decimal("0.00"),
            }
            for line in formset.cleaned_data
            if line
        ]
        try:
            entry = ledger_services.journal_entry_create(
                by=request.user, lines=lines, balanced=True, **form.cleaned_data
            )
        except ledger_services.LedgerError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The draft entry is saved."))
            return redirect("accounting:entry-detail", pk=entry.pk)
    return render(request, "accounting/entry_create.html", {"form": form, "formset": formset})
