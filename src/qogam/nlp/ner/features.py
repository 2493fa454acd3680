"""Features of tokens for the CRF tagger, computed once per word type and reused.

Feature extraction, not the CRF, is what limits tagging speed in Python. Everything that
depends only on the word (its form, suffixes, shape, stem, gazetteer hits) is computed the
first time a type is seen and stored together with the variants prefixed for each position
of the ±2 window, so that the features of a token in a sentence are mostly a concatenation
of cached lists. Only what depends on the sentence (its start and end, quotation context,
word pairs) is built per token.

The feature set is described by a small ``config`` dict stored in the model card, so that a
model is always applied with the features it was trained with; in particular whether stems
come from :mod:`qogam.nlp.kk.morphology` or from the built-in suffix stripper below.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from qogam.errors import ModelError

FEATURE_VERSION = 2

DEFAULT_CONFIG: dict[str, Any] = {
    "version": FEATURE_VERSION,
    # "suffixes" (the built-in stripper below) or "analyser" (qogam.nlp.kk.morphology); "auto"
    # picks the analyser when installed. The analyser did not beat the stripper on the held-out
    # block (86.58 F1 both, ORGANISATION 69.8 vs 71.9), and a model trained on it would drift
    # whenever the analyser changes, so the stripper is the default.
    "morphology": "suffixes",
    "window": 2,
    "pairs": True,
    "quotes": True,
    "gazetteers": True,
}

# Case, possessive and plural endings stripped by the built-in stemmer, used when the
# morphology module is absent. Kazakh stacks plural + possessive + case, so stripping the
# longest ending twice reaches the stem of most nouns ("бірлестігінің" → "бірлестіг").
_ENDINGS = tuple(
    sorted(
        """
        ның нің дың дің тың тің ға ге қа ке на не а е да де та те нда нде дан ден тан тен нан
        нен ды ді ты ті ны ні н мен бен пен лар лер дар дер тар тер ы і сы сі ын ін сын сін
        ына іне ында інде ынан інен ымен імен ыма іме дағы дегі тағы тегі ндағы ндегі ша ше
        мыз міз ымыз іміз ыңыз іңіз дай дей тай тей
        """.split(),
        key=len,
        reverse=True,
    )
)

_SHAPE_RE = (
    (re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"), "X"),
    (re.compile(r"[a-zа-яёәғқңөұүһі]"), "x"),
    (re.compile(r"[0-9]"), "d"),
)
_DIGITS_RE = re.compile(r"\d")
_REPEAT_RE = re.compile(r"(.)\1+")
_LATIN_RE = re.compile(r"[A-Za-z]")


def suffix_stem(lower: str) -> tuple[str, str]:
    """Return ``(stem, ending)`` of a lower-case word by stripping up to two known endings.

    The stem keeps at least three letters; the ending is what was removed ("" if nothing).
    """
    stem = lower
    for _ in range(2):
        for ending in _ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                stem = stem[: -len(ending)]
                break
        else:
            break
    return stem, lower[len(stem) :]


def word_shape(word: str) -> str:
    """Return the compressed shape of ``word``: "Xx" for "Жанболат", "X.Xx", "dddd"→"d"."""
    shape = word
    for pattern, letter in _SHAPE_RE:
        shape = pattern.sub(letter, shape)
    shape = re.sub(r"[^Xxd]", lambda m: m.group() if m.group() in ".-«»\"'" else "o", shape)
    return _REPEAT_RE.sub(r"\1", shape)[:6]


def _morphology_stemmer() -> Callable[[str], tuple[str, str]] | None:
    """Return a stem function backed by :mod:`qogam.nlp.kk.morphology`, or None when absent."""
    try:
        from qogam.nlp.kk import morphology  # type: ignore[attr-defined]
    except ImportError:
        return None
    analyse = getattr(morphology, "analyse", None)
    if analyse is None:
        return None

    def stem(lower: str) -> tuple[str, str]:
        readings = analyse(lower)
        if not readings:
            return suffix_stem(lower)
        best = readings[0]
        base = getattr(best, "lemma", None) or getattr(best, "stem", None)
        if not isinstance(base, str) or not base:
            return suffix_stem(lower)
        return base.lower(), "+".join(getattr(best, "tags", ()) or ())

    return stem


def resolve_config(config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a complete feature config, "auto" morphology resolved to what is installed."""
    out = dict(DEFAULT_CONFIG)
    out.update(config or {})
    if out["morphology"] == "auto":
        out["morphology"] = "analyser" if _morphology_stemmer() is not None else "suffixes"
    return out


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Word sets read from ``qogam.nlp.kk`` data files; absent files give empty sets."""

    first_names: frozenset[str]
    surname_endings: tuple[str, ...]
    places: frozenset[str]
    place_words: frozenset[str]
    posts: frozenset[str]
    post_words: frozenset[str]
    org_heads: frozenset[str]
    org_words: frozenset[str]
    legal_forms: frozenset[str]


def _words(name: str) -> tuple[str, ...]:
    from qogam.nlp.resources import load_words

    try:
        return load_words("qogam.nlp.kk", name)
    except ModelError:
        return ()


@lru_cache(maxsize=1)
def load_gazetteers() -> Gazetteers:
    """Return the gazetteers (first names, surname endings, places, posts, organisation types)."""
    from qogam.nlp.resources import load_sections

    def lowered(items: tuple[str, ...]) -> list[str]:
        return [item.lower() for item in items]

    places = lowered(_words("places.txt")) + lowered(_words("countries.txt"))
    posts = lowered(_words("post_nouns.txt"))
    try:
        org_sections = load_sections("qogam.nlp.kk", "org_type_phrases.txt")
    except ModelError:
        org_sections = {}
    legal = frozenset(org_sections.get("legal forms", ()))
    phrases = [p.lower() for key, ps in org_sections.items() if key != "legal forms" for p in ps]
    return Gazetteers(
        first_names=frozenset(lowered(_words("first_names.txt"))),
        surname_endings=tuple(sorted(set(lowered(_words("surname_endings.txt"))), key=len, reverse=True)),
        places=frozenset(p for p in places if " " not in p),
        place_words=frozenset(w for p in places if " " in p for w in p.split()),
        posts=frozenset(p.split()[-1] for p in posts),
        post_words=frozenset(w for p in posts for w in p.split()[:-1]),
        org_heads=frozenset(p.split()[-1] for p in phrases),
        org_words=frozenset(w for p in phrases for w in p.split()[:-1]),
        legal_forms=legal,
    )


def _inflected_in(lower: str, stem: str, words: frozenset[str]) -> bool:
    """Whether ``lower`` is a word of ``words`` or one of them followed by an ending.

    Kazakh final к/қ/п voice before a vowel (бірлестік → бірлестігі), so a stem ending in
    г/ғ/б is also tried with к/қ/п.
    """
    if not words:
        return False
    if lower in words or stem in words:
        return True
    for k in range(len(lower) - 1, max(2, len(lower) - 7), -1):
        head = lower[:k]
        if head in words:
            return True
        last = head[-1]
        if last in "гғб" and head[:-1] + {"г": "к", "ғ": "қ", "б": "п"}[last] in words:
            return True
    return False


# What is cached per word type: its own features, the same at a sentence's start (where a
# capital is weak evidence), its features as seen from offsets -2, -1, +1, +2, and its stem.
_TypeFeatures = tuple[list[str], list[str], list[str], list[str], list[str], list[str], str]


def _edge(name: str) -> _TypeFeatures:
    return ([], [], [f"-2:w={name}"], [f"-1:w={name}"], [f"1:w={name}"], [f"2:w={name}"], name)


_START2, _START1, _END1, _END2 = _edge("<s>"), _edge("<s>"), _edge("</s>"), _edge("</s>")


class FeatureExtractor:
    """Turns a sentence's tokens into CRF feature lists; caches everything per word type."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        """Build an extractor for a resolved ``config``.

        Raises :class:`ModelError` when the config asks for the morphology analyser and it is
        not installed, or for a feature version this code does not know.
        """
        self.config = resolve_config(config)
        if self.config["version"] != FEATURE_VERSION:
            raise ModelError(f"the model needs feature version {self.config['version']}, this is {FEATURE_VERSION}")
        if self.config["morphology"] == "analyser":
            stemmer = _morphology_stemmer()
            if stemmer is None:
                raise ModelError("the model was trained with qogam.nlp.kk.morphology, which is not installed")
            self._stem = stemmer
        else:
            self._stem = suffix_stem
        self._gaz = load_gazetteers() if self.config["gazetteers"] else None
        if self.config["window"] != 2:
            raise ModelError(f"unsupported feature window {self.config['window']} (this code knows 2)")
        self._pairs = bool(self.config["pairs"])
        self._quotes = bool(self.config["quotes"])
        # word → (own, own at sentence start, {offset: prefixed features}, pair key)
        self._cache: dict[str, _TypeFeatures] = {}

    def _gazetteer_flags(self, word: str, lower: str, stem: str) -> list[str]:
        gaz = self._gaz
        if gaz is None:
            return []
        flags = []
        if _inflected_in(lower, stem, gaz.first_names):
            flags.append("g=first")
        if word[:1].isupper() and any(stem.endswith(e) or lower.endswith(e) for e in gaz.surname_endings):
            flags.append("g=surname")
        if _inflected_in(lower, stem, gaz.places):
            flags.append("g=place")
        if lower in gaz.place_words:
            flags.append("g=placew")
        if _inflected_in(lower, stem, gaz.posts):
            flags.append("g=post")
        if lower in gaz.post_words:
            flags.append("g=postw")
        if _inflected_in(lower, stem, gaz.org_heads):
            flags.append("g=org")
        if lower in gaz.org_words:
            flags.append("g=orgw")
        if word in gaz.legal_forms:
            flags.append("g=legal")
        return flags

    def _type_features(self, word: str) -> _TypeFeatures:
        lower = word.lower()
        generic = _DIGITS_RE.sub("0", lower)
        stem, ending = self._stem(lower)
        shape = word_shape(word)
        gaz = self._gazetteer_flags(word, lower, stem)
        base = ["bias", "w=" + generic, "st=" + stem, "en=" + ending, "len=" + str(min(len(word), 8))]
        # Affixes as long as the word itself would only repeat "w=", so they are left out.
        base += ["s%d=%s" % (k, lower[-k:]) for k in (1, 2, 3, 4) if k < len(lower)]
        base += ["p%d=%s" % (k, lower[:k]) for k in (3, 4, 5) if k < len(lower)]
        if "-" in word:
            base.append("hyph")
            base.append("hl=" + lower.rsplit("-", 1)[-1])
        if _LATIN_RE.search(word):
            base.append("latin")
        base.extend(gaz)
        caps = ["sh=" + shape]
        if word[:1].isupper():
            caps.append("title")
            caps.append("tst=" + stem)
        if word.isupper() and len(word) > 1:
            caps.append("upper")
        own = base + caps
        own_initial = base + ["0" + c for c in caps]
        context = ["w=" + generic, "st=" + stem, "s3=" + lower[-3:], "sh=" + shape, *gaz]
        if word[:1].isupper():
            context.append("title")
        near = context + ["en=" + ending, "s2=" + lower[-2:]]
        return (
            own,
            own_initial,
            [f"-2:{f}" for f in context],
            [f"-1:{f}" for f in near],
            [f"1:{f}" for f in near],
            [f"2:{f}" for f in context],
            stem,
        )

    def _lookup(self, word: str) -> _TypeFeatures:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._type_features(word)
        return cached

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Return one feature list per token of a sentence (strings, each with weight 1)."""
        n = len(tokens)
        if not n:
            return []
        lookup = self._cache.get
        # Two sentinels on each side stand for the sentence's edges, so that every token's
        # features are one concatenation of five cached lists.
        padded = [_START2, _START1]
        for token in tokens:
            padded.append(lookup(token) or self._lookup(token))
        padded += (_END1, _END2)
        first = padded[2]
        out = [first[1] + padded[1][3] + padded[3][4] + padded[0][2] + padded[4][5]]
        for i in range(3, n + 2):
            out.append(padded[i][0] + padded[i - 1][3] + padded[i + 1][4] + padded[i - 2][2] + padded[i + 2][5])
        if self._pairs:
            keys = [t[6] for t in padded]
            for i in range(n):
                feats = out[i]
                feats.append("pp=" + keys[i + 1] + "|" + keys[i + 2])
                feats.append("pn=" + keys[i + 2] + "|" + keys[i + 3])
        if self._quotes and "«" in tokens:
            self._add_quote_context(tokens, padded[2:-2], out)
        return out

    @staticmethod
    def _add_quote_context(tokens: Sequence[str], types: list[Any], out: list[list[str]]) -> None:
        """Mark tokens inside «…» and tell them the word after the closing quote.

        A name in quotes is a title, a product or an organisation depending on what follows
        the quotes ("«Жайылма» қоғамдық бірлестігі" versus "«Абай жолы» романы").
        """
        opened = -1
        for i, token in enumerate(tokens):
            if token == "«":
                opened = i
            elif token == "»" and opened >= 0:
                after = types[i + 1][6] if i + 1 < len(tokens) else "</s>"
                after_flags = [f for f in types[i + 1][0] if f.startswith("g=")] if i + 1 < len(tokens) else []
                for j in range(opened + 1, i):
                    out[j].append("inq")
                    out[j].append("qa=" + after)
                    out[j].extend("q" + f for f in after_flags)
                if opened + 1 < i:
                    out[opened + 1].append("qfirst")
                    out[i - 1].append("qlast")
                opened = -1
