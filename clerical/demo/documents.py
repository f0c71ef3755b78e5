"""Demo cabinets with small real documents: PDFs with text, two scans left for the workers.

The text is not read here (seed_demo stays fast): the versions wait as pending
and the workers' `clerical-extract-pending` sweep (or `documents_extract_pending`)
reads them.
"""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clerical.demo import files
from clerical.models.documents import Cabinet, Folder
from clerical.services.documents import document_upload
from hr.models.employees import Department

LETTERS = [
    (
        "Decizie numire comisie inventar",
        "decision",
        "Consiliul de administrație",
        [
            "Se numește comisia de inventariere pentru anul 2026.",
            "Inventarul începe la 1 decembrie.",
        ],
    ),
    (
        "Contract prestări servicii curățenie",
        "contract",
        "Curat Expres SRL",
        [
            "Prestatorul asigură curățenia birourilor de luni până vineri.",
            "Valoarea lunară este fixă.",
        ],
    ),
    (
        "Adresă Inspectoratul Teritorial de Muncă",
        "letter",
        "ITM București",
        ["Vă rugăm să transmiteți registrul de evidență a salariaților.", "Termen: 15 zile."],
    ),
]
SCANS = [
    (
        "Factura furnizor scanata",
        "invoice",
        "Lumina Office SRL",
        ["FACTURA FISCALA 2041", "Furnizor Lumina Office SRL", "Hartie copiator 20 topuri"],
    ),
    (
        "Scrisoare primarie scanata",
        "letter",
        "Primaria Sector 3",
        ["Primaria Sector 3", "Autorizatie de functionare", "Aviz favorabil"],
    ),
]


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def documents_demo_create(*, users: dict) -> str | None:
    if Cabinet.objects.exists():
        return None
    clerk, hr_user = users["clerk"], users["hr"]
    office = Department.objects.get(code="ADM")
    hr = Department.objects.get(code="HR")
    registry = Cabinet.objects.create(name="Registratură", department=office)
    personnel = Cabinet.objects.create(name="Dosare de personal", department=hr, confidential=True)
    incoming = Folder.objects.create(cabinet=registry, name="Intrări 2026")
    contracts = Folder.objects.create(cabinet=registry, name="Contracte")
    files_hr = Folder.objects.create(cabinet=personnel, name="Evaluări")
    keep = timezone.localdate() + timedelta(days=365 * 5)
    for index, (title, kind, correspondent, paragraphs) in enumerate(LETTERS):
        folder = contracts if kind == "contract" else incoming
        document_upload(
            by=clerk,
            folder=folder,
            enqueue=False,
            title=title,
            document_type=kind,
            correspondent=correspondent,
            reference=f"REG-{100 + index}",
            date=date(2026, 11, 3 + index),
            keep_until=keep,
            tags=["demo"],
            uploads=[_file(f"doc{index}.pdf", files.pdf_with_text(title, paragraphs))],
        )
    for index, (title, kind, correspondent, lines) in enumerate(SCANS):
        document_upload(
            by=clerk,
            folder=incoming,
            enqueue=False,
            title=title,
            document_type=kind,
            correspondent=correspondent,
            reference=f"REG-{200 + index}",
            keep_until=timezone.localdate() - timedelta(days=1) if index else keep,
            uploads=[_file(f"scan{index}.png", files.scan_png(lines))],
        )
    document_upload(
        by=hr_user,
        folder=files_hr,
        enqueue=False,
        title="Evaluare anuală (confidențial)",
        document_type="report",
        uploads=[
            _file(
                "evaluare.pdf",
                files.pdf_with_text("Evaluare anuală", ["Calificativ: foarte bine."]),
            )
        ],
    )
    return "clerical: 2 cabinets, 6 documents (text waiting for the workers)"
