"""Filing enqueues the extraction on commit; a real Celery worker reads the scan."""

import time

import pytest

from clerical.demo import files
from clerical.models.documents import DocumentVersion
from clerical.selectors.documents import document_search
from tests.backoffice.test_job_worker import worker, worker_queue  # noqa: F401  fixtures
from tests.clerical.conftest import file_one, make_filing

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_reads_a_filed_scan_and_search_finds_a_word_inside(worker):  # noqa: F811
    filing = make_filing()
    png = files.scan_png(["Adresa catre primarie", "Autorizatie de construire"])
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="a.png", content=png
    )
    version = document.versions.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.text_status in (DocumentVersion.Text.DONE, DocumentVersion.Text.FAILED):
            break
        time.sleep(0.2)
    assert version.text_status == DocumentVersion.Text.DONE, version.text_error
    assert version.pages_ocr == 1 and version.thumbnail
    assert [d.pk for d in document_search(filing.people.clerk, "autorizatie")] == [document.pk]
