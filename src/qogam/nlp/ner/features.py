"""Features of tokens for the CRF tagger, computed once per word type and reused.

Feature extraction, not the CRF, is what limits tagging speed in Python. Everything that
depends only on the word (its form, suffixes, shape, stem, gazetteer hits) is computed the
first time a type is seen and stored together with the variants prefixed for each position
of the ±2 window, so that the features of a token in a sentence are mostly a concatenation
of cached lists. Only what depends on the sentence (its start and end, quotation context,
word pairs, multi-word names, the distance to the next post noun or organisation head) is
built per token.

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

FEATURE_VERSION = 5

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
    # Distance to the next post noun / organisation head in the clause. With feature version
    # 4 it did not help (86.56 vs 86.72); with version 5's gazetteers it gave +0.35 on the last
    # block and -0.21 on the first, ORGANISATION +3.1 and +0.1, so it is on.
    "lookahead": True,
    "gazetteers": True,
    # Multi-word names of places and organisations matched in the sentence (B/I/E flags on
    # their words), the last word in any case form.
    "multiword": True,
}

# Case, possessive and plural endings stripped by the built-in stemmer, used when the
# morphology module is absent. Kazakh stacks plural + possessive + case, so stripping the
# longest ending twice reaches the stem of most nouns ("бірлестігінің" → "бірлестіг").
_ENDINGS = tuple(
    sorted(
        ["ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "а", "е", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "ды", "ді", "ты", "ті", "ны", "ні", "н", "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер", "ы", "і", "сы", "сі", "ын", "ін", "сын", "сін", "ына", "іне", "ында", "інде", "ынан", "інен", "ымен", "імен", "ыма", "іме", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ша", "ше", "мыз", "міз", "ымыз", "іміз", "ыңыз", "іңіз", "дай", "дей", "тай", "тей"],
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
# Initials glued to a surname ("И.Намазбаева", "Ж.Б.Омарова"): the surname after them is
# analysed like any word, so that its endings and gazetteer hits count.
_INITIALS_RE = re.compile(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,2}(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
_LATIN_RE = re.compile(r"[A-Za-z]")


# The endings grouped by length, longest first: a word has one ending of each length, so a
# set lookup per length finds the longest known ending.
_ENDINGS_BY_LENGTH = tuple(
    (length, frozenset(e for e in _ENDINGS if len(e) == length))
    for length in sorted({len(e) for e in _ENDINGS}, reverse=True)
)


def suffix_stem(lower: str) -> tuple[str, str]:
    """Return ``(stem, ending)`` of a lower-case word by stripping up to two known endings.

    The stem keeps at least three letters; the ending is what was removed ("" if nothing).
    """
    stem = lower
    for _ in range(2):
        for length, endings in _ENDINGS_BY_LENGTH:
            if len(stem) - length >= 3 and stem[-length:] in endings:
                stem = stem[:-length]
                break
        else:
            break
    return stem, lower[len(stem) :]


_KEPT_IN_SHAPE = frozenset(".-«»\"'")
_SHAPE_OF_CHAR: dict[str, str] = {}


def _char_shape(ch: str) -> str:
    shape = _SHAPE_OF_CHAR.get(ch)
    if shape is None:
        shape = next((letter for pattern, letter in _SHAPE_RE if pattern.fullmatch(ch)), None)
        if shape is None:
            shape = ch if ch in _KEPT_IN_SHAPE else "o"
        _SHAPE_OF_CHAR[ch] = shape
    return shape


def word_shape(word: str) -> str:
    """Return the compressed shape of ``word``: "Xx" for "Жанболат", "X.Xx", "dddd"→"d".

    Capitals become X, small letters x, digits d, other signs o (but . - « » " ' stay);
    runs of the same symbol collapse; at most six symbols are kept.
    """
    out: list[str] = []
    last = ""
    for ch in word:
        shape = _SHAPE_OF_CHAR.get(ch) or _char_shape(ch)
        if shape != last:
            out.append(shape)
            last = shape
    return "".join(out)[:6]


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
    """Word lists read from ``qogam.nlp.kk`` data files, indexed for the feature extractor.

    Absent files give empty lists. ``index`` maps every word matched with endings (first
    names, settlements, countries, natural features, post nouns, organisation heads and
    names, the word classes of ``word_classes.txt``) to its flags and the shortest beginning
    of a word that may count as it; ``order`` is the order flags are reported in.
    """

    index: dict[str, tuple[tuple[str, int], ...]]
    order: tuple[str, ...]
    surname_endings: frozenset[str]
    surname_lengths: tuple[int, ...]
    # words of multi-word place names, post phrases and organisation-type phrases (not their heads)
    place_words: frozenset[str]
    post_words: frozenset[str]
    org_words: frozenset[str]
    legal_forms: frozenset[str]
    # places, countries and natural features, multi-word ones written solid, for demonyms
    # ("қарағандылық", "солтүстікқазақстандықтар")
    demonym_bases: frozenset[str]
    # first word (lower case) → [(every word in lower case, kind)], longest names first
    multiword: dict[str, list[tuple[tuple[str, ...], str]]]

    def inflected_flags(self, lower: str, stem: str) -> set[str]:
        """Return the flags of every list that has ``lower`` or ``stem``, or a beginning of
        ``lower`` followed by an ending (final к/қ/п voiced: бірлестігі → бірлестік).

        One dictionary lookup per candidate string, whatever the number of lists; a beginning
        shorter than a list's shortest does not count for that list.
        """
        index = self.index
        found: set[str] = set()
        for key in (lower, stem):
            for flag, _ in index.get(key, ()):
                found.add(flag)
        for k in range(len(lower) - 1, max(2, len(lower) - 7), -1):
            head = lower[:k]
            for candidate in (head, head[:-1] + _UNVOICED[head[-1]]) if head[-1] in _UNVOICED else (head,):
                for flag, shortest in index.get(candidate, ()):
                    if k >= shortest:
                        found.add(flag)
        return found


def _sections(name: str) -> dict[str, tuple[str, ...]]:
    """Return the sections of word list ``name`` of qogam.nlp.kk ({} when the file is absent)."""
    from qogam.nlp.resources import load_sections

    try:
        return load_sections("qogam.nlp.kk", name)
    except ModelError:
        return {}


def _words(name: str) -> tuple[str, ...]:
    """Return every word of word list ``name``, all sections together (() when absent)."""
    return tuple(word for words in _sections(name).values() for word in words)


# The word lists of qogam.nlp.kk the features read: a model is only valid with the lists it
# was trained with, so their sha256 go into its card (see qogam.nlp.ner.train).
GAZETTEER_FILES = (
    "first_names.txt",
    "surname_endings.txt",
    "places.txt",
    "post_nouns.txt",
    "org_type_phrases.txt",
    "org_names.txt",
    "word_classes.txt",
)


@lru_cache(maxsize=1)
def load_gazetteers() -> Gazetteers:
    """Return the gazetteers: names, places, posts, organisation types and names, word classes."""

    def lowered(items: tuple[str, ...]) -> list[str]:
        return [item.lower() for item in items]

    # places.txt: settlements and administrative units (GPE), countries, and natural features
    # and macro-regions (rivers, lakes, mountains, continents: LOCATION in KazNERD).
    place_sections = _sections("places.txt")
    countries = lowered(place_sections.get("countries", ()))
    nature = lowered(place_sections.get("kz_nature", ()))
    settlements = [p.lower() for key, ps in place_sections.items() if key not in ("countries", "kz_nature") for p in ps]
    places = settlements + countries + nature
    posts = lowered(_words("post_nouns.txt"))
    org_sections = _sections("org_type_phrases.txt")
    legal = frozenset(org_sections.get("legal forms", ()))
    phrases = [p.lower() for key, ps in org_sections.items() if key != "legal forms" for p in ps]
    org_names = lowered(_words("org_names.txt"))
    multiword: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, names in (("place", settlements), ("country", countries), ("nature", nature), ("org", org_names)):
        for name in names:
            words = tuple(name.split())
            if len(words) > 1:
                multiword.setdefault(words[0], []).append((words, kind))
    for entries in multiword.values():
        entries.sort(key=lambda entry: -len(entry[0]))

    def single(names: list[str]) -> frozenset[str]:
        return frozenset(n for n in names if " " not in n)

    word_classes = {key: frozenset(lowered(words)) for key, words in _sections("word_classes.txt").items() if key and words}
    surname_endings = frozenset(lowered(_words("surname_endings.txt")))
    # (flag, words, shortest beginning): common nouns of three letters begin many unrelated
    # words (көл → көлік, тау → тауар), so class words count from four letters.
    groups: list[tuple[str, frozenset[str], int]] = [
        ("g=first", frozenset(lowered(_words("first_names.txt"))), 3),
        ("g=place", single(settlements), 3),
        ("g=country", single(countries), 3),
        ("g=nature", single(nature), 3),
        ("g=post", frozenset(p.split()[-1] for p in posts), 3),
        ("g=org", frozenset(p.split()[-1] for p in phrases), 3),
        ("g=orgname", single(org_names), 3),
        *((f"g={kind}", words, 4) for kind, words in word_classes.items()),
    ]
    index: dict[str, list[tuple[str, int]]] = {}
    for flag, members, shortest in groups:
        for member in members:
            index.setdefault(member, []).append((flag, shortest))
    return Gazetteers(
        index={key: tuple(value) for key, value in index.items()},
        order=(
            "g=first", "g=surname", "g=place", "g=country", "g=nature", "g=placew", "g=post", "g=postw",
            "g=org", "g=orgw", "g=legal", "g=orgname", *(f"g={kind}" for kind in word_classes), "g=demonym",
        ),
        surname_endings=surname_endings,
        surname_lengths=tuple(sorted({len(e) for e in surname_endings}, reverse=True)),
        place_words=frozenset(w for p in places if " " in p for w in p.split()),
        post_words=frozenset(w for p in posts for w in p.split()[:-1]),
        org_words=frozenset(w for p in phrases for w in p.split()[:-1]),
        legal_forms=legal,
        demonym_bases=frozenset(
            "".join(words).replace("-", "") for p in places for words in (p.split(), p.split()[:-1]) if words
        ),
        multiword=multiword,
    )


_VOICED = {"к": "г", "қ": "ғ", "п": "б"}
_UNVOICED = {voiced: plain for plain, voiced in _VOICED.items()}
# A place name + -лық/-лік (one from there), then plural and case endings.
_DEMONYM_RE = re.compile(r"(.{3,}?)(?:лық|лік|дық|дік|тық|тік)(?:тар|тер|дар|дер|лар|лер)?[а-яәғқңөұүһі]{0,4}")


def _starts_inflected(lower: str, base: str) -> bool:
    """Whether ``lower`` is ``base`` followed by endings (final к/қ/п may voice: банк → банкі, бірлестік → бірлестігі)."""
    if lower.startswith(base):
        return True
    last = base[-1:]
    return last in _VOICED and lower.startswith(base[:-1] + _VOICED[last])


# What is cached per word type: its own features, the same at a sentence's start (where a
# capital is weak evidence), its features as seen from offsets -2, -1, +1, +2, its stem, and
# its cue for the look-ahead: "p" a post noun, "o" an organisation head, "b" a clause break.
_TypeFeatures = tuple[list[str], list[str], list[str], list[str], list[str], list[str], str, str]

_BREAKS = frozenset(",.;:!?—()")
# Distance to the next cue → bucket; farther cues are ignored.
_BUCKETS = {1: "1", 2: "2", 3: "4", 4: "4", 5: "8", 6: "8", 7: "8", 8: "8"}


def _edge(name: str) -> _TypeFeatures:
    return ([], [], [f"-2:w={name}"], [f"-1:w={name}"], [f"1:w={name}"], [f"2:w={name}"], name, "")


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
        self._lookahead = bool(self.config["lookahead"])
        self._multiword = self._gaz.multiword if self._gaz is not None and self.config["multiword"] else None
        # word → its cached features (see _TypeFeatures)
        self._cache: dict[str, _TypeFeatures] = {}

    def _gazetteer_flags(self, word: str, lower: str, stem: str) -> list[str]:
        gaz = self._gaz
        if gaz is None:
            return []
        found = gaz.inflected_flags(lower, stem)
        if not word[:1].isupper():
            found.discard("g=orgname")  # "Мәжіліс" the chamber, "мәжіліс" a meeting
        else:
            endings = gaz.surname_endings
            if any(stem[-n:] in endings or lower[-n:] in endings for n in gaz.surname_lengths):
                found.add("g=surname")
        if lower in gaz.place_words:
            found.add("g=placew")
        if lower in gaz.post_words:
            found.add("g=postw")
        if lower in gaz.org_words:
            found.add("g=orgw")
        if word in gaz.legal_forms:
            found.add("g=legal")
        demonym = _DEMONYM_RE.fullmatch(lower)
        if demonym and demonym.group(1) in gaz.demonym_bases:
            found.add("g=demonym")
        return [flag for flag in gaz.order if flag in found] if found else []

    def _type_features(self, word: str) -> _TypeFeatures:
        lower = word.lower()
        generic = _DIGITS_RE.sub("0", lower)
        initials = _INITIALS_RE.match(word)
        core_word = word[initials.end() :] if initials else word
        core = core_word.lower()
        stem, ending = self._stem(core)
        shape = word_shape(word)
        gaz = self._gazetteer_flags(core_word, core, stem)
        base = ["bias", "w=" + generic, "st=" + stem, "en=" + ending, "len=" + str(min(len(word), 8))]
        # Affixes as long as the word itself would only repeat "w=", so they are left out.
        base += [f"s{k}={core[-k:]}" for k in (1, 2, 3, 4) if k < len(core)]
        base += [f"p{k}={core[:k]}" for k in (3, 4, 5) if k < len(core)]
        if initials:
            base.append("initials")
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
        if len(core) > 2:
            context = ["w=" + generic, "st=" + stem, "s3=" + core[-3:], "sh=" + shape, *gaz]
            near = context + ["en=" + ending, "s2=" + core[-2:]]
        else:
            # Punctuation and two-letter words: their stem and suffixes are the word itself.
            context = ["w=" + generic, "sh=" + shape, *gaz]
            near = context
        if word[:1].isupper():
            context.append("title")
            if near is not context:
                near.append("title")
        if initials:
            near.append("initials")
        return (
            own,
            own_initial,
            [f"-2:{f}" for f in context],
            [f"-1:{f}" for f in near],
            [f"1:{f}" for f in near],
            [f"2:{f}" for f in context],
            stem,
            "p" if "g=post" in gaz else "o" if "g=org" in gaz or "g=legal" in gaz else "b" if word in _BREAKS else "",
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
        if self._lookahead:
            self._add_lookahead(padded[2:-2], out)
        if self._multiword:
            self._add_multiword(tokens, out)
        return out

    def _add_multiword(self, tokens: Sequence[str], out: list[list[str]]) -> None:
        """Flag the words of listed multi-word names: "mw=KIND:B", ":I" inside, ":E" on the last word.

        Every word but the last must match exactly (ignoring case); the last may carry endings
        ("Білім және ғылым министрлігінің"). The longest name starting at a word wins, and
        names do not overlap.
        """
        table = self._multiword
        assert table is not None
        n = len(tokens)
        i = 0
        while i < n:
            entries = table.get(tokens[i].lower())
            matched = 0
            if entries:
                for words, kind in entries:
                    size = len(words)
                    if i + size > n:
                        continue
                    if all(tokens[i + k].lower() == words[k] for k in range(1, size - 1)) and _starts_inflected(
                        tokens[i + size - 1].lower(), words[-1]
                    ):
                        out[i].append(f"mw={kind}:B")
                        for k in range(i + 1, i + size - 1):
                            out[k].append(f"mw={kind}:I")
                        out[i + size - 1].append(f"mw={kind}:E")
                        matched = size
                        break
            i += matched or 1

    @staticmethod
    def _add_lookahead(types: list[_TypeFeatures], out: list[list[str]]) -> None:
        """Tell each token how far ahead, within its clause, the next post noun or organisation head is.

        Kazakh puts the head last: a long organisation name ends in its type noun
        ("…агенттігінің"), and a post ends in the post noun ("…төрағасы"), so every word of
        such a span sees the head ahead of it; a comma or full stop ends the clause.
        """
        cue = ""
        distance = 0
        for i in range(len(types) - 1, -1, -1):
            distance += 1
            if cue and distance <= 8:
                out[i].append("ah=" + cue + _BUCKETS[distance])
            own = types[i][7]
            if own == "b":
                cue = ""
            elif own:
                cue, distance = own, 0

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
