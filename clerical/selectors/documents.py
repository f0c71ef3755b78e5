"""Reads of documents, filtered to what the asking user may see, inside the query."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from clerical.models.documents import Cabinet, Document, DocumentAccess, Folder
from hr.models.employees import Employee

SEARCH_CONFIG = "clerical_unaccent"
VIEW_ALL = "clerical.view_document"
# ts_headline marks hits with these; the text around them is escaped before <mark> goes in.
_HIT_START, _HIT_STOP = "\x02", "\x03"


def _own_departments(user):
    return Employee.objects.filter(user_id=user.pk, status__in=Employee.CURRENT).values(
        "department_id"
    )


def cabinet_rule(user, prefix: str = "") -> Q:
    """The cabinets `user` may see, as a condition on `<prefix>` (a cabinet path)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    rule = Q(**{f"{prefix}department_id__in": _own_departments(user)})
    if user.has_perm(VIEW_ALL):
        rule |= Q(**{f"{prefix}confidential": False}) | Q(**{f"{prefix}clerks_may_see": True})
    return rule


def cabinets_visible_to(user) -> QuerySet[Cabinet]:
    return Cabinet.objects.filter(cabinet_rule(user)).select_related("department")


def folders_visible_to(user) -> QuerySet[Folder]:
    return Folder.objects.filter(cabinet_rule(user, "cabinet__")).select_related("cabinet")


def folders_for_filing(user) -> QuerySet[Folder]:
    """Folders `user` may file into: seen, and either a clerk's or the department's own."""
    folders = folders_visible_to(user)
    if user.has_perm("clerical.add_document"):
        return folders
    return folders.filter(cabinet__department_id__in=_own_departments(user))


def documents_visible_to(user) -> QuerySet[Document]:
    return Document.objects.filter(cabinet_rule(user, "folder__cabinet__")).select_related(
        "folder__cabinet"
    )


def document_for(user, pk) -> Document:
    """The document if `user` may see it; `Document.DoesNotExist` (a 404) otherwise."""
    return documents_visible_to(user).get(pk=pk)


def document_search(user, text: str) -> QuerySet[Document]:
    """Documents `user` may see matching `text`, best first, with `rank`."""
    if connection.vendor != "postgresql":
        return _plain_search(user, text)
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    return (
        documents_visible_to(user)
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-pk")
        .defer("content")
    )


def _plain_search(user, text: str) -> QuerySet[Document]:
    # The SQLite demo (`make run`) has no full-text search: every word must appear somewhere.
    documents = documents_visible_to(user)
    for word in text.split()[:10]:
        documents = documents.filter(
            Q(title__icontains=word)
            | Q(reference__icontains=word)
            | Q(correspondent__icontains=word)
            | Q(content__icontains=word)
        )
    return documents.annotate(rank=Value(0.0)).order_by("-pk").defer("content")


def document_snippets(documents, text: str) -> dict[int, SafeString]:
    """Highlighted passages for one page of results (one query, whatever the page size)."""
    ids = [document.pk for document in documents]
    if not ids or not text.strip() or connection.vendor != "postgresql":
        return {}
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    rows = Document.objects.filter(pk__in=ids).annotate(
        snippet=SearchHeadline(
            "content",
            query,
            config=SEARCH_CONFIG,
            start_sel=_HIT_START,
            stop_sel=_HIT_STOP,
            max_words=30,
            min_words=12,
            max_fragments=2,
        )
    )
    return {pk: _marked(snippet) for pk, snippet in rows.values_list("pk", "snippet")}


def _marked(snippet: str) -> SafeString:
    text = str(escape(snippet or ""))
    return mark_safe(text.replace(_HIT_START, "<mark>").replace(_HIT_STOP, "</mark>"))  # noqa: S308


def may_see_accesses(user, document: Document) -> bool:
    """The owner of the log: the head of the department that owns the cabinet."""
    head = document.folder.cabinet.department.head
    return bool(head and head.user_id == user.pk)


def document_accesses(document: Document) -> QuerySet[DocumentAccess]:
    return document.accesses.select_related("user")


def documents_due_for_review(today) -> QuerySet[Document]:
    return (
        Document.objects.filter(keep_until__lte=today)
        .select_related("folder__cabinet__department")
        .order_by("keep_until", "pk")
    )


def documents_desk(user, *, latest: int = 5) -> dict:
    """The clerk's desk: documents waiting to be read, failed, due for review; the latest filed.

    Two queries whatever the number of documents.
    """
    from django.db.models import Count
    from django.utils import timezone

    from clerical.models.documents import DocumentVersion

    visible = documents_visible_to(user)
    counts = visible.aggregate(
        due=Count("pk", filter=Q(keep_until__lte=timezone.localdate()), distinct=True),
        pending=Count(
            "versions",
            filter=Q(
                versions__text_status__in=[
                    DocumentVersion.Text.PENDING,
                    DocumentVersion.Text.RUNNING,
                ]
            ),
        ),
        failed=Count("versions", filter=Q(versions__text_status=DocumentVersion.Text.FAILED)),
    )
    return {
        **counts,
        "latest": list(visible.defer("content").order_by("-created_at", "-pk")[:latest]),
    }
