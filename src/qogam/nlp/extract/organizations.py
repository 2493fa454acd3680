"""Organisations: a type phrase (қоғамдық бірлестігі, қоры, әкімдігі…) and the name before it.

A Kazakh organisation name ends in its type phrase and is inflected only there:
"«Жайылма» қоғамдық бірлестігінің". Working right to left, each type phrase (matched on
lemmas, longest first, from ``nlp/kk/org_types.json``) takes the name to its left: a «quoted
core», place words and adjectives before it ("Түркістан қалалық «…»"), or capitalised words
("Сайрам аудандық мәслихаты"). The name is reported in the nominative — only the case ending
of the last word goes; its possessive belongs to the name ("бірлестігі"). Russian-style names
put an abbreviation before the core ("ҚБ «Жайылма»", "ОО «Жайылма»").

Real news also names bodies with no proper name, and these are organisations too: by their
level or people ("аудандық мәслихат", "облыс әкімдігі", "армян этномәдени бірлестігі"), by
their members ("ақсақалдар алқасы"), by their field ("… жөніндегі комиссия"), several sharing
one type phrase ("облыс, қала әкімдігінің"), quoted whole with their type, by one listed word
("Мәжіліс", "ҚХА") or by a web address ("Egemen.kz"). A department named after its body stands
for the body. Grouping the mentions into organisations is :mod:`.org_groups`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qogam.nlp.datelines import dateline_tokens
from qogam.nlp.extract.document import Document, word_lemma
from qogam.nlp.extract.events import is_event_noun
from qogam.nlp.extract.lexicon import (
    case_of_ending,
    function_words,
    is_people,
    izafet_heads,
    known_organizations,
    org_heads,
    org_suffixes,
    org_types,
    org_words,
    place_prefixes,
    places,
    post_nouns,
    standalone_bodies,
    type_of_noun,
)
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.kk.morphology import CASE_TAGS, analyse, possessive3

# The rules that find organisation mentions, each with the score it gives a mention (what a
# fact's confidence is then measured from: qogam.nlp.extract.calibration).
RULES: dict[str, float] = {
    "org-quoted-core": 0.9,  # "«Жайылма» қоғамдық бірлестігі"
    "org-quoted-whole": 0.9,  # "«Азаматтық Альянсы … бірлестігі»"
    "org-abbreviation-first": 0.85,  # "ОО «Жайылма»"
    "org-quoted-alone": 0.7,  # "«Нұр Отан»", "«Жаңарған Жаңақорған жастары» жетекшісі"
    "org-outlet": 0.8,  # "inbusiness.kz"
    "org-capitalised": 0.75,  # "Сайрам аудандық білім бөлімі", "Мәжіліс"
    "org-parent": 0.75,  # "Сайрам ауданы әкімдігі" in "… әкімдігі жанындағы кеңес"
    "org-coordinated": 0.7,  # "облыс, қала әкімдігінің"
    "org-department": 0.7,  # "… басқармасының Қоғамдық-саяси жұмыс бөлімі" stands for its body
    "org-unnamed": 0.6,  # "облыстық ішкі саясат басқармасы"
    "org-bare": 0.55,  # "мәслихат депутаттарының": the one maslikhat of the text
}


@dataclass(slots=True)
class OrgMention:
    first: int
    last: int
    start: int
    end: int
    name: str
    core: str
    type: str
    case: str
    abbreviation: str | None
    confidence: float
    source: str
    core_first: int = -1  # tokens inside the quotation marks of a quoted core
    core_last: int = -1
    parent: OrgMention | None = None  # the body a branch belongs to


@lru_cache(maxsize=100_000)
def strip_case(word: str) -> tuple[str, str]:
    """Return ``word`` without its case ending (possessive kept) and the case removed.

    "бірлестігінің" → ("бірлестігі", "GEN"); "ҚБ-ның" → ("ҚБ", "GEN"); "кеңесі" → ("кеңесі", "NOM").
    """
    head, dash, tail = word.rpartition("-")
    if dash and head and head.isupper():
        # an abbreviation takes its ending after a hyphen: "ҚБ-ның", "ЖШС-ке"
        case = case_of_ending(tail)
        return (head, case) if case != "NOM" else (word, "NOM")
    readings = analyse(word)
    if not readings:
        return word, "NOM"
    best = readings[0]
    for k, tag in enumerate(best.tags):
        if tag in CASE_TAGS:
            cut = sum(len(s) for s in best.suffixes[k:])
            return word[: len(word) - cut], tag
    return word, "NOM"


def _match_type(doc: Document, head: int, floor: int) -> tuple[int, str] | None:
    """The longest type phrase ending at token ``head``: (its first token, the type)."""
    phrases, _ = org_types()
    lemma = doc.lemma(head)
    if lemma not in org_heads():
        return None
    best: tuple[int, str] | None = None
    for phrase, type_ in phrases.items():
        if phrase[-1] != lemma:
            continue
        k = len(phrase)
        first = head - k + 1
        if first < floor:
            continue
        if all(doc.lemma(first + j) == phrase[j] or doc.lower(first + j) == phrase[j] for j in range(k - 1)):
            if best is None or first < best[0]:
                best = (first, type_)
    return best


def _quote_before(doc: Document, index: int, floor: int) -> int | None:
    """If token ``index`` is a closing », return its matching «, else None."""
    if index < floor or doc.tokens[index].norm != "»":
        return None
    opener = doc.quote_partner(index)
    return opener if opener is not None and opener >= floor else None


_ANCHOR_WINDOW = 8


def _is_modifier(doc: Document, i: int, blocked: set[int]) -> bool:
    tok = doc.tokens[i]
    if tok.kind != "word" or i in blocked:
        return False
    lower = tok.norm.lower()
    if strip_case(tok.norm)[0] in org_types()[1]:
        return False  # "«Nur Metall» АҚ және …": an abbreviation ends another organisation
    base, case = strip_case(tok.norm)
    if tok.norm[:1].isupper():
        if lower in function_words() or base.lower() in function_words():
            return False  # "Менің Атырау облыстық мәслихатындағы …": a pronoun, not a name
        nxt = doc.tokens[i + 1].norm if i + 1 < len(doc.tokens) else ""
        if base in standalone_bodies() and not base.isupper() and nxt[:1].isupper() and not nxt.isupper() \
                and "POSS3" not in _tags(nxt.lower()):
            return False  # "Мәжіліс пен Үкімет Ұлттық қордан …": a body of its own ("Парламент Мәжілісі" is not)
        if base in standalone_bodies() and case == "NOM" and nxt in ("«", '"', "“") and "POSS3" not in _tags(lower):
            return False  # "Үкімет «Самұрық-Қазына» қорымен бірлесіп": the government, then the fund
        if "POSS3" in _tags(lower) and case == "NOM" and nxt in standalone_bodies() and "POSS3" not in _tags(nxt.lower()):
            return False  # "Ұлыбритания Парламенті Үкімет ұсынған …": a head of its own before another body
        if lower in kk.words("non_posts.txt", "honorifics"):
            return False  # "Елбасы «Нұр Отан» партиясының съезінде": a title, no word of the name
        # a place "in" which a body works is no part of its name ("Алматыдағы «…»", "Семейде")
        return case in ("NOM", "GEN") and not _sentence_opener(doc, i)
    if case == "LOC" and base.lower() in izafet_heads():
        return False  # "Катонқарағай ауданындағы «…»": where it is, not what it is called
    return lower in org_words("modifiers") or lower in izafet_heads() or lower.endswith(org_suffixes("modifier_suffixes"))


def _sentence_opener(doc: Document, i: int) -> bool:
    """A capital that only opens its sentence: not a place, and not inside a model's entity."""
    if not doc.opens_clause(i):
        return False
    written = strip_case(doc.tokens[i].norm)[0]
    word = written.lower()
    level = word in org_words("level") and word.endswith(org_suffixes("adjective_suffixes"))
    if word in places() or written in standalone_bodies() or level or word in org_words("country_abbreviations"):
        # "Парламент Мәжілісінің …", "Облыстық «Ардагерлер» қоғамдық бірлестігі" opening a
        # sentence: still the name's first word
        return False
    if i + 1 < len(doc.tokens) and f"{word} {strip_case(doc.tokens[i + 1].norm)[0].lower()}" in place_prefixes():
        return False  # "Оңтүстік Қазақстан университеті"
    return not any(
        (span.label in ("ORGANISATION", "GPE", "FACILITY") and span.first <= i <= span.last)
        # "Ақпарат және қоғамдық даму министрлігінің өкілі …": a post the model reads with
        # the body in it, opened by the body's first word
        or (span.label == "POSITION" and span.first == i
            and any(doc.lemma(j) in org_heads() for j in range(i + 1, span.last + 1)))
        for span in doc.entities_at(i)
    )


def _anchor_start(doc: Document, type_first: int, floor: int, blocked: set[int]) -> int | None:
    """Start of a name whose lower-case middle hangs on "PLACE аудандық/облысы …"."""
    i = type_first - 1
    while i > floor and type_first - i <= _ANCHOR_WINDOW:
        tok = doc.tokens[i]
        if tok.kind != "word" or i in blocked or not tok.norm[:1].islower():
            return None
        if is_event_noun(doc, i) or (doc.lemma(i) in org_heads() and strip_case(tok.norm)[1] not in ("NOM", "GEN")):
            return None  # the name would swallow a meeting, or a body named in another role
        if doc.lower(i) in org_words("conjunctions") and i - 1 >= floor and doc.lemma(i - 1) in org_heads():
            return None  # "… полиция департаменті мен жергілікті полиция қызметі": another body ends there
        if doc.lower(i) not in org_words("conjunctions") and (
            strip_case(tok.norm)[1] in ("LOC", "DAT", "ABL") or doc.lemma(i) in post_nouns() or doc.lower(i) in function_words()
        ):
            return None  # "… ауданының әкімі болып бұған дейін облыстық …": a clause, not a name
        if doc.lower(i) in org_words("anchors") and _is_modifier(doc, i - 1, blocked) and doc.tokens[i - 1].norm[:1].isupper():
            start = i - 1
            while start - 1 >= floor and doc.tokens[start - 1].norm[:1].isupper() and _is_modifier(doc, start - 1, blocked):
                start -= 1
            return start
        i -= 1
    return None


def _names_place(stem: str) -> bool:
    """Whether a word without its case ending is a place's name, read as written first
    ("Алматы", not a possessive of "Алмат"), then without its possessive."""
    return stem.lower() in places() or word_lemma(stem).lower() in places()


def _place_word(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a place's name in any case ("Алматының") or the noun of its kind
    after it ("облысының")."""
    stem = strip_case(doc.tokens[k].norm)[0]
    return stem.lower() in izafet_heads() or _names_place(stem)


def _name_start(doc: Document, type_first: int, floor: int, blocked: set[int]) -> tuple[int, int | None]:
    """Where the name before a type phrase starts, and the « of its quoted core if any."""
    i = type_first - 1
    # up to three lower-case words in the nominative may stand between a quoted core and its
    # type phrase: "«Таза Бадам» экологиялық қоғамдық бірлестігі", "«Шаңырақ» мүгедектігі
    # бар адамдар қоғамдық бірлестігі", "«Әділ тариф» тұтынушылар одағы"
    quote = None
    j = i
    while j >= floor and i - j <= 3:
        quote = _quote_before(doc, j, floor)
        if quote is not None or not _plain_word(doc, j):
            break
        j -= 1
    if quote is not None:
        i = quote - 1
    start = quote if quote is not None else type_first
    # words before the core (or the type phrase): place names, adjectives, capitalised words,
    # and the name a body is named after ("М.Әуезов атындағы", "Қорқыт ата атындағы")
    while i >= floor:
        if doc.lower(i) == "атындағы":
            k = _named_after(doc, i, floor)
            if k is None:
                break
            start, i = k, k - 1
            continue
        if not _is_modifier(doc, i, blocked):
            break
        start = i
        i -= 1
    # the name must open with a capital or a quote: drop lower-case words from its left, but
    # for the level of a body right before its quoted core ("облыстық «Азаматтық бастамалар»
    # ақпараттық-ресурстық орталығы")
    limit = quote if quote is not None else type_first
    while start < limit and not doc.tokens[start].norm[:1].isupper():
        if start == limit - 1 and quote is not None and doc.lower(start) in _level_adjectives():
            break
        if doc.lower(start) in _level_adjectives() and start + 1 < limit and doc.tokens[start + 1].norm[:1].isupper():
            break  # the level of a named body: "облыстық Қазақстан халқы Ассамблеясы"
        start += 1
    if quote is None and start == type_first:
        anchored = _anchor_start(doc, type_first, floor, blocked)
        if anchored is not None:
            start = anchored
    return start, quote


def _plain_word(doc: Document, i: int) -> bool:
    """A lower-case word in the nominative that may sit inside a name ("кәсіпкерлер")."""
    tok = doc.tokens[i]
    if tok.kind != "word" or not tok.norm[:1].islower() or doc.lower(i) in org_words("connectors"):
        return False
    # "кәсіпкерлер", "мүгедектігі бар адамдардың", "жастарды қолдау" (an accusative only as
    # the object of a verbal noun after it: "«Жеңіс» жобасын | орталық жанынан" is no name)
    return strip_case(tok.norm)[1] in ("NOM", "GEN", "ACC") and not _possessed_object(doc, i)


def _possessed_object(doc: Document, i: int) -> bool:
    """A possessed noun in the accusative ("жобасын") that no verbal noun in -у/-ю governs
    after it: the object of a verb, not a word of a name ("«Жеңіс» жобасын | орталық жанынан")."""
    return doc.lower(i).endswith(("сын", "сін")) and strip_case(doc.tokens[i].norm)[1] == "ACC" and not (
        i + 1 < len(doc.tokens) and strip_case(doc.tokens[i + 1].norm)[0].lower().endswith(("у", "ю")))


def _named_after(doc: Document, i: int, floor: int) -> int | None:
    """Start of "X атындағы" before token ``i``: a name of up to three words, initials too."""
    k = i - 1
    start = None
    while k >= floor and i - k <= 3:
        tok = doc.tokens[k]
        if tok.norm.lower() in function_words():
            break  # "Ол Қорқыт ата атындағы …": the pronoun is no part of the name
        if doc.opens_clause(k) and is_event_noun(doc, k):
            break  # "Жиын Ж.Жабаев атындағы мектепте өтті": the meeting opens the sentence
        if tok.kind in ("initials", "initial") or (tok.kind == "word" and tok.norm[:1].isupper()):
            start = k
        elif not (tok.kind == "word" and tok.norm.islower() and len(tok.norm) <= 4):
            break  # only a short word such as "ата", "би" may stand inside the name
        k -= 1
    return start


def find_org_mentions(doc: Document, person_tokens: set[int] | None = None) -> list[OrgMention]:
    """Return organisation mentions of ``doc`` in text order.

    ``person_tokens`` are token indices of person mentions: no organisation name runs into them.
    A council or commission "X жанындағы" also gives X, its parent body, as a mention.
    """
    blocked = person_tokens or set()
    found: list[OrgMention] = []
    _, abbreviations = org_types()
    for sentence in doc.sentences:
        if not sentence.tokens:
            continue
        floor = doc.token_at(sentence.start)
        i = floor + len(sentence.tokens) - 1
        while i >= floor:
            shared = _coordinated(doc, i, floor, blocked)
            if shared:
                found.extend(shared)
                i = min(m.first for m in shared) - 1
                continue
            mention = _mention_ending_at(doc, i, floor, abbreviations, blocked)
            if mention is None or mention.first > i:
                i -= 1
                continue
            found.append(mention)
            found.extend(_parents(doc, mention, abbreviations, blocked))
            i = mention.first - 1
    found.extend(_prefixed(doc, abbreviations, found))
    found.extend(_outlets(doc, found))
    found.extend(_quoted_alone(doc, found))
    found.extend(_bare(doc, found))
    found.sort(key=lambda m: m.start)
    return _fold_departments(doc, found, abbreviations, blocked)


def _coordinated(doc: Document, i: int, floor: int, blocked: set[int]) -> list[OrgMention]:
    """Bodies that share one type phrase ending at token ``i``, one per level, place or people
    named before it: "облыс, қала әкімдігінің" (two akimats), "Сайрам, Төлеби аудандық және
    Кентау қалалық ардагерлер кеңестерінің" (three councils), "армян, шешен-ингуш, корей
    этномәдени бірлестіктерінің". Counted levels ("16 аудандық, қалалық … орталық") name no
    body. Each is named in the nominative singular with its possessive ("… кеңесі")."""
    tok = doc.tokens[i]
    if tok.kind != "word" or doc.lemma(i) not in org_heads():
        return []
    matched = _match_type(doc, i, floor)
    if matched is None:
        return []
    type_first, type_ = matched
    quoted = _coordinated_quoted(doc, i, type_first, type_, floor)
    if quoted:
        return quoted
    k = type_first - 1
    while k >= floor and type_first - k <= 3 and doc.tokens[k].kind == "word" and doc.tokens[k].norm[:1].islower() \
            and doc.lower(k) not in org_words("level") and not is_people(doc.lower(k)) \
            and doc.lower(k) not in org_words("coordinators") and _plain_word(doc, k):
        k -= 1  # the words every body's name shares ("ардагерлер")
    shared_first = k + 1
    items: list[tuple[int, str]] = []
    while k >= floor:
        lower = doc.lower(k)
        if lower in org_words("level") or is_people(lower):
            items.append((k, "level"))
        elif lower in org_words("coordinators"):
            items.append((k, "sep"))
        elif doc.tokens[k].kind == "number":
            return []
        elif doc.tokens[k].norm[:1].isupper() and k not in blocked and strip_case(doc.tokens[k].norm)[1] == "NOM" \
                and lower not in function_words():
            items.append((k, "place"))
        else:
            break
        k -= 1
    items.reverse()
    while items and items[0][1] == "sep":
        items.pop(0)
    if not items or items[-1][1] != "level" or not any(kind == "sep" for _, kind in items):
        return []
    if k >= floor and doc.tokens[k].kind == "number":
        return []
    names: list[tuple[int, str]] = []  # (first token, words before the shared part)
    pending: list[int] = []
    for index, kind in items:
        if kind == "place":
            pending.append(index)
        elif kind == "level":
            level = doc.norm_span(index, index)
            if pending:
                names.extend((p, f"{doc.tokens[p].norm} {level}") for p in pending)
            else:
                names.append((index, level))
            pending = []
    if len(names) < 2 or pending:
        return []
    shared = doc.norm_span(shared_first, i - 1) + " " if shared_first < i else ""
    head = possessive3(doc.lemma(i))
    case = strip_case(tok.norm)[1]
    out = []
    for first, prefix in names:
        name = f"{prefix} {shared}{head}"
        out.append(OrgMention(first, i, doc.tokens[first].start, tok.end, name, name, type_, case, None,
                              RULES["org-coordinated"], "org-coordinated"))
    return out


def _coordinated_quoted(doc: Document, i: int, type_first: int, type_: str, floor: int) -> list[OrgMention]:
    """Quoted names listed before one plural type phrase: "«Жастар», «Ана» және «Болашақ»
    қоғамдық бірлестіктерінің" names three bodies, each "«…» қоғамдық бірлестігі"."""
    if "PL" not in _tags(doc.lower(i)):
        return []
    cores: list[tuple[int, int]] = []  # (opening «, closing ») of each name, right to left
    k = type_first - 1
    # plain words all the names share may stand between ("«Молот» және «Зияткер» пікірсайыс
    # клубтары", "«Фэникс», «Мейірім» волонтерлік орталықтары")
    while k > floor and type_first - k <= 2 and doc.tokens[k].kind == "word" and doc.tokens[k].norm[:1].islower() \
            and strip_case(doc.tokens[k].norm)[1] == "NOM" and doc.lower(k) not in org_words("coordinators") \
            and doc.lemma(k) not in org_heads():
        k -= 1  # (not a type word: "«AMANAT» пен «…» партиялары филиалдарының" names the parties' branches)
    shared_first = k + 1
    while k > floor and doc.tokens[k].norm == "»":
        opener = doc.quote_partner(k)
        if opener is None or opener >= k or opener < floor or (cores and doc.lemma(k - 1) in org_heads()):
            break  # (a name that ends in a type word is a body of its own: "«Қазақстан студенттер Альянсы»")
        cores.append((opener, k))
        k = opener - 1
        if k >= floor and doc.lower(k) in org_words("coordinators"):
            k -= 1
            continue
        break
    if len(cores) < 2:
        return []
    kind = (doc.norm_span(shared_first, i - 1) + " " if shared_first < i else "") + possessive3(doc.lemma(i))
    case = strip_case(doc.tokens[i].norm)[1]
    out = []
    for opener, closer in reversed(cores):
        core = doc.span_text(opener + 1, closer - 1)
        name = f"«{core}» {kind}"
        out.append(OrgMention(opener, i, doc.tokens[opener].start, doc.tokens[i].end, name, core, type_, case, None,
                              RULES["org-coordinated"], "org-coordinated", opener + 1, closer - 1))
    return out


def _fold_departments(
    doc: Document, found: list[OrgMention], abbreviations: dict[str, str], blocked: set[int]
) -> list[OrgMention]:
    """A department named after its body ("… басқармасының Қоғамдық-саяси жұмыс бөлімі",
    "… орталығы кеңес беру бөлімінің") is no organisation of its own: its mention stands for
    the body, so that "бөлімінің басшысы X" is a post in the body."""
    ending = {m.last: m for m in found}
    out: list[OrgMention] = []
    heads = org_words("department_heads")
    for m in found:
        two = f"{doc.lemma(m.last - 1)} {doc.lemma(m.last)}" if m.last > m.first else ""
        if doc.lemma(m.last) not in heads and two not in heads:
            out.append(m)
            continue
        body = None
        for k in range(m.last - 1, max(m.first - 6, -1), -1):
            if doc.tokens[k].kind != "word":
                break
            if k < m.first:
                candidate = ending.get(k)
            else:
                candidate = _mention_ending_at(doc, k, doc.sentence_bounds(k)[0], abbreviations, blocked)
            if candidate is None or candidate.first > m.first:
                continue
            case = strip_case(doc.tokens[k].norm)[1]
            # the body in the genitive, or in the izafet ("орталығы кеңес беру бөлімі")
            if case == "GEN" or (case == "NOM" and "POSS3" in _tags(doc.lower(k))):
                body = candidate
                break
        if body is None:
            out.append(m)
            continue
        if body.last >= m.first and body not in out:
            out.append(body)
        out.append(OrgMention(
            m.first, m.last, m.start, m.end, body.name, body.core, body.type, m.case, body.abbreviation,
            RULES["org-department"], "org-department", body.core_first, body.core_last,
        ))
    return out


def _attached_start(
    doc: Document, start: int, type_first: int, floor: int, abbreviations: dict[str, str], blocked: set[int]
) -> int:
    """Where a council's or commission's name starts when the body it sits under stands
    before it ("облыс әкімдігі жанындағы | Қоғамдық кеңес", "«AMANAT» партиясы облыстық
    филиалы жанындағы Қоғамдық кеңес"): at that body's first word; ``start`` otherwise."""
    for k in range(type_first - 1, max(floor, start - 2), -1):
        if doc.lower(k) not in org_words("attached"):
            continue
        parent = _mention_ending_at(doc, k - 1, floor, abbreviations, blocked) if k - 1 >= floor else None
        if parent is not None and parent.last == k - 1 and parent.first < start:
            return parent.first
        break
    return start


def _parents(doc: Document, mention: OrgMention, abbreviations: dict[str, str], blocked: set[int]) -> list[OrgMention]:
    """The body a council or commission sits under ("Сайрам ауданы әкімдігі жанындағы …") or
    a branch belongs to ("«AMANAT» партиясының аудандық филиалы")."""
    if mention.parent is not None:
        mention.parent.source, mention.parent.confidence = "org-parent", RULES["org-parent"]
        return [mention.parent]
    for k in range(mention.first + 1, mention.last):
        if doc.lower(k) in org_words("attached") and k - 1 > mention.first:
            parent = _mention_ending_at(doc, k - 1, mention.first, abbreviations, blocked)
            if parent is not None:
                parent.source, parent.confidence = "org-parent", RULES["org-parent"]
                return [parent]
    return []


def _mention_ending_at(
    doc: Document, i: int, floor: int, abbreviations: dict[str, str], blocked: set[int]
) -> OrgMention | None:
    tok = doc.tokens[i]
    base, case = strip_case(tok.norm)
    abbreviation: str | None = None
    if tok.norm in standalone_bodies():
        base, case = tok.norm, "NOM"  # a listed name as written ("Самұрық-Қазына" is no dative)
    lookup = base
    possessed = _possessed_standalone()
    if base in possessed and i > floor and doc.tokens[i - 1].kind == "word" and doc.tokens[i - 1].norm[:1].isupper() \
            and strip_case(doc.tokens[i - 1].norm)[1] == "NOM":
        # "Қазақстан Үкіметі", "Парламент Мәжілісі": the body of the name before it, a name itself
        lookup = possessed[base]
    standalone = lookup in standalone_bodies() and tok.norm[:1].isupper() and not _inside_quotes(doc, i, floor) and not (
        # "Мәжіліс соңында …" opening a sentence is a session; "Мәжіліс депутаты" the chamber
        base.lower() in org_words("standalone_common") and doc.opens_clause(i) and case != "GEN"
        and not (i + 1 < len(doc.tokens) and doc.lemma(i + 1) in post_nouns())
        and not (i + 2 < len(doc.tokens) and doc.lower(i + 1) in org_words("coordinators")
                 and _standalone_at(doc, i + 2))  # "Мәжіліс пен Үкімет …": the chamber with the government
    )
    if standalone:
        type_first, type_ = i, standalone_bodies()[lookup]
    elif base in abbreviations:
        type_first, type_ = i, abbreviations[base]
        abbreviation = base
        if i - 1 >= floor and doc.lower(i - 1) in org_words("form_qualifiers"):
            type_first = i - 1  # "«Қалалық емхана» ШЖҚ МКК": the right it holds, part of the form
    else:
        matched = _match_type(doc, i, floor)
        if matched is None or (matched[0] == i and is_board(doc, i)):
            return None
        if i + 1 < len(doc.tokens) and case == "NOM" and doc.lemma(i + 1) in org_words("venue"):
            return None  # "мәжіліс залында": a hall, not the body
        if i + 1 < len(doc.tokens) and f"{base.lower()} {strip_case(doc.tokens[i + 1].norm)[0].lower()}" in place_prefixes():
            return None  # "Еуропалық Одақтың Орталық Азия бойынша …": a place's first word
        if i + 1 < len(doc.tokens) and tok.norm.lower() == doc.lemma(i) and doc.lower(i + 1).endswith("у") \
                and doc.tokens[i + 1].norm[:1].islower():
            return None  # "кеңес беру бөлімі": the noun is the object of a verbal noun
        if i + 1 < len(doc.tokens) and tok.norm.lower() == doc.lemma(i) and any(
                doc.lemma(i) == head and doc.lower(i + 1).startswith(verb)
                for head, _, verb in (line.partition(" ") for line in org_words("idioms"))):
            return None  # "кеңес берді", "кеңес беріп": advice given, not a council
        if doc.lemma(i) in org_words("possessed") and "POSS3" not in _tags(tok.norm.lower()):
            return None  # "азаматтық қоғам" is society, "«Үміт» мүгедектер қоғамы" a body
        type_first, type_ = matched
        if _in_title(doc, i, floor):
            return None  # "«Азаматтық альянс» форумы": a forum's title, no body
        if any(tag.startswith(("POSS1", "POSS2")) for tag in _tags(tok.norm.lower())):
            return None  # "бірлестігіміз" (our association) names no one
    if case not in ("NOM", "GEN"):
        floor = _after_other_body(doc, type_first, floor)
    wrapped = _wrapping_quote(doc, i, type_first, floor)
    if wrapped is not None:
        return _quoted_whole(doc, wrapped, i, floor, type_, case, blocked)
    start, quote = _name_start(doc, type_first, floor, blocked)
    if quote is None and type_first == i and doc.lemma(i) == "орталық" and start < i and all(
            _place_word(doc, k) for k in range(start, i)):
        return None  # "Алматының орталығындағы ескерткіш", "Алматы облысының орталығы": a place's centre
    if abbreviation is not None and abbreviation.lower() in org_words("generic_abbreviations") and quote is None:
        return None  # "Халық ҮЕҰ-ды …": NGOs in general
    if quote is None and type_ in ("council", "commission") and start == type_first - 1 and start - 1 > floor \
            and doc.lower(start) in org_words("field_levels") and doc.lower(start - 1) == "жөніндегі":
        # "… отбасылық-демографиялық саясат жөніндегі Ұлттық комиссия": the capital of its level
        # opens no name, its field before does
        start = _plain_start(doc, type_, type_first, i, floor, blocked) or start
    if quote is None and type_ in ("council", "commission"):
        start = _attached_start(doc, start, type_first, floor, abbreviations, blocked)
    owner = _owner(doc, type_first, floor, abbreviations, blocked)
    wing_of = _wing_owner(doc, i, quote, start, floor, abbreviations, blocked)
    if wing_of is not None:
        # "«AMANAT» партиясы «Болашақ» филиалы", "«AMANAT» партиясының «Жастар Рухы» жастар
        # қанаты": a branch or wing with a name of its own, named with its party
        start, owner = wing_of.first, wing_of
        wing_of.source = "org-parent"
    elif owner is not None:
        # "«AMANAT» партиясының аудандық филиалы": a branch named by the body it belongs to
        start, quote = owner.first, None
        if type_ == "other":
            type_ = owner.type
    elif quote is None and start == type_first:
        # the rules found no name: the model may know where it starts ("Білім және ғылым
        # министрлігі"); otherwise a bare type phrase ("қоғамдық бірлестік") names nothing
        model_start = _model_start(doc, i, type_first, floor)
        if model_start is None:
            model_start = _plain_start(doc, type_, type_first, i, floor, blocked)
        if model_start is None and standalone:
            model_start = i  # "Мәжіліс", "ҚХА": the word is the name
        if model_start is None and type_ == "council" and type_first < i and "PL" in _tags(doc.lower(type_first)):
            model_start = type_first  # "ақсақалдар алқасы": a council named by its members
        if model_start is None and type_first < i and doc.tokens[type_first].norm[:1].isupper() \
                and not doc.opens_clause(type_first):
            model_start = type_first  # "деп хабарлайды Өңірлік коммуникациялар қызметі"
        if model_start is None and type_ == "council" and type_first < i \
                and doc.norm_span(type_first, i - 1).lower() in org_words("specific_councils"):
            model_start = type_first  # "Қоғамдық кеңес мүшесі": the one public council of the text
        if model_start is None and type_first < i and doc.lower(type_first) in org_words("level"):
            model_start = type_first  # "өңірлік коммуникациялар қызметі": a type phrase with its level
        if model_start is None:
            return None
        start = model_start
        if type_ in ("council", "commission"):
            # "облыс әкімдігі жанындағы | жастар саясаты мәселелері жөніндегі кеңес"
            start = _attached_start(doc, start, type_first, floor, abbreviations, blocked)
    if quote is None and owner is None and wing_of is None and type_ == "state_body" \
            and doc.lemma(i) not in org_words("department_heads"):
        owning = _owning_body(doc, start, floor, abbreviations, blocked)
        if owning is not None:
            start = owning.first  # "… министрлігінің Азаматтық қоғам істері комитеті": one body
        elif doc.tokens[start].norm[:1].isupper():
            start = _territory_before(doc, start, floor, blocked)
    core_first = core_last = -1
    if wing_of is not None and quote is not None:
        core_first, core_last = quote + 1, _closing(doc, quote)
        core = doc.span_text(core_first, core_last)
    elif owner is not None:
        # the branch is a body of its own: its core is its whole name, not the parent's
        core_first, core_last = owner.core_first, owner.core_last
        core = doc.norm_span(start, type_first - 1) + " " + doc.lemma(type_first)
    elif quote is not None:
        core_first, core_last = quote + 1, _closing(doc, quote)
        core = doc.span_text(core_first, core_last) if core_first <= core_last else ""
    else:
        if "PL" in _tags(tok.norm.lower()):
            return None  # "әкімдіктер жанындағы кеңестер": a plural names no one body
        core = doc.norm_span(start, type_first - 1) if start < type_first else base
    if not core or (core.lower() in org_words("generic_cores") and not standalone):
        return None  # "Қазақстан мәслихатының 30 жылдығы"; "Қазақстан Үкіметі" is the government
    full = doc.written_span(start, i)
    if start < type_first and _genitive(doc, type_first - 1) and "POSS3" not in _tags(base.lower()):
        # a genitive before the head asks for its possessive: "ардагерлердің кеңес мүшесі" is a
        # member of "ардагерлердің кеңесі"
        base = possessive3(base)
    name = full[: len(full) - len(tok.norm)] + base
    if quote is not None:
        source = "org-quoted-core"
    elif doc.tokens[start].norm[:1].islower() or (
        _sentence_opener(doc, start) and all(doc.tokens[k].norm[:1].islower() for k in range(start + 1, i + 1))
    ):
        source = "org-unnamed"  # "облыстық ішкі саясат басқармасы", "Әйелдер кеңесінің …" opening a sentence
    else:
        source = "org-capitalised"
    confidence = RULES[source]
    return OrgMention(
        start, i, doc.tokens[start].start, doc.tokens[i].end, name, core, type_, case, abbreviation,
        confidence, source, core_first, core_last, owner,
    )


def _after_other_body(doc: Document, type_first: int, floor: int) -> int:
    """Where a body named in a case of its own (with, to, in …) may start at the earliest: after
    another body's possessed head in the nominative just before it ("«Жастар» бірлестігі | облыс
    әкімдігімен бірлесіп", "Аудан әкімдігі | мәслихатпен"), the subject that acts with it; not for a
    branch or wing named after its body ("«AMANAT» партиясы аудандық филиалымен") nor a body
    attached to another ("… бірлестігі жанындағы кеңеспен")."""
    lemma = doc.lemma(type_first)
    if lemma in org_words("branch_heads") or lemma in org_words("wing_heads"):
        return floor
    for j in range(type_first - 1, max(floor, type_first - 6) - 1, -1):
        tok = doc.tokens[j]
        if tok.kind != "word" or doc.lower(j) in org_words("attached"):
            return floor
        if doc.lemma(j) in org_heads() and strip_case(tok.norm)[1] == "NOM" and "POSS3" in _tags(doc.lower(j)):
            return j + 1  # a possessed head ends a name ("бірлестігі"); "Орталық сайлау …" is an adjective
    return floor


def _owning_body(
    doc: Document, start: int, floor: int, abbreviations: dict[str, str], blocked: set[int]
) -> OrgMention | None:
    """The body in the genitive right before a state body's name, whose part it is named as
    ("Ақпарат және қоғамдық даму министрлігінің | Азаматтық қоғам істері комитеті",
    "… агенттігінің | Түркістан облысы бойынша департаменті"), or None."""
    k = start - 1
    if k <= floor or doc.tokens[k].kind != "word" or not doc.tokens[k].norm[:1].islower() \
            or doc.lemma(k) not in org_heads() or strip_case(doc.tokens[k].norm)[1] != "GEN":
        return None
    owning = _mention_ending_at(doc, k, floor, abbreviations, blocked)
    return owning if owning is not None and owning.last == k and owning.first < k else None


def _standalone_at(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a capitalised word of [standalone] in any case ("Үкімет", "Сенатқа")."""
    tok = doc.tokens[k]
    return tok.kind == "word" and tok.norm[:1].isupper() and any(
        doc.lemma(k) == name.lower() for name in standalone_bodies())


@lru_cache(maxsize=1)
def _possessed_standalone() -> dict[str, str]:
    """The possessive of each one-word standalone body → the body ("Үкіметі" → "Үкімет")."""
    return {possessive3(name): name for name in standalone_bodies() if " " not in name and name[:1].isupper()}


def _genitive(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a lower-case word in the genitive ("ардагерлердің")."""
    tok = doc.tokens[k]
    return tok.kind == "word" and tok.norm[:1].islower() and strip_case(tok.norm.lower())[1] == "GEN"


def _inside_quotes(doc: Document, i: int, floor: int) -> bool:
    """Whether token ``i`` stands inside a «…» of its sentence (a title, a slogan, a name): the
    innermost one around it opens at ``floor`` or after (an outer one opens before it)."""
    return doc.enclosing_quote(i) >= floor


def _in_title(doc: Document, i: int, floor: int) -> bool:
    """Whether token ``i`` stands inside a «…» that a noun of [titled] follows (a title)."""
    if not _inside_quotes(doc, i, floor):
        return False
    closer = doc.quote_partner(doc.enclosing_quote(i))
    return closer is not None and closer + 1 < len(doc.tokens) and doc.lemma(closer + 1) in org_words("titled")


def _wrapping_quote(doc: Document, i: int, type_first: int, floor: int) -> int | None:
    """The « of a name quoted whole, type phrase included, that closes right after token ``i``:
    "«Азаматтық Альянсы заңды тұлғалардың қауымдастық нысанындағы бірлестігінің»"."""
    if i + 1 >= len(doc.tokens) or doc.tokens[i + 1].norm != "»" or "POSS3" not in _tags(doc.lower(i)):
        return None  # a quoted name with its type is in the izafet: «… бірлестігі(нің)»
    opener = doc.quote_partner(i + 1)
    if opener is None or opener < floor or opener >= type_first - 1:
        return None
    abbreviations = org_types()[1]
    if type_of_head(doc, i) == "education":
        return None  # "«Ана мектебі»", "«Әлеуметтік жобалар мектебі»": a programme's name
    if opener > 0 and strip_case(doc.tokens[opener - 1].norm)[0] in abbreviations:
        return None  # "ЗТБ «Өңірлік альянс»": the abbreviation gives the type
    if i + 2 < len(doc.tokens) and (doc.lemma(i + 2) in org_heads() or strip_case(doc.tokens[i + 2].norm)[0] in abbreviations):
        return None  # "«Өңірлік альянс» басқармасы", "«…» ҚБ": the name is the core of another
    return opener


def type_of_head(doc: Document, i: int) -> str | None:
    """The organisation type of the type phrase ending at token ``i`` (None when there is none)."""
    matched = _match_type(doc, i, 0)
    return matched[1] if matched else None


def _quoted_whole(
    doc: Document, opener: int, i: int, floor: int, type_: str, case: str, blocked: set[int]
) -> OrgMention:
    """The mention of a name quoted whole, with the words before it ("Түркістан облысының")."""
    start, _ = _name_start(doc, opener, floor, blocked)
    closer = i + 1
    base = strip_case(doc.tokens[i].norm)[0]
    inside = doc.norm_span(opener + 1, i)
    core = inside[: len(inside) - len(doc.tokens[i].norm)] + base
    before = doc.norm_span(start, opener - 1) + " " if start < opener else ""
    return OrgMention(
        start, closer, doc.tokens[start].start, doc.tokens[closer].end, f"{before}«{core}»", core, type_, case,
        None, RULES["org-quoted-whole"], "org-quoted-whole", opener + 1, i,
    )


def _wing_owner(
    doc: Document, i: int, quote: int | None, start: int, floor: int, abbreviations: dict[str, str], blocked: set[int],
) -> OrgMention | None:
    """The party whose branch or wing, quoted, ends at token ``i``: the body named right before
    the quote, in the genitive or the izafet ("«AMANAT» партиясы(ның) «Болашақ» филиалы")."""
    if quote is None or start != quote or quote <= floor or doc.lemma(i) not in org_words("wing_heads"):
        return None
    k = quote - 1
    base, case = strip_case(doc.tokens[k].norm)
    if case != "GEN" and not (case == "NOM" and ("POSS3" in _tags(base.lower()) or base in abbreviations)):
        return None
    return _mention_ending_at(doc, k, floor, abbreviations, blocked)


def _owner(doc: Document, type_first: int, floor: int, abbreviations: dict[str, str], blocked: set[int]) -> OrgMention | None:
    """The organisation a branch belongs to, named just before it: "«AMANAT» партиясының
    Атырау облыстық филиалы", "«Ақ жол» демократиялық партиясы Атырау облыстық филиалы"."""
    if doc.lemma(type_first) not in org_words("branch_heads"):
        return None
    # "«…» КеАҚ Түркістан облысы бойынша филиалы": the territory it serves stands between
    k = _territory_before(doc, type_first, floor, blocked) - 1
    while k > floor and type_first - k <= 3 and _is_modifier(doc, k, blocked) and strip_case(doc.tokens[k].norm)[1] == "NOM":
        if doc.lemma(k) in org_heads():
            break
        k -= 1
    if k < floor:
        return None
    base, case = strip_case(doc.tokens[k].norm)
    if case != "GEN" and not (case == "NOM" and ("POSS3" in _tags(base.lower()) or base in abbreviations)):
        return None  # "«AMANAT» партиясының …", "… партиясы …", "«Нұр Отан» ХДП облыстық филиалы"
    return _mention_ending_at(doc, k, floor, abbreviations, blocked)


def is_board(doc: Document, i: int) -> bool:
    """"«Атырау жылу» АҚ басқармасы", "ЗТБ «…» басқармасы": the board of the body before it."""
    if doc.lemma(i) != "басқарма" or i == 0:
        return False
    before = doc.tokens[i - 1].norm
    if before == "»" or strip_case(before)[0] in org_types()[1]:
        return True
    # "… бірлестігінің басқарма төрағасы": the board of the body named in the genitive
    return strip_case(before)[1] == "GEN" and doc.lemma(i - 1) in org_heads()


# Types that a body may have with a name made only of common words.
_UNNAMED_TYPES = frozenset({"state_body", "education", "media", "council", "commission"})


def _plain_start(doc: Document, type_: str, type_first: int, head: int, floor: int, blocked: set[int]) -> int | None:
    """:func:`_plain_walk`, or else the start of a field a department is named by alone
    ("… бойынша ішкі саясат бөлімінің басшысы", ``[fields]`` of org_words.txt)."""
    start = _plain_walk(doc, type_, type_first, head, floor, blocked)
    if start is not None or doc.lemma(type_first) not in org_words("field_heads"):
        return start
    return next((j for j in range(max(floor, type_first - 4), type_first)
                 if not any(k in blocked for k in range(j, type_first))
                 and doc.norm_span(j, type_first - 1).lower() in org_words("fields")), None)


def _named_by_whom(doc: Document, lemma_of_head: str, type_first: int, floor: int) -> bool:
    """Whether a body is named by the plain phrase of whom it gathers, in the plural genitive
    ("білім және ғылым қызметкерлерінің кәсіподағы", ``[named_by_branch]``), or of its purpose,
    a verbal noun and its object ("мүгедектерді қолдау қоры", ``[named_by_purpose]``): the name
    then starts wherever its plain words do."""
    if lemma_of_head in org_words("named_by_branch"):
        return any("PL" in _tags(doc.lower(j)) and strip_case(doc.tokens[j].norm)[1] == "GEN"
                   for j in range(max(floor, type_first - 2), type_first))
    return (
        lemma_of_head in org_words("named_by_purpose") and type_first - 1 > floor
        and doc.lower(type_first - 1).endswith(("у", "ю")) and doc.lower(type_first - 1) == doc.lemma(type_first - 1)
        and strip_case(doc.tokens[type_first - 2].norm)[1] in ("ACC", "GEN")
    )


def _plain_walk(doc: Document, type_: str, type_first: int, head: int, floor: int, blocked: set[int]) -> int | None:
    """Where a name of plain words before its type noun starts: an office named by its level
    and field ("облыстық ішкі саясат басқармасы", "облыстық табиғи ресурстар және табиғат
    пайдалануды реттеу басқармасы"), or a capitalised first word and a few lower-case ones
    ("Мәдениет және ақпарат министрлігі")."""
    lemma_of_head = doc.lemma(type_first)
    if _inside_quotes(doc, type_first, floor):
        return None  # "«Азаматтық мектеп» жобасы": a generic name in quotation marks is a title
    # "инфрақұрылымды дамыту және коммуналдық мәселелер жөніндегі комиссия": a body named by
    # its field may start wherever the plain words before its "жөніндегі" start
    # (with its level between: "отбасы және гендерлік саясат жөніндегі ұлттық комиссия")
    by_field = type_ in ("commission", "council") and type_first > floor and (
        doc.lower(type_first - 1) == "жөніндегі" or (
            type_first - 1 > floor and doc.lower(type_first - 2) == "жөніндегі"
            and (doc.lower(type_first - 1) in org_words("level") or doc.lower(type_first - 1) in org_words("field_levels"))))
    served = _served_start(doc, type_first, floor, blocked)
    if served is not None:
        return served
    k = type_first - 1
    gathered = _named_by_whom(doc, lemma_of_head, type_first, floor)

    def branch_start(j: int) -> int | None:
        return j + 1 if gathered and j + 1 < type_first else None

    # fields listed with commas or "және" before the type noun, each a few words more
    # ("аудандық әлеуметтік қорғау және азаматтық хал актілерін тіркеу бөлімі")
    listed = 0
    while k >= floor and type_first - k <= 7 + 4 * listed:
        tok = doc.tokens[k]
        if tok.kind == "number" and k > floor and doc.tokens[k - 1].norm == "№":
            return k - 1  # "№34 орта мектеп": a numbered body
        if tok.kind == "abbrev" and doc.lower(k) in org_words("place_abbreviations") and k - 1 >= floor \
                and k - 1 not in blocked and doc.tokens[k - 1].norm[:1].isupper() and doc.tokens[k - 1].kind == "word":
            # "Шымкент қ. мәслихаты", "Түркістан обл. ішкі саясат басқармасы": a place abbreviated
            k -= 1
            while k - 1 >= floor and k - 1 not in blocked and doc.tokens[k - 1].norm[:1].isupper() and _is_modifier(doc, k - 1, blocked):
                k -= 1
            return k
        if tok.norm == "," and k - 1 >= floor and doc.tokens[k - 1].kind == "word" and doc.tokens[k - 1].norm[:1].islower() \
                and any(doc.lower(j) == "және" for j in range(k + 1, type_first)) and k - 1 not in blocked:
            k -= 1  # "облыстық мәдениет, архивтер және құжаттама басқармасы": fields listed
            listed += 1
            continue
        if tok.kind != "word" or k in blocked:
            return k + 1 if by_field and type_first - k > 3 else branch_start(k)
        lower = doc.lower(k)
        if gathered and k == type_first - 2 and lemma_of_head in org_words("named_by_purpose"):
            # the object of the purpose belongs to the name, whatever it names: "ҮЕҰ-ны
            # қолдау орталығы", "үкіметтік емес ұйымдарды қолдау орталығы"
            k -= 1
            continue
        if k < type_first - 1 and doc.lemma(k) in org_heads() and "POSS3" in _tags(lower) \
                and strip_case(tok.norm)[1] == "NOM" and doc.lower(k + 1) not in org_words("attached"):
            return None  # "қала сәулеті бөлімі жауапты мекеме": another body's name ends here
        after_genitive = k > floor and strip_case(doc.tokens[k - 1].norm)[1] == "GEN"
        singular_post = "POSS3" in _tags(lower) and "PL" not in _tags(lower)
        if (doc.lemma(k) in post_nouns() and (after_genitive or singular_post)) or (
                doc.lemma(k) in org_heads() and strip_case(tok.norm)[1] not in ("NOM", "GEN")):
            # "… бірлестіктерінің мүшелері меценаттар клубы": a post or another body ends the name
            return k + 1 if _members_named(doc, k + 1, type_first) else None
        if type_ == "council" and k == type_first - 1 and "PL" in _tags(lower) and strip_case(tok.norm)[1] == "NOM":
            # a council named by its members: "ақсақалдар алқасы", "аналар кеңесі", with the
            # level or place before it if any ("аудандық ардагерлер кеңесі")
            j = k - 1
            while j >= floor and k - j <= 2 and doc.tokens[j].norm[:1].islower() and _plain_word(doc, j) \
                    and doc.lower(j) not in org_words("level"):
                j -= 1
            if j < k - 1 and j >= floor and doc.tokens[j].norm[:1].isupper() and _is_modifier(doc, j, blocked):
                k = j  # "Ауған соғысы ардагерлер кеңесі"
            while k - 1 >= floor and (doc.lower(k - 1) in org_words("level") or (
                    doc.tokens[k - 1].norm[:1].isupper() and _is_modifier(doc, k - 1, blocked))):
                k -= 1
            return k
        compound = lower in org_words("level") and not lower.endswith(org_suffixes("adjective_suffixes")) \
            and k + 1 < type_first and "POSS3" in _tags(doc.lower(k + 1)) and doc.lemma(k + 1) not in org_heads()
        # "сәулет, қала құрылысы және құрылыс басқармасы": "қала құрылысы" is a field, not a level
        if not compound and (lower in org_words("level") or is_people(lower)) and gathered and k - 1 > floor \
                and "PL" in _tags(doc.lower(k - 1)) and strip_case(doc.tokens[k - 1].norm)[1] == "GEN":
            k -= 1  # "денсаулық сақтау қызметкерлерінің облыстық кәсіподағы": the branch before the level
            continue
        if not compound and (lower in org_words("level") or is_people(lower)):
            # a body named by its level or its people: "аудандық мәслихат", "облыс
            # әкімдігі", "Облыстық азаматтық альянс", "армян этномәдени бірлестігі", with
            # the place before it ("Ордабасы аудандық мәслихаты"), but not levels counted or
            # listed ("Облыстық және 16 аудандық, қалалық … орталық")
            if lemma_of_head == "орталық" and (
                not lower.endswith(org_suffixes("adjective_suffixes")) or "POSS3" not in _tags(doc.lower(head))
            ):
                return None  # "облыс орталығы", "аудандық орталық": a town, the region's or district's
            if not lower.endswith(org_suffixes("adjective_suffixes")) and any(
                strip_case(doc.tokens[j].norm)[1] not in ("NOM", "GEN") for j in range(k + 1, type_first)
            ):
                return None  # "Қала ортасындағы зиянды мекеме": a place, then what is in it
            if k > floor and (doc.tokens[k - 1].kind == "number" or (
                doc.lower(k - 1) in org_words("coordinators") and k - 1 > floor
                and (doc.lower(k - 2) in org_words("level") or doc.tokens[k - 2].kind == "number")
            )):
                return None
            while k - 1 >= floor and doc.tokens[k - 1].norm[:1].isupper() and _is_modifier(doc, k - 1, blocked):
                k -= 1
            if is_people(lower) and k - 1 >= floor and k - 1 not in blocked and doc.lower(k - 1) in org_words("level"):
                k -= 1  # "облыстық корей этномәдени орталығы": the level of a people's association
            return k
        if tok.norm[:1].isupper() and by_field and k == type_first - 1:
            k -= 1  # "… саясат жөніндегі Ұлттық комиссия": the level's capital, then its field
            continue
        if tok.norm[:1].isupper():
            # (a state body's fields joined by "және" may run longer: "Қаржы нарқын реттеу және
            # дамыту агенттігі")
            near = type_first - k <= (7 if listed and type_ == "state_body" else 4) and type_ in _UNNAMED_TYPES
            # "Қазақстандық салалық білім және ғылым қызметкерлері кәсіподағы": a name of
            # plain words may open with a place or its adjective
            placed = _names_place(strip_case(tok.norm)[0]) or lower.endswith(org_suffixes("adjective_suffixes"))
            # an adjective opening the sentence is still the name's ("Аумақтық сайлау комиссиясы")
            # (a commission needs more than that: "Учаскелік комиссия" names none)
            adjective = lower.endswith(org_suffixes("adjective_suffixes")) and strip_case(tok.norm)[1] == "NOM" and not (
                type_ == "commission" and "POSS3" not in _tags(doc.lower(head)))
            # a capital in the dative its postposition governs ("Жемқорлыққа қарсы іс-қимыл агенттігі")
            capital_ok = (near or placed) and (_is_modifier(doc, k, blocked) or adjective or _governed_dative(doc, k))
            case = strip_case(tok.norm)[1]
            if k == type_first - 1 and case == "NOM" and doc.lemma(k) in post_nouns() and "POSS3" not in _tags(lower) \
                    and "POSS3" not in _tags(doc.lower(type_first)):
                return None  # "Президент министрлікке … жүктеді": a subject, then the body it addresses
            if gathered and doc.opens_clause(k) and lower not in function_words() and not is_event_noun(doc, k) and (
                    case in ("GEN", "ACC") or (case == "NOM" and lower.endswith(org_suffixes("having_suffixes")))):
                return k  # "Мүгедектерді қолдау қоры …", "Көпбалалы аналарды …" opening their sentence
            if not capital_ok or lower in function_words():
                if by_field and type_first - k > 3:
                    # "Отбасы және гендерлік саясат жөніндегі ұлттық комиссия" from its capital,
                    # "Кеше жастар саясаты мәселелері жөніндегі кеңес" after the opener
                    own = strip_case(tok.norm)[1] == "NOM" and lower not in function_words()
                    return k if own else k + 1
                return branch_start(k)
            while k - 1 >= floor and doc.tokens[k - 1].norm[:1].isupper() and _is_modifier(doc, k - 1, blocked):
                k -= 1  # "Түркістан облысы салалық …"
            if k - 1 >= floor and doc.lower(k - 1) in org_words("level"):
                k -= 1  # "облыстық Қоғамдық келісім мекемесі"
            if k - 1 > floor and doc.lower(k - 1) == "атындағы":
                named = _named_after(doc, k - 1, floor)  # "М.Әуезов атындағы Әдебиет және өнер институты"
                k = named if named is not None else k
            return k
        if lower in org_words("connectors") and (lower != "және" or (k > floor and doc.lemma(k - 1) in org_heads())):
            return None  # "Қазақстан мәслихаты және аудан мәслихаты" are two bodies
        if by_field and lower in org_words("attached") and type_first - k > 3:
            return k + 1  # "облыс әкімдігі жанындағы | жастар саясаты … жөніндегі кеңес": the field
            # ends at the body it is attached to, which the attachment rule adds
        if lower == "және" and not listed:
            listed = 1
        if lower.endswith(org_suffixes("participle_suffixes")) and lower not in org_words("named_participles"):
            return branch_start(k)  # "Баяндама жасаған | білім басқармасы"
        attributive = "ATTR" in _tags(lower)  # "экология жөніндегі"
        # "жұмыспен қамту … бөлімі": an object in the instrumental of the verbal noun after it
        # (in any case itself: "жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы")
        governed = strip_case(tok.norm)[1] == "INS" and strip_case(doc.tokens[k + 1].norm)[0].lower().endswith(("у", "ю"))
        # "сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі": a dative governed by the postposition after it
        governed = governed or _governed_dative(doc, k)
        if is_event_noun(doc, k) or (strip_case(tok.norm)[1] not in ("NOM", "GEN", "ACC") and not (attributive or governed)) \
                or _possessed_object(doc, k):
            # (a field ends there: "облыста | жастар саясаты мәселелері жөніндегі кеңес құрылды")
            return k + 1 if by_field and type_first - k > 3 else branch_start(k)
        k -= 1
    return branch_start(k)


def _governed_dative(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a dative the postposition after it governs ("жемқорлыққа | қарсы")."""
    return strip_case(doc.tokens[k].norm)[1] == "DAT" and k + 1 < len(doc.tokens) \
        and doc.lower(k + 1) in org_words("dative_postpositions")


def _territory_before(doc: Document, k: int, floor: int, blocked: set[int]) -> int:
    """Where a name starting at ``k`` starts with the territory it serves before it, "Түркістан
    облысы бойынша | Полиция департаменті" (``[territorial_scope]``); ``k`` when there is none."""
    j = k - 1
    if j - 2 < floor or doc.lower(j) not in org_words("territorial_scope") or doc.lower(j - 1) not in izafet_heads():
        return k
    j -= 2
    if j in blocked or not doc.tokens[j].norm[:1].isupper() or not _is_modifier(doc, j, blocked):
        return k
    while j - 1 >= floor and doc.tokens[j - 1].norm[:1].isupper() and _is_modifier(doc, j - 1, blocked):
        j -= 1  # "Солтүстік Қазақстан облысы бойынша …"
    return j


def _served_start(doc: Document, type_first: int, floor: int, blocked: set[int]) -> int | None:
    """Where a centre named by whom it serves starts: "ҮЕҰ ресурстық орталығы", "үкіметтік
    емес ұйымдардың ресурстық орталығы", with the level or place before it ("облыстық ҮЕҰ
    ресурстық орталығы") — the phrases of ``[served]`` in org_words.txt right before the type
    phrase, or of ``[served_named]`` capitalised or after a level ("Жастар ресурстық орталығы")."""
    for section in ("served", "served_named"):
        for phrase in org_words(section):
            parts = phrase.split()
            k = type_first - len(parts)
            if k < floor or any(j in blocked for j in range(k, type_first)):
                continue
            if [doc.lower(j) for j in range(k, type_first)] != parts:
                continue
            named = doc.tokens[k].norm[:1].isupper()
            while k - 1 >= floor and k - 1 not in blocked and (doc.lower(k - 1) in org_words("level") or (
                    doc.tokens[k - 1].norm[:1].isupper() and _is_modifier(doc, k - 1, blocked))):
                k -= 1
                named = True
            if section == "served" or named:
                return k
    return None


def _members_named(doc: Document, first: int, type_first: int) -> bool:
    """"меценаттар клубы": one plural noun of members, then a possessed type noun of a body
    that members make up (``[named_by_members]`` of org_words.txt)."""
    return (
        first == type_first - 1 and "PL" in _tags(doc.lower(first)) and "POSS3" in _tags(doc.lower(type_first))
        and doc.lemma(type_first) in org_words("named_by_members")
    )


def _model_start(doc: Document, i: int, type_first: int, floor: int) -> int | None:
    """The first token of the model's ORGANISATION span that ends at the type head ``i``."""
    for span in doc.entities_at(type_first):
        if span.label == "ORGANISATION" and span.first >= floor and span.first < type_first <= span.last and span.last in (i, i - 1):
            first = doc.tokens[span.first].norm
            inside = range(span.first, type_first)
            if (
                first[:1].isupper()
                and not first.isupper()
                and span.confidence >= 0.6
                and all(doc.tokens[k].kind == "word" and doc.lower(k) not in org_words("connectors") - {"және"} for k in inside)
                and not any(doc.lower(k) in org_words("attached") | org_words("on_behalf") for k in inside)
                # "ардагерлер кеңесінің және аналар кеңесінің": a body's head, then another body
                and not any(doc.lower(k) == "және" and doc.lemma(k - 1) in org_heads() for k in inside if k > span.first)
                # "… атындағы мәдениет үйінде аудандық мәслихат": a place where, not a name
                and not any(strip_case(doc.tokens[k].norm)[1] in ("LOC", "DAT", "ABL") for k in inside)
            ):
                return span.first
    return None


def _tags(word: str) -> tuple[str, ...]:
    readings = analyse(word)
    return readings[0].tags if readings else ()


def _closing(doc: Document, opener: int) -> int:
    """The last token inside the «…» opened at ``opener`` (``opener`` itself when never closed)."""
    closer = doc.quote_partner(opener)
    return closer - 1 if closer is not None else opener


def _covered(found: list[OrgMention]) -> set[int]:
    """The tokens inside the mentions ``found`` so far."""
    return {k for m in found for k in range(m.first, m.last + 1)}


def _prefixed(doc: Document, abbreviations: dict[str, str], found: list[OrgMention]) -> list[OrgMention]:
    """Russian-style names: an abbreviation, then the quoted core ("ОО «Жайылма»")."""
    covered = _covered(found)
    out: list[OrgMention] = []
    for i, tok in enumerate(doc.tokens[:-1]):
        if i in covered or tok.norm not in abbreviations or doc.tokens[i + 1].norm != "«":
            continue
        last = _closing(doc, i + 1) + 1
        if last <= i + 2 or last >= len(doc.tokens):
            continue
        core = doc.span_text(i + 2, last - 1)
        out.append(
            OrgMention(
                i, last, tok.start, doc.tokens[last].end, doc.span_text(i, last), core,
                abbreviations[tok.norm], "NOM", tok.norm, RULES["org-abbreviation-first"], "org-abbreviation-first",
            )
        )
    return out


def _quoted_alone(doc: Document, found: list[OrgMention]) -> list[OrgMention]:
    """A «…» with no type phrase that names a body all the same: a known organisation's name
    ("«Нұр Отан» алаңында"), or the body whose post follows it ("«Жаңарған Жаңақорған
    жастары» жетекшісі Еркінбек Айнақожаев")."""
    covered = _covered(found)
    cores = {" ".join(m.core.lower().split()) for m in found}
    known = known_organizations()
    out: list[OrgMention] = []
    for opener, tok in enumerate(doc.tokens):
        closer = doc.quote_partner(opener) if tok.norm == "«" else None
        if closer is None or closer <= opener + 1 or any(k in covered for k in range(opener, closer + 1)):
            continue
        inside = doc.span_text(opener + 1, closer - 1)
        if " ".join(inside.lower().split()) in cores:
            continue  # named with its type elsewhere: "«Еуразиялық банк» АҚ"
        after = closer + 1
        # "«Мейірім» ҚҚБ төрағасы": an abbreviation the lists do not know, then the post
        abbreviation = after if after < len(doc.tokens) and _unknown_abbreviation(doc.tokens[after].norm) else None
        if abbreviation is not None:
            after += 1
        post_after = after < len(doc.tokens) and doc.lemma(after) in post_nouns() and "POSS3" in _tags(doc.lower(after))
        if inside.lower() not in known and not post_after:
            continue
        last = abbreviation if abbreviation is not None and post_after else closer
        name = f"«{inside}»" + (f" {doc.tokens[last].norm}" if last != closer else "")
        type_ = known.get(inside.lower(), "other")
        out.append(OrgMention(opener, last, tok.start, doc.tokens[last].end, name, inside, type_, "NOM", None,
                              RULES["org-quoted-alone"], "org-quoted-alone", opener + 1, closer - 1))
    return out


def _unknown_abbreviation(word: str) -> bool:
    """Capitals that may abbreviate a legal form the lists do not know ("ҚҚБ"): 2–6 letters, no
    known abbreviation, standalone body or place."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and word not in org_types()[1] \
        and word not in standalone_bodies() and word.lower() not in places()


def _bare(doc: Document, found: list[OrgMention]) -> list[OrgMention]:
    """"Кейін мәслихат хатшысы Ерлан Сапаров сөйледі", "Суреттер әкімдіктің баспасөз қызметінен
    алынды": a bare type noun of ``[bare_bodies]`` before a singular post or a department names
    the one such body of a text that names no other."""
    covered = _covered(found)
    heads = {doc.lemma(m.last) for m in found}
    out: list[OrgMention] = []
    for i, tok in enumerate(doc.tokens[:-1]):
        lemma = doc.lemma(i)
        if tok.kind != "word" or i in covered or lemma not in org_words("bare_bodies") or lemma in heads \
                or not tok.norm[:1].islower() or "POSS3" in _tags(tok.norm.lower()) or "PL" in _tags(tok.norm.lower()):
            continue
        if i > 0 and doc.tokens[i - 1].kind == "word" and (
                doc.lower(i - 1) in org_words("level") or (doc.tokens[i - 1].norm[:1].isupper() and not doc.opens_clause(i - 1))):
            continue  # a named one the rules left, not a bare noun
        nxt = i + 1
        department = f"{doc.lemma(nxt)} {doc.lemma(nxt + 1)}" if nxt + 1 < len(doc.tokens) else doc.lemma(nxt)
        singular_post = doc.lemma(nxt) in post_nouns() and "PL" not in _tags(doc.lower(nxt))
        if not singular_post and doc.lemma(nxt) not in org_words("department_heads") \
                and department not in org_words("department_heads"):
            continue  # "… қатысқан мәслихат депутаттары": deputies of maslikhats, no one body
        case = strip_case(tok.norm)[1]
        if case not in ("NOM", "GEN"):
            continue
        out.append(OrgMention(i, i, tok.start, tok.end, lemma, lemma, type_of_noun().get(lemma, "state_body"), case, None,
                              RULES["org-bare"], "org-bare"))
        heads.add(lemma)
    return out


def _outlets(doc: Document, found: list[OrgMention]) -> list[OrgMention]:
    """News outlets named by their web address outside any other name ("деп жазды inbusiness.kz тілшісі"), with the type
    phrase that may follow it ("didarbek.kz ақпараттық агенттігі"), and agencies named in a
    dateline ("АСТАНА. ҚазАқпарат – …", :mod:`qogam.nlp.datelines`)."""
    covered = _covered(found)
    out: list[OrgMention] = []
    for i, tok in enumerate(doc.tokens):
        if i in covered or tok.kind != "url" or "/" in tok.norm or "@" in tok.norm:
            continue
        last = i
        for phrase in sorted(org_words("outlet_types"), key=len, reverse=True):
            words = phrase.split()
            if all(i + 1 + j < len(doc.tokens) and doc.lemma(i + 1 + j) == w for j, w in enumerate(words)):
                last = i + len(words)
                break
        name = doc.norm_span(i, last - 1) + " " + strip_case(doc.tokens[last].norm)[0] if last > i else tok.norm
        out.append(OrgMention(i, last, tok.start, doc.tokens[last].end, name, name, "media", "NOM", None,
                              RULES["org-outlet"], "org-outlet"))
    agencies = org_words("agencies")
    openings = {name[:4] for name in agencies}
    initials = {name[:1] for name in agencies} | {name[:1].upper() for name in agencies}
    for i, tok in enumerate(doc.tokens):
        if tok.norm[:1] not in initials or tok.kind != "word" or tok.norm[:4].lower() not in openings or i in covered:
            continue
        stem = strip_case(tok.norm)[0]
        if stem.lower() in agencies:
            # "…, деп хабарлайды ҚазАқпарат тілшісі": an agency's name that is no other word
            out.append(OrgMention(i, i, tok.start, tok.end, stem, stem, "media", strip_case(tok.norm)[1], None,
                                  RULES["org-outlet"], "org-outlet"))
            covered.add(i)
    for first, last in dateline_tokens(doc.text, doc.tokens, org_words("dateline_outlets") | agencies):
        # "АСТАНА. ҚазАқпарат – …": the agency of a dateline
        if any(k in covered for k in range(first, last + 1)):
            continue
        start, end = doc.tokens[first].start, doc.tokens[last].end
        name = doc.text[start:end]
        out.append(OrgMention(first, last, start, end, name, name, "media", "NOM", None, RULES["org-outlet"], "org-outlet"))
    return out


@lru_cache(maxsize=1)
def _level_adjectives() -> frozenset[str]:
    """The level words that are adjectives ("облыстық", "аудандық", "республикалық")."""
    return frozenset(w for w in org_words("level") if w.endswith(org_suffixes("adjective_suffixes")))
