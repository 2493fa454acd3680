"""Access checks shared by the review views: log in first, then a role, then the source's area."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from qogam.registry.core.models import Proposal, Source
from qogam.registry.review.access import Scope, may_review, scope_of

View = Callable[..., HttpResponse]


def staff_only(view: View) -> View:
    """Wrap ``view``: anonymous visitors go to the log-in page, accounts without a role get 403.

    The wrapped view receives the user's :class:`Scope` as ``request.review_scope``.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        scope = scope_of(request.user)
        if not scope.allowed:
            raise PermissionDenied("no review role")
        request.review_scope = scope  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def scope(request: HttpRequest) -> Scope:
    """Return the scope :func:`staff_only` stored on ``request``."""
    return request.review_scope  # type: ignore[attr-defined, no-any-return]


def source_in_scope(request: HttpRequest, pk: int) -> Source:
    """Return source ``pk``; raises Http404 if missing, PermissionDenied outside the user's areas."""
    source = get_object_or_404(Source, pk=pk)
    if not may_review(scope(request), source):
        raise PermissionDenied("source outside your area")
    return source


def proposal_in_scope(request: HttpRequest, pk: int) -> Proposal:
    """Return proposal ``pk``; raises Http404 if missing, PermissionDenied outside the user's areas."""
    proposal = get_object_or_404(Proposal.objects.select_related("source"), pk=pk)
    if not may_review(scope(request), proposal.source):
        raise PermissionDenied("proposal outside your area")
    return proposal
