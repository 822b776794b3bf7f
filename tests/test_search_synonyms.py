"""Synonyms and abbreviations (search.synonyms): the platform-wide starter list, an
agency's own additions (only in that agency's search) and who edits them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from search.documents import terms_text
from search.engines import SearchQuery, search
from search.engines.database import DatabaseEngine
from search.models import AgencySynonym, PlatformSynonym
from search.synonyms import synonyms_for
from tests.factories import UserFactory, editor_of


def doc(page_id, title, body, *, language="ru", agency="", page_type="servicepage"):
    return {
        "id": f"{page_id}-{language}",
        "page_id": page_id,
        "agency": agency,
        "agency_ancestors": [],
        "agency_name": agency,
        "language": language,
        "page_type": page_type,
        "title": title,
        "summary": body[:80],
        "body": body,
        "url": f"/{language}/{page_id}/",
        "date": date(2025, 3, 1),
        "year": 2025,
        "title_terms": terms_text(title, language),
        "body_terms": terms_text(body, language),
        "tags": [],
    }


def ids(results):
    return [hit.page_id for hit in results.hits]


def test_the_starter_list_makes_the_abbreviation_find_the_e_signature_service(db):
    engine = DatabaseEngine()
    engine.index(
        [
            doc(
                70001,
                "Получение электронной цифровой подписи",
                "Заявка физического лица на портале электронного правительства.",
            ),
            doc(70002, "Новости министерства", "Министерство провело совещание о цифровизации."),
            doc(
                70003,
                "Электрондық цифрлық қолтаңба алу",
                "Жеке тұлғаға электрондық цифрлық қолтаңба алу тәртібі.",
                language="kk",
            ),
        ]
    )
    assert ids(search(SearchQuery(text="ЭЦП", language="ru"))) == [70001]
    assert ids(search(SearchQuery(text="цифровая подпись", language="ru")))[0] == 70001
    assert ids(search(SearchQuery(text="эцп получить", language="ru")))[0] == 70001
    assert ids(search(SearchQuery(text="ЭЦҚ", language="kk"))) == [70003]


def test_residence_registration_is_found_by_propiska(db):
    DatabaseEngine().index(
        [
            doc(
                70011,
                "Регистрация по месту жительства",
                "Государственная услуга: регистрация граждан по месту жительства.",
            ),
            doc(70012, "Контакты", "Адрес и телефон приёмной."),
        ]
    )
    assert ids(search(SearchQuery(text="прописка", language="ru"))) == [70011]
    assert ids(search(SearchQuery(text="прописку оформить", language="ru")))[0] == 70011


def test_an_agencys_synonym_applies_only_to_its_own_search(agency_a, agency_b):
    AgencySynonym.objects.create(agency=agency_a, language="ru", terms="ГРП, гидроразрыв")
    DatabaseEngine().index(
        [
            doc(70021, "Гидроразрыв пласта", "Отчёт о работах.", agency=agency_a.slug),
            doc(70022, "Гидроразрыв пласта", "Отчёт о работах.", agency=agency_b.slug),
        ]
    )
    assert synonyms_for("ru", agency_a.slug) != synonyms_for("ru", agency_b.slug)
    assert ids(search(SearchQuery(text="ГРП", language="ru", agency=agency_a.slug))) == [70021]
    # Not in another agency's search, nor on the portal-wide search.
    assert search(SearchQuery(text="ГРП", language="ru", agency=agency_b.slug)).total == 0
    assert search(SearchQuery(text="ГРП", language="ru")).total == 0
    assert ("ГРП", "гидроразрыв") not in synonyms_for("ru", None)


def test_a_synonym_needs_two_searchable_expressions(db):
    synonym = PlatformSynonym(language="ru", terms="ЭЦП")
    with pytest.raises(ValidationError) as error:
        synonym.full_clean()
    assert "terms" in error.value.message_dict
    synonym = PlatformSynonym(language="ru", terms=" абв ;  где\nёжз ,, ")
    synonym.full_clean()
    assert synonym.terms == "абв, где, ёжз"


def test_platform_synonyms_are_edited_by_platform_admins_only(client, agency_a):
    url = reverse("wagtailsnippets_birtutas_search_platformsynonym:list")
    client.force_login(editor_of(agency_a))
    assert client.get(url).status_code in (302, 403)
    add = reverse("wagtailsnippets_birtutas_search_platformsynonym:add")
    assert client.post(add, {"language": "ru", "terms": "а1, б1"}).status_code in (302, 403)
    assert client.get(add).status_code in (302, 403)
    assert not PlatformSynonym.objects.filter(terms="а1, б1").exists()
    admin = UserFactory(username="synonym-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(url).status_code == 200
    response = client.post(add, {"language": "ru", "terms": "госпошлина, государственная пошлина"})
    assert response.status_code == 302
    assert PlatformSynonym.objects.filter(terms="госпошлина, государственная пошлина").exists()


def test_editors_see_and_edit_only_their_agencys_synonyms(client, agency_a, agency_b):
    mine = AgencySynonym.objects.create(agency=agency_a, language="ru", terms="АБВ, абвгд")
    theirs = AgencySynonym.objects.create(agency=agency_b, language="ru", terms="ЭЮЯ, эюя")
    client.force_login(editor_of(agency_a))
    listing = client.get(reverse("wagtailsnippets_birtutas_search_agencysynonym:list"))
    assert listing.status_code == 200
    assert "АБВ" in listing.content.decode() and "ЭЮЯ" not in listing.content.decode()
    edit = "wagtailsnippets_birtutas_search_agencysynonym:edit"
    assert client.get(reverse(edit, args=[mine.pk])).status_code == 200
    assert client.get(reverse(edit, args=[theirs.pk]), follow=True).status_code == 404
    add = reverse("wagtailsnippets_birtutas_search_agencysynonym:add")
    response = client.get(add)
    assert list(response.context["form"].fields["agency"].queryset) == [agency_a]
    client.post(add, {"agency": agency_b.pk, "language": "ru", "terms": "х1, х2"})
    assert not AgencySynonym.objects.filter(terms="х1, х2").exists()
    response = client.post(add, {"agency": agency_a.pk, "language": "ru", "terms": "х1, х2"})
    assert response.status_code == 302
    assert AgencySynonym.objects.get(terms="х1, х2").agency == agency_a


def test_anonymous_visitors_cannot_reach_the_synonym_admin(client):
    for name in ("platformsynonym", "agencysynonym"):
        response = client.get(reverse(f"wagtailsnippets_birtutas_search_{name}:list"))
        assert response.status_code == 302
        assert "/login/" in response["Location"]
