"""Knowledge-base articles; the search vector is kept by the database (migration 0006)."""

from django.db import transaction
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from it_support.models.knowledge import Article
from it_support.services.inventory import record_save


class KnowledgeError(DomainError):
    pass


@transaction.atomic
def article_create(*, by, **fields) -> Article:
    return record_save(
        Article(author=by, **fields), by=by, reason=_("Created"), error=KnowledgeError
    )


@transaction.atomic
def article_update(*, by, article: Article, **fields) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    for name, value in fields.items():
        setattr(article, name, value)
    return record_save(article, by=by, reason=_("Edited"), error=KnowledgeError)
