"""The JSON API: public reads of accepted facts, pagination clamped, filters, errors as JSON,
token-authenticated staff actions in their area; the OpenAPI document; schemathesis over it all."""
from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from qogam.registry.api.models import ApiToken
from qogam.registry.core.models import Person, Proposal
from qogam.registry.core.services.review import bulk_accept

pytestmark = pytest.mark.django_db


def _bearer(persona: Any) -> Client:
    _, key = ApiToken.make(persona.user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


@pytest.fixture
def accepted(articles: Any) -> Any:
    bulk_accept(articles.maktaaral.proposals.all(), None, 0.0)
    return articles


def test_openapi_document_and_docs(client: Client, db: Any) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1") and "/api/v1/organizations" in doc["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_public_reads_show_accepted_facts_only(client: Client, accepted: Any) -> None:
    people = client.get("/api/v1/people").json()
    assert people["count"] == Person.objects.count() > 0
    pending_names = set(accepted.sairam.proposals.filter(kind="person").values_list("label", flat=True))
    assert not pending_names & {p["name"] for p in people["items"]}
    orgs = client.get("/api/v1/organizations?area=kz-turkistan-maktaaral").json()
    assert orgs["count"] >= 1 and all(o["area"] == "kz-turkistan-maktaaral" for o in orgs["items"])
    source = client.get(f"/api/v1/sources/{accepted.maktaaral.pk}").json()
    assert source["evidence"] and all(source["text"][s["start"]:s["end"]] == s["text"] for s in source["evidence"])
    found = client.get("/api/v1/search", {"q": "Сейдахметовтың"}).json()
    assert [p["name"] for p in found["people"]] == ["Ринат Сейдахметов"]


@pytest.mark.parametrize("query", ["limit=1000000000000000000000", "offset=99999999999999999999999", "limit=-5&offset=-1"])
def test_pagination_is_clamped(client: Client, accepted: Any, query: str) -> None:
    response = client.get(f"/api/v1/people?{query}")
    assert response.status_code in (200, 422), response.content
    if response.status_code == 200:
        body = response.json()
        assert 1 <= body["limit"] <= 200 and 0 <= body["offset"] <= 10_000_000


def test_errors_are_json(client: Client, db: Any) -> None:
    for url in ("/api/v1/people/999999", "/api/v1/organizations?area=nowhere", "/api/v1/people?limit=abc"):
        response = client.get(url)
        assert response.status_code in (404, 422) and response["Content-Type"].startswith("application/json")
        assert "detail" in response.json()


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 401), ("nobody", 401), ("editor", 200),
                                                  ("reviewer", 200), ("admin", 200)])
def test_staff_proposals_by_persona(persona: str, status: int, articles: Any, request: Any) -> None:
    user_client = request.getfixturevalue(persona)
    client = Client() if user_client.user is None else _bearer(user_client)
    response = client.get("/api/v1/proposals")
    assert response.status_code == status
    if status == 200 and persona == "editor":
        sources = {p["source_id"] for p in response.json()["items"]}
        assert sources == {articles.sairam.pk}  # only the articles about the editor's district


def test_an_editor_accepts_in_their_area_only(editor: Any, articles: Any) -> None:
    client = _bearer(editor)
    mine = articles.sairam.proposals.filter(kind="person").first()
    theirs = articles.maktaaral.proposals.filter(kind="person").first()
    response = client.post(f"/api/v1/proposals/{mine.pk}/accept")
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    assert Proposal.objects.get(pk=mine.pk).decided_by == editor.user
    assert client.post(f"/api/v1/proposals/{theirs.pk}/accept").status_code == 403
    again = client.post(f"/api/v1/proposals/{mine.pk}/accept")
    assert again.status_code == 409 and "detail" in again.json()
    assert client.post(f"/api/v1/proposals/{mine.pk}/reject").status_code == 409


def test_submit_an_article(reviewer: Any, db: Any) -> None:
    client = _bearer(reviewer)
    text = "Сайрам ауданында «Жасыл әлем» қоғамдық бірлестігінің төрағасы Гүлмира Сәрсенова жастармен кездесті."
    response = client.post("/api/v1/articles", {"text": text, "title": "API", "url": "https://o.kz/1"},
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["proposals"] > 0
    assert client.post("/api/v1/articles", {"text": text}, content_type="application/json").json()["stored"] is False
    bad = client.post("/api/v1/articles", {"text": "Мәтін.", "url": "javascript:alert(1)"}, content_type="application/json")
    assert bad.status_code == 422


def test_a_revoked_token_is_refused(reviewer: Any, db: Any) -> None:
    token, key = ApiToken.make(reviewer.user)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get("/api/v1/proposals").status_code == 200
    token.revoke()
    assert client.get("/api/v1/proposals").status_code == 401
    assert ApiToken.objects.get().key_hash != key  # only the hash is kept


def test_anonymous_clients_are_rate_limited(client: Client, db: Any, settings: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    codes = [client.get("/api/v1/areas").status_code for _ in range(130)]
    assert codes[0] == 200 and 429 in codes
    cache.clear()


def test_schemathesis_finds_no_server_error_and_no_schema_violation(db: Any, accepted: Any, reviewer: Any) -> None:
    """Generated requests to every operation (hypothesis, in-process over WSGI), anonymous and
    with a staff token: no 5xx, every answer documented and matching its schema."""

    from django.core import signals
    from django.db import close_old_connections

    from qogam.registry.wsgi import application

    # Called straight through WSGI, each request would close the test's database connection
    # at its end (PostgreSQL then fails the next one); Django's test client does the same.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _run_schemathesis(reviewer, application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _run_schemathesis(reviewer: Any, application: Any) -> None:
    import schemathesis
    from django.core.cache import cache
    from hypothesis import HealthCheck, given, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    _, key = ApiToken.make(reviewer.user)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    failures: list[tuple[str, str]] = []
    calls: dict[str, int] = {}
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=15, deadline=None, database=None, derandomize=True,  # the same cases every run
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            cache.clear()  # the rate limit would answer 429 to generated floods
            headers = {"Authorization": f"Bearer {key}"} if operation.path.startswith(("/proposals", "/articles")) else {}
            response = case.call(headers=headers)
            calls[operation.path] = calls.get(operation.path, 0) + 1
            try:
                # every check but "a schema-valid request is accepted": a NUL character, which the
                # schema's strings allow, is refused by design (422; PostgreSQL cannot store it)
                case.validate_response(response, excluded_checks=[positive_data_acceptance])
            except Exception as exc:  # collect every check that failed, then report them all
                failures.append((f"{operation.method.upper()} {operation.path}", str(exc)[:400]))

        run()
    assert failures == []
    assert len(calls) >= 15  # every operation was called (the API has 17)
    assert all(n >= 5 for n in calls.values()), calls
