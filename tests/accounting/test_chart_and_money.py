from decimal import Decimal

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from accounting.chart import STANDARD_CHART, account_for, chart_of_accounts_install
from accounting.models.ledger import Account
from accounting.money import line_amounts, to_cent
from accounting.services.ledger import LedgerError


def test_the_standard_chart_installs_once_with_its_hierarchy(db):
    assert chart_of_accounts_install() == len(STANDARD_CHART)
    assert chart_of_accounts_install() == 0
    payables = Account.objects.get(code="401")
    assert payables.parent.code == "40"
    assert payables.type == Account.Type.LIABILITY
    assert Account.objects.get(code="5121").type == Account.Type.ASSET


def test_install_keeps_an_accountants_own_accounts_and_names(db):
    Account.objects.create(code="401", name="Furnizori", type=Account.Type.LIABILITY)
    chart_of_accounts_install()
    assert Account.objects.get(code="401").name == "Furnizori"
    assert Account.objects.filter(code="401").count() == 1


def test_postings_find_their_account_by_role(standard_chart):
    assert account_for("payables").code == "401"
    assert account_for("vat_deductible").code == "4426"


@override_settings(ACCOUNTING_ACCOUNTS={"bank": "5311"})
def test_a_site_can_point_a_role_at_another_account(standard_chart):
    assert account_for("bank").code == "5311"


def test_a_missing_account_is_a_clear_ledger_error(db):
    with pytest.raises(LedgerError, match="401"):
        account_for("payables")


def test_money_rounds_half_up_to_the_cent():
    assert to_cent(Decimal("2.345")) == Decimal("2.35")
    assert to_cent(Decimal("2.344999")) == Decimal("2.34")
    assert to_cent(Decimal("-2.345")) == Decimal("-2.35")
    with pytest.raises(TypeError):
        to_cent(2.345)


def test_a_line_rounds_net_then_vat():
    # 3 x 3.3333 = 9.9999 -> 10.00 net; 21% of 10.00 = 2.10 VAT.
    assert line_amounts(
        quantity=Decimal("3"), unit_price=Decimal("3.3333"), vat_rate=Decimal("21")
    ) == (Decimal("10.00"), Decimal("2.10"))
    # 1 x 0.05 at 9% -> VAT 0.0045 -> 0.00.
    assert line_amounts(
        quantity=Decimal("1"), unit_price=Decimal("0.05"), vat_rate=Decimal("9")
    ) == (Decimal("0.05"), Decimal("0.00"))


@given(
    quantity=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("100000"), places=3),
    price=st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=4),
    rate=st.sampled_from([Decimal("0"), Decimal("5"), Decimal("9"), Decimal("11"), Decimal("21")]),
)
def test_line_amounts_are_cents_within_half_a_cent_of_the_exact_value(quantity, price, rate):
    net, vat = line_amounts(quantity=quantity, unit_price=price, vat_rate=rate)
    assert net == net.quantize(Decimal("0.01")) and vat == vat.quantize(Decimal("0.01"))
    assert abs(net - quantity * price) <= Decimal("0.005")
    assert abs(vat - net * rate / 100) <= Decimal("0.005")
