"""Score attribution (speakers, reporting chains) and event status on the annotated
development sentences in ``evaluation/attribution/``.

The annotations hold ids, character offsets and labels only; the texts are read from
``../shared/data/events`` (``guardian_sdf_sample.csv`` rows by their index column,
``india_police_events`` documents by ``doc_id``). Offsets point into ``normalise_text`` of the
article text; a ``sha1`` prefix of every sentence catches a changed data file.

- **speaker**: a system speaker counts when its span overlaps a gold speaker span; precision,
  recall and F1 over sentences (a wrong speaker is a false positive and a false negative);
  ``anonymous`` accuracy over the matched speakers.
- **chain**: exact match of the sentence's chain (publisher left out), names compared after
  ``canonical_media`` and case folding, one name may contain the other ("Fars" in "the
  semi-official Fars news agency"); over all sentences and over those with a chain.
- **status**: each gold event is matched to the system mention whose trigger overlaps it.
  An event the extractor did not find (its trigger is not in the lexicon, or the word was
  not read as an event) is still judged: the status rules are applied to the gold trigger
  word in its parsed sentence (``attribution.probe_status``), so the status figure scores
  the status rules on every annotated event, apart from trigger recall. Reported beside it:
  accuracy over the found events only, the end-to-end accuracy (a missed event counts as
  wrong) and the trigger recall. The confusion matrix (rows gold, columns system) is over
  all events; ``confusion_found`` is over found events, with ``missed`` for the rest.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..models import STATUSES, EventMention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..extractors.actor_lexicon import ActorLexicon
    from ..extractors.attribution import SentenceAttribution
    from ..extractors.events import SentenceContext

GOLD_DIR = Path(__file__).resolve().parents[3] / "evaluation" / "attribution"
OUTLETS = {"guardian": "The Guardian", "india": "Times of India"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    start: int
    end: int
    status: str


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    corpus: str
    doc: str
    start: int
    end: int
    sha1: str
    speaker: tuple[tuple[int, int], ...]
    anonymous: bool
    chain: tuple[str, ...]
    events: tuple[GoldEvent, ...]


@dataclass(slots=True)
class SystemSentence:
    speaker: Speaker | None
    chain: tuple[str, ...]
    mentions: list[EventMention] = field(default_factory=list)
    # status the rules give a gold event's trigger word the extractor did not find
    probed: dict[tuple[int, int], str] = field(default_factory=dict)


def load_gold(folder: Path = GOLD_DIR) -> list[GoldSentence]:
    """The annotated sentences of ``dev.jsonl``."""
    path = folder / "dev.jsonl"
    if not path.is_file():
        raise ConfigError(f"no attribution annotations at {path}; pass --gold with the folder "
                          "that holds dev.jsonl")
    out: list[GoldSentence] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        out.append(GoldSentence(
            d["id"], d["corpus"], str(d["doc"]), d["start"], d["end"], d["sha1"],
            tuple((int(s), int(e)) for s, e in d["speaker"]), bool(d["anonymous"]),
            tuple(d["chain"]),
            tuple(GoldEvent(e["start"], e["end"], e["status"]) for e in d["events"])))
    return out


def load_split(name: str, folder: Path = GOLD_DIR) -> set[str]:
    """The ids of a split (``tune``, ``heldout`` or ``fresh``), fixed by seed when the set was
    made."""
    path = folder / f"split_{name}.txt"
    if not path.is_file():
        raise ConfigError(f"no split file {path}; the attribution splits are split_tune.txt "
                          "and split_heldout.txt beside dev.jsonl")
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()}


# --------------------------------------------------------------------------------- texts

def _guardian(data: Path, wanted: set[str]) -> dict[str, str]:
    from ..ingest.text import normalise_text

    path = data / "events" / "guardian_sdf_sample.csv"
    csv.field_size_limit(sys.maxsize)
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row[""] in wanted:
                out[row[""]] = normalise_text(row["text"])
    return out


def _india(data: Path, wanted: set[str]) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """India police documents with their sentence spans (the set's own sentences, located in
    the normalised document text; the few that cannot be located are left out)."""
    from ..ingest.text import normalise_text

    folder = data / "events" / "india_police_events"
    texts: dict[str, str] = {}
    with (folder / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str(d["doc_id"]) in wanted:
                texts[str(d["doc_id"])] = normalise_text(d["doc_text"])
    sents: dict[str, list[str]] = {}
    with (folder / "sents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str(d["doc_id"]) in wanted:
                sents.setdefault(str(d["doc_id"]), []).append(normalise_text(d["sent_text"]))
    out: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for did, text in texts.items():
        pos, spans = 0, []
        for st in sents.get(did, []):
            i = text.find(st, pos) if st else -1
            if i >= 0:
                spans.append((i, i + len(st)))
                pos = i + len(st)
        out[did] = (text, spans)
    return out


def documents(data: Path, gold: Sequence[GoldSentence]
              ) -> dict[tuple[str, str], tuple[str, list[tuple[int, int]]]]:
    """(corpus, doc) → (normalised text, sentence spans) for every document ``gold`` uses."""
    from ..nlp.sentences import split_sentences

    if not (data / "events").is_dir():
        raise ConfigError(f"no events/ folder in {data}; pass --data with the shared data "
                          "folder (it holds events/guardian_sdf_sample.csv)")
    g = _guardian(data, {x.doc for x in gold if x.corpus == "guardian"})
    docs: dict[tuple[str, str], tuple[str, list[tuple[int, int]]]] = {
        ("guardian", k): (t, [(s.start, s.end) for s in split_sentences(t)])
        for k, t in g.items()}
    for k, v in _india(data, {x.doc for x in gold if x.corpus == "india"}).items():
        docs[("india", k)] = v
    for x in gold:
        if (x.corpus, x.doc) not in docs:
            raise ConfigError(f"document {x.corpus}:{x.doc} of {x.id} is not in {data}; "
                              "is this the shared data folder the set was annotated on?")
        text = docs[(x.corpus, x.doc)][0]
        if hashlib.sha1(text[x.start:x.end].encode()).hexdigest()[:12] != x.sha1:
            raise ConfigError(f"sentence {x.id} no longer matches its annotation (the text of "
                              f"{x.corpus}:{x.doc} changed); re-annotate it or use the "
                              "original data")
    return docs


# --------------------------------------------------------------------------------- system

def parsed_attributions(text: str, spans: Sequence[tuple[int, int]], parsed_docs: Sequence[Doc],
                        lexicon: ActorLexicon
                        ) -> tuple[dict[int, tuple[Doc, SentenceContext]],
                                   dict[int, SentenceAttribution]]:
    """Each sentence's parse with its context, and every sentence's attribution (across
    sentence boundaries), for an article whose sentences ``spans`` are all parsed."""
    from ..extractors.attribution import article_attributions, sentence_context
    from ..process import article_dyad

    matches = lexicon.find(text)
    dyad = article_dyad(matches)
    ctxs = {i: (d, sentence_context(text, s, e, matches, lexicon, dyad))
            for i, ((s, e), d) in enumerate(zip(spans, parsed_docs, strict=True))}
    return ctxs, article_attributions(text, spans, ctxs, matches, lexicon)


def run_system(docs: dict[tuple[str, str], tuple[str, list[tuple[int, int]]]],
               gold: Sequence[GoldSentence]) -> dict[str, SystemSentence]:
    """Attribution and mentions of every gold sentence, with every sentence of its article
    parsed (no pre-filter), so that attribution across sentences can be read."""
    from ..extractors.actor_lexicon import ActorLexicon
    from ..extractors.attribution import outward_chain, probe_status, publisher
    from ..nlp.pipeline import parse_many
    from ..nlp.sentences import SentenceSpan
    from ..process import article_mentions, make_article

    lexicon = ActorLexicon.default()
    by_doc: dict[tuple[str, str], list[GoldSentence]] = {}
    for x in gold:
        by_doc.setdefault((x.corpus, x.doc), []).append(x)
    out: dict[str, SystemSentence] = {}
    for key, items in sorted(by_doc.items()):
        text, spans = docs[key]
        article = make_article(text, outlet=OUTLETS[key[0]])
        if article.text != text:
            raise ConfigError(f"{key[0]}:{key[1]}: normalise_text is not idempotent here")
        sentences = [SentenceSpan(s, e, 0, 0) for s, e in spans]
        parsed_docs = list(parse_many([text[s:e] for s, e in spans]))
        ctxs, atts = parsed_attributions(text, spans, parsed_docs, lexicon)
        mentions = article_mentions(article, sentences,
                                    list(zip(sentences, parsed_docs, strict=True)))
        pub, pub_chain = publisher(text, article.outlet)
        index = {sp: i for i, sp in enumerate(spans)}
        for x in items:
            i = index.get((x.start, x.end))
            if i is None:
                raise ConfigError(f"{x.id}: no sentence at {x.start}-{x.end} of "
                                  f"{x.corpus}:{x.doc}; the sentence splitter changed")
            att = atts[i]
            chain = outward_chain(pub, pub_chain, att.chain)
            sysx = SystemSentence(att.speaker, chain, [
                m for m in mentions if m.trigger_start is not None
                and x.start <= m.trigger_start < x.end])
            doc, ctx = ctxs[i]
            for ev in x.events:
                if _mention_at(sysx.mentions, ev) is not None:
                    continue
                toks = [t for t in doc if _overlap(
                    (x.start + t.idx, x.start + t.idx + len(t)), (ev.start, ev.end))]
                # a trigger of several tokens ("shila-pujan") is read at its head
                tok = next((t for t in toks if t.head not in toks or t.head == t),
                           toks[0] if toks else None)
                if tok is not None:
                    sysx.probed[(ev.start, ev.end)] = probe_status(doc, ctx, tok.i, att, chain)
            out[x.id] = sysx
    return out


# --------------------------------------------------------------------------------- scoring

def _norm(name: str) -> str:
    from ..extractors.attribution import canonical_media

    t = canonical_media(name).casefold()
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def same_name(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return x == y or bool(x and y and (f" {x} " in f" {y} " or f" {y} " in f" {x} "))


def chains_match(gold: Sequence[str], system: Sequence[str]) -> bool:
    return len(gold) == len(system) and all(
        same_name(g, s) for g, s in zip(gold, system, strict=True))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mention_at(mentions: Sequence[EventMention], ev: GoldEvent) -> EventMention | None:
    return next((m for m in mentions if m.trigger_start is not None
                 and m.trigger_end is not None
                 and _overlap((m.trigger_start, m.trigger_end), (ev.start, ev.end))), None)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn}


def score(gold: Iterable[GoldSentence], system: dict[str, SystemSentence]
          ) -> dict[str, Any]:
    """Speaker P/R/F1, anonymous accuracy, chain exact match, status accuracy and confusion."""
    tp = fp = fn = 0
    anon_ok = anon_n = 0
    chain_ok = chain_n = chain_any_ok = chain_any_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    confusion_found: Counter[tuple[str, str]] = Counter()
    n = 0
    errors: list[dict[str, Any]] = []
    for x in gold:
        n += 1
        sysx = system[x.id]
        sp = sysx.speaker
        span = (sp.start, sp.end) if sp and sp.start is not None and sp.end is not None \
            else None
        hit = span is not None and any(_overlap(span, g) for g in x.speaker)
        if hit:
            tp += 1
            anon_n += 1
            anon_ok += int(bool(sp and sp.anonymous) == x.anonymous)
        else:
            fp += int(span is not None)
            fn += int(bool(x.speaker))
            if span is not None or x.speaker:
                errors.append({"id": x.id, "what": "speaker", "gold": list(x.speaker),
                               "system": [sp.text if sp else None, span]})
        ok = chains_match(x.chain, sysx.chain)
        chain_n += 1
        chain_ok += int(ok)
        if x.chain or sysx.chain:
            chain_any_n += 1
            chain_any_ok += int(ok)
            if not ok:
                errors.append({"id": x.id, "what": "chain", "gold": list(x.chain),
                               "system": list(sysx.chain)})
        for ev in x.events:
            m = _mention_at(sysx.mentions, ev)
            confusion_found[(ev.status, m.status if m is not None else "missed")] += 1
            got = _system_status(sysx, ev)
            confusion[(ev.status, got)] += 1
            if got != ev.status:
                errors.append({"id": x.id, "what": "status", "gold": ev.status,
                               "system": got, "found": m is not None,
                               "trigger": m.trigger if m is not None else None})
    total = sum(confusion.values())
    matched = sum(v for (g, s), v in confusion_found.items() if s != "missed")
    correct_found = sum(v for (g, s), v in confusion_found.items() if g == s)
    correct = sum(v for (g, s), v in confusion.items() if g == s)
    labels = [s for s in STATUSES if any(s in k for k in (*confusion, *confusion_found))]

    def table(c: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
        return {g: {s: c[(g, s)] for s in [*labels, "missed"] if c[(g, s)]} for g in labels}
    return {
        "sentences": n,
        "speaker": _prf(tp, fp, fn),
        "anonymous_accuracy": round(anon_ok / anon_n, 3) if anon_n else None,
        "chain_exact_match": round(chain_ok / chain_n, 3) if chain_n else None,
        "chain_exact_match_with_chain": round(chain_any_ok / chain_any_n, 3)
        if chain_any_n else None,
        "chain_sentences_with_chain": chain_any_n,
        "status_events": total,
        "status_found": matched,
        "trigger_recall": round(matched / total, 3) if total else None,
        "status_accuracy": round(correct / total, 3) if total else None,
        "status_accuracy_found": round(correct_found / matched, 3) if matched else None,
        "status_accuracy_end_to_end": round(correct_found / total, 3) if total else None,
        "confusion": table(confusion),
        "confusion_found": table(confusion_found),
        "errors": errors,
    }


def evaluate_attribution(data: Path, gold_dir: Path = GOLD_DIR) -> dict[str, Any]:
    """Scores on the tuning half, the held-out half and the whole set."""
    gold = load_gold(gold_dir)
    docs = documents(data, gold)
    system = run_system(docs, gold)
    tune, held = load_split("tune", gold_dir), load_split("heldout", gold_dir)
    out = {
        "tune": score([x for x in gold if x.id in tune], system),
        "heldout": score([x for x in gold if x.id in held], system),
    }
    # later held-out draws (split_fresh.txt, split_fresh2.txt, …), each annotated blind and
    # scored once after the last rule change before it; "untuned" pools them with the
    # held-out half: every sentence no rule was written from
    untuned = set(held)
    for path in sorted(gold_dir.glob("split_fresh*.txt")):
        name = path.stem.removeprefix("split_")
        fresh = load_split(name, gold_dir)
        out[name] = score([x for x in gold if x.id in fresh], system)
        untuned |= fresh
    if untuned != held:
        out["untuned"] = score([x for x in gold if x.id in untuned], system)
    out["all"] = score(gold, system)
    # a second annotator's blind labels (see evaluation/agreement): status_second.jsonl
    # → "agreement", status_second_<part>.jsonl → "agreement_<part>"
    seconds = sorted((gold_dir.parent / "agreement").glob("status_second*.jsonl"))
    if seconds:
        from .agreement import load_second_status, status_agreement

        first = {(x.id, e.start, e.end): e.status for x in gold for e in x.events}
        statuses = event_statuses(gold, system)
        for path in seconds:
            part = path.stem.removeprefix("status_second").lstrip("_")
            out["agreement" + (f"_{part}" if part else "")] = status_agreement(
                first, load_second_status(path), statuses)
    return out


def event_statuses(gold: Iterable[GoldSentence], system: dict[str, SystemSentence]
                   ) -> dict[tuple[str, int, int], str]:
    """(sentence id, start, end) of each gold event → the status the system gives it (as
    :func:`score` counts it: the matched mention's, else the probe's, else ``missed``)."""
    return {(x.id, ev.start, ev.end): _system_status(system[x.id], ev)
            for x in gold for ev in x.events}


def _system_status(sysx: SystemSentence, ev: GoldEvent) -> str:
    """The status the system gives a gold event: its matched mention's, else the probe's
    (the rules applied to the gold trigger word), else ``missed``."""
    m = _mention_at(sysx.mentions, ev)
    return m.status if m is not None else sysx.probed.get((ev.start, ev.end), "missed")


def confusion_table(confusion: dict[str, dict[str, int]]) -> list[str]:
    """The confusion matrix as aligned text lines (rows gold, columns system)."""
    cols = [*STATUSES, "missed"]
    used = [c for c in cols if any(c in row for row in confusion.values())]
    width = max([len(c) for c in used] + [12])
    lines = ["gold \\ system".ljust(14) + "".join(c[:width].rjust(width + 1) for c in used)]
    for g, row in confusion.items():
        lines.append(g.ljust(14) + "".join(str(row.get(c, 0) or ".").rjust(width + 1)
                                           for c in used))
    return lines
