"""Russian organisations: bodies named by their type noun, by a legal form, by the model.

Three sources of mentions, each a rule of :data:`RULES`:

* a type noun of ``org_types.txt`` ([heads]) with what agrees with it before ("областной
  маслихат", "Общественного совета") and what depends on it after: a name in quotation marks
  ("общественного объединения «Жастар»"), genitives ("Житикаринского района", "партии «Nur
  Otan»"); a bare "центр" or "управление" ([needs_more]) needs one of those;
* a legal form before a quoted name ("ТОО «Ас-Ан»", "ОФ “Ана Үйі”");
* the model's ORG spans that neither rule covers ("Гражданский Альянс Казахстана"), and web
  addresses of outlets ("Vecher.kz").

Names are in the nominative as written (:func:`qogam.nlp.ru.morph.phrase_nominative`): the
head and the words agreeing with it change, what depends on it stays. A body named again
by its head alone ("маслихат", "Общественный совет") is the fuller one named in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qogam.nlp.datelines import dateline_tokens
from qogam.nlp.extract.results import Evidence, Mention, Organization
from qogam.nlp.ru.document import TOP_LEVEL_DOMAINS, RuDocument
from qogam.nlp.ru.lexicon import entries, fold, pairs, words
from qogam.nlp.ru.morph import is_place, is_pos, lemmas, parses, phrase_nominative

RULES: dict[str, float] = {
    "ru-org-type": 0.8,  # "общественного объединения «Жастар»", "областной маслихат"
    "ru-org-form": 0.9,  # "ТОО «Ас-Ан»"
    "ru-org-ner": 0.6,  # the model's ORG span
    "ru-org-outlet": 0.8,  # "Vecher.kz"
    "ru-org-listed": 0.75,  # "поисковых отрядов «Вита» и «Ангел»": one body per quoted name
    "ru-org-venue": 0.6,  # "директор областного музея": a venue where a post is held
}

_OPENERS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_DOMAIN = re.compile(rf"^[\w.-]+\.({TOP_LEVEL_DOMAINS})$", re.IGNORECASE)
_MAX_DEPENDENTS = 8


@dataclass(slots=True)
class RuOrgMention:
    first: int
    last: int
    name: str
    type: str
    head: str  # the lemma of the type noun ("" for a legal form or the model's span)
    rule: str
    case: str  # the case of the head as written


def _heads() -> dict[str, str]:
    return pairs("org_types.txt", "heads")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Legal forms and short names as written, with their type (ТОО company, ОО public_association)."""
    return {e.rpartition(" ")[0]: e.rpartition(" ")[2] for e in entries("org_types.txt", "abbreviations")}


@lru_cache(maxsize=1)
def _qualified() -> dict[tuple[str, str], str]:
    """(adjective lemma, head lemma) → the type the adjective gives ("юридический объединение")."""
    return {(e.split()[0], e.split()[1]): e.split()[2] for e in entries("org_types.txt", "qualified")}


def head_lemma(word: str) -> str | None:
    """The type noun ``word`` is a form of ("совета" → "совет"), or None."""
    heads = _heads()
    if not word[:1].isalpha():
        return None
    found = lemmas(word) & heads.keys()
    return min(found) if found else None


def _closing(doc: RuDocument, i: int) -> int | None:
    """The index of the mark closing the quotation opened at ``i`` (same sentence)."""
    closer = _OPENERS.get(doc.word(i))
    if closer is None:
        return None
    for k in range(i + 1, min(len(doc.tokens), i + 20)):
        if doc.sentence_of[k] != doc.sentence_of[i]:
            return None
        if doc.word(k) == closer or (closer == "“" and doc.word(k) == "”"):
            return k
    return None


def _led(doc: RuDocument, role: int, person_tokens: set[int]) -> bool:
    """Whether the role at token ``role`` has its holder before it ("Асан Беймбетов,
    официальный представитель …"): a person, a comma or dash, the role's modifiers."""
    k = role - 1
    while k >= 0 and doc.word(k)[:1].islower() and any(p.tag.POS == "ADJF" for p in parses(doc.word(k))[:1]):
        k -= 1
    return k >= 1 and doc.word(k) in {",", "—", "–", "-"} and k - 1 in person_tokens


def _titled_spans(doc: RuDocument) -> set[int]:
    """The tokens inside the quotation marks of a title: right after a noun of [titled]."""
    titled = words("org_types.txt", "titled")
    inside: set[int] = set()
    for i in range(1, len(doc.tokens)):
        if doc.word(i) in _OPENERS and lemmas(doc.word(i - 1)) & titled:
            close = _closing(doc, i)
            if close is not None:
                inside.update(range(i, close + 1))
    return inside


def _agreeing_before(doc: RuDocument, head: int) -> int:
    """The first token of the words agreeing with the head before it ("Кызылординское
    областное общественное объединение")."""
    k = head
    while k - 1 >= 0 and doc.sentence_of[k - 1] == doc.sentence_of[head] and head - (k - 1) <= 4:
        word = doc.word(k - 1)
        if not word[:1].isalpha() or not (any(p.tag.POS in ("ADJF", "PRTF") for p in parses(word)[:2]) or _place_adjective(word)):
            break
        if word[:1].islower() and all(p.tag.POS == "PRTF" and {"tran", "actv"} <= p.tag.grammemes for p in parses(word)[:2]):
            break  # "возглавляющий общественный совет": a participle governing the body, no word of it
        if word[:1].islower() and not _shares_case(word, doc.word(head)):
            break  # "руководящая общественным фондом": a word in another case than the head, no word of it
        if fold(word) in words("org_types.txt", "not_before") or _is_role(word) \
                or fold(word) in pairs("post_nouns.txt", "synonyms"):
            break  # "… заведующий отделом": a post, not a word of the body's name ("Генеральная
            # прокуратура", "Исполнительный комитет": a post's modifier may be one)
        k -= 1
    return k


_CASE_OF = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn"}


def _shares_case(word: str, head: str) -> bool:
    """Whether an adjective or participle may agree in case with the head noun (true when the
    dictionary says nothing of either's case)."""
    mine = {_CASE_OF.get(c, c) for p in parses(word)[:3] if p.tag.POS in ("ADJF", "PRTF") and (c := p.tag.case)}
    theirs = {_CASE_OF.get(c, c) for p in parses(head)[:3] if (c := p.tag.case)}
    return not mine or not theirs or bool(mine & theirs)


_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def _place_adjective(word: str) -> bool:
    """Whether ``word`` is an adjective of a place the dictionary does not know, which it
    guesses as a surname first ("Астанинского городского филиала")."""
    readings = parses(word)
    return bool(readings) and not readings[0].is_known and _PLACE_ADJECTIVE.search(word.lower()) is not None \
        and any(p.tag.POS == "ADJF" for p in readings[:4])


def _dependents_after(doc: RuDocument, head: int, blocked: frozenset[int] = frozenset()) -> int:
    """The last token of what depends on the head after it: a quoted name, genitives."""
    k = head
    n = len(doc.tokens)
    steps = 0
    field = _field(doc, head, blocked)
    if field is not None:
        return field
    while k + 1 < n and doc.sentence_of[k + 1] == doc.sentence_of[head] and steps < _MAX_DEPENDENTS \
            and k + 1 not in blocked:
        if "\n" in doc.text[doc.tokens[k].end : doc.tokens[k + 1].start]:
            break  # a headline with no full stop ends at its line
        word = doc.word(k + 1)
        close = _closing(doc, k + 1) if _opening_mark(doc, k + 1) else None
        if close is None and k == head and word in _forms() and k + 2 < n and _opening_mark(doc, k + 2) \
                and head_lemma(doc.word(head)) in words("org_types.txt", "branches"):
            close = _closing(doc, k + 2)  # "филиал НАО «Центр поддержки гражданских инициатив»"
        if close is not None:
            if head_lemma(doc.word(head)) in words("org_types.txt", "branches") and close + 2 < n \
                    and fold(doc.word(close + 1)) == "по" and (territory := _territory_after(doc, close + 2, blocked)) is not None:
                return territory  # "филиал партии «AMANAT» по Туркестанской области"
            return close  # a quoted name ends the body's name
        if k > head and abbreviated_town(doc, k + 1) and (town := _territory_genitive(doc, k + 1, blocked)) is not None:
            return town  # "отдела образования г. Шымкента": a town abbreviated ends the name
        if fold(word) in words("org_types.txt", "convocations") or (
                k + 2 < n and fold(doc.word(k + 2)) in words("org_types.txt", "convocations")):
            break  # "маслихата | шестого созыва"
        if _bare_name(word):
            return k + 1  # "партия AMANAT", "Фонд Сорос-Казахстан"
        if word == "и" and k > head and k + 2 < n and _heads().get(head_lemma(doc.word(head)) or "") == "state_body" \
                and _genitive(doc.word(k + 2)) and not head_lemma(doc.word(k + 2)):
            k += 2  # "Министерство культуры и информации"
            steps += 2
            continue
        if word in ("№", "#") and k + 2 < n and doc.word(k + 2)[:1].isdigit():
            return k + 2  # "средней школы № 5": the number ends the name
        if fold(word) == "по" and (territory := _territory_after(doc, k + 2, blocked)) is not None:
            return territory  # "Департамент государственных доходов по Туркестанской области"
        if not word[:1].isalpha() or fold(word) in words("org_types.txt", "stop_after"):
            break
        if k > head and word[:1].isupper() and not _genitive(word) and k + 1 not in blocked \
                and lemmas(doc.word(k)) & words("org_types.txt", "apposed_places"):
            return k + 1  # "акимат города Туркестан": a town's name in apposition, as written
        if k > head and fold(word) in words("org_types.txt", "apposed_regions") and k + 1 not in blocked \
                and "область" in lemmas(doc.word(k)):
            return k + 1  # "Общественный совет области Абай"
        if fold(word) == "имени":
            # "колледж имени К. Дутбаевой": the eponym, initials and a family name, is the name's
            j = k + 2
            while j < n and j - (k + 2) < 4 and j not in blocked and doc.word(j)[:1].isupper() and (
                    doc.word(j).endswith(".") or doc.word(j) == "." or (len(doc.word(j)) <= 2 and doc.word(j)[:1].isalpha())):
                j += 1
            while j < n and doc.word(j) == ".":
                j += 1
            if j < n and j not in blocked and doc.word(j)[:1].isupper() and doc.word(j)[1:].islower():
                return j
        office = k == head and head_lemma(doc.word(head)) in words("org_types.txt", "post_offices")
        owner = fold(word) in words("org_types.txt", "owner_titles") and (word[:1].isupper() or k == head)
        served = k == head and _is_role(word) and any(p.tag.case == "gent" and p.tag.number == "plur" for p in parses(word)[:2])
        if not _genitive(word) or (_is_role(word) and not office and not owner and not served):
            break  # "… городского маслихата | депутата"; "Администрации Президента", "аппарата акима",
            # "фронт-офиса волонтеров" (whom it serves, in the plural) go on
        other = head_lemma(word)
        if other and head_lemma(doc.word(head)) not in words("org_types.txt", "parts"):
            while k > head and doc.word(k)[:1].islower() and any(p.tag.POS == "ADJF" for p in parses(doc.word(k))[:2]):
                k -= 1  # "комиссия | областного маслихата": the adjectives are the other body's
            break  # "Ассамблея народа Казахстана | Администрации Президента": another body
        k += 1
        steps += 1
    return k


def _territory_after(doc: RuDocument, k: int, blocked: frozenset[int]) -> int | None:
    """The last token of a territory in the dative from token ``k`` on, after "по" ("по
    Туркестанской области", "по городу Шымкент", "по Сайрамскому району"); None when there is
    none (a bare "по району" names none)."""
    return _territory(doc, k, blocked, "datv")


def _territory_genitive(doc: RuDocument, k: int, blocked: frozenset[int]) -> int | None:
    """The last token of a territory in the genitive from token ``k`` on ("Туркестанской
    области", "района", "города Шымкент"); None when there is none."""
    return _territory(doc, k, blocked, "gent")


def abbreviated_town(doc: RuDocument, k: int) -> bool:
    """Whether tokens ``k``… are a settlement abbreviated: "г", "с" ([place_abbreviations] of
    post_nouns.txt), a full stop, a capitalised name ("г. Шымкента", "г.Алматы")."""
    return k + 2 < len(doc.tokens) and fold(doc.word(k)) in words("post_nouns.txt", "place_abbreviations") \
        and doc.word(k + 1) == "." and doc.word(k + 2)[:1].isupper()


def _territory(doc: RuDocument, k: int, blocked: frozenset[int], case: str) -> int | None:
    """Adjectives in ``case``, then a noun of a territory in it ([place_kinds] of
    post_nouns.txt), then a town's name if the noun stands alone ("городу Шымкент", "города
    Шымкент"): the last token, or None. A bare noun in the dative is no territory."""
    n = len(doc.tokens)
    if case == "gent" and abbreviated_town(doc, k) and k + 2 not in blocked and is_place(doc.word(k + 2)):
        return k + 2  # "АНК г.Алматы", "акимата г. Шымкента": a town abbreviated
    j = k
    while j < n and j not in blocked and j - k < 3 and any(
            p.tag.POS == "ADJF" and p.tag.case == case for p in parses(doc.word(j))[:2]):
        j += 1
    if j >= n or j in blocked or not (lemmas(doc.word(j)) & pairs("post_nouns.txt", "place_kinds").keys()) \
            or not any(p.tag.case == case for p in parses(doc.word(j))[:3]):
        return None
    if j == k and j + 1 < n and j + 1 not in blocked and doc.word(j + 1)[:1].isupper() \
            and (case == "datv" or is_place(doc.word(j + 1))):
        return j + 1
    return j if j > k or case == "gent" else None


def _is_role(word: str) -> bool:
    return bool(lemmas(word) & words("post_nouns.txt", "roles")) and not head_lemma(word)


def _field(doc: RuDocument, head: int, blocked: frozenset[int] = frozenset()) -> int | None:
    """The end of "комиссия по вопросам образования, религии, физической культуры и спорта":
    a commission, council or state body named by its field ("Комитет по делам гражданского
    общества МИОР РК"), to the end of the list of genitives."""
    n = len(doc.tokens)
    if head + 2 >= n or _heads().get(head_lemma(doc.word(head)) or "") not in ("commission", "council", "state_body"):
        return None
    by = head + 1
    owner = by
    while owner < min(n - 1, by + 2) and owner not in blocked and doc.word(owner)[:1].islower() \
            and not head_lemma(doc.word(owner)) and any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in parses(doc.word(owner))[:2]):
        owner += 1  # "комиссия областного маслихата по …": the owner's adjectives
    if head_lemma(doc.word(owner)) and _genitive(doc.word(owner)) and owner + 2 < n and all(
            k not in blocked for k in range(by, owner + 1)):
        by = owner + 1  # "постоянная комиссия маслихата по социальным вопросам": whose commission first
    if fold(doc.word(by)) != "по":
        return None
    k = by + 1
    while k < n and k - by <= 3 and k not in blocked and fold(doc.word(k)) not in words("org_types.txt", "field_nouns") \
            and any(p.tag.POS == "ADJF" and p.tag.case == "datv" for p in parses(doc.word(k))[:2]):
        k += 1  # "комиссия по социальным вопросам"
    if k >= n or k in blocked:
        return None
    if fold(doc.word(k)) not in words("org_types.txt", "field_nouns") and not (
            # "департамент по чрезвычайным ситуациям", "комитет по статистике": a field of its own
            doc.word(k)[:1].islower() and fold(doc.word(k)) not in words("org_types.txt", "not_fields")
            and head_lemma(doc.word(head)) not in words("org_types.txt", "fieldless")
            and any(p.tag.POS == "NOUN" and p.tag.case == "datv" for p in parses(doc.word(k))[:2])):
        return None
    while k + 1 < n and doc.sentence_of[k + 1] == doc.sentence_of[head] and k + 1 not in blocked:
        word = doc.word(k + 1)
        if word == "и" and (j := _dative_noun_phrase(doc, k + 2, blocked)) is not None:
            k = j  # "по делам женщин и семейно-демографической политике": a second field
            continue
        if word in (",", "и") and k + 2 < n and _genitive(doc.word(k + 2)):
            k += 1
            continue
        if fold(word) in ("с", "со") and k + 2 < n and k + 2 not in blocked and doc.word(k + 2)[:1].islower() \
                and any(p.tag.POS == "NOUN" and p.tag.case == "ablt" for p in parses(doc.word(k + 2))[:2]):
            k += 2  # "отдел по связям с общественностью", "комиссия по работе с молодежью"
            continue
        if not (word[:1].isalpha() and _genitive(word)):
            break
        k += 1
    return k


def _dative_noun_phrase(doc: RuDocument, k: int, blocked: frozenset[int]) -> int | None:
    """The last token of adjectives and a noun in the dative from ``k`` ("семейно-демографической
    политике"), or None."""
    j = k
    while j < len(doc.tokens) and j - k < 3 and j not in blocked:
        readings = parses(doc.word(j))[:3]
        if any(p.tag.POS == "NOUN" and p.tag.case == "datv" for p in readings) and doc.word(j)[:1].islower():
            return j
        if not any(p.tag.POS == "ADJF" and p.tag.case == "datv" for p in readings):
            return None
        j += 1
    return None


def _bare_name(word: str) -> bool:
    """A name written after its type noun without quotation marks: in Latin letters
    ("AMANAT", "Ernst&Young") or capitalised and unknown to the dictionary ("Сорос-Казахстан")."""
    if not word[:1].isupper():
        return False
    if re.match(r"^[A-Za-z][\w&.-]*$", word):
        return True
    # (not a place's adjective: "маслихата Восточно-Казахстанской области" goes on to its noun)
    return "-" in word and not any(p.is_known for p in parses(word)[:1]) \
        and not any(p.tag.POS == "ADJF" for p in parses(word)[:2])


def _opening_mark(doc: RuDocument, k: int) -> bool:
    """Whether token ``k`` opens a quotation: «, “, „, or a straight quote with a space (or the
    line's start) before it and none after."""
    word = doc.word(k)
    if word in ("«", "„"):
        return True
    if word not in ('"', "“"):
        return False
    start = doc.tokens[k].start
    before = doc.text[start - 1] if start > 0 else " "
    after = doc.text[start + 1] if start + 1 < len(doc.text) else " "
    return (before.isspace() or before in "(«") and not after.isspace()


def _genitive(word: str) -> bool:
    """Whether a word may stand in the genitive after a head ("района", "Казахстана", "РК")."""
    if word.isupper() and len(word) <= 5:
        return True  # "РК", "СКО"
    readings = parses(word)[:3]
    if readings and readings[0].tag.POS in ("VERB", "PREP", "CONJ", "PRCL") and readings[0].score >= 0.9:
        return False  # "стали", "были": a verb, not the genitive of "сталь", "быль"; "при"
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR") for p in readings)


def _type_of(doc: RuDocument, first: int, last: int, head: int | None) -> str:
    forms = _forms()
    for k in range(first, last + 1):
        if doc.word(k) in forms:
            return forms[doc.word(k)]
    if head is None:
        return "other"
    lemma = head_lemma(doc.word(head)) or ""
    for k in range(first, last + 1):
        for candidate in lemmas(doc.word(k)):
            if (candidate, lemma) in _qualified():
                return _qualified()[(candidate, lemma)]
    if lemma in words("org_types.txt", "branches"):
        # a branch is of the kind of body it belongs to ("филиал партии", "филиал молодежного крыла")
        for k in range(head + 1, last + 1):
            owner = head_lemma(doc.word(k))
            if owner and owner != lemma:
                return "other" if owner == "крыло" else _heads()[owner]
    return _heads().get(lemma, "other")


def _name(doc: RuDocument, first: int, last: int, head: int | None, lemma: str | None = None) -> str:
    """The nominative name of tokens ``first``–``last``: the words up to the head inflected,
    the rest as written (``lemma``: the head's, where it is no type noun — a venue's)."""
    text = doc.span_text(first, last)
    if head is None:
        return text
    words_ = [doc.word(k) for k in range(first, head + 1)]
    inflected = phrase_nominative(words_, lemma or head_lemma(doc.word(head)))
    out = text
    base = doc.tokens[first].start
    # replace from the right so earlier offsets stay valid
    for k, new in reversed(list(zip(range(first, head + 1), inflected))):
        tok = doc.tokens[k]
        out = out[: tok.start - base] + new + out[tok.end - base :]
    return out


def _plural(word: str) -> bool:
    """Whether a noun can only be plural ("акиматы", "организаций"; "комиссии" may be singular)."""
    readings = [p for p in parses(word) if p.tag.POS == "NOUN"]
    # the readings as the type noun, when it is one (not a guessed name "Акимата")
    typed = [p for p in readings if fold(p.normal_form) in _heads()]
    readings = typed or readings
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def _plural_adjective(word: str) -> bool:
    readings = [p for p in parses(word) if p.tag.POS in ("ADJF", "PRTF")]
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def _named(doc: RuDocument, first: int, last: int, head: int) -> bool:
    """Whether a body of a head that cannot stand alone is named: a quotation, a capitalised
    word other than a sentence's first, or — for a state body — the field or place after it."""
    if any(doc.word(k) in _OPENERS for k in range(first, last + 1)):
        return True
    lemma = head_lemma(doc.word(head)) or ""
    if any(doc.word(k)[:1].isupper() and k != head and not _opens_sentence(doc, k) for k in range(first, last + 1)):
        return True
    if head - first >= 2:
        return True  # "уйгурского этнокультурного объединения": two words make a general noun specific
    if last > head and any(lemmas(doc.word(k)) & words("org_types.txt", "levels") for k in range(first, head)):
        return True  # "областного фронт-офиса волонтеров": a level and what it serves
    if last - head >= 3 and not lemmas(doc.word(head + 1)) & pairs("post_nouns.txt", "place_kinds").keys() \
            and not (head > 0 and fold(doc.word(head - 1)) in ("в", "во")):
        # "центра поддержки гражданских инициатив": what it is for, in three words or more (not
        # "в центре внимания всех гостей", where something is)
        return True
    return _heads().get(lemma) in ("state_body", "commission", "council") and last > head


def _opens_sentence(doc: RuDocument, k: int) -> bool:
    return k == 0 or doc.sentence_of[k - 1] != doc.sentence_of[k] or not doc.word(k - 1)[:1].isalnum() and (
        k - 1 == 0 or doc.sentence_of[k - 2] != doc.sentence_of[k])


def _model_span(doc: RuDocument, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of one ORG span of the model, tidied: marks around it dropped, a quotation
    right after it taken in, a span with a quotation mark left open dropped."""
    tokens = list(doc.tokens_in(start, end))
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    while first <= last and not doc.word(first)[:1].isalnum() and doc.word(first) not in _OPENERS:
        first += 1
    while last >= first and not doc.word(last)[:1].isalnum() and doc.word(last) not in _OPENERS.values():
        last -= 1
    if last + 1 < len(doc.tokens) and _closing(doc, last + 1) is not None:
        last = _closing(doc, last + 1) or last
    marks = [k for k in range(first, last + 1) if doc.word(k) in _OPENERS or doc.word(k) in _OPENERS.values()]
    if marks and not _opening_mark(doc, marks[0]) and doc.word(marks[0]) != "«":
        return None  # "Алтын жүрек", передает МИА "…": the span starts inside a quotation
    words_ = [doc.word(k) for k in marks]
    if words_.count('"') % 2 or words_.count("«") != words_.count("»"):
        return None
    return (first, last) if first <= last else None


def find_mentions(doc: RuDocument, person_tokens: set[int], eponyms: dict[int, int] | None = None) -> list[RuOrgMention]:
    """The organisation mentions of ``doc`` in text order, none inside a person's name but an
    eponym: ``eponyms`` maps the first token of a person named in the genitive to its last,
    and right after a foundation's type noun that name is the foundation's ("фонда Серика
    Тульбасова" → "фонд Серика Тульбасова")."""
    found: list[RuOrgMention] = []
    covered: set[int] = set()
    named_after: set[int] = set()

    titled = _titled_spans(doc)

    def add(first: int, last: int, head: int | None, rule: str) -> None:
        if first > last or any(k in covered or (k in person_tokens and k not in named_after) for k in range(first, last + 1)):
            return
        if any(k in titled for k in range(first, last + 1)):
            return  # "форум «Гражданский альянс»": an event's title
        name = _name(doc, first, last, head)
        if len(name) < 2:
            return
        case = next((str(p.tag.case) for p in parses(doc.word(head))[:1] if p.tag.case), "nomn") if head is not None else "nomn"
        lemma = head_lemma(doc.word(head)) if head is not None else ""
        found.append(RuOrgMention(first, last, name, _type_of(doc, first, last, head), lemma or "", rule, case))
        covered.update(range(first, last + 1))

    forms = _forms()
    not_orgs = {fold(w) for w in entries("org_types.txt", "not_organizations")}
    for i, tok in enumerate(doc.tokens):
        # a legal form before a quoted name, or an abbreviation of one the lists do not know
        # ("ОСОО «Ветераны»": capitals, no place, no word of [not_organizations])
        unknown = tok.text not in forms and tok.text.isalpha() and tok.text.isupper() and 2 <= len(tok.text) <= 6 \
            and fold(tok.text) not in not_orgs and not is_place(tok.text)
        if tok.text in forms and i > 0 and head_lemma(doc.word(i - 1)) in words("org_types.txt", "branches"):
            continue  # "филиала НАО «…» по Туркестанской области": the branch's name, found by its head
        if (tok.text in forms or (unknown and i + 1 < len(doc.tokens) and _opening_mark(doc, i + 1))) and i + 1 < len(doc.tokens):
            close = _closing(doc, i + 1)
            if close is not None and (tok.text in forms or close > i + 2):
                add(i, close, None, "ru-org-form")
    standalone = words("org_types.txt", "standalone")
    venues = words("org_types.txt", "venues")
    for i, tok in enumerate(doc.tokens):
        if i in covered:
            continue
        lemma = head_lemma(tok.text)
        if lemma is not None and is_pos(tok.text, "NOUN") and _plural(tok.text):
            # "поисковых отрядов «Экибастуз», «Вита» и «Ангел»": one body per quoted name
            for first, last, name in _listed_names(doc, i):
                if not any(k in covered for k in range(first, last + 1)):
                    found.append(RuOrgMention(first, last, name, _type_of(doc, first, last, i), lemma, "ru-org-listed", "nomn"))
                    covered.update(range(first, last + 1))
            continue  # "акиматы", "этнокультурные центры": bodies in general
        if lemma is None or not is_pos(tok.text, "NOUN"):
            continue
        first, last = _agreeing_before(doc, i), _dependents_after(doc, i, frozenset(person_tokens))
        holder = first > 0 and _is_role(doc.word(first - 1)) and eponyms is not None and i + 1 in eponyms \
            and eponyms[i + 1] + 1 not in person_tokens and not _led(doc, first - 1, person_tokens)
        if last == i and eponyms and i + 1 in eponyms and _heads().get(lemma) == "foundation" and not holder:
            # (not "председателя фонда Бауыржана Ахмета": a role before it and no one after, he
            # chairs the foundation)
            last = eponyms[i + 1]
            named_after.update(range(i + 1, last + 1))
        if any(_plural_adjective(doc.word(k)) for k in range(first, i)):
            continue  # "лучшие неправительственные организации страны"
        if first > 0 and lemmas(doc.word(first - 1)) & venues:
            continue  # "в актовом зале аппарата акима района": only where a meeting was held
        if _folded_part(doc, first, i, max(last, i + 4) + 1):
            continue  # "аппарат районного маслихата": the maslikhat, named after it
        if lemma not in standalone and not _named(doc, first, last, i):
            continue
        add(first, last, i, "ru-org-type")
    for i in range(1, len(doc.tokens)):
        # "директор областного музея", "главный врач городской больницы № 2", "директор средней
        # школы № 5": a venue or a numbered school is a body where someone holds a post in it,
        # and only a place where something happens (or an unnamed beneficiary) otherwise
        venue = next((lemma for lemma in lemmas(doc.word(i)) if lemma in venues), None) or (
            head_lemma(doc.word(i)) if _heads().get(head_lemma(doc.word(i)) or "") == "education" else None)
        if venue is None or i in covered or not is_pos(doc.word(i), "NOUN") or _plural(doc.word(i)):
            continue
        first, last = _agreeing_before(doc, i), _dependents_after(doc, i, frozenset(person_tokens))
        role = doc.word(first - 1) if first > 0 else ""
        synonym = pairs("post_nouns.txt", "synonyms").get(fold(role))
        if first == 0 or not (_is_role(role) or synonym) or (first == i and last == i):
            continue  # "директор музея" alone names no one museum
        instrumental = bool((lemmas(role) | {synonym}) & words("post_nouns.txt", "instrumental_roles")) \
            and any(p.tag.case == "ablt" for p in parses(doc.word(i))[:2])
        if not (_genitive(doc.word(i)) or instrumental):
            continue  # (the role governs its case: "директор музея", "заведующая детским садом")
        if any(k in covered or k in person_tokens for k in range(first, last + 1)):
            continue
        found.append(RuOrgMention(first, last, _name(doc, first, last, i, venue), "other", venue, "ru-org-venue", "gent"))
        covered.update(range(first, last + 1))
    for span in doc.entities:
        if span.label != "ORG":
            continue
        tidy = _model_span(doc, span.start, span.end)
        if tidy is None:
            continue
        first, last = tidy
        abbreviated = first == last and doc.word(first) in forms
        if abbreviated and last + 1 < len(doc.tokens):
            # "АНК Туркестанской области", "ЦОН района": an abbreviation's territory is its name's
            last = _territory_genitive(doc, last + 1, frozenset(person_tokens)) or last
        while first < last and _is_title(doc.word(first)) and not head_lemma(doc.word(first)):
            first += 1  # "Вице-министр информации …": the post is not the body's name
        if first != tidy[0] and not any(head_lemma(doc.word(k)) for k in range(first, last + 1)):
            continue  # what is left names a field, not a body
        text = doc.span_text(first, last)
        if fold(text) in not_orgs or (first == last and is_place(doc.word(first))):
            continue
        head = next((k for k in range(first, last + 1) if head_lemma(doc.word(k))), None)
        if head is None:
            # the first noun, before an eponym ("ЮКУ имени Ауэзова": "имени" stays) or a quoted
            # name after a generic noun, which stays in the nominative ("хозяйства «Береке»"; one
            # standing alone declines with the sentence: "в «Самрук-Казыне»")
            named = next((k for k in range(first, last + 1) if fold(doc.word(k)) == "имени"
                          or (doc.word(k) in _OPENERS and k > 0 and is_pos(doc.word(k - 1), "NOUN"))), last + 1)
            if first > 1 and doc.word(first - 1) in _OPENERS and is_pos(doc.word(first - 2), "NOUN"):
                named = first
            head = first if abbreviated else next(
                (k for k in range(first, named) if is_pos(doc.word(k), "NOUN") and doc.word(k)[:1].isalpha()), None)
        if head is not None and _plural(doc.word(head)):
            continue  # "Неправительственные организации": bodies in general
        if head is not None and lemmas(doc.word(head)) & words("org_types.txt", "titled"):
            continue  # "Съезда народа Казахстана": an event
        if head is not None and _folded_part(doc, first, head, last + 4):
            continue  # "члены Президиума Центрального Совета ветеранов РК": an organ of the body after it
        if any(lemma in venues for k in range(first, last + 1) for lemma in lemmas(doc.word(k))):
            continue  # a place where something happens
        if first > 0 and lemmas(doc.word(first - 1)) & venues \
                and any(p.tag.case in ("loct", "loc2") for p in parses(doc.word(first - 1))[:2]):
            continue  # "в здании Ассамблеи народа …": only where it happens, as for the type rule
        if all(_is_title(doc.word(k)) for k in range(first, last + 1) if doc.word(k)[:1].isalpha()):
            continue  # "Первого Президента", "Главы", "IT-эксперт"
        if re.search(r"-\d{4}\b", text) and head is None:
            continue  # "Казахстан-2050": a programme, not a body
        add(first, last, head, "ru-org-ner")
    for i, tok in enumerate(doc.tokens):
        if _DOMAIN.match(tok.text) and i not in covered:
            found.append(RuOrgMention(i, i, tok.text, "media", "", "ru-org-outlet", "nomn"))
            covered.add(i)
    for first, last in dateline_tokens(doc.text, doc.tokens, words("org_types.txt", "dateline_outlets")):
        # "АСТАНА. КАЗИНФОРМ – …": the agency of a dateline
        if any(k in covered for k in range(first, last + 1)):
            continue
        found.append(RuOrgMention(first, last, doc.text[doc.tokens[first].start : doc.tokens[last].end], "media", "",
                                  "ru-org-outlet", "nomn"))
        covered.update(range(first, last + 1))
    found.sort(key=lambda m: m.first)
    return _attached(doc, found)


def _folded_part(doc: RuDocument, first: int, head: int, until: int) -> bool:
    """Whether the body headed at token ``head`` (its agreeing words from ``first``) is a part or
    an organ the annotation folds into a body whose type noun follows before token ``until``
    ([folded_parts]: "аппарат", "президиум"; a council called by an adjective of
    [folded_councils]: "Политический совет")."""
    lemma = head_lemma(doc.word(head))
    folded = lemma in words("org_types.txt", "folded_parts") or bool(lemmas(doc.word(head)) & words("org_types.txt", "folded_parts")) \
        or (lemma == "совет" and any(lemmas(doc.word(k)) & words("org_types.txt", "folded_councils") for k in range(first, head)))
    return folded and any(head_lemma(doc.word(k)) for k in range(head + 1, min(until, len(doc.tokens))))


def _listed_names(doc: RuDocument, head: int) -> list[tuple[int, int, str]]:
    """The bodies a plural type noun names by a list of quoted names right after it, each as
    (first token of its name, last token, "singular type phrase «name»"): "поисковых отрядов
    «Экибастуз», «Вита» и «Ангел»" → поисковый отряд «Экибастуз», поисковый отряд «Вита" …"""
    first = _agreeing_before(doc, head)
    words_ = [doc.word(k) for k in range(first, head + 1)]
    singular = " ".join(phrase_nominative(words_, head_lemma(doc.word(head)), "sing"))
    out: list[tuple[int, int, str]] = []
    k = head + 1
    while k < len(doc.tokens) and _opening_mark(doc, k):
        close = _closing(doc, k)
        if close is None:
            break
        out.append((k, close, f"{singular} {doc.span_text(k, close)}"))
        k = close + 1
        if k < len(doc.tokens) and doc.word(k) in (",", "и"):
            k += 1
            continue
        break
    return out


def _attached(doc: RuDocument, found: list[RuOrgMention]) -> list[RuOrgMention]:
    """Mentions joined into one body, the other then no mention of its own: a council,
    commission, centre or chamber "при" another body ("общественный совет при акимате
    Туркестанской области", as "… жанындағы" is in Kazakh) or "при" an office ("… при акиме
    области"); a branch and the body it belongs to ("областной филиал ОО «Союз женщин»"). A
    board named before its body folds into it ("попечительского совета фонда «Дара»")."""
    out: list[RuOrgMention] = []
    k = 0
    while k < len(found):
        m = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and m.type not in ("media", "company") and nxt.first == m.last + 2 \
                and fold(doc.word(m.last + 1)) == "при" and doc.sentence_of[nxt.last] == doc.sentence_of[m.first]:
            name = f"{m.name} при {doc.span_text(nxt.first, nxt.last)}"
            out.append(RuOrgMention(m.first, nxt.last, name, m.type, m.head, m.rule, m.case))
            k += 2
            continue
        if nxt is not None and nxt.first == m.last + 1 and m.head in words("org_types.txt", "branches") \
                and head_lemma(doc.word(m.last)) == m.head and doc.sentence_of[nxt.last] == doc.sentence_of[m.first]:
            # "Туркестанский областной филиал ОО «Союз женщин»": a branch named with the body it
            # belongs to is one organisation, the body's name as written
            name = f"{m.name} {doc.span_text(nxt.first, nxt.last)}"
            out.append(RuOrgMention(m.first, nxt.last, name, nxt.type, m.head, m.rule, m.case))
            k += 2
            continue
        if nxt is not None and nxt.first == m.last + 1 and m.last > m.first and board_at(doc, m.last - 1) == m.last:
            k += 1  # "попечительского совета фонда «Дара»": a board folds into the body it governs
            continue
        end = _post_attached(doc, m, nxt.first if nxt is not None else len(doc.tokens))
        if end is not None:
            # "комиссия по делам женщин … при акиме области", "… при Президенте РК": attached to
            # an office, named with it
            name = f"{m.name} при {doc.span_text(m.last + 2, end)}"
            m = RuOrgMention(m.first, end, name, m.type, m.head, m.rule, m.case)
        out.append(m)
        k += 1
    return out


def board_at(doc: RuDocument, k: int) -> int | None:
    """The last token of a board named in two words at token ``k`` ("попечительского совета",
    "наблюдательного совета", "совета директоров": [board_phrases] of post_nouns.txt)."""
    if k + 1 >= len(doc.tokens):
        return None
    first, second = lemmas(doc.word(k)), lemmas(doc.word(k + 1))
    phrases = (line.split() for line in entries("post_nouns.txt", "board_phrases"))
    return k + 1 if any(a in first and b in second for a, b in phrases) else None


def _post_attached(doc: RuDocument, m: RuOrgMention, limit: int) -> int | None:
    """The last token of "при" + a post in the prepositional + its genitives after ``m``
    ("при акиме области", "при Президенте РК"), or None."""
    k = m.last + 1
    if k + 1 >= limit or fold(doc.word(k)) != "при" or doc.sentence_of[k + 1] != doc.sentence_of[m.first]:
        return None
    role = doc.word(k + 1)
    if not (_is_role(role) and any(p.tag.case == "loct" for p in parses(role)[:3])):
        return None
    end = k + 1
    while end + 1 < limit and end - k <= 4 and doc.sentence_of[end + 1] == doc.sentence_of[m.first] \
            and doc.word(end + 1)[:1].isalpha() and _genitive(doc.word(end + 1)) and not _is_role(doc.word(end + 1)):
        end += 1
    return end


def _is_title(word: str) -> bool:
    titles = words("post_nouns.txt", "roles") | words("post_nouns.txt", "modifiers")
    return bool(lemmas(word) & titles) or fold(word) in pairs("post_nouns.txt", "synonyms") or ("-" in word and bool(lemmas(word.rsplit("-", 1)[1]) & titles))


def group(doc: RuDocument, mentions: list[RuOrgMention]) -> list[Organization]:
    """One organisation per name; a head named alone joins the one fuller body of that head."""
    by_name: dict[str, Organization] = {}
    owner: dict[int, Organization] = {}
    for m in mentions:
        m.name = " ".join(m.name.split())  # "общественное\xa0объединение": one space between words
        key = fold(_core(m.name)).strip("«»“”\" ")
        org = by_name.get(key)
        if org is None:
            org = Organization(m.name, m.type, _core(m.name))
            by_name[key] = org
        owner[id(m)] = org
    for m in mentions:
        # "маслихат города Астаны" and "маслихат Астаны", "Совет ветеранов" and "районный Совет
        # ветеранов", "Respublica" and "политическая партия Respublica": one body named the
        # longer and the shorter way
        org = owner[id(m)]
        mine = _content_words(m.name)
        fuller = {id(o): o for x in mentions if (o := owner[id(x)]) is not org and len(o.name) > len(m.name)
                  and (x.head == m.head or not m.head) and mine and mine <= _content_words(o.name)} if mine else {}
        if len(fuller) == 1:
            owner[id(m)] = next(iter(fuller.values()))
    for m in mentions:
        # (after the longer and shorter names of one body are one: "совет" before "областной
        # Общественный совет" and "Общественный совет области")
        org = owner[id(m)]
        short = m.head and len(fold(m.name).split()) <= 2 and fold(m.name).split()[-1:] and head_lemma(m.name.split()[-1]) == m.head
        if short:
            fuller = {id(o): o for x in mentions if x is not m and x.head == m.head
                      and len(x.name) > len(m.name) and (o := owner[id(x)]) is not org}
            if len(fuller) == 1:
                target = next(iter(fuller.values()))
                owner[id(m)] = target
                by_name.pop(fold(_core(m.name)).strip("«»“”\" "), None)
    for m in mentions:
        # "АНК" after "Ассамблея народа Казахстана": an abbreviation of a body named in full
        if m.name.isupper() and 2 <= len(m.name) <= 6 and m.name.isalpha():
            spelled = [o for o in {id(x): x for x in owner.values()}.values()
                       if o is not owner[id(m)] and _initials(o.name) == m.name]
            if len(spelled) == 1:
                owner[id(m)] = spelled[0]
                if not spelled[0].abbreviation:
                    spelled[0].abbreviation = m.name
    orgs: list[Organization] = []
    for m in mentions:
        org = owner[id(m)]
        tok_first, tok_last = doc.tokens[m.first], doc.tokens[m.last]
        org.mentions.append(Mention(doc.text[tok_first.start : tok_last.end], tok_first.start, tok_last.end))
        s, e = doc.sentence_span(m.first)
        org.evidence.append(Evidence(m.rule, RULES[m.rule], s, e))
        if org not in orgs:
            orgs.append(org)
    for m in mentions:
        m.name = owner[id(m)].name
    return orgs


@lru_cache(maxsize=50_000)
def _content_words(name: str) -> frozenset[str]:
    """The lemmas of a name's words other than territory nouns ("город", "область") and function words."""
    skip = words("org_types.txt", "stop_after") | words("post_nouns.txt", "territory")
    out = set()
    for word in re.findall(r"[^\W\d_]+(?:[-&][^\W\d_]+)*", name):
        lemma = min(lemmas(word)) if lemmas(word) else fold(word)
        if lemma not in skip and fold(word) not in skip:
            out.add(lemma)
    return frozenset(out)


def _initials(name: str) -> str:
    """The capitals a name's words begin with, function words skipped ("Ассамблея народа
    Казахстана" → "АНК")."""
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in words("org_types.txt", "stop_after"))


def _core(name: str) -> str:
    match = re.search(r"[«“\"]([^»”\"]+)[»”\"]", name)
    return match.group(1) if match else name
