"""The core stands alone: departments register with it, it never imports them."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from backoffice import registry

DEPARTMENTS = {"hr", "accounting", "it_support", "clerical"}
CORE = Path(settings.BASE_DIR) / "backoffice"


def imported_modules(path: Path) -> set[str]:
    """Every absolute module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_the_core_imports_no_department():
    offenders = [
        f"{path.relative_to(CORE.parent)}: {module}"
        for path in sorted(CORE.rglob("*.py"))
        for module in sorted(imported_modules(path))
        if module.split(".")[0] in DEPARTMENTS
    ]
    assert offenders == []


def test_the_import_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("def f():\n    from hr.selectors import employees\n    import accounting\n")
    assert imported_modules(module) == {"hr.selectors", "accounting"}


def test_each_demo_step_runs_after_the_steps_it_names():
    registry.demo_autodiscover()
    steps = registry.demo_steps()
    position = {step.name: index for index, step in enumerate(steps)}
    for step in steps:
        for earlier in step.after:
            assert position[earlier] < position[step.name], step.name
    # HR's people exist before any other department's demo; the ledger closes after
    # every step of accounting (other departments' steps post nothing to it).
    assert steps[0].name == "hr.people"
    accounting = [step.name for step in steps if step.name.startswith("accounting.")]
    assert accounting[-1] == "accounting.close_periods"


def _step(name, *after):
    return registry.DemoStep(name, lambda demo: None, after)


def test_steps_keep_the_order_they_were_registered_in_when_free(monkeypatch):
    steps = {s.name: s for s in [_step("b"), _step("a", "c"), _step("c")]}
    monkeypatch.setattr(registry, "_demo_steps", steps)
    assert [s.name for s in registry.demo_steps()] == ["b", "c", "a"]


def test_a_step_that_waits_for_an_unknown_step_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "_demo_steps", {"a": _step("a", "typo")})
    with pytest.raises(ImproperlyConfigured, match="unknown"):
        registry.demo_steps()


def test_steps_that_wait_for_each_other_are_refused(monkeypatch):
    steps = {"a": _step("a", "b"), "b": _step("b", "a")}
    monkeypatch.setattr(registry, "_demo_steps", steps)
    with pytest.raises(ImproperlyConfigured, match="each other"):
        registry.demo_steps()


def test_a_second_panel_with_the_same_key_is_refused():
    with pytest.raises(ImproperlyConfigured):
        registry.home_panel("hr.team", template="x.html", order=1)(lambda user: {})


def test_a_panel_is_drawn_only_for_users_with_its_permission(role_users):
    templates = {
        username: {p.template for p in registry.panels_for(role_users[username])}
        for username in ("employee", "manager")
    }
    assert "hr/partials/home_headcount.html" not in templates["employee"]
    assert "hr/partials/home_headcount.html" in templates["manager"]
