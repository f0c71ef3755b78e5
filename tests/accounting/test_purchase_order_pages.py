"""The purchase order pages: drafting with lines, totals, lists and approvals."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from accounting.models.payables import PurchaseOrder
from accounting.selectors.purchasing import purchase_order_totals, with_totals
from accounting.services.purchasing import purchase_order_submit
from tests.accounting.factories import SupplierFactory, make_order, order_lines
from tests.factories import UserFactory

Status = PurchaseOrder.Status


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def line_post(index, item, quantity, price, vat="21.00", account=""):
    prefix = f"lines-{index}-"
    return {
        f"{prefix}item": item,
        f"{prefix}description": "",
        f"{prefix}quantity": quantity,
        f"{prefix}unit_price": price,
        f"{prefix}vat_rate": vat,
        f"{prefix}account": account,
    }


def order_post(supplier, *lines, total_forms=3, **header):
    data = {
        "supplier": supplier.pk,
        "order_date": "2026-03-02",
        "expected_date": "",
        "deliver_to": "Main warehouse",
        "notes": "",
        "lines-TOTAL_FORMS": str(total_forms),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "200",
        **header,
    }
    # Rows left empty come back as the browser sends them: blank but the VAT rate.
    for index in range(total_forms):
        data |= line_post(index, "", "", "", vat=str(settings.DEFAULT_VAT_RATE))
    for line in lines:
        data |= line
    return data


def test_a_draft_is_created_with_its_lines_and_totals(accountant_client, role_users):
    supplier = SupplierFactory()
    data = order_post(
        supplier, line_post(0, "Shelves", "3", "199.99"), line_post(1, "Screws", "1.5", "0.333")
    )

    response = accountant_client.post(reverse("accounting:purchaseorder-create"), data)

    order = PurchaseOrder.objects.get()
    assert response.status_code == 302
    assert order.number == "PO-2026-00001"
    assert order.created_by == role_users["accountant"]
    assert [line.item for line in order.lines.all()] == ["Shelves", "Screws"]
    # 599.97 + 0.50 (1.5 x 0.333 = 0.4995) net; VAT 125.99 + 0.11
    totals = purchase_order_totals(order)
    assert (totals.net, totals.vat, totals.total) == (
        Decimal("600.47"),
        Decimal("126.10"),
        Decimal("726.57"),
    )
    page = accountant_client.get(response["Location"])
    assert "726.57" in page.content.decode()


def test_the_vat_rate_defaults_to_the_setting(accountant_client):
    page = accountant_client.get(reverse("accounting:purchaseorder-create"))

    assert page.context["formset"].forms[0]["vat_rate"].value() == settings.DEFAULT_VAT_RATE


def test_a_draft_without_lines_is_refused(accountant_client):
    supplier = SupplierFactory()

    response = accountant_client.post(
        reverse("accounting:purchaseorder-create"), order_post(supplier)
    )

    assert response.status_code == 200
    assert not PurchaseOrder.objects.exists()


def test_a_draft_is_edited_and_lines_removed(accountant_client, role_users):
    order = make_order(by=role_users["accountant"], lines=order_lines(("1", "5"), ("2", "6")))
    url = reverse("accounting:purchaseorder-edit", kwargs={"pk": order.pk})
    form = accountant_client.get(url).context["formset"]
    assert form.forms[1]["item"].value() == "Item 2"

    data = order_post(
        order.supplier,
        line_post(0, "Item 1", "7", "5.00"),
        line_post(1, "Item 2", "2", "6.00") | {"lines-1-DELETE": "on"},
    )
    response = accountant_client.post(url, data)

    assert response.status_code == 302
    assert [(line.item, line.quantity) for line in order.lines.all()] == [("Item 1", Decimal(7))]


def test_only_a_draft_is_edited(accountant_client, role_users):
    order = make_order(by=role_users["accountant"])
    purchase_order_submit(by=role_users["accountant"], order=order)
    url = reverse("accounting:purchaseorder-edit", kwargs={"pk": order.pk})

    response = accountant_client.post(
        url, order_post(order.supplier, line_post(0, "Changed", "1", "1"))
    )

    assert response.status_code == 302
    assert order.lines.get().item == "Item 1"
    assert "only a draft can be edited" in accountant_client.get(url, follow=True).content.decode()


def test_the_list_filters_and_costs_the_same_queries_for_many_orders(
    accountant_client, role_users, django_assert_max_num_queries
):
    by = role_users["accountant"]
    wood, steel = SupplierFactory(name="Wood"), SupplierFactory(name="Steel")
    make_order(by=by, supplier=wood, order_date=date(2026, 1, 10))
    url = reverse("accounting:purchaseorder-list")
    with django_assert_max_num_queries(14) as few:
        accountant_client.get(url)
    for day in range(1, 61):
        make_order(by=by, supplier=steel, order_date=date(2026, 2, 1 + day % 28))

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = accountant_client.get(url)

    page = response.context["page"]
    assert len(page.object_list) == 50 and page.paginator.count == 61
    assert page.object_list[0].grand_total == Decimal("24.20")
    numbers = lambda **params: [  # noqa: E731
        order.number for order in accountant_client.get(url, params).context["page"].object_list
    ]
    assert numbers(supplier=wood.pk) == ["PO-2026-00001"]
    assert numbers(date_to="2026-01-31") == ["PO-2026-00001"]
    assert len(numbers(date_from="2026-02-01", status="draft")) == 50
    assert numbers(status="approved") == []


def test_awaiting_my_approval_lists_others_orders_only(client, role_users, settings):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("100.00")
    accountant, controller = role_users["accountant"], role_users["controller"]
    mine = make_order(by=controller, lines=order_lines(("1", "500")))
    theirs = make_order(by=accountant, lines=order_lines(("1", "500")))
    make_order(by=accountant, lines=order_lines(("1", "600")))  # still a draft
    for order, by in ((mine, controller), (theirs, accountant)):
        purchase_order_submit(by=by, order=order)
    client.force_login(controller)

    response = client.get(reverse("accounting:purchaseorder-approvals"))

    assert [order.pk for order in response.context["page"].object_list] == [theirs.pk]
    detail = client.get(reverse("accounting:purchaseorder-detail", kwargs={"pk": mine.pk}))
    assert detail.context["actions"]["approve"] is False
    detail = client.get(reverse("accounting:purchaseorder-detail", kwargs={"pk": theirs.pk}))
    assert detail.context["actions"]["approve"] is True


def test_the_preparer_pressing_approve_gets_a_message_and_nothing_changes(
    accountant_client, role_users, settings
):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("100.00")
    order = make_order(by=role_users["accountant"], lines=order_lines(("1", "500")))
    purchase_order_submit(by=role_users["accountant"], order=order)

    response = accountant_client.post(
        reverse("accounting:purchaseorder-approve", kwargs={"pk": order.pk}), follow=True
    )

    assert "someone else must approve it" in response.content.decode()
    order.refresh_from_db()
    assert order.status == Status.AWAITING_APPROVAL


amounts = st.tuples(
    st.decimals(min_value="0.001", max_value="999", places=3),
    st.decimals(min_value="0", max_value="9999", places=4),
    st.sampled_from([Decimal("0"), Decimal("5"), Decimal("9"), Decimal("19"), Decimal("21")]),
)


class TestTotalsInSqlMatchTheRoundingRule(HypothesisTestCase):
    """The list pages' SQL totals equal `line_amounts` summed in Python, to the cent."""

    @hypothesis_settings(deadline=None)
    @given(lines=st.lists(amounts, min_size=1, max_size=4))
    def test_sql_totals_equal_python_totals(self, lines):
        by = UserFactory()
        order = make_order(
            by=by,
            lines=[
                {"item": "x", "quantity": q, "unit_price": p, "vat_rate": v} for q, p, v in lines
            ],
        )
        expected = purchase_order_totals(order)

        annotated = with_totals(PurchaseOrder.objects.filter(pk=order.pk)).get()

        assert (annotated.net_total, annotated.vat_total, annotated.grand_total) == (
            expected.net,
            expected.vat,
            expected.total,
        )


def test_the_order_page_offers_the_actions_of_its_state_and_the_users_role(
    client, role_users, settings
):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("100.00")
    order = make_order(by=role_users["accountant"], lines=order_lines(("1", "50")))
    purchase_order_submit(by=role_users["accountant"], order=order)  # approved at once
    url = reverse("accounting:purchaseorder-detail", kwargs={"pk": order.pk})
    offered = lambda user: {  # noqa: E731
        name for name, allowed in _actions_for(client, user, url).items() if allowed
    }

    assert offered(role_users["accountant"]) == {"send", "cancel", "history"}
    assert offered(role_users["controller"]) == set()


def _actions_for(client, user, url):
    client.force_login(user)
    return client.get(url).context["actions"]


def test_the_history_link_opens_the_orders_history(accountant_client, role_users):
    order = make_order(by=role_users["accountant"])
    purchase_order_submit(by=role_users["accountant"], order=order)

    response = accountant_client.get(
        reverse(
            "backoffice:history",
            kwargs={"app_label": "accounting", "model_name": "purchaseorder", "pk": order.pk},
        )
    )

    assert response.status_code == 200
    [submitted, _created] = response.context["rows"]
    status = next(change for change in submitted.changes if change.field == "status")
    assert (status.old, status.new) == ("Draft", "Approved")


def test_order_supplier_and_approval_pages_cost_the_same_queries_for_more_rows(
    client, role_users, settings, django_assert_max_num_queries
):
    from accounting.models.payables import GoodsReceipt, GoodsReceiptLine

    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("1.00")
    accountant, controller = role_users["accountant"], role_users["controller"]
    supplier = SupplierFactory()

    def grow(count):
        order = make_order(
            by=accountant, supplier=supplier, lines=order_lines(*[("100", "2")] * count)
        )
        purchase_order_submit(by=accountant, order=order)
        receipts = GoodsReceipt.objects.bulk_create(
            GoodsReceipt(order=order, received_on=date(2026, 3, 3), received_by=accountant)
            for _ in range(count)
        )
        GoodsReceiptLine.objects.bulk_create(
            GoodsReceiptLine(receipt=receipt, order_line=line, quantity=1)
            for receipt in receipts
            for line in order.lines.all()
        )
        return order

    small = grow(1)
    client.force_login(controller)
    urls = lambda order: [  # noqa: E731
        reverse("accounting:purchaseorder-detail", kwargs={"pk": order.pk}),
        reverse("accounting:supplier-detail", kwargs={"pk": supplier.pk}),
        reverse("accounting:purchaseorder-approvals"),
    ]
    counts = []
    for url in urls(small):
        with django_assert_max_num_queries(20) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries.captured_queries))
    big = grow(12)
    for _ in range(55):
        purchase_order_submit(by=accountant, order=make_order(by=accountant, supplier=supplier))

    for url, count in zip(urls(big), counts, strict=True):
        with django_assert_max_num_queries(count):
            response = client.get(url)
        assert response.status_code == 200
    assert len(response.context["page"].object_list) == 50
