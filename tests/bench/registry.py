"""The benchmark registry: `@benchmark("name")` on functions in tests/bench/bench_*.py.

A benchmark takes no arguments, runs against the seeded bench database and
returns a list of rows, each made with `row(name, value, unit)`. Row names are
dotted and start with the benchmark's name (`home.admin.median_s`), so a
prefix on the command line picks both benchmarks and their rows.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from numbers import Real
from pathlib import Path

Row = dict  # {"name": str, "value": int | float, "unit": str}


@dataclass(frozen=True)
class Benchmark:
    name: str
    func: Callable[[], list[Row]]


REGISTRY: list[Benchmark] = []


def benchmark(name: str):
    """Register the decorated function as the benchmark `name`."""

    def register(func: Callable[[], list[Row]]) -> Callable[[], list[Row]]:
        if any(existing.name == name for existing in REGISTRY):
            raise ValueError(f"Two benchmarks are named {name!r}.")
        REGISTRY.append(Benchmark(name, func))
        return func

    return register


def row(name: str, value: float, unit: str) -> Row:
    return {"name": name, "value": value, "unit": unit}


def discover() -> list[Benchmark]:
    """Import every tests/bench/bench_*.py, in name order; return the registry.

    Within a module, benchmarks run in the order they are defined.
    """
    package = __name__.rpartition(".")[0]
    for module in sorted(pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module.name.startswith("bench_"):
            importlib.import_module(f"{package}.{module.name}")
    return list(REGISTRY)


def select(benchmarks: list[Benchmark], prefixes: list[str]) -> list[Benchmark]:
    """The benchmarks whose name starts with one of `prefixes` (all when none given).

    A prefix that matches nothing is a typo, not an empty run: it raises.
    """
    if not prefixes:
        return benchmarks
    unknown = [p for p in prefixes if not any(b.name.startswith(p) for b in benchmarks)]
    if unknown:
        known = ", ".join(b.name for b in benchmarks)
        raise SystemExit(f"No benchmark matches {', '.join(unknown)} (known: {known}).")
    return [b for b in benchmarks if any(b.name.startswith(p) for p in prefixes)]


def check_rows(source: str, rows: object) -> list[Row]:
    """Fail loudly on a malformed row rather than write a misleading result."""
    if not isinstance(rows, list) or not rows:
        raise TypeError(f"Benchmark {source!r} must return a non-empty list of rows.")
    for item in rows:
        if not isinstance(item, dict) or set(item) != {"name", "value", "unit"}:
            raise TypeError(f"Benchmark {source!r} returned a malformed row: {item!r}")
        if not isinstance(item["value"], Real) or isinstance(item["value"], bool):
            raise TypeError(f"Benchmark {source!r}: {item['name']} is not a number.")
    return rows
