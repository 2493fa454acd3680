"""Who is who: candidates for "these two entries are one", the judgements on them, the merges.

A :class:`Judgement` is an edge between two entries, kept as the reviewer gave it (the way
nomenklatura keeps its resolver's edges): its ids are the ids the entries had when it was
made, and they are read through the merges, so an edge between two entries that were later
absorbed still holds for the entries that absorbed them. A :class:`Merge` is the record of
one "same": what the absorbed entry was and every row that pointed at it, so that a split
puts each fact back. A :class:`MatchCandidate` is a pair the resolver proposes, recomputed
by ``qogam resolve``; it is derived data, never a decision.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qogam.registry.core.vocabularies import EntityKind, Verdict


class Judgement(models.Model):
    """A reviewer's verdict on whether entries ``left`` and ``right`` of ``kind`` are one."""

    Verdict = Verdict

    kind = models.CharField(max_length=20, choices=EntityKind.choices, verbose_name=_("kind"))
    left = models.PositiveBigIntegerField()
    right = models.PositiveBigIntegerField()
    verdict = models.CharField(max_length=10, choices=Verdict.choices, verbose_name=_("verdict"))
    score = models.FloatField(null=True, blank=True, verbose_name=_("score"))
    reasons = models.JSONField(default=list, blank=True, verbose_name=_("reasons"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("judgement")
        verbose_name_plural = pgettext_lazy("plural", "judgements")
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "left", "right"], name="judgement_unique_pair"),
            models.CheckConstraint(condition=models.Q(left__lt=models.F("right")), name="judgement_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.left} {self.verdict} {self.right}"


class Merge(models.Model):
    """Entry ``absorbed_id`` of ``kind`` was found to be ``survivor_id`` and folded into it.

    ``absorbed`` keeps the absorbed entry's fields; ``moved`` the rows that pointed at it
    (``[model, pk, field]``) and now point at the survivor; ``dropped`` the rows that could not
    move without duplicating one of the survivor's (``[model, pk, fields]``: an event both
    attended), deleted and remade by a split; ``survivor_before`` the survivor's fields the
    merge changed (the names it gained, a BIN it lacked). A merge with ``undone_at`` was split.
    """

    kind = models.CharField(max_length=20, choices=EntityKind.choices, verbose_name=_("kind"))
    survivor_id = models.PositiveBigIntegerField(db_index=True)
    absorbed_id = models.PositiveBigIntegerField(db_index=True)
    absorbed = models.JSONField(default=dict)
    moved = models.JSONField(default=list)
    dropped = models.JSONField(default=list)
    survivor_before = models.JSONField(default=dict)
    judgement = models.ForeignKey(Judgement, null=True, blank=True, on_delete=models.SET_NULL, related_name="merges")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("merge")
        verbose_name_plural = pgettext_lazy("plural", "merges")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "absorbed_id"], name="merge_absorbed_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.absorbed_id} → {self.survivor_id}"

    @property
    def name(self) -> str:
        """The absorbed entry's name as it was."""
        fields = self.absorbed or {}
        return str(fields.get("name") or fields.get("name_kk") or fields.get("name_ru") or self.absorbed_id)


class MatchCandidate(models.Model):
    """A pair of entries the resolver offers as "maybe one", with its score and reasons."""

    kind = models.CharField(max_length=20, choices=EntityKind.choices, verbose_name=_("kind"))
    left = models.PositiveBigIntegerField()
    right = models.PositiveBigIntegerField()
    score = models.FloatField(db_index=True, verbose_name=_("score"))
    reasons = models.JSONField(default=list, verbose_name=_("reasons"))
    areas = models.ManyToManyField("core.Area", blank=True, related_name="+", verbose_name=_("areas"))
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("candidate pair")
        verbose_name_plural = pgettext_lazy("plural", "candidate pairs")
        ordering = ["-score", "kind", "left", "right"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "left", "right"], name="candidate_unique_pair"),
            models.CheckConstraint(condition=models.Q(left__lt=models.F("right")), name="candidate_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.left} ~ {self.right} ({self.score:.2f})"


class ResolverRun(models.Model):
    """One computation of the candidates of ``kind``: when, and how many pairs it kept (so that
    "computed at" is known when it found none)."""

    kind = models.CharField(max_length=20, choices=EntityKind.choices, verbose_name=_("kind"))
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    pairs = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("candidate search")
        verbose_name_plural = pgettext_lazy("plural", "candidate searches")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M} ({self.pairs})"
