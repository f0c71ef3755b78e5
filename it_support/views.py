from django.shortcuts import render

from backoffice.permissions import require_perm


@require_perm("backoffice.access_it")
def index(request):
    return render(request, "it_support/index.html")
