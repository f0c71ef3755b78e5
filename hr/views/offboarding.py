from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from hr.models.discipline import OffboardingItem
from hr.selectors import offboarding as offboarding_selectors
from hr.services import offboarding as offboarding_services
from hr.services.offboarding import OffboardingError


@require_perm("hr.view_offboardingitem")
def offboarding_list(request):
    terminations = list(offboarding_selectors.terminations_with_open_items()[:200])
    items = {}
    for item in offboarding_selectors.offboarding_items_of(terminations):
        items.setdefault(item.termination_id, []).append(item)
    rows = [(termination, items.get(termination.pk, [])) for termination in terminations]
    return render(request, "hr/offboarding_list.html", {"rows": rows})


@require_perm("hr.change_offboardingitem")
@require_POST
def offboarding_item_done(request, pk):
    item = get_object_or_404(OffboardingItem, pk=pk)
    try:
        offboarding_services.offboarding_item_done(by=request.user, item=item)
    except OffboardingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Marked as done."))
    return redirect("hr:offboarding-list")
