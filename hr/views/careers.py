"""The public careers page: open openings, and applying to one. No login."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hr.forms.hiring import CareersApplicationForm
from hr.selectors import hiring as hiring_selectors
from hr.services import applicants as applicants_services
from hr.services.hiring import HiringError


def careers_list(request):
    return render(request, "hr/careers/list.html", {"openings": hiring_selectors.public_openings()})


def careers_apply(request, pk):
    opening = get_object_or_404(hiring_selectors.public_openings(), pk=pk)
    form = CareersApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            applicants_services.applicant_apply(opening=opening, **form.cleaned_data)
        except HiringError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Thank you: your application has reached us; we will write to you.")
            )
            return redirect("careers:list")
    return render(request, "hr/careers/apply.html", {"opening": opening, "form": form})
