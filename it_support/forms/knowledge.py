from django import forms

from it_support.models.knowledge import Article


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "category", "system", "body", "published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
