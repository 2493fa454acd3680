"""The outlets a centre follows: RSS/Atom feeds polled by ``qogam watch``."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Feed(models.Model):
    """A feed to poll: where, whose, about which area, in which language; and how polling went.

    ``etag`` and ``last_modified`` make the next poll a conditional GET. A failing feed backs
    off (``next_poll_at``) and shows its ``last_error``.
    """

    class Language(models.TextChoices):
        AUTO = "", _("detect")
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")

    url = models.URLField(max_length=1000, unique=True, verbose_name=_("address"))
    outlet = models.CharField(max_length=200, blank=True, verbose_name=_("outlet"))
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds",
                             verbose_name=_("area"))
    language = models.CharField(max_length=2, blank=True, choices=Language.choices, verbose_name=_("language"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("last polled"))
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("last success"))
    last_error = models.CharField(max_length=500, blank=True, editable=False, verbose_name=_("last error"))
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("failures in a row"))
    next_poll_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("next poll"))
    items_stored = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("articles stored"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = pgettext_lazy("plural", "feeds")
        ordering = ["outlet", "url"]

    def __str__(self) -> str:
        return self.outlet or self.url
