"""Setting up a registry: migrations, the shipped fixtures, the demo administrator."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from importlib import resources
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from qogam.registry.core.services.audit import record, snapshot

FIXTURES = ("areas.json", "centres.json")


def migrate(verbose: bool = False) -> None:
    """Apply every pending migration to the configured database."""
    out = None if verbose else StringIO()
    call_command("migrate", interactive=False, verbosity=1 if verbose else 0, stdout=out)


@transaction.atomic
def load_fixtures() -> int:
    """Create the shipped areas and information-resource centres that are not there yet.

    Objects are found by their slug; existing ones are left as they are, so edits made in
    the registry survive a second ``qogam setup``. Returns how many objects were created.
    """
    created = 0
    package = resources.files("qogam.registry.core") / "fixtures"
    for name in FIXTURES:
        data = (package / name).read_text(encoding="utf-8")
        for item in serializers.deserialize("json", data, handle_forward_references=False):
            if item.object.pk is not None:
                continue
            # A plain save (not loaddata's raw one) so that name keys and timestamps are set.
            item.object.save()
            record(None, item.object, "create", None, snapshot(item.object), note=f"fixture {name}")
            created += 1
    return created


@dataclass(frozen=True, slots=True)
class DemoAdmin:
    username: str
    password: str | None  # None when the account already existed


def create_demo_admin(username: str = "admin") -> DemoAdmin:
    """Create the demo superuser with a generated password; return it with the password.

    If the account exists its password is left alone and returned as None, so a second run
    never locks out whoever already logged in.
    """
    users = get_user_model()
    if users.objects.filter(username=username).exists():
        return DemoAdmin(username, None)
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(username=username, email="", password=password)
    return DemoAdmin(username, password)


def setup_registry(verbose: bool = False) -> int:
    """Migrate and load the fixtures; return how many fixture objects were created. Idempotent."""
    migrate(verbose)
    return load_fixtures()
