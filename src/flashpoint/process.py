"""The one composition of the stages: articles → event mentions.

    article text ─ split sentences ─ pre-filter (trigger words) ─ nlp.pipe (kept sentences only)
                 ─ actors in text ─ times ─ places ─┐
    per parsed sentence: events → when, where, attribution, status → EventMention

Everything here is deterministic; the spaCy pipeline and the gazetteer are loaded once per
process and reused for every article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from . import ontology
from .extractors.acled_cues import refine as refine_acled
from .extractors.actor_lexicon import ActorLexicon, ActorMatch, is_lowercased
from .extractors.attribution import (
    article_attributions,
    dateline,
    outward_chain,
    publisher,
    sentence_attribution,
    status_of,
)
from .extractors.classifier import classify_many
from .extractors.events import SentenceContext, SentenceEvent, sentence_events
from .extractors.places import event_place, find_places
from .extractors.times import event_time, find_times
from .extractors.triggers import might_hold_event
from .gazetteer import Gazetteer
from .models import Actor, Article, Attribution, EventMention, Magnitude, Place, TimeExpression
from .nlp.pipeline import parse_many
from .nlp.sentences import SentenceSpan, split_sentences

_DYAD_KINDS = frozenset({"country", "demonym", "capital", "group", "person"})


@dataclass(frozen=True, slots=True)
class ProcessStats:
    """Where the time of a run went (filled by ``process_articles`` when asked)."""

    sentences: int
    parsed: int


def mention_id(article_id: str, trigger_start: int, plover_type: str) -> str:
    """Stable id of an event mention (hashlib, never Python's salted hash)."""
    raw = f"{article_id}:{trigger_start}:{plover_type}".encode()
    return hashlib.sha256(raw).hexdigest()[:24]


def article_dyad(matches: Sequence[ActorMatch]) -> tuple[str, ...]:
    """The article's most-mentioned countries, most first (for "both sides", ceasefires)."""
    counts = Counter(m.country for m in matches if m.country and m.kind in _DYAD_KINDS
                     and len(m.country) == 3 and m.country.isalpha() and m.country.isupper())
    return tuple(c for c, _ in counts.most_common(2))


@dataclass(slots=True)
class _Prepared:
    article: Article
    sentences: list[SentenceSpan]
    keep: list[int]  # indices of sentences to parse


def _prepare(article: Article) -> _Prepared:
    sents = split_sentences(article.text)
    dl = dateline(article.text)
    for i, sp in enumerate(sents[:2]):  # the first, or the one after a "This story is from"
        if dl is not None and sp.start < dl.end < sp.end:
            # the parser reads "Gunmen opened fire …", not "SRINAGAR, April 23 (Wire) -
            # Gunmen …" or "lucknow: the …"
            sents[i] = dataclasses.replace(sp, start=dl.end)
    keep = [i for i, s in enumerate(sents) if might_hold_event(article.text[s.start:s.end])]
    return _Prepared(article, sents, keep)


def process_articles(articles: Iterable[Article], *, batch_size: int = 16,
                     prefilter: bool = True) -> Iterator[tuple[Article, list[EventMention]]]:
    """Event mentions of each article, in input order. Articles are parsed in batches."""
    batch: list[_Prepared] = []
    for art in articles:
        prep = _prepare(art)
        if not prefilter:
            prep.keep = list(range(len(prep.sentences)))
        batch.append(prep)
        if len(batch) >= batch_size:
            yield from _run_batch(batch)
            batch = []
    if batch:
        yield from _run_batch(batch)


def _run_batch(batch: list[_Prepared]) -> Iterator[tuple[Article, list[EventMention]]]:
    texts = [p.article.text[p.sentences[i].start:p.sentences[i].end]
             for p in batch for i in p.keep]
    docs = iter(parse_many(texts))
    for p in batch:
        parsed = [(p.sentences[i], next(docs)) for i in p.keep]
        yield p.article, article_mentions(p.article, p.sentences, parsed)


def article_mentions(article: Article, sentences: Sequence[SentenceSpan],
                     parsed: Sequence[tuple[SentenceSpan, Doc]]) -> list[EventMention]:
    """All event mentions of one article, given its parsed candidate sentences."""
    text = article.text
    lexicon = ActorLexicon.default()
    matches = lexicon.find(text, lowercase=is_lowercased(text))
    dyad = article_dyad(matches)
    times = find_times(text, article.published, [(s.start, s.end) for s in sentences])
    ents = [(s.start + e.start_char, s.start + e.end_char, e.label_)
            for s, d in parsed for e in d.ents]
    places = find_places(text, ents, Gazetteer.default(), context_countries=dyad)
    pub, pub_chain = publisher(text, article.outlet)
    out: list[EventMention] = []
    sent_index = {s.start: n for n, s in enumerate(sentences)}
    contexts: dict[int, tuple[Doc, SentenceContext]] = {}
    for span, doc in parsed:
        base = span.start
        local = tuple(dataclasses.replace(m, start=m.start - base, end=m.end - base)
                      for m in matches if m.start >= span.start and m.end <= span.end)
        contexts[sent_index.get(span.start, -1 - len(contexts))] = (
            doc, SentenceContext(local, lexicon, _place_country(places, base), dyad))
    atts = article_attributions(text, [(s.start, s.end) for s in sentences],
                                {k: v for k, v in contexts.items() if k >= 0}, matches, lexicon)
    coded = []
    for span, doc in parsed:
        no = sent_index.get(span.start, 0)
        ctx = contexts.get(no, (doc, None))[1] or SentenceContext((), lexicon, lambda s, e: None,
                                                                   dyad)
        coded.append((span, doc, no, sentence_events(doc, ctx),
                      atts.get(no) or sentence_attribution(doc, ctx)))
    _learned_modes([(ev, text[span.start:span.end]) for span, _, _, events, _ in coded
                    for ev in events])
    prev: list[int] = []  # indices into out of the previous parsed sentence's mentions
    prev_no = -2
    for span, doc, no, events, att in coded:
        this: list[int] = []
        for ev in events:
            this.append(len(out))
            out.append(_mention(article, span, span.start, ev, att, pub, pub_chain, times,
                                places, no, doc))
        # "… blamed Pakistani intelligence." "Islamabad denied the charge." → contested;
        # "Pakistani troops fired first, the army said." "Pakistan denied it." → contested
        if 0 < no - prev_no <= 2:  # the sentence before, or the one before that
            for ev in events:
                if ev.type != "REJECT" or not ev.denies_prior:
                    continue
                accused = [k for k in prev if out[k].plover_type == "ACCUSE"]
                said = [k for k in prev if out[k].plover_type != "REJECT"
                        and out[k].status in ("asserted", "reported", "alleged", "claimed")]
                # a denied "charge" is an accusation, or else what a source said happened
                targets = accused or ([k for k in said if out[k].status != "asserted"]
                                      if ev.denies_charge else said)
                for k in targets:
                    out[k] = dataclasses.replace(
                        out[k], status="contested",
                        denied_by=tuple(sorted(set(out[k].denied_by) | set(ev.denies))))
        prev, prev_no = this, no
    return out


def _place_country(places: Sequence[Place], base: int):
    def lookup(start: int, end: int) -> str | None:
        for p in places:
            if p.start is not None and p.end is not None and p.country and \
                    base + start <= p.start and p.end <= base + end:
                return p.country
        return None
    return lookup


def _shift(actors: Iterable[Actor], base: int) -> tuple[Actor, ...]:
    return tuple(Actor(a.text, a.country, a.sector,
                       None if a.start is None else a.start + base,
                       None if a.end is None else a.end + base) for a in actors)


def _mention(article: Article, span: SentenceSpan, base: int, ev: SentenceEvent, att,
             pub: str | None, pub_chain: tuple[str, ...], times: Sequence[TimeExpression],
             places: Sequence[Place], sentence_no: int, doc: Doc | None = None) -> EventMention:
    trig = base + ev.trigger_start
    # the time attached to the trigger in the parse, else the sentence's nearest, else the
    # paragraph's running date, else publication
    when = event_time(times, trig, span.start, span.end, article.published,
                      paragraph_start=span.paragraph_start, trigger_end=base + ev.trigger_end,
                      parse=doc, parse_offset=base)
    if when.basis == "context" and when.precision not in ("day", "hour"):
        # a running "last year" is too coarse to carry over to the next sentence
        when = event_time(times, trig, span.start, span.end, article.published,
                          paragraph_start=None, trigger_end=base + ev.trigger_end,
                          parse=doc, parse_offset=base)
    # a place that *is* an actor ("Islamabad denies", "India expelled") is not where it
    # happened; a recipient ("attacked Pakistan") only where the parse puts it in a locative
    # phrase of the trigger ("attacked a post in Kupwara"); then the sentence's, the dateline's
    filed = dateline(article.text)
    # the lower-case archive dateline ("lucknow: …") is the filing desk, often not where the
    # events it reports happened: no fallback to it (its first sentence is still read
    # without it)
    where = event_place(places, trig, span.start, span.end, parse=doc, parse_offset=base,
                        dateline_end=filed.end if filed and not filed.lower else None,
                        actors=[(base + a.start, base + a.end) for a in ev.actors
                                if a.start is not None and a.end is not None],
                        recipients=[(base + a.start, base + a.end) for a in ev.recipients
                                    if a.start is not None and a.end is not None])
    recipients = [r for r in ev.recipients]
    sentence = article.text[span.start:span.end]
    actor_sector = next((a.sector for a in ev.actors if a.sector), None)
    acled = ontology.acled_for(ev.type, ev.mode,
                               recipient_sector=next((r.sector for r in recipients if r.sector),
                                                     None),
                               actor_sector=actor_sector)
    acled = refine_acled(sentence, ev.type, ev.mode, acled[0], acled[1], actor_sector)
    chain = outward_chain(pub, pub_chain, att.chain)
    status = status_of(ev, att, doc, outward=chain)
    return EventMention(
        event_id=mention_id(article.id, trig, ev.type),
        article_id=article.id,
        sentence=sentence_no,
        evidence_text=article.text[span.start:span.end],
        evidence_start=span.start,
        evidence_end=span.end,
        trigger=ev.trigger,
        trigger_start=trig,
        trigger_end=base + ev.trigger_end,
        plover_type=ev.type,
        plover_mode=ev.mode,
        cameo_code=ev.cameo,
        context=_context(ev),
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        quad_class=ontology.plover_quad(ev.type),
        intensity=ontology.plover_score(ev.type, ev.mode),
        actor=_shift(ev.actors, base),
        recipient=_shift(recipients, base),
        reciprocal=ev.reciprocal,
        when=when,
        where=where,
        magnitude=Magnitude(ev.dead, ev.injured, ev.arrested),
        attribution=Attribution(pub, chain, att.speaker, att.anonymous),
        status=status,
        denied_by=tuple(ev.denied_by),
        confidence=round(min(ev.confidence, 1.0), 3),
        doc_file=article.file,
        doc_id=article.row_id,
    )


LEARNED_MODE_MIN = 0.6  # classifier probability needed to fill a mode the rules left open


def _learned_modes(items: Sequence[tuple[SentenceEvent, str]]) -> None:
    """Rules first; where they found the type but no mode, the learned classifier's mode
    (and its CAMEO code) fills the gap when it agrees on the type and is confident. One
    batched call per article, lexical heads only: the rules already chose the type, the
    modes come from the lexical heads, and the encoder (no mode head) would only re-check the
    type at about a third of the pipeline's time."""
    todo: list[SentenceEvent] = []
    rows: list[tuple[str, str | None, str | None]] = []
    for ev, sentence in items:
        if ev.mode is not None or not ontology.plover_modes(ev.type):
            continue
        actor = next((a.text for a in ev.actors if a.text), None)
        target = next((a.text for a in ev.recipients if a.text), None)
        todo.append(ev)
        rows.append((sentence, actor if actor and actor in sentence else None,
                     target if target and target in sentence else None))
    if not rows:
        return
    for ev, c in zip(todo, classify_many(rows, use_encoder=False), strict=True):
        if c.plover_type == ev.type and c.plover_mode and c.confidence >= LEARNED_MODE_MIN:
            ev.mode = c.plover_mode
            ev.cameo = c.cameo_code or ev.cameo


def _context(ev: SentenceEvent) -> tuple[str, ...]:
    mapped = ontology.cameo_to_plover(ev.cameo)
    ctx = tuple(mapped[2]) if mapped else ()
    if ev.type in ("ASSAULT", "MOBILIZE") and "military" not in ctx:
        ctx = (*ctx, "military")
    return ctx


def make_article(text: str, *, published: dt.date | None = None, file: str | None = None,
                 row_id: str | None = None, outlet: str | None = None,
                 title: str | None = None, url: str | None = None) -> Article:
    """An Article from raw text (id = sha256 of the normalised text)."""
    from .ingest import article_id, normalise_text

    body = normalise_text(text)
    return Article(article_id(body), body, title, url, outlet, published, "en", file, row_id)
