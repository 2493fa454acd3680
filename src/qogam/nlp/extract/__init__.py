"""Information extraction from Kazakh news: organisations, people, posts, quotes, events, places.

``extract(text)`` runs the whole pipeline on one document and returns an
:class:`~qogam.nlp.extract.results.Extraction`; ``.to_json()`` gives the JSON document of the
``qogam extract`` contract. The pipeline: sentences and tokens → named entities (the shipped
CRF model) → person mentions (lexicons + model) grouped into persons → organisation mentions →
posts → quotes (speakers resolved through persons and posts) → events → places.
"""
from __future__ import annotations

from datetime import date

from qogam.errors import ModelError
from qogam.nlp.extract.calibration import calibrate, use_rule_scores
from qogam.nlp.extract.document import Document, EntitySpan
from qogam.nlp.extract.events import find_events
from qogam.nlp.extract.lexicon import post_words
from qogam.nlp.extract.mixed import merge_sentences
from qogam.nlp.extract.org_groups import group_organizations, is_venue
from qogam.nlp.extract.organizations import find_org_mentions
from qogam.nlp.extract.persons import PersonIndex, find_person_mentions, group_persons
from qogam.nlp.extract.places import find_places
from qogam.nlp.extract.posts import find_posts, role_index
from qogam.nlp.extract.quotes import find_quotes
from qogam.nlp.extract.results import Extraction, without_bodiless_repeats
from qogam.nlp.langid import detect_language, other_language_spans

__all__ = ["Extraction", "extract"]

# Longer sentences are cut for the tagger: CRF decoding of one 100k-token "sentence" (a
# document without punctuation) would take long and says nothing useful.
_MAX_TAGGED_TOKENS = 400


def _tag_entities(doc: Document, warnings: list[str]) -> None:
    """Fill ``doc.entities`` from the shipped NER model (a warning when it cannot load)."""
    try:
        from qogam.nlp.ner import load_model
        from qogam.nlp.ner.scorer import iob_spans

        model = load_model()
    except (ModelError, ImportError) as exc:
        warnings.append(f"named-entity model unavailable, rules only: {exc}")
        return
    offset = 0
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for chunk_start in range(0, len(tokens), _MAX_TAGGED_TOKENS):
            chunk = tokens[chunk_start : chunk_start + _MAX_TAGGED_TOKENS]
            tagged = model.tag_with_confidence([t.norm for t in chunk])
            for label, first, last in iob_spans([label for label, _ in tagged]):
                confidence = sum(p for _, p in tagged[first:last]) / (last - first)
                a, b = offset + chunk_start + first, offset + chunk_start + last - 1
                doc.entities.append(
                    EntitySpan(label, a, b, doc.tokens[a].start, doc.tokens[b].end, round(confidence, 4))
                )
        offset += len(tokens)


def extract(
    text: str, lang: str = "auto", published: date | None = None, use_model: bool = True, calibrated: bool = True
) -> Extraction:
    """Return everything Qogam extracts from one document ``text``.

    ``lang`` is "kk", "ru" or "auto": detected for the document, and then per sentence — the
    sentences of a Kazakh article written in Russian (a quoted statement) are read by the
    Russian pipeline, and the other way round (:func:`qogam.nlp.langid.other_language_spans`).
    Text in neither language gives an empty result with a warning. ``published`` (the
    article's date) resolves relative dates such as "Күні кеше". ``use_model=False`` skips the
    NER models (rules only). ``calibrated=False`` leaves each fact's confidence at its rule's
    own score (for fitting the calibration). Never raises for any string.
    """
    if not text.strip():
        return Extraction(lang if lang != "auto" else "other", warnings=["empty text: nothing to extract"])
    auto = lang == "auto"
    if auto:
        lang = detect_language(text).lang
    if lang not in ("kk", "ru"):
        return Extraction(lang, warnings=[f"language is {lang!r}: only Kazakh and Russian extraction are implemented, nothing extracted"])
    result = _pipeline(lang, text, published, use_model)
    if auto:
        other = "ru" if lang == "kk" else "kk"
        spans = other_language_spans(text, other)
        if spans:
            merge_sentences(result, _pipeline(other, text, published, use_model), spans)
    result.posts = without_bodiless_repeats(result.posts)
    if calibrated:
        calibrate(result)
    else:
        use_rule_scores(result)
    return result


def _pipeline(lang: str, text: str, published: date | None, use_model: bool) -> Extraction:
    if lang == "ru":
        from qogam.nlp.ru.pipeline import extract_russian

        return extract_russian(text, use_model=use_model)
    return _extract_kazakh(text, published, use_model)


def _extract_kazakh(text: str, published: date | None, use_model: bool) -> Extraction:
    """The Kazakh pipeline on ``text`` (uncalibrated)."""
    warnings: list[str] = []
    result = Extraction("kk")
    if text.count("«") != text.count("»"):
        warnings.append("unbalanced «» quotation marks: quotes in the unbalanced paragraphs are skipped")
    doc = Document.from_text(text)
    if use_model:
        _tag_entities(doc, warnings)
    mentions = find_person_mentions(doc)
    result.persons = group_persons(doc, mentions)
    person_tokens = {k for m in mentions if m.person is not None for k in range(m.first, m.last + 1)}
    org_mentions = find_org_mentions(doc, person_tokens)
    result.organizations = group_organizations(doc, org_mentions)
    result.posts = find_posts(doc, mentions, org_mentions)
    # a body named only inside another's name ("Сайрам ауданы әкімдігі" in "… әкімдігі
    # жанындағы қоғамдық кеңес") is listed on its own only when a post refers to it
    # and a library or hospital where an event is held is a venue, not a body, unless a post
    # names it (the annotation conventions)
    referenced = {p.organization for p in result.posts} | {p.on_behalf_of for p in result.posts}
    not_only_where = {m.name for m in org_mentions if m.case != "LOC"}
    result.organizations = [
        o for o in result.organizations
        if o.name in referenced
        or (any(e.source != "org-parent" for e in o.evidence) and not is_venue(o, o.name in not_only_where))
    ]
    pronoun_subjects = frozenset(  # "Ол … алғыс айтты.": the subject named in a sentence before
        s.start for s in doc.sentences if s.tokens and s.tokens[0].norm.lower() in post_words("subject_pronouns"))
    speakers = PersonIndex(mentions, role_index(result.posts), [s.start for s in doc.sentences], pronoun_subjects)
    result.quotes = find_quotes(doc, speakers)
    result.events = find_events(doc, mentions, published)
    result.places = find_places(doc, org_mentions, frozenset(person_tokens))
    result.warnings = warnings
    return result
