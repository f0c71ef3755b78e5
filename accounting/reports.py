"""The financial statements on the report framework (`backoffice/reports.py`).

Profit and loss and balance sheet, each with the previous period and the
same period last year beside it, the change and the growth in percent (or
why there is none). Figures are SQL aggregates over the monthly totals
(`accounting.selectors.statements`); each account's figure opens its ledger
for the period, each summary figure opens the statement with the accounts.
"""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounting.models.ledger import ASSETS, EQUITY, LIABILITIES, RESULT, Account, FiscalYear
from accounting.selectors.statements import (
    EARLIEST,
    Period,
    accounts_by_id,
    net_by_account,
    period_of_months,
    previous_period,
    same_period_last_year,
)
from backoffice.reports import (
    CODE,
    MONEY,
    PERCENT,
    TEXT,
    Column,
    Report,
    ReportResult,
    Row,
    growth,
    register_report,
    share,
)

ZERO = Decimal("0.00")
PERMISSION = "accounting.view_account"
COMPARED = ("current", "previous", "last_year")


class PeriodForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Last month of the period"),
        widget=forms.DateInput(attrs={"type": "month"}),
        help_text=gettext_lazy("Year and month, e.g. 2026-03."),
    )
    months = forms.TypedChoiceField(
        label=gettext_lazy("Length"),
        coerce=int,
        choices=[
            (1, gettext_lazy("One month")),
            (3, gettext_lazy("Three months")),
            (12, gettext_lazy("Twelve months")),
        ],
    )
    detail = forms.BooleanField(label=gettext_lazy("Show the accounts"), required=False)

    def clean_month(self):
        text = self.cleaned_data["month"].strip()
        match = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if not match or not (1 <= int(match[2]) <= 12) or not (1900 < int(match[1]) < 2200):
            raise forms.ValidationError(_("Give a year and month, e.g. 2026-03."))
        return text


def _defaults() -> QueryDict:
    data = QueryDict(mutable=True)
    data.update({"month": timezone.localdate().strftime("%Y-%m"), "months": "1"})
    return data


def _periods(params: dict) -> dict[str, Period]:
    year, month = (int(part) for part in params["month"].split("-"))
    months = int(params["months"])
    last = date(year, month, 1)
    index = year * 12 + month - 1 - (months - 1)
    current = period_of_months(date(index // 12, index % 12 + 1, 1), months)
    assert current.start <= last <= current.end
    return {
        "current": current,
        "previous": previous_period(current),
        "last_year": same_period_last_year(current),
    }


def _label(period: Period) -> str:
    if period.months == 1:
        return date_format(period.start, "YEAR_MONTH_FORMAT")
    first = date_format(period.start, "YEAR_MONTH_FORMAT")
    return f"{first} – {date_format(period.end, 'YEAR_MONTH_FORMAT')}"


def _columns(periods: dict[str, Period], *, at_end: bool = False) -> list[Column]:
    def head(name):
        period = periods[name]
        return date_format(period.end, "SHORT_DATE_FORMAT") if at_end else _label(period)

    return [
        Column("code", _("Code"), CODE),
        Column("name", _("Account"), TEXT),
        Column("current", head("current"), MONEY),
        Column("previous", head("previous"), MONEY),
        Column("change_previous", _("Change"), MONEY),
        Column("growth_previous", _("Growth"), PERCENT),
        Column("last_year", head("last_year"), MONEY),
        Column("change_last_year", _("Change on last year"), MONEY),
        Column("growth_last_year", _("Growth on last year"), PERCENT),
    ]


def _compared(figures: dict[str, Decimal]) -> dict:
    """The three figures with the changes and growth between them."""
    cells = {name: figures[name] for name in COMPARED}
    for base in ("previous", "last_year"):
        cells[f"change_{base}"] = figures["current"] - figures[base]
        cells[f"growth_{base}"] = growth(figures["current"], figures[base])
    return cells


def _ledger_link(account: Account, period: Period) -> str:
    return (
        reverse("accounting:account-ledger", kwargs={"pk": account.pk})
        + "?"
        + urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})
    )


def _detail_link(report_key: str, params: dict, anchor: str) -> str:
    query = {**params, "detail": "on"}
    return (
        reverse("backoffice:report-detail", kwargs={"key": report_key})
        + "?"
        + urlencode({k: v for k, v in query.items() if v not in (None, False)})
        + f"#{anchor}"
    )


class _Statement(Report):
    permission = PERMISSION
    form_class = PeriodForm

    def defaults(self):
        return _defaults()

    def _account_rows(self, accounts, figures_of, periods, link_period) -> list[Row]:
        rows = []
        for account in sorted(accounts, key=lambda a: a.code):
            figures = figures_of(account)
            if not any(figures.values()):
                continue
            cells = {"code": account.code, "name": account.name, **_compared(figures)}
            links = {name: _ledger_link(account, link_period[name]) for name in COMPARED}
            rows.append(Row(cells, links=links))
        return rows


@register_report
class ProfitAndLoss(_Statement):
    key = "accounting.profit_and_loss"
    name = gettext_lazy("Profit and loss")

    def figures(self, params: dict) -> dict:
        """Revenue and expenses per account for each compared period, one query."""
        periods = _periods(params)
        nets = net_by_account(periods)
        accounts = accounts_by_id()
        revenue, expenses = {}, {}
        for account_id, row in nets.items():
            account = accounts[account_id]
            if account.type == Account.Type.INCOME:
                revenue[account] = {name: -row[name] for name in COMPARED}
            elif account.type == Account.Type.EXPENSE:
                expenses[account] = {name: row[name] for name in COMPARED}
        return {"periods": periods, "revenue": revenue, "expenses": expenses}

    def compute(self, params: dict) -> ReportResult:
        data = self.figures(params)
        periods, revenue, expenses = data["periods"], data["revenue"], data["expenses"]
        detail = bool(params.get("detail"))
        totals = {
            "revenue": {n: sum((f[n] for f in revenue.values()), ZERO) for n in COMPARED},
            "expenses": {n: sum((f[n] for f in expenses.values()), ZERO) for n in COMPARED},
        }
        profit = {n: totals["revenue"][n] - totals["expenses"][n] for n in COMPARED}
        rows: list[Row] = []
        for key, label, accounts in (
            ("revenue", _("Revenue"), revenue),
            ("expenses", _("Expenses"), expenses),
        ):
            if detail:
                rows.append(Row({"name": label}, style="section", anchor=key))
                rows += self._account_rows(accounts, accounts.get, periods, periods)
            links = {} if detail else {n: _detail_link(self.key, params, key) for n in COMPARED}
            total_label = _("Total revenue") if key == "revenue" else _("Total expenses")
            rows.append(
                Row({"name": total_label, **_compared(totals[key])}, style="total", links=links)
            )
        rows.append(Row({"name": _("Net profit"), **_compared(profit)}, style="grand"))
        margins = {n: share(profit[n], totals["revenue"][n]) for n in COMPARED}
        rows.append(Row({"name": _("Net margin"), **margins}, style="total", kind=PERCENT))
        return ReportResult(
            title=str(self.name),
            subtitle=_label(periods["current"]),
            columns=_columns(periods),
            rows=rows,
            notes=[
                _("Growth is n/a where the base period has no figure or a negative one."),
                _("The margin is the net profit divided by the total revenue."),
            ],
            checks={"net_profit": profit["current"], "revenue": totals["revenue"]["current"]},
        )


def _year_start(day: date, years: list[FiscalYear]) -> date:
    for year in years:
        if year.start <= day <= year.end:
            return year.start
    return date(day.year, 1, 1)


@register_report
class BalanceSheet(_Statement):
    key = "accounting.balance_sheet"
    name = gettext_lazy("Balance sheet")

    def figures(self, params: dict) -> dict:
        """Balances at the end of each compared period and the result of its
        year, in one query; sections as their reader sees them (owed positive)."""
        periods = _periods(params)
        years = list(FiscalYear.objects.all())
        columns = {}
        for name in COMPARED:
            end = periods[name].end
            columns[name] = Period(EARLIEST, end)
            columns[f"{name}_year"] = Period(_year_start(end, years), end)
        nets = net_by_account(columns)
        accounts = accounts_by_id()
        sections = {ASSETS: {}, LIABILITIES: {}, EQUITY: {}}
        result_year = dict.fromkeys(COMPARED, ZERO)
        result_all = dict.fromkeys(COMPARED, ZERO)
        for account_id, row in nets.items():
            account = accounts[account_id]
            for name in COMPARED:
                balance = row[name]
                section = account.statement_section(balance)
                if section == RESULT:
                    result_all[name] -= balance
                    result_year[name] -= row[f"{name}_year"]
                    continue
                shown = balance if section == ASSETS else -balance
                sections[section].setdefault(account, dict.fromkeys(COMPARED, ZERO))[name] = shown
        earlier = {n: result_all[n] - result_year[n] for n in COMPARED}
        return {
            "periods": periods,
            "sections": sections,
            "result_year": result_year,
            "result_earlier": earlier,
        }

    def compute(self, params: dict) -> ReportResult:
        data = self.figures(params)
        periods, sections = data["periods"], data["sections"]
        detail = bool(params.get("detail"))
        at_end = {name: Period(EARLIEST, periods[name].end) for name in COMPARED}
        totals = {
            key: {n: sum((f[n] for f in sections[key].values()), ZERO) for n in COMPARED}
            for key in sections
        }
        totals[EQUITY] = {
            n: totals[EQUITY][n] + data["result_year"][n] + data["result_earlier"][n]
            for n in COMPARED
        }
        rows: list[Row] = []
        labels = {
            ASSETS: (_("Assets"), _("Total assets")),
            LIABILITIES: (_("Liabilities"), _("Total liabilities")),
            EQUITY: (_("Equity"), _("Total equity")),
        }
        for key in (ASSETS, LIABILITIES, EQUITY):
            heading, total_label = labels[key]
            if detail:
                rows.append(Row({"name": heading}, style="section", anchor=key))
                rows += self._account_rows(sections[key], sections[key].get, periods, at_end)
            if key == EQUITY:
                rows.append(
                    Row(
                        {
                            "name": _("Profit or loss not yet closed, earlier years"),
                            **_compared(data["result_earlier"]),
                        }
                    )
                )
                rows.append(
                    Row({"name": _("Profit or loss of the year"), **_compared(data["result_year"])})
                )
            links = {} if detail else {n: _detail_link(self.key, params, key) for n in COMPARED}
            rows.append(
                Row({"name": total_label, **_compared(totals[key])}, style="total", links=links)
            )
        owed = {n: totals[LIABILITIES][n] + totals[EQUITY][n] for n in COMPARED}
        rows.append(
            Row({"name": _("Total liabilities and equity"), **_compared(owed)}, style="grand")
        )
        return ReportResult(
            title=str(self.name),
            subtitle=_("At %(date)s")
            % {"date": date_format(periods["current"].end, "SHORT_DATE_FORMAT")},
            columns=_columns(periods, at_end=True),
            rows=rows,
            notes=[
                _("Bifunctional accounts are shown by the side of their balance."),
                _("Growth is n/a where the base has no figure or a negative one."),
            ],
            checks={
                "assets": totals[ASSETS]["current"],
                "liabilities_and_equity": owed["current"],
                "result_year": data["result_year"]["current"],
                "result_all": data["result_year"]["current"] + data["result_earlier"]["current"],
            },
        )
