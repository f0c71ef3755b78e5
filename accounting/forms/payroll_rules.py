"""Forms of payroll rules: shape only; the services check the whole set."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounting.models.payroll_rules import PayrollBracketTable, PayrollParameter, PayrollRule
from accounting.payroll.engine import HOUR_KINDS
from accounting.services.payroll_rules import PARAMETER_FIELDS, RULE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PayrollCodeListField(forms.CharField):
    """Codes separated by commas or spaces, kept as a list: no expressions."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        codes = [part.strip() for part in text.replace(",", " ").split() if part.strip()]
        for code in codes:
            if not code.replace("_", "").isalnum():
                raise ValidationError(
                    _("%(code)s is not a code: use letters, digits and underscores.")
                    % {"code": code}
                )
        return codes


class PayrollRuleForm(forms.ModelForm):
    base_codes = PayrollCodeListField(
        label=_("base codes"),
        required=False,
        help_text=_("Rule codes, hour kinds (%(kinds)s) or inputs (base_salary, hourly_rate).")
        % {"kinds": ", ".join(HOUR_KINDS)},
    )
    less_codes = PayrollCodeListField(
        label=_("less lines"), required=False, help_text=_("Rule codes taken off the base.")
    )

    class Meta:
        model = PayrollRule
        fields = list(RULE_FIELDS)
        widgets = {
            "effective_from": DATE_INPUT,
            "effective_to": DATE_INPUT,
            "legal_source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, rule_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bracket_table"].queryset = PayrollBracketTable.objects.filter(
            rule_set=rule_set
        )

    def validate_unique(self):
        """The service checks uniqueness and ranges against the whole set."""


class PayrollParameterForm(forms.ModelForm):
    class Meta:
        model = PayrollParameter
        fields = list(PARAMETER_FIELDS)
        widgets = {
            "effective_from": DATE_INPUT,
            "effective_to": DATE_INPUT,
            "legal_source": forms.Textarea(attrs={"rows": 2}),
        }

    def validate_unique(self):
        """The service checks uniqueness and ranges against the whole set."""


def _money(label):
    return forms.DecimalField(
        label=label, min_value=Decimal("0"), max_digits=12, decimal_places=2, initial=0
    )


def _hours(label):
    return forms.DecimalField(
        label=label, min_value=Decimal("0"), max_value=Decimal("744"), decimal_places=2, initial=0
    )


class PayrollTryForm(forms.Form):
    on = forms.DateField(label=_("pay date"), widget=DATE_INPUT)
    base_salary = _money(_("base salary for the period"))
    hourly_rate = _money(_("hourly rate"))
    normal = _hours(_("normal hours"))
    overtime = _hours(_("overtime hours"))
    night = _hours(_("night hours"))
    weekend = _hours(_("weekend hours"))
    holiday = _hours(_("public holiday hours"))
    dependants = forms.IntegerField(label=_("dependants"), min_value=0, max_value=20, initial=0)
    income_tax_exempt = forms.BooleanField(label=_("income-tax exempt"), required=False)
    young_employee = forms.BooleanField(label=_("young employee (under 26)"), required=False)


class PayrollBracketRowsForm(forms.Form):
    """One row a line: key, from, to (or "-" for no limit), value."""

    rows = forms.CharField(
        label=_("rows"),
        widget=forms.Textarea(attrs={"rows": 20, "class": "font-monospace"}),
        help_text=_(
            "One row a line: key, from, to, value separated by spaces or semicolons; "
            'to "-" for no upper limit. Bounds are inclusive, to the cent.'
        ),
    )

    @staticmethod
    def text_of(table) -> str:
        return "\n".join(
            f"{row.key}; {row.lower}; {'-' if row.upper is None else row.upper}; "
            f"{row.value.normalize():f}"
            for row in table.rows.all()
        )

    def clean_rows(self):
        rows, errors = [], []
        lines = self.cleaned_data["rows"].splitlines()
        if len(lines) > 2000:
            raise ValidationError(_("At most 2,000 rows."))
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                rows.append(_bracket_row(line))
            except (ValueError, ArithmeticError):
                errors.append(
                    _("Line %(number)s: expected key; from; to; value, got %(line)s.")
                    % {"number": number, "line": line.strip()[:60]}
                )
        if errors:
            raise ValidationError(errors[:10])
        return rows


def _bracket_row(line: str) -> dict:
    parts = line.replace(";", " ").split()
    if len(parts) != 4:
        raise ValueError(line)
    key, lower, upper, value = parts
    row = {
        "key": int(key),
        "lower": Decimal(lower),
        "upper": None if upper == "-" else Decimal(upper),
        "value": Decimal(value),
    }
    money = [row["lower"]] + ([row["upper"]] if row["upper"] is not None else [])
    if row["key"] < 0 or any(not m.is_finite() or m != m.quantize(Decimal("0.01")) for m in money):
        raise ValueError(line)
    if not row["value"].is_finite() or abs(row["value"]) >= Decimal("1e10"):
        raise ValueError(line)
    return row
