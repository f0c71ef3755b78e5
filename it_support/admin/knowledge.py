from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from it_support.models.knowledge import Article


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "category", "system", "published", "author", "updated_at"]
    list_filter = ["published", "category", "system"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["system"]
    raw_id_fields = ["author"]
    list_select_related = ["system", "author"]
