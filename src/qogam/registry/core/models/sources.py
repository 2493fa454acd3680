"""News documents and the evidence that ties each registry fact to a stretch of one."""
from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Source(models.Model):
    """A news document, stored once: ``content_hash`` is the sha256 of its normalised text."""

    url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True)
    origin = models.CharField(max_length=500, blank=True, help_text="File name or feed it was read from.")
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "-pk"]

    def __str__(self) -> str:
        return self.title or self.origin or f"source {self.pk}"


class Evidence(models.Model):
    """Registry fact ``target`` rests on ``source.text[start:end]``."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    rule = models.CharField(max_length=100, blank=True, help_text="The rule or model that found it.")
    confidence = models.FloatField(default=0.0)
    proposal = models.ForeignKey("core.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence_links")

    class Meta:
        verbose_name_plural = "evidence"
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(fields=["source", "content_type", "object_id", "start", "end"], name="evidence_unique"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="evidence_span_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.source} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        return self.source.text[self.start:self.end]
