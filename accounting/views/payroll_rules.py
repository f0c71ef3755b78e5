"""Pages of payroll rules: the sets, one set's rules and parameters, edits,
and a page to try a set on made-up inputs."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.forms.payroll_rules import (
    PayrollBracketRowsForm,
    PayrollParameterForm,
    PayrollRuleForm,
    PayrollTryForm,
)
from accounting.models.payroll_rules import PayrollBracketTable, PayrollParameter, PayrollRule
from accounting.payroll.engine import HOUR_KINDS, PayrollInputs, PayrollRulesError
from accounting.selectors import payroll_rules as payroll_rules_selectors
from accounting.services import payroll_rules as payroll_rules_services
from accounting.services.payroll_rules import PayrollRuleError
from backoffice.permissions import require_perm


def _rule_set(request, pk):
    return get_object_or_404(
        payroll_rules_selectors.payroll_rule_sets_visible_to(request.user), pk=pk
    )


@require_perm("accounting.view_payrollruleset")
def payrollruleset_list(request):
    rule_sets = payroll_rules_selectors.payroll_rule_sets_visible_to(request.user)
    return render(request, "accounting/payroll_rules/ruleset_list.html", {"rule_sets": rule_sets})


@require_perm("accounting.view_payrollruleset", "accounting.view_payrollrule")
def payrollruleset_detail(request, pk):
    rule_set = _rule_set(request, pk)
    return render(
        request,
        "accounting/payroll_rules/ruleset_detail.html",
        {
            "rule_set": rule_set,
            "rules": payroll_rules_selectors.payroll_rules_of(rule_set),
            "parameters": payroll_rules_selectors.payroll_parameters_of(rule_set),
            "bracket_tables": payroll_rules_selectors.payroll_bracket_tables_of(rule_set),
        },
    )


def _form_page(request, *, rule_set, form, save, template, instance):
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except PayrollRuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(item)s is saved.") % {"item": saved.code})
            return redirect("accounting:payrollruleset-detail", pk=rule_set.pk)
    return render(request, template, {"form": form, "rule_set": rule_set, "item": instance})


@require_perm("accounting.add_payrollrule")
def payrollrule_create(request, pk):
    rule_set = _rule_set(request, pk)
    form = PayrollRuleForm(request.POST or None, rule_set=rule_set)
    return _form_page(
        request,
        rule_set=rule_set,
        form=form,
        save=lambda data: payroll_rules_services.payroll_rule_create(
            by=request.user, rule_set=rule_set, **data
        ),
        template="accounting/payroll_rules/rule_form.html",
        instance=None,
    )


@require_perm("accounting.change_payrollrule")
def payrollrule_edit(request, pk):
    rule = get_object_or_404(PayrollRule.objects.select_related("rule_set"), pk=pk)
    # The form edits a copy, so a refused change never touches `rule`.
    form = PayrollRuleForm(
        request.POST or None, instance=PayrollRule.objects.get(pk=pk), rule_set=rule.rule_set
    )
    return _form_page(
        request,
        rule_set=rule.rule_set,
        form=form,
        save=lambda data: payroll_rules_services.payroll_rule_update(
            by=request.user, rule=rule, **data
        ),
        template="accounting/payroll_rules/rule_form.html",
        instance=rule,
    )


@require_perm("accounting.add_payrollparameter")
def payrollparameter_create(request, pk):
    rule_set = _rule_set(request, pk)
    form = PayrollParameterForm(request.POST or None)
    return _form_page(
        request,
        rule_set=rule_set,
        form=form,
        save=lambda data: payroll_rules_services.payroll_parameter_create(
            by=request.user, rule_set=rule_set, **data
        ),
        template="accounting/payroll_rules/parameter_form.html",
        instance=None,
    )


@require_perm("accounting.change_payrollparameter")
def payrollparameter_edit(request, pk):
    parameter = get_object_or_404(PayrollParameter.objects.select_related("rule_set"), pk=pk)
    form = PayrollParameterForm(request.POST or None, instance=PayrollParameter.objects.get(pk=pk))
    return _form_page(
        request,
        rule_set=parameter.rule_set,
        form=form,
        save=lambda data: payroll_rules_services.payroll_parameter_update(
            by=request.user, parameter=parameter, **data
        ),
        template="accounting/payroll_rules/parameter_form.html",
        instance=parameter,
    )


@require_perm("accounting.view_payrollruleset", "accounting.view_payrollrule")
def payrollruleset_try(request, pk):
    """A GET form: nothing is saved, so trying is open to every reader."""
    rule_set = _rule_set(request, pk)
    initial = {"on": timezone.localdate()}
    form = PayrollTryForm(request.GET if "on" in request.GET else None, initial=initial)
    result = None
    if form.is_valid():
        data = form.cleaned_data
        inputs = PayrollInputs(
            base_salary=data["base_salary"],
            hourly_rate=data["hourly_rate"],
            hours={kind: data[kind] for kind in HOUR_KINDS},
            dependants=data["dependants"],
            income_tax_exempt=data["income_tax_exempt"],
            young_employee=data["young_employee"],
        )
        try:
            result = payroll_rules_selectors.payroll_rule_set_calculate(
                rule_set=rule_set, inputs=inputs, on=data["on"]
            )
        except PayrollRulesError as exc:
            form.add_error(None, str(exc))
    return render(
        request,
        "accounting/payroll_rules/ruleset_try.html",
        {
            "rule_set": rule_set,
            "form": form,
            "result": result,
            "categories": dict(PayrollRule.Category.choices),
        },
    )


@require_perm("accounting.change_payrollbrackettable")
def payrollbrackettable_edit(request, pk):
    table = get_object_or_404(PayrollBracketTable.objects.select_related("rule_set"), pk=pk)
    initial = {"rows": PayrollBracketRowsForm.text_of(table)}
    form = PayrollBracketRowsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            payroll_rules_services.payroll_bracket_rows_replace(
                by=request.user, table=table, rows=form.cleaned_data["rows"]
            )
        except PayrollRuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(item)s is saved.") % {"item": table.code})
            return redirect("accounting:payrollruleset-detail", pk=table.rule_set_id)
    return render(
        request,
        "accounting/payroll_rules/brackettable_form.html",
        {"form": form, "rule_set": table.rule_set, "item": table},
    )
