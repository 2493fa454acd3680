"""Direct speech: «…», деді X; X: «…»; — …, — деді X; and quotes split by their attribution.

A «…» is a quotation only when speech is attributed to it: a speech verb right after it
("«…», деді Шәріпбек Жамалбек", "«…» деп атап өтті ол") or a colon right before it
("Аудан әкімі: «…»"). Anything else in «» is a name or a title, and indirect speech (no
quotation marks) is never a quote. The speaker is the person named in the attribution; a
pronoun ("деді ол") means the person last named; a post ("деді аудан әкімі") means the person
who holds it in this document.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from qogam.nlp.extract.document import Document, word_lemma
from qogam.nlp.extract.lexicon import person_words, post_nouns, speaker_pronouns
from qogam.nlp.extract.organizations import strip_case
from qogam.nlp.extract.results import Evidence, Mention, Quote
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.tokens import quote_pairs

# A dash as written: the em dash (en dashes and minus signs are normalised to it), a
# hyphen-minus standing alone ("- Біз келдік", "тиіс,- деді") and the hyphen bullet "⁃".
_DASHES = frozenset({"—", "-", "⁃"})
_LEAD_PUNCT = frozenset({",", ":"}) | _DASHES
# Punctuation that may close a dash-introduced speech before its attribution.
_KEPT_MARKS = frozenset({"!", "?", "...", "…"})
_BREAK = frozenset({","}) | _KEPT_MARKS | _DASHES
_CLAUSE_END = frozenset({".", "!", "?", "...", "…", ";"})
_CLAUSE_LIMIT = 16
# The most tokens of a caption line that announces the speech below it ("Ажар Қыдыралина,
# Қоғамдық бірлестік төрайымы:").
_CAPTION_LIMIT = 20
# How far into an attribution clause its speech verb may stand ("деп атап өтті ол" is 0,
# "— деп Ж.Сүйінбаев атап өтті" is 2).
_VERB_WINDOW = 6


# The rules that find quotations; evidence names a quote "<rule>:<how the speaker was found>".
RULES = frozenset({
    "quote-verb-after",  # "«…», – деді X"
    "quote-colon-before",  # "X: «…»"
    "quote-split",  # "«…, – дейді X. – …»"
    "quote-continued",  # "«…», – деді X, – «…»": the second part
    "quote-introduced",  # "… X әңгімеледі. «…»"
    "quote-paragraphs",  # a «…» over several sentences or lines
    "quote-dash",  # "– …, – деді X."
    "quote-dash-announced",  # "X, басшы:" and the speech below it
    "quote-dash-introduced",  # "… X сөз сөйледі." and a dash line below it
    "quote-according",  # "Оның айтуынша, «…»."
    "quote-told-after",  # "«…». Бұл туралы X айтты."
})
# How the speaker was found, with the score it gives the quote.
SPEAKER_CONFIDENCE: dict[str, float] = {
    "named": 0.95,  # the attribution names the person
    "continued": 0.8,  # the same speaker as the part before
    "post": 0.8,  # the holder of the post the attribution names
    "pronoun": 0.75,  # "деді ол": the person named last
    "subject-before": 0.7,  # "…, – деді." opening a sentence: the person named last
    "introduced": 0.7,  # the person the sentence before introduced
    "described": 0.6,  # "– дейді кейіпкеріміз": the person just introduced
    "post-unheld": 0.6,  # "– дейді әкім" with no akim found: the person just named
    "unresolved": 0.5,  # nobody found
}


def _confidence(how: str) -> float:
    return SPEAKER_CONFIDENCE.get(how, SPEAKER_CONFIDENCE["unresolved"])


class Speakers(Protocol):
    """What quote attribution needs to know of the people of a document."""

    def named_in(self, start: int, end: int) -> str | None:
        """The person with a mention inside original offsets ``[start, end)``, if any."""

    def last_before(self, offset: int, within: int | None = None) -> str | None:
        """The person mentioned last before ``offset`` (at most ``within`` characters before)."""

    def names_unheld_post(self, words: list[str]) -> bool:
        """Whether ``words`` name a post that no post found in the text holds."""

    def head_of_state(self, words: list[str], before: int) -> tuple[bool, str | None]:
        """Whether ``words`` name the head of state, and who that is before offset ``before``."""

    def holder_of(self, words: list[str], before: int) -> str | None:
        """The person who holds the post named by lower-case ``words`` before ``offset``."""


@lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Speech-verb phrases by their first word, longest first."""
    phrases = {tuple(line.split()) for lang in ("kk", "ru") for line in kk.entries("speech_verbs.txt", lang)}
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in index.items()}


def _verb_at(words: list[str], i: int) -> int:
    """Return the length of the speech-verb phrase starting at ``words[i]`` (0 when none)."""
    for phrase in _speech_verbs().get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


@dataclass(slots=True)
class _Clause:
    first: int  # token indices, inclusive
    last: int
    verb: int  # index of the speech verb's first token


def _top_level_pairs(doc: Document, first: int, last: int) -> list[tuple[int, int]]:
    """Return the outermost matched «…» token pairs of tokens ``first..last``."""
    norms = [doc.tokens[i].norm for i in range(first, last + 1)]
    return [(first + opener, first + closer) for opener, closer, depth in quote_pairs(norms) if depth == 0]


def _clause_after(doc: Document, index: int, last: int, set_off: bool = False) -> _Clause | None:
    """An attribution clause starting after token ``index``: punctuation, then a speech verb.

    With a comma or dash after the quotation, the speaker may come before the verb
    ("«…», – Ж.Сүйінбаев атап өтті"); with nothing between, the verb must come first
    ("«…» деп атап өтті ол"), or "«Ашық есік» күндерін өткізетінін хабарлады" would make a
    campaign's name a quotation. Names in quotation marks may stand in the clause ("деп
    жауап берді «Мирас» қозғалысының жетекшісі Денис Цой"). ``set_off``: the caller has
    read the comma or dash after the speech already (a dialogue line's ", –").
    """
    i = index + 1
    while i <= last and doc.tokens[i].norm in _LEAD_PUNCT:
        i += 1
    punctuated = i > index + 1
    start = i
    words: list[str] = []
    end = start
    while end <= last and end - start < _CLAUSE_LIMIT and doc.tokens[end].norm not in _CLAUSE_END and doc.tokens[end].norm not in _DASHES:
        words.append(doc.lower(end))
        end += 1
    for k in range(min(len(words), _VERB_WINDOW if punctuated else 1)):
        length = _verb_at(words, k)
        if not length or (not punctuated and words[k : k + length] == ["деген"]):
            continue
        if words[k : k + length] == ["деп"] and k + 1 < len(words) and (
            words[k + 1].startswith(_naming_verbs()) or (not (punctuated or set_off) and words[k + 1].startswith(_judging_verbs()))
        ):
            return None  # "«Жасыл ел» деп аталатын акция": a name, not speech; "«…» деп ойлаймын" a thought
        return _Clause(start, end - 1, start + k)
    return None


def _said_by_name(doc: Document, closer: int, last: int, speakers: Speakers) -> _Clause | None:
    """"«Еріктілер – қоғамның жүрегі» деген Айгүл Сейтова …", "«…»-деген X": "деген" right
    after the quotation and a person named right after it — the quotation is what they said
    (without the name, "«Ашық есік» деген акция" names a campaign)."""
    k = closer + 1
    if k <= last and doc.tokens[k].norm in _DASHES:
        k += 1
    if k + 1 > last or doc.lower(k) != "деген":
        return None
    named_end = min(last, k + 4)
    named = speakers.named_in(doc.tokens[k + 1].start, doc.tokens[named_end].end)
    if named is None or speakers.named_in(doc.tokens[k + 1].start, doc.tokens[k + 1].end) is None:
        return None  # the name must follow "деген" at once
    return _Clause(k, named_end, k)


@lru_cache(maxsize=1)
def _naming_verbs() -> tuple[str, ...]:
    return tuple(kk.entries("speech_verbs.txt", "naming_after_dep"))


@lru_cache(maxsize=1)
def _judging_verbs() -> tuple[str, ...]:
    return tuple(kk.entries("speech_verbs.txt", "judging_after_dep"))


def _clause_before_colon(doc: Document, opener: int, first: int) -> _Clause | None:
    """An attribution clause ending in a colon just before the opening quote ``opener``, in
    the same sentence ("Ержан Қасымов: «…»") or closing the line before ("… алғыс айтты:" and
    the quotation on the next line)."""
    colon = opener - 1
    if colon > first and doc.tokens[colon].norm == "—":
        colon -= 1
    if colon < 1 or doc.tokens[colon].norm != ":":
        return None
    if colon < first:
        first = doc.sentence_bounds(colon)[0]  # the colon ends the sentence before
    start = colon - 1
    while start > first and doc.tokens[start - 1].norm not in _CLAUSE_END | {"»", "«"}:
        start -= 1
    if start >= colon:
        return None
    return _Clause(start, colon - 1, colon - 1)


def _speaker(doc: Document, clause: _Clause, quote_start: int, speakers: Speakers) -> tuple[str | None, str]:
    """Return (speaker, how it was found) for an attribution clause."""
    start, end = doc.tokens[clause.first].start, doc.tokens[clause.last].end
    named = speakers.named_in(start, end)
    if named:
        return named, "named"
    words = [doc.lower(i) for i in range(clause.first, clause.last + 1)]
    if set(words) & frozenset(kk.entries("speech_verbs.txt", "releases")):
        return None, "unresolved"  # "– делінген хабарламада": a release speaks, no person
    if any(w in speaker_pronouns() for w in words):
        return speakers.last_before(quote_start), "pronoun"
    held = speakers.holder_of(words, quote_start)
    if held:
        return held, "post"
    named_head, head = speakers.head_of_state(words, quote_start)
    if named_head:
        # "– деді Мемлекет басшысы", "– деді Елбасы": the head of state the text names so, and
        # with none not whoever is near
        return (head, "post") if head else (None, "unresolved")
    if speakers.names_unheld_post(words):
        # "Айдарбек Сапаров … гүл шоқтарын қойды. … – дейді СҚО әкімі": a post the text gave no
        # one is the person named last before the speech, if near
        recent = speakers.last_before(quote_start, within=400)
        if recent is not None:
            return recent, "post-unheld"
    if len(words) <= 3 and all(_is_verb_word(w) for w in words) and _opens_sentence(doc, quote_start):
        # "…, – деді." with no subject: the person named last before the speech (not when the
        # sentence introduces someone unnamed: "сарапшылардың бірі: «…», – деді")
        recent = speakers.last_before(quote_start)
        if recent is not None:
            return recent, "subject-before"
    if not any(word_lemma(w) in post_nouns() for w in words):
        # "– дейді кейіпкеріміз", "деп еске алды ардагер": a noun that is no post speaks for
        # the person just introduced, in this sentence or the one before
        # (named before the speech, not inside it: "Президент Тоқаев … деп сенемін, – деді Елбасы")
        before = min(quote_start, doc.tokens[clause.first].start)
        recent = speakers.last_before(before)
        if recent is not None and _mentioned_near(doc, clause, speakers, before):
            return recent, "described"
    return None, "unresolved"


@lru_cache(maxsize=1)
def _speech_verb_words() -> frozenset[str]:
    return frozenset(word for group in _speech_verbs().values() for phrase in group for word in phrase)


def _opens_sentence(doc: Document, offset: int) -> bool:
    """Whether only quotation marks or a dash stand between its sentence's start and ``offset``."""
    i = doc.token_at(offset)
    if i < 0:
        return False
    first, _ = doc.sentence_bounds(i)
    return all(doc.tokens[k].norm in _DASHES or doc.tokens[k].norm == "«" for k in range(first, i))


def _is_verb_word(word: str) -> bool:
    """Whether a lower-case word belongs to some speech-verb phrase ("деді", "атап", "өтті")."""
    return word in _speech_verb_words()


def _mentioned_near(doc: Document, clause: _Clause, speakers: Speakers, before: int) -> bool:
    """Whether someone is named between the start of the sentence before ``clause`` and
    offset ``before``."""
    first, _ = doc.sentence_bounds(clause.first)
    window = doc.sentence_bounds(first - 1)[0] if first > 0 else first
    return speakers.named_in(doc.tokens[window].start, before) is not None


def _quote_text(doc: Document, start: int, end: int) -> tuple[str, int, int]:
    """Trim spaces and a trailing comma or dash from original ``[start, end)``."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–-"):
        end -= 1
    if end - start > 1 and text[end - 1] == "." and text[end - 2] != ".":
        end -= 1  # the full stop before the attribution or the paragraph's end is not quoted
    return text[start:end], start, end


def _split_inside(doc: Document, opener: int, closer: int) -> Iterator[tuple[int, int, _Clause | None]]:
    """Yield (first, last, inner attribution) parts of a quote cut by ", — деді X. —"."""
    part_start = opener + 1
    i = opener + 1
    while i < closer:
        if doc.tokens[i].norm == "—" and i > part_start and doc.tokens[i - 1].norm in {",", "!", "?", "..."}:
            clause = _clause_after(doc, i, closer - 1)
            if clause and clause.verb - i <= 3:
                # the attribution runs to the dash that resumes the quote
                resume = clause.last + 1
                while resume < closer and doc.tokens[resume].norm != "—":
                    resume += 1
                if resume < closer:
                    yield part_start, i - 1, clause
                    part_start = resume + 1
                    i = part_start
                    continue
        i += 1
    yield part_start, closer - 1, None


def find_quotes(doc: Document, speakers: Speakers) -> list[Quote]:
    """Return the direct quotations of ``doc`` in text order, each with its speaker."""
    quotes: list[Quote] = []
    for sentence in doc.sentences:
        if not sentence.tokens:
            continue
        first = doc.token_at(sentence.start)
        last = first + len(sentence.tokens) - 1
        quotes.extend(_quotes_in_sentence(doc, first, last, speakers, sentence.start, sentence.end))
    quotes.extend(_across_sentences(doc, speakers))
    previous: tuple[int, int] | None = None
    dash_speaker: str | None = None
    for first, last in _paragraphs(doc):
        colon = _inline_caption(doc, first, last)
        if colon is not None:
            # "Жанболат Сүйінбаев: – Біз дайынбыз": the caption and the speech on one line
            previous, first = (first, colon), colon + 1
        found = _dash_quotes(doc, first, last, speakers) or _resumed_after_marks(doc, first, last, speakers)
        if not found and previous is not None and _asked(doc, first, last) and doc.tokens[previous[1]].norm != ":":
            # "– Жоба туралы айтып берсеңіз?": an interviewer's question with no attribution is
            # no one's speech we know; the answer after it is still the one introduced before
            continue
        if not found and previous is not None:
            found = _unattributed_dash_line(doc, first, last, previous, dash_speaker, speakers)
        quotes.extend(found)
        dash_speaker = found[-1].speaker if found else None
        previous = (first, last)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _across_sentences(doc: Document, speakers: Speakers) -> list[Quote]:
    """A «…» that runs over several sentences or lines ("«Біз дайынбыз.\nСайлауға барамыз», –
    деді X"), attributed after its closing mark or by a colon before it, as one quotation."""
    out: list[Quote] = []
    for opener, tok in enumerate(doc.tokens):
        if tok.norm != "«":
            continue
        closer = doc.quote_partner(opener)
        if closer is None or closer <= opener or doc.sentence_of[closer] == doc.sentence_of[opener]:
            continue
        clause = _clause_after(doc, closer, doc.sentence_bounds(closer)[1])
        before = None if clause else _clause_before_colon(doc, opener, doc.sentence_bounds(opener)[0])
        clause = clause or before
        if clause is None:
            continue
        speaker, how = _speaker(doc, clause, tok.start, speakers)
        if speaker is None and clause is before and not _has_speech_verb(doc, clause):
            continue
        text, start, end = _quote_text(doc, doc.tokens[opener + 1].start, doc.tokens[closer - 1].end)
        if len(text.split()) < 2:
            continue
        sentence = doc.sentences[doc.sentence_of[opener]]
        out.append(Quote(speaker, text, start, end, _mention(doc, clause),
                         Evidence(f"quote-paragraphs:{how}", _confidence(how), sentence.start, doc.sentences[doc.sentence_of[closer]].end)))
    return out


def _inline_caption(doc: Document, first: int, last: int) -> int | None:
    """The colon of a paragraph that opens "NAME(, post): — speech" (None when it does not)."""
    for k in range(first + 1, min(last, first + _CAPTION_LIMIT)):
        norm = doc.tokens[k].norm
        if norm in _CLAUSE_END:
            return None
        if norm == ":" and doc.tokens[k + 1].norm in _DASHES:
            return k
    return None


def _asked(doc: Document, first: int, last: int) -> bool:
    """Whether a paragraph is a dialogue line that ends in a question mark (the caller asks
    whether the line before announced its speaker: "Ильхам Ниязов сұрақ қойды:" — then the
    question is his)."""
    return doc.tokens[first].norm in _DASHES and doc.tokens[last].norm == "?"


def _unattributed_dash_line(
    doc: Document, first: int, last: int, previous: tuple[int, int], dash_speaker: str | None, speakers: Speakers
) -> list[Quote]:
    """A dialogue line with no attribution of its own: the speaker announced by the line
    before ("Талғат Оразов, басқарма басшысы:"), or the one who spoke the line before."""
    p_first, p_last = previous
    dashed = doc.tokens[first].norm in _DASHES
    if doc.tokens[first].norm == "«":
        return []  # a quotation in «» has its own rules
    if doc.tokens[p_last].norm == ":":
        clause = _Clause(max(p_first, doc.sentence_bounds(p_last)[0]), p_last - 1, p_last - 1)
        if not dashed and (clause.last - clause.first > _CAPTION_LIMIT or last - first < 3 or doc.tokens[last].norm == ":"):
            # a long sentence ending in a colon introduces a list, not a speaker; a caption
            # right after another caption is the next speaker's, not the first one's speech
            return []
        speaker, how = _speaker(doc, clause, doc.tokens[first].start, speakers)
        if speaker is None or (not dashed and how != "named"):
            return []
        # "Талғат Оразов, басқарма басшысы:" and the speech as the next paragraph, with
        # or without a dash
        return [_dash_quote(doc, first + 1 if dashed else first, last, speaker, f"quote-dash-announced:{how}", clause)]
    if dashed:
        introduced = _introduced_by(doc, p_first, p_last, speakers)
        if introduced is not None:
            # "… төрағасы Жанболат Сүйінбаев сөз сөйледі." and the speech on the next line
            return [_dash_quote(doc, first + 1, last, introduced, "quote-dash-introduced:introduced", None)]
    if dash_speaker is not None and dashed:
        return [_dash_quote(doc, first + 1, last, dash_speaker, "quote-dash:continued", None)]
    return []


def _embedded_fragment(doc: Document, opener: int, closer: int) -> bool:
    """Whether «…» quotes a few words inside a clause rather than speech: it opens in lower
    case and a word other than a form of "де-" (деп, деді, деген) follows it directly."""
    if opener + 1 >= closer or closer + 1 >= len(doc.tokens):
        return False
    inside, nxt = doc.tokens[opener + 1], doc.tokens[closer + 1]
    return inside.kind == "word" and inside.norm[:1].islower() and nxt.kind == "word" \
        and not doc.lower(closer + 1).startswith(kk.entries("speech_verbs.txt", "saying_stem"))


def _introduced_by(doc: Document, first: int, last: int, speakers: Speakers) -> str | None:
    """The person named (or meant by "ол") in the last sentence of a paragraph that ends in a
    speech verb ("… Жанболат Сүйінбаев сөз сөйледі.", "Ол жастарға тоқталды.")."""
    end = last - 1 if doc.tokens[last].norm in _CLAUSE_END else last
    start = max(first, doc.sentence_bounds(end)[0])
    words = [doc.lower(k) for k in range(start, end + 1)]
    if not any(k + length == len(words) for k in range(len(words)) if (length := _verb_at(words, k))):
        return None  # the sentence does not end in a speech verb
    named = speakers.named_in(doc.tokens[start].start, doc.tokens[end].end)
    if named is None and not any(w in speaker_pronouns() for w in words):
        return None
    return speakers.last_before(doc.tokens[end].end)


def _paragraphs(doc: Document) -> Iterator[tuple[int, int]]:
    """(first, last) token indices of each paragraph: sentences with no line break between."""
    first = 0
    for k in range(1, len(doc.sentences) + 1):
        if k == len(doc.sentences) or "\n" in doc.text[doc.sentences[k - 1].end : doc.sentences[k].start]:
            start = doc.token_at(doc.sentences[first].start)
            end_sentence = doc.sentences[k - 1]
            yield start, doc.token_at(end_sentence.end - 1)
            first = k


def _quotes_in_sentence(
    doc: Document, first: int, last: int, speakers: Speakers, s_start: int, s_end: int
) -> list[Quote]:
    found: list[Quote] = []
    previous_speaker: str | None = None
    previous_closer = -10
    for opener, closer in _top_level_pairs(doc, first, last):
        if _embedded_fragment(doc, opener, closer):
            continue  # "жастарды «белсенді азаматтық ұстанымға» шақырды": words quoted inside a clause
        after = _clause_after(doc, closer, last) or _said_by_name(doc, closer, last, speakers)
        before = _clause_before_colon(doc, opener, first)
        source = "quote-verb-after" if after else "quote-colon-before" if before else ""
        clause = after or before
        speaker: str | None = None
        how = ""
        parts = list(_split_inside(doc, opener, closer))
        inner_clauses = [inner for _, _, inner in parts if inner is not None]
        if clause:
            speaker, how = _speaker(doc, clause, doc.tokens[opener].start, speakers)
            if speaker is None and clause is before and not _has_speech_verb(doc, before):
                continue  # "Фото: «Таза ауыл» ҚБ мұрағатынан" names a source, no speaker
            if speaker is None and clause is after:
                held = _subject_post_holder(doc, first, opener, speakers)
                if held is not None:
                    speaker, how = held, "post"
        elif inner_clauses:
            # «A, — дейді X. — B»: the attribution stands inside the quotation marks
            speaker, how = _speaker(doc, inner_clauses[0], doc.tokens[opener].start, speakers)
            source, clause = "quote-split", inner_clauses[0]
        elif previous_speaker and opener - previous_closer <= 12 and _continues(doc, previous_closer, opener):
            # «A», — деді X, — «B»: the second part has no attribution of its own
            speaker, how, source = previous_speaker, "continued", "quote-continued"
        elif (according := _according(doc, opener, closer, first, last)) is not None:
            # "Оның айтуынша, «…»." / "Марат Ахметовтың сөзінше, «…»."
            clause, source = according, "quote-according"
            speaker, how = _speaker(doc, clause, doc.tokens[opener].start, speakers)
            if doc.lower(according.verb).startswith(kk.entries("speech_verbs.txt", "as_said")) and (
                    how != "named" or (speaker or "").lower() in person_words("known_by_one_name")):
                continue  # "Абай айтқандай, «…»", "Елбасы айтқандай": a saying cited, not speech reported
        elif (told := _told_after(doc, opener, closer, first, last)) is not None:
            # "«…». Бұл туралы аудан әкімі Нұрлан Сәрсенов айтты.": the next sentence tells who
            speaker, how = _speaker(doc, told, doc.tokens[opener].start, speakers)
            if how not in ("named", "post"):
                continue  # "Бұл туралы облыс әкімдігі хабарлады": a body, not a person, said it
            clause, source = told, "quote-told-after"
        else:
            introduced = _introduced_before(doc, opener, closer, first, speakers)
            if introduced is None:
                continue
            speaker, how, source = introduced, "introduced", "quote-introduced"
        for p_first, p_last, inner in parts:
            if p_first > p_last:
                continue
            text, start, end = _quote_text(doc, doc.tokens[p_first].start, doc.tokens[p_last].end)
            if not text or len(text.split()) < 2:
                continue
            who, how_inner = speaker, how
            if inner is not None:
                who, how_inner = _speaker(doc, inner, doc.tokens[opener].start, speakers)
                speaker = speaker or who
            attribution = inner or clause
            confidence = _confidence(how_inner)
            found.append(
                Quote(
                    who if inner is not None else speaker,
                    text,
                    start,
                    end,
                    _mention(doc, attribution) if attribution else None,
                    Evidence(f"{source}:{how_inner}", confidence, s_start, s_end),
                )
            )
        previous_speaker, previous_closer = speaker, closer
    return found


def _subject_post_holder(doc: Document, first: int, opener: int, speakers: Speakers) -> str | None:
    """"Қала әкімі … айтып, «…» деп кеңес берді.": a sentence opened by a post in the
    nominative, its subject, speaks the quotation inside it; the person who holds that post."""
    for end in range(first + 1, min(first + 3, opener - 1)):
        tok = doc.tokens[end]
        if tok.kind == "word" and doc.lemma(end) in post_nouns() and strip_case(tok.norm)[1] == "NOM" \
                and all(doc.tokens[k].kind == "word" for k in range(first, end + 1)):
            return speakers.holder_of([doc.lower(k) for k in range(first, end + 1)], doc.tokens[opener].start)
    return None


def _according(doc: Document, opener: int, closer: int, first: int, last: int) -> _Clause | None:
    """"Оның айтуынша, «жобаға 500 отбасы қатысады».": a clause with a word of ``according``
    ("айтуынша", "сөзінше"), a comma, then a quotation of several words that ends the sentence."""
    if opener - 2 < first or doc.tokens[opener - 1].norm != "," or closer - opener < 4:
        return None
    if closer < last and doc.tokens[closer + 1].norm not in _CLAUSE_END:
        return None
    start = opener - 2
    while start > first and doc.tokens[start - 1].norm not in _CLAUSE_END | {"»", "«", ","}:
        start -= 1
    openings = kk.entries("speech_verbs.txt", "according") + kk.entries("speech_verbs.txt", "as_said")
    verb = next((k for k in range(start, opener - 1) if doc.lower(k).startswith(openings)), None)
    return _Clause(start, opener - 2, verb) if verb is not None else None


def _told_after(doc: Document, opener: int, closer: int, first: int, last: int) -> _Clause | None:
    """"«Биыл ауылға жаңа мектеп салынады». Бұл туралы аудан әкімі Нұрлан Сәрсенов айтты.": a
    quotation of several words that is its whole sentence, and the next sentence, in the same
    paragraph, opens with words of ``told_after`` and has a speech verb — that sentence is the
    attribution."""
    if opener != first or closer - opener < 5 or closer < last - 1 or last + 1 >= len(doc.tokens):
        return None
    if closer < last and doc.tokens[last].norm not in _CLAUSE_END:
        return None
    nxt = last + 1
    if "\n" in doc.text[doc.tokens[last].end : doc.tokens[nxt].start]:
        return None  # another paragraph
    nxt_last = doc.sentence_bounds(nxt)[1]
    for opening in kk.entries("speech_verbs.txt", "told_after"):
        words = opening.split()
        end = nxt + len(words)
        if end <= nxt_last and [doc.lower(k) for k in range(nxt, end)] == words:
            clause = _Clause(end, nxt_last, end)
            return clause if _has_speech_verb(doc, clause) else None
    return None


def _introduced_before(doc: Document, opener: int, closer: int, first: int, speakers: Speakers) -> str | None:
    """A quotation that opens its sentence with no attribution, right after a sentence that
    introduces its speaker: "… Валентина Кравченко әңгімеледі. «Әкем майданнан …»", or
    "Көмек алған отбасылардың бірі – Зульфия Турдиева. «Балаларымды …»"."""
    if opener != first or first == 0 or closer - opener < 5:
        return None
    prev_last = first - 1
    if doc.tokens[prev_last].norm in (".", "!") and prev_last > 0:
        prev_last -= 1
    prev_first = doc.sentence_bounds(prev_last)[0]
    if "\n" in doc.text[doc.tokens[prev_last].end : doc.tokens[first].start]:
        return None  # another paragraph
    words = [doc.lower(k) for k in range(prev_first, prev_last + 1)]
    ends_in_verb = bool(words) and any(_verb_at(words, k) for k in range(max(0, len(words) - 3), len(words)))
    ends_in_name = speakers.named_in(doc.tokens[prev_last].start, doc.tokens[prev_last].end) is not None
    if not (ends_in_verb or ends_in_name):
        return None
    return speakers.last_before(doc.tokens[prev_last].end)


def _has_speech_verb(doc: Document, clause: _Clause) -> bool:
    words = [doc.lower(i) for i in range(clause.first, clause.last + 1)]
    return any(_verb_at(words, k) for k in range(len(words)))


def _continues(doc: Document, closer: int, opener: int) -> bool:
    """Whether the tokens between two quotes are only an attribution and joining punctuation."""
    words = [doc.lower(i) for i in range(closer + 1, opener)]
    return any(_verb_at(words, k) for k in range(len(words))) and doc.tokens[opener - 1].norm in {"—", ",", ":"}


def _mention(doc: Document, clause: _Clause) -> Mention:
    start, end = doc.tokens[clause.first].start, doc.tokens[clause.last].end
    return Mention(doc.text[start:end], start, end)


def _dash_quotes(doc: Document, first: int, last: int, speakers: Speakers) -> list[Quote]:
    """Dialogue: "— Біз дайынбыз. Барамыз, — деді Ахмет Оспанов. — Сайлауға барамыз."

    A paragraph that opens with a dash is speech up to ", —" (or "? —", "! —") and an
    attribution with a speech verb; after the attribution another dash resumes the speech
    of the same speaker.
    """
    opening = doc.tokens[first].norm
    unclosed = opening == "«" and doc.quote_partner(first) is None
    if last - first < 2:
        return []
    if opening not in _DASHES and not unclosed:
        # "Ерлан Сапаров жиынды ашты. «Біз дайынбыз, – деді ол.": a quotation the page never
        # closed, opening a sentence inside the paragraph, read as a dialogue line from there
        for k in range(first + 1, last - 1):
            if doc.tokens[k].norm == "«" and doc.quote_partner(k) is None \
                    and doc.tokens[k - 1].norm in (".", "!", "?", "…"):
                return _dash_quotes(doc, k, last, speakers)
        return _closing_attribution(doc, first, last, speakers)
    quotes: list[Quote] = []
    part_start = first + 1
    speaker: str | None = None
    i = first + 2
    while i <= last:
        clause = _attribution_break(doc, i, last)
        if clause is not None:
            speaker, how = _speaker(doc, clause, doc.tokens[first].start, speakers)
            quotes.append(_dash_quote(doc, part_start, _speech_end(doc, i), speaker, f"quote-dash:{how}", clause))
            resume = clause.last + 1
            while resume <= last and doc.tokens[resume].norm not in _DASHES:
                resume += 1
            if any(doc.tokens[j].kind == "word" for j in range(clause.last + 1, min(resume, last + 1))):
                # the speech resumes only at a dash right after its attribution ("…, – деді
                # ол. – …"); a dash later in the author's sentences is no speech ("Киім
                # үлгілерінің авторы … айтты. … бірі – Тәжік этномәдени бірлестігі.")
                resume = last + 1
            part_start = resume + 1
            i = resume + 1
            continue
        i += 1
    if quotes and part_start <= last:
        # the rest of the line is the same speaker's, as written to its end
        quotes.append(_dash_quote(doc, part_start, last, speaker, "quote-dash:continued", None))
    return [q for q in quotes if q.text]


def _closing_attribution(doc: Document, first: int, last: int, speakers: Speakers) -> list[Quote]:
    """A paragraph of speech with no opening dash that ends "…, — деді ол." (the attribution
    its last clause, a dash in its break): the paragraph up to the break is the quotation.
    Names in quotation marks may stand before the dash that opens it or inside it
    ("«Жастар» бірлестігінің төрағасы X ашты. – Біздің «…» бірлестігі …, – деді ол."); a
    speech in quotation marks is the quotation rules'."""
    for i in range(last - 1, first + 1, -1):
        if doc.tokens[i].norm not in _DASHES or (doc.tokens[i - 1].norm in _BREAK and doc.tokens[i - 2].norm in _BREAK):
            continue  # not a dash, or inside a longer run of marks
        start = i - 1 if doc.tokens[i - 1].norm in _BREAK else i
        clause = _attribution_break(doc, start, last)
        if clause is None or clause.last + 1 < last:
            continue  # the attribution must close the paragraph
        opened = _dash_opened(doc, first, start)
        if opened == first and any(doc.tokens[k].norm in ("«", "»") for k in range(first, last + 1)):
            return []  # no dash opens the speech: a paragraph with «…» is the quotation rules'
        if any(closer == start - 1 or opener == opened or _clause_after(doc, closer, last) is not None
               for opener, closer in _top_level_pairs(doc, opened, last)):
            return []  # "… ашты. – «Біз …», – деді ол.": a quotation in marks, the quotation rules'
        colon = next((k for k in range(opened, min(opened + 8, start)) if doc.tokens[k].norm == ":"), None)
        announced = colon if colon is not None and speakers.named_in(doc.tokens[opened].start, doc.tokens[colon].start) else None
        # a pronoun or a bare verb refers to the person named before the speech opens, in the
        # same paragraph too ("Жиынға X қатысты. – Біз …, – дейді ол."); "Марат Ахметов: Біз …,
        # – деп атап өтті": the name before the colon announces the speech
        speaker, how = _speaker(doc, clause, doc.tokens[opened if announced is None else announced].start, speakers)
        if speaker is None:
            # "…, – деп жазды inbusiness.kz тілшісі": with no dash to open it and no person to
            # say it, the paragraph is the outlet's report, not speech
            return []
        if announced is not None:
            opened = announced + 1
        quote = _dash_quote(doc, opened, _speech_end(doc, start), speaker, f"quote-dash:{how}", clause)
        return [quote] if quote.text and len(quote.text.split()) >= 3 else []
    return []


def _resumed_after_marks(doc: Document, first: int, last: int, speakers: Speakers) -> list[Quote]:
    """"«Біз дайынбыз», – деді Ахмет Оспанов. – Сайлауға барамыз.": a paragraph opening with a
    quotation in marks and its attribution, then a dash after the sentence's end that resumes
    the same speaker's speech, unmarked, to the paragraph's end (the quotation in marks is the
    quotation rules')."""
    closer = doc.quote_partner(first) if doc.tokens[first].norm == "«" else None
    if closer is None or closer >= last:
        return []
    clause = _clause_after(doc, closer, last)
    if clause is None:
        return []
    k = clause.last + 1
    if k + 2 > last or doc.tokens[k].norm not in (".", "!", "?") or doc.tokens[k + 1].norm not in _DASHES:
        return []
    own = _dash_quotes(doc, k + 1, last, speakers)
    if own:
        return own  # "… – B, – деп қосты ол.": the resumed speech has its own attribution
    speaker, _how = _speaker(doc, clause, doc.tokens[first].start, speakers)
    start, end = k + 2, last
    if doc.tokens[start].norm == "«" and (c := doc.quote_partner(start)) is not None and c > start \
            and all(doc.tokens[j].norm in (".", "!", "?") for j in range(c + 1, last + 1)):
        start, end = start + 1, c - 1  # "… – «B».": the resumed part in marks of its own
    if speaker is None or doc.tokens[start].norm == "«" or doc.tokens[end].norm == "»":
        return []  # marks that open or close it unmatched: not the speech resumed
    quote = _dash_quote(doc, start, end, speaker, "quote-dash:continued", None)
    return [quote] if len(quote.text.split()) >= 3 else []


def _dash_opened(doc: Document, first: int, end: int) -> int:
    """Where the speech ending before token ``end`` opens: after the last dash that follows a
    sentence's end ("Әкім жастармен кездесті. – Біз …, – деді ол." — paragraphs run together
    in the page), else at the paragraph's first token."""
    for k in range(end - 1, first, -1):
        if doc.tokens[k].norm in _DASHES and doc.tokens[k - 1].norm in (".", "!", "?", "…"):
            return k + 1
    return first


def _speech_end(doc: Document, i: int) -> int:
    """The last token of a speech whose attribution break starts at token ``i``: a question or
    exclamation mark stays the speaker's ("— Жаңарту қашан аяқталады? — деп сұрады")."""
    end = i - 1
    while doc.tokens[end + 1].norm in _KEPT_MARKS:
        end += 1
    return end


def _attribution_break(doc: Document, i: int, last: int) -> _Clause | None:
    """The attribution after a speech that ends at token ``i - 1``: a run of punctuation with
    a comma or a dash (", —", ",-", "-,", "! —"), then a speech verb within three words
    ("— деді Ахмет Оспанов", ", деді М.Өтешов", "- деп атап өтті ол")."""
    if doc.tokens[i].norm not in _BREAK or doc.tokens[i - 1].norm in _BREAK:
        return None
    j = i
    while j + 1 <= last and doc.tokens[j + 1].norm in _BREAK:
        j += 1
    run = {doc.tokens[k].norm for k in range(i, j + 1)}
    if not (run & _DASHES or "," in run):
        return None
    clause = _clause_after(doc, j, last, set_off=True)
    return clause if clause is not None and clause.verb - (j + 1) <= 3 else None


def _dash_quote(doc: Document, first: int, last: int, speaker: str | None, source: str, clause: _Clause | None) -> Quote:
    text, start, end = _quote_text(doc, doc.tokens[first].start, doc.tokens[last].end)
    sentence = doc.sentences[doc.sentence_of[first]]
    confidence = _confidence(source.rpartition(":")[2])
    return Quote(
        speaker, text, start, end, _mention(doc, clause) if clause else None,
        Evidence(source, confidence, sentence.start, sentence.end),
    )
