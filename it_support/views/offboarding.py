from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from it_support.errors import ItSupportError
from it_support.models.offboarding import OffboardingTicketItem
from it_support.selectors.offboarding import offboarding_items_open
from it_support.services.offboarding import offboarding_item_settle

WORK = "it_support.work_ticket"


@require_perm("backoffice.access_it")
def index(request):
    return render(request, "it_support/index.html")


@require_perm("backoffice.access_it", WORK)
def offboarding_list(request):
    context = {"items": offboarding_items_open()[:500], "outcomes": OffboardingTicketItem.Outcome}
    return render(request, "it_support/offboarding_list.html", context)


@require_perm("backoffice.access_it", WORK)
@require_POST
def offboarding_item_settle_view(request, pk):
    item = get_object_or_404(OffboardingTicketItem, pk=pk)
    try:
        ticket = offboarding_item_settle(
            by=request.user, item=item, outcome=request.POST.get("outcome", "")
        )
    except ItSupportError as exc:
        messages.error(request, str(exc))
    else:
        if ticket.status == ticket.Status.CLOSED:
            messages.success(request, _("Every item is done: the ticket is closed and HR told."))
        else:
            messages.success(request, _("Item done."))
    return redirect("it_support:offboarding-list")
