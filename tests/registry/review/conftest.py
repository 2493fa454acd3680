"""Personas for the review queue's tests, in the spirit of healthchecks' alice/bob/charlie.

- ``anonymous``: no account.
- ``nobody``: an account with no review role (logged in, yet refused).
- ``editor``: editor of Сайрам ауданы; ``other_editor``: editor of Мақтаарал ауданы.
- ``reviewer``: reviewer of the whole region.
- ``admin``: a superuser.

``articles`` ingests two sample articles: one about Сайрам ауданы, one about Мақтаарал ауданы.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    # Like the folder above: these need Django configured in their own process.
    collect_ignore_glob = ["test_*.py"]

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"
SAIRAM = "02_sairam_qogamdyq_kenes.txt"
MAKTAARAL = "03_zhomart_zhurek_qory.txt"


@dataclass
class Articles:
    sairam: Any
    maktaaral: Any


@pytest.fixture
def articles(db: Any, tmp_path: Path) -> Articles:
    from qogam.registry.core.models import Source
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.core.services.setup import load_fixtures

    load_fixtures()
    for name in (SAIRAM, MAKTAARAL):
        (tmp_path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
        meta = EXAMPLES / name.replace(".txt", ".meta.json")
        if meta.exists():
            (tmp_path / meta.name).write_text(meta.read_text(encoding="utf-8"), encoding="utf-8")
    ingest_path(tmp_path, progress=False)
    return Articles(Source.objects.get(origin__endswith=SAIRAM), Source.objects.get(origin__endswith=MAKTAARAL))


def _user(django_user_model: Any, username: str, **extra: Any) -> Any:
    return django_user_model.objects.create_user(username=username, password=f"{username}-Pa55-word", **extra)


def _client(user: Any) -> Any:
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    client.user = user
    return client


def _editor(django_user_model: Any, username: str, area_slug: str) -> Any:
    from qogam.registry.core.models import Area
    from qogam.registry.review.models import StaffRole

    user = _user(django_user_model, username)
    StaffRole.objects.create(user=user, role=StaffRole.Role.EDITOR, area=Area.objects.get(slug=area_slug))
    return user


@pytest.fixture
def anonymous(db: Any) -> Any:
    return _client(None)


@pytest.fixture
def nobody(django_user_model: Any) -> Any:
    return _client(_user(django_user_model, "nobody"))


@pytest.fixture
def editor(articles: Articles, django_user_model: Any) -> Any:
    return _client(_editor(django_user_model, "editor", "kz-turkistan-sairam"))


@pytest.fixture
def other_editor(articles: Articles, django_user_model: Any) -> Any:
    return _client(_editor(django_user_model, "other-editor", "kz-turkistan-maktaaral"))


@pytest.fixture
def reviewer(django_user_model: Any) -> Any:
    from qogam.registry.review.models import StaffRole

    user = _user(django_user_model, "region-reviewer")
    StaffRole.objects.create(user=user, role=StaffRole.Role.REVIEWER)
    return _client(user)


@pytest.fixture
def admin(django_user_model: Any) -> Any:
    return _client(django_user_model.objects.create_superuser(username="boss", password="boss-Pa55-word"))
