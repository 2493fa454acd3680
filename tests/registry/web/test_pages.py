"""Every public page answers an anonymous visitor, in each language, and refuses to change anything."""
from __future__ import annotations

from typing import Any

import pytest

from qogam.registry.core.models import Area, Organization, Person

pytestmark = pytest.mark.django_db

LIST_PAGES = ["/", "/search/", "/organisations/", "/people/", "/areas/", "/accounts/login/"]


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_answer_anonymous(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "Қоғам" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/search/", "/organisations/", "/people/", "/areas/"])
def test_public_pages_refuse_post(client: Any, url: str) -> None:
    assert client.post(url).status_code == 405
