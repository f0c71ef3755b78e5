"""Filing documents: upload, new versions, metadata, copies, extraction, the access log."""

from datetime import timedelta
from pathlib import Path, PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.uploads import DOCUMENT_KINDS, clean_filename, private_name, uploads_check
from clerical import extraction
from clerical.models.documents import Document, DocumentAccess, DocumentVersion, Folder, Tag
from clerical.selectors.documents import SEARCH_CONFIG, folders_for_filing

STORE_PREFIX = "clerical/documents"
EXTRACTION_STALE = timedelta(minutes=15)
METADATA = ("title", "document_type", "date", "correspondent", "reference", "keep_until")


class DocumentError(DomainError):
    pass


def _may_file(by, folder: Folder) -> None:
    if not folders_for_filing(by).filter(pk=folder.pk).exists():
        raise DocumentError(_("You may not file documents in this folder."))


def _tags(names) -> list[Tag]:
    cleaned = sorted({name.strip()[:60] for name in names or [] if name.strip()})
    return [Tag.objects.get_or_create(name=name)[0] for name in cleaned]


def _store_version(*, document, upload, kind, by, number, enqueue=True) -> DocumentVersion:
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=clean_filename(upload.name),
        kind=kind.key,
        size=upload.size,
        uploaded_by=by,
    )
    upload.seek(0)
    version.file.save(private_name(STORE_PREFIX, kind), upload, save=False)
    version.save()
    if enqueue:
        transaction.on_commit(lambda: _enqueue_extraction(version.pk))
    return version


def _enqueue_extraction(version_id: int) -> None:
    from clerical.tasks import document_version_extract_task

    document_version_extract_task.delay(version_id)


@transaction.atomic
def document_upload(
    *, by, folder: Folder, uploads: list, tags=(), enqueue: bool = True, **metadata
) -> list[Document]:
    """File each upload as a document of its own; all are filed, or none.

    `enqueue=False` leaves the text pending for `documents_extract_pending`
    (the demo files documents without reading them inside `seed_demo`).
    """
    _may_file(by, folder)
    kinds = uploads_check(
        uploads,
        allowed=DOCUMENT_KINDS,
        max_bytes=settings.CLERICAL_DOCUMENT_MAX_BYTES,
        max_files=settings.CLERICAL_UPLOAD_MAX_FILES,
    )
    tag_rows = _tags(tags)
    title = (metadata.pop("title", "") or "").strip()
    documents = []
    for upload, kind in zip(uploads, kinds, strict=True):
        stem = PurePath(clean_filename(upload.name)).stem
        own_title = (
            title if len(uploads) == 1 and title else " - ".join(filter(None, [title, stem]))
        )
        document = Document(folder=folder, title=own_title[:200], created_by=by, **metadata)
        clean_or_raise(document, error=DocumentError, exclude=["search_vector"])
        document._history_user = by
        document.save()
        document.tags.set(tag_rows)
        _store_version(
            document=document, upload=upload, kind=kind, by=by, number=1, enqueue=enqueue
        )
        documents.append(document)
    document_search_refresh(document_ids=[d.pk for d in documents])
    return documents


@transaction.atomic
def document_version_add(*, by, document: Document, upload) -> DocumentVersion:
    """A new version on top; the old ones stay, downloadable."""
    _may_file(by, document.folder)
    (kind,) = uploads_check(
        [upload],
        allowed=DOCUMENT_KINDS,
        max_bytes=settings.CLERICAL_DOCUMENT_MAX_BYTES,
        max_files=1,
    )
    document = Document.objects.select_for_update().get(pk=document.pk)
    number = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = _store_version(document=document, upload=upload, kind=kind, by=by, number=number + 1)
    document.content = ""
    document._history_user = by
    document._change_reason = _("version %(number)d") % {"number": version.number}
    document.save(update_fields=["content"])
    document_search_refresh(document_ids=[document.pk])
    return version


@transaction.atomic
def document_update(*, by, document: Document, tags=None, **metadata) -> Document:
    _may_file(by, document.folder)
    document = Document.objects.select_for_update().get(pk=document.pk)
    for name in METADATA:
        if name in metadata:
            setattr(document, name, metadata[name])
    if "folder" in metadata:
        _may_file(by, metadata["folder"])
        document.folder = metadata["folder"]
    clean_or_raise(document, error=DocumentError, exclude=["search_vector"])
    document._history_user = by
    document.save()
    if tags is not None:
        document.tags.set(_tags(tags))
    document_search_refresh(document_ids=[document.pk])
    return document


@transaction.atomic
def document_copy(*, by, document: Document, folder: Folder) -> Document:
    """A copy in another folder or cabinet, its current version's file and text with it."""
    _may_file(by, folder)
    source = document.versions.order_by("-number").first()
    copy = Document(
        folder=folder,
        copied_from=document,
        created_by=by,
        content=document.content,
        **{name: getattr(document, name) for name in METADATA},
    )
    copy._history_user = by
    copy._change_reason = _("copied from document %(pk)d") % {"pk": document.pk}
    copy.save()
    copy.tags.set(document.tags.all())
    if source is not None:
        version = DocumentVersion(
            document=copy,
            number=1,
            original_name=source.original_name,
            kind=source.kind,
            size=source.size,
            uploaded_by=by,
            text=source.text,
            text_status=source.text_status,
            extracted_at=source.extracted_at,
            pages_ocr=source.pages_ocr,
            ocr_seconds=source.ocr_seconds,
        )
        with source.file.open("rb") as handle:
            version.file.save(
                private_name(STORE_PREFIX, source.file_kind), ContentFile(handle.read()), save=False
            )
        if source.thumbnail:
            with source.thumbnail.open("rb") as handle:
                version.thumbnail.save(
                    f"{STORE_PREFIX}/thumbs/{Path(version.file.name).stem}.png",
                    ContentFile(handle.read()),
                    save=False,
                )
        version.save()
        if source.text_status != DocumentVersion.Text.DONE:
            version.text_status = DocumentVersion.Text.PENDING
            version.save(update_fields=["text_status"])
            transaction.on_commit(lambda: _enqueue_extraction(version.pk))
    document_search_refresh(document_ids=[copy.pk])
    return copy


def document_access_record(*, document: Document, user, action: str, version=None) -> None:
    """Log an opening or download of a confidential cabinet's document (others are not logged)."""
    if document.folder.cabinet.confidential:
        DocumentAccess.objects.create(document=document, user=user, action=action, version=version)


def document_search_refresh(*, document_ids) -> None:
    """Recompute the stored tsvector: title and reference weigh most, then metadata, then text."""
    if connection.vendor != "postgresql":
        return  # the SQLite demo searches by plain matching (selectors.documents)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE clerical_document AS d SET search_vector =
                setweight(to_tsvector(%(config)s::regconfig, coalesce(d.title, '')), 'A')
             || setweight(to_tsvector(%(config)s::regconfig, coalesce(d.reference, '')), 'A')
             || setweight(to_tsvector(%(config)s::regconfig, coalesce(d.correspondent, '') || ' '
                    || coalesce((SELECT string_agg(t.name, ' ') FROM clerical_document_tags dt
                                 JOIN clerical_tag t ON t.id = dt.tag_id
                                 WHERE dt.document_id = d.id), '')), 'B')
             || setweight(to_tsvector(%(config)s::regconfig, coalesce(d.content, '')), 'C')
            WHERE d.id = ANY(%(ids)s)
            """,
            {"config": SEARCH_CONFIG, "ids": list(document_ids)},
        )


def _claim(version_id: int) -> bool:
    """Take the version for extraction: one conditional UPDATE, so two workers never both do."""
    now = timezone.now()
    return bool(
        DocumentVersion.objects.filter(pk=version_id)
        .filter(
            Q(text_status=DocumentVersion.Text.PENDING)
            | Q(
                text_status=DocumentVersion.Text.RUNNING,
                extraction_started_at__lt=now - EXTRACTION_STALE,
            )
        )
        .update(text_status=DocumentVersion.Text.RUNNING, extraction_started_at=now)
    )


def documents_extract_pending(*, limit: int = 200) -> int:
    """Send the versions still waiting (or whose worker died) to the workers again."""
    stale = timezone.now() - EXTRACTION_STALE
    ids = list(
        DocumentVersion.objects.filter(
            Q(text_status=DocumentVersion.Text.PENDING)
            | Q(text_status=DocumentVersion.Text.RUNNING, extraction_started_at__lt=stale)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    for version_id in ids:
        _enqueue_extraction(version_id)
    return len(ids)


@transaction.atomic
def document_versions_extract_again(*, version_ids) -> int:
    """Read these versions' text again (after a failure, or a better OCR): back to pending."""
    ids = list(
        DocumentVersion.objects.filter(pk__in=list(version_ids))
        .exclude(text_status=DocumentVersion.Text.RUNNING)
        .values_list("pk", flat=True)
    )
    DocumentVersion.objects.filter(pk__in=ids).update(
        text_status=DocumentVersion.Text.PENDING, text_error=""
    )
    for version_id in ids:
        transaction.on_commit(lambda version_id=version_id: _enqueue_extraction(version_id))
    return len(ids)


def document_version_extract(*, version_id: int) -> bool:
    """Read the version's text (and draw its thumbnail); False when there was nothing to do."""
    if not _claim(version_id):
        return False
    version = DocumentVersion.objects.get(pk=version_id)
    path = Path(version.file.path)
    try:
        result = extraction.extract_text(path, version.kind)
        thumbnail = extraction.thumbnail_png(path, version.kind)
    except (extraction.ExtractionError, OSError, ValueError) as error:
        DocumentVersion.objects.filter(pk=version_id).update(
            text_status=DocumentVersion.Text.FAILED, text_error=str(error)[:300]
        )
        return True
    _extraction_save(version=version, result=result, thumbnail=thumbnail)
    return True


@transaction.atomic
def _extraction_save(*, version: DocumentVersion, result, thumbnail: bytes | None) -> None:
    version.text = result.text.replace("\x00", "")
    version.pages_ocr = result.pages_ocr
    version.ocr_seconds = result.ocr_seconds
    version.text_status = DocumentVersion.Text.DONE
    version.extracted_at = timezone.now()
    if thumbnail and not version.thumbnail:
        name = f"{STORE_PREFIX}/thumbs/{Path(version.file.name).stem}.png"
        version.thumbnail.save(name, ContentFile(thumbnail), save=False)
    version.save()
    document = Document.objects.select_for_update().get(pk=version.document_id)
    current = document.versions.order_by("-number").values_list("pk", flat=True).first()
    if current == version.pk:
        Document.objects.filter(pk=document.pk).update(content=version.text)
        document_search_refresh(document_ids=[document.pk])
