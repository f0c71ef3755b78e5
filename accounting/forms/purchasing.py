"""Forms of purchasing: they check shape; the services check the rules."""

from decimal import Decimal

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounting.models.ledger import Account
from accounting.models.payables import PurchaseOrder, Supplier
from accounting.services.suppliers import SUPPLIER_FIELDS
from accounting.templatetags.quantities import plain_quantity
from backoffice.validators import compact_iban, validate_iban

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SupplierForm(forms.ModelForm):
    class Meta:
        model = Supplier
        fields = list(SUPPLIER_FIELDS)
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "tax_id": {"unique": _("Another supplier already has this tax id.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_expense_account"].queryset = Account.objects.filter(
            is_active=True, type__in=[Account.Type.EXPENSE, Account.Type.ASSET]
        )

    def clean_tax_id(self):
        return "".join(self.cleaned_data["tax_id"].split()).upper()

    def clean_iban(self):
        iban = compact_iban(self.cleaned_data["iban"])
        validate_iban(iban)
        return iban

    def clean_bic(self):
        bic = self.cleaned_data["bic"].strip().upper()
        if bic and not (len(bic) in (8, 11) and bic.isalnum()):
            raise ValidationError(_("A BIC has 8 or 11 letters and digits."))
        return bic


class SupplierFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, tax id or email"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Supplier.Kind.choices)
    is_active = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("true", _("Active")), ("false", _("Inactive"))],
        method="filter_active",
    )

    class Meta:
        model = Supplier
        fields = ["q", "kind", "is_active"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(tax_id__icontains=value) | Q(email__icontains=value)
        )

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "true")


class PurchaseOrderForm(forms.Form):
    supplier = forms.ModelChoiceField(label=_("Supplier"), queryset=Supplier.objects.none())
    order_date = forms.DateField(label=_("Order date"), widget=DATE_INPUT)
    expected_date = forms.DateField(label=_("Expected delivery"), widget=DATE_INPUT, required=False)
    deliver_to = forms.CharField(label=_("Deliver to"), max_length=160, required=False)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, current_supplier: Supplier | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # An inactive supplier stays selectable on the draft that already names them.
        suppliers = Q(is_active=True)
        if current_supplier is not None:
            suppliers |= Q(pk=current_supplier.pk)
        self.fields["supplier"].queryset = Supplier.objects.filter(suppliers)

    def clean(self):
        cleaned = super().clean()
        ordered, expected = cleaned.get("order_date"), cleaned.get("expected_date")
        if ordered and expected and expected < ordered:
            self.add_error("expected_date", _("Delivery cannot be expected before the order date."))
        return cleaned


class PurchaseOrderLineForm(forms.Form):
    item = forms.CharField(label=_("Item"), max_length=160)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)
    quantity = forms.DecimalField(
        label=_("Quantity"), max_digits=12, decimal_places=3, min_value=Decimal("0.001")
    )
    unit_price = forms.DecimalField(
        label=_("Unit price"), max_digits=14, decimal_places=4, min_value=Decimal("0")
    )
    vat_rate = forms.DecimalField(
        label=_("VAT %"),
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
    )
    account = forms.ModelChoiceField(
        label=_("Account"),
        queryset=Account.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vat_rate"].initial = settings.DEFAULT_VAT_RATE
        self.fields["account"].queryset = Account.objects.filter(
            is_active=True, type__in=[Account.Type.EXPENSE, Account.Type.ASSET]
        )


class BasePurchaseOrderLineFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the account choices of every row, not one per row.
        choices = list(self.forms[0].fields["account"].choices) if self.forms else []
        for form in self.forms:
            form.fields["account"].choices = choices

    def lines(self) -> list[dict]:
        return [
            {key: value for key, value in data.items() if key != "DELETE"}
            for data in self.cleaned_data
            if data and not data.get("DELETE")
        ]


PurchaseOrderLineFormSet = forms.formset_factory(
    PurchaseOrderLineForm,
    formset=BasePurchaseOrderLineFormSet,
    extra=3,
    min_num=1,
    validate_min=True,
    can_delete=True,
    max_num=200,
    validate_max=True,
)


class PurchaseOrderFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(label=_("Number"), lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PurchaseOrder.Status.choices)
    supplier = django_filters.ModelChoiceFilter(
        label=_("Supplier"), queryset=Supplier.objects.only("pk", "name")
    )
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="order_date", lookup_expr="gte", widget=DATE_INPUT
    )
    date_to = django_filters.DateFilter(
        label=_("To"), field_name="order_date", lookup_expr="lte", widget=DATE_INPUT
    )

    class Meta:
        model = PurchaseOrder
        fields = ["number", "status", "supplier", "date_from", "date_to"]


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Why does it go back to draft?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=90, required=False)


class GoodsReceiptForm(forms.Form):
    """The receipt's date and note, and one quantity field per outstanding line."""

    received_on = forms.DateField(label=_("Received on"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = [line for line in lines if line.outstanding > 0]
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = forms.DecimalField(
                label=line.item,
                max_digits=12,
                decimal_places=3,
                min_value=Decimal("0"),
                required=False,
                help_text=_("%(outstanding)s of %(ordered)s still expected")
                % {
                    "outstanding": plain_quantity(line.outstanding),
                    "ordered": plain_quantity(line.quantity),
                },
            )

    def rows(self):
        return [(line, self[f"line_{line.pk}"]) for line in self.lines]

    def quantities(self) -> dict[int, Decimal]:
        return {
            line.pk: self.cleaned_data.get(f"line_{line.pk}") or Decimal("0") for line in self.lines
        }
