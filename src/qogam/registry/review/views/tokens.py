"""API tokens in the web app: a staff member makes and revokes their own (an admin anyone's).

The key is shown once, on the page that made it, and never stored (only its SHA-256). Both
actions are audited. ``qogam token create/list/revoke`` does the same from the command line.
"""
from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qogam.registry.api.models import ApiToken
from qogam.registry.core.models import AuditLog
from qogam.registry.core.services.audit import record, snapshot
from qogam.registry.review.views.staff import staff_only


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What the token is for"), max_length=100, required=False,
                           help_text=gettext_lazy("A script or a tool, so that you recognise it later."))


def _tokens(request: HttpRequest) -> QuerySet[ApiToken]:
    tokens = ApiToken.objects.select_related("user")
    return tokens if request.user.is_superuser else tokens.filter(user_id=request.user.pk or 0)


@staff_only
def tokens(request: HttpRequest) -> HttpResponse:
    """GET: your tokens (an admin: everyone's) and the form. POST: make one; its key is shown once."""
    form = TokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        token, key = ApiToken.make(request.user, form.cleaned_data["name"])
        record(request.user, token, AuditLog.Action.CREATE, None, snapshot(token), "API token made")
        form = TokenForm()
    return render(request, "review/tokens.html", {"tokens": _tokens(request), "form": form, "key": key})


@staff_only
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke token ``pk`` (one's own; an admin's any), audited; 404 for another's."""
    token = _tokens(request).filter(pk=pk).first()
    if token is None:
        raise Http404("no such token of yours")
    if token.revoked_at is None:
        before = snapshot(token)
        token.revoke()
        record(request.user, token, AuditLog.Action.UPDATE, before, snapshot(token), "API token revoked")
    return HttpResponseRedirect(reverse("review:tokens"))
