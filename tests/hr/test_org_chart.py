import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models.employees import Employee
from hr.selectors import records as records_selectors
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory


def tree_of(items):
    """(name, depth) pairs in the order drawn."""
    return [(item.node.name, item.depth) for item in items]


def test_the_chart_nests_reports_under_their_manager(db):
    boss = EmployeeFactory(first_name="A", last_name="Boss")
    deputy = EmployeeFactory(first_name="B", last_name="Deputy", manager=boss)
    EmployeeFactory(first_name="C", last_name="Clerk", manager=deputy)
    EmployeeFactory(first_name="D", last_name="Driver", manager=boss)
    EmployeeFactory(first_name="E", last_name="Gone", manager=boss, status="terminated")
    assert tree_of(records_selectors.org_chart()) == [
        ("A Boss", 0),
        ("B Deputy", 1),
        ("C Clerk", 2),
        ("D Driver", 1),
    ]


def test_the_page_renders_well_formed_nested_lists(client, role_users):
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:org-chart"))
    html = response.content.decode()
    chart = html[html.index('<ul class="org-chart"') :]
    chart = chart[: chart.index("</main>")]
    assert chart.count("<ul") == chart.count("</ul>")
    assert chart.count("<li") == chart.count("</li>") == Employee.objects.count()
    manager = role_users["manager"].employee
    member = role_users["employee"].employee
    # The member is drawn inside the manager's list item.
    inside = re.search(
        rf'data-employee="{manager.pk}".*?<ul>.*?data-employee="{member.pk}"', chart, re.S
    )
    assert inside
    assert member.work_phone in chart


def test_a_department_filter_shows_its_people_with_outside_managers_as_roots(client, role_users):
    sales = DepartmentFactory(name="Sales")
    position = PositionFactory(department=sales)
    outside_boss = EmployeeFactory()
    head = EmployeeFactory(
        first_name="H", last_name="Head", position=position, manager=outside_boss
    )
    EmployeeFactory(first_name="S", last_name="Seller", position=position, manager=head)
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:org-chart"), {"department": sales.pk})
    assert tree_of(response.context["items"]) == [("H Head", 0), ("S Seller", 1)]


def test_a_bad_department_value_shows_everyone_not_an_error(client, role_users):
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:org-chart"), {"department": "nope"})
    assert response.status_code == 200
    assert len(response.context["items"]) == Employee.objects.count()


def test_a_circle_of_managers_still_shows_everyone_once(db):
    first = EmployeeFactory(first_name="X", last_name="One")
    second = EmployeeFactory(first_name="Y", last_name="Two", manager=first)
    Employee.objects.filter(pk=first.pk).update(manager=second)
    names = [name for name, _depth in tree_of(records_selectors.org_chart())]
    assert sorted(names) == ["X One", "Y Two"]


def test_the_org_chart_query_count_does_not_grow_with_the_staff(client, role_users):
    client.force_login(role_users["employee"])
    url = reverse("hr:org-chart")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    boss = EmployeeFactory()
    for manager in EmployeeFactory.create_batch(10, manager=boss):
        EmployeeFactory.create_batch(8, manager=manager)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["items"]) == Employee.objects.count()
    assert len(many) == len(few)
    assert len(few) <= 8
