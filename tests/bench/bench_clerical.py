"""Clerical: full-text search over 100,000 documents, and OCR speed.

The documents are inserted by SQL with generated text (80 words each from a
vocabulary of 3,000) in 14 cabinets, half of them confidential; the clerk sees
the ordinary half, a salesperson only Sales's cabinets. The search page
(ranked, filtered inside the query, snippets for one page) is timed through
the test client, as a user opens it.
"""

import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.registry import benchmark, row

DOCUMENTS = 100_000
WORDS_PER_DOCUMENT = 80
VOCABULARY = 3000
SEARCH_REQUESTS = 30
OCR_PAGES = 4
_SYLLABLES = [
    "ra",
    "mo",
    "ti",
    "ne",
    "su",
    "la",
    "ve",
    "do",
    "ci",
    "pă",
    "șe",
    "ță",
    "bu",
    "ri",
    "ga",
]


def _vocabulary() -> list[str]:
    words = []
    n = len(_SYLLABLES)
    for index in range(VOCABULARY):
        a, b, c = index % n, (index // n) % n, (index // (n * n)) % n
        words.append(_SYLLABLES[a] + _SYLLABLES[b] + _SYLLABLES[c] + "x")
    return words


def _ensure_documents() -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from clerical.models.documents import Cabinet, Document, Folder
    from clerical.selectors.documents import SEARCH_CONFIG
    from hr.models.employees import Department

    if Document.objects.filter(title__startswith="Bench ").exists():
        return
    folders = []
    for department in Department.objects.order_by("pk")[:7]:
        for confidential in (False, True):
            cabinet, _ = Cabinet.objects.get_or_create(
                department=department,
                name=f"Bench {department.code} {'C' if confidential else 'O'}",
                defaults={"confidential": confidential},
            )
            folders.append(Folder.objects.get_or_create(cabinet=cabinet, name="Bench")[0].pk)
    clerk = get_user_model().objects.get(username="clerk")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO clerical_document (folder_id, title, document_type, correspondent,
                reference, content, created_by_id, created_at)
            SELECT (%(folders)s::bigint[])[1 + i %% cardinality(%(folders)s::bigint[])],
                   'Bench ' || i, 'letter', '', 'B-' || i,
                   (SELECT string_agg((%(words)s::text[])[1 + floor(random() * %(n)s)::int], ' ')
                      FROM generate_series(1, %(per)s) WHERE i > 0),
                   %(clerk)s, now()
            FROM generate_series(1, %(documents)s) AS i
            """,
            {
                "folders": folders,
                "words": _vocabulary(),
                "n": VOCABULARY,
                "per": WORDS_PER_DOCUMENT,
                "clerk": clerk.pk,
                "documents": DOCUMENTS,
            },
        )
        cursor.execute(
            """
            UPDATE clerical_document SET search_vector =
                setweight(to_tsvector(%(config)s::regconfig, title), 'A')
             || setweight(to_tsvector(%(config)s::regconfig, reference), 'A')
             || setweight(to_tsvector(%(config)s::regconfig, content), 'C')
            WHERE title LIKE 'Bench %%'
            """,
            {"config": SEARCH_CONFIG},
        )
        cursor.execute("ANALYZE clerical_document")


def _median_get(client, path: str, requests: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise AssertionError(f"GET {path} answered {response.status_code}")
        return response

    get()
    with CaptureQueriesContext(connection) as captured:
        get()
    queries = len(captured.captured_queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        get()
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings), 4), queries


def _client_for(username: str):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@benchmark("clerical.search")
def clerical_search() -> list[dict]:
    from clerical.models.documents import Document

    _ensure_documents()
    words = _vocabulary()
    clerk = _client_for("clerk")
    median, queries = _median_get(clerk, f"/clerical/documents/?q={words[17]}", SEARCH_REQUESTS)
    two, _ = _median_get(
        clerk, f"/clerical/documents/?q={words[17]}+{words[1234]}", SEARCH_REQUESTS
    )
    seller, _ = _median_get(
        _client_for("employee"), f"/clerical/documents/?q={words[17]}", SEARCH_REQUESTS
    )
    return [
        row("clerical.search.documents", Document.objects.count(), "documents"),
        row("clerical.search.median_s", median, "s"),
        row("clerical.search.queries", queries, "queries"),
        row("clerical.search.two_words_median_s", two, "s"),
        row("clerical.search.few_cabinets_median_s", seller, "s"),
    ]


@benchmark("clerical.ocr")
def clerical_ocr() -> list[dict]:
    from clerical import extraction
    from clerical.demo import files

    lines = ["Factura fiscala seria BX nr 2041 din 3 noiembrie 2026"] * 20
    pdf = files.scan_pdf(lines, size=28)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        path.write_bytes(pdf)
        pages = 0
        started = time.perf_counter()
        for _ in range(OCR_PAGES):
            result = extraction.extract_text(path, "pdf")
            pages += result.pages_ocr
        elapsed = time.perf_counter() - started
    return [row("clerical.ocr.pages_per_s", round(pages / elapsed, 3), "pages/s")]
