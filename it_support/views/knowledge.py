"""The knowledge base: articles every member of staff reads, IT writes, and suggestions
for the new-ticket form while the person types."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from it_support.forms.knowledge import ArticleForm
from it_support.selectors import knowledge as selectors
from it_support.services import knowledge as services
from it_support.views.inventory import PAGE_SIZE, detail_url, form_page

MAX_QUERY = 200


@login_required
def article_list(request):
    # `subject` is what the new-ticket form's field sends as the person types.
    text = (request.GET.get("q") or request.GET.get("subject") or "")[:MAX_QUERY].strip()
    rows = selectors.articles_visible_to(request.user)
    if text:
        rows = selectors.articles_search(text, queryset=rows, limit=PAGE_SIZE)
    else:
        rows = rows.order_by("title")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "it_support/kb/article_list.html",
        {"page": page, "q": text, "querystring": querystring_without_page(request)},
    )


@login_required
def article_detail(request, pk):
    article = get_object_or_404(selectors.articles_visible_to(request.user), pk=pk)
    return render(request, "it_support/kb/article_detail.html", {"article": article})


@login_required
def article_suggest(request):
    """The htmx fragment under the new-ticket form: the five best published matches."""
    # `subject` is what the new-ticket form's field sends as the person types.
    text = (request.GET.get("q") or request.GET.get("subject") or "")[:MAX_QUERY]
    articles = list(selectors.articles_search(text)) if text.strip() else []
    return render(
        request, "it_support/partials/article_suggestions.html", {"articles": articles, "q": text}
    )


@require_perm("it_support.add_article")
def article_create(request):
    return form_page(
        request,
        ArticleForm(request.POST or None),
        save=lambda data: services.article_create(by=request.user, **data),
        title=_("New article"),
        cancel=reverse("it_support:article-list"),
        done=detail_url("article-detail"),
    )


@require_perm("it_support.change_article")
def article_edit(request, pk):
    article = get_object_or_404(selectors.articles_visible_to(request.user), pk=pk)
    return form_page(
        request,
        ArticleForm(request.POST or None, instance=article),
        save=lambda data: services.article_update(by=request.user, article=article, **data),
        title=_("Edit %(name)s") % {"name": article.title},
        cancel=reverse("it_support:article-detail", args=[pk]),
        done=detail_url("article-detail"),
    )
