"""What the departments register with the core: home-page panels and demo data.

The core never imports a department. Each app says what it adds, in a module the
core finds by name the way Django admin finds `admin.py`: `<app>/panels.py` for the
home page (imported when the apps are ready) and `<app>/demo` for `seed_demo`
(imported only when the demo is seeded).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

# Home page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One card of the home page.

    `context(user)` returns what `template` draws (the template sees it as `data`),
    or None to leave the card out; it must issue a bounded number of queries, the
    same however much data there is. `permission`, when set, is checked first.
    Panels are drawn by `order`, lowest first.
    """

    key: str
    template: str
    context: Callable[..., dict | None]
    order: int
    permission: str | None = None


@dataclass(frozen=True)
class DrawnPanel:
    template: str
    data: dict


_panels: dict[str, Panel] = {}


def home_panel(key: str, *, template: str, order: int, permission: str | None = None):
    """Register the decorated `context(user)` function as a home-page panel."""

    def register(context):
        if key in _panels:
            raise ImproperlyConfigured(f"Two home panels are called {key!r}.")
        _panels[key] = Panel(key, template, context, order, permission)
        return context

    return register


def panels_for(user) -> list[DrawnPanel]:
    drawn = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        if panel.permission and not user.has_perm(panel.permission):
            continue
        data = panel.context(user)
        if data is not None:
            drawn.append(DrawnPanel(panel.template, data))
    return drawn


def panels_autodiscover() -> None:
    autodiscover_modules("panels")


# Demo data ------------------------------------------------------------------------


@dataclass
class Demo:
    """What every demo step is given: the size asked for and the role users."""

    employees: int
    users: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DemoStep:
    """One idempotent part of the demo company; runs after the steps named in `after`.

    `run(demo)` may return a short line for the summary `seed_demo` prints.
    """

    name: str
    run: Callable[[Demo], str | None]
    after: tuple[str, ...] = ()


_demo_steps: dict[str, DemoStep] = {}


def demo_step(name: str, *, after: Iterable[str] = ()):
    """Register the decorated `run(demo)` function as a step of `seed_demo`."""

    def register(run):
        if name in _demo_steps:
            raise ImproperlyConfigured(f"Two demo steps are called {name!r}.")
        _demo_steps[name] = DemoStep(name, run, tuple(after))
        return run

    return register


def demo_steps() -> list[DemoStep]:
    """Every registered step, each after the ones it names; otherwise in the order
    registered (the order of INSTALLED_APPS, then of each app's module)."""
    for step in _demo_steps.values():
        unknown = set(step.after) - set(_demo_steps)
        if unknown:
            raise ImproperlyConfigured(f"Demo step {step.name!r} waits for unknown {unknown}.")
    ordered: list[DemoStep] = []
    # Registration order follows import order, which a test or a command may
    # change: the apps' order in INSTALLED_APPS decides first.
    waiting = sorted(_demo_steps.values(), key=lambda step: _app_position(step.run))
    while waiting:
        done = {step.name for step in ordered}
        ready = next((s for s in waiting if done.issuperset(s.after)), None)
        if ready is None:
            names = [step.name for step in waiting]
            raise ImproperlyConfigured(f"Demo steps wait for each other: {names}.")
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def _app_position(run: Callable) -> int:
    labels = [config.name for config in apps.get_app_configs()]
    app = run.__module__.split(".")[0]
    return labels.index(app) if app in labels else len(labels)


def demo_autodiscover() -> None:
    autodiscover_modules("demo")
