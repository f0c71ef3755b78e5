"""The knowledge base: solution articles IT writes, suggested while a person types a ticket.

`search_vector` is kept by a PostgreSQL trigger (migration 0006) from the title
(weight A) and the body (weight B), in two text search configurations that strip
accents (`it_ro`: Romanian stems, `it_en`: English stems), under a GIN index.
On SQLite (the `make run` demo) the column stays empty and search falls back to
`icontains`.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from it_support.models.inventory import System


class ArticleCategory(models.TextChoices):
    CASH_REGISTER = "cash_register", _("Cash-register program")
    DATABASE = "database", _("Database")
    ORDERING = "ordering", _("Ordering system")
    HARDWARE = "hardware", _("Hardware")
    NETWORK = "network", _("Network")
    ACCESS = "access", _("Access and passwords")
    OTHER = "other", _("Other")


class Article(models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("solution"), max_length=50000)
    category = models.CharField(_("category"), max_length=20, choices=ArticleCategory.choices)
    system = models.ForeignKey(
        System,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("system"),
    )
    published = models.BooleanField(_("published"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")
        indexes = [models.Index(fields=["published", "category"], name="it_article_pub_idx")]

    def __str__(self):
        return self.title
