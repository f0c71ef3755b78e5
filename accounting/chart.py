"""The standard chart of accounts and the accounts each posting uses.

The chart is a small-business subset of the Romanian general chart of
accounts (OMFP 1802/2014): the company runs in Romania and its payroll
posts to Romanian liability accounts. Accountants extend it in the
browser or the admin; `chart_of_accounts_install` only adds what is
missing and never renames or removes an account in use.

Postings never hard-code a code: they ask `account_for(role)`, and a site
can point a role at another account with `settings.ACCOUNTING_ACCOUNTS`.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounting.models.ledger import Account

ASSET, LIABILITY, EQUITY, INCOME, EXPENSE = (
    Account.Type.ASSET,
    Account.Type.LIABILITY,
    Account.Type.EQUITY,
    Account.Type.INCOME,
    Account.Type.EXPENSE,
)

# (code, name, type, parent code); parents come before their children.
# Names are marked for translation and stored in the language active at install.
STANDARD_CHART: list[tuple[str, str, str, str | None]] = [
    ("10", gettext_noop("Capital and reserves"), EQUITY, None),
    ("1012", gettext_noop("Subscribed capital, paid"), EQUITY, "10"),
    ("117", gettext_noop("Retained earnings"), EQUITY, "10"),
    ("121", gettext_noop("Profit or loss for the year"), EQUITY, "10"),
    ("16", gettext_noop("Loans"), LIABILITY, None),
    ("162", gettext_noop("Long-term bank loans"), LIABILITY, "16"),
    ("21", gettext_noop("Tangible fixed assets"), ASSET, None),
    ("2131", gettext_noop("Equipment and machinery"), ASSET, "21"),
    ("214", gettext_noop("Furniture and office equipment"), ASSET, "21"),
    ("2813", gettext_noop("Accumulated depreciation of equipment"), ASSET, "21"),
    ("3", gettext_noop("Stocks"), ASSET, None),
    ("302", gettext_noop("Consumables"), ASSET, "3"),
    ("371", gettext_noop("Goods for resale"), ASSET, "3"),
    ("40", gettext_noop("Suppliers"), LIABILITY, None),
    ("401", gettext_noop("Suppliers"), LIABILITY, "40"),
    ("404", gettext_noop("Suppliers of fixed assets"), LIABILITY, "40"),
    ("408", gettext_noop("Suppliers, invoices not yet received"), LIABILITY, "40"),
    ("41", gettext_noop("Customers"), ASSET, None),
    ("411", gettext_noop("Customers"), ASSET, "41"),
    ("42", gettext_noop("Employees"), LIABILITY, None),
    ("421", gettext_noop("Salaries payable"), LIABILITY, "42"),
    ("427", gettext_noop("Salary garnishments withheld"), LIABILITY, "42"),
    ("43", gettext_noop("Social contributions"), LIABILITY, None),
    ("4315", gettext_noop("Pension contribution (CAS) payable"), LIABILITY, "43"),
    ("4316", gettext_noop("Health contribution (CASS) payable"), LIABILITY, "43"),
    ("436", gettext_noop("Work insurance contribution (CAM) payable"), LIABILITY, "43"),
    ("44", gettext_noop("State budget"), LIABILITY, None),
    ("444", gettext_noop("Income tax on salaries payable"), LIABILITY, "44"),
    ("4423", gettext_noop("VAT payable"), LIABILITY, "44"),
    ("4424", gettext_noop("VAT recoverable"), ASSET, "44"),
    ("4426", gettext_noop("VAT deductible"), ASSET, "44"),
    ("4427", gettext_noop("VAT collected"), LIABILITY, "44"),
    ("46", gettext_noop("Sundry debtors and creditors"), LIABILITY, None),
    ("462", gettext_noop("Sundry creditors"), LIABILITY, "46"),
    ("473", gettext_noop("Suspense account"), ASSET, "46"),
    ("5", gettext_noop("Cash and bank"), ASSET, None),
    ("5121", gettext_noop("Bank accounts in lei"), ASSET, "5"),
    ("5125", gettext_noop("Card payments in transit"), ASSET, "5"),
    ("5311", gettext_noop("Cash in lei"), ASSET, "5"),
    ("5328", gettext_noop("Other values (vouchers)"), ASSET, "5"),
    ("6", gettext_noop("Expenses"), EXPENSE, None),
    ("602", gettext_noop("Consumables expense"), EXPENSE, "6"),
    ("604", gettext_noop("Non-stock materials"), EXPENSE, "6"),
    ("605", gettext_noop("Energy and water"), EXPENSE, "6"),
    ("607", gettext_noop("Cost of goods sold"), EXPENSE, "6"),
    ("611", gettext_noop("Maintenance and repairs"), EXPENSE, "6"),
    ("612", gettext_noop("Rent"), EXPENSE, "6"),
    ("613", gettext_noop("Insurance premiums"), EXPENSE, "6"),
    ("622", gettext_noop("Commissions and fees"), EXPENSE, "6"),
    ("623", gettext_noop("Advertising"), EXPENSE, "6"),
    ("624", gettext_noop("Transport of goods"), EXPENSE, "6"),
    ("626", gettext_noop("Postage and telecommunications"), EXPENSE, "6"),
    ("627", gettext_noop("Bank charges"), EXPENSE, "6"),
    ("628", gettext_noop("Other third-party services"), EXPENSE, "6"),
    ("635", gettext_noop("Other taxes and duties"), EXPENSE, "6"),
    ("641", gettext_noop("Salaries"), EXPENSE, "6"),
    ("6422", gettext_noop("Meal vouchers granted"), EXPENSE, "6"),
    ("6461", gettext_noop("Work insurance contribution (CAM) expense"), EXPENSE, "6"),
    ("6811", gettext_noop("Depreciation expense"), EXPENSE, "6"),
    ("7", gettext_noop("Income"), INCOME, None),
    ("704", gettext_noop("Services rendered"), INCOME, "7"),
    ("707", gettext_noop("Sales of goods"), INCOME, "7"),
    ("758", gettext_noop("Other operating income"), INCOME, "7"),
    ("766", gettext_noop("Interest income"), INCOME, "7"),
]

# Accounts and groups that hold both sides (the Romanian chart's "A/P"):
# the balance sheet shows them by the side of their balance. Groups 44 and 46
# hold asset accounts (4424, 4426 VAT to recover) beside liabilities.
BIFUNCTIONAL: frozenset[str] = frozenset({"44", "46", "473"})

# What each automatic posting debits or credits, by role.
ACCOUNT_ROLES: dict[str, str] = {
    "payables": "401",
    "vat_deductible": "4426",
    "vat_collected": "4427",
    "bank": "5121",
    "cash": "5311",
    "card_clearing": "5125",
    "vouchers": "5328",
    "sales": "707",
    "stock": "371",
    "cost_of_goods": "607",
    "default_expense": "628",
    "salaries_expense": "641",
    "salaries_payable": "421",
    "garnishments_payable": "427",
    "pension_payable": "4315",
    "health_payable": "4316",
    "income_tax_payable": "444",
    "work_insurance_payable": "436",
    "work_insurance_expense": "6461",
    "meal_vouchers_expense": "6422",
}

# What a line posted for a role says, in words an accountant reads; translated
# into the language of whoever posts (`account_role_label`).
ACCOUNT_ROLE_LABELS: dict[str, str] = {
    "salaries_payable": gettext_noop("Net salaries payable"),
    "garnishments_payable": gettext_noop("Salary garnishments withheld"),
    "pension_payable": gettext_noop("Pension contribution (CAS) withheld"),
    "health_payable": gettext_noop("Health contribution (CASS) withheld"),
    "income_tax_payable": gettext_noop("Income tax on salaries withheld"),
    "work_insurance_payable": gettext_noop("Work insurance contribution (CAM) payable"),
    "work_insurance_expense": gettext_noop("Employer contributions"),
    "meal_vouchers_expense": gettext_noop("Meal vouchers granted"),
    "salaries_expense": gettext_noop("Gross salaries"),
}


def account_role_label(role: str) -> str:
    """The words a posted line of this role carries, in the active language."""
    label = ACCOUNT_ROLE_LABELS.get(role)
    return _(label) if label else account_for(role).name


class ChartError(Exception):
    pass


def account_code_for(role: str) -> str:
    overrides = getattr(settings, "ACCOUNTING_ACCOUNTS", {}) or {}
    try:
        return overrides.get(role) or ACCOUNT_ROLES[role]
    except KeyError:
        raise ChartError(f"Unknown account role {role!r}") from None


def account_for(role: str) -> Account:
    """The active account a posting of this role goes to, or a clear error."""
    code = account_code_for(role)
    account = Account.objects.filter(code=code, is_active=True).first()
    if account is None:
        from accounting.services.ledger import LedgerError

        raise LedgerError(
            _(
                "The ledger has no active account %(code)s for %(role)s; "
                "install the standard chart of accounts or set ACCOUNTING_ACCOUNTS."
            )
            % {"code": code, "role": role}
        )
    return account


def chart_of_accounts_install() -> int:
    """Add the standard accounts that are missing; return how many were added."""
    existing = dict(Account.objects.values_list("code", "pk"))
    added = 0
    for code, name, type_, parent_code in STANDARD_CHART:
        if code in existing:
            continue
        account = Account.objects.create(
            code=code,
            name=_(name),
            type=type_,
            parent_id=existing.get(parent_code),
            is_bifunctional=code in BIFUNCTIONAL,
        )
        existing[code] = account.pk
        added += 1
    return added
