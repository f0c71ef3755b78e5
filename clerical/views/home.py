from django.shortcuts import render

from backoffice.permissions import require_perm


@require_perm("backoffice.access_clerical")
def index(request):
    return render(request, "clerical/index.html")
