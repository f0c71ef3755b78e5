"""The knowledge base: full-text search on PostgreSQL that ignores Romanian accents and
understands English and Romanian word forms; the new-ticket form's suggestions (top five,
published only, any signed-in staff member, bounded queries); articles readable by all."""

import pytest
from django.urls import reverse

from it_support.selectors.knowledge import articles_search
from tests.it_support.factories import ArticleFactory


@pytest.fixture
def articles(db):
    return {
        "printer": ArticleFactory(
            title="Imprimanta de bonuri nu printează", body="Verificați rola de hârtie."
        ),
        "blank": ArticleFactory(
            title="Receipt printer prints blank receipts", body="Turn the thermal roll over."
        ),
        "draft": ArticleFactory(title="Imprimantă: draft", published=False),
        "password": ArticleFactory(title="Parola expirată", body="Schimbați parola."),
    }


def titles(rows):
    return [a.title for a in rows]


def test_typing_without_accents_finds_the_article_with_them(articles):
    assert titles(articles_search("imprimanta bonuri")) == ["Imprimanta de bonuri nu printează"]
    assert titles(articles_search("hartie")) == ["Imprimanta de bonuri nu printează"]


def test_english_word_forms_and_prefixes_match(articles):
    assert titles(articles_search("printing receip")) == ["Receipt printer prints blank receipts"]


def test_drafts_are_never_suggested(articles):
    assert "Imprimantă: draft" not in titles(articles_search("imprimanta"))


def test_the_suggestions_fragment_shows_at_most_five_in_a_fixed_number_of_queries(
    client, role_users, django_assert_max_num_queries
):
    ArticleFactory.create_batch(8, title="Casa de marcat se blochează")
    client.force_login(role_users["employee"])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("it_support:article-suggest"), {"q": "casa blocheaza"})
    assert response.status_code == 200
    assert response.content.decode().count("<li>") == 5
    assert [t.name for t in response.templates][0] == "it_support/partials/article_suggestions.html"


def test_an_empty_or_odd_query_gives_an_empty_fragment(client, role_users, articles):
    client.force_login(role_users["clerk"])
    for text in ["", "   ", "&|!:*()'"]:
        response = client.get(reverse("it_support:article-suggest"), {"q": text})
        assert response.status_code == 200 and "<li>" not in response.content.decode()


def test_any_staff_member_reads_a_published_article_but_not_a_draft(client, role_users, articles):
    client.force_login(role_users["employee"])
    assert (
        client.get(reverse("it_support:article-detail", args=[articles["printer"].pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("it_support:article-detail", args=[articles["draft"].pk])).status_code
        == 404
    )


def test_it_writes_an_article_that_search_finds_at_once(client, role_users):
    client.force_login(role_users["it"])
    client.post(
        reverse("it_support:article-create"),
        {
            "title": "Scanerul nu citește codurile",
            "category": "hardware",
            "body": "Curățați geamul.",
            "published": "on",
        },
    )
    assert titles(articles_search("scaner")) == ["Scanerul nu citește codurile"]
