from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from hr.selectors.offboarding import offboarding_items_of_department
from it_support.errors import ItSupportError
from it_support.services.offboarding import offboarding_item_report_done

IT = "it"  # the owner of IT's items in HR's offboarding checklist


@require_perm("backoffice.access_it")
def index(request):
    return render(request, "it_support/index.html")


@require_perm("backoffice.access_it")
def offboarding_list(request):
    items = offboarding_items_of_department(request.user, department=IT).filter(
        done_at__isnull=True
    )
    return render(request, "it_support/offboarding_list.html", {"items": items[:500]})


@require_perm("backoffice.access_it")
@require_POST
def offboarding_item_done(request, pk):
    item = get_object_or_404(offboarding_items_of_department(request.user, department=IT), pk=pk)
    try:
        offboarding_item_report_done(by=request.user, item=item)
    except ItSupportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Reported to HR as done."))
    return redirect("it_support:offboarding-list")
