from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from backoffice import reports, selectors, services
from backoffice.history import history_rows
from backoffice.registry import panels_for


@login_required
def home(request):
    return render(request, "backoffice/home.html", {"panels": panels_for(request.user)})


@never_cache
@require_GET
def healthz(request):
    """The state of the database and the broker, for load balancers and monitors."""
    checks = {"database": _check_database(), "broker": _check_broker()}
    healthy = all(state in ("ok", "in-process") for state in checks.values())
    checks["status"] = "ok" if healthy else "error"
    return JsonResponse(checks, status=200 if healthy else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _check_broker() -> str:
    if not settings.REDIS_URL:
        return "in-process"
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        )
        client.ping()
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


# Jobs -----------------------------------------------------------------------


@login_required
def job_list(request):
    page = Paginator(selectors.jobs_visible_to(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "backoffice/job_list.html", {"page": page})


@login_required
def job_detail(request, job_id):
    job = get_object_or_404(selectors.jobs_visible_to(request.user), pk=job_id)
    if not request.htmx:
        return render(request, "backoffice/job_detail.html", {"job": job})
    reload = request.GET.get("reload") == "1"
    response = render(
        request, "backoffice/partials/job_progress.html", {"job": job, "reload_when_done": reload}
    )
    if reload and job.is_finished:
        # The page around the progress (a payroll run) changes with the job's end.
        response["HX-Refresh"] = "true"
    return response


@login_required
def job_download(request, job_id):
    job = get_object_or_404(selectors.jobs_visible_to(request.user), pk=job_id)
    if not job.result_file:
        raise Http404
    if job.kind == reports.JOB_KIND:
        # A report's files go only to someone who may (still) run the report.
        reports.report_run_file(user=request.user, job_id=job.pk, fmt="xlsx")
    return FileResponse(
        job.result_file.open("rb"),
        as_attachment=True,
        filename=job.result_file.name.rsplit("/", 1)[-1],
    )


# Notifications ----------------------------------------------------------------


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_for(request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "backoffice/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_read(request, notification_id):
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=notification_id)
    services.notification_mark_read(user=request.user, notification_id=notification.pk)
    if notification.url and request.POST.get("follow"):
        return redirect(notification.url)
    return redirect("backoffice:notification-list")


@login_required
@require_POST
def notification_read_all(request):
    count = services.notifications_mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked as read.",
            "%(count)d notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("backoffice:notification-list")


# Audit trail -------------------------------------------------------------------


@login_required
def history(request, app_label, model_name, pk):
    """Who changed a record, when, and what it was before and after."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    manager = getattr(model, "history", None)
    if manager is None:
        raise Http404
    history_model = manager.model
    if not request.user.has_perm(f"{app_label}.view_{history_model._meta.model_name}"):
        raise PermissionDenied
    # Models with object rules (e.g. a complaint, never shown to the person it
    # is about) name them in `history_visible_to(user)`: a queryset of records.
    visible_to = getattr(model, "history_visible_to", None)
    if visible_to is not None and not visible_to(request.user).filter(pk=pk).exists():
        raise Http404
    records = history_model.objects.filter(id=pk).select_related("history_user")
    page = Paginator(records.order_by("-history_date", "-history_id"), 50).get_page(
        request.GET.get("page")
    )
    if not page.object_list and not model._default_manager.filter(pk=pk).exists():
        raise Http404
    return render(
        request,
        "backoffice/history.html",
        {
            "model_verbose_name": model._meta.verbose_name,
            "object_pk": pk,
            "page": page,
            "rows": history_rows(list(page.object_list), records),
        },
    )
