"""News documents and the evidence that ties each registry fact to a stretch of one."""
from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SourceQuerySet(models.QuerySet["Source"]):
    def public(self) -> SourceQuerySet:
        """The sources not withdrawn: the ones the site shows and the queue offers."""
        return self.filter(withdrawn_at__isnull=True)


class Source(models.Model):
    """A news document, stored once: ``content_hash`` is the sha256 of its normalised text.

    ``text`` is what every evidence offset counts in: its line endings are normalised once at
    ingest and it never changes under its evidence. A correction is a new ``revision``
    (:func:`qogam.registry.core.services.sources.revise_text`): the old text is kept as a
    :class:`SourceRevision` and each evidence span is re-anchored or sent back to review.
    A withdrawn source (junk, a duplicate) is hidden from the public pages and the queue.
    """

    url = models.URLField(max_length=1000, blank=True, verbose_name=_("address"))
    outlet = models.CharField(max_length=200, blank=True, verbose_name=_("outlet"))
    title = models.CharField(max_length=500, blank=True, verbose_name=_("title"))
    published = models.DateField(null=True, blank=True, verbose_name=_("published"))
    language = models.CharField(max_length=8, blank=True, verbose_name=_("language"))
    text = models.TextField(verbose_name=_("text"))
    content_hash = models.CharField(max_length=64, unique=True)
    origin = models.CharField(max_length=500, blank=True, help_text=_("File name or feed it was read from."), verbose_name=_("read from"))
    ingested_at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=1, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                     on_delete=models.SET_NULL, related_name="+")
    withdrawn_reason = models.CharField(max_length=300, blank=True, editable=False)
    author = models.CharField(max_length=300, blank=True, verbose_name=_("author"))
    redirects = models.JSONField(default=list, blank=True, editable=False,
                                 help_text=_("The addresses a fetched page was redirected from."))
    minhash = models.BinaryField(null=True, blank=True, editable=False,
                                 help_text=_("MinHash signature of the text, for finding syndicated copies."))
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies",
                                     verbose_name=_("copy of"),
                                     help_text=_("The first stored source of the same story; a copy's facts are not proposed again."))

    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = pgettext_lazy("plural", "sources")
        ordering = ["-published", "-pk"]
        indexes = [models.Index(fields=["-published", "-id"], name="source_published_idx")]

    def __str__(self) -> str:
        return self.title or self.origin or f"source {self.pk}"


class SourceRevision(models.Model):
    """A text ``source`` had before a correction: revision ``number``, replaced by ``user`` at ``at``."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(verbose_name=_("revision"))
    text = models.TextField(verbose_name=_("text"))
    content_hash = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True, verbose_name=_("note"))

    class Meta:
        verbose_name = _("earlier text")
        verbose_name_plural = pgettext_lazy("plural", "earlier texts")
        ordering = ["source_id", "number"]
        constraints = [models.UniqueConstraint(fields=["source", "number"], name="source_revision_unique")]

    def __str__(self) -> str:
        return f"{self.source} r{self.number}"


class Evidence(models.Model):
    """Registry fact ``target`` rests on ``source.text[start:end]``."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    rule = models.CharField(max_length=100, blank=True, help_text=_("The rule or model that found it."))
    confidence = models.FloatField(default=0.0)
    proposal = models.ForeignKey("core.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence_links")

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = pgettext_lazy("plural", "evidence")
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
