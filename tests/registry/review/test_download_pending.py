"""Downloads with the pending proposals (?pending=1): staff only, an editor's of their district."""
from __future__ import annotations

import csv
import io
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

URL = "/download/ftm-statements/?pending=1"


def _origins(response: Any) -> set[str]:
    assert response.status_code == 200, response
    body = b"".join(response.streaming_content).decode()
    return {r["origin"] for r in csv.DictReader(io.StringIO(body)) if r["external"] == "t"}


@pytest.mark.parametrize("persona", ["anonymous", "nobody"])
def test_pending_is_refused_to_the_public(articles: Any, persona: str, request: pytest.FixtureRequest) -> None:
    client = request.getfixturevalue(persona)
    assert client.get(URL).status_code == 403
    assert client.get("/download/ftm-statements/").status_code == 200  # accepted facts stay public


def test_an_editor_gets_the_pending_of_their_district_only(articles: Any, editor: Any) -> None:
    assert _origins(editor.get(URL)) == {f"qogam-source-{articles.sairam.pk}"}
    assert editor.get(URL + "&area=kz-turkistan-maktaaral").status_code == 403
    assert _origins(editor.get(URL + "&area=kz-turkistan-sairam")) == {f"qogam-source-{articles.sairam.pk}"}


@pytest.mark.parametrize("persona", ["reviewer", "admin"])
def test_reviewers_and_admins_get_every_pending(articles: Any, persona: str, request: pytest.FixtureRequest) -> None:
    client = request.getfixturevalue(persona)
    assert _origins(client.get(URL)) == {f"qogam-source-{articles.sairam.pk}", f"qogam-source-{articles.maktaaral.pk}"}
    refused = client.get("/download/popolo/?pending=1")
    assert refused.status_code == 400 and b"confirmed facts only" in refused.content
    assert client.get("/download/popolo/?since=soon").status_code == 400
    assert client.get("/download/popolo/?area=nowhere").status_code == 400


def test_the_lists_link_the_area_and_staff_see_the_pending_link(articles: Any, editor: Any, anonymous: Any) -> None:
    page = editor.get("/organisations/?area=kz-turkistan-sairam").content.decode()
    assert 'href="/download/popolo/?area=kz-turkistan-sairam"' in page
    assert "pending=1" in page
    assert "pending=1" not in anonymous.get("/organisations/").content.decode()
    area = anonymous.get("/areas/kz-turkistan-sairam/").content.decode()
    assert 'href="/download/csv/?area=kz-turkistan-sairam"' in area
