"""The Celery app: set for work that must not be lost or done twice.

Tasks are acknowledged only after they finish (a worker killed mid-task
leaves the message to be delivered again), each worker takes one message at
a time, and Redis waits longer than the longest task before it hands an
unacknowledged message to another worker. Tasks must therefore be
idempotent; the job runner in `backoffice.jobs` claims work with a
conditional update so a redelivery never does the same work twice at once.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backoffice.settings")

app = Celery("backoffice")
app.config_from_object("django.conf:settings", namespace="CELERY")

LONGEST_TASK_S = 60 * 60

app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_time_limit=LONGEST_TASK_S,
    task_soft_time_limit=LONGEST_TASK_S - 60,
    broker_transport_options={"visibility_timeout": LONGEST_TASK_S * 2},
    result_backend_transport_options={"visibility_timeout": LONGEST_TASK_S * 2},
    result_expires=60 * 60 * 24,
    broker_connection_retry_on_startup=True,
    worker_send_task_events=False,
    timezone=os.environ.get("TIME_ZONE", "Europe/Bucharest"),
)

# Every periodic job of the product, declared here and nowhere else.
app.conf.beat_schedule = {
    "requeue-stale-jobs": {
        "task": "backoffice.tasks.job_requeue_stale_task",
        "schedule": crontab(minute="*/5"),
    },
    "it-tickets-escalate": {
        "task": "it_support.tasks.tickets_escalate_task",
        "schedule": crontab(minute="*/5"),
    },
    "it-tickets-autoclose": {
        "task": "it_support.tasks.tickets_autoclose_task",
        "schedule": crontab(hour=6, minute=30),
    },
    "retry-mail": {
        "task": "backoffice.tasks.mail_retry_task",
        "schedule": crontab(minute="*"),
    },
    "prune-sent-mail": {
        "task": "backoffice.tasks.mail_prune_task",
        "schedule": crontab(hour=3, minute=45),
    },
    "prune-old-notifications": {
        "task": "backoffice.tasks.notification_prune_task",
        "schedule": crontab(hour=3, minute=15),
    },
    "hr-documents-expiring": {
        "task": "hr.tasks.documents_expiry_notify_task",
        "schedule": crontab(hour=7, minute=0),
    },
    "hr-prune-employee-imports": {
        "task": "hr.tasks.employee_imports_prune_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "remind-supplier-bills-due": {
        "task": "accounting.tasks.supplier_bill_reminders_task",
        "schedule": crontab(hour=7, minute=0),
    },
    "deactivate-departed-employees": {
        "task": "hr.tasks.employees_deactivate_departed_task",
        "schedule": crontab(hour=0, minute=30),
    },
    "accounting-timesheet-reminders": {
        "task": "accounting.tasks.timesheet_reminders_task",
        "schedule": crontab(hour=8, minute=0),
    },
    "hr-leave-daily": {
        "task": "hr.tasks.leave_daily_task",
        "schedule": crontab(hour=0, minute=40),
    },
    "hr-leave-year-end": {
        "task": "hr.tasks.leave_year_end_task",
        "schedule": crontab(month_of_year=1, day_of_month=1, hour=0, minute=20),
    },
    "clerical-documents-review-due": {
        "task": "clerical.tasks.documents_review_due_task",
        "schedule": crontab(hour=7, minute=15),
    },
    "clerical-extract-pending": {
        "task": "clerical.tasks.documents_extract_pending_task",
        "schedule": crontab(minute="*/10"),
    },
    "hr-training-reminders": {
        "task": "hr.tasks.training_reminders_task",
        "schedule": crontab(hour=6, minute=30),
    },
    "it-licences-expiring": {
        "task": "it_support.tasks.licences_expiry_remind_task",
        "schedule": crontab(hour=7, minute=10),
    },
    "it-maintenance-overdue": {
        "task": "it_support.tasks.maintenance_overdue_remind_task",
        "schedule": crontab(hour=7, minute=20),
    },
    "clerical-call-backs-overdue": {
        "task": "clerical.tasks.messages_remind_overdue_task",
        "schedule": crontab(minute="*/5"),
    },
}

app.autodiscover_tasks()
