"""Russian posts: who holds which role in which organisation.

The role of a phrase is its first post noun — the head of a Russian noun phrase ("первый
заместитель председателя" → заместитель) — and the organisation is the one its genitives
name ("председатель ОО «Жастар»"); a territorial post ("аким Туркестанской области",
"заместитель акима района") names none. Patterns, each a rule of :data:`RULES`:

* ROLE [ORG] PERSON — "председатель ОО «Жастар» Айгерим Турсынова", in any case: a Russian
  apposition agrees with its noun ("председателю … Розе Ешаевой");
* PERSON, ROLE [ORG] — "Галина Бурдюг, руководитель рабочей группы", also after a dash;
* ROLE-ablt … VERB … PERSON, PERSON … VERB ROLE-ablt — "председателем совета был выбран X",
  "X назначен акимом района", "Акимом района стал X" (verbs of [taking] in post_nouns.txt).
"""
from __future__ import annotations

from dataclasses import dataclass

from qogam.nlp.extract.results import Evidence, Mention, Post
from qogam.nlp.ru.document import RuDocument
from qogam.nlp.ru.lexicon import entries, fold, pairs, words
from qogam.nlp.ru.morph import is_place, lemmas, parses
from qogam.nlp.ru.organizations import RuOrgMention, abbreviated_town, board_at
from qogam.nlp.ru.persons import RuPersonMention, person_gender

RULES: dict[str, float] = {
    "ru-role-person": 0.85,  # "председатель ОО «Жастар» Айгерим Турсынова"
    "ru-person-role": 0.75,  # "Галина Бурдюг, руководитель рабочей группы"
    "ru-taken-role": 0.7,  # "председателем совета был выбран X"
    # the same, the body not named with the role but the one named last before it
    "ru-role-person-guessed": 0.6,
    "ru-role-respectively": 0.8,  # "руководители ОО «А», движения «Б» X, Y соответственно"
    "ru-person-role-guessed": 0.55,
    "ru-taken-role-guessed": 0.55,
    "ru-person-leads": 0.6,  # "ОО «Жастар» возглавляет X", "X возглавляет ОО «Жастар»"
    "ru-person-joined": 0.6,  # "В состав совета вошли X и Y", "X вошла в состав совета"
}
_LIST_GLUE = frozenset({",", "и", "»", "”", "\"", "«", "“"})
_DASHES = frozenset({"—", "–", "-"})
_OPENING = frozenset({"«", "“", "\"", "„"})
_CLOSING = frozenset({"»", "”", "\"", "“"})
_GAP = 8  # at most this many tokens between a role and its holder


@dataclass(slots=True)
class RolePhrase:
    first: int  # first token, modifiers included
    head: int  # the role noun
    last: int  # last token of the role's own words (role nouns in the genitive after it)
    role: str


def _role_lemma(word: str) -> str | None:
    """The role a word names: a post noun's lemma, the last part of a hyphenated one
    ("экс-руководитель", "IT-эксперт", "активист-волонтер"), or a short form ("замакима")."""
    if not word[:1].isalpha() or (word.isupper() and len(word) <= 4):
        return None  # an abbreviation, not "ПРЕДСЕДАТЕЛЬ" in a caption
    synonyms = pairs("post_nouns.txt", "synonyms")
    if fold(word) in synonyms:
        return synonyms[fold(word)]
    found = lemmas(word)
    short = sorted(found & set(synonyms))
    if short and word[:1].islower():
        return synonyms[short[0]]  # "первого зама": a short form declined
    roles = words("post_nouns.txt", "roles")
    found &= roles
    if not found and "-" in word:
        found = lemmas(word.rsplit("-", 1)[1]) & roles
    return min(found) if found else None


def _role_phrases(doc: RuDocument, names: set[int]) -> list[RolePhrase]:
    out: list[RolePhrase] = []
    i, n = 0, len(doc.tokens)
    modifiers = words("post_nouns.txt", "modifiers")
    while i < n:
        role = _role_lemma(doc.word(i)) if i not in names else None
        if role is None:
            i += 1
            continue
        if i > 0 and _honorary(doc.word(i - 1)):
            i += 1  # "заслуженный учитель Казахстана": an honorary title, not a post held
            continue
        first = i
        while first - 1 >= 0 and doc.sentence_of[first - 1] == doc.sentence_of[i] and (
                lemmas(doc.word(first - 1)) & modifiers or fold(doc.word(first - 1)) in modifiers):
            first -= 1
        last = i
        while last + 1 < n and last + 1 not in names:
            k = last + 1
            while k < n and k - last <= 2 and (lemmas(doc.word(k)) & modifiers) and _is_case(doc.word(k), "gent"):
                k += 1  # "заместитель генерального директора"
            if k == last + 1 and last == i and k + 1 < n and doc.word(k) == "." and fold(doc.word(i)) in pairs("post_nouns.txt", "synonyms") \
                    and _genitive_role(doc.word(k + 1)):
                k += 1  # "Зам. акима области": an abbreviation's full stop
            word = doc.word(k) if k < n else ""
            board = board_at(doc, k)
            if board is not None and k not in names and _is_case(doc.word(k), "gent"):
                last = board  # "председатель попечительского совета фонда «Дара»": the board's
                continue  # role is held in the body after it
            if k in names or not (_genitive_role(word) or (lemmas(word) & words("post_nouns.txt", "boards") and _is_case(word, "gent"))):
                break
            last = k  # "заместитель председателя", "заместитель акима", "председатель правления"
        if role == "глава" and last + 1 < n and fold(doc.word(last + 1)) == "государства":
            role, last = "глава государства", last + 1
        out.append(RolePhrase(first, i, last, role))
        i = last + 1
    return out


def _honorary(word: str) -> bool:
    """Whether ``word`` is an adjective of an honorary title ("заслуженный", "почётная"; the
    stems of [honorary] in post_nouns.txt: the dictionary reads "заслуженный" as a participle)."""
    return fold(word).startswith(tuple(words("post_nouns.txt", "honorary")))


def _before_acting(doc: RuDocument, first: int) -> int:
    """The first token of an acting marker right before token ``first`` ("и.о.", "врио":
    [acting] of post_nouns.txt, as tokens), or ``first`` when none stands there."""
    for line in entries("post_nouns.txt", "acting"):
        marker = line.split()
        start = first - len(marker)
        if start >= 0 and [fold(doc.word(k)) for k in range(start, first)] == marker:
            return start
    return first


def _genitive_role(word: str) -> bool:
    """Whether ``word`` is a post noun in the genitive ("председателя", "акима"): a genitive
    reading whose own lemma is the post noun — "аким" read as the genitive plural of "акима" is
    not ("Года волонтера аким Алматы" has two roles, not "волонтер акима")."""
    roles = words("post_nouns.txt", "roles")
    synonyms = pairs("post_nouns.txt", "synonyms")
    return any(p.tag.case == "gent" and (fold(p.normal_form) in roles or fold(p.normal_form) in synonyms)
               for p in parses(word)[:4]) or (fold(word) in synonyms and _is_case(word, "gent"))


def _form_head(doc: RuDocument, org: RuOrgMention) -> str:
    """The type noun the legal form opening ``org`` abbreviates ("ОО «Нур»" → объединение)."""
    return pairs("org_types.txt", "form_heads").get(fold(doc.word(org.first)), "")


def _is_plural(word: str) -> bool:
    readings = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(readings) and readings[0].tag.number == "plur"


def _is_case(word: str, case: str) -> bool:
    return any(p.tag.case == case for p in parses(word)[:4])


def _territorial(doc: RuDocument, phrase: RolePhrase) -> bool:
    """Whether a role names an official of a territory: аким or глава (or their deputy), of a
    place or with none ("аким Туркестанской области", "заместитель акима района", "аким")."""
    territorial = words("post_nouns.txt", "territorial")
    if phrase.role == "глава государства" or phrase.role == "аким":
        return True
    if phrase.role == "глава":
        # "глава региона", "глава города"; "глава ассоциации предпринимателей" heads a body
        nxt = phrase.last + 1
        return nxt >= len(doc.tokens) or not doc.word(nxt)[:1].isalpha() or bool(
            lemmas(doc.word(nxt)) & (words("post_nouns.txt", "territory") | {"государство"})) or doc.word(nxt)[:1].isupper()
    return any(lemmas(doc.word(k)) & territorial for k in range(phrase.head + 1, phrase.last + 1))


class _Finder:
    def __init__(self, doc: RuDocument, persons: list[RuPersonMention], orgs: list[RuOrgMention]) -> None:
        self.doc = doc
        self.person_at = {m.first: m for m in persons if m.person is not None}
        self.person_ending = {m.last: m for m in persons if m.person is not None}
        self.org_at = {m.first: m for m in orgs}
        self.orgs = orgs
        names = {k for m in self.person_at.values() for k in range(m.first, m.last + 1)}
        inside_orgs = {k for m in orgs for k in range(m.first, m.last + 1) if k != m.first}
        # a post noun inside a body's name is no role ("Администрации Президента РК Даурен Абаев")
        self.phrases = [p for p in _role_phrases(doc, names) if p.head not in inside_orgs]
        self.phrase_at: dict[int, RolePhrase] = {}  # role phrases by their first token
        for p in self.phrases:
            self.phrase_at.setdefault(p.first, p)
        self.posts: list[Post] = []
        self.seen: set[tuple[str, str, str | None]] = set()
        self._bodies: dict[int, tuple[RuOrgMention | None, int]] = {}

    def _respectively(self, phrase: RolePhrase) -> list[tuple[RuPersonMention, RuOrgMention]]:
        """"руководители общественных объединений «А», движение «Б», «В» X, Y, Z соответственно":
        a plural role, a list of bodies, as many people and "соответственно" — each person
        holds the role in the body of the same rank."""
        doc, n = self.doc, len(self.doc.tokens)
        if not _is_plural(doc.word(phrase.head)):
            return []
        k = phrase.last + 1
        while k < n and k not in self.org_at and k - phrase.last <= 4 and k not in self.person_at \
                and doc.sentence_of[k] == doc.sentence_of[phrase.head]:
            k += 1  # the bodies' type noun in the genitive plural, an opening quotation mark
        bodies: list[RuOrgMention] = []
        while k < n and k in self.org_at:
            bodies.append(self.org_at[k])
            k = self.org_at[k].last + 1
            while k < n and doc.word(k) in _LIST_GLUE and k not in self.org_at and k not in self.person_at:
                k += 1
            if k < n and k not in self.org_at and k not in self.person_at and k + 1 in self.org_at \
                    and doc.word(k)[:1].islower():
                k += 1  # "…, волонтерское движение «Б»": a type word the body's mention leaves out
        people: list[RuPersonMention] = []
        while k < n and k in self.person_at:
            people.append(self.person_at[k])
            k = self.person_at[k].last + 1
            while k < n and doc.word(k) in (",", "и"):
                k += 1
        if len(bodies) < 2 or len(people) != len(bodies) or k >= n or fold(doc.word(k)) != "соответственно":
            return []
        return list(zip(people, bodies))

    def run(self) -> list[Post]:
        for phrase in self.phrases:
            for person, body in self._respectively(phrase):
                self.add(person, phrase, body, "ru-role-respectively")
        led: dict[int, RuPersonMention] = {}  # last token of a role's words → its holder before it
        # right to left, so that "руководитель, соучредитель Urban Forum Kazakhstan X" knows the
        # second role's holder and body when it reaches the first
        held: dict[int, tuple[list[RuPersonMention], RuOrgMention | None]] = {}
        for index in range(len(self.phrases) - 1, -1, -1):
            phrase = self.phrases[index]
            org, after = self._body_after(phrase)
            holders = self._holders_after(phrase, after)
            if not holders and index + 1 < len(self.phrases) and after + 2 == self.phrases[index + 1].first \
                    and self.doc.word(after + 1) in {",", "и"} | _DASHES and index + 1 in held:
                holders, next_org = held[index + 1]
                if org is None and phrase.role in words("post_nouns.txt", "body_roles") \
                        and after == phrase.last and not _territorial(self.doc, phrase):
                    org = next_org  # not "Заместитель акима области, председатель ассамблеи X"
            if holders:
                held[index] = (holders, org)
                for holder in holders:
                    self.add(holder, phrase, org, "ru-role-person")
                if phrase.first > 0 and fold(self.doc.word(phrase.first - 1)) in words("post_nouns.txt", "position_nouns"):
                    # "X сменил на посту главы области Y": Y held it, and X, who took it, holds it
                    taker = self._taker(phrase, after)
                    if taker is not None and taker not in holders:
                        self.add(taker, phrase, org, "ru-taken-role")
                if org is not None and len(holders) == 1 and _is_plural(self.doc.word(phrase.head)):
                    for other, own in self._interleaved(holders[0]):
                        self.add(other, phrase, own, "ru-role-person")
        for index, phrase in enumerate(self.phrases):
            if index in held:
                continue
            org, after = self._body_after(phrase)
            leaders = self._leaders_before(phrase, after)
            if not leaders and phrase.first >= 2 and self.doc.word(phrase.first - 1) in (",", "и") \
                    and (phrase.first - 2) in led:
                # "Светлана Романовская, депутат Мажилиса и президент …": the same person's
                leaders = [led[phrase.first - 2]]
            if leaders:
                led[after] = leaders[-1]
                for leader in leaders:
                    self.add(leader, phrase, org, "ru-person-role")
                continue
            taker = self._taker(phrase, after) or self._dated_predicate(phrase)
            if taker is not None:
                if org is None and after + 2 < len(self.doc.tokens) and fold(self.doc.word(after + 1)) in words("post_nouns.txt", "workplace_prepositions") \
                        and after + 2 in self.org_at and not _territorial(self.doc, phrase):
                    org = self.org_at[after + 2]  # "работал консультантом на Талгарском … предприятии КОСа"
                self.add(taker, phrase, org, "ru-taken-role")
                for other in self._replaced(phrase, taker):
                    self.add(other, phrase, org, "ru-taken-role")  # "X сменил на посту главы области Y"
                if org is None and _territorial(self.doc, phrase):
                    for other in self._elliptic_takers(phrase, after, taker):
                        self.add(other, phrase, None, "ru-taken-role")
                for other in self._listed_with(taker) if _is_plural(self.doc.word(phrase.head)) else []:
                    self.add(other, phrase, org, "ru-taken-role")  # "Членами совета стали X и Y"
        self._pronoun_taken()
        self._replaced_in_post_before()
        self._leads()
        self._joined()
        self.posts.sort(key=lambda post: post.mention.start)
        return self.posts

    def _leads(self) -> None:
        """"X возглавляет ОО «Жастар»", "ОО «Жастар» возглавляет X", "фонд «…», который
        возглавляет X", "X, которая руководит центром «…»": a verb of leading ([leading_verbs] of
        post_nouns.txt) between a person and a body named next to it gives the person the
        verb's role there; a territory led ("возглавлял Сайрамский район") names no body."""
        doc = self.doc
        verbs = pairs("post_nouns.txt", "leading_verbs")
        ending = {m.last: m for m in self.orgs}
        for k in range(1, len(doc.tokens) - 1):
            found = next(((verbs[fold(p.normal_form)], p.tag.POS) for p in parses(doc.word(k))[:3]
                          if p.tag.POS in ("VERB", "PRTF") and fold(p.normal_form) in verbs), None)
            if found is None:
                continue
            role, pos = found
            if pos == "PRTF":
                # "X, возглавляющая ОФ «Добро»,": the participle after its person and a comma
                person, org = self.person_ending.get(k - 2) if doc.word(k - 1) == "," else None, self.org_at.get(k + 1)
                if person is not None and org is not None:  # the participle agrees with them, in any case
                    self.add(person, RolePhrase(k, k, k, role), org, "ru-person-leads")
                continue
            relative = k >= 3 and doc.word(k - 2) == "," and fold(doc.word(k - 1)) in words("post_nouns.txt", "relative_pronouns")
            person, org = self.person_ending.get(k - 1), self.org_at.get(k + 1)
            if person is None and relative:
                person = self.person_ending.get(k - 3)  # "X, который возглавляет ОО «Жастар»"
            if person is None or not person.case_nominative:
                person, org = self.person_at.get(k + 1), ending.get(k - 1)
                if org is None and relative:
                    org = ending.get(k - 3)  # "фонд «…», который возглавляет X"
            if person is None or org is None or not person.case_nominative:
                continue
            phrase = RolePhrase(k, k, k, role)
            self.add(person, phrase, org, "ru-person-leads")

    def _joined(self) -> None:
        """"В состав общественного совета вошли X, Y и Z", "X вошла в состав совета": whoever
        joins the make-up of a body ("в состав", then the body in the genitive) by a verb of
        joining ([joining_verbs] of post_nouns.txt) is its member."""
        doc, n = self.doc, len(self.doc.tokens)
        verbs = words("post_nouns.txt", "joining_verbs")

        def joins(k: int) -> bool:
            return 0 <= k < n and any(p.tag.POS in ("VERB", "PRTS") and fold(p.normal_form) in verbs
                                      for p in parses(doc.word(k))[:2])

        for k in range(1, n - 1):
            if fold(doc.word(k)) != "состав" or fold(doc.word(k - 1)) != "в" or k + 1 not in self.org_at:
                continue
            org = self.org_at[k + 1]
            if joins(org.last + 1) and org.last + 2 in self.person_at:
                first = self.person_at[org.last + 2]
                members = [first, *self._listed_with(first)]
            elif joins(k - 2) and k - 3 in self.person_ending:
                members = [self.person_ending[k - 3]]
            else:
                continue
            phrase = RolePhrase(k, k, k, "член")
            for member in members:
                if member.case_nominative:
                    self.add(member, phrase, org, "ru-person-joined")

    def _pronoun_taken(self) -> None:
        """"… избрали секретаря городского маслихата. Им стал Жанат Нурпиисов": the first person
        after "Им стал" opening a sentence or a line takes the role the sentence or line before
        named last (a headline too: "Избран новый председатель общественного совета")."""
        doc = self.doc
        openings = {tuple(line.split()) for line in entries("post_nouns.txt", "pronoun_taking")}
        for k in range(1, len(doc.tokens) - 2):
            if (fold(doc.word(k)), fold(doc.word(k + 1))) not in openings or not doc.word(k)[:1].isupper():
                continue
            opens = doc.sentences[doc.sentence_of[k]].first == k or "\n" in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start]
            if not opens:
                continue
            sentence = doc.sentence_of[k]
            person = next((self.person_at[j] for j in range(k + 2, len(doc.tokens))
                           if doc.sentence_of[j] == sentence and j in self.person_at), None)
            before = [p for p in self.phrases if p.head < k and doc.sentence_of[p.head] >= sentence - 1]
            if person is None or not before:
                continue
            phrase = before[-1]
            org, _ = self._body_after(phrase)
            self.add(person, phrase, org, "ru-taken-role")

    def _replaced_in_post_before(self) -> None:
        """"Первый заместитель акима города — Айдын Каримов. … На этом посту он сменил Куаныша
        Асылова": the post the sentence before named last ("этом посту", [this_post]) was held by
        whom a verb of replacing names, not in the nominative."""
        doc = self.doc
        this_post = {tuple(line.split()) for line in entries("post_nouns.txt", "this_post")}
        for k in range(len(doc.tokens) - 1):
            if (fold(doc.word(k)), fold(doc.word(k + 1))) not in this_post:
                continue
            first, last = self._clause(k)
            verb = self._replacing_verb(first, last)
            sentence = doc.sentence_of[k]
            before = [p for p in self.phrases if doc.sentence_of[p.head] in (sentence - 1, sentence - 2) and p.head < k]
            if verb is None or not before:
                continue
            replaced = next((m for m in sorted(self.person_at.values(), key=lambda m: m.first)
                             if verb < m.first <= last and not m.case_nominative), None)
            if replaced is not None:
                phrase = before[-1]
                self.add(replaced, phrase, self._body_after(phrase)[0], "ru-taken-role")

    def _body_after(self, phrase: RolePhrase) -> tuple[RuOrgMention | None, int]:
        """(the organisation the role's genitives name, the last token of the role's words),
        found once per role phrase."""
        found = self._bodies.get(phrase.first)
        if found is None:
            found = self._bodies[phrase.first] = self._find_body_after(phrase)
        return found

    def _find_body_after(self, phrase: RolePhrase) -> tuple[RuOrgMention | None, int]:
        doc, k = self.doc, phrase.last + 1
        if k < len(doc.tokens) and fold(doc.word(k)) == "по" and k not in self.org_at:
            # "директор по развитию ОФ «Дара»": the post's field, then its body
            j = k + 1
            while j < len(doc.tokens) and j - k <= 5 and j not in self.org_at and j not in self.person_at \
                    and doc.word(j)[:1].islower() and doc.word(j)[:1].isalpha():
                j += 1
            if j in self.org_at and j > k + 1:
                k = j
        org = self.org_at.get(k)
        if org is None and k + 1 < len(doc.tokens) and doc.word(k) in _OPENING and k + 1 in self.org_at:
            # "Председатель «Жастар» Айгуль Сейтова": a body named again by its quoted name alone
            org = self.org_at[k + 1]
            if org.last + 1 < len(doc.tokens) and doc.word(org.last + 1) in _CLOSING:
                territorial = _territorial(doc, phrase)
                return (None if territorial else org), org.last + 1
        # "глава Аральской ассоциации …" heads the body named after it, "глава района" no body
        territorial = _territorial(doc, phrase) and not (phrase.role == "глава" and org is not None)
        if org is not None:
            return (None if territorial else org), org.last
        # a territory or other genitives ("акима области", "отдела культуры района")
        end = phrase.last
        while end + 1 < len(doc.tokens) and end + 1 not in self.person_at and end - phrase.last < _GAP \
                and doc.sentence_of[end + 1] == doc.sentence_of[phrase.head]:
            word = doc.word(end + 1)
            if word == "и" and end > phrase.last and end + 2 < len(doc.tokens) and end + 2 not in self.person_at \
                    and _is_case(doc.word(end + 2), "gent") and not _role_lemma(doc.word(end + 2)):
                end += 1  # "министр науки и высшего образования"
                continue
            if word in ("№", "#") or (word.isdigit() and end > phrase.last):
                end += 1  # "директор школы № 5"
                continue
            if abbreviated_town(doc, end + 1) and end + 3 not in self.person_at:
                end += 3  # "аким г. Шымкента": a town abbreviated
                continue
            if word in _OPENING and end > phrase.last:
                close = next((j for j in range(end + 2, min(end + 12, len(doc.tokens))) if doc.word(j) in _CLOSING), None)
                if close is not None and close + 1 in self.org_at:
                    # "руководитель проекта «Жасыл ел» ОФ «Дара»": a project's name, then its body
                    inner = self.org_at[close + 1]
                    return (None if territorial else inner), inner.last
            if phrase.role in words("post_nouns.txt", "instrumental_roles") and end - phrase.last < 3 \
                    and all(_is_case(doc.word(k), "ablt") for k in range(phrase.last + 1, end + 2)):
                end += 1  # "заведующий Секретариатом Ассамблеи …": the role governs the instrumental
                if end + 1 in self.org_at:
                    inner = self.org_at[end + 1]
                    return (None if territorial else inner), inner.last
                continue
            if not (word[:1].isalpha() and (_is_case(word, "gent") or (word.isupper() and len(word) <= 4))) \
                    or fold(word) in words("org_types.txt", "stop_after") or self._role_at(end + 1):
                break  # … or another role begins: "Года волонтера аким Алматы X"
            end += 1
            if end + 1 in self.org_at:
                inner = self.org_at[end + 1]
                return (None if territorial else inner), inner.last
        return None, end

    def _holders_after(self, phrase: RolePhrase, after: int) -> list[RuPersonMention]:
        """The person right after the role's words ("председатель – Айгерим Турсынова", "…
        ОО «Ассамблея жастары» области Зульфия Набиулина"); after a plural role, every person
        of the list ("вице-президенты Анар Фазылжан, Шерубай Курманбайулы")."""
        doc, k = self.doc, after + 1
        territory = words("post_nouns.txt", "territory")
        while k < len(doc.tokens) and k not in self.person_at and k - after <= 2 \
                and fold(doc.word(k)) not in words("post_nouns.txt", "place_abbreviations") \
                and "\n" not in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start] and not _role_lemma(doc.word(k)) and (
                (doc.word(k)[:1].islower() and lemmas(doc.word(k)) & territory)
                or (doc.word(k)[:1].isupper() and is_place(doc.word(k)))
                # "акима поселка Зачаганск X": a settlement's name after its noun, known or not
                or (doc.word(k)[:1].isupper() and k + 1 in self.person_at
                    and lemmas(doc.word(k - 1)) & words("org_types.txt", "apposed_places"))
                or (doc.word(k)[:1].isupper() and k + 1 < len(doc.tokens) and doc.word(k + 1)[:1].islower()
                    and lemmas(doc.word(k + 1)) & territory)):
            # "… области", "… Союза журналистов Казахстана", "«Жастар» Шымкентского района": a place
            # the body's name left out
            k += 1
        k = self._past_qualifiers(k)
        if k < len(doc.tokens) and k in self.org_at and self.org_at[k].case == "gent" and self.org_at[k].last + 1 in self.person_at:
            k = self.org_at[k].last + 1  # "… Ассамблеи народа Казахстана Администрации Президента X": the body's own body
        if k < len(doc.tokens) and doc.word(k) == "(":
            # "координатор Дома мамы № 1 (ОФ “Ана Үйі”) Майра Турсынбаева"
            close = next((j for j in range(k + 1, min(k + 12, len(doc.tokens))) if doc.word(j) == ")"), None)
            if close is not None and close + 1 in self.person_at:
                k = close + 1
        if k < len(doc.tokens) and doc.word(k) in _DASHES and k + 1 in self.person_at:
            k += 1
        if k < len(doc.tokens) and doc.word(k) == ":" and k + 1 in self.person_at and _is_plural(doc.word(phrase.head)) \
                and self._body_after(phrase)[0] is not None:
            k += 1  # "члены общественного совета: X, Y и Z" (not "руководители НПО: …", of no one body)
        if k + 1 < len(doc.tokens) and doc.word(k) == "," and k + 1 in self.person_at:
            # "руководитель фонда, Айгуль Сейтова, отметила": the name set off by commas
            person = self.person_at[k + 1]
            if person.last + 1 < len(doc.tokens) and doc.word(person.last + 1) == ",":
                k += 1
        first = self.person_at.get(k)
        if first is None or (after + 1 < len(doc.tokens)
                             and "\n" in doc.text[doc.tokens[after].end : doc.tokens[min(k, len(doc.tokens) - 1)].start]):
            return []  # a headline's role is not the next line's person
        if phrase.first > 0 and fold(doc.word(phrase.first - 1)) in words("post_nouns.txt", "issuing") \
                and first.text == first.nominative:
            return []  # "Указом Главы государства Ерлан Сапаров назначен …": the decree's author, not his post
        if phrase.first > 0 and lemmas(doc.word(phrase.first - 1)) & words("post_nouns.txt", "kinship"):
            return []  # "Супруга акима Гульнара Ахметова": the holder's relative
        plural = _is_plural(doc.word(phrase.head))
        if plural and first.case_nominative and not _is_case(doc.word(phrase.head), "nomn"):
            return []  # "В присутствии депутатов маслихата Ерлан Тулегенов вручил …": the subject
        return [first, *self._listed_with(first)] if plural else [first]

    def _past_qualifiers(self, k: int) -> int:
        """The token after what may qualify a post between its body and its holder: a town
        abbreviated ("г. Шымкента"), a field ("по социальным вопросам"), the party a deputy
        stands for ("от партии AMANAT"); ``k`` itself when none stands there."""
        doc, n = self.doc, len(self.doc.tokens)
        word = fold(doc.word(k)) if k < n else ""
        if abbreviated_town(doc, k):
            return k + 3 if k + 3 in self.person_at else k
        if word == "по":
            for j in range(k + 1, min(k + 5, n)):
                if fold(doc.word(j)) in words("org_types.txt", "field_nouns"):
                    end = j
                    while end + 1 < n and end + 1 not in self.person_at and end - j < 3 and _is_case(doc.word(end + 1), "gent"):
                        end += 1
                    return end + 1 if end + 1 in self.person_at else k
            j = k + 1
            while j < n and j - k <= 4 and j not in self.person_at and doc.word(j)[:1].islower() and _is_case(doc.word(j), "datv"):
                j += 1  # "заместитель директора по учебной работе X"
            if j > k + 1 and j < n and fold(doc.word(j)) in ("с", "со"):
                # "… по работе с молодежью X", "… по связям с общественностью X"
                end = j + 1
                while end < n and end - j <= 2 and end not in self.person_at and doc.word(end)[:1].islower() \
                        and _is_case(doc.word(end), "ablt"):
                    end += 1
                j = end if end > j + 1 else j
            if j > k + 1 and j in self.person_at:
                return j
        if word in words("post_nouns.txt", "place_prepositions"):
            # "… АО «Казпочта» в Шымкенте X", "… ОО «Нур» по Туркестанской области X": where
            j = k + 1
            while j < n and j - k <= 3 and j not in self.person_at and doc.word(j)[:1].isalpha() and (
                    is_place(doc.word(j)) or lemmas(doc.word(j)) & words("post_nouns.txt", "territory")
                    or (doc.word(j)[:1].isupper() and j + 1 < n and lemmas(doc.word(j + 1)) & words("post_nouns.txt", "territory"))):
                j += 1
            if j > k + 1 and j in self.person_at:
                return j
        if word == "от" and k + 1 in self.org_at and self.org_at[k + 1].last + 1 in self.person_at:
            return self.org_at[k + 1].last + 1
        if k + 2 < n and fold(doc.word(k + 1)) in words("org_types.txt", "convocations") and k + 2 in self.person_at:
            return k + 2  # "депутат маслихата восьмого созыва X": the body's convocation
        if word == "," and k + 1 < n and (_honorary(doc.word(k + 1)) or lemmas(doc.word(k + 1)) & words("post_nouns.txt", "degrees")):
            # "председатель совета ветеранов, почетный гражданин области X", "…, кандидат
            # исторических наук X": a title or degree between the post and its holder
            j = k + 1
            while j < n and j - k <= 6 and j not in self.person_at and doc.word(j)[:1].isalpha():
                j += 1
            if j in self.person_at:
                return j
        return k

    def _leader_before(self, phrase: RolePhrase, after: int) -> RuPersonMention | None:
        """PERSON, ROLE …, PERSON – ROLE … or PERSON (ROLE …), the role's words ending its clause."""
        doc, k = self.doc, _before_acting(self.doc, phrase.first) - 1
        if k < 1 or doc.word(k) not in ({",", "("} | _DASHES):  # "X (председатель ОО «Y»)" too
            return None
        leader = self.person_ending.get(k - 1)
        pronoun = fold(doc.word(k - 1))
        if leader is None and doc.word(k) in _DASHES and pronoun in words("speech_verbs.txt", "pronouns") \
                and doc.sentences[doc.sentence_of[k - 1]].first == k - 1:
            # "… провела Гульнара Ахметова. Она — председатель ОО «Ак ниет».": the person named
            # in the sentence before, of the pronoun's gender
            leader = self._pronoun_referent(doc.sentence_of[k - 1], pronoun)
        if leader is None and doc.word(k) == ",":
            leader = self._described_before(k)
        if leader is None:
            return None
        end = after + 1
        if end + 1 < len(doc.tokens) and doc.word(end) == "и" and self._role_at(end + 1):
            return leader  # "Романовская, депутат Мажилиса и президент …"
        if end < len(doc.tokens) and fold(doc.word(end)) in words("post_nouns.txt", "place_prepositions"):
            # "Айгуль Сейтова, руководитель филиала ОО «Ана» в Шымкенте, …": a place after the body
            tail = end + 1
            while tail < len(doc.tokens) and tail - end <= 3 and doc.word(tail)[:1].isalpha() \
                    and not self._role_at(tail) and tail not in self.person_at:
                tail += 1
            if tail - end >= 2 and tail < len(doc.tokens) and doc.word(tail) in {",", ".", ";", ")"}:
                end = tail
        if end < len(doc.tokens) and doc.sentence_of[end] == doc.sentence_of[phrase.head] \
                and doc.word(end) not in {",", ".", ";", ":", ")", "!", "?"} | _DASHES and not self._role_at(end):
            return None  # "Каримова, председатель и члены …" is a list, not her post
        return leader

    def _described_before(self, comma: int) -> RuPersonMention | None:
        """The person before a short description that stands between them and their post
        ("Гульнара Ахметова, 45 лет, председатель …", "… — мать пятерых детей, председатель
        …"): a few words in lower case or numbers, no person, body or role among them."""
        doc = self.doc
        j = comma - 1
        while j > 0 and comma - j <= 4 and doc.word(j) not in {","} | _DASHES:
            word = doc.word(j)
            if j in self.person_ending or j in self.org_at or self._role_at(j) \
                    or not (word.isdigit() or (word[:1].isalpha() and word[:1].islower())) \
                    or any(p.tag.POS in ("VERB", "INFN", "GRND") for p in parses(word)[:1]):
                return None  # "X поблагодарил волонтеров, председатель …" is no description
            j -= 1
        if j == comma - 1 or doc.word(j) not in {","} | _DASHES or doc.sentence_of[j] != doc.sentence_of[comma]:
            return None
        return self.person_ending.get(j - 1)

    def _leaders_before(self, phrase: RolePhrase, after: int) -> list[RuPersonMention]:
        """"Алексей Верещагин и Таймас Телеушев, члены Союза художников": a plural role after
        a list of persons is each one's."""
        leader = self._leader_before(phrase, after)
        if leader is None or not _is_plural(self.doc.word(phrase.head)):
            return [leader] if leader is not None else []
        found = [leader]
        while found[0].first >= 2 and self.doc.word(found[0].first - 1) in (",", "и") \
                and (found[0].first - 2) in self.person_ending:
            found.insert(0, self.person_ending[found[0].first - 2])
        # one person is no plural's holder: "председатель совета X, руководители областных
        # ведомств, депутаты …" lists other people
        return found if len(found) > 1 else []

    def _interleaved(self, first: RuPersonMention) -> list[tuple[RuPersonMention, RuOrgMention]]:
        """"Руководители ОО «Жастар» X и ОФ «Шанс» Y": after a plural role's first body and
        holder, each further body and the person right after it."""
        found: list[tuple[RuPersonMention, RuOrgMention]] = []
        k = first.last + 1
        while k + 1 < len(self.doc.tokens) and self.doc.word(k) in (",", "и") and k + 1 in self.org_at:
            own = self.org_at[k + 1]
            person = self.person_at.get(own.last + 1)
            if person is None:
                break
            found.append((person, own))
            k = person.last + 1
        return found

    def _listed_with(self, first: RuPersonMention) -> list[RuPersonMention]:
        """The persons listed after ``first``, joined by commas and "и"."""
        found: list[RuPersonMention] = []
        current = first
        while current.last + 2 < len(self.doc.tokens) and self.doc.word(current.last + 1) in (",", "и") \
                and current.last + 2 in self.person_at:
            current = self.person_at[current.last + 2]
            found.append(current)
        return found

    def _role_at(self, k: int) -> bool:
        return k in self.phrase_at

    def _taker(self, phrase: RolePhrase, after: int) -> RuPersonMention | None:
        """"председателем совета был выбран X", "X назначен акимом района", "Акимом района
        стал X": a role in the instrumental with a verb of taking a post in its sentence."""
        doc = self.doc
        # "на должность акима", "временно исполняющим обязанности акима": the post named in the
        # genitive after a noun of position, before the role or among its modifiers
        position = any(fold(doc.word(k)) in words("post_nouns.txt", "position_nouns")
                       for k in range(max(0, phrase.first - 1), phrase.head))
        if not (_is_case(doc.word(phrase.head), "ablt") or position):
            return None  # "… избран на должность акима района" names the post in the genitive
        first, last = self._clause(phrase.head)
        taking = words("post_nouns.txt", "taking")
        verbs = [k for k in range(first, last + 1)
                 if any(fold(p.normal_form) in taking for p in parses(doc.word(k))[:2] if p.tag.POS in ("VERB", "PRTS", "INFN", "PRTF"))]
        if not verbs:
            return None
        participle = verbs[0]
        if participle >= 2 and doc.word(participle - 1) == "," and participle - 2 in self.person_ending \
                and not any(p.tag.POS in ("VERB", "PRTS", "INFN") for p in parses(doc.word(participle))[:2]):
            # "поздравил Айгуль Сейтову, избранную председателем совета": the participle's person
            return self.person_ending[participle - 2]
        in_clause = [m for m in self.person_at.values() if first <= m.first <= last]
        # "председателем совета был выбран X" names X in the nominative; "председателем
        # Respublica избрали Айдарбека Ходжаназарова" in the accusative
        people = [m for m in in_clause if m.case_nominative] or [m for m in in_clause if m.first > phrase.head] or [
            # "Делегаты избрали Ерлана Сапарова председателем …": the object right before the role
            m for m in in_clause if m.last + 1 == phrase.first and any(v < m.first for v in verbs)] or [
            # "Ерлана Сапарова (единогласно) избрали председателем …": the object, then the verb
            m for m in in_clause if self._verb_between(m.last + 1, phrase.first, verbs)]
        if not people:
            return self._pronoun_subject(first, verbs[0]) or self._unnamed_subject(first, verbs[0])
        return min(people, key=lambda m: abs(m.first - phrase.head))

    def _verb_between(self, start: int, end: int, verbs: list[int]) -> bool:
        """Whether tokens ``start`` … ``end - 1`` are one of ``verbs`` and adverbs only, and
        after the verb a noun of position ("Ерлана Сапарова назначили на должность руководителя …")."""
        inside = range(start, end)
        verb = next((v for v in verbs if v in inside), None)
        if verb is None:
            return False
        position = words("post_nouns.txt", "position_nouns")
        return all(
            k in verbs or any(p.tag.POS == "ADVB" for p in parses(self.doc.word(k))[:1])
            or k > verb and (self.doc.word(k).lower() == "на" or fold(self.doc.word(k)) in position) for k in inside)

    def _replaced(self, phrase: RolePhrase, taker: RuPersonMention) -> list[RuPersonMention]:
        """"Малик Мурзалин сменил на посту главы Акмолинской области Сергея Кулагина", "На этом
        посту он сменил Куаныша Асылова": whom the taker replaced held the post before him —
        the person after a verb of replacing ([replacing]) in its clause, not in the nominative."""
        first, last = self._clause(phrase.head)
        verb = self._replacing_verb(first, last)
        if verb is None:
            return []
        return [m for m in self.person_at.values() if verb < m.first <= last and m is not taker and not m.case_nominative][:1]

    def _replacing_verb(self, first: int, last: int) -> int | None:
        """The first verb of replacing someone in a post ([replacing]) among tokens ``first``–``last``."""
        replacing = words("post_nouns.txt", "replacing")
        return next((k for k in range(first, last + 1) if any(
            fold(p.normal_form) in replacing for p in parses(self.doc.word(k))[:1] if p.tag.POS == "VERB")), None)

    def _named_before(self, sentence: int, back: int, gender: str | None = None) -> RuPersonMention | None:
        """The person named last in the nominative in the ``back`` sentences before
        ``sentence``, of ``gender`` (or of a name that shows none) when given."""
        doc = self.doc
        earlier = [m for m in self.person_at.values() if sentence - back <= doc.sentence_of[m.first] < sentence
                   and m.case_nominative and m.person is not None
                   and (gender is None or person_gender(m.person.name) in (None, gender))]
        return max(earlier, key=lambda m: m.first) if earlier else None

    def _dated_predicate(self, phrase: RolePhrase) -> RuPersonMention | None:
        """"Ерлан Сапаров родился в 1975 году. С 2015 по 2019 год — заместитель акима района":
        a dated line of a biography, a dash and a role, stands for the person whose life it
        tells — named in the nominative in one of the two sentences before."""
        doc = self.doc
        dash = phrase.first - 1
        if dash < 1 or doc.word(dash) not in _DASHES:
            return None
        first, _ = self._clause(phrase.head)
        dated = [doc.word(k) for k in range(first, dash)]
        time = words("post_nouns.txt", "time_words")
        if not dated or not any(w.isdigit() for w in dated) or not all(w.isdigit() or fold(w) in time for w in dated):
            return None
        return self._named_before(doc.sentence_of[phrase.head], 2)

    def _unnamed_subject(self, first: int, verb: int) -> RuPersonMention | None:
        """"52-летний Аксакалов - уроженец Костанайской области. … начинал трудовой путь главным
        инженером в совхозе, был секретарем Урицкого райкома партии": a past verb of holding
        with no subject in its part of the clause stands for the person named in the
        nominative in one of the two sentences before, of the verb's gender."""
        doc = self.doc
        tag = next((p.tag for p in parses(doc.word(verb))[:3] if p.tag.POS == "VERB" and p.tag.tense == "past"), None)
        if tag is None or tag.gender not in ("masc", "femn"):
            return None
        start = next((k + 1 for k in range(verb - 1, first - 1, -1) if doc.word(k) in {",", "—", "–", "(", ":"}), first)
        for k in range(start, verb):
            readings = parses(doc.word(k))
            if any(p.tag.POS in ("NOUN", "NPRO") and p.tag.case == "nomn" for p in readings[:1]) \
                    and not any(p.tag.case == "accs" for p in readings):
                return None  # the part has a subject of its own ("Трудовую деятельность" may be its object)
        return self._named_before(doc.sentence_of[verb], 2, str(tag.gender))

    def _elliptic_takers(self, phrase: RolePhrase, after: int, taker: RuPersonMention) -> list[RuPersonMention]:
        """"X назначен акимом Абайского района, Y – Бородулихинского", "Акимом Абайского района
        назначен X, Бородулихинского – Y": the same territorial post, its place given alone after
        a dash, taken by the others of the sentence."""
        doc, found = self.doc, []
        sentence = doc.sentence_of[phrase.head]
        k = max(taker.last, after) + 1
        territory = words("post_nouns.txt", "territory")

        def place(j: int) -> int:
            """The token after a place in the genitive starting at ``j`` (``j`` when none)."""
            end = j
            while end < len(doc.tokens) and end - j < 3 and doc.word(end)[:1].isalpha() and not self._role_at(end) \
                    and end not in self.person_at and _is_case(doc.word(end), "gent") \
                    and (end > j or doc.word(end)[:1].isupper() or any(p.tag.POS == "ADJF" for p in parses(doc.word(end))[:1])):
                end += 1
            named = any(doc.word(t)[:1].isupper() or not lemmas(doc.word(t)) & territory for t in range(j, end))
            return end if named else j

        while k + 3 < len(doc.tokens) and doc.sentence_of[k + 1] == sentence and doc.word(k) in {",", ";", "а"}:
            k += 1
            if doc.word(k) == "а":
                k += 1
            person = self.person_at.get(k)
            if person is not None and person.last + 1 < len(doc.tokens) and doc.word(person.last + 1) in _DASHES:
                end = place(person.last + 2)  # "Y – Бородулихинского"
                if end == person.last + 2:
                    break
                found.append(person)
                k = end
                continue
            end = place(k)  # "Бородулихинского – Y"
            if end == k or end + 1 >= len(doc.tokens) or doc.word(end) not in _DASHES or end + 1 not in self.person_at:
                break
            found.append(self.person_at[end + 1])
            k = self.person_at[end + 1].last + 1
        return found

    def _pronoun_subject(self, first: int, verb: int) -> RuPersonMention | None:
        """"На встрече присутствовал Ерлан Сапаров. Он является председателем совета": a
        pronoun opening the clause stands for the person named in the nominative in the
        sentence before, of its gender."""
        doc = self.doc
        # "Ранее он работал …", "С 2015 года она является …": a few words of time may open it
        at = next((j for j in range(first, min(first + 4, verb)) if fold(doc.word(j)) in words("speech_verbs.txt", "pronouns")
                   or j in self.person_at), None)
        if at is None or at in self.person_at:
            return None
        return self._pronoun_referent(doc.sentence_of[first], fold(doc.word(at)))

    def _pronoun_referent(self, sentence: int, pronoun: str) -> RuPersonMention | None:
        """Whom "он"/"она" opening ``sentence`` stands for: the person named last in the
        nominative in the sentence before, of the pronoun's gender."""
        return self._named_before(sentence, 1, "femn" if pronoun == "она" else "masc")

    def _clause(self, i: int) -> tuple[int, int]:
        """The tokens of the clause around token ``i``: its sentence, cut at semicolons and
        line breaks (a list of appointments is one sentence to the splitter)."""
        doc = self.doc
        sentence = doc.sentences[doc.sentence_of[i]]
        first, last = sentence.first, sentence.last
        for k in range(i, sentence.first, -1):
            if doc.word(k - 1) == ";" or "\n" in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start]:
                first = k
                break
        for k in range(i, sentence.last):
            if doc.word(k + 1) == ";" or "\n" in doc.text[doc.tokens[k].end : doc.tokens[k + 1].start]:
                last = k
                break
        return first, last

    def _guessed_body(self, phrase: RolePhrase) -> RuOrgMention | None:
        """The body of a role that names none: for a deputy, the one assembly the text names
        (or the last before); for another role of no territory, the body named last before it
        in its sentence or the one before ("… партии Respublica. А сопредседателями стали …")."""
        doc = self.doc
        if _territorial(doc, phrase) or phrase.role not in words("post_nouns.txt", "body_roles") | {"депутат"}:
            return None
        before = [m for m in self.orgs if m.last < phrase.first and m.type != "media"]
        if phrase.role == "депутат":
            assemblies = [m for m in before if m.head in words("post_nouns.txt", "deputy_bodies")]
            # a maslikhat the text names before any other assembly ("сессии городского маслихата
            # … похоже на заседание парламента Южной Кореи … депутата X")
            local = [m for m in assemblies if m.head == "маслихат"]
            return (local or assemblies)[-1] if assemblies else None
        sentence = doc.sentence_of[phrase.head]
        near = [m for m in before if sentence - 1 <= doc.sentence_of[m.last] <= sentence]
        return near[-1] if near else None

    def _names_other_body(self, phrase: RolePhrase, guessed: RuOrgMention) -> bool:
        """Whether the role's genitives name a body other than ``guessed`` ("директор школы №
        5" after "отдел образования"): nouns that are no territory, no place, inside no
        organisation found and without the guessed body's head ("глава ассоциации
        предпринимателей" is the association named before)."""
        org, after = self._body_after(phrase)
        if org is not None or after <= phrase.last:
            return False
        territory = words("post_nouns.txt", "territory")
        inside = {k for m in self.orgs for k in range(m.first, m.last + 1)}
        nouns = []
        for k in range(phrase.last + 1, after + 1):
            word = self.doc.word(k)
            top = parses(word)[:1]
            if top and top[0].tag.POS == "NOUN" and top[0].tag.case == "gent" and word[:1].islower() \
                    and not lemmas(word) & territory and not is_place(word) and k not in inside:
                nouns.append(word)
        head = guessed.head or _form_head(self.doc, guessed)
        return bool(nouns) and not (head and any(head in lemmas(word) for word in nouns))

    def _referred_body(self, phrase: RolePhrase) -> RuOrgMention | None:
        """The body a role refers back to: "президент ассоциации" after "Ассоциация «Ана»", a
        generic noun ("руководитель организации"), a possessive ("его основатель") — the last
        body named before it with that type noun anywhere before, any body in its sentence or
        the one before for the other two."""
        doc = self.doc
        if _territorial(doc, phrase):
            return None
        sentence = doc.sentence_of[phrase.head]
        earlier = [m for m in self.orgs if m.last < phrase.first and m.type != "media"]
        before = [m for m in earlier if sentence - 1 <= doc.sentence_of[m.last] <= sentence]
        org, after = self._body_after(phrase)
        if org is None and after > phrase.last:
            nouns = [lemmas(doc.word(k)) for k in range(phrase.last + 1, after + 1) if doc.word(k)[:1].islower()]
            if nouns and nouns[0] & words("org_types.txt", "generic_bodies"):
                return before[-1] if before else None
            if nouns:
                # "руководитель центра" sentences after "Центр поддержки НКО": its type noun
                # names the last body of that kind, however far back
                same = [m for m in earlier if (m.head or _form_head(doc, m)) in nouns[0]]
                return same[-1] if same else None
        if not before:
            return None
        if org is None and phrase.first > 0 and fold(doc.word(phrase.first - 1)) in words("org_types.txt", "possessives"):
            return before[-1]
        return None

    def add(self, person: RuPersonMention, phrase: RolePhrase, org: RuOrgMention | None, rule: str) -> None:
        assert person.person is not None
        if org is None and phrase.role not in words("post_nouns.txt", "territorial"):
            # "основатель и руководитель фонда «Береке»": two roles sharing the second's body
            k = phrase.last + 1
            nxt = self.phrase_at.get(k + 1) if k < len(self.doc.tokens) and self.doc.word(k) == "и" else None
            if nxt is not None:
                org = self._body_after(nxt)[0]
        if org is None and not rule.endswith("guessed"):
            referred = self._referred_body(phrase)
            if referred is not None:
                org, rule = referred, rule + "-guessed"
        if org is None and not rule.endswith("guessed"):
            guessed = self._guessed_body(phrase)
            if guessed is not None and pairs("post_nouns.txt", "territorial_in").get(phrase.role) == guessed.head:
                guessed = None  # "работал в акимате заместителем": a deputy akim, a territorial post
            if guessed is not None and not self._names_other_body(phrase, guessed):
                org, rule = guessed, rule + "-guessed"
        key = (person.person.name, phrase.role, org.name if org else None)
        if key in self.seen:
            return
        self.seen.add(key)
        doc = self.doc
        first = min(phrase.first, person.first)
        last = max(phrase.last, person.last)
        if org is not None and org.last <= last + 20:
            last = max(last, org.last)  # the body the post names, unless it stands far away
        start, end = doc.tokens[first].start, doc.tokens[last].end
        s, e = doc.sentence_span(phrase.head)
        self.posts.append(Post(
            person.person.name, phrase.role, org.name if org else None, doc.span_text(phrase.first, phrase.last),
            Mention(doc.text[start:end], start, end), Evidence(rule, RULES[rule], s, e),
        ))


def find_posts(doc: RuDocument, persons: list[RuPersonMention], orgs: list[RuOrgMention]) -> list[Post]:
    """The posts stated in ``doc``, one per person, role and organisation; a territory's
    "глава" is dropped for the person the text also calls its аким ("Аким Абайской области X
    …; Глава региона X подчеркнул" is one post)."""
    posts = _Finder(doc, persons, orgs).run()
    akims = {p.person for p in posts if p.role == "аким" and p.organization is None}
    return [p for p in posts if not (p.role == "глава" and p.organization is None and p.person in akims)]
