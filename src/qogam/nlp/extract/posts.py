"""Posts: who holds which role in which organisation.

Patterns, on the person and organisation mentions already found:

* ORG-ның ROLE-ы PERSON — "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев";
* PERSON, ORG ROLE-ы — "Жанболат Сүйінбаев, «Жайылма» ҚБ төрағасы, …";
* ROLE PERSON — "Президент Қасым-Жомарт Тоқаев", "аудан әкімі Бақыт Сапаров";
* chains — "«Болашақ жолы» партиясының мүшесі, аудандық мәслихат депутаты Жақсыбеков Данияр";
* an organisation named again by its type noun — "Кеңес төрағасы …", "қордың жоба
  жетекшісі …" — means the last organisation of that type;
* "ORG атынан кеңес құрамына енген PERSON" — a council member on behalf of an NGO.

The role is the lemma of the last post noun of the role phrase, so modifiers fall away
("атқарушы хатшысы" → хатшы, "төрағасының бірінші орынбасары" → орынбасар). A post of a
territory ("облыс әкімі", "Сайрам ауданының әкімі") has no organisation. A role of an event
("жиын төрағасы") is no post. A plural role ("кеңес мүшелері") or a bare one ("Үйлестіруші")
followed by a name in the dative, accusative, ablative or instrumental is the subject of a
sentence about that person, not that person's post.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from qogam.nlp.extract.document import Document, word_lemma
from qogam.nlp.extract.events import is_event_noun
from qogam.nlp.extract.lexicon import (
    compound_roles,
    function_words,
    izafet_heads,
    org_heads,
    org_words,
    person_words,
    places,
    post_nouns,
    post_words,
    type_of_noun,
)
from qogam.nlp.extract.organizations import OrgMention, is_board, strip_case
from qogam.nlp.extract.persons import PersonMention
from qogam.nlp.extract.results import Evidence, Mention, Post
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.kk.morphology import analyse

# The rules that find posts, each with the score it gives (what a post's confidence is then
# measured from: qogam.nlp.extract.calibration). Evidence names them "post:<rule>".
RULES: dict[str, float] = {
    "org-role-person": 0.9,  # "«Жайылма» ҚБ төрағасы Жанболат Сүйінбаев"
    "person-org-role": 0.85,  # "Жанболат Сүйінбаев, «Жайылма» ҚБ төрағасы"
    "territory-role-person": 0.8,  # "аудан әкімі Бақыт Сапаров"
    "role-person": 0.8,  # "Президент Қасым-Жомарт Тоқаев", "ақын Олжас Сүлейменов"
    "person-org-role-listed": 0.8,  # "X – … директоры, «AMANAT» партиясының мүшесі"
    "anaphor-role-person": 0.75,  # "Кеңес төрағасы X": the council named before
    "on-behalf-member": 0.75,  # "«Мейірім» ҚБ атынан кеңес құрамына енген X"
    "person-anaphor-role": 0.7,  # "X, кеңес мүшесі"
    "person-role": 0.7,  # "X, аудан әкімі"
    "person-role-listed": 0.65,  # "X – …, аудан әкімінің кеңесшісі"
    "person-leads": 0.75,  # "Қарағанды филиалына Мадияр Қалиев төрағалық етеді"
    "person-elected-role": 0.6,  # "… кеңесінің отырысы өтті. Оған X төраға болып сайланды"
    "role-as-person-appointed": 0.6,  # "ауданының әкімі болып … Ерлан Текешев тағайындалды"
    "person-this-post": 0.55,  # "… орынбасарлары тағайындалды. X және Y осы лауазымды қызметтерді атқаратын болды"
    "guessed-role-person": 0.55,  # "«…» мектебінің математика пәнінің мұғалімі X": the body named last
    "lineup-role-person": 0.6,  # "… кеңестің жаңа құрамы бекітілді. Төраға – X, хатшы – Y": that body
    "person-guessed-role": 0.5,  # "X, … бөлімінің маманы": the body named last
    "person-joined": 0.6,  # "X облыстық қоғамдық кеңестің құрамына енді"
}


@dataclass(slots=True)
class RolePhrase:
    first: int
    last: int
    head: int  # the last post noun
    role: str


def _is_post(doc: Document, i: int) -> bool:
    return doc.tokens[i].kind == "word" and doc.lemma(i) in post_nouns()


def _tags(doc: Document, i: int) -> tuple[str, ...]:
    readings = analyse(doc.lower(i))
    return readings[0].tags if readings else ()


def _role_phrases(doc: Document, names: set[int]) -> list[RolePhrase]:
    """Maximal runs of post nouns and role modifiers that hold at least one post noun.

    Tokens of person names (``names``) are never part of a role: "Ғалым" is a name as well
    as the noun "scientist"."""
    phrases: list[RolePhrase] = []
    i, n = 0, len(doc.tokens)

    def part(k: int) -> bool:
        return k not in names and (_is_post(doc, k) or doc.lower(k) in post_words("role_modifiers"))

    while i < n:
        if not part(i):
            i += 1
            continue
        j = i
        while j + 1 < n and part(j + 1):
            j += 1
        heads = [k for k in range(i, j + 1) if _is_post(doc, k) and k not in names]
        if heads:
            last = heads[-1]  # trailing modifiers belong to what follows
            role = doc.lemma(last)
            first = i
            compound = compound_roles().get((doc.lemma(last - 1), role)) if last > 0 else None
            if compound is not None:
                role, first = compound, min(i, last - 1)
            phrases.append(RolePhrase(first, last, last, role))
        i = j + 1
    return phrases


def _territorial(doc: Document, phrase: RolePhrase) -> bool:
    """Whether the phrase (with the place before it) names a post of a territory."""
    if " " in phrase.role:
        return True  # "мемлекет басшысы"
    if {doc.lemma(k) for k in range(phrase.first, phrase.head)} & post_words("territory"):
        return True
    before = phrase.first - 1
    return before >= 0 and (doc.lower(before) in izafet_heads() or doc.lemma(before) in post_words("territory"))


def _chained(doc: Document, phrase: RolePhrase, nxt: RolePhrase, org_ending: dict[int, OrgMention]) -> bool:
    """"партиясының мүшесі, аудандық мәслихат депутаты X" or "кеңес мүшесі, «…» қоғамдық
    бірлестігінің заңгері X": a comma, then at most three words or one organisation, a role."""
    if phrase.last + 1 >= len(doc.tokens) or doc.tokens[phrase.last + 1].norm != ",":
        return False
    between = range(phrase.last + 2, nxt.first)
    org = org_ending.get(nxt.first - 1)
    if org is not None and org.first == phrase.last + 2:
        return True
    if len(between) <= 10 and any(m.first == phrase.last + 2 for m in org_ending.values()) and all(
        doc.tokens[k].kind == "word" or doc.tokens[k].norm in ("«", "»") for k in between
    ):
        return True  # "…төрағасы, «Жас Отан» жастар қанатының Астанадағы филиал төрағасының орынбасары X"
    return len(between) <= 3 and all(doc.tokens[k].kind == "word" for k in between)


def _skip_parenthesis(doc: Document, i: int) -> int:
    """Index before a parenthesis "(ЗТБ)" that ends at token ``i``; ``i`` when there is none."""
    if i >= 2 and doc.tokens[i].norm == ")" and doc.tokens[i - 2].norm == "(":
        return i - 3
    return i


class _Orgs:
    """Organisation mentions by where they end, and by type noun for anaphora."""

    def __init__(self, doc: Document, orgs: list[OrgMention]) -> None:
        self.doc = doc
        self.ending = {m.last: m for m in orgs}
        self.starting = {m.first: m for m in orgs}
        self.covered = {k for m in orgs for k in range(m.first, m.last + 1)}
        self.by_head: dict[str, list[OrgMention]] = {}
        abbreviated = kk.pairs("org_words.txt", "abbreviation_heads")
        for m in sorted(orgs, key=lambda m: m.start):
            head = doc.lemma(m.last)
            self.by_head.setdefault(abbreviated.get(doc.tokens[m.last].norm, head), []).append(m)
        self.head_starts = {lemma: [m.start for m in ms] for lemma, ms in self.by_head.items()}
        self.ordered = sorted(orgs, key=lambda m: m.start)
        self._ordered_starts = [m.start for m in self.ordered]

    def before(self, i: int) -> OrgMention | None:
        """The organisation that ends right before token ``i``; a parenthesis ("(ЗТБ)"), the
        word for its board ("АҚ басқармасы төрағасы") or, after a genitive, a few words of
        the post's field ("министрлігінің азаматтық қоғам істері жөніндегі бас сарапшысы",
        "қорының өңірлік үйлестірушісі") may stand between."""
        doc = self.doc
        k = _skip_parenthesis(doc, i - 1)
        if k >= 1 and is_board(doc, k):
            k -= 1
        if k in self.ending:
            return self.ending[k]
        # "… орталығы кеңес беру бөлімінің басшысы": a department in the genitive, named after
        # its body in the izafet, makes the post the body's
        department = k >= 0 and strip_case(doc.tokens[k].norm)[1] in ("GEN", "NOM") and doc.lemma(k) in post_words("departments")
        sentence = doc.sentence_of[i] if i < len(doc.tokens) else -1
        for j in range(k, max(k - 5, -1), -1):
            tok = doc.tokens[j]
            if doc.sentence_of[j] != sentence:
                return None  # a title line's body is not the next sentence's
            if j in self.ending and (strip_case(tok.norm)[1] == "GEN" or (department and j < k)):
                return self.ending[j]
            if tok.kind != "word" or not tok.norm[:1].islower() or doc.lower(j) in post_words("coordination") \
                    or (j < k and _is_post(doc, j)):
                return None  # (another post between: "филиалдың төрағасы етіп … облыс әкімі X")
            if strip_case(tok.norm)[1] not in ("NOM", "GEN") and "ATTR" not in _tags(doc, j):
                return None  # "Ассамблеясының сессиясында облыс әкімі X": where he spoke, no field
        return None

    def department_body(self, i: int) -> OrgMention | None:
        """"… орталығының басшысы – X, ақпараттық-талдау бөлімінің басшысы – Y": a department
        named by its field alone, in the genitive before a role, is part of the body named last
        before it in the sentence."""
        doc = self.doc
        k = i - 1
        if k < 0 or k in self.covered or doc.lemma(k) not in post_words("departments") or strip_case(doc.tokens[k].norm)[1] != "GEN":
            return None
        return self._last_before(k)

    def last_in_sentence(self, i: int) -> OrgMention | None:
        """The organisation named last before token ``i`` in its sentence."""
        return self._last_before(i)

    def _last_before(self, k: int) -> OrgMention | None:
        """Of the organisations that end before token ``k`` in its sentence, the one that starts
        last (a walk back from ``k``, past only the mentions around ``k``)."""
        doc = self.doc
        sentence = doc.sentence_of[k]
        for j in range(bisect_left(self._ordered_starts, doc.tokens[k].start) - 1, -1, -1):
            m = self.ordered[j]
            if doc.sentence_of[m.last] < sentence:
                return None
            if m.last < k and doc.sentence_of[m.last] == sentence:
                return m
        return None

    def anaphor(self, phrase: RolePhrase) -> OrgMention | None:
        """"Кеңес төрағасы", "қордың жоба жетекшісі", "Қордың еріктілермен жұмыс жөніндегі
        үйлестірушісі": the last organisation named by that type noun, a few words back."""
        sentence = self.doc.sentence_of[phrase.head]
        for k in range(phrase.head - 1, max(phrase.first - 5, -1), -1):
            if self.doc.tokens[k].kind != "word" or self.doc.sentence_of[k] != sentence:
                break
            found = self.by_noun(k)
            if found is not None:
                return found
        return None

    def possessor(self, k: int) -> OrgMention | None:
        """The body a possessive pronoun at token ``k`` ("Оның төрағасы …", [body_pronouns])
        stands for: the sentence holding it opens with the pronoun (or one word before it), and
        the sentence before opens with a body in the nominative."""
        doc = self.doc
        if k < 0 or doc.lower(k) not in post_words("body_pronouns"):
            return None
        first, _ = doc.sentence_bounds(k)
        if k - first > 1 or first == 0:
            return None
        before, _ = doc.sentence_bounds(first - 1)
        body = next((self.starting[j] for j in range(before, min(before + 2, first)) if j in self.starting), None)
        return body if body is not None and body.case == "NOM" else None

    def by_noun(self, k: int) -> OrgMention | None:
        """The organisation a bare type noun at token ``k`` ("кеңес", "қордың") refers to."""
        if k < 0 or k in self.covered:
            return None
        lemma = self.doc.lemma(k)
        if lemma not in org_heads() or _is_post(self.doc, k):
            return None
        return self._last_with_head(lemma, self.doc.tokens[k].start)

    def _last_with_head(self, lemma: str, offset: int) -> OrgMention | None:
        """The last organisation ending in type noun ``lemma`` before ``offset`` (else the
        first after it); failing that, the last one of the type the noun names ("компанияның"
        → the company "«Nur Metall» АҚ")."""
        matching = self.by_head.get(lemma)
        if matching:
            k = bisect_left(self.head_starts[lemma], offset)
            return matching[k - 1] if k else matching[0]
        if lemma in org_words("generic_bodies"):
            # "Ұйым басшысы", "ұйымның президенті": the body named last before
            earlier = [m for m in self.ordered if m.end <= offset and m.type != "media"]
            # (the one that ends last: "… ассамблеясы жанындағы жастар қанаты", not the
            # assembly inside its name)
            return max(earlier, key=lambda m: (m.end, m.end - m.start)) if earlier else None
        # by type only where one word names the type whatever the body's own name: "компания"
        type_ = type_of_noun().get(lemma)
        typed = [m for m in self.ordered if m.type == type_] if type_ == "company" else []
        earlier = [m for m in typed if m.start < offset]
        return earlier[-1] if earlier else (typed[0] if typed else None)

    def the_only(self, heads: frozenset[str]) -> OrgMention | None:
        """The one organisation ending in one of ``heads`` in the document, if exactly one."""
        found = {m.name: m for lemma in heads for m in self.by_head.get(lemma, [])}
        return next(iter(found.values())) if len(found) == 1 else None


@cache
def _description_heads() -> frozenset[str]:
    """Lemmas heading a description of a person that is no post: [descriptors] and [degrees]."""
    return post_words("descriptors") | post_words("degrees")


# Cases a role phrase's head may carry only when no name stands in apposition after it.
_OBLIQUE = frozenset({"INS", "DAT", "LOC", "ABL", "ACC"})


def _holders(
    doc: Document, phrase: RolePhrase, person_at: dict[int, PersonMention], plural: bool, bare: bool
) -> list[PersonMention]:
    """The persons named right after a role phrase (several when coordinated)."""
    if strip_case(doc.tokens[phrase.head].norm)[1] in _OBLIQUE:
        return []  # "Венесуэла елшісімен Қасым-Жомарт Тоқаев кездесті": a name in apposition
        # takes the case itself, so a role that carries one is not the name's
    found: list[PersonMention] = []
    i = phrase.last + 1
    # "… әкімінің орынбасары болған Тұрсынғазы Мүсәпірбеков", "… қызметін атқарған X",
    # "… басшысының уақытша міндетін атқарушы X": the person who holds or held the post
    skipped = 0
    while not bare and i not in person_at and skipped < 3 and i < len(doc.tokens) and doc.lower(i) in post_words("held"):
        i += 1
        skipped += 1
    last_held = i - 1
    i = _after_rank(doc, i, person_at)
    if skipped and (i not in person_at or doc.lower(last_held) not in post_words("held_last")):
        i = _after_rank(doc, phrase.last + 1, person_at)
    if i not in person_at and i < len(doc.tokens) and doc.tokens[i].norm in ("—", "-") and i + 1 in person_at:
        i += 1  # "… орталығының басшысы – Мәнсия Есекеева"
    if plural and i not in person_at and i < len(doc.tokens) and doc.tokens[i].norm == ":" and i + 1 in person_at:
        i += 1  # "Облыстық Қоғамдық кеңес мүшелері: Ерлан Сапаров, Айгүл Сейтова …"
    k = i + 1 if i < len(doc.tokens) and doc.tokens[i].norm in ("—", "-") else i
    if i not in person_at and k < len(doc.tokens) and doc.lower(k) in kk.words("non_posts.txt", "honorifics"):
        i = k + 1  # "Президенті – Елбасы Нұрсұлтан Назарбаев"
    if not plural and i not in person_at and i < len(doc.tokens) and doc.tokens[i].norm == ",":
        # "кеңесінің мүшесі, еңбек ардагері Ерлан Сапаров", "…, тарих ғылымдарының кандидаты
        # Ерлан Сапаров", "…, Ұлы Отан соғысының ардагері X", "…, «Құрмет» орденінің иегері X",
        # "…, 80 жастағы X": a description or a degree between post and holder
        for d in range(i + 1, min(i + 7, len(doc.tokens))):
            if d in person_at or doc.tokens[d].kind not in ("word", "number") and doc.tokens[d].norm not in "«»":
                break
            if doc.lemma(d) in _description_heads() and "PL" not in _tags(doc, d) and d + 1 in person_at:
                i = d + 1
                break
    while i in person_at:
        m = person_at[i]
        case = m.case
        if plural and case not in ("NOM", "GEN"):
            break  # "кеңес мүшелері Ержан Тұрсынбаевқа сұрақ қойды": he is asked, not a member
        if bare and case not in ("NOM", "GEN") and (m.last == m.first or doc.opens_clause(phrase.first)):
            break  # "Үйлестіруші Ерболат Оразбаевты … шақырды": the role opening the clause is its
            # subject; inside the clause a title before a full name is one phrase with it, in the
            # phrase's case ("Жастар Президент Қасым-Жомарт Тоқаевпен кездесті")
        found.append(m)
        if not plural:
            break
        k = m.last + 1
        if k < len(doc.tokens) and doc.lower(k) in post_words("coordination"):
            i = k + 1
            continue
        break
    return found


def _after_rank(doc: Document, i: int, person_at: dict[int, PersonMention]) -> int:
    """Where the person starts when a rank stands between a post and its holder ("…
    орынбасары, полиция майоры Ермек Жұмағұлов"): after the rank; ``i`` when there is none."""
    if i in person_at or i >= len(doc.tokens):
        return i
    k = i + 1 if doc.tokens[i].norm == "," else i
    for r in range(k, min(k + 3, len(doc.tokens))):
        if doc.tokens[r].kind != "word":
            return i
        if doc.lemma(r) in kk.words("non_posts.txt", "ranks") and r + 1 in person_at:
            return r + 1
    return i


@cache
def _before_role() -> frozenset[str]:
    """Words that may stand between a person and the role after them: function words and words
    of time ("Таңатарова бүгін …", "X бұған дейін …", ``[before_role]`` of post_words.txt)."""
    return function_words() | post_words("before_role")


def find_posts(doc: Document, persons: list[PersonMention], orgs: list[OrgMention]) -> list[Post]:
    """Return the posts stated in ``doc`` (one per person, role and organisation); a
    territory's head ("өңір басшысы", "аудан басшысы") is dropped for the person the text also
    calls its әкім (the conventions: one post)."""
    posts = _PostFinder(doc, persons, orgs).run()
    akims = {p.person for p in posts if p.role == "әкім" and p.organization is None}
    heads = person_words("head_of_territory")
    territories = post_words("territory") | person_words("regions")

    def territorial(post: Post) -> bool:
        before = doc.token_at(post.mention.start) - 1  # "Өңір | басшысы X", the place before the role
        words = {word_lemma(w.lower()) for w in post.role_text.split()}
        return bool(words & territories) or (before >= 0 and doc.lemma(before) in territories)

    return [p for p in posts if not (p.person in akims and p.organization is None and p.role in heads and territorial(p))]


def _first_body(*choices: tuple[OrgMention | None, str]) -> tuple[OrgMention | None, str]:
    """The first (body, rule) whose body was found; the last choice when none was."""
    return next((choice for choice in choices if choice[0] is not None), choices[-1])


class _PostFinder:
    """The post rules of one document, as small steps over its role phrases (right to left, so
    that a chain "ROLE1, ROLE2 PERSON" knows ROLE2's holder when it reaches ROLE1):

    1. ``_holders_after`` — ROLE PERSON, and the chains that end in one;
    2. ``_body_of`` — the organisation a role names before it, or by anaphora;
    3. ``_leader_before`` — PERSON, [ORG] ROLE;
    4. ``_listed`` — the roles listed comma after comma after a leader's first;
    5. ``_leads`` — "ORG-ға PERSON жетекшілік етеді", "PERSON басқаратын ORG";
    6. ``_on_behalf`` — "ORG атынан кеңес құрамына енген PERSON";
    7. ``_joined`` — "PERSON ORG-ның құрамына енді".
    """

    def __init__(self, doc: Document, persons: list[PersonMention], orgs: list[OrgMention]) -> None:
        self.doc = doc
        self.person_at = {m.first: m for m in persons if m.person is not None}
        self.person_ending = {m.last: m for m in persons if m.person is not None}
        self.orgs = _Orgs(doc, orgs)
        self.posts: list[Post] = []
        self.seen: set[tuple[str, str, str | None]] = set()
        names = {k for m in self.person_at.values() for k in range(m.first, m.last + 1)}
        self.phrases = _role_phrases(doc, names)
        self.phrase_by_last = {p.last: p for p in self.phrases}
        self.named_sentences = {doc.sentence_of[m.first] for m in self.person_ending.values()}  # sentences naming someone
        self.chained: dict[int, list[PersonMention]] = {}  # holders found after each phrase
        self.leaders: dict[int, PersonMention] = {}  # the phrases whose holder stands before them

    def run(self) -> list[Post]:
        for index in range(len(self.phrases) - 1, -1, -1):
            phrase = self.phrases[index]
            if self._chairs_a_meeting(phrase):
                continue
            tags = _tags(self.doc, phrase.head)
            plural = "PL" in tags
            bare = not any(t.startswith("POSS") for t in tags)
            holders = self._holders_after(index, plural, bare)
            org, anaphoric = self._body_of(phrase, bare)
            guessed = self._guessed_body(phrase, bare) if org is None and anaphoric is None else None
            lineup = self._lineup_body(phrase) if org is None and anaphoric is None and guessed is None else None
            body, rule = _first_body(
                (org, "org-role-person"), (anaphoric, "anaphor-role-person"), (guessed, "guessed-role-person"),
                (lineup, "lineup-role-person"),
                (None, "territory-role-person" if _territorial(self.doc, phrase) else "role-person"),
            )
            if not holders and not plural:
                holders = self._appointed(phrase)
                rule = "role-as-person-appointed" if holders else rule
            if not holders and plural:
                holders = self._apposed(phrase) or self._such_as(phrase) or self._listed_lines(phrase)
            group = self._coordinated_group(body) if plural else []
            if len(group) == len(holders) > 1:
                # "Сайрам, Төлеби аудандық және Кентау қалалық ардагерлер кеңестерінің төрағалары
                # X, Y және Z": as many holders as bodies, each chairs the body of the same rank
                for holder, own in zip(holders, group):
                    self.add(holder, phrase, own, rule)
            else:
                for holder in holders:
                    self.add(holder, phrase, body, rule)
            if not holders and not plural:
                self._leader_before(index, org, anaphoric, guessed)
        self._listed()
        self._leads()
        self._this_post()
        self.posts.extend(_on_behalf(self.doc, self.person_at, self.orgs, self.seen))
        self._joined()  # after _on_behalf, whose posts say for whom the seat is held
        return self.posts

    def _apposed(self, phrase: RolePhrase) -> list[PersonMention]:
        """"Ассамблея мүшелері – «…» орталығының төрағасы A, «…» РҚБ филиалының төрағасы B және
        … төрайымы C": a plural role before a dash or colon is each listed person's, each
        named with a post of their own (bodies, roles, commas and "және" between the names)."""
        doc, k = self.doc, phrase.last + 1
        if k >= len(doc.tokens) or doc.tokens[k].norm not in ("—", "–", "-", ":"):
            return []
        sentence = doc.sentence_of[phrase.head]
        in_roles = {j for other in self.phrases if other.first > k for j in range(other.first, other.last + 1)}
        found: list[PersonMention] = []
        j, own_role = k + 1, False
        while j < len(doc.tokens) and doc.sentence_of[j] == sentence:
            if j in self.person_at:
                if not own_role:
                    break  # "мүшелері – A, B": the plain list is _holders' own
                person = self.person_at[j]
                found.append(person)
                j, own_role = person.last + 1, False
                continue
            word = doc.tokens[j].norm
            if j in in_roles:
                own_role = True
            elif not (j in self.orgs.covered or word in (",", "«", "»", "“", "”", '"')
                      or doc.lower(j) in post_words("coordination")):
                break
            j += 1
        return found

    def _joined(self) -> None:
        """"X облыстық қоғамдық кеңестің құрамына енді", "Кеңес құрамына X пен Y кірді", "…
        кеңестің құрамына енген X": whoever joins a body's membership ([membership_nouns], then a
        verb of [member_verbs]) is its member; a body's own name or its type noun for the body
        named before."""
        doc = self.doc
        member = RolePhrase(0, 0, 0, "мүше")
        for k in range(1, len(doc.tokens) - 1):
            if doc.lower(k) not in post_words("membership_nouns"):
                continue
            body = self.orgs.ending.get(k - 1)
            if body is None:
                body = self.orgs.by_noun(k - 1)
                before = k - 1
            else:
                before = body.first
            if body is None:
                continue
            joined: list[PersonMention] = []
            j = k + 1
            while j < len(doc.tokens) and j in self.person_at:  # "құрамына X пен Y кірді"
                joined.append(self.person_at[j])
                j = self.person_at[j].last + 1
                if j < len(doc.tokens) and doc.lower(j) in post_words("coordination"):
                    j += 1
            if j >= len(doc.tokens) or doc.lower(j) not in post_words("member_verbs"):
                continue
            if not joined and j + 1 in self.person_at:
                joined = [self.person_at[j + 1]]  # "… құрамына енген X"
            if not joined and before - 1 in self.person_ending and doc.opens_clause(self.person_ending[before - 1].first):
                joined = [self.person_ending[before - 1]]  # "X … кеңестің құрамына енді"
            for person in joined:
                if person.case == "NOM":
                    self.add(person, RolePhrase(k, j, k, member.role), body, "person-joined")

    def _listed_lines(self, phrase: RolePhrase) -> list[PersonMention]:
        """"Келесі депутаттарға жаңа мандат берілді:" and a line for each of them ("• Матыжанов
        Кенжехан – …"): a plural role in a sentence closed by a colon is held by the persons
        who open the lines after it, bullets or numbers before the names."""
        doc = self.doc
        _, last = doc.sentence_bounds(phrase.head)
        colon = next((k for k in range(phrase.last + 1, min(last, phrase.last + 8) + 1) if doc.tokens[k].norm == ":"), None)
        if colon is None or any(k in self.person_at for k in range(phrase.last + 1, colon)):
            return []
        found: list[PersonMention] = []
        k = colon + 1
        while k < len(doc.tokens) and "\n" in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]:
            j = k
            while j < len(doc.tokens) and j - k < 3 and (doc.tokens[j].norm in post_words("bullets") or (
                    doc.tokens[j].kind == "number" and j + 1 < len(doc.tokens) and doc.tokens[j + 1].norm in (".", ")"))):
                j += 2 if doc.tokens[j].kind == "number" else 1
            person = self.person_at.get(j)
            if person is None:
                break
            found.append(person)
            k = person.last + 1
            while k < len(doc.tokens) and "\n" not in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]:
                k += 1  # the rest of the person's line
        return found if len(found) >= 2 else []

    def _such_as(self, phrase: RolePhrase) -> list[PersonMention]:
        """"Ерлан Қасымов, Айгүл Сәрсенова сынды облыстық мәслихат депутаттары": the persons
        listed before a word of likeness ([such_as]) hold the plural role after it."""
        doc = self.doc
        k = phrase.first - 1
        body = self.orgs.ending.get(k)
        if body is not None:
            k = body.first - 1
        if k < 1 or doc.lower(k) not in post_words("such_as"):
            return []
        found: list[PersonMention] = []
        j = k - 1
        while j >= 0 and j in self.person_ending:
            person = self.person_ending[j]
            found.append(person)
            j = person.first - 1
            if j >= 0 and (doc.tokens[j].norm == "," or doc.lower(j) in post_words("coordination")):
                j -= 1
            else:
                break
        return sorted(found, key=lambda m: m.first)

    def _this_post(self) -> None:
        """"… Ассамблеясы Төрағасының жаңа орынбасарлары да тағайындалды. … Майя Бекбаева және
        Закиржан Кузиев осы лауазымды қызметтерді атқаратын болды", "Бұған дейін бұл қызметті
        Марат Әлиев атқарған": the persons named in the nominative in a sentence that speaks of
        "this post" ([this_post]) hold the post the sentence before named last, in its body."""
        doc = self.doc
        this_post = {tuple(line.split()) for line in kk.entries("post_words.txt", "this_post")}
        done: set[int] = set()
        for k in range(len(doc.tokens) - 1):
            sentence = doc.sentence_of[k]
            if sentence in done or (doc.lower(k), doc.lower(k + 1)) not in this_post:
                continue
            done.add(sentence)
            before = [p for p in self.phrases if doc.sentence_of[p.head] == sentence - 1]
            holders = [m for m in self.person_ending.values() if doc.sentence_of[m.first] == sentence and m.case == "NOM"]
            if not before or not holders:
                continue
            phrase = before[-1]
            tags = _tags(doc, phrase.head)
            bare = not any(t.startswith("POSS") for t in tags)
            org, anaphoric = self._body_of(phrase, bare)
            body = org or anaphoric
            if body is None and not _territorial(doc, phrase):
                body = self.orgs.ending.get(phrase.first - 1)
            for holder in sorted(holders, key=lambda m: m.first):
                self.add(holder, phrase, body, "person-this-post")

    def _coordinated_group(self, body: OrgMention | None) -> list[OrgMention]:
        """The bodies named together with ``body`` by one shared type phrase, in text order."""
        if body is None or body.source != "org-coordinated":
            return []
        return sorted((m for m in self.orgs.ordered if m.last == body.last and m.source == "org-coordinated"),
                      key=lambda m: m.first)

    def _leads(self) -> None:
        """"Қарағанды филиалына Мадияр Қалиев төрағалық етеді", "Ұжымға X жетекшілік етеді":
        the person before a noun of leading and "ету" holds that role in the body named in
        the dative before them."""
        doc = self.doc
        leading = kk.pairs("post_words.txt", "leading")
        for i in range(1, len(doc.tokens) - 1):
            role = leading.get(doc.lower(i))
            if role is None or not doc.lower(i + 1).startswith("ет"):
                continue
            person = self._person_called(i - 1)
            if person is None:
                self._led_before(i, i + 2, "DAT", role)  # "«Жастар» бірлестігіне жетекшілік ететін X"
                continue
            if i + 2 < len(doc.tokens) and doc.lower(i + 1) in post_words("leading_participles") \
                    and (i + 2) in self.orgs.starting:
                # "X жетекшілік ететін «…» қоры": the body after the participle
                self.add(person, RolePhrase(i, i, i, role), self.orgs.starting[i + 2], "person-leads")
                continue
            sentence = doc.sentence_of[i]
            body = next((m for m in reversed(self.orgs.ordered)
                         if m.last < person.first and doc.sentence_of[m.last] == sentence and m.case == "DAT"), None)
            if body is None:
                # "«…» атты осы ұйымға X жетекшілік етеді": a generic noun in the dative, the body it refers to
                body = next((self.orgs.by_noun(k) for k in range(person.first - 1, -1, -1)
                             if doc.sentence_of[k] == sentence and strip_case(doc.tokens[k].norm)[1] == "DAT"
                             and doc.lemma(k) in org_words("generic_bodies")), None)
            if body is not None:  # "Ұжымға X жетекшілік етеді" with no body named before: no post
                self.add(person, RolePhrase(i, i, i, role), body, "person-leads")
        verbs = kk.pairs("post_words.txt", "leading_verbs")
        for i in range(1, len(doc.tokens)):
            role = next((r for stem, r in verbs.items() if doc.lower(i).startswith(stem)), None)
            if role is None:
                continue
            if (i - 1) in self.person_ending:
                person = self.person_ending[i - 1]
                if doc.lower(i) in post_words("leading_participles") and i + 1 < len(doc.tokens) \
                        and (i + 1) in self.orgs.starting:
                    # "X басқаратын облыстық мешіт": the body after the participle
                    self.add(person, RolePhrase(i, i, i, role), self.orgs.starting[i + 1], "person-leads")
                    continue
                body = self._led_body(person.first)
                if body is not None:  # "«Теміртас» ЖШС-ні X басқарады", "Мекемені X басқарады"
                    self.add(person, RolePhrase(i, i, i, role), body, "person-leads")
                continue
            if self._led_before(i, i + 1, "ACC", role):
                continue  # "«Жастар» бірлестігін басқаратын Ерлан Сапаров"
            # "Айгүл Сейтова «Шапағат» қорын 2015 жылдан бері басқарып келеді": the body in the
            # accusative after its leader, words of time between it and the verb
            k = i - 1
            while k > 0 and i - k <= 4 and (doc.lower(k) in _before_role() or doc.tokens[k].kind == "number"):
                k -= 1
            body = self.orgs.ending.get(k)
            leader = None
            if body is not None and body.case == "ACC":
                # "X 2020 жылдан бері облыстық ардагерлер кеңесін басқарады": the words of time may
                # stand between the leader and the body too
                j = body.first - 1
                while j > 0 and body.first - j <= 4 and (doc.lower(j) in _before_role() or doc.tokens[j].kind == "number"):
                    j -= 1
                leader = self.person_ending.get(j)
            if body is not None and leader is not None and leader.case == "NOM" and doc.opens_clause(leader.first):
                self.add(leader, RolePhrase(i, i, i, role), body, "person-leads")

    def _led_before(self, i: int, j: int, case: str, role: str) -> bool:
        """"«Жастар» бірлестігін басқаратын Ерлан Сапаров": a participle of leading ending at
        token ``j - 1``, the body it governs (in ``case``) right before token ``i``, the leader
        right after; whether a post was added."""
        doc = self.doc
        body = self.orgs.ending.get(i - 1)
        if body is None or body.case != case or doc.lower(j - 1) not in post_words("leading_participles") \
                or j not in self.person_at or doc.sentence_of[j] != doc.sentence_of[i - 1]:
            return False
        self.add(self.person_at[j], RolePhrase(i, j - 1, i, role), body, "person-leads")
        return True

    def _person_called(self, k: int) -> PersonMention | None:
        """The person whose mention ends at token ``k``, or before a description by name
        there ("Еркінбек Айнақожаев атты азамат", ``[called]``)."""
        doc = self.doc
        if k in self.person_ending:
            return self.person_ending[k]
        if k >= 2 and doc.lower(k - 1) in post_words("called") and doc.lemma(k) in post_words("called_nouns"):
            return self.person_ending.get(k - 2)
        return None

    def _led_body(self, k: int) -> OrgMention | None:
        """The body a person named at token ``k`` leads: the one named in the accusative right
        before the name, or the body a generic noun in the accusative there refers to."""
        doc = self.doc
        j = k - 1
        if j < 0 or doc.sentence_of[j] != doc.sentence_of[k]:
            return None
        named = self.orgs.ending.get(j)
        if named is not None:
            return named if named.case == "ACC" else None
        if strip_case(doc.tokens[j].norm)[1] == "ACC" and doc.lemma(j) in org_words("generic_bodies"):
            return self.orgs.by_noun(j)
        return None

    def add(self, person: PersonMention, phrase: RolePhrase, org: OrgMention | None, rule: str,
            on_behalf_of: OrgMention | None = None) -> None:
        """Record one post found by ``rule`` (once per person, role and organisation)."""
        assert person.person is not None
        doc = self.doc
        key = (person.person.name, phrase.role, org.name if org else None)
        if key in self.seen:
            return
        self.seen.add(key)
        same_sentence = org is not None and doc.sentence_of[org.first] == doc.sentence_of[phrase.head]
        first = min(phrase.first, person.first, org.first if org is not None and same_sentence else phrase.first)
        last = max(phrase.last, person.last)
        start, end = doc.tokens[first].start, doc.tokens[last].end
        sentence = doc.sentences[doc.sentence_of[phrase.head]]
        self.posts.append(
            Post(
                person.person.name, phrase.role, org.name if org else None, doc.span_text(phrase.first, phrase.last),
                Mention(doc.text[start:end], start, end), Evidence(f"post:{rule}", RULES[rule], sentence.start, sentence.end),
                on_behalf_of.name if on_behalf_of else None,
            )
        )

    def _chairs_a_meeting(self, phrase: RolePhrase) -> bool:
        """"жиын төрағасы" chairs a meeting; that is no post ("Отырысқа …" is fine)."""
        doc, before = self.doc, phrase.first - 1
        return (
            " " not in phrase.role and before >= 0 and before not in self.orgs.covered and is_event_noun(doc, before)
            and strip_case(doc.tokens[before].norm)[1] in ("NOM", "GEN")
        )

    def _holders_after(self, index: int, plural: bool, bare: bool) -> list[PersonMention]:
        """The persons after the phrase, or those of the next phrase of its chain."""
        phrase = self.phrases[index]
        holders = _holders(self.doc, phrase, self.person_at, plural, bare)
        nxt = self.phrases[index + 1] if index + 1 < len(self.phrases) else None
        if not holders and not plural and nxt is not None and _chained(self.doc, phrase, nxt, self.orgs.ending):
            # (not a plural: "әкім және орынбасарлары, аудан прокуроры X" — he is no deputy)
            holders = self.chained.get(index + 1, [])
        self.chained[index] = holders
        return holders

    def _appointed(self, phrase: RolePhrase) -> list[PersonMention]:
        """"Тарбағатай ауданының әкімі болып бұған дейін … Ерлан Текешев тағайындалды": after
        "ROLE болып" (or "қызметіне"), the person right before a verb of taking a post in the
        same sentence."""
        doc, k = self.doc, phrase.last + 1
        if k >= len(doc.tokens) or doc.lower(k) not in post_words("appointed_as"):
            return []
        sentence = doc.sentence_of[phrase.head]
        for j in range(k + 1, min(k + 20, len(doc.tokens))):
            if doc.sentence_of[j] != sentence:
                break
            if doc.lower(j) in post_words("appointed"):
                person = self.person_ending.get(j - 1)
                return [person] if person is not None and person.first > k else []
        return []

    def _body_of(self, phrase: RolePhrase, bare: bool) -> tuple[OrgMention | None, OrgMention | None]:
        """(the organisation named before the role, the one its type noun refers back to)."""
        org = self.orgs.before(phrase.first) or self.orgs.department_body(phrase.first)
        k = phrase.first - 1
        if org is None and k >= 1 and self.doc.lower(k) in post_words("role_joiners") \
                and "POSS3" in _tags(self.doc, k - 1) and self.doc.tokens[k - 1].kind == "word":
            # "«Береке» қорының құрылтайшысы және төрағасы": two roles of one body
            org = self.orgs.before(k - 1)
        # only a possessed role ("кеңес төрағасы") points back to a body; a title does not
        anaphoric = None if org or bare or _territorial(self.doc, phrase) else (
            self.orgs.anaphor(phrase) or self.orgs.possessor(phrase.first - 1))
        if org is None and anaphoric is None and phrase.role == "депутат":
            # a deputy sits in a maslikhat: the one the article names, if it names only one
            anaphoric = self.orgs.the_only(post_words("deputy_bodies"))
        return org, anaphoric

    def _guessed_body(self, phrase: RolePhrase, bare: bool) -> OrgMention | None:
        """"«…» мектебінің математика пәнінің мұғалімі": a possessed role of no territory
        belongs to some body; the one named last before it in its sentence is the best guess."""
        if bare or _territorial(self.doc, phrase):
            return None
        guess = self.orgs.last_in_sentence(phrase.first)
        k = phrase.first - 1
        head = self.doc.lemma(k) if k >= 0 else ""
        if guess is not None and k not in self.orgs.covered and type_of_noun().get(head) == "commission" \
                and strip_case(self.doc.tokens[k].norm)[1] == "GEN":
            # "Үкімет жанынан құрылған арнайы комиссияның жетекшісі": a commission left
            # unnamed has no organisation (the annotation conventions), not the body before
            return None
        if guess is not None and any(
                (_is_post(self.doc, j) and "PL" in _tags(self.doc, j))
                or (strip_case(self.doc.tokens[j].norm)[1] == "LOC" and is_event_noun(self.doc, j))
                for j in range(guess.last + 1, phrase.first)):
            # "… Сенаты мен Мәжілісінің депутаттары, ҚР Білім және ғылым министрі X", "… Мәжілісінің
            # отырысында Туризм және спорт министрі X": the body of other people listed before, or
            # of a meeting it hosted ("… мектебінің математика пәнінің мұғалімі A, физика пәнінің
            # мұғалімі B" is B's)
            return None
        if guess is not None and any(
                self.doc.tokens[j].norm[:1].isupper() and strip_case(self.doc.tokens[j].norm)[1] == "GEN"
                and strip_case(self.doc.tokens[j].norm)[0].lower() in places()
                for j in range(max(guess.last + 1, phrase.first - 2), phrase.first)):
            return None  # "… ұйымы Украинаның танымал ақыны X": the role of a country's, not the body's
        if guess is not None and any(
                self.doc.tokens[j].norm == "»" and j not in self.orgs.covered and j - 1 not in self.orgs.covered
                for j in range(max(guess.last + 1, phrase.first - 4), phrase.first)):
            return None  # "… орталығының директоры A, «Пионер» кондитерлік фирмасының директоры B": a
            # body of its own, named in marks, that no rule knows
        return guess

    def _lineup_body(self, phrase: RolePhrase) -> OrgMention | None:
        """"Аудандық қоғамдық кеңестің жаңа құрамы бекітілді. Төраға – X, орынбасары – Y": a
        role set off by a dash before its holder, in a sentence that names no body, is held in
        the one body the sentence before names where that sentence speaks of its make-up
        ([lineup_words]: құрамы, сайланды, бекітілді)."""
        doc = self.doc
        nxt = phrase.last + 1
        if nxt >= len(doc.tokens) or doc.tokens[nxt].norm not in ("—", "–", "-") or _territorial(doc, phrase):
            return None
        sentence = doc.sentence_of[phrase.head]
        if sentence == 0 or any(doc.sentence_of[m.first] == sentence for m in self.orgs.ordered):
            return None
        before = {m.name: m for m in self.orgs.ordered if doc.sentence_of[m.first] == sentence - 1}
        if len(before) != 1:
            return None
        first, last = doc.sentence_bounds(doc.sentence_bounds(phrase.head)[0] - 1)
        beginnings = tuple(post_words("lineup_words"))
        composed = any(doc.lower(k).startswith(beginnings) for k in range(first, last + 1))
        return next(iter(before.values())) if composed else None

    def _leader_before(
        self, index: int, org: OrgMention | None, anaphoric: OrgMention | None, guessed: OrgMention | None,
    ) -> None:
        """PERSON, [ORG] ROLE-ы — the person comes before, with a comma or dash between, or
        with no comma when a verb of taking the post follows ("… депутаты атанды")."""
        doc, phrase = self.doc, self.phrases[index]
        anchor = org.first if org is not None else phrase.first
        if org is None and _territorial(doc, phrase):
            # "ҒАУЕЗ НҰРМҰХАМБЕТОВ, СОЛТҮСТІК ҚАЗАҚСТАН ОБЛЫСЫНЫҢ ӘКІМІ": the place's name is the
            # post's too
            while anchor - 1 >= 0 and doc.tokens[anchor - 1].kind == "word" and doc.tokens[anchor - 1].norm[:1].isupper() \
                    and anchor - 1 not in self.person_ending and doc.sentence_of[anchor - 1] == doc.sentence_of[phrase.head]:
                anchor -= 1
        k = anchor - 1
        while k >= 0 and doc.tokens[k].norm in {",", "—", "-", "("}:
            k -= 1
        if k >= 2 and doc.tokens[k - 1].norm == "(" and doc.lower(k) in post_words("subject_pronouns"):
            k -= 2  # "Мақсым Ізбасов (ол «Жастар» ҚБ төрағасы)": the pronoun stands for the name
        nxt = phrase.last + 1
        while nxt < len(doc.tokens) and nxt - phrase.last <= 3 and doc.lower(nxt) in post_words("acting"):
            nxt += 1  # "… әкімінің міндетін атқарушы болып тағайындалды": the acting holder
        if nxt >= len(doc.tokens) or doc.lower(nxt) not in post_words("as_role"):
            nxt = phrase.last + 1
        as_role = doc.lower(nxt) in post_words("as_role") if nxt < len(doc.tokens) else False
        replaced: PersonMention | None = None
        workplace: OrgMention | None = None
        chain: list[tuple[RolePhrase, OrgMention | None]] = []  # roles listed before, one verb for all
        if as_role:
            # "Таңатарова бүгін мәслихат депутаты атанды": a word of time may stand between, or
            # a body's bare type noun ("Ерлан Сапаров Кеңестің жаңа төрағасы болып сайланды"),
            # whom the person replaced ("Марат Әлиевтің орнына"), where the post is held
            # ("аудандық білім бөлімінде маман болып")
            while k > 0 and k not in self.person_ending and anchor - k <= 8 \
                    and not self._pronoun_opens(k):
                if doc.lower(k) in _before_role() or (doc.lemma(k) in org_heads() and k not in self.orgs.covered) \
                        or doc.tokens[k].kind == "number" or (doc.tokens[k].norm in ("-", "–") and doc.tokens[k - 1].kind == "number"):
                    k -= 1
                elif doc.lower(k) in post_words("replacing") and (k - 1) in self.person_ending and replaced is None:
                    replaced = self.person_ending[k - 1]
                    k = replaced.first - 1
                elif org is None and workplace is None and k in self.orgs.ending and self.orgs.ending[k].case == "LOC":
                    workplace = self.orgs.ending[k]
                    k = workplace.first - 1
                elif doc.tokens[k + 1].norm == "," and k in self.phrase_by_last and len(chain) < 4:
                    # "«Шапағат» қорының директоры, … кеңесінің хатшысы қызметтерін атқарған"
                    listed = self.phrase_by_last[k]
                    listed_org = self.orgs.before(listed.first)
                    chain.append((listed, listed_org))
                    k = (listed_org.first if listed_org is not None else listed.first) - 1
                    anchor = k + 1
                    while k > 0 and doc.tokens[k].norm == ",":
                        k -= 1
                else:
                    break
            if workplace is not None:
                org = workplace
        ends = phrase.last + 1 >= len(doc.tokens) or doc.sentence_of[phrase.last + 1] != doc.sentence_of[phrase.head]
        after = "." if ends else doc.tokens[phrase.last + 1].norm  # a caption line ends with its post
        sentence_end = ends or (after in (".", "!") and (
            phrase.last + 2 >= len(doc.tokens) or doc.sentence_of[phrase.last + 2] != doc.sentence_of[phrase.head]))
        leader = self.person_ending.get(k)
        predicate = False
        if leader is None and not as_role and sentence_end:
            k, leader = self._predicate_subject(k, anchor)
            predicate = leader is not None
        if leader is None and as_role and k >= 0 and self._pronoun_opens(k) \
                and doc.sentence_of[k] == doc.sentence_of[phrase.head]:
            # "… Ерлан Сапаров ашты. Ол 2020 жылы мәслихат хатшысы болып сайланған": "Ол" stands
            # for the subject of the sentence before
            leader = self._subject_before(k)
            predicate = leader is not None
        if leader is None and as_role and (k < 0 or doc.sentence_of[k] != doc.sentence_of[phrase.head]) \
                and doc.sentence_of[phrase.head] not in self.named_sentences:
            # "Ерлан Сапаров 1975 жылы туған. Еңбек жолын … маман болып бастаған": a sentence
            # naming no one takes the post for the subject of the sentences before
            leader = self._subject_earlier(doc.sentence_of[phrase.head])
            predicate = leader is not None
        # "Гүлнар Әбдірахманова – «Нұр» бірлестігінің төрағасы қатысты": a dash, not a comma,
        # sets a post apart from its verb
        dashed = phrase.last + 1 < len(doc.tokens) and anchor - 1 >= 0 and doc.tokens[anchor - 1].norm in ("—", "–") and k == anchor - 2 \
            and doc.tokens[phrase.last + 1].kind == "word" and doc.lower(phrase.last + 1) not in post_words("coordination")
        if not as_role and not dashed and after not in (",", ".", ")", "—", ";", ":"):
            return  # "Каримова, ауылдық округ әкімдері мен …" is a list, not her post
        if leader is None or not (k < anchor - 1 or as_role or predicate):
            return
        if not predicate and doc.sentence_of[k] != doc.sentence_of[phrase.head]:
            return
        self.leaders[index] = leader
        elected = self._elected_to(phrase) if as_role and org is None and anaphoric is None else None
        body, rule = _first_body(
            (org, "person-org-role"), (anaphoric, "person-anaphor-role"), (elected, "person-elected-role"),
            (guessed, "person-guessed-role"), (None, "person-role"),
        )
        if body is not None or _territorial(doc, phrase) or doc.tokens[phrase.first].norm[:1].islower():
            self.add(leader, phrase, body, rule)
            if replaced is not None:
                self.add(replaced, phrase, body, rule)  # whom the leader replaced held it before
        for listed, listed_org in chain:
            if listed_org is not None or _territorial(doc, listed):
                self.add(leader, listed, listed_org, "person-org-role" if listed_org is not None else "person-role")
        if as_role and body is None and _territorial(doc, phrase):
            for other in self._distributed(leader):
                self.add(other, phrase, None, rule)

    def _distributed(self, last: PersonMention) -> list[PersonMention]:
        """"A Абай ауданының, B Бесқарағай ауданының, ал C Шемонаиха ауданының әкімі болып
        тағайындалды": the persons listed before the last one, each with the place of the same
        territorial post (a name, then its territory noun in the genitive, or the name alone)."""
        doc, found = self.doc, []
        joiners = post_words("coordination") | post_words("distributive_joiners")
        k = last.first - 1
        while k >= 2:
            # "…, Катонқарағай ауданы әкімінің орынбасары болған B …": what qualifies a holder
            comma = next((j for j in range(k, max(k - 8, 0), -1) if doc.tokens[j].norm == ","), None)
            if comma is not None and doc.lower(k) not in joiners:
                k = comma
            while k >= 0 and doc.lower(k) in joiners:
                k -= 1
            if k == last.first - 1 or k < 1:
                break  # nothing joins it to a place before
            j = k
            if doc.lemma(j) in post_words("territory") and strip_case(doc.tokens[j].norm)[1] == "GEN":
                j -= 1
            names = 0
            while j >= 0 and names < 2 and j not in self.person_ending and doc.tokens[j].kind == "word" \
                    and doc.tokens[j].norm[:1].isupper():
                j, names = j - 1, names + 1
            holder = self.person_ending.get(j)
            if not names or holder is None or doc.sentence_of[j] != doc.sentence_of[last.first]:
                break
            found.append(holder)
            last, k = holder, holder.first - 1
        return found

    def _predicate_subject(self, k: int, anchor: int) -> tuple[int, PersonMention | None]:
        """(where the subject ends, the subject) of a sentence whose post closes it, the words
        before the post's body ending at token ``k``: the person opening the sentence, words of
        time or numbers between ("Ерлан Сапаров 2015 жылдан бері … кеңесінің төрағасы."), or
        "Ол" opening it for the subject of the sentence before ("… Ол – … кеңесінің төрағасы.")."""
        doc = self.doc
        j = k
        while j > 0 and j not in self.person_ending and anchor - j <= 6 and (
                doc.lower(j) in _before_role() or doc.tokens[j].kind == "number"
                or doc.tokens[j].norm in ("-", "–", "—")):
            j -= 1
        subject = self.person_ending.get(j)
        if subject is not None and j < k and subject.case == "NOM" and doc.opens_clause(subject.first):
            return j, subject
        sentence = doc.sentence_of[anchor]
        if j < k and (j < 0 or doc.sentence_of[j] != sentence or (j == 0 and doc.lower(j) in _before_role())) \
                and any(doc.tokens[t].kind == "number" for t in range(max(j, 0), anchor)) \
                and sentence not in self.named_sentences:
            # "Ерлан Сапаров 1975 жылы туған. 2010-2015 жылдары – аудан әкімінің орынбасары.": a
            # dated line of a biography is the post of whom the sentences before are about
            return j, self._subject_earlier(sentence)
        if k >= 0 and self._pronoun_opens(k):
            return k, self._subject_before(k)  # with a dash or none: "Ол облыстық мәслихаттың депутаты."

        return k, None

    def _pronoun_opens(self, k: int) -> bool:
        """Whether token ``k`` is "Ол" opening its clause, standing for the subject before."""
        return self.doc.lower(k) in post_words("subject_pronouns") and self.doc.opens_clause(k)

    def _subject_before(self, k: int) -> PersonMention | None:
        """The subject of the sentence before token ``k``'s: its last person named in the nominative."""
        doc = self.doc
        sentence = doc.sentence_of[k] - 1
        found = [m for m in self.person_ending.values() if doc.sentence_of[m.first] == sentence and m.case == "NOM"]
        return max(found, key=lambda m: m.first) if found else None

    def _subject_earlier(self, sentence: int) -> PersonMention | None:
        """The person opening one of the three sentences before ``sentence`` in the nominative,
        the nearest: whom a biography's sentences with no subject are about."""
        doc = self.doc
        for back in range(sentence - 1, max(sentence - 4, -1), -1):
            found = [m for m in self.person_ending.values()
                     if doc.sentence_of[m.first] == back and m.case == "NOM" and doc.opens_clause(m.first)]
            if found:
                return min(found, key=lambda m: m.first)
        return None

    def _elected_to(self, phrase: RolePhrase) -> OrgMention | None:
        """"Атырау облысы Қоғамдық кеңесінің отырысы өтті. Оған Мақсым Ізбасов төраға болып
        сайланды": a bare role taken at a body's meeting is in the body named last, in this
        sentence or the one before, if it elects ([electing_types] of post_words.txt)."""
        doc = self.doc
        if any(t.startswith("POSS") for t in _tags(doc, phrase.head)) or _territorial(doc, phrase):
            return None
        sentence = doc.sentence_of[phrase.head]
        earlier = [
            m for m in self.orgs.ordered
            if m.last < phrase.first and sentence - 1 <= doc.sentence_of[m.last] <= sentence
            and m.type in post_words("electing_types")
        ]
        return earlier[-1] if earlier else None

    def _listed(self) -> None:
        """"Матыжанов Кенжехан – … институтының директоры, «AMANAT» партиясының мүшесі": the
        roles listed after a person's first one, comma after comma, are the same person's."""
        doc = self.doc
        for index in range(1, len(self.phrases)):
            phrase, previous = self.phrases[index], self.phrases[index - 1]
            if index in self.leaders or (index - 1) not in self.leaders or self.chained.get(index):
                continue
            org = self.orgs.before(phrase.first)
            anchor = org.first if org is not None else phrase.first
            if doc.tokens[previous.last + 1].norm != "," or self._past_descriptions(previous.last + 2, anchor) != anchor:
                continue
            if doc.sentence_of[previous.last] != doc.sentence_of[phrase.head] or "PL" in _tags(doc, phrase.head):
                continue
            self.leaders[index] = leader = self.leaders[index - 1]
            body, rule = _first_body((org, "person-org-role-listed"), (None, "person-role-listed"))
            if body is not None or _territorial(doc, phrase) or doc.tokens[phrase.first].norm[:1].islower():
                self.add(leader, phrase, body, rule)


    def _past_descriptions(self, j: int, anchor: int) -> int:
        """The token after the descriptions, each closed by a comma, from token ``j`` towards
        ``anchor`` ("… директоры, | филология ғылымдарының докторы, | «AMANAT» партиясының
        мүшесі"): a few words that end in a degree or a description ([degrees], [descriptors])."""
        doc, heads = self.doc, _description_heads()
        while j < anchor:
            comma = next((k for k in range(j, min(anchor, j + 5)) if doc.tokens[k].norm == ","), None)
            if comma is None or comma == j or not all(doc.tokens[k].kind == "word" for k in range(j, comma)) \
                    or doc.lemma(comma - 1) not in heads:
                return j
            j = comma + 1
        return j


def _on_behalf(doc: Document, person_at: dict[int, PersonMention], orgs: _Orgs, seen: set[tuple[str, str, str | None]]) -> list[Post]:
    """"«Мейірім» қоғамдық бірлестігі атынан кеңес құрамына енген Наталья Петренко"."""
    out: list[Post] = []
    for i, _tok in enumerate(doc.tokens):
        if doc.lower(i) != "атынан":
            continue
        represented = orgs.before(i)
        if represented is None:
            continue
        for j in range(i + 1, min(i + 7, len(doc.tokens) - 1)):
            if doc.lower(j) in post_words("member_verbs") and j + 1 in person_at:
                body = next((b for b in (orgs.by_noun(k) for k in range(i + 1, j)) if b is not None), None)
                person = person_at[j + 1]
                if body is None or person.person is None:
                    break
                key = (person.person.name, "мүше", body.name)
                if key in seen:
                    break
                seen.add(key)
                start, end = doc.tokens[represented.first].start, person.end
                sentence = doc.sentences[doc.sentence_of[i]]
                out.append(
                    Post(
                        person.person.name, "мүше", body.name, doc.span_text(i + 1, j),
                        Mention(doc.text[start:end], start, end),
                        Evidence("post:on-behalf-member", RULES["on-behalf-member"], sentence.start, sentence.end),
                        represented.name,
                    )
                )
                break
    return out


def role_index(posts: list[Post]) -> list[tuple[int, str, str, str]]:
    """(offset, role, role text lower, person) of every post: who holds "облыс әкімі" and the like."""
    return [(p.mention.start, p.role, p.role_text.lower(), p.person) for p in posts]
