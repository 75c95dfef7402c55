"""Fusion scored against hand-labelled duplicate clusters (pairwise precision, recall, F1).

The gold files (``evaluation/splits/fusion_dev.tsv`` and ``fusion_heldout.tsv``) list, per
cluster, sentences of ``india_police_events`` (``doc_id``, ``sent_id``) that report one real
incident, and the event family (ASSAULT or COERCE) the mention should have. The articles that
hold them are extracted and fused together (every mention of those articles, not only the
gold ones); a gold item is the first mention of its family whose trigger lies in its sentence.
Items with no such mention count as unfused (they cost recall), and the report says how many.

Each gold pair that fusion missed is put down to one cause (:data:`CAUSES`): the extractor
gave one of its sentences no mention of the family (``no mention``), a hard incompatibility
between the two mentions (``veto:factual``, ``veto:type``, ``veto:time``, ``veto:place``), a
pair score below the threshold (``weak``), or a pair that scores enough on its own but whose
events stayed apart (``apart``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..fuse import Features, FusionConfig, cluster, features, pairwise_scores, score, veto
from ..models import Article, EventMention

FAMILIES = {"ASSAULT": {"ASSAULT", "PROTEST"}, "COERCE": {"COERCE", "SANCTION"}}
CAUSES = ("no mention", "veto:factual", "veto:type", "veto:time", "veto:place", "weak", "apart")


@dataclass(frozen=True, slots=True)
class GoldItem:
    cluster: str
    doc_id: str
    sent_id: int
    family: str

    @property
    def key(self) -> str:
        return f"{self.doc_id}/{self.sent_id}/{self.family}"


@dataclass(frozen=True, slots=True)
class FusionScore:
    split: str
    items: int
    covered: int  # gold items the extractor produced a mention for
    clusters: int
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    covered_f1: tuple[float, float, float] = (0.0, 0.0, 0.0)  # P, R, F1 on covered items
    missed: tuple[tuple[str, int], ...] = ()  # gold pairs not fused, by cause (CAUSES)

    def line(self) -> str:
        cp, cr, cf = self.covered_f1
        out = (f"{self.split}: pairwise P {self.precision:.3f} R {self.recall:.3f} "
               f"F1 {self.f1:.3f} (tp {self.tp}, fp {self.fp}, fn {self.fn}; "
               f"{self.clusters} clusters, {self.covered}/{self.items} items with a mention); "
               f"on the items with a mention: P {cp:.3f} R {cr:.3f} F1 {cf:.3f}")
        if self.missed:
            out += "; missed pairs by cause: " + ", ".join(f"{c} {n}" for c, n in self.missed)
        return out


def load_gold(path: Path) -> list[GoldItem]:
    """Read a gold file (``#`` header lines, then a TSV with cluster, doc_id, sent_id,
    family)."""
    if not path.is_file():
        raise ConfigError(f"gold clusters not found at {path}; pass --gold PATH")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return [GoldItem(r["cluster"], r["doc_id"], int(r["sent_id"]), r["family"]) for r in rows]


def _sentences(data: Path, docs: set[str]) -> dict[tuple[str, int], str]:
    out: dict[tuple[str, int], str] = {}
    with (data / "sents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if str(d["doc_id"]) in docs:
                out[(str(d["doc_id"]), int(d["sent_id"]))] = d["sent_text"]
    return out


def _articles(data: Path, docs: set[str]) -> list[Article]:
    from ..ingest import Skipped, iter_inputs

    out = []
    for it in iter_inputs([str(data / "metadata.jsonl")], text_column="full_text"):
        if not isinstance(it, Skipped) and it.row_id in docs:
            out.append(it)
    return out


def _span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` (as ``sents.jsonl`` has it) lies in the ingested article ``text``,
    which ingest has normalised (mojibake repaired, spaces unified): tried as given, then
    normalised the same way."""
    from ..ingest.text import normalise_text

    for s in dict.fromkeys((sentence.strip(), normalise_text(sentence))):
        for probe in (s, s[:60], s[:30]):
            if probe and (i := text.find(probe)) >= 0:
                return i, i + len(s)
    return None


def match_items(gold: Iterable[GoldItem], articles: list[Article],
                mentions: list[EventMention], sentences: dict[tuple[str, int], str]
                ) -> dict[str, str]:
    """gold item key -> the mention id that stands for it (items with none are left out)."""
    by_doc = {a.row_id: a for a in articles}
    out: dict[str, str] = {}
    for g in gold:
        art = by_doc.get(g.doc_id)
        sent = sentences.get((g.doc_id, g.sent_id))
        if art is None or sent is None:
            continue
        span = _span(art.text, sent)
        if span is None:
            continue
        for m in mentions:
            pos = m.trigger_start if m.trigger_start is not None else m.evidence_start
            if (m.article_id == art.id and span[0] <= pos < span[1]
                    and m.plover_type in FAMILIES.get(g.family, {g.family})):
                out[g.key] = m.event_id
                break
    return out


def missed_pairs(items: Iterable[GoldItem], stand_in: dict[str, str],
                 event_of: dict[str, str], feats: dict[str, Features],
                 config: FusionConfig | None = None) -> tuple[tuple[str, int], ...]:
    """The gold pairs fusion did not put together, counted by cause (see the module
    docstring), in the order of :data:`CAUSES`."""
    cfg = config or FusionConfig()
    counts = dict.fromkeys(CAUSES, 0)
    gs = list(items)
    for i, g in enumerate(gs):
        for h in gs[i + 1:]:
            if g.cluster != h.cluster:
                continue
            a, b = stand_in.get(g.key), stand_in.get(h.key)
            if a is None or b is None:
                counts["no mention"] += 1
                continue
            if event_of[a] == event_of[b]:
                continue
            why = veto(feats[a], feats[b])
            if why is not None:
                counts["veto:" + why] += 1
            else:
                s = score(feats[a], feats[b], cfg)
                counts["weak" if s is None or s < cfg.threshold else "apart"] += 1
    return tuple((c, n) for c, n in counts.items() if n)


def evaluate(data: Path, gold_files: dict[str, Path],
             config: FusionConfig | None = None) -> list[FusionScore]:
    """Extract the gold articles, fuse their mentions, score each split (``data`` is the
    ``india_police_events`` folder)."""
    from ..process import process_articles

    if not (data / "metadata.jsonl").is_file():
        raise ConfigError(f"india_police_events not found at {data}; pass --data DIR "
                          "(the folder with metadata.jsonl and sents.jsonl)")
    golds = {name: load_gold(p) for name, p in gold_files.items()}
    docs = {g.doc_id for items in golds.values() for g in items}
    articles = sorted(_articles(data, docs), key=lambda a: (a.published or dt.date.min, a.id))
    sentences = _sentences(data, docs)
    mentions: list[EventMention] = []
    published: dict[str, dt.date | None] = {}
    for art, ms in process_articles(articles):
        mentions.extend(ms)
        published[art.id] = art.published
    feats = {m.event_id: features(m, published.get(m.article_id)) for m in mentions}
    clusters = cluster((feats[m.event_id] for m in mentions), config)
    event_of = {f.id: eid for eid, members in clusters for f in members}
    scores = []
    for name, items in golds.items():
        stand_in = match_items(items, articles, mentions, sentences)
        predicted = {k: event_of[mid] for k, mid in stand_in.items()}
        gold = {g.key: g.cluster for g in items}
        p, r, f1, tp, fp, fn = pairwise_scores(predicted, gold)
        cp, cr, cf, *_ = pairwise_scores(predicted, {k: v for k, v in gold.items()
                                                     if k in predicted})
        scores.append(FusionScore(name, len(gold), len(stand_in),
                                  len({g.cluster for g in items}), p, r, f1, tp, fp, fn,
                                  (cp, cr, cf),
                                  missed_pairs(items, stand_in, event_of, feats, config)))
    return scores
