"""Reads of the knowledge base; suggestions use PostgreSQL full-text search (see the model)."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from it_support.models.knowledge import Article

SUGGESTIONS = 5
MAX_TERMS = 8


def articles_visible_to(user):
    rows = Article.objects.select_related("system")
    if user.has_perm("it_support.change_article"):
        return rows
    return rows.filter(published=True)


def _prefix_query(text: str) -> SearchQuery | None:
    """Every word typed so far, the last as a prefix; in Romanian or English stems."""
    terms = re.findall(r"\w+", text.lower())[:MAX_TERMS]
    if not terms:
        return None
    raw = " & ".join(f"{term}:*" for term in terms)
    return SearchQuery(raw, config="it_ro", search_type="raw") | SearchQuery(
        raw, config="it_en", search_type="raw"
    )


def articles_search(text: str, *, queryset=None, limit: int = SUGGESTIONS):
    """The best matches for `text` among `queryset` (published articles by default)."""
    rows = Article.objects.filter(published=True) if queryset is None else queryset
    if connection.vendor != "postgresql":
        words = re.findall(r"\w+", text)[:MAX_TERMS]
        if not words:
            return rows.none()
        match = Q()
        for word in words:
            match &= Q(title__icontains=word) | Q(body__icontains=word)
        return rows.filter(match).order_by("title")[:limit]
    query = _prefix_query(text)
    if query is None:
        return rows.none()
    return (
        rows.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-updated_at")[:limit]
    )
