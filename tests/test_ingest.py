"""Ingest readers: files and folders → Article records, and Skipped for everything else."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from flashpoint.errors import BinaryInputError, MalformedInputError
from flashpoint.ingest import (
    Skipped,
    article_id,
    detect_language,
    html_to_text,
    iter_inputs,
    normalise_text,
    parse_date,
    read_file,
    readers,
)
from flashpoint.ingest.formats import Meta, make_article
from flashpoint.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).parents[1] / ".." / "shared" / "data"
GUARDIAN = SHARED / "events" / "guardian_sdf_sample.csv"


def read(path: Path | str, **kw: object) -> list[Article | Skipped]:
    return list(read_file(path, **kw))  # type: ignore[arg-type]


def articles(results: list[Article | Skipped]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def skipped(results: list[Article | Skipped]) -> list[Skipped]:
    return [r for r in results if isinstance(r, Skipped)]


# --------------------------------------------------------------------------- text and ids

@pytest.mark.parametrize(("raw", "expected"), [
    ("  a  \r\nb\t \rc  ", "a\nb\nc"),
    ("one\n\n\n\n\ntwo", "one\n\ntwo"),
    ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # NFC
    ("a\u00a0b\u200bc\u00add", "a bcd"),  # no-break space, zero-width space, soft hyphen
    ("He said \u00e2\u20ac\u0153no\u00e2\u20ac\x9d", "He said \u201cno\u201d"),  # mojibake
    ("\ufeffText", "Text"),
    ("related stories\u00c2 gujarat riots", "related stories gujarat riots"),  # half a \xa0
    ("costs \u00c2\u00a35", "costs \u00a35"),
    ("  indented\n    kept", "indented\n    kept"),
])
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected
    assert normalise_text(expected) == expected  # idempotent


def test_article_id_ignores_whitespace_but_not_case() -> None:
    a = article_id("India and Pakistan\nagreed a ceasefire.")
    assert a == article_id("  India   and Pakistan agreed\r\n\r\n\r\na ceasefire.  ")
    assert a == article_id("India\tand Pakistan agreed a ceasefire.")
    assert a != article_id("india and pakistan agreed a ceasefire.")
    assert a != article_id("India and Pakistan agreed a truce.")
    expected = hashlib.sha256(b"India and Pakistan agreed a ceasefire.").hexdigest()
    assert a == expected
    # A fixed value: changing the normalisation changes every stored id, so it must be deliberate.
    assert article_id(" x\n\n y ") == "887fcea6a80333c6c02ae7e79735f0ed" \
        "ad8d811f0b61431495f796f4bf6a7c19"


def test_article_id_is_the_id_of_read_articles() -> None:
    (art,) = articles(read(FIXTURES / "kashmir.txt"))
    assert art.id == article_id(art.text)
    assert len(art.id) == 64


def test_html_to_text() -> None:
    html = ("<p>One\n two</p><p>Three &amp; <b>four</b></p><script>track()</script>"
            "<ul><li>a</li></ul>")
    assert html_to_text(html) == "One two\n\nThree & four\n\na"
    assert html_to_text("no markup at all") == "no markup at all"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-05-16", dt.date(2025, 5, 16)),
    ("2025-05-16T23:30:00-05:00", dt.date(2025, 5, 16)),  # the date as written, not UTC
    ("2025/5/6", dt.date(2025, 5, 6)),
    ("20250516", dt.date(2025, 5, 16)),
    ("20250516083000", dt.date(2025, 5, 16)),
    ("16 May 2025", dt.date(2025, 5, 16)),
    ("16th May, 2025", dt.date(2025, 5, 16)),
    ("May 16, 2025", dt.date(2025, 5, 16)),
    ("Sept. 3 2025", dt.date(2025, 9, 3)),
    ("Friday, 16 May 2025", dt.date(2025, 5, 16)),
    ("Wed, 14 May 2025 23:30:00 +0530", dt.date(2025, 5, 14)),
    ("16/05/2025", dt.date(2025, 5, 16)),
    ("05/16/2025", dt.date(2025, 5, 16)),
    ("16.05.2025", dt.date(2025, 5, 16)),
    ("05/06/2025", None),  # ambiguous: refused, not guessed
    ("May 2025", None),
    ("31 Feb 2025", None),
    ("yesterday", None),
    ("", None),
])
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- language

ENGLISH_WITH_NAMES = [
    "On the night of May 10 Pakistan launched operation Bunyan-um-Marsus, two days of artillery "
    "fire along the Line of Control near Muzaffarabad.",
    "ISPR said Bunyan-um-Marsus targeted Udhampur, Pathankot and Adampur airbases; Shehbaz "
    "Sharif met Asim Munir in Rawalpindi and Muzaffarabad.",
    "Pakistan's DG ISPR Lt Gen Ahmed Sharif Chaudhry said operation Bunyan-um-Marsus hit "
    "targets at Udhampur, Pathankot, Adampur, Bathinda, Barnala, Harwara and Awantipura.",
    "Indian troops fired across the Line of Control near Poonch and Rajouri, while Azad Jammu "
    "and Kashmir Prime Minister Chaudhry Anwarul Haq visited Neelum valley. Jaish-e-Mohammed "
    "and Lashkar-e-Taiba denied involvement in Pahalgam.",
    "lucknow: the all-india babri masjid action committee (aibmac) has sought a ban on "
    "vhp-sponsored march 15 programme at the acquired land in ayodhya.",
]


@pytest.mark.parametrize("text", ENGLISH_WITH_NAMES)
def test_english_news_with_foreign_names_is_accepted(text: str) -> None:
    assert detect_language(text)[0] in ("en", "und")
    assert isinstance(make_article(text, Meta()), Article)


@pytest.mark.parametrize("text", [ENGLISH_WITH_NAMES[i] for i in (0, 1, 3, 4)])
def test_english_news_with_foreign_names_is_english(text: str) -> None:
    # (ENGLISH_WITH_NAMES[2] is nearly all names: "und", accepted all the same.)
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Le gouvernement a présenté aujourd'hui une nouvelle proposition pour augmenter les "
           "impôts, mais l'opposition dit qu'il est trop tard."),
    ("de", "Die Regierung hat heute einen neuen Vorschlag vorgelegt, um die Steuern zu erhöhen, "
           "aber die Opposition sagt, es sei zu spät."),
    ("es", "El gobierno presentó hoy una nueva propuesta para subir los impuestos, pero la "
           "oposición dice que es demasiado tarde."),
    ("da", "Regeringen har i dag fremlagt et nyt forslag om at hæve skatten for de rigeste, og "
           "oppositionen siger at det er for sent til at gøre en forskel for økonomien i år."),
])
def test_other_languages_are_detected(code: str, text: str) -> None:
    lang, confidence = detect_language(text)
    assert lang == code
    assert confidence > 0.9


def test_short_text_is_undetermined() -> None:
    assert detect_language("Bunyan-um-Marsus") == ("und", 0.0)


def test_french_file_is_skipped_for_language() -> None:
    (s,) = read(FIXTURES / "french.txt")
    assert isinstance(s, Skipped)
    assert s.kind == "language"
    assert s.reason.startswith("language is 'fr' (confidence ")
    assert "not English; flashpoint codes English text only" in s.reason
    (art,) = articles(read(FIXTURES / "french.txt", check_language=False))
    assert art.language == "fr"


# --------------------------------------------------------------------------- plain text

def test_plain_text_headers() -> None:
    (art,) = read(FIXTURES / "kashmir.txt")
    assert isinstance(art, Article)
    assert art.title == "India and Pakistan agree to pull back troops"
    assert art.published == dt.date(2025, 5, 16)
    assert art.url == "https://example.org/news/india-pakistan-withdrawal"
    assert art.outlet == "Example News"
    assert art.language == "en"
    assert art.file == str(FIXTURES / "kashmir.txt")
    assert art.line is None and art.row_id is None
    # The body starts after the header block; trailing spaces and extra blank lines are gone.
    assert art.text.startswith("The Indian and Pakistani militaries")
    assert "AFP.\n\nThe crisis" in art.text
    assert "\n\n\n" not in art.text
    assert "Bunyan-um-Marsus" in art.text


def test_plain_text_without_headers_keeps_first_line() -> None:
    (art,) = articles(read(FIXTURES / "no_headers.txt"))
    assert art.text.startswith("Islamabad: Pakistan's foreign office")  # "Islamabad:" is no key
    assert art.title is None and art.published is None


def test_bad_published_header_is_an_error_with_its_line() -> None:
    (s,) = read(FIXTURES / "bad_date.txt")
    assert isinstance(s, Skipped)
    assert (s.kind, s.line) == ("error", 2)
    assert s.message().startswith(f"{FIXTURES / 'bad_date.txt'}:2: Published header ")
    assert "YYYY-MM-DD" in s.message()


def test_default_published_fills_only_missing_dates() -> None:
    day = dt.date(2020, 1, 1)
    (no_date,) = articles(read(FIXTURES / "no_headers.txt", default_published=day))
    (dated,) = articles(read(FIXTURES / "kashmir.txt", default_published=day))
    assert no_date.published == day
    assert dated.published == dt.date(2025, 5, 16)


# --------------------------------------------------------------------------- rows

def test_jsonl_rows_and_bad_lines() -> None:
    results = read(FIXTURES / "rows.jsonl")
    arts = articles(results)
    assert [(a.line, a.row_id) for a in arts] == [(1, "101"), (4, "103")]
    first = arts[0]
    assert (first.title, first.outlet, first.url) == ("Ceasefire holds", "Wire A",
                                                      "https://example.org/a")
    assert first.published == dt.date(2025, 5, 15)
    assert arts[1].published == dt.date(2025, 5, 16)
    bad = {s.line or 0: s for s in skipped(results)}
    assert sorted(bad) == [3, 5, 6, 7]  # line 2 is blank: ignored
    assert bad[3].reason.startswith("invalid JSON: ")
    assert bad[5].kind == "empty"
    assert "array, not an object" in bad[6].reason
    assert "'sometime' is not a date" in bad[7].reason


def test_csv_rows_with_physical_line_numbers() -> None:
    results = read(FIXTURES / "rows.csv")
    arts = articles(results)
    # Row 8 spans lines 3-4 (a quoted line break), so row 10 starts on line 6.
    assert [(a.line, a.row_id) for a in arts] == [(2, "7"), (3, "8"), (6, "10")]
    assert all(a.outlet == "Guardian" for a in arts)
    assert arts[0].published == dt.date(2019, 10, 9)
    assert "Tal Abyad overnight,\nwhile thousands" in arts[1].text
    (bad,) = skipped(results)
    assert (bad.line, bad.kind) == (5, "error")
    assert "row has 3 fields, the header has 4" in bad.reason


def test_missing_text_column_names_columns_and_option(tmp_path: Path) -> None:
    p = tmp_path / "meta.jsonl"
    p.write_text('{"headline": "x", "story_html": "<p>y</p>"}\n{"headline": "z"}\n')
    (s,) = read(p)
    assert isinstance(s, Skipped)
    assert s.line == 1
    assert "'headline', 'story_html'" in s.reason
    assert "--text-column" in s.message()
    c = tmp_path / "meta.csv"
    c.write_text("headline,summary\nA,B\n")
    (s2,) = read(c)
    assert isinstance(s2, Skipped) and "--text-column" in s2.message()
    assert "'headline', 'summary'" in s2.reason


def test_text_column_option(tmp_path: Path) -> None:
    p = tmp_path / "custom.csv"
    body = "The interior ministry said that police had arrested forty protesters in the capital."
    p.write_text(f'Headline;Story\nArrests;"{body}"\n')  # semicolon-separated
    (art,) = articles(read(p, text_column="story"))
    assert art.text == body and art.title == "Arrests"
    (s,) = read(p, text_column="nope")
    assert isinstance(s, Skipped) and "no column 'nope'" in s.reason


def test_json_array_gzip_and_encodings(tmp_path: Path) -> None:
    body = "The army said that its soldiers had been attacked near the border on Monday."
    (tmp_path / "arr.json").write_text(json.dumps(
        [{"headline": "H", "story": body, "published_at": 1747353600, "guid": 5}, [1]]))
    with gzip.open(tmp_path / "rows.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": body, "date": "2025-05-16"}) + "\n")
    (tmp_path / "utf16.txt").write_bytes(f"Title: Zürich talks\n\n{body}".encode("utf-16"))
    (tmp_path / "cp1252.txt").write_bytes(f"Title: Café “talks”\n\n{body}".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(f"\ufeffTitle: BOM\n\n{body}".encode())
    results = {Path(r.file or "").name: r for r in iter_inputs([tmp_path])}
    arr = results["arr.json"]
    assert isinstance(arr, Skipped) and "item 2 is a JSON array" in arr.reason
    got = {name: r for name, r in
           ((Path(a.file or "").name, a) for a in articles(list(iter_inputs([tmp_path]))))}
    assert got["arr.json"].row_id == "5" and got["arr.json"].published == dt.date(2025, 5, 16)
    assert got["rows.jsonl.gz"].line == 1
    assert got["utf16.txt"].title == "Zürich talks"
    assert got["cp1252.txt"].title == "Café “talks”"
    assert got["bom.txt"].title == "BOM"
    assert len({a.id for a in got.values()}) == 1  # same body, same id, whatever the container


# --------------------------------------------------------------------------- HTML and feeds

def test_html_page() -> None:
    (art,) = read(FIXTURES / "page.html")
    assert isinstance(art, Article)
    assert art.title == "Troops pull back from the Line of Control"
    assert art.outlet == "Example Times"
    assert art.url == "https://example.com/world/loc-pullback"
    assert art.published == dt.date(2025, 5, 16)
    assert "Indian and Pakistani troops began pulling back" in art.text
    assert "\n\nThe withdrawal follows" in art.text  # paragraphs kept apart
    assert "Subscribe" not in art.text and "Sport" not in art.text  # boilerplate dropped


def test_rss_feed() -> None:
    arts = articles(read(FIXTURES / "feed.rss"))
    assert [a.row_id for a in arts] == ["wire-2025-0514-001", "wire-2025-0515-002"]
    first, second = arts
    assert first.title == "Ceasefire agreed between India & Pakistan"
    assert first.outlet == "Example Wire: World"
    assert first.url == "https://wire.example.net/world/ceasefire"
    assert first.published == dt.date(2025, 5, 14)  # as written (+0530), not shifted to UTC
    assert first.text == ("India and Pakistan agreed to a ceasefire on Wednesday after four days "
                          "of fighting, military officials said.\n\nThe truce will run until "
                          "May 18, according to a joint statement.")
    assert second.text.startswith("Diplomats from both countries")  # escaped HTML summary
    assert "<p>" not in second.text


def test_atom_feed() -> None:
    (art,) = articles(read(FIXTURES / "feed.atom"))
    assert art.title == "Shelling reported near Kotli"
    assert art.outlet == "Frontier Monitor"
    assert art.url == "https://frontier.example.org/1"
    assert art.published == dt.date(2025, 5, 17)
    assert art.text.startswith("Residents of Kotli said")


def test_xml_that_is_not_a_feed() -> None:
    (s,) = read(FIXTURES / "other.xml")
    assert isinstance(s, Skipped) and s.kind == "unsupported"


# --------------------------------------------------------------------------- bad inputs

@pytest.mark.parametrize(("name", "kind", "words"), [
    ("empty.txt", "empty", "file is empty"),
    ("blob.txt", "binary", "NUL bytes"),
    ("archive.dat", "binary", "ZIP archive"),
    ("does-not-exist.txt", "error", "no such file or folder"),
])
def test_bad_files_are_skipped(name: str, kind: str, words: str) -> None:
    (s,) = read(FIXTURES / name)
    assert isinstance(s, Skipped)
    assert (s.kind, s.file, s.line) == (kind, str(FIXTURES / name), None)
    assert words in s.reason


def test_skipped_message_and_error() -> None:
    s = Skipped("a.csv", 12, "row has 3 fields, the header has 4", "error", "quote it")
    assert s.message() == "a.csv:12: row has 3 fields, the header has 4 (quote it)"
    assert Skipped(None, None, "no text", "empty").message() == "<input>: no text"
    err = s.error()
    assert isinstance(err, MalformedInputError) and (err.file, err.line) == ("a.csv", 12)
    assert str(err) == s.message()
    assert isinstance(Skipped("x", None, "binary", "binary").error(), BinaryInputError)


def test_unsupported_document(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    (s,) = read(pdf)
    assert isinstance(s, Skipped) and s.kind == "unsupported" and "PDF" in s.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions are not enforced for root or on this OS")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("The minister said that talks would resume on Monday in Geneva.")
    p.chmod(0)
    try:
        (s,) = read(p)
    finally:
        p.chmod(0o600)
    assert isinstance(s, Skipped) and "permission denied" in s.reason


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("The minister said that talks would resume on Monday in Geneva.")

    def deny(name: str, gz: bool) -> None:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(readers, "_open", deny)
    (s,) = read(p)
    assert isinstance(s, Skipped) and s.kind == "error"
    assert s.message() == f"{p}: cannot read: permission denied (check the file's permissions)"


def test_batch_goes_on_after_bad_inputs() -> None:
    results = list(iter_inputs([FIXTURES / "blob.txt", "nope/missing", FIXTURES / "kashmir.txt"]))
    assert [type(r).__name__ for r in results] == ["Skipped", "Skipped", "Article"]
    assert results[1].file == "nope/missing"


# --------------------------------------------------------------------------- folders

def test_folder_recursion_order_and_passing_over() -> None:
    folder = str(FIXTURES / "folder")
    results = list(iter_inputs([folder]))
    assert all(isinstance(r, Article) for r in results), [r for r in results]
    names = [(os.path.relpath(r.file or "", folder), r.line) for r in results]
    # Sorted by path; hidden files and folders, README.md and logo.png passed over;
    # the extensionless JSON Lines file "notes" is sniffed.
    assert names == [("b.txt", None), ("c.md", None), ("notes", 1),
                     (os.path.join("sub", "a.jsonl"), 1), (os.path.join("sub", "a.jsonl"), 2)]
    # file = the folder as given joined with the path inside it
    first = results[0]
    assert isinstance(first, Article)
    assert first.file == os.path.join(folder, "b.txt")
    assert first.published == dt.date(2025, 5, 12)
    assert list(read_file(folder)) == results
    assert list(iter_inputs(folder)) == results  # a lone path is not iterated character-wise


def test_folder_reading_is_deterministic() -> None:
    first = [r.to_dict() if isinstance(r, Article) else r for r in iter_inputs([FIXTURES])]
    second = [r.to_dict() if isinstance(r, Article) else r for r in iter_inputs([FIXTURES])]
    assert first == second


def test_dedupe(tmp_path: Path) -> None:
    body = "The ministry of defence said that the two armies had agreed to hold talks on Monday."
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.txt").write_text("  " + body.replace(" ", "\n", 3) + "\n\n")
    plain = list(iter_inputs([tmp_path]))
    a, b = articles(plain)
    assert a.id == b.id
    deduped = list(iter_inputs([tmp_path], dedupe=True))
    assert isinstance(deduped[0], Article)
    assert isinstance(deduped[1], Skipped) and deduped[1].kind == "duplicate"
    assert str(tmp_path / "a.txt") in deduped[1].reason


# --------------------------------------------------------------------------- shared data

@pytest.mark.shared
def test_guardian_sample() -> None:
    if not GUARDIAN.exists():
        pytest.skip(f"{GUARDIAN} is absent (development data in ../shared/data)")
    results = list(iter_inputs([GUARDIAN]))
    arts = articles(results)
    assert len(arts) == 249 and not skipped(results)
    assert all(a.published is not None for a in arts)
    assert all(a.row_id and a.row_id.isdigit() for a in arts)
    assert len({a.row_id for a in arts}) == 249
    assert all(a.language == "en" and a.outlet == "Guardian" for a in arts)
    assert arts[0].row_id == "3" and arts[0].published == dt.date(2019, 4, 10)
    assert arts[0].line == 2
    assert arts[0].text.startswith("Baghdad and Washington are in talks")
