import json
import os

from django.db import DatabaseError
from django.urls import reverse


def test_healthz_reports_a_healthy_database_and_in_process_tasks(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "database": "ok",
        "broker": "in-process",
        "status": "ok",
    }


def test_healthz_reports_a_reachable_redis(client, db, settings):
    settings.REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_healthz_is_503_when_the_broker_does_not_answer(client, db, settings):
    # Port 9 on loopback: nothing listens there, so the connection is refused.
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["broker"].startswith("error")
    assert body["database"] == "ok"


def test_healthz_is_503_when_the_database_fails(client, db, monkeypatch):
    from backoffice import views

    class UnreachableDatabase:
        def cursor(self):
            raise DatabaseError("server closed the connection")

    monkeypatch.setattr(views, "connection", UnreachableDatabase())
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error: DatabaseError"
