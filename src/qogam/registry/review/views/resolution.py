"""Who is who, for staff: the candidates of "these two are one", the pair side by side, the merges.

- ``/review/candidates/``: the stored pairs (``qogam resolve``), most likely first, by kind and
  area; an editor sees the pairs of their district. A reviewer can recompute them.
- ``/review/candidates/KIND/A/B/``: the two entries side by side (names, posts, bodies or
  people, areas, sources), the words of their names paired, the reasons of the score, and the
  verdicts: the same (merge), different (never proposed again), not sure.
- ``/review/merges/``: the merges, each with its split.

Every decision is a POST through :mod:`qogam.registry.core.services.resolution`, which writes
the judgement, the merge or split and the audit log.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qogam.registry.core.models import Area, MatchCandidate, Membership, Merge, Organization, Person, ResolverRun, Source
from qogam.registry.core.services import resolution
from qogam.registry.core.vocabularies import EntityKind, Verdict
from qogam.registry.errors import ReviewError
from qogam.registry.review.access import Scope, sources_about
from qogam.registry.review.views.staff import scope, staff_only
from qogam.registry.web.sources import sources_for

PER_PAGE = 30
SHOWN = 12


def _kind(kind: str) -> str:
    if kind not in EntityKind.values:
        raise Http404("no such kind")
    return kind


def entry_areas(kind: str, pk: int) -> set[int]:
    """The areas of an entry: an organisation's own; a person's, those of the bodies they sit in."""
    if kind == EntityKind.ORGANIZATION:
        return set(Organization.objects.filter(pk=pk).exclude(area=None).values_list("area_id", flat=True))
    rows = Membership.objects.filter(person_id=pk)
    return ({a for a in rows.values_list("organization__area_id", flat=True) if a}
            | {a for a in rows.values_list("on_behalf_of__area_id", flat=True) if a})


def in_scope(user_scope: Scope, kind: str, pk: int) -> bool:
    """Whether the user may decide on entry ``pk``: a reviewer, any; an editor, an entry of their
    district, or one with no area that an article about their district names."""
    if user_scope.everything:
        return True
    if not user_scope.allowed or user_scope.area_ids is None:
        return False
    areas = entry_areas(kind, pk)
    if areas:
        return bool(areas & user_scope.area_ids)
    model = Person if kind == EntityKind.PERSON else Organization
    from django.contrib.contenttypes.models import ContentType

    cited = Source.objects.filter(evidence__content_type=ContentType.objects.get_for_model(model), evidence__object_id=pk)
    return cited.filter(sources_about(user_scope.area_ids)).exists()


def _require(request: HttpRequest, kind: str, *pks: int) -> None:
    for pk in pks:
        if not in_scope(scope(request), kind, pk):
            raise PermissionDenied("entry outside your area")


#: Up to this many people and organisations, the page recomputes stale candidates itself
#: (under a second); above it, a reviewer presses Recompute or cron runs ``qogam resolve``.
AUTO_REFRESH_LIMIT = 5000


def _stale() -> tuple[Any, int | None]:
    """When the candidates were computed, and how many entries changed since (None: never)."""
    computed = ResolverRun.objects.aggregate(at=Max("at"))["at"]
    if computed is None:
        return None, None
    return computed, (Person.objects.filter(updated_at__gt=computed).count()
                      + Organization.objects.filter(updated_at__gt=computed).count()
                      + Merge.objects.filter(Q(at__gt=computed) | Q(undone_at__gt=computed)).count())


@staff_only
def candidates(request: HttpRequest) -> HttpResponse:
    """The candidate pairs in the user's areas, most likely first (recomputed first when they
    are stale and the registry is small)."""
    user_scope = scope(request)
    computed, changed = _stale()
    if (computed is None or changed) and Person.objects.count() + Organization.objects.count() <= AUTO_REFRESH_LIMIT:
        resolution.refresh_candidates()
        computed, changed = _stale()
    kind = request.GET.get("kind") or ""
    rows = MatchCandidate.objects.all()
    if kind in EntityKind.values:
        rows = rows.filter(kind=kind)
    show_all = request.GET.get("all") == "1"
    if not show_all:
        rows = rows.filter(score__gte=resolution.QUEUE_THRESHOLD)
    area = None
    if user_scope.everything:
        slug = request.GET.get("area") or ""
        if slug:
            area = Area.objects.filter(slug=slug).first()
            if area is None:
                raise Http404("no such area")
            from qogam.registry.review.access import area_with_descendants

            rows = rows.filter(areas__in=area_with_descendants(area.pk)).distinct()
    else:
        area = user_scope.area
        rows = rows.filter(areas__in=user_scope.area_ids or ()).distinct()
    page = Paginator(rows.order_by("-score", "kind", "left", "right"), PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page)
    labels = _names((c.kind, pk) for c in shown for pk in (c.left, c.right))
    pairs = [{"candidate": c, "left": labels[(c.kind, c.left)], "right": labels[(c.kind, c.right)],
              "reasons": [resolution.reason_text(r) for r in c.reasons],
              "url": reverse("review:candidate", args=[c.kind, c.left, c.right])} for c in shown
             if (c.kind, c.left) in labels and (c.kind, c.right) in labels]  # an entry undone since: gone
    regions = Area.objects.filter(classification__in=["region", "city_of_republican_significance"]).order_by("name_kk")
    from urllib.parse import urlencode

    filters = urlencode([(k, v) for k, v in (("kind", kind), ("area", request.GET.get("area", "")), ("all", "1" if show_all else ""))
                         if v])
    return render(request, "review/candidates.html", {
        "filters": filters, "pairs": pairs, "page_obj": page, "kind": kind, "show_all": show_all, "area": area, "computed": computed,
        "changed": changed, "threshold": resolution.QUEUE_THRESHOLD, "kinds": EntityKind.choices,
        "areas": regions, "scope": user_scope,
    })


def _names(keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The name of each (kind, id) entry that still exists (a body's Kazakh name, or its Russian one)."""
    keys = list(keys)
    out: dict[tuple[str, int], str] = {}
    people = {pk for kind, pk in keys if kind == EntityKind.PERSON}
    orgs = {pk for kind, pk in keys if kind == EntityKind.ORGANIZATION}
    for pk, name in Person.objects.filter(pk__in=people).values_list("pk", "name"):
        out[(EntityKind.PERSON, pk)] = name
    for pk, kk, ru in Organization.objects.filter(pk__in=orgs).values_list("pk", "name_kk", "name_ru"):
        out[(EntityKind.ORGANIZATION, pk)] = kk or ru
    return out


def _page(kind: str, pk: int) -> str:
    """The public page of entry ``pk`` of ``kind``."""
    return reverse("web:person" if kind == EntityKind.PERSON else "web:organization", args=[pk])


@staff_only
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    """Recompute the candidate pairs (reviewers and admins: the whole registry is compared)."""
    if not scope(request).everything:
        raise PermissionDenied("reviewers only")
    counts = resolution.refresh_candidates()
    messages.success(request, _("Candidates recomputed: %(people)s pairs of people, %(orgs)s of organisations.")
                     % {"people": counts[EntityKind.PERSON], "orgs": counts[EntityKind.ORGANIZATION]})
    return HttpResponseRedirect(reverse("review:candidates"))


def _side(kind: str, entry: Person | Organization) -> dict[str, Any]:
    """What the side-by-side shows of one entry."""
    if isinstance(entry, Person):
        memberships = list(entry.memberships.select_related("organization", "on_behalf_of"))
    else:
        memberships = list(Membership.objects.filter(Q(organization=entry) | Q(on_behalf_of=entry))
                           .select_related("person", "organization"))
    sources = sources_for([(type(entry), [entry.pk]), (Membership, [m.pk for m in memberships])])
    areas = Area.objects.filter(pk__in=entry_areas(kind, entry.pk)).order_by("name_kk")
    return {"entry": entry, "names": entry.all_names(), "memberships": memberships[:SHOWN],
            "more": max(0, len(memberships) - SHOWN), "sources": list(sources[:SHOWN]), "areas": list(areas),
            "url": _page(kind, entry.pk),
            "absorbed": resolution.absorbed_ids(kind, entry.pk)}


@staff_only
def candidate(request: HttpRequest, kind: str, left: int, right: int) -> HttpResponse:
    """Two entries side by side, with the verdicts."""
    kind = _kind(kind)
    model = resolution.model_of(kind)
    a, b = resolution.canonical(kind, left), resolution.canonical(kind, right)
    if (a, b) != (left, right) and a != b:
        low, high = sorted((a, b))
        return HttpResponseRedirect(reverse("review:candidate", args=[kind, low, high]))
    if a == b:
        messages.info(request, _("These two are one entry now."))
        return HttpResponseRedirect(_page(kind, a))
    entries = model.objects.in_bulk([left, right])
    if len(entries) != 2:
        raise Http404("no such entry")
    _require(request, kind, left, right)
    stored = MatchCandidate.objects.filter(kind=kind, left=min(left, right), right=max(left, right)).first()
    judgement = resolution.judged(kind).get(frozenset({left, right}))
    one, other = _side(kind, entries[left]), _side(kind, entries[right])
    _score, _why, best_a, best_b = resolution.best_names(kind, one["names"], other["names"])
    return render(request, "review/candidate.html", {
        "reasons": [resolution.reason_text(r) for r in (stored.reasons if stored else [])],
        "kind": kind, "one": one, "other": other, "sides": [one, other], "stored": stored, "judgement": judgement,
        "diff": resolution.name_diff(best_a, best_b), "verdicts": Verdict.choices,
        "left": left, "right": right,
    })


@staff_only
@require_POST
def judge(request: HttpRequest, kind: str, left: int, right: int) -> HttpResponse:
    """Keep the user's verdict on the pair: "same" merges, "different" takes it out for good."""
    kind = _kind(kind)
    _require(request, kind, left, right)
    verdict = request.POST.get("verdict", "")
    stored = MatchCandidate.objects.filter(kind=kind, left=min(left, right), right=max(left, right)).first()
    try:
        resolution.judge(kind, left, right, verdict, request.user, score=stored.score if stored else None,
                         reasons=stored.reasons if stored else None)
    except ReviewError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("review:candidate", args=[kind, left, right]))
    if verdict == Verdict.SAME:
        messages.success(request, _("Merged: the two are one entry now; it can be split again below."))
        return HttpResponseRedirect(reverse("review:merges"))
    messages.success(request, _("Kept: %(verdict)s.") % {"verdict": Verdict(verdict).label})
    return HttpResponseRedirect(reverse("review:candidates"))


@staff_only
def merges(request: HttpRequest) -> HttpResponse:
    """The merges, newest first, each with its split (editors: those of their district)."""
    user_scope = scope(request)
    rows = Merge.objects.select_related("user", "undone_by").order_by("-at", "-pk")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    shown = [m for m in page if user_scope.everything or m.undone_at is not None
             or in_scope(user_scope, m.kind, m.survivor_id)]
    labels = _names((m.kind, m.survivor_id) for m in shown)
    items = [{"merge": m, "survivor": labels.get((m.kind, m.survivor_id), ""), "url": _page(m.kind, m.survivor_id)}
             for m in shown]
    return render(request, "review/merges.html", {"items": items, "page_obj": page})


@staff_only
@require_POST
def split(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a merge: the absorbed entry and its facts come back."""
    merged = get_object_or_404(Merge, pk=pk)
    _require(request, merged.kind, merged.survivor_id)
    try:
        restored = resolution.split(merged.pk, request.user)
    except ReviewError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("review:merges"))
    messages.success(request, _("Split: %(name)s is its own entry again.") % {"name": restored})
    return HttpResponseRedirect(reverse("review:merges"))
