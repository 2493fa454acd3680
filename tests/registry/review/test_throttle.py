"""Failed log-ins are limited per user name and address; the right password waits out the window."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qogam.registry.review.models import LoginFailure

pytestmark = pytest.mark.django_db
PASSWORD = "editor-Pa55-word"


@pytest.fixture
def account(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="editor", password=PASSWORD)


def _log_in(password: str, ip: str = "10.0.0.1", username: str = "editor", url: str | None = None) -> Any:
    return Client(REMOTE_ADDR=ip).post(url or reverse("login"), {"username": username, "password": password})


def _logged_in(response: Any) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def test_right_password_works(account: Any) -> None:
    assert _logged_in(_log_in(PASSWORD))


def test_throttled_after_the_limit(account: Any, settings: Any) -> None:
    assert settings.LOGIN_ATTEMPTS_LIMIT == 5
    for _ in range(5):
        response = _log_in("wrong")
        assert response.status_code == 200 and "тым көп" not in response.content.decode()
    refused = _log_in(PASSWORD)
    assert not _logged_in(refused)
    assert "тым көп сәтсіз кіру әрекеті болды. 15 минуттан кейін" in refused.content.decode()
    english = Client(REMOTE_ADDR="10.0.0.1").post("/en/accounts/login/", {"username": "editor", "password": PASSWORD})
    assert "Too many failed log-ins for this user from your address. Try again in 15 minutes." in english.content.decode()
    # Django admin's log-in is behind the same backend.
    assert not _logged_in(_log_in(PASSWORD, url=reverse("admin:login")))
    # Another address, or another user name from this one, is not affected.
    assert _logged_in(_log_in(PASSWORD, ip="10.0.0.2"))
    assert LoginFailure.objects.filter(username="editor", ip="10.0.0.1").count() == 5


def test_user_name_case_does_not_reset_the_count(account: Any) -> None:
    for name in ["editor", "EDITOR", "Editor ", "eDitor", "editoR"]:
        _log_in("wrong", username=name)
    assert not _logged_in(_log_in(PASSWORD))


def test_lock_ends_with_the_window(account: Any) -> None:
    for _ in range(5):
        _log_in("wrong")
    assert not _logged_in(_log_in(PASSWORD))
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert _logged_in(_log_in(PASSWORD))


def test_success_clears_the_failures(account: Any) -> None:
    for _ in range(4):
        _log_in("wrong")
    assert _logged_in(_log_in(PASSWORD))
    assert not LoginFailure.objects.exists()
    for _ in range(4):
        _log_in("wrong")
    assert _logged_in(_log_in(PASSWORD))


def test_limit_comes_from_the_setting(account: Any, settings: Any) -> None:
    settings.LOGIN_ATTEMPTS_LIMIT = 2
    _log_in("wrong")
    _log_in("wrong")
    assert not _logged_in(_log_in(PASSWORD))
