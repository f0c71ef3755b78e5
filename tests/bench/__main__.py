"""Run the benchmarks: `python -m tests.bench [PREFIX ...]` (or `make bench`).

Against a database of its own (BENCH_DATABASE_URL, dropped and recreated on
every run), migrated and seeded with 5,000 employees, it runs every
`@benchmark` in tests/bench/bench_*.py (or those whose name starts with one of
the PREFIXes), prints a table and writes the rows to bench-results.json at the
repository root. Progress goes to stderr; stdout carries only the table.
"""

import json
import os
import sys
import time
from pathlib import Path

from tests.bench.database import reset_database
from tests.bench.registry import Row, check_rows, discover, row, select

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULTS = REPO_ROOT / "bench-results.json"
SEED_EMPLOYEES = 5000


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def setup_database() -> list[Row]:
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        raise SystemExit("Set BENCH_DATABASE_URL (or run `make bench`).")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backoffice.settings")
    name = reset_database(url)
    log(f"recreated database {name}")

    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    call_command("seed_demo", employees=SEED_EMPLOYEES, stdout=sys.stderr)
    seeded = time.perf_counter() - started
    return [row(f"seed.employees_{SEED_EMPLOYEES}.s", round(seeded, 4), "s")]


def print_table(rows: list[Row]) -> None:
    header = ("name", "value", "unit")
    lines = [(r["name"], f"{r['value']:g}", r["unit"]) for r in rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(3)]
    print(f"{header[0]:<{widths[0]}}  {header[1]:>{widths[1]}}  {header[2]}")
    print(f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * widths[2]}")
    for name, value, unit in lines:
        print(f"{name:<{widths[0]}}  {value:>{widths[1]}}  {unit}")


def main(argv: list[str]) -> int:
    # A failed run must not leave an older file behind that looks current.
    RESULTS.unlink(missing_ok=True)
    # Chosen before the slow setup, so a typo fails in a second.
    benchmarks = select(discover(), argv)

    rows = setup_database()
    for bench in benchmarks:
        log(f"running {bench.name}")
        started = time.perf_counter()
        rows += check_rows(bench.name, bench.func())
        log(f"{bench.name} done in {time.perf_counter() - started:.1f} s")

    names = [r["name"] for r in rows]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"Two rows share a name: {', '.join(duplicates)}")

    print_table(rows)
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {len(rows)} rows to {RESULTS.name}")

    from django.db import connections

    connections.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
