import pytest
from django.core import mail
from django.urls import reverse

from backoffice import roles, services
from backoffice.models import Notification
from backoffice.tasks import notification_email_task
from tests.factories import UserFactory


def test_a_notification_reaches_each_recipient_once(role_users):
    hr, it = role_users["hr"], role_users["it"]
    created = services.notification_send(recipients=[hr, it, hr], title="Server room closed")
    assert len(created) == 2
    assert Notification.objects.filter(title="Server room closed").count() == 2


def test_a_group_notification_skips_inactive_members(role_users):
    gone = UserFactory(username="former-it", roles=[roles.IT], is_active=False)
    services.notification_send_to_group(group=roles.IT, title="Patch tonight")
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"it"}
    assert not gone.notifications.exists()


def test_the_email_copy_is_sent_after_commit_and_only_once(
    role_users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = services.notification_send(
            recipients=[role_users["hr"]], title="Review the offer", email=True
        )
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hr@example.com"]
    assert mail.outbox[0].subject == "Review the offer"
    # The task delivered again sends nothing more.
    assert notification_email_task([n.pk for n in created]) == 0
    assert len(mail.outbox) == 1


def test_the_top_bar_shows_the_unread_count(client, employee_user):
    services.notification_send(recipients=[employee_user], title="One")
    services.notification_send(recipients=[employee_user], title="Two")
    client.force_login(employee_user)
    response = client.get(reverse("home"))
    assert b'data-testid="unread-count">2<' in response.content


def test_marking_read_lowers_the_count_and_follows_the_link(client, employee_user):
    [note] = services.notification_send(recipients=[employee_user], title="A", url="/hr/directory/")
    client.force_login(employee_user)
    response = client.post(reverse("backoffice:notification-read", args=[note.pk]), {"follow": "1"})
    assert response["Location"] == "/hr/directory/"
    note.refresh_from_db()
    assert note.is_read


def test_nobody_can_mark_another_persons_notification(client, role_users):
    note = services.notification_send(recipients=[role_users["hr"]], title="Private")[0]
    client.force_login(role_users["employee"])
    response = client.post(reverse("backoffice:notification-read", args=[note.pk]))
    assert response.status_code == 404
    note.refresh_from_db()
    assert not note.is_read


def test_mark_all_read_touches_only_my_notifications(client, role_users):
    services.notification_send(recipients=[role_users["hr"], role_users["it"]], title="All")
    client.force_login(role_users["hr"])
    client.post(reverse("backoffice:notification-read-all"))
    assert role_users["hr"].notifications.filter(read_at__isnull=True).count() == 0
    assert role_users["it"].notifications.filter(read_at__isnull=True).count() == 1


@pytest.mark.parametrize("method", ["get"])
def test_marking_read_is_post_only(client, employee_user, method):
    note = services.notification_send(recipients=[employee_user], title="A")[0]
    client.force_login(employee_user)
    response = getattr(client, method)(reverse("backoffice:notification-read", args=[note.pk]))
    assert response.status_code == 405
