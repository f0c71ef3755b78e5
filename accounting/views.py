from django.shortcuts import render

from backoffice.permissions import require_perm


@require_perm("backoffice.access_accounting")
def index(request):
    return render(request, "accounting/index.html")
