"""The human-readable model card (MODEL_CARD.md) written beside ``card.json``."""
from __future__ import annotations

from typing import Any


def render_card(card: dict[str, Any]) -> str:
    """Return MODEL_CARD.md text for a model's ``card`` dict (whatever keys it has)."""
    lines = ["# Kazakh named-entity tagger (qogam.nlp.ner)", ""]
    lines.append(card.get("description", "A CRF over cached per-word-type features, IOB2 output with KazNERD labels."))
    lines.append("")
    lines.append("## Training data")
    for item in card.get("data", []):
        lines.append(
            f"- `{item.get('path')}` — {item.get('sentences')} sentences, {item.get('tokens')} tokens, "
            f"sha256 `{item.get('sha256')}`"
        )
    if card.get("license_note"):
        lines.append(f"\n{card['license_note']}")
    lines += ["", "## Settings", "", "```", *(f"{k}: {v}" for k, v in card.get("crf", {}).items()), "```"]
    lines += ["", "Features:", "", "```", *(f"{k}: {v}" for k, v in card.get("features", {}).items()), "```"]
    held = card.get("heldout")
    if held:
        lines += ["", "## Held-out scores", ""]
        lines.append(held.get("description", ""))
        lines += ["", "| label | P | R | F1 | gold |", "| --- | ---: | ---: | ---: | ---: |"]
        for label, row in held.get("scores", {}).items():
            lines.append(f"| {label} | {row['p']:.2f} | {row['r']:.2f} | {row['f1']:.2f} | {row['gold']} |")
    notes = card.get("tuning_notes")
    if notes:
        lines += ["", "## What was tried (held-out overall F1)", "", *(f"- {note}" for note in notes)]
    lines += [
        "",
        "## Size and time",
        "",
        f"- model file: {card.get('model_bytes', '?')} bytes",
        f"- training time (final model): {card.get('training_seconds', '?')} s",
        f"- trained: {card.get('trained_at', '?')} with qogam {card.get('qogam_version', '?')}",
        "",
        "Reproduce with the command in `card.json` → `command`.",
        "",
    ]
    return "\n".join(lines)
