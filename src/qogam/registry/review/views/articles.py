"""Adding an article from the website: pasted text or an uploaded file, through the CLI's ingest."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qogam.errors import InputError
from qogam.ingest.files import decode_text
from qogam.registry.core.models import Source
from qogam.registry.core.services.ingest import Article, IngestReport, article_from_json, ingest_article
from qogam.registry.review.access import may_review
from qogam.registry.review.views.staff import scope, staff_only

MAX_UPLOAD = 5 * 1024 * 1024


class ArticleForm(forms.Form):
    """An article as staff have it: its text pasted, or a .txt / .json file; title, outlet, address, date."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=500, required=False)
    outlet = forms.CharField(label=gettext_lazy("Outlet"), max_length=200, required=False)
    url = forms.URLField(label=gettext_lazy("Address (URL)"), max_length=1000, required=False, assume_scheme="https")
    published = forms.DateField(label=gettext_lazy("Published"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=gettext_lazy("Text"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 14}))
    file = forms.FileField(label=gettext_lazy("…or a file (.txt, .json)"), required=False)

    def clean_url(self) -> str:
        url = self.cleaned_data.get("url") or ""
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Only http and https addresses are stored."))
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("The file is larger than 5 MB."))
            name = upload.name or "upload.txt"
            if not name.lower().endswith((".txt", ".json")):
                raise forms.ValidationError(_("Upload a .txt or .json file."))
            try:
                text = decode_text(upload.read(), name)
                data["article"] = (article_from_json(name, text) if name.lower().endswith(".json")
                                   else Article(name=name, text=text))
            except InputError as exc:
                raise forms.ValidationError(str(exc)) from None
        elif (data.get("text") or "").strip():
            data["article"] = Article(name=_("pasted on the website"), text=data["text"])
        else:
            raise forms.ValidationError(_("Paste the article's text or choose a file."))
        article: Article = data["article"]
        article.title = data.get("title") or article.title
        article.outlet = data.get("outlet") or article.outlet
        article.url = data.get("url") or article.url
        article.published = data.get("published") or article.published
        return data


@staff_only
def add(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: ingest the article (extraction, proposals) and open its review page."""
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES)
        if form.is_valid():
            article: Article = form.cleaned_data["article"]
            report = IngestReport()
            try:
                source = ingest_article(article, report, user=request.user)
            except InputError as exc:
                form.add_error(None, str(exc))
            else:
                if source is None:
                    messages.warning(request, _("This article is stored already (the same text)."))
                    return HttpResponseRedirect(reverse("review:queue"))
                messages.success(request, _("Stored: %(n)d proposals wait for review.")
                                 % {"n": sum(report.proposals.values())})
                if may_review(scope(request), source):
                    return HttpResponseRedirect(reverse("review:source", args=[source.pk]))
                messages.info(request, _("The article is not about your area: the reviewers will see it."))
                return HttpResponseRedirect(reverse("review:queue"))
    else:
        form = ArticleForm()
    return render(request, "review/add.html", {"form": form, "sources": Source.objects.count()})
