"""The feeds staff follow: the list with how polling goes, adding one, switching one on or off."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qogam.registry.core.models import Feed
from qogam.registry.core.services.audit import update
from qogam.registry.core.services.feeds import add_feed
from qogam.registry.errors import ReviewError
from qogam.registry.review.forms import area_choices
from qogam.registry.review.views.staff import staff_only


class FeedForm(forms.Form):
    url = forms.URLField(label=gettext_lazy("Feed address (RSS or Atom)"), max_length=1000, assume_scheme="https")
    outlet = forms.CharField(label=gettext_lazy("Outlet"), max_length=200, required=False)
    area = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Feed.Language.choices, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["area"].choices = area_choices()  # type: ignore[attr-defined]


@staff_only
def feeds(request: HttpRequest) -> HttpResponse:
    """GET: the feeds and the form. POST: follow a new feed."""
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feed = add_feed(form.cleaned_data["url"], request.user, outlet=form.cleaned_data["outlet"],
                            area=form.cleaned_data["area"], language=form.cleaned_data["language"])
        except ReviewError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Following %(feed)s.") % {"feed": feed})
            return HttpResponseRedirect(reverse("review:feeds"))
    return render(request, "review/feeds.html", {"feeds": Feed.objects.select_related("area"), "form": form})


@staff_only
@require_POST
def toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch a feed on or off (audited)."""
    feed = get_object_or_404(Feed, pk=pk)
    update(request.user, feed, note="switched on" if not feed.active else "switched off", active=not feed.active)
    return HttpResponseRedirect(reverse("review:feeds"))
