"""The review pages of who is who, for every persona: candidates, the pair side by side, verdicts, merges, splits."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest


@dataclass
class Pairs:
    sairam: tuple[Any, Any]  # two spellings of one person, both on a Сайрам council
    maktaaral: tuple[Any, Any]  # the same in Мақтаарал
    orgs: tuple[Any, Any]  # one NGO in two languages, in Сайрам


@pytest.fixture
def pairs(articles: Any) -> Pairs:
    from qogam.registry.core.models import Area, Membership, Organization, Person
    from qogam.registry.core.services.resolution import refresh_candidates

    sairam = Area.objects.get(slug="kz-turkistan-sairam")
    maktaaral = Area.objects.get(slug="kz-turkistan-maktaaral")
    council = Organization.objects.create(name_kk="Сайрам ауданы әкімдігі жанындағы ардагерлер кеңесі",
                                          classification="council", area=sairam)
    other_council = Organization.objects.create(name_kk="Мақтаарал ауданы әкімдігі жанындағы ардагерлер кеңесі",
                                                classification="council", area=maktaaral)
    a = Person.objects.create(name="Қабиболла Жақыпов")
    b = Person.objects.create(name="Кабибулла Джакупов")
    c = Person.objects.create(name="Ерболат Нұрмағамбетов")
    d = Person.objects.create(name="Ерболат Нурмагамбетов")
    for person, body in ((a, council), (b, council), (c, other_council), (d, other_council)):
        Membership.objects.create(person=person, organization=body, role="мүше")
    kk = Organization.objects.create(name_kk="«Ақ ниет» қоғамдық бірлестігі", classification="public_association", area=sairam)
    ru = Organization.objects.create(name_ru="общественное объединение «Ақ ниет»", classification="public_association",
                                     area=sairam)
    refresh_candidates()
    return Pairs((a, b), (c, d), (kk, ru))


def _url(kind: str, pair: tuple[Any, Any], action: str = "") -> str:
    from django.urls import reverse

    left, right = sorted(x.pk for x in pair)
    return reverse("review:judge" if action else "review:candidate", args=[kind, left, right])


def test_anonymous_and_nobody_are_kept_out(anonymous: Any, nobody: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    for client in (anonymous, nobody):
        expected = 302 if client.user is None else 403
        assert client.get(reverse("review:candidates")).status_code == expected
        assert client.get(_url("person", pairs.sairam)).status_code == expected
        assert client.post(_url("person", pairs.sairam, "judge"), {"verdict": "same"}).status_code == expected
        assert client.get(reverse("review:merges")).status_code == expected
    from qogam.registry.core.models import Person

    assert Person.objects.filter(pk__in=[p.pk for p in pairs.sairam]).count() == 2


def test_an_editor_sees_and_decides_the_pairs_of_their_district_only(editor: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    from qogam.registry.core.models import Judgement, Person

    page = editor.get(reverse("review:candidates")).content.decode()
    assert "Жақыпов" in page and "Нұрмағамбетов" not in page
    assert editor.get(_url("person", pairs.maktaaral)).status_code == 403
    assert editor.post(_url("person", pairs.maktaaral, "judge"), {"verdict": "different"}).status_code == 403
    assert not Judgement.objects.exists()
    assert editor.post(reverse("review:candidates-refresh")).status_code == 403  # the whole registry: reviewers
    response = editor.post(_url("person", pairs.sairam, "judge"), {"verdict": "same"})
    assert response.status_code == 302
    assert Person.objects.filter(pk__in=[p.pk for p in pairs.sairam]).count() == 1


def test_the_pair_side_by_side_shows_names_word_by_word_and_reasons(reviewer: Any, pairs: Pairs) -> None:
    page = reviewer.get(_url("person", pairs.sairam)).content.decode()
    for text in ("Қабиболла Жақыпов", "Кабибулла Джакупов", "Сайрам ауданы әкімдігі жанындағы ардагерлер кеңесі",
                 'class="diff-close"', 'name="verdict" value="same"'):
        assert text in page
    page = reviewer.get(_url("organization", pairs.orgs)).content.decode()
    assert "общественное объединение «Ақ ниет»" in page


def test_a_reviewer_merges_and_splits_and_different_is_never_proposed_again(reviewer: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    from qogam.registry.core.models import MatchCandidate, Merge, Person

    a, b = pairs.sairam
    assert reviewer.post(_url("person", pairs.sairam, "judge"), {"verdict": "same"})["Location"] == reverse("review:merges")
    assert not Person.objects.filter(pk=b.pk).exists()
    # the old address redirects to the entry that absorbed it
    response = reviewer.get(reverse("web:person", args=[b.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("web:person", args=[a.pk])
    merges = reviewer.get(reverse("review:merges")).content.decode()
    assert "Кабибулла Джакупов" in merges
    merge = Merge.objects.get()
    assert reviewer.post(reverse("review:split", args=[merge.pk])).status_code == 302
    assert Person.objects.filter(pk=b.pk).exists()
    assert reviewer.get(reverse("web:person", args=[b.pk])).status_code == 200
    reviewer.post(reverse("review:candidates-refresh"))
    assert not MatchCandidate.objects.filter(kind="person", left=a.pk, right=b.pk).exists()  # split: different


def test_verdicts_of_admin_and_bad_input(admin: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    from qogam.registry.core.models import Judgement

    assert admin.post(_url("person", pairs.maktaaral, "judge"), {"verdict": "maybe"}).status_code == 302
    assert not Judgement.objects.exists()
    assert admin.post(_url("person", pairs.maktaaral, "judge"), {"verdict": "unsure"}).status_code == 302
    assert Judgement.objects.get().verdict == "unsure"
    assert admin.get(reverse("review:candidate", args=["area", 1, 2])).status_code == 404
    assert admin.get(reverse("review:candidate", args=["person", 10**6, 10**6 + 1])).status_code == 404
    assert admin.get(_url("person", pairs.sairam, "judge")).status_code == 405
    page = admin.get(reverse("review:candidates") + "?kind=organization").content.decode()
    assert "«Ақ ниет»" in page and "Жақыпов" not in page
    page = admin.get(reverse("review:candidates") + "?area=kz-turkistan-maktaaral").content.decode()
    assert "Нұрмағамбетов" in page and "Жақыпов" not in page


def test_a_pair_whose_entry_is_gone_is_not_listed(reviewer: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    url = _url("person", pairs.maktaaral)
    pairs.maktaaral[1].delete()  # a decision undone since the candidates were computed
    page = reviewer.get(reverse("review:candidates")).content.decode()
    assert "Нұрмағамбетов" not in page and "Жақыпов" in page
    assert reviewer.get(url).status_code == 404


def test_admin_shows_judgements_and_merges_read_only(admin: Any, reviewer: Any, pairs: Pairs) -> None:
    reviewer.post(_url("person", pairs.sairam, "judge"), {"verdict": "same"})
    for model in ("judgement", "merge"):
        page = admin.get(f"/admin/core/{model}/")
        assert page.status_code == 200
        assert admin.get(f"/admin/core/{model}/add/").status_code == 403
    assert "Кабибулла Джакупов" in admin.get("/admin/core/merge/").content.decode()


def test_the_page_recomputes_stale_candidates_of_a_small_registry(reviewer: Any, pairs: Pairs) -> None:
    from django.urls import reverse

    from qogam.registry.core.models import Membership, Person, ResolverRun

    a, _b = pairs.sairam
    runs = ResolverRun.objects.count()
    assert "Кабиболла Жакыпов" not in reviewer.get(reverse("review:candidates")).content.decode()
    assert ResolverRun.objects.count() == runs  # nothing changed: nothing recomputed
    twin = Person.objects.create(name="Кабиболла Жакыпов")  # a spelling accepted since
    Membership.objects.create(person=twin, organization=a.memberships.get().organization, role="мүше")
    page = reviewer.get(reverse("review:candidates")).content.decode()
    assert ResolverRun.objects.count() > runs and "Кабиболла Жакыпов" in page
