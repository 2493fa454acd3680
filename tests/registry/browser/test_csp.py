"""No page breaks under the Content-Security-Policy (no inline script or style anywhere): every
public page, the staff pages, Django admin and the API docs load with no CSP violation in
headless Chromium, and their styles apply."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"
PASSWORD = "csp-Check-Pa55"


def _violations(page: Any) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None)
    return found


def test_every_page_loads_with_no_csp_violation(page: Any, tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model

    from qogam.registry.core.models import Organization, Source
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.core.services.review import bulk_accept
    from qogam.registry.core.services.setup import load_fixtures

    load_fixtures()
    name = "02_sairam_qogamdyq_kenes.txt"
    (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    ingest_path(tmp_path, progress=False)
    source = Source.objects.get()
    bulk_accept(source.proposals.filter(kind="organization"), None, 0.0)
    get_user_model().objects.create_superuser("boss", password=PASSWORD)
    found = _violations(page)
    public = ["/", "/organisations/", f"/organisations/{Organization.objects.first().pk}/", "/people/", "/areas/",
              "/areas/kz-turkistan-sairam/", f"/sources/{source.pk}/", "/search/?q=кеңес", "/events/", "/statements/",
              "/ru/", "/en/organisations/", f"/organisations/{Organization.objects.first().pk}/network/",
              "/areas/kz-turkistan-sairam/network/"]
    for url in public:
        page.goto(url)
        assert page.locator("header").count() >= 1, url
    # the stylesheet applies (an inline <style> blocked by the CSP would leave the page unstyled)
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--accent').trim()") != ""
    page.goto("/accounts/login/?next=/review/")
    page.fill("input[name=username]", "boss")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/review/$"))
    for url in ["/review/", f"/review/sources/{source.pk}/", "/review/add/", "/review/feeds/", "/review/tokens/",
                "/review/candidates/", "/review/merges/", "/admin/", "/admin/core/organization/", f"/admin/core/source/{source.pk}/change/", "/api/v1/docs"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert page.locator("#swagger-ui .info").count() == 1  # the API docs' Swagger UI ran (its scripts are 'self')
    assert found == []
