"""The schema, as named migrations applied once each, in order, each in its own transaction.

Never edit or reorder a migration that has shipped: append a new one. Each step is a tuple of
portable DDL statements; ``{id_pk}``, ``{bool}`` and ``{real}`` are filled in by the dialect.
Applied steps are recorded in ``schema_migrations(name, applied_at)``.
"""

from __future__ import annotations

MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " name TEXT PRIMARY KEY,"
    " applied_at TEXT NOT NULL)"
)

Migration = tuple[str, tuple[str, ...]]

MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", (
        """CREATE TABLE ingest_runs (
            id {id_pk},
            started_at TEXT NOT NULL,
            finished_at TEXT,
            paths TEXT NOT NULL,
            counts TEXT,
            status TEXT NOT NULL
        )""",
        """CREATE TABLE ingest_skips (
            id {id_pk},
            run_id BIGINT NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
            file TEXT,
            line BIGINT,
            reason TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT,
            outlet TEXT,
            title TEXT,
            published TEXT,
            language TEXT,
            file TEXT,
            row_id TEXT,
            line BIGINT,
            text TEXT NOT NULL,
            run_id BIGINT REFERENCES ingest_runs(id) ON DELETE SET NULL,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence BIGINT NOT NULL,
            evidence_start BIGINT NOT NULL,
            evidence_end BIGINT NOT NULL,
            "trigger" TEXT,
            plover_type TEXT NOT NULL,
            plover_mode TEXT,
            cameo_code TEXT,
            quad_class BIGINT NOT NULL,
            intensity {real} NOT NULL,
            reciprocal {bool} NOT NULL,
            when_start TEXT,
            when_end TEXT,
            when_precision TEXT,
            when_basis TEXT,
            geonameid BIGINT,
            place_name TEXT,
            lat {real},
            lon {real},
            place_country TEXT,
            dead BIGINT,
            injured BIGINT,
            arrested BIGINT,
            status TEXT NOT NULL,
            confidence {real} NOT NULL,
            publisher TEXT,
            record TEXT NOT NULL
        )""",
        """CREATE TABLE mention_actors (
            mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
            idx BIGINT NOT NULL,
            text TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            "start" BIGINT,
            "end" BIGINT,
            PRIMARY KEY (mention_id, role, idx)
        )""",
    )),
    ("0002_filter_indexes", (
        "CREATE INDEX ix_mention_actors_country_role"
        " ON mention_actors (country, role, mention_id)",
        "CREATE INDEX ix_mentions_when_start ON mentions (when_start)",
        "CREATE INDEX ix_mentions_plover_type ON mentions (plover_type, when_start)",
        "CREATE INDEX ix_mentions_article ON mentions (article_id)",
        "CREATE INDEX ix_mentions_status ON mentions (status)",
        "CREATE INDEX ix_articles_run ON articles (run_id)",
        "CREATE INDEX ix_ingest_skips_run ON ingest_skips (run_id)",
    )),
    # The country pairs (a < b) each mention relates, precomputed at insert time so that dyad
    # filters, the dyad ranking and the daily series are index lookups, not self-joins.
    ("0003_mention_dyads", (
        """CREATE TABLE mention_dyads (
            mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY (a, b, mention_id)
        )""",
        "CREATE INDEX ix_mention_dyads_mention ON mention_dyads (mention_id)",
        # backfill: actor x recipient countries either way round, or any two of a reciprocal one
        """INSERT INTO mention_dyads (mention_id, a, b)
        SELECT DISTINCT x.mention_id, x.country, y.country
        FROM mention_actors x
        JOIN mention_actors y ON y.mention_id = x.mention_id
        JOIN mentions m ON m.id = x.mention_id
        WHERE x.country <> '' AND x.country < y.country
          AND (x.role <> y.role OR m.reciprocal)""",
    )),
    # Fused events (flashpoint.fuse): one row per real-world event, the mentions behind it in
    # fusion order, and the country pairs and countries it relates, for series and filters.
    ("0004_fused_events", (
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            plover_type TEXT NOT NULL,
            plover_mode TEXT,
            quad_class BIGINT NOT NULL,
            intensity {real} NOT NULL,
            goldstein {real},
            factual {bool} NOT NULL,
            when_start TEXT,
            when_end TEXT,
            first_report TEXT,
            last_report TEXT,
            place_name TEXT,
            geonameid BIGINT,
            place_country TEXT,
            dead BIGINT,
            injured BIGINT,
            n_mentions BIGINT NOT NULL,
            n_sources BIGINT NOT NULL,
            disputed TEXT NOT NULL,
            record TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE event_mentions (
            mention_id TEXT PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            seq BIGINT NOT NULL
        )""",
        "CREATE INDEX ix_event_mentions_event ON event_mentions (event_id, seq)",
        """CREATE TABLE event_dyads (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY (a, b, event_id)
        )""",
        "CREATE INDEX ix_event_dyads_event ON event_dyads (event_id)",
        """CREATE TABLE event_countries (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (country, event_id)
        )""",
        "CREATE INDEX ix_event_countries_event ON event_countries (event_id)",
        "CREATE INDEX ix_events_when_start ON events (when_start)",
        "CREATE INDEX ix_events_disputed ON events (disputed)",
    )),
    # Who reports each mention: the publisher and every member of its chain, under a
    # normalised key (canonical outlet name, case-folded), so that `--source AFP` is an index
    # lookup. Mentions stored before this migration get their publisher only (re-ingest them
    # to index their chains).
    ("0005_mention_sources", (
        """CREATE TABLE mention_sources (
            mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            idx BIGINT NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            PRIMARY KEY (mention_id, idx)
        )""",
        "CREATE INDEX ix_mention_sources_key ON mention_sources (name_key, mention_id)",
        """INSERT INTO mention_sources (mention_id, idx, name, name_key)
        SELECT id, 0, publisher, LOWER(publisher) FROM mentions
        WHERE publisher IS NOT NULL AND publisher <> ''""",
    )),
    # A dyad's events in a date range without reading every event of the range: the event's
    # start date beside each of its country pairs, indexed (dashboard series and filters).
    ("0006_event_dyad_dates", (
        "ALTER TABLE event_dyads ADD COLUMN when_start TEXT",
        """UPDATE event_dyads SET when_start =
        (SELECT e.when_start FROM events e WHERE e.id = event_dyads.event_id)""",
        "CREATE INDEX ix_event_dyads_dated ON event_dyads (a, b, when_start, event_id)",
    )),
)
