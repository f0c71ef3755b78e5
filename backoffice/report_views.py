"""Report pages: the list and "My reports", a report's page and its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from backoffice import reports
from backoffice.errors import JobError


def _report_or_404(request, key):
    report = reports.report_for(key)
    if report is None or not report.allowed(request.user):
        raise Http404
    return report


@login_required
def report_list(request):
    runs = Paginator(reports.report_runs_of(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/reports/list.html",
        {"reports": reports.reports_for(request.user), "page": runs},
    )


@login_required
def report_detail(request, key):
    report = _report_or_404(request, key)
    asked = any(name in request.GET for name in report.form_class.base_fields)
    form = report.form(request.GET.copy() if asked else None)
    if not form.is_valid():
        return render(request, "backoffice/reports/detail.html", {"report": report, "form": form})
    params = report.params_from(form)
    if request.method == "POST":
        try:
            job = reports.report_job_start(by=request.user, report=report, params=params)
        except JobError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The report is being prepared; it will be in My reports."))
            return redirect("backoffice:job-detail", job_id=job.pk)
    result = report.compute(params)
    fmt = request.GET.get("format", "")
    if fmt in reports.FORMATS:
        response = HttpResponse(
            reports.render_file(result, report, fmt), content_type=reports.CONTENT_TYPES[fmt]
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{reports.filename(report, params, fmt)}"'
        )
        return response
    return render(
        request,
        "backoffice/reports/detail.html",
        {
            "report": report,
            "form": form,
            "result": result,
            "body": reports.render_html(result, report),
            "query": form.data.urlencode() if hasattr(form.data, "urlencode") else "",
        },
    )


@login_required
def report_file(request, job_id, fmt):
    path, _report = reports.report_run_file(user=request.user, job_id=job_id, fmt=fmt)
    return FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=True,
        filename=path.rsplit("/", 1)[-1],
        content_type=reports.CONTENT_TYPES[fmt],
    )
