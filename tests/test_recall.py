"""Event recall of the rule-based extraction: trigger rows and lower-cased actor names."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from flashpoint.extractors.actor_lexicon import ActorLexicon, is_lowercased
from flashpoint.ingest.text import normalise_text
from flashpoint.nlp.pipeline import parse_many
from flashpoint.nlp.sentences import SentenceSpan
from flashpoint.process import article_mentions, make_article


def _types(sentence: str) -> set[tuple[str, str | None]]:
    art = make_article(sentence)
    span = SentenceSpan(0, len(art.text), 0, 0)
    doc = next(iter(parse_many([art.text])))
    return {(m.plover_type, m.plover_mode) for m in article_mentions(art, [span], [(span, doc)])}


@pytest.mark.parametrize(("sentence", "want"), [
    ("Police lathi-charged the protesters near the station.", ("ASSAULT", "crowd-control")),
    ("Police lobbed tear gas shells to disperse the mob.", ("ASSAULT", "crowd-control")),
    ("Two men were stabbed in the old city on Sunday.", ("ASSAULT", "primitive")),
    ("Police picked up six men in connection with the arson.", ("COERCE", "arrest")),
    ("Police nabbed the suspect at the bus stand.", ("COERCE", "arrest")),
    ("The accused were booked for murder by the police.", ("COERCE", "arrest")),
    ("Eighty workers were taken into custody by the police.", ("COERCE", "arrest")),
    ("The authorities imposed a curfew in the town on Monday.", ("COERCE", "curfew")),
    ("Government forces captured the town after a week of fighting.", ("COERCE", "seize")),
    ("The militia murdered three villagers.", ("ASSAULT", None)),
    ("Three others died in police firing in the old city.", ("ASSAULT", "firearms")),
    ("Police had to resort to firing to disperse the mob.", ("ASSAULT", "firearms")),
    ("The fighters are held in prisons run by the militia.", ("COERCE", "arrest")),
    ("The minister handed in his resignation on Thursday.", ("RETREAT", "resign")),
])
def test_trigger_rows(sentence: str, want: tuple[str, str | None]) -> None:
    assert want in _types(sentence)


@pytest.mark.parametrize("sentence", [
    "The bank charged a fee for the transfer.",
    "She picked a book from the shelf.",
    "They booked a table for dinner.",
    "The company fired its chief executive.",
])
def test_no_event(sentence: str) -> None:
    assert not {t for t, _ in _types(sentence)} & {"ASSAULT", "COERCE"}


LOWER = ("ahmedabad: the vishwa hindu parishad and the bharatiya janata party leaders met in "
         "new delhi on sunday, while pakistan and the united nations called on us to show "
         "restraint. who is to blame for the raw deal the villagers got, asked the men who "
         "had come from china town and the old city.")


def test_lowercased_rule() -> None:
    assert is_lowercased(LOWER)
    assert not is_lowercased(LOWER.title())
    assert not is_lowercased("ahmedabad: too short")


@pytest.mark.parametrize(("name", "country"), [("pakistan", "PAK"), ("united nations", "UNO"),
                                               ("new delhi", "IND")])
def test_lowercase_names(name: str, country: str) -> None:
    got = {m.text: m.country for m in ActorLexicon.default().find(LOWER, lowercase=True)}
    assert got.get(name) == country
    assert name not in {m.text for m in ActorLexicon.default().find(LOWER)}


@pytest.mark.parametrize("word", ["us", "who", "raw", "china"])
def test_lowercase_skips_ambiguous(word: str) -> None:
    assert word not in {m.text for m in ActorLexicon.default().find(LOWER, lowercase=True)}


# per-label recall floors under what was measured on the sample below (seed 11, tuning half of
# the documents): KILL 0.933, ARREST 0.900, FORCE 0.897
FLOORS = {"KILL": 0.9, "ARREST": 0.87, "FORCE": 0.87}


def test_india_police_recall(shared_data: Path) -> None:
    folder = shared_data / "events" / "india_police_events"
    if not folder.is_dir():
        pytest.skip(f"india_police_events not found in {shared_data}")
    docs = {}
    for line in (folder / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        docs[d["doc_id"]] = normalise_text(d["doc_text"])
    ids = sorted(docs)
    random.Random(2002).shuffle(ids)
    tune = set(ids[:len(ids) // 2])
    located = []
    sents: dict[int, list[dict]] = {}
    for line in (folder / "sents.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        sents.setdefault(d["doc_id"], []).append(d)
    for did, ss in sents.items():
        text, pos = docs[did], 0
        for s in ss:
            st = normalise_text(s["sent_text"])
            i = text.find(st, pos) if st.strip() else -1
            if i >= 0:
                located.append((did, i, i + len(st), tuple(s["sent_labels"])))
                pos = i + len(st)
    pool = [x for x in located if x[0] in tune]
    random.Random(11).shuffle(pool)
    quota = {"KILL": 90, "ARREST": 90, "FORCE": 90}
    picked: dict[int, list[tuple[str, int, int]]] = {}
    for x in pool:
        key = next((k for k in quota if k in x[3] and quota[k] > 0), None)
        if key:
            quota[key] -= 1
            picked.setdefault(x[0], []).append((key, x[1], x[2]))
    hits = {k: 0 for k in FLOORS}
    totals = {k: 0 for k in FLOORS}
    for did, items in picked.items():
        art = make_article(docs[did], outlet="Times of India")
        spans = [SentenceSpan(s, e, 0, 0) for _, s, e in items]
        parsed = list(zip(spans, parse_many([art.text[s.start:s.end] for s in spans]), strict=True))
        ms = article_mentions(art, spans, parsed)
        for key, s, e in items:
            types = {(m.plover_type, m.plover_mode) for m in ms
                     if m.trigger_start is not None and s <= m.trigger_start < e}
            ok = {"KILL": any(t == "ASSAULT" for t, _ in types),
                  "ARREST": ("COERCE", "arrest") in types,
                  "FORCE": any(t in ("ASSAULT", "COERCE") for t, _ in types)}[key]
            totals[key] += 1
            hits[key] += ok
    recall = {k: hits[k] / totals[k] for k in FLOORS}
    assert all(recall[k] >= FLOORS[k] for k in FLOORS), recall
