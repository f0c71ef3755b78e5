"""Document pages. Every lookup goes through the selectors: others get 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.uploads import KINDS, UploadRefused, private_file_response
from clerical.forms import documents as forms
from clerical.models.documents import Document, DocumentAccess
from clerical.selectors import documents as selectors
from clerical.services import documents as services

PAGE_SIZE = 25


def _document(request, pk) -> Document:
    try:
        return selectors.document_for(request.user, pk)
    except Document.DoesNotExist:
        raise Http404 from None


def _refusal(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


@login_required
def document_list(request):
    form = forms.DocumentSearchForm(request.GET, folders=selectors.folders_visible_to(request.user))
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    text = (data.get("q") or "").strip()
    documents = (
        selectors.document_search(request.user, text)
        if text
        else selectors.documents_visible_to(request.user).defer("content")
    )
    if data.get("folder"):
        documents = documents.filter(folder=data["folder"])
    if data.get("due"):
        documents = documents.filter(keep_until__lte=timezone.localdate())
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    snippets = selectors.document_snippets(page.object_list, text) if text else {}
    rows = [(document, snippets.get(document.pk)) for document in page.object_list]
    return render(
        request,
        "clerical/documents/document_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "text": text,
            "may_file": selectors.folders_for_filing(request.user).exists(),
        },
    )


@login_required
def document_upload(request):
    folders = selectors.folders_for_filing(request.user)
    form = forms.DocumentUploadForm(request.POST or None, request.FILES or None, folders=folders)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            documents = services.document_upload(
                by=request.user, folder=data.pop("folder"), uploads=data.pop("files"), **data
            )
        except (UploadRefused, services.DocumentError) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("%(count)d documents filed.") % {"count": len(documents)})
            if len(documents) == 1:
                return redirect("clerical:document-detail", pk=documents[0].pk)
            return redirect("clerical:document-list")
    return render(request, "clerical/documents/document_upload.html", {"form": form})


@login_required
def document_detail(request, pk):
    document = _document(request, pk)
    services.document_access_record(
        document=document, user=request.user, action=DocumentAccess.Action.OPEN
    )
    versions = list(document.versions.select_related("uploaded_by"))
    return render(
        request,
        "clerical/documents/document_detail.html",
        {
            "document": document,
            "versions": versions,
            "current": versions[0] if versions else None,
            "tags": list(document.tags.all()),
            "may_file": selectors.folders_for_filing(request.user)
            .filter(pk=document.folder_id)
            .exists(),
            "may_see_accesses": selectors.may_see_accesses(request.user, document),
            "version_form": forms.DocumentVersionForm(),
        },
    )


@login_required
def document_edit(request, pk):
    document = _document(request, pk)
    initial = {name: getattr(document, name) for name in services.METADATA}
    initial["tags"] = ", ".join(tag.name for tag in document.tags.all())
    form = forms.DocumentEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(by=request.user, document=document, **form.cleaned_data)
        except services.DocumentError as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("Document saved."))
            return redirect("clerical:document-detail", pk=document.pk)
    return render(
        request, "clerical/documents/document_edit.html", {"form": form, "document": document}
    )


@require_POST
@login_required
def document_version_add(request, pk):
    document = _document(request, pk)
    form = forms.DocumentVersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file for the new version."))
        return redirect("clerical:document-detail", pk=document.pk)
    try:
        version = services.document_version_add(
            by=request.user, document=document, upload=form.cleaned_data["file"]
        )
    except (UploadRefused, services.DocumentError) as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Version %(number)d added.") % {"number": version.number})
    return redirect("clerical:document-detail", pk=document.pk)


@login_required
def document_download(request, pk):
    document = _document(request, pk)
    versions = document.versions.order_by("-number")
    number = request.GET.get("version")
    version = (
        versions.filter(number=number).first() if number and number.isdigit() else versions.first()
    )
    if version is None:
        raise Http404
    services.document_access_record(
        document=document,
        user=request.user,
        action=DocumentAccess.Action.DOWNLOAD,
        version=version.number,
    )
    return private_file_response(
        version.file,
        filename=version.original_name,
        kind=version.file_kind,
        inline=request.GET.get("inline") == "1",
    )


@login_required
def document_thumbnail(request, pk):
    document = _document(request, pk)
    version = document.versions.exclude(thumbnail="").order_by("-number").first()
    if version is None:
        raise Http404
    return private_file_response(
        version.thumbnail, filename=f"{document.pk}.png", kind=KINDS["png"], inline=True
    )


@login_required
def document_copy(request, pk):
    document = _document(request, pk)
    form = forms.DocumentCopyForm(
        request.POST or None, folders=selectors.folders_for_filing(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.document_copy(
                by=request.user, document=document, folder=form.cleaned_data["folder"]
            )
        except services.DocumentError as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("Copied into %(folder)s.") % {"folder": copy.folder})
            return redirect("clerical:document-detail", pk=copy.pk)
    return render(
        request, "clerical/documents/document_copy.html", {"form": form, "document": document}
    )


@login_required
def document_accesses(request, pk):
    document = _document(request, pk)
    if not selectors.may_see_accesses(request.user, document):
        raise Http404
    page = Paginator(selectors.document_accesses(document), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "clerical/documents/document_accesses.html", {"document": document, "page": page}
    )
