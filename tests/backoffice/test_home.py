"""Each role's home page: what it shows, and a query count that stays bounded."""

import pytest
from django.urls import reverse

from tests.conftest import ROLE_OF_USER
from tests.factories import EmployeeFactory

# Session, user, employee, permissions and the unread count, then one to three fixed
# queries per panel the role sees (messages, leave, tickets, team, jobs): 15 to 20
# today whatever the number of rows; the administrator sees every panel.
MAX_HOME_QUERIES = 20


@pytest.mark.parametrize("username", list(ROLE_OF_USER))
def test_the_home_page_issues_a_bounded_number_of_queries(
    client, role_users, username, django_assert_max_num_queries
):
    manager = role_users["manager"].employee
    EmployeeFactory.create_batch(30, manager=manager)
    client.force_login(role_users[username])
    client.get(reverse("home"))  # warm the session and permission caches
    with django_assert_max_num_queries(MAX_HOME_QUERIES):
        response = client.get(reverse("home"))
    assert response.status_code == 200


def test_the_query_count_does_not_grow_with_the_team(client, role_users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    manager = role_users["manager"]
    client.force_login(manager)
    EmployeeFactory.create_batch(3, manager=manager.employee)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("home"))
    EmployeeFactory.create_batch(40, manager=manager.employee)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("home"))
    assert len(large) == len(small)


def test_a_manager_sees_the_team_and_the_dashboard(client, manager_user, role_users):
    client.force_login(manager_user)
    response = client.get(reverse("home"))
    assert b'data-testid="my-team"' in response.content
    assert b'data-testid="dashboard"' in response.content
    assert role_users["employee"].employee.full_name.encode() in response.content


def test_an_employee_sees_self_service_only(client, employee_user):
    client.force_login(employee_user)
    response = client.get(reverse("home"))
    assert b'data-testid="self-service"' in response.content
    assert employee_user.employee.position.title.encode() in response.content
    assert b'data-testid="my-team"' not in response.content
    assert b'data-testid="dashboard"' not in response.content


@pytest.mark.parametrize(
    ("username", "areas"),
    [
        ("admin", ["hr", "accounting", "it_support", "clerical"]),
        ("hr", ["hr"]),
        ("accountant", ["accounting"]),
        ("controller", ["accounting"]),
        ("it", ["it_support"]),
        ("clerk", ["clerical"]),
        ("manager", ["accounting"]),
        ("employee", []),
    ],
)
def test_the_top_bar_shows_only_the_departments_a_role_may_open(
    client, role_users, username, areas
):
    client.force_login(role_users[username])
    response = client.get(reverse("home"))
    drawn = [area.key for area in response.context["nav_areas"]]
    assert drawn == areas


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
