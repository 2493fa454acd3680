"""Posts, memberships, events and statements: the facts the news tells about people and bodies."""
from __future__ import annotations

from django.db import models


class Post(models.Model):
    """A position in an organisation (Popolo Post): "төраға" of a council, "аудан әкімі"."""

    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="posts")
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts")
    role = models.CharField(max_length=100, help_text="Lemma of the post noun: төраға, орынбасар, директор, әкім…")
    label = models.CharField(max_length=300, blank=True, help_text="The post as written, e.g. «төрағасының бірінші орынбасары».")

    class Meta:
        ordering = ["organization_id", "role"]

    def __str__(self) -> str:
        where = self.organization or self.area
        return f"{self.label or self.role}{' — ' + str(where) if where else ''}"


class Membership(models.Model):
    """A person holding a role in an organisation, possibly on behalf of another (an NGO's seat)."""

    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships")
    role = models.CharField(max_length=100)
    on_behalf_of = models.ForeignKey(
        "core.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="represented_by",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "role"]

    def __str__(self) -> str:
        return f"{self.person} — {self.role}{', ' + str(self.organization) if self.organization else ''}"


class Event(models.Model):
    """A meeting, forum, session…, with its chair and participants."""

    classification = models.CharField("type", max_length=40, default="meeting")
    name = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True)
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    chair = models.ForeignKey("core.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_events")
    participants = models.ManyToManyField("core.Person", blank=True, related_name="events")
    topic = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-start_date", "pk"]

    def __str__(self) -> str:
        return self.name or f"{self.classification} {self.start_date or ''}".strip()


class Statement(models.Model):
    """Words a person said in public, exactly as the source quotes them."""

    speaker = models.ForeignKey("core.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    text = models.TextField()
    language = models.CharField(max_length=8, default="kk")
    date = models.DateField(null=True, blank=True)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")

    class Meta:
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"
