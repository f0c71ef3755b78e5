"""Reads of employee documents, the org chart and imports, by who is asking."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from hr.models.documents import EmployeeDocument
from hr.models.employees import Employee
from hr.models.imports import EmployeeImport

EXPIRING_WITHIN_DAYS = 30


def documents_visible_to(user) -> QuerySet[EmployeeDocument]:
    """HR sees every document (ID copies only with personal-data access); anyone else their own.

    A manager sees none of their team's: documents are not work details.
    """
    documents = EmployeeDocument.objects.select_related("employee", "uploaded_by")
    if not user.is_authenticated:
        return documents.none()
    own = Q(employee__user=user)
    if user.has_perm("hr.view_employeedocument"):
        if user.has_perm("hr.view_employeepersonal"):
            return documents
        return documents.filter(~Q(kind=EmployeeDocument.Kind.ID_COPY) | own)
    return documents.filter(own)


def documents_of(user, employee: Employee) -> QuerySet[EmployeeDocument]:
    return documents_visible_to(user).filter(employee=employee)


def documents_expiring(user, *, within_days: int = EXPIRING_WITHIN_DAYS):
    today = timezone.localdate()
    return (
        documents_visible_to(user)
        .filter(expiry_date__lte=today + timedelta(days=within_days))
        .order_by("expiry_date", "employee__last_name")
    )


def imports_of(user) -> QuerySet[EmployeeImport]:
    """An upload is seen only by whoever uploaded it, and only until it expires."""
    if not user.is_authenticated:
        return EmployeeImport.objects.none()
    return EmployeeImport.objects.filter(uploaded_by=user, expires_at__gt=timezone.now())


# Org chart -----------------------------------------------------------------------


@dataclass
class OrgNode:
    pk: int
    name: str
    position: str
    department: str
    work_phone: str
    extension: str
    manager_id: int | None
    children: list["OrgNode"] = field(default_factory=list)


@dataclass
class OrgItem:
    """One person in the rendered tree: `<li>`, then `<ul>` if they have reports,
    then `closes` levels of `</ul></li>` after the last of a branch."""

    node: OrgNode
    depth: int
    has_children: bool
    closes: range


def org_chart(*, department=None) -> list[OrgItem]:
    """The manager tree of current staff, from one query, as items to render.

    With a department, its people only: someone whose manager is elsewhere
    heads a branch. A circle of managers (possible in old data) is broken
    where it is met, so everyone appears exactly once.
    """
    people = Employee.objects.filter(status__in=Employee.CURRENT)
    if department is not None:
        people = people.filter(department=department)
    nodes = {
        row["pk"]: OrgNode(
            pk=row["pk"],
            name=f"{row['first_name']} {row['last_name']}",
            position=row["position__title"],
            department=row["department__name"],
            work_phone=row["work_phone"],
            extension=row["extension"],
            manager_id=row["manager_id"],
        )
        for row in people.order_by("last_name", "first_name", "pk").values(
            "pk",
            "first_name",
            "last_name",
            "position__title",
            "department__name",
            "work_phone",
            "extension",
            "manager_id",
        )
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.manager_id)
        (parent.children if parent else roots).append(node)
    return _flatten(roots, nodes)


def _flatten(roots: list[OrgNode], nodes: dict) -> list[OrgItem]:
    items: list[OrgItem] = []
    seen: set[int] = set()
    pending = list(roots)
    while len(seen) < len(nodes):
        for root in pending:
            _walk(root, items, seen)
        # Anyone not reached sits in a circle of managers: start from them.
        pending = [n for n in nodes.values() if n.pk not in seen][:1]
        for node in pending:
            node.manager_id = None
    return items


def _walk(root: OrgNode, items: list[OrgItem], seen: set[int]) -> None:
    start = len(items)
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        seen.add(node.pk)
        children = [c for c in node.children if c.pk not in seen]
        item = OrgItem(node=node, depth=depth, has_children=bool(children), closes=range(0))
        items.append(item)
        stack.extend((child, depth + 1) for child in reversed(children))
        seen.update(c.pk for c in children)
    # Close the nested lists: after each leaf, as many levels as the next item rises.
    block = items[start:]
    for index, item in enumerate(block):
        if item.has_children:
            continue
        next_depth = block[index + 1].depth if index + 1 < len(block) else 0
        item.closes = range(item.depth - next_depth)
