"""The report framework: a report is computed once and rendered many ways.

An app registers its reports in `<app>/reports.py` (found by
`reports_autodiscover()` when the apps are ready, the way Django admin finds
`admin.py`; the core imports no department):

    @register_report
    class ProfitAndLoss(Report):
        key = "accounting.profit_and_loss"
        name = _("Profit and loss")
        permission = "accounting.view_account"
        form_class = PeriodForm
        def compute(self, params) -> ReportResult: ...

`compute` returns one `ReportResult` (columns, rows of typed cells); the web
page, CSV, XLSX and PDF are all drawn from it, so the files carry the
screen's figures. Percentages are numbers (12.5 is 12.5 %) or `NotApplicable`
with the reason, never a division by a zero or negative base. Run as a job
(`report_job_start`), the result and its files are stored with the `Job`
(who, parameters, when) and listed in "My reports"; the files are served
only to a requester who may still run the report.
"""

import csv
import io
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice.errors import JobError
from backoffice.jobs import job_handler

MONEY, PERCENT, TEXT, CODE, DATE, NUMBER = "money", "percent", "text", "code", "date", "number"
FORMATS = ("csv", "xlsx", "pdf")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
JOB_KIND = "backoffice.report"


@dataclass(frozen=True)
class NotApplicable:
    """A figure that cannot be computed, and why ("n/a: no base")."""

    reason: str

    def __str__(self):
        return _("n/a (%(reason)s)") % {"reason": self.reason}


@dataclass
class Column:
    key: str
    label: str
    kind: str = MONEY


@dataclass
class Row:
    """One line of a report: `cells` by column key; `style` is "line", "section",
    "total" or "grand"; `kind` overrides the columns' kind (a margin row holds
    percentages); `links` maps a column key to the address its figure opens."""

    cells: dict
    style: str = "line"
    kind: str = ""
    links: dict = field(default_factory=dict)
    anchor: str = ""


@dataclass
class ReportResult:
    title: str
    subtitle: str
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    checks: dict = field(default_factory=dict)

    def kind_of(self, row: Row, column: Column) -> str:
        if column.kind in (MONEY, PERCENT) and row.kind:
            return row.kind
        return column.kind

    def to_json(self) -> dict:
        def encode(value):
            if isinstance(value, Decimal):
                return {"d": str(value)}
            if isinstance(value, date):
                return {"date": value.isoformat()}
            if isinstance(value, NotApplicable):
                return {"na": value.reason}
            return value

        data = asdict(self)
        for row in data["rows"]:
            row["cells"] = {key: encode(value) for key, value in row["cells"].items()}
        data["checks"] = {key: encode(value) for key, value in self.checks.items()}
        return data

    @classmethod
    def from_json(cls, data: dict) -> "ReportResult":
        def decode(value):
            if isinstance(value, dict):
                if "d" in value:
                    return Decimal(value["d"])
                if "date" in value:
                    return date.fromisoformat(value["date"])
                if "na" in value:
                    return NotApplicable(value["na"])
            return value

        rows = [
            Row(**{**row, "cells": {k: decode(v) for k, v in row["cells"].items()}})
            for row in data["rows"]
        ]
        return cls(
            title=data["title"],
            subtitle=data["subtitle"],
            columns=[Column(**column) for column in data["columns"]],
            rows=rows,
            notes=data.get("notes", []),
            checks={k: decode(v) for k, v in data.get("checks", {}).items()},
        )


def growth(current: Decimal, base: Decimal) -> Decimal | NotApplicable:
    """The change from `base` to `current` in percent, or why there is none."""
    if base == 0:
        return NotApplicable(_("no figure in the base period"))
    if base < 0:
        return NotApplicable(_("the base is negative"))
    return ((current - base) * 100 / base).quantize(Decimal("0.1"))


def share(part: Decimal, whole: Decimal) -> Decimal | NotApplicable:
    """`part` as a percentage of `whole` (a margin), computed from the totals."""
    if whole == 0:
        return NotApplicable(_("no revenue"))
    if whole < 0:
        return NotApplicable(_("the base is negative"))
    return (part * 100 / whole).quantize(Decimal("0.1"))


class Report:
    key: str = ""
    name = ""
    permission: str = ""
    form_class: type[forms.Form] = forms.Form
    template = "backoffice/reports/result.html"

    def form(self, data=None) -> forms.Form:
        """The parameters form, always bound: to `data`, else to the defaults."""
        return self.form_class(data if data is not None else self.defaults())

    def defaults(self):
        from django.http import QueryDict

        return QueryDict(mutable=True)

    def params_from(self, form: forms.Form) -> dict:
        """The cleaned parameters as JSON (stored with a job)."""
        return {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in form.cleaned_data.items()
        }

    def compute(self, params: dict) -> ReportResult:
        raise NotImplementedError

    def allowed(self, user) -> bool:
        return user.has_perm(self.permission)


_reports: dict[str, Report] = {}


def register_report(cls):
    if cls.key in _reports:
        raise ValueError(f"Two reports are called {cls.key!r}.")
    _reports[cls.key] = cls()
    return cls


def report_for(key: str) -> Report | None:
    return _reports.get(key)


def reports_for(user) -> list[Report]:
    return sorted((r for r in _reports.values() if r.allowed(user)), key=lambda r: str(r.name))


def reports_autodiscover() -> None:
    autodiscover_modules("reports")


# Renderings -------------------------------------------------------------------


def _plain(value, kind: str) -> str:
    """A cell as text for CSV: numbers with a point, no grouping, no currency."""
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if kind == PERCENT and isinstance(value, Decimal):
        return f"{value}%"
    return str(value)


def render_csv(result: ReportResult) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.label for column in result.columns])
    for row in result.rows:
        writer.writerow(
            [
                _plain(row.cells.get(column.key), result.kind_of(row, column))
                for column in result.columns
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_xlsx(result: ReportResult) -> bytes:
    """Numbers as numbers (money to the cent, percentages as fractions shown
    with %), dates as dates, codes as text (a code keeps its leading zeros)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = result.title[:31]
    sheet.append([result.title])
    sheet.append([result.subtitle])
    sheet.append([column.label for column in result.columns])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in result.rows:
        values = []
        for column in result.columns:
            value = row.cells.get(column.key)
            kind = result.kind_of(row, column)
            if isinstance(value, NotApplicable):
                value = str(value)
            elif kind == PERCENT and isinstance(value, Decimal):
                value = value / 100
            values.append(value)
        sheet.append(values)
        for column, cell in zip(result.columns, sheet[sheet.max_row], strict=True):
            kind = result.kind_of(row, column)
            if isinstance(cell.value, (Decimal, int, float)):
                cell.number_format = "0.0%" if kind == PERCENT else "#,##0.00"
            elif kind == CODE:
                cell.number_format = "@"
                cell.data_type = "s"
            elif kind == DATE:
                cell.number_format = "yyyy-mm-dd"
            if row.style in ("total", "grand", "section"):
                cell.font = Font(bold=True)
    for note in result.notes:
        sheet.append([note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render_html(result: ReportResult, report: Report) -> str:
    return render_to_string(report.template, {"result": result, "report": report})


def render_pdf(result: ReportResult, report: Report) -> bytes:
    from weasyprint import HTML

    html = render_to_string("backoffice/reports/pdf.html", {"result": result, "report": report})
    return HTML(string=html).write_pdf()


def render_file(result: ReportResult, report: Report, fmt: str) -> bytes:
    if fmt == "csv":
        return render_csv(result)
    if fmt == "xlsx":
        return render_xlsx(result)
    if fmt == "pdf":
        return render_pdf(result, report)
    raise ValueError(fmt)


def filename(report: Report, params: dict, fmt: str) -> str:
    stamp = "-".join(str(value) for value in params.values() if value not in (None, "", False))
    base = report.key.rsplit(".", 1)[-1].replace("_", "-")
    return f"{base}{'-' + stamp if stamp else ''}.{fmt}"


# Runs as jobs ---------------------------------------------------------------


def report_job_run(*, job, progress) -> dict:
    """Compute once, write every file, keep the figures with the job."""
    report = report_for(job.params.get("report", ""))
    if report is None or not report.allowed(job.requested_by):
        raise PermissionError(_("You may not run this report."))
    progress.start(1 + len(FORMATS))
    result = report.compute(job.params["params"])
    progress.advance(1)
    files = {}
    for fmt in FORMATS:
        name = filename(report, job.params["params"], fmt)
        path = default_storage.save(
            f"reports/{job.pk}/{name}", ContentFile(render_file(result, report, fmt))
        )
        files[fmt] = path
        progress.advance(1)
    job.result_file.name = files["xlsx"]
    return {"report": report.key, "files": files, "figures": result.to_json()}


job_handler(JOB_KIND, label=gettext_lazy("Report"))(report_job_run)


def report_job_start(*, by, report: Report, params: dict):
    """Run `report` in the background; its files appear in "My reports"."""
    from backoffice.services import job_start

    if not report.allowed(by):
        raise JobError(_("You may not run this report."))
    return job_start(
        kind=JOB_KIND, requested_by=by, params={"report": report.key, "params": params}
    )


def report_runs_of(user):
    """The user's stored report runs, newest first ("My reports")."""
    from backoffice.models import Job

    return Job.objects.filter(kind=JOB_KIND, requested_by=user).order_by("-created_at")


def report_run_file(*, user, job_id, fmt: str) -> tuple[str, Report]:
    """The stored file of a run, for its requester while they may run the report."""
    from django.http import Http404

    from backoffice.models import Job

    job = Job.objects.filter(
        pk=job_id, kind=JOB_KIND, requested_by=user, status=Job.Status.SUCCEEDED
    ).first()
    report = report_for(job.params.get("report", "")) if job else None
    path = (job.result.get("files") or {}).get(fmt) if job else None
    if report is None or path is None or not report.allowed(user):
        raise Http404
    return path, report
