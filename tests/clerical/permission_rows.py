"""Clerical's rows of the permission matrix (tests/test_permission_matrix.py).

`document` sits in an ordinary cabinet of a department none of the role users
works in: the clerk (and the superuser, who holds every permission) see it.
`secret` sits in a confidential cabinet of the HR user's department, whose
head is the HR user: only HR sees it and its access log.
"""

from django.core.files.base import ContentFile

from clerical.services.documents import document_upload
from tests.clerical.conftest import upload
from tests.clerical.factories import CabinetFactory, FolderFactory
from tests.permissions import Row, only, signed_in

SEEN = ("clerk", "admin")


def make_objects(role_users) -> dict:
    clerk, hr_user = role_users["clerk"], role_users["hr"]
    folder = FolderFactory()
    (document,) = document_upload(by=clerk, folder=folder, uploads=[upload("a.txt", b"scrisoare")])
    version = document.versions.get()
    version.thumbnail.save("clerical/documents/thumbs/t.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    department = hr_user.employee.department
    department.head = hr_user.employee
    department.save()
    secret_folder = FolderFactory(cabinet=CabinetFactory(department=department, confidential=True))
    (secret,) = document_upload(
        by=hr_user, folder=secret_folder, uploads=[upload("b.txt", b"confidential")]
    )
    return {"clerical_document": document, "clerical_secret": secret}


def _document(objects):
    return {"pk": objects["clerical_document"].pk}


ROWS: dict[str, Row] = {
    "clerical:index": Row(only("clerk", "admin")),
    "clerical:document-list": Row(signed_in()),
    "clerical:document-upload": Row(signed_in()),
    "clerical:document-detail": Row(only(*SEEN, other=404), kwargs=_document),
    "clerical:document-edit": Row(only(*SEEN, other=404), kwargs=_document),
    "clerical:document-version-add": Row(
        only(*SEEN, ok=302, other=404), kwargs=_document, method="post"
    ),
    "clerical:document-download": Row(only(*SEEN, other=404), kwargs=_document),
    "clerical:document-thumbnail": Row(only(*SEEN, other=404), kwargs=_document),
    "clerical:document-copy": Row(only(*SEEN, other=404), kwargs=_document),
    "clerical:document-accesses": Row(
        only("hr", other=404), kwargs=lambda o: {"pk": o["clerical_secret"].pk}
    ),
}
