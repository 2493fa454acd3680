"""Proposals: one extracted fact waiting for a person to accept, reject or merge it."""
from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qogam.registry.core.vocabularies import ProposalKind, ProposalStatus


class Proposal(models.Model):
    """An extracted person, organisation, post, statement, event or place, with its evidence.

    ``payload`` is the extracted item as the extractor's JSON gives it. ``key`` is its name
    key (people, organisations, places). ``linked`` is the registry object it matches or, once
    decided, the object it created or was merged into; ``candidates`` lists the ids of the
    registry objects that matched when the match was ambiguous.
    """

    Kind = ProposalKind

    Status = ProposalStatus

    source = models.ForeignKey("core.Source", on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    label = models.CharField(max_length=300, help_text=_("What the reviewer reads in a list."), verbose_name=_("label"))
    key = models.CharField(max_length=300, blank=True, db_index=True)
    payload = models.JSONField(verbose_name=_("what was extracted"))
    start = models.PositiveIntegerField(help_text=_("Main evidence span in source.text."))
    end = models.PositiveIntegerField()
    evidence = models.JSONField(default=list, help_text=_("Every span it rests on: {start, end, text, rule}."))
    confidence = models.FloatField(default=0.0, verbose_name=_("confidence"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("status"))
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    linked = GenericForeignKey("content_type", "object_id")
    candidates = models.JSONField(default=list, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    effects = models.JSONField(default=dict, blank=True, editable=False,
                               help_text=_("What the decision wrote, for undoing it: objects created, names added."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = pgettext_lazy("plural", "proposals")
        ordering = ["source_id", "start", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "label", "start", "end"], name="proposal_unique_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label} ({self.status})"
