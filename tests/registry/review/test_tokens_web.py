"""API tokens made and revoked in the web app, by persona; a key made there works on the API."""
from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

PAGE = "/review/tokens/"


def _make(client: Any, name: str = "my script") -> str:
    response = client.post(PAGE, {"name": name})
    assert response.status_code == 200
    found = re.search(r'<code class="key">(qgm_[\w-]+)</code>', response.content.decode())
    assert found, "the new key is shown once"
    return found.group(1)


def test_anonymous_is_sent_to_log_in_and_nobody_is_refused(anonymous: Any, nobody: Any) -> None:
    assert anonymous.get(PAGE).status_code == 302 and "/login/" in anonymous.get(PAGE)["Location"]
    assert anonymous.post(PAGE, {"name": "x"}).status_code == 302
    assert nobody.get(PAGE).status_code == 403 and nobody.post(PAGE, {"name": "x"}).status_code == 403
    from qogam.registry.api.models import ApiToken

    assert not ApiToken.objects.exists()


def test_an_editor_makes_a_key_that_works_and_revokes_it(editor: Any) -> None:
    from qogam.registry.api.models import ApiToken
    from qogam.registry.core.models import AuditLog

    key = _make(editor)
    token = ApiToken.objects.get()
    assert token.user == editor.user and token.name == "my script" and token.prefix == key[4:12]
    assert key not in editor.get(PAGE).content.decode()  # shown once, never again
    assert editor.get("/api/v1/proposals", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert editor.post(f"/review/tokens/{token.pk}/revoke/").status_code == 302
    assert editor.get("/api/v1/proposals", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert AuditLog.objects.filter(model="api.apitoken").count() == 2
    assert editor.get(f"/review/tokens/{token.pk}/revoke/").status_code == 405


def test_staff_see_and_revoke_only_their_own_and_an_admin_anyones(editor: Any, reviewer: Any, admin: Any) -> None:
    from qogam.registry.api.models import ApiToken

    _make(editor, "sairam-bot")
    theirs = ApiToken.objects.get()
    assert "sairam-bot" not in reviewer.get(PAGE).content.decode()
    assert reviewer.post(f"/review/tokens/{theirs.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    assert "sairam-bot" in admin.get(PAGE).content.decode()
    assert admin.post(f"/review/tokens/{theirs.pk}/revoke/").status_code == 302
    theirs.refresh_from_db()
    assert theirs.revoked_at is not None
