"""The payroll register as an XLSX workbook: the register sheet (one row per
payslip, one column per line code, a totals row) and the cost by department."""

import io

from django.utils.translation import gettext as _

MONEY_FORMAT = "#,##0.00"


def _sheet(workbook, title: str, header: list, rows: list[list], money_from: int):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2, min_col=money_from + 1):
        for cell in cells:
            cell.number_format = MONEY_FORMAT
    sheet.freeze_panes = "A2"
    return sheet


def payroll_register_xlsx(*, register: dict, costs: dict) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    header = [_("Employee number"), _("Name"), _("Department")]
    header += [column["code"] for column in register["columns"]]
    header += [_("Gross"), _("Deductions"), _("Net"), _("Employer cost")]
    money = ("gross", "deductions", "net", "employer_cost")
    rows = [
        [row["employee_number"], row["name"], row["department"], *row["lines"]]
        + [row[key] for key in money]
        for row in register["rows"]
    ]
    totals = register["totals"]
    rows.append([_("Total"), "", "", *totals["lines"]] + [totals[key] for key in money])
    _sheet(workbook, _("Register"), header, rows, money_from=3)

    metrics = ("gross", "employer_contributions", "employer_cost")
    header = [_("Department"), _("Headcount"), _("Gross"), _("Employer contributions")]
    header.append(_("Employer cost"))
    rows = [
        [row["department__name"] or _("No department"), row["headcount"]]
        + [row[key] for key in metrics]
        for row in costs["rows"]
    ]
    rows.append([_("Total"), costs["total"]["headcount"]] + [costs["total"][k] for k in metrics])
    _sheet(workbook, _("Cost by department"), header, rows, money_from=2)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
