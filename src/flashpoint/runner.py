"""Batch jobs over the store: ingest (read → extract → store, committed per batch)."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .config import settings
from .ingest import Skipped, iter_inputs
from .models import Article, EventMention
from .process import process_articles
from .store import Store


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did: read, stored, skipped and why."""

    run_id: int | None = None
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    mentions: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    status: str = "done"
    fused: str | None = None  # what the incremental fusion at the end did

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def counts(self) -> dict[str, int]:
        out = {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
               "mentions": self.mentions, "skipped": self.skipped_total}
        out.update({f"skipped_{k}": v for k, v in self.skipped.items()})
        return out

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        out = [f"read {self.read} articles in {self.seconds:.1f} s ({rate:.1f}/s): "
               f"stored {self.stored}, already stored {self.duplicates}, "
               f"{self.mentions} event mentions"]
        if self.skipped:
            why = ", ".join(f"{v} {k}" for k, v in sorted(self.skipped.items()))
            out.append(f"skipped {self.skipped_total} inputs ({why}):")
            out.extend(f"  {p.message()}" for p in self.problems[:20])
            if len(self.problems) > 20:
                out.append(f"  … and {len(self.problems) - 20} more "
                           f"(`flashpoint runs --skips {self.run_id}` lists them all)")
        if self.fused:
            out.append(self.fused)
        if self.status != "done":
            out.append(f"run {self.run_id} {self.status}: re-run the same command to finish; "
                       "articles already stored are not stored twice")
        return out


def _batches(items: Iterable[Article | Skipped], size: int
             ) -> Iterator[tuple[list[Article], list[Skipped]]]:
    arts: list[Article] = []
    skips: list[Skipped] = []
    for it in items:
        if isinstance(it, Skipped):
            skips.append(it)
        else:
            arts.append(it)
        if len(arts) >= size:
            yield arts, skips
            arts, skips = [], []
    if arts or skips:
        yield arts, skips


def ingest(store: Store, paths: Sequence[str], *, default_published: dt.date | None = None,
           text_column: str | None = None, check_language: bool = True,
           commit_every: int | None = None,
           progress: Callable[[int], None] | None = None, fuse: bool = True) -> IngestSummary:
    """Read ``paths``, extract event mentions and store them, one transaction per batch.

    Idempotent: articles already stored (same content hash) are counted as duplicates and not
    processed again, so re-running an interrupted ingest finishes the job with no duplicates.
    ``progress`` is called with the number of inputs handled after each batch. With ``fuse``
    (the default) the new mentions are fused into events at the end (``store.fused``).
    """
    size = commit_every or settings().commit_every
    summary = IngestSummary()
    summary.run_id = store.start_run([str(p) for p in paths])
    t0 = time.perf_counter()
    try:
        inputs = iter_inputs(paths, default_published=default_published,
                             text_column=text_column, check_language=check_language)
        for arts, skips in _batches(inputs, size):
            for s in skips:
                summary.skipped[s.kind] += 1
                summary.problems.append(s)
                store.record_skip(summary.run_id, s.file, s.line, s.message())
            summary.read += len(arts)
            known = store.known_article_ids(a.id for a in arts)
            fresh: list[Article] = []
            seen: set[str] = set()
            for a in arts:
                if a.id in known or a.id in seen:
                    summary.duplicates += 1
                else:
                    seen.add(a.id)
                    fresh.append(a)
            mentions: list[EventMention] = []
            for _art, ms in process_articles(fresh):
                mentions.extend(ms)
            stored, dup = store.add_batch(fresh, mentions, run_id=summary.run_id)
            summary.stored += stored
            summary.duplicates += dup
            summary.mentions += len(mentions) if dup == 0 else sum(
                1 for m in mentions if m.article_id not in known)
            if progress:
                progress(len(arts) + len(skips))
    except BaseException:
        summary.status = "interrupted"
        summary.seconds = time.perf_counter() - t0
        store.finish_run(summary.run_id, summary.counts(), status="interrupted")
        raise
    if fuse:  # the new mentions join the stored events (incremental; see store/fused.py)
        from .store.fused import fuse_pending

        summary.fused = fuse_pending(store).line()
    summary.seconds = time.perf_counter() - t0
    store.finish_run(summary.run_id, summary.counts(), status="done")
    return summary
