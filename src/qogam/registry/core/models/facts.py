"""Posts, memberships, events and statements: the facts the news tells about people and bodies."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qogam.registry.core.vocabularies import EventType


class Post(models.Model):
    """A position in an organisation (Popolo Post): "төраға" of a council, "аудан әкімі"."""

    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="posts", verbose_name=_("body"))
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts", verbose_name=_("area"))
    role = models.CharField(max_length=100, help_text=_("Lemma of the post noun: төраға, орынбасар, директор, әкім…"), verbose_name=_("role"))
    label = models.CharField(max_length=300, blank=True, help_text=_("The post as written, e.g. «төрағасының бірінші орынбасары»."), verbose_name=_("as written"))

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = pgettext_lazy("plural", "posts")
        ordering = ["organization_id", "role"]

    def __str__(self) -> str:
        where = self.organization or self.area
        return f"{self.label or self.role}{' — ' + str(where) if where else ''}"


class Membership(models.Model):
    """A person holding a role in an organisation, possibly on behalf of another (an NGO's seat)."""

    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person"))
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body"))
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships", verbose_name=_("post"))
    role = models.CharField(max_length=100, verbose_name=_("role"))
    on_behalf_of = models.ForeignKey(
        "core.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="represented_by",
        verbose_name=_("on behalf of"),
    )
    start_date = models.DateField(null=True, blank=True, verbose_name=_("from"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("until"))

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = pgettext_lazy("plural", "memberships")
        ordering = ["-start_date", "role"]

    def __str__(self) -> str:
        return f"{self.person} — {self.role}{', ' + str(self.organization) if self.organization else ''}"


class Event(models.Model):
    """A meeting, forum, session…, with its chair and participants."""

    classification = models.CharField(_("type"), max_length=40, choices=EventType.choices, default=EventType.MEETING)
    name = models.CharField(max_length=300, blank=True, verbose_name=_("name"))
    start_date = models.DateField(null=True, blank=True, verbose_name=_("from"))
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="events", verbose_name=_("area"))
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="events", verbose_name=_("body"))
    chair = models.ForeignKey("core.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_events", verbose_name=_("chair"))
    participants = models.ManyToManyField("core.Person", blank=True, related_name="events", verbose_name=_("participants"))
    topic = models.CharField(max_length=500, blank=True, verbose_name=_("topic"))

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = pgettext_lazy("plural", "events")
        ordering = ["-start_date", "pk"]

    def __str__(self) -> str:
        return self.name or f"{self.classification} {self.start_date or ''}".strip()


class Statement(models.Model):
    """Words a person said in public, exactly as the source quotes them."""

    speaker = models.ForeignKey("core.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", verbose_name=_("speaker"))
    text = models.TextField(verbose_name=_("text"))
    language = models.CharField(max_length=8, default="kk", verbose_name=_("language"))
    date = models.DateField(null=True, blank=True, verbose_name=_("date"))
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", verbose_name=_("event"))

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = pgettext_lazy("plural", "statements")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"
