"""Accounts payable: suppliers, purchase orders, goods received, supplier
bills and the payment batches that settle them.

Amounts are Decimal to the cent. A line's net amount is quantity x unit
price rounded half up to the cent, its VAT is net x rate rounded the same
way; a document's totals are the sums of its lines (`accounting.money`).
Bills keep their totals in columns because they are final once posted and
the ageing report sums them in SQL; the property tests check that the
stored totals always equal the sums of the lines.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounting.models.ledger import Account, JournalEntry
from backoffice.fields import actor_field
from backoffice.validators import validate_iban

MONEY = {"max_digits": 14, "decimal_places": 2}
HALF_CENT = Decimal("0.005")
QUANTITY = {"max_digits": 12, "decimal_places": 3}
UNIT_PRICE = {"max_digits": 14, "decimal_places": 4}
VAT_RATE = {"max_digits": 5, "decimal_places": 2}


class Supplier(models.Model):
    class Kind(models.TextChoices):
        MANUFACTURER = "manufacturer", _("Manufacturer")
        WAREHOUSE = "warehouse", _("Warehouse / distributor")
        SERVICES = "services", _("Service provider")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    tax_id = models.CharField(_("tax id"), max_length=20, unique=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, validators=[validate_iban])
    bank_name = models.CharField(_("bank"), max_length=120, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    payment_terms_days = models.PositiveSmallIntegerField(_("payment terms (days)"), default=30)
    default_expense_account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("default expense account"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self):
        return self.name


class PurchaseOrder(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        SENT = "sent", _("Sent to supplier")
        PARTIALLY_RECEIVED = "partially_received", _("Partially received")
        RECEIVED = "received", _("Received")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("number"), max_length=20, unique=True)
    supplier = models.ForeignKey(
        Supplier, on_delete=models.PROTECT, related_name="orders", verbose_name=_("supplier")
    )
    order_date = models.DateField(_("order date"))
    expected_date = models.DateField(_("expected delivery"), null=True, blank=True)
    deliver_to = models.CharField(_("deliver to"), max_length=160, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = actor_field(_("prepared by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = actor_field(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    review_comment = models.TextField(
        _("approver's comment"),
        blank=True,
        help_text=_("Why the approver returned the order to draft."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-order_date", "-pk"]
        verbose_name = _("purchase order")
        verbose_name_plural = _("purchase orders")
        permissions = [("approve_purchaseorder", _("Can approve purchase orders"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_date__isnull=True) | Q(expected_date__gte=F("order_date")),
                name="purchaseorder_expected_after_order",
                violation_error_message=_("Delivery cannot be expected before the order date."),
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class PurchaseOrderLine(models.Model):
    order = models.ForeignKey(
        PurchaseOrder, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order")
    )
    item = models.CharField(_("item"), max_length=160)
    description = models.CharField(_("description"), max_length=255, blank=True)
    quantity = models.DecimalField(_("quantity"), **QUANTITY, validators=[MinValueValidator(0)])
    unit_price = models.DecimalField(
        _("unit price"), **UNIT_PRICE, validators=[MinValueValidator(0)]
    )
    vat_rate = models.DecimalField(_("VAT %"), **VAT_RATE, validators=[MinValueValidator(0)])
    account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
        help_text=_("Expense or stock account; the supplier's default when blank."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("purchase order line")
        verbose_name_plural = _("purchase order lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="purchaseorderline_quantity_positive"
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0), name="purchaseorderline_price_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0) & Q(vat_rate__lte=100),
                name="purchaseorderline_vat_rate_range",
            ),
        ]

    def __str__(self):
        return f"{self.item} x {self.quantity}"


class GoodsReceipt(models.Model):
    order = models.ForeignKey(
        PurchaseOrder, on_delete=models.PROTECT, related_name="receipts", verbose_name=_("order")
    )
    received_on = models.DateField(_("received on"))
    received_by = actor_field(_("received by"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("goods receipt")
        verbose_name_plural = _("goods receipts")

    def __str__(self):
        return f"{self.order} {self.received_on}"


class GoodsReceiptLine(models.Model):
    receipt = models.ForeignKey(
        GoodsReceipt, on_delete=models.CASCADE, related_name="lines", verbose_name=_("receipt")
    )
    order_line = models.ForeignKey(
        PurchaseOrderLine,
        on_delete=models.PROTECT,
        related_name="receipt_lines",
        verbose_name=_("order line"),
    )
    quantity = models.DecimalField(_("quantity received"), **QUANTITY)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("goods receipt line")
        verbose_name_plural = _("goods receipt lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="goodsreceiptline_quantity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.order_line.item} x {self.quantity}"


class SupplierBill(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ON_HOLD = "on_hold", _("On hold: does not match the order")
        APPROVED = "approved", _("Approved")
        POSTED = "posted", _("Posted")
        CANCELLED = "cancelled", _("Cancelled")

    supplier = models.ForeignKey(
        Supplier, on_delete=models.PROTECT, related_name="bills", verbose_name=_("supplier")
    )
    number = models.CharField(_("supplier's invoice number"), max_length=40)
    purchase_order = models.ForeignKey(
        PurchaseOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bills",
        verbose_name=_("purchase order"),
    )
    bill_date = models.DateField(_("bill date"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    net_amount = models.DecimalField(_("net"), **MONEY, default=0)
    vat_amount = models.DecimalField(_("VAT"), **MONEY, default=0)
    total = models.DecimalField(_("total"), **MONEY, default=0)
    match_notes = models.TextField(_("differences from the order"), blank=True)
    created_by = actor_field(_("entered by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = actor_field(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    journal_entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supplier_bill",
        verbose_name=_("journal entry"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("supplier bill")
        verbose_name_plural = _("supplier bills")
        permissions = [("approve_supplierbill", _("Can approve supplier bills"))]
        constraints = [
            models.UniqueConstraint(
                fields=["supplier", "number"],
                name="supplierbill_unique_supplier_number",
                violation_error_message=_("This supplier's invoice is already entered."),
            ),
            models.CheckConstraint(
                condition=Q(due_date__gte=F("bill_date")),
                name="supplierbill_due_after_bill_date",
                violation_error_message=_("A bill cannot fall due before its date."),
            ),
            # Exact on Postgres (amounts are to the cent, so within half a cent
            # means equal); the margin lets SQLite, which adds decimals as
            # floating-point numbers, agree on the embedded default install.
            models.CheckConstraint(
                condition=Q(total__gte=F("net_amount") + F("vat_amount") - HALF_CENT)
                & Q(total__lte=F("net_amount") + F("vat_amount") + HALF_CENT),
                name="supplierbill_total_is_net_plus_vat",
            ),
            models.CheckConstraint(
                condition=Q(total__gte=0), name="supplierbill_total_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.supplier} {self.number}"


class SupplierBillLine(models.Model):
    bill = models.ForeignKey(
        SupplierBill, on_delete=models.CASCADE, related_name="lines", verbose_name=_("bill")
    )
    order_line = models.ForeignKey(
        PurchaseOrderLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bill_lines",
        verbose_name=_("order line"),
    )
    description = models.CharField(_("description"), max_length=255)
    account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="+", verbose_name=_("account")
    )
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    unit_price = models.DecimalField(_("unit price"), **UNIT_PRICE)
    vat_rate = models.DecimalField(_("VAT %"), **VAT_RATE)
    net_amount = models.DecimalField(_("net"), **MONEY)
    vat_amount = models.DecimalField(_("VAT"), **MONEY)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("supplier bill line")
        verbose_name_plural = _("supplier bill lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="supplierbillline_quantity_positive"
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0), name="supplierbillline_price_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0) & Q(vat_rate__lte=100),
                name="supplierbillline_vat_rate_range",
            ),
        ]

    def __str__(self):
        return f"{self.description}: {self.net_amount}"


class PaymentBatch(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        EXPORTED = "exported", _("Sent to the bank")
        POSTED = "posted", _("Paid and posted")
        CANCELLED = "cancelled", _("Cancelled")

    reference = models.CharField(_("reference"), max_length=35, unique=True)
    payment_date = models.DateField(_("payment date"))
    bank_account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="+", verbose_name=_("paid from")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = actor_field(_("prepared by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = actor_field(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    exported_at = models.DateTimeField(_("exported at"), null=True, blank=True)
    journal_entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment_batch",
        verbose_name=_("journal entry"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-payment_date", "-pk"]
        verbose_name = _("payment batch")
        verbose_name_plural = _("payment batches")
        permissions = [("approve_paymentbatch", _("Can approve payment batches"))]

    def __str__(self):
        return self.reference


class Payment(models.Model):
    """One bill paid (in full or in part) by one batch."""

    batch = models.ForeignKey(
        PaymentBatch, on_delete=models.CASCADE, related_name="payments", verbose_name=_("batch")
    )
    bill = models.ForeignKey(
        SupplierBill, on_delete=models.PROTECT, related_name="payments", verbose_name=_("bill")
    )
    amount = models.DecimalField(_("amount"), **MONEY)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.UniqueConstraint(fields=["batch", "bill"], name="payment_unique_batch_bill"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self):
        return f"{self.bill}: {self.amount}"


class SupplierBillReminder(models.Model):
    """That the accountants were told about a bill in a given state.

    The daily reminder task inserts one row per bill and state before it
    notifies, so a second run (or a second worker) tells nobody twice.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    bill = models.ForeignKey(
        SupplierBill, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("bill")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("supplier bill reminder")
        verbose_name_plural = _("supplier bill reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["bill", "kind"], name="supplierbillreminder_unique_bill_kind"
            ),
        ]

    def __str__(self):
        return f"{self.bill} {self.get_kind_display()}"
