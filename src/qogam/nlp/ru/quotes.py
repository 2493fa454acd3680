"""Russian quotes: direct speech and who said it.

Shapes, each a rule of :data:`RULES`:

* «…», — сказал X / “…”, – отметила она / "…", - говорит аким — a quotation with its
  attribution after it (a dash, then a verb of speech of ``speech_verbs.txt``);
* X отметил: «…» / X: "…" — an attribution before a colon;
* — …, — сказала X. — … — a paragraph of dialogue opened by a dash, resumed after the
  attribution by the same speaker;
* X, должность: and the paragraph under it — a caption that announces the speech below.

The speaker is the person named in the attribution, or the one a pronoun ("подчеркнула она")
or a post ("сказал аким") stands for; a verb with no subject stands for the person named last.
Indirect speech ("отметил, что …") is no quote.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from qogam.nlp.extract.persons import GroupedMention, MentionIndex
from qogam.nlp.extract.results import Evidence, Mention, Post, Quote
from qogam.nlp.ru.lexicon import fold, pairs, words
from qogam.nlp.ru.morph import lemmas, parses
from qogam.nlp.ru.persons import RuPersonMention, person_gender

RULES: dict[str, float] = {
    "ru-quote-after": 0.85,  # «…», — сказал X
    "ru-quote-colon": 0.8,  # X отметил: «…»
    "ru-quote-dash": 0.8,  # — …, — сказала X.
    "ru-quote-caption": 0.75,  # X, должность: and the speech below
    "ru-quote-according": 0.75,  # По словам X, «…».
    "ru-quote-told-after": 0.75,  # «…». Об этом рассказал X.
}
_PAIRS = {"«": "»", "“": "”", "„": "“"}
_DASH = "—–-"
_ATTRIBUTION_AFTER = re.compile(r"\s*[,.!?…]*\s*[—–-]+\s*,?\s*(?P<verb>[^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+")
_OPENING_WORD = re.compile(r"\s*(?P<word>[^\W\d_]+)")  # the first word from an offset on


class _Speakers(MentionIndex):
    """Who is named where, and who holds which post: the lookups attribution needs."""

    def __init__(self, mentions: list[RuPersonMention], posts: list[Post], text: str = "") -> None:
        super().__init__(mentions)
        self.posts = posts
        self.text = text

    def by_pronoun(self, offset: int, clause: str) -> str | None:
        """The person a pronoun or a bare verb of the attribution stands for: the one named
        last before ``offset`` whose gender fits the verb or pronoun ("поблагодарила Марата
        Ахметова. «…», — сказала она." is hers), and of that sentence the one named in the
        nominative, the subject, before one in another case ("Ерлан Сапаров поздравил
        Марата Ахметова. «…», — сказал он." is Сапаров's)."""
        gender = _clause_gender(clause)
        i = bisect_right(self._starts, offset) - 1
        candidates = [m for m in self._mentions[max(0, i - 8) : i + 1] if m.end <= offset and m.person is not None]
        fitting = [m for m in candidates if _fits(m, gender)]
        if not fitting:
            return self.last_before(offset)
        chosen = fitting[-1]
        if not getattr(chosen, "case_nominative", True):
            sentence = max(self.text.rfind(mark, 0, chosen.start) for mark in (". ", "! ", "? ", "\n")) + 1
            subject = next((m for m in reversed(fitting) if m.start >= sentence and m is not chosen
                            and getattr(m, "case_nominative", True)), None)
            opening = _OPENING_WORD.match(self.text, sentence)
            if subject is None and sentence > 0 and opening is not None \
                    and fold(opening.group("word")) in words("speech_verbs.txt", "pronouns") \
                    and gender in (None, _clause_gender(opening.group("word"))):
                # "Он поблагодарил Ерлана Сапарова. «…», — сказал он.": the subject is whom that
                # sentence's "Он" stands for
                earlier = self.by_pronoun(sentence, clause)
                if earlier is not None:
                    return earlier
            chosen = subject or chosen
        assert chosen.person is not None
        return chosen.person.name

    def head_of_state(self, before: int) -> str | None:
        """The person last given a post of head of state before offset ``before``."""
        heads = [post.person for post in self.posts if post.mention.start < before and post.organization is None
                 and fold(post.role) in words("post_nouns.txt", "head_of_state_words")]
        return heads[-1] if heads else None

    def holder_of(self, clause: str, before: int) -> str | None:
        """The person holding the post a clause names ("сказал аким", "глава региона")."""
        roles: set[str] = set()
        found: set[str] = set()
        for word in _WORD.findall(clause):
            roles |= lemmas(word) & words("post_nouns.txt", "roles")
            found |= lemmas(word)
        if roles & words("post_nouns.txt", "territorial") and found & (words("post_nouns.txt", "territory") | {"регион"}):
            roles |= {"аким"}  # "сказал глава района", "руководитель региона": the akim
        best: tuple[int, str] | None = None
        for post in self.posts:
            if post.role in roles:
                distance = abs(before - post.mention.start)
                if best is None or distance < best[0]:
                    best = (distance, post.person)
        return best[1] if best else None


def _clause_gender(clause: str) -> str | None:
    """The gender an attribution gives its speaker: of its pronoun ("она") or past-tense verb
    ("сказала"), None when it shows none."""
    for word in _WORD.findall(clause):
        folded = fold(word)
        if folded in ("он", "она"):
            return "masc" if folded == "он" else "femn"
        for p in parses(word)[:1]:
            if p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.gender:
                return str(p.tag.gender)
    return None


def _fits(mention: GroupedMention, gender: str | None) -> bool:
    """Whether the person of ``mention`` may be of ``gender`` (unknown genders fit)."""
    if gender is None or mention.person is None:
        return True
    found = person_gender(mention.person.name)
    return found is None or found == gender


def _is_speech_verb(word: str) -> bool:
    return bool(lemmas(word) & words("speech_verbs.txt", "verbs"))


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where an attribution clause starting at ``start`` ends: a full stop, a colon, or the
    dash that resumes the speech."""
    for match in _CLAUSE_BREAK.finditer(text, start, limit):
        k = match.start()
        if text[k] == "." and ((k + 1 < len(text) and text[k + 1].isalpha()) or _abbreviated(text, start, k)):
            continue  # "г.Алматы", "А.Б. Иванов", "Б. Иванов", "г. Шымкент": no end of the clause
        return k
    return limit


_CLAUSE_BREAK = re.compile(r"[.!?:;]|\s[—–-]\s")
_WORD_BEFORE_DOT = re.compile(r"(?:^|[\s(])([^\W\d_]{1,3})$")


def _abbreviated(text: str, start: int, dot: int) -> bool:
    """Whether the dot at ``dot`` ends an initial (one capital) or a place's abbreviation
    ([place_abbreviations] of post_nouns.txt: "г", "с")."""
    match = _WORD_BEFORE_DOT.search(text, max(start, dot - 4), dot)
    if match is None:
        return False
    word = match.group(1)
    return (len(word) == 1 and word.isupper()) or fold(word) in words("post_nouns.txt", "place_abbreviations")


def _speaker(text: str, start: int, end: int, quote_start: int, speakers: _Speakers) -> str | None:
    clause = text[start:end]
    named = speakers.named_in(start, end)
    if named:
        return named
    tokens = [fold(w) for w in _WORD.findall(clause)]
    if _names_release(clause):
        return None  # "сообщает пресс-служба акимата": a release speaks, no person
    if any(w in words("speech_verbs.txt", "pronouns") for w in tokens):
        return speakers.by_pronoun(quote_start, clause)
    joined = f" {' '.join(tokens)} "
    if any(_is_speech_verb(w) for w in tokens):
        for title, family in pairs("post_nouns.txt", "title_holders").items():
            if f" {title} " in joined:  # "— заключил Елбасы": the Назарбаев the text names, or no one
                return speakers.named_family(family, quote_start)
        if any(f" {phrase} " in joined for phrase in words("post_nouns.txt", "head_of_state_words")):
            # "— сказал Глава государства": whom the text gives that post, or no one
            return speakers.head_of_state(quote_start)
    held = speakers.holder_of(clause, quote_start)
    if held:
        return held
    if len(tokens) <= 2:
        return speakers.by_pronoun(quote_start, clause)  # "», — сказал." with no subject
    if any(_is_speech_verb(w) for w in _WORD.findall(clause)):
        # "парламентарий отметила: …": a noun that is no post we know stands for the person
        # named just before, if near
        return speakers.last_before(quote_start, within=400)
    return None


def _mark_role(text: str, i: int) -> str:
    """Whether a straight quote at ``i`` opens (space or start before, a letter after) or closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "(«—–-:") and not after.isspace():
        return "open"
    return "close"


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotation spans (opening mark, closing mark) inside ``text[start:end]``:
    «…» and “…” nest by depth, straight quotes open or close by what stands around them."""
    out: list[tuple[int, int]] = []
    depth, opener = 0, -1
    for i in range(start, end):
        ch = text[i]
        if ch in "«“„" or (ch == '"' and _mark_role(text, i) == "open"):
            if ch == "“" and depth and text[opener] == "„":
                pass  # „…“ closes with “
            else:
                if depth == 0:
                    opener = i
                depth += 1
                continue
        if ch in "»”" or (ch == '"' and _mark_role(text, i) == "close") or (ch == "“" and depth and text[opener] == "„"):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                out.append((opener, i))
    return out


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the marks, spaces and the comma or full stop before an attribution."""
    while start < end and text[start] in " \n\t" + _DASH:
        start += 1
    while end > start and text[end - 1] in " \n\t,." + _DASH:
        end -= 1
    return start, end


def _names_release(clause: str) -> bool:
    """Whether an attribution names a release, not a person ("говорится в сообщении фонда",
    "сообщает пресс-служба акимата"): its quotation has no speaker but is one (the conventions)."""
    found = _WORD.findall(clause)
    if len(found) >= 2 and fold(found[1]) in ("в", "во") and _is_speech_verb(found[0]) \
            and any(p.tag.POS == "VERB" and p.tag.number == "plur" for p in parses(found[0])[:1]):
        return True  # "«…», — пояснили в фонде «Береке»": the body speaks, no one person
    return bool({fold(w) for w in found} & words("speech_verbs.txt", "releases"))


def _quote(text: str, start: int, end: int, speaker: str | None, rule: str, attribution: tuple[int, int] | None,
           sentence: tuple[int, int]) -> Quote | None:
    start, end = _clean(text, start, end)
    released = attribution is not None and _names_release(text[attribution[0] : attribution[1]])
    if end - start < 8 or (speaker is None and not released):
        return None
    mention = Mention(text[attribution[0] : attribution[1]], *attribution) if attribution else None
    return Quote(speaker, text[start:end], start, end, mention, Evidence(rule, RULES[rule], *sentence))


def find_quotes(text: str, persons: list[RuPersonMention], posts: list[Post]) -> list[Quote]:
    """The direct speech of a Russian ``text``."""
    speakers = _Speakers(persons, posts, text)
    out = _quoted(text, 0, len(text), speakers)
    out.extend(_unclosed(text, speakers, [(q.start, q.end) for q in out]))
    inside = [(q.start, q.end) for q in out]
    caption_speaker: str | None = None
    previous: tuple[int, int] | None = None
    answering: str | None = None  # who answered the question before, in an interview
    asked = False
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        stripped = match.group(0).strip()
        if not stripped or any(a <= start + 2 and end - 2 <= b or start <= a < end for a, b in inside):
            caption_speaker = None if stripped else caption_speaker
            continue
        if caption_speaker:
            # the paragraph under "X, должность:" is X's speech
            quote = _quote(text, start, end, caption_speaker, "ru-quote-caption", None, (start, end))
            caption_speaker = None
            if quote:
                out.append(quote)
                continue
        if stripped[0] in _DASH:
            found = _dialogue(text, start, end, speakers)
            if not found and stripped.endswith("?"):
                # "— Расскажите о проекте?": an interviewer's question with no attribution is no
                # one's speech we know; the answer after it is the introduced person's still, or
                # whoever answered the question before
                answering = next((q.speaker for q in reversed(out) if q.end <= start), None)
                asked = True
                continue
            if not found and asked and answering is not None:
                quote = _quote(text, start, end, answering, "ru-quote-dash", None, (start, end))
                found = [quote] if quote else []
            asked = False
            if not found and previous is not None and _introduces(text, previous, speakers):
                # "… Амангельды Нугманов напомнил о полномочиях …\n— Членами президиума …": a
                # dash line after a paragraph whose person speaks is that person's
                quote = _quote(text, start, end, speakers.last_before(start, within=600), "ru-quote-dash", None, (start, end))
                found = [quote] if quote else []
            if found:
                out.extend(found)
                previous = (start, end)
                continue
        else:
            asked = False
            found = _inline_caption(text, start, end, speakers) or _joined_dialogue(text, start, end, speakers)
            if found:
                out.extend(found)
                previous = (start, end)
                continue
        if stripped.endswith(":") and len(stripped) < 200:
            caption_speaker = speakers.named_in(start, end - 1)
        previous = (start, end)
    out.sort(key=lambda q: q.start)
    return out


_JOINED_DASH = re.compile(r"(?<=[.!?…])\s+(?=[—–]\s)")
_INLINE_CAPTION = re.compile(r"[^.!?:\n]{3,150}:\s*[—–-]\s+")


def _inline_caption(text: str, start: int, end: int, speakers: _Speakers) -> list[Quote]:
    """"Айгуль Сейтова: — Мы продолжим работу.": a person named, a colon and a dash, then the
    speech to the paragraph's end, on one line."""
    match = _INLINE_CAPTION.match(text, start, end)
    if match is None:
        return []
    colon = text.rindex(":", start, match.end())
    speaker = speakers.named_in(start, colon)
    if speaker is None:
        return []
    quote = _quote(text, match.end(), end, speaker, "ru-quote-caption", (start, colon), (start, end))
    return [quote] if quote else []


def _joined_dialogue(text: str, start: int, end: int, speakers: _Speakers) -> list[Quote]:
    """"Аким встретился с молодежью. — Мы продолжим работу, — сказал он.": a dialogue line run
    into the paragraph before it (the page lost the line break): the dialogue from the first
    dash after a sentence's end that has an attribution of its own."""
    for match in _JOINED_DASH.finditer(text, start, end):
        found = _dialogue(text, match.end(), end, speakers)
        if found:
            return found
    return []


def _introduces(text: str, paragraph: tuple[int, int], speakers: _Speakers) -> bool:
    """Whether a paragraph names a person and has a verb of speech or of taking the floor
    (``[introducing]``): it leads into speech."""
    start, end = paragraph
    introducing = words("speech_verbs.txt", "introducing")
    return speakers.last_before(end) is not None and speakers.named_in(start, end) is not None and any(
        _is_speech_verb(w) or lemmas(w) & introducing for w in _WORD.findall(text[start:end]))


def _unclosed(text: str, speakers: _Speakers, found: list[tuple[int, int]]) -> list[Quote]:
    """"«Библиотека была очагом нашей культуры, - рассказывает Омралы.": an opening mark the
    page never closed, then a speech verb's dash attribution on the same line: the quotation
    runs to the break."""
    out: list[Quote] = []
    for match in re.finditer("«", text):
        opener = match.start()
        line_end = text.find("\n", opener)
        line_end = len(text) if line_end < 0 else line_end
        if "»" in text[opener:line_end] or any(a <= opener < b for a, b in found):
            continue
        inner = next((m for m in _BREAK.finditer(text, opener + 1, line_end) if _is_speech_verb(m.group("verb"))), None)
        if inner is None:
            continue
        clause_start = inner.start("verb")
        clause_end = _clause_end(text, clause_start, line_end)
        speaker = _speaker(text, clause_start, clause_end, opener, speakers)
        quote = _quote(text, opener + 1, inner.start(1), speaker, "ru-quote-after", (clause_start, clause_end), (opener, clause_end))
        if quote:
            out.append(quote)
    return out


def _quoted(text: str, start: int, end: int, speakers: _Speakers) -> list[Quote]:
    out: list[Quote] = []
    for opener, closer in _pairs(text, start, end):
        inner = next((m for m in _BREAK.finditer(text, opener + 1, closer) if _is_speech_verb(m.group("verb"))), None)
        if inner is not None:
            clause_start, clause_end = inner.start("verb"), _clause_end(text, inner.start("verb"), closer)
            resumed = _RESUMED.match(text, clause_end + 1, closer) if text[clause_end] == "." else None
            if resumed is not None and resumed.end() < closer:
                # «Мы будем работать дальше, — сказал Марат Ахметов. — Впереди много задач»: the
                # attribution splits the quotation in two, both the speaker's
                speaker = _speaker(text, clause_start, clause_end, opener, speakers)
                for part_start, part_end in ((opener + 1, inner.start(1)), (resumed.end(), closer)):
                    quote = _quote(text, part_start, part_end, speaker, "ru-quote-after", (clause_start, clause_end), (opener, closer + 1))
                    if quote:
                        out.append(quote)
                continue
        if inner is not None and clause_end >= closer - 1:
            # «Библиотека была очагом нашей культуры, - рассказывает Омралы.»: the attribution
            # inside the marks
            clause_start = inner.start("verb")
            speaker = _speaker(text, clause_start, closer, opener, speakers)
            quote = _quote(text, opener + 1, inner.start(1), speaker, "ru-quote-after", (clause_start, closer), (opener, closer + 1))
            if quote:
                out.append(quote)
            continue
        after = _ATTRIBUTION_AFTER.match(text, closer + 1, end)
        if after and _is_speech_verb(after.group("verb")):
            clause_start = after.start("verb")
            clause_end = _clause_end(text, clause_start, end)
            speaker = _speaker(text, clause_start, clause_end, opener, speakers)
            quote = _quote(text, opener + 1, closer, speaker, "ru-quote-after", (clause_start, clause_end), (opener, clause_end))
            if quote:
                out.append(quote)
                out.extend(_resumed_after_marks(text, clause_end, end, speaker, speakers))
            continue
        before = text[start:opener].rstrip()
        according = _according(text, start, opener, closer, end, speakers) or _told_after(text, opener, closer, end, speakers)
        if according is not None:
            out.append(according)
            continue
        if before.endswith(":"):
            colon = len(before) + start
            clause_start = max(start, text.rfind(".", start, opener) + 1, text.rfind("\n", start, opener) + 1)
            clause = text[clause_start:colon]
            if speakers.named_in(clause_start, colon) or any(_is_speech_verb(w) for w in _WORD.findall(clause)):
                speaker = _speaker(text, clause_start, colon, opener, speakers)
                quote = _quote(text, opener + 1, closer, speaker, "ru-quote-colon", (clause_start, start + len(before)), (clause_start, closer + 1))
                if quote:
                    out.append(quote)
    return out


_RESUMING_DASH = re.compile(r"[.!?]\s*[—–-]\s+")


def _resumed_after_marks(text: str, clause_end: int, end: int, speaker: str | None, speakers: _Speakers) -> list[Quote]:
    """"«Мы поддерживаем молодежь», – сказал Ерлан Сапаров. – Работа продолжится.": after a
    quotation in marks and its attribution, a dash after the sentence's end resumes the same
    speaker's speech to the line's end (unmarked, in marks of its own, or with an attribution
    of its own)."""
    line_end = text.find("\n", clause_end, end)
    line_end = end if line_end < 0 else line_end
    dash = _RESUMING_DASH.match(text, clause_end, line_end)
    if dash is None:
        return []
    own = _dialogue(text, dash.start() + 1, line_end, speakers)
    if own:
        return own
    rest_start, rest_end = dash.end(), line_end
    pairs = _pairs(text, rest_start, rest_end)
    if pairs and pairs[0][0] == rest_start and not text[pairs[0][1] + 1 : rest_end].strip(" .!?"):
        rest_start, rest_end = rest_start + 1, pairs[0][1]  # "… – «Работа продолжится».": marks of its own
    elif "«" in text[rest_start:rest_end] or "»" in text[rest_start:rest_end]:
        return []
    quote = _quote(text, rest_start, rest_end, speaker, "ru-quote-dash", None, (dash.start(), line_end))
    return [quote] if quote else []


_TOLD_AFTER = re.compile(r"[.!?…]?[ \t]+(?P<opening>[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,2})")


def _told_after(text: str, opener: int, closer: int, end: int, speakers: _Speakers) -> Quote | None:
    """"«В этом году в селе построят новую школу». Об этом рассказал аким района Нурлан
    Сарсенов.": a quotation of several words that is its whole sentence, then a sentence in the
    same paragraph that opens with words of ``told_after``, has a verb of speech and names its
    speaker (by name or post)."""
    line_start = max(text.rfind("\n", 0, opener), max(text.rfind(c, 0, opener) for c in ".!?"))
    if text[line_start + 1 : opener].strip() or len(_WORD.findall(text, opener, closer)) < 5:
        return None
    after = _TOLD_AFTER.match(text, closer + 1, end)
    if after is None:
        return None
    folded = [fold(w) for w in after.group("opening").split()]
    opening = next((o for o in sorted(words("speech_verbs.txt", "told_after"), key=len, reverse=True)
                    if folded[: len(o.split())] == o.split()), None)
    if opening is None:
        return None
    clause_start = after.start("opening")
    clause_end = _clause_end(text, clause_start, end)
    if not any(_is_speech_verb(w) for w in _WORD.findall(text, clause_start, clause_end)) \
            or _names_release(text[clause_start:clause_end]):
        return None  # "Об этом сообщает пресс-служба акимата": a release, no person
    speaker = speakers.named_in(clause_start, clause_end) or speakers.holder_of(text[clause_start:clause_end], opener)
    if speaker is None:
        return None
    return _quote(text, opener + 1, closer, speaker, "ru-quote-told-after", (clause_start, clause_end), (opener, clause_end))


def _according(text: str, start: int, opener: int, closer: int, end: int, speakers: _Speakers) -> Quote | None:
    """"По словам директора центра Алии Ержановой, «проект охватил 500 семей».": a clause that
    opens with an attribution of ``according``, a comma, then a quotation of several words
    that ends the sentence."""
    before = text[start:opener].rstrip()
    if not before.endswith(","):
        return None
    clause_start = max(start, text.rfind(".", start, opener) + 1, text.rfind("\n", start, opener) + 1)
    clause_words = _WORD.findall(text[clause_start : start + len(before)])
    clause = " ".join(fold(w) for w in clause_words)
    # "Как рассказала X, «…»": "как" and any verb of speech opens such a clause too
    as_said = len(clause_words) >= 2 and fold(clause_words[0]) == "как" and _is_speech_verb(clause_words[1])
    if not as_said and not any(clause.startswith(opening) for opening in words("speech_verbs.txt", "according")):
        return None
    if len(_WORD.findall(text[opener:closer])) < 3 or not re.match(r"\s*[.!?…]|\s*$", text[closer + 1 : end]):
        return None  # a name in quotation marks, or a quotation the sentence goes on from
    if set(clause.split()[:3]) & words("speech_verbs.txt", "possessives"):
        speaker = speakers.last_before(clause_start, within=600)
    else:
        speaker = _speaker(text, clause_start, start + len(before), opener, speakers)
    return _quote(text, opener + 1, closer, speaker, "ru-quote-according", (clause_start, start + len(before) - 1),
                  (clause_start, closer + 1))


_BREAK = re.compile(r"([,!?…]|\.\.\.)\s*[—–-]+\s*(?P<verb>[^\W\d_]+)")
_RESUMED = re.compile(r"\.?\s*[—–-]+\s*")  # the dash that resumes a quotation after its attribution


def _dialogue(text: str, start: int, end: int, speakers: _Speakers) -> list[Quote]:
    """"— …, — сказала X. — …": speech, its attribution, and the speech resumed."""
    out: list[Quote] = []
    speech_start = start
    for match in _BREAK.finditer(text, start, end):
        if not _is_speech_verb(match.group("verb")):
            continue
        clause_start = match.start("verb")
        clause_end = _clause_end(text, clause_start, end)
        speaker = _speaker(text, clause_start, clause_end, start, speakers)
        keep = match.start(1) + (1 if text[match.start(1)] in "!?…" else 0)
        quote = _quote(text, speech_start, keep, speaker, "ru-quote-dash", (clause_start, clause_end), (start, end))
        if quote is None:
            return out
        out.append(quote)
        rest = re.compile(r"[.,]?\s*[—–-]+\s*").match(text, clause_end + (1 if clause_end < end and text[clause_end] == "." else 0), end)
        if rest is None or rest.end() >= end:
            return out
        speech_start = rest.end()
        tail = _quote(text, speech_start, end, speaker, "ru-quote-dash", None, (start, end))
        if tail and not _BREAK.search(text, speech_start, end):
            out.append(tail)
            return out
    return out
