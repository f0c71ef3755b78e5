"""Forms of accounts payable: the shape of what people type. The rules
(matching, open amounts, who may approve) are the services' business."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounting.models.ledger import Account
from accounting.models.payables import PurchaseOrder, Supplier, SupplierBill
from accounting.selectors.payables import BillState

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BillForm(forms.Form):
    supplier = forms.ModelChoiceField(
        label=_("Supplier"), queryset=Supplier.objects.filter(is_active=True)
    )
    number = forms.CharField(label=_("Supplier's invoice number"), max_length=40)
    bill_date = forms.DateField(label=_("Bill date"), widget=DATE)
    due_date = forms.DateField(
        label=_("Due date"),
        widget=DATE,
        required=False,
        help_text=_("Leave blank for the bill date plus the supplier's payment terms."),
    )


class OrderBillForm(BillForm):
    """A bill for an order: the supplier is the order's."""

    def __init__(self, *args, order: PurchaseOrder, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["supplier"]
        self.order = order


class BillLineForm(forms.Form):
    description = forms.CharField(label=_("Description"), max_length=255)
    account = forms.ModelChoiceField(
        label=_("Account"),
        queryset=Account.objects.filter(
            is_active=True, type__in=[Account.Type.EXPENSE, Account.Type.ASSET]
        ),
        required=False,
        help_text=_("The supplier's default expense account when blank."),
    )
    quantity = forms.DecimalField(label=_("Quantity"), max_digits=12, decimal_places=3)
    unit_price = forms.DecimalField(label=_("Unit price"), max_digits=14, decimal_places=4)
    vat_rate = forms.DecimalField(
        label=_("VAT %"), max_digits=5, decimal_places=2, initial=settings.DEFAULT_VAT_RATE
    )
    order_line = forms.IntegerField(widget=forms.HiddenInput, required=False)


BillLineFormSet = forms.formset_factory(BillLineForm, extra=3)
OrderBillLineFormSet = forms.formset_factory(BillLineForm, extra=0)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)


class OrderChoiceForm(forms.Form):
    order = forms.ModelChoiceField(
        label=_("Purchase order"),
        queryset=PurchaseOrder.objects.none(),
        empty_label=_("Choose an order to bill"),
    )

    def __init__(self, *args, orders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = orders


class BillFilterForm(forms.Form):
    STATE_CHOICES = [
        ("", _("All")),
        *[(status.value, status.label) for status in SupplierBill.Status],
        *BillState.LABELS.items(),
    ]
    state = forms.ChoiceField(label=_("State"), choices=STATE_CHOICES, required=False)
    q = forms.CharField(label=_("Supplier or number"), max_length=100, required=False)


class PaymentBatchForm(forms.Form):
    payment_date = forms.DateField(label=_("Payment date"), widget=DATE)
    bank_account = forms.ModelChoiceField(
        label=_("Paid from"),
        queryset=Account.objects.filter(is_active=True, code__startswith="5"),
    )


class PaymentLineForm(forms.Form):
    bill = forms.IntegerField(widget=forms.HiddenInput)
    pay = forms.BooleanField(label=_("Pay"), required=False)
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, required=False)

    def clean(self):
        data = super().clean()
        if data.get("pay") and data.get("amount") is None:
            self.add_error("amount", _("Enter the amount to pay."))
        return data


PaymentLineFormSet = forms.formset_factory(PaymentLineForm, extra=0)


class AsOfForm(forms.Form):
    as_of = forms.DateField(label=_("As of"), widget=DATE, required=False)


class DueSoonForm(forms.Form):
    days = forms.IntegerField(label=_("Days ahead"), min_value=0, max_value=366, required=False)
