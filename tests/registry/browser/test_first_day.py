"""The first-day faults, through the real pages in headless Chromium: an admin save that must not
move a highlight, an event that must not create its passers-by, one village with its district,
NGOs with their district, a review page whose article stays in view and whose message is seen.
Screenshots of every page, public and staff, in kk, ru and en go to var/screenshots/."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"
PASSWORD = "first-Day-Pa55"


def _ingest(tmp_path: Path, *names: str) -> list[Any]:
    from qogam.registry.core.models import Source
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.core.services.setup import load_fixtures

    load_fixtures()
    for name in names:
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
        meta = EXAMPLES / name.replace(".txt", ".meta.json")
        if meta.exists():
            (tmp_path / meta.name).write_bytes(meta.read_bytes())
    ingest_path(tmp_path, progress=False)
    return [Source.objects.get(origin__endswith=name) for name in names]


def _log_in(page: Any, username: str, next_url: str = "/review/") -> None:
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def _admin(username: str = "boss") -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(username, password=PASSWORD)


def _marked(page: Any) -> str:
    """The highlighted article as the page draws it: every mark with the letters inside it."""
    assert page.locator(".article mark").count() > 5
    return page.locator(".article").inner_html()


def test_saving_a_source_in_the_admin_moves_no_highlight(page: Any, shot: Any, tmp_path: Path) -> None:
    from qogam.registry.core.services.review import bulk_accept

    (source,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    bulk_accept(source.proposals.all(), None, 0.0)
    length = len(source.text)
    _admin()
    page.goto(f"/sources/{source.pk}/")
    before = _marked(page)
    assert "Сайрам ауданы" in page.locator(".article mark").all_inner_texts()
    _log_in(page, "boss", f"/admin/core/source/{source.pk}/change/")
    shot("admin-source-kk")
    page.fill("input[name=outlet]", "ontustik.kz")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/core/source/$"))
    source.refresh_from_db()
    assert source.outlet == "ontustik.kz" and len(source.text) == length and "\r" not in source.text
    page.goto(f"/sources/{source.pk}/")
    assert _marked(page) == before  # every highlight on the same letters


def test_accepting_an_event_in_the_queue_makes_no_passer_by_a_participant(page: Any, shot: Any, tmp_path: Path) -> None:
    from qogam.registry.core.models import Event, Person

    (source,) = _ingest(tmp_path, "01_uemu_sailau_zhiyny.txt")
    event = source.proposals.get(kind="event")
    _admin()
    _log_in(page, "boss")
    page.goto(f"/review/sources/{source.pk}/")
    card = page.locator(f"#p-{event.pk}")
    listed = card.locator("ul.also li").all_inner_texts()
    assert listed and "Қасым-Жомарт Тоқаев" not in " ".join(listed)
    shot("review-event-card")
    card.locator("button[name=accept]").click()
    page.wait_for_url(re.compile(rf"#p-{event.pk}$"))
    accepted = Event.objects.get()
    assert sorted(accepted.participants.values_list("name", flat=True)) == sorted(listed)
    assert not Person.objects.filter(name="Қасым-Жомарт Тоқаев").exists()
    # the message is on the card the page came back to, in view
    message = page.locator(f"#p-{event.pk} .messages li.success")
    assert message.count() == 1 and message.is_visible()
    box = message.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    shot("review-after-accept")


def test_bulk_accept_in_the_queue_makes_one_village_and_fills_the_district(page: Any, shot: Any, tmp_path: Path) -> None:
    from qogam.registry.core.models import Area

    (source,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    _admin()
    _log_in(page, "boss")
    page.goto(f"/review/sources/{source.pk}/")
    page.fill("input[name=min_confidence]", "0")
    page.click("form.bulk button[type=submit]")
    page.wait_for_load_state()
    assert Area.objects.filter(name_kk__startswith="Ақсукент").count() == 1
    village = Area.objects.get(name_kk="Ақсукент ауылы")
    assert village.parent.slug == "kz-turkistan-sairam"
    shot("review-after-bulk-accept")
    # the waiting place says why, on its card
    assert page.locator(".messages li.warning", has_text="Қарабұлақ").count() == 1
    # the district page lists the NGOs, the home chart counts them
    page.goto("/areas/kz-turkistan-sairam/")
    text = page.locator("main").inner_text()
    assert "«Мейірім» қоғамдық бірлестігі" in text and "Ақсукент ауылы" in text
    shot("area-after-review")
    page.goto("/")
    assert page.locator("svg.bars").count() >= 1 and "Сайрам" in page.locator(".charts").first.inner_text()


def test_the_reviewer_sets_an_ngos_district_in_the_form(page: Any, tmp_path: Path) -> None:
    from qogam.registry.core.models import Organization

    (source,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    proposal = source.proposals.get(kind="organization", label__contains="Мейірім")
    _admin()
    _log_in(page, "boss")
    page.goto(f"/review/proposals/{proposal.pk}/edit/")
    assert page.locator("select[name=area]").input_value() == "kz-turkistan-sairam"  # offered from the article
    page.select_option("select[name=area]", "kz-turkistan-kentau")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert Organization.objects.get(name_kk__contains="Мейірім").area.slug == "kz-turkistan-kentau"


def test_the_article_stays_in_view_while_the_cards_scroll(page: Any, tmp_path: Path) -> None:
    (source,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    _admin()
    _log_in(page, "boss")
    page.goto(f"/review/sources/{source.pk}/")
    page.mouse.move(1100, 600)  # over the cards' column: the wheel scrolls the page, not the article
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(200)
    top = page.evaluate("document.querySelector('.review-layout > .article').getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 1000 and 0 <= top < 50


def _visit_in_each_language(page: Any, shot: Any, group: str, urls: list[str]) -> None:
    """Open each page in kk, ru and en, check it says which, and save its screenshot."""
    for lang in ("kk", "ru", "en"):
        prefix = "" if lang == "kk" else f"/{lang}"
        for url in urls:
            page.goto(prefix + url)
            assert page.locator(f"html[lang={lang}]").count() == 1, url
            shot(f"{lang}-{group}-{url.strip('/').replace('/', '-').replace('?', '-') or 'home'}")


PUBLIC = ["/", "/search/?q=Сейдахметов", "/organisations/", "/people/", "/areas/", "/areas/kz-turkistan-sairam/",
          "/posts/", "/events/", "/statements/", "/sources/", "/accounts/login/", "/no-such-page/"]


def test_screenshots_of_every_page_in_each_language(page: Any, shot: Any, tmp_path: Path) -> None:
    from qogam.registry.core.models import Event, Organization, Person, Source
    from qogam.registry.core.services.review import bulk_accept

    sources = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt", "03_zhomart_zhurek_qory.txt")
    bulk_accept(sources[1].proposals.all(), None, 0.9)
    person, org = Person.objects.first(), Organization.objects.exclude(name_kk="").order_by("-pk").first()
    pages = [*PUBLIC, f"/people/{person.pk}/", f"/organisations/{org.pk}/", f"/sources/{sources[1].pk}/"]
    if Event.objects.exists():
        pages.append(f"/events/{Event.objects.first().pk}/")
    _visit_in_each_language(page, shot, "public", pages)
    _admin()
    _log_in(page, "boss")
    person_proposal = Source.objects.get(pk=sources[0].pk).proposals.filter(kind="person").first()
    staff = ["/review/", f"/review/sources/{sources[0].pk}/", "/review/add/", "/review/feeds/",
             f"/review/proposals/{person_proposal.pk}/same-as/", f"/review/proposals/{person_proposal.pk}/edit/"]
    _visit_in_each_language(page, shot, "staff", staff)
    page.goto("/admin/")
    shot("kk-admin")


def test_an_editor_makes_an_api_token_uses_it_and_revokes_it(page: Any, shot: Any, tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model

    from qogam.registry.core.models import Area
    from qogam.registry.review.models import StaffRole

    _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    editor = get_user_model().objects.create_user("sairam-editor", password=PASSWORD, is_staff=True)
    StaffRole.objects.create(user=editor, role=StaffRole.Role.EDITOR, area=Area.objects.get(slug="kz-turkistan-sairam"))
    _log_in(page, "sairam-editor", "/review/tokens/")
    page.fill("input[name=name]", "district report script")
    page.click("button[name=make]")
    key = page.locator("code.key").inner_text()
    assert key.startswith("qgm_")
    shot("staff-tokens-made")
    api = page.request.get("/api/v1/proposals", headers={"Authorization": f"Bearer {key}"})
    assert api.status == 200 and api.json()["count"] > 0
    page.goto("/review/tokens/")
    assert page.locator("code.key").count() == 0 and "district report script" in page.inner_text("table.tokens")
    page.click("button[name=revoke]")
    page.wait_for_url(re.compile(r"/review/tokens/$"))
    assert page.locator("button[name=revoke]").count() == 0
    assert page.request.get("/api/v1/proposals", headers={"Authorization": f"Bearer {key}"}).status == 401
    page.goto("/areas/kz-turkistan-sairam/")
    with page.expect_download() as download:
        page.click("a[href='/download/ftm-statements/?area=kz-turkistan-sairam&pending=1']")
    rows = Path(download.value.path()).read_text(encoding="utf-8")
    assert '"qogam-source-' in rows and ',"t",' in rows  # the district's pending proposals, as external statements
