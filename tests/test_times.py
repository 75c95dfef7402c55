"""Tests for flashpoint.extractors.times: time tagging, normalisation and event dating."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from flashpoint.extractors.times import (
    event_time,
    find_times,
    link_ranges,
    split_sentences,
)
from flashpoint.models import TimeExpression

PUB = dt.date(2025, 5, 16)  # a Friday
SHARED = Path(__file__).parents[1] / ".." / "shared" / "data"
TBAQ = SHARED / "time" / "TBAQ-cleaned"


def _get(exprs: list[TimeExpression], text: str) -> TimeExpression:
    found = [x for x in exprs if x.text == text]
    assert found, f"{text!r} not among {[x.text for x in exprs]}"
    return found[0]


# (sentence, expression text, value, interval start, interval end, precision) on PUB
FIND_CASES = [
    ("Clashes broke out in late April.", "late April", "2025-04", "2025-04-21", "2025-04-30",
     "month"),
    ("On the night of May 10 shelling began.", "the night of May 10", "2025-05-10",
     "2025-05-10", "2025-05-10", "day"),
    ("The crisis began on April 22.", "April 22", "2025-04-22", "2025-04-22", "2025-04-22",
     "day"),
    ("Police said on Tuesday that two men were arrested.", "Tuesday", "2025-05-13",
     "2025-05-13", "2025-05-13", "day"),
    ("Fighting resumed late last month.", "late last month", "2025-04", "2025-04-21",
     "2025-04-30", "month"),
    ("Shelling continued on the night of the 10th.", "the night of the 10th", "2025-05-10",
     "2025-05-10", "2025-05-10", "day"),
    ("The minister said yesterday that he had resigned.", "yesterday", "2025-05-15",
     "2025-05-15", "2025-05-15", "day"),
    ("Talks will resume tomorrow.", "tomorrow", "2025-05-17", "2025-05-17", "2025-05-17", "day"),
    ("Protests are planned today.", "today", "2025-05-16", "2025-05-16", "2025-05-16", "day"),
    ("He was arrested on May 10, 2024.", "May 10, 2024", "2024-05-10", "2024-05-10",
     "2024-05-10", "day"),
    ("He was arrested on 10 May.", "10 May", "2025-05-10", "2025-05-10", "2025-05-10", "day"),
    ("He was arrested on the 10th of May 2023.", "the 10th of May 2023", "2023-05-10",
     "2023-05-10", "2023-05-10", "day"),
    ("He was arrested on May 10th.", "May 10th", "2025-05-10", "2025-05-10", "2025-05-10",
     "day"),
    ("The file is dated 2025-05-10.", "2025-05-10", "2025-05-10", "2025-05-10", "2025-05-10",
     "day"),
    ("Troops were deployed in April.", "April", "2025-04", "2025-04-01", "2025-04-30", "month"),
    ("The vote took place in December.", "December", "2024-12", "2024-12-01", "2024-12-31",
     "month"),
    ("Rallies began in early May.", "early May", "2025-05", "2025-05-01", "2025-05-10", "month"),
    ("Rallies began in mid-May.", "mid-May", "2025-05", "2025-05-11", "2025-05-20", "month"),
    ("Violence rose earlier this month.", "earlier this month", "2025-05", "2025-05-01",
     "2025-05-15", "month"),
    ("Leaders met last week.", "last week", "2025-W19", "2025-05-05", "2025-05-11", "week"),
    ("Leaders will meet next week.", "next week", "2025-W21", "2025-05-19", "2025-05-25", "week"),
    ("Leaders met this week.", "this week", "2025-W20", "2025-05-12", "2025-05-18", "week"),
    ("Prices rose last month.", "last month", "2025-04", "2025-04-01", "2025-04-30", "month"),
    ("Elections are due next year.", "next year", "2026", "2026-01-01", "2026-12-31", "year"),
    ("The army withdrew last year.", "last year", "2024", "2024-01-01", "2024-12-31", "year"),
    ("The talks collapsed two weeks ago.", "two weeks ago", "2025-W18", "2025-04-28",
     "2025-05-04", "week"),
    ("He died three days ago.", "three days ago", "2025-05-13", "2025-05-13", "2025-05-13",
     "day"),
    ("The war began in 2021.", "2021", "2021", "2021-01-01", "2021-12-31", "year"),
    ("He has been detained since 2021.", "2021", "2021", "2021-01-01", "2025-05-16", "year"),
    ("Militancy grew in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31", "decade"),
    ("Floods hit last winter.", "last winter", "2024-WI", "2024-12-01", "2025-02-28", "quarter"),
    ("Exports fell in the first quarter.", "the first quarter", "2025-Q1", "2025-01-01",
     "2025-03-31", "quarter"),
    ("Exports fell in Q4 2024.", "Q4 2024", "2024-Q4", "2024-10-01", "2024-12-31", "quarter"),
    ("Mobs attacked last Tuesday.", "last Tuesday", "2025-05-13", "2025-05-13", "2025-05-13",
     "day"),
    ("Curfew was imposed on Tuesday night.", "Tuesday night", "2025-05-13", "2025-05-13",
     "2025-05-13", "day"),
    ("The summit opens on Monday, May 19.", "Monday, May 19", "2025-05-19", "2025-05-19",
     "2025-05-19", "day"),
    ("Police detained 50 protesters over the weekend.", "the weekend", "2025-W19-WE",
     "2025-05-10", "2025-05-11", "day"),
    ("Peace was agreed in the summer of 2023.", "the summer of 2023", "2023-SU", "2023-06-01",
     "2023-08-31", "quarter"),
    ("The treaty was signed at the end of 2019.", "the end of 2019", "2019", "2019-09-01",
     "2019-12-31", "year"),
    ("Clashes erupted in the first week of May.", "the first week of May", "2025-05",
     "2025-05-01", "2025-05-07", "week"),
    ("The market was bombed on Christmas Day 2024.", "Christmas Day 2024", "2024-12-25",
     "2024-12-25", "2024-12-25", "day"),
    ("Observers fear violence in the past week.", "the past week", "P1W", "2025-05-10",
     "2025-05-16", "week"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "start", "end", "precision"), FIND_CASES)
def test_find_times_values(sentence: str, span: str, value: str, start: str, end: str,
                           precision: str) -> None:
    x = _get(find_times(sentence, PUB), span)
    assert (x.value, x.interval_start, x.interval_end, x.precision) == (
        value, start, end, precision)
    assert sentence[x.start:x.end] == x.text


# (sentence, expression text, type, value)
TYPE_CASES = [
    ("The siege lasted for two days.", "two days", "DURATION", "P2D"),
    ("A two-day operation was launched.", "two-day", "DURATION", "P2D"),
    ("A 48-hour strike was called.", "48-hour", "DURATION", "PT48H"),
    ("He served 10 years in prison.", "10 years", "DURATION", "P10Y"),
    ("Talks dragged on for weeks.", "weeks", "DURATION", "PXW"),
    ("Patrols run daily.", "daily", "SET", "P1D"),
    ("Protesters gather every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
    ("The blast hit at 10:35 a.m. on Tuesday.", "10:35 a.m.", "TIME", "2025-05-13T10:35"),
    ("The situation is now calm.", "now", "DATE", "PRESENT_REF"),
    ("Such attacks happened in the past.", "the past", "DATE", "PAST_REF"),
    ("Violence has risen recently.", "recently", "DATE", "PAST_REF"),
    ("Talks may resume in the future.", "the future", "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "span", "typ", "value"), TYPE_CASES)
def test_find_times_types(sentence: str, span: str, typ: str, value: str) -> None:
    x = _get(find_times(sentence, PUB), span)
    assert (x.type, x.value) == (typ, value)


# tense decides the direction of under-specified dates
TENSE_CASES = [
    ("India attacked on Tuesday.", "Tuesday", "2025-05-13"),
    ("India will hold talks with Pakistan on Tuesday, officials said.", "Tuesday", "2025-05-20"),
    ("Pakistan is due to vote on Sunday.", "Sunday", "2025-05-18"),
    ("Rebels said Friday they had withdrawn.", "Friday", "2025-05-16"),
    ("The army plans to hold a parade on Saturday.", "Saturday", "2025-05-17"),
    ("The envoy arrived on Saturday.", "Saturday", "2025-05-10"),
    ("Next Tuesday the court sits.", "Next Tuesday", "2025-05-20"),
    ("The court will rule on May 20.", "May 20", "2025-05-20"),
    ("The court ruled by May 20 at the latest.", "May 20", "2025-05-20"),
    ("The talks will not resume until January 10.", "January 10", "2026-01-10"),
    ("A court will hear the case on the 20th.", "the 20th", "2025-05-20"),
    ("He was arrested on the 20th.", "the 20th", "2025-04-20"),
    ("Elections are due in June.", "June", "2025-06"),
    # lower-cased text: a weekday has no other sense (unlike "may" or "march")
    ("about 17 ram sevaks were arrested on sunday.", "sunday", "2025-05-11"),
    ("the vhp on sunday night demanded a probe.", "sunday night", "2025-05-11"),
    ("the court will sit on tuesday.", "tuesday", "2025-05-20"),
]


def test_lower_case_months_stay_words() -> None:
    assert find_times("they may march to the border.", PUB) == []


@pytest.mark.parametrize(("sentence", "span", "value"), TENSE_CASES)
def test_tense_direction(sentence: str, span: str, value: str) -> None:
    assert _get(find_times(sentence, PUB), span).value == value


def test_year_nearest_publication_past() -> None:
    x = _get(find_times("The crisis started on December 30.", dt.date(2025, 1, 3)), "December 30")
    assert x.value == "2024-12-30"
    assert x.anchored


def test_relative_to_last_mentioned_date() -> None:
    text = ("The attack took place on April 22. A week later, India suspended the treaty. "
            "The next day, Pakistan closed its airspace. The previous day, talks failed. "
            "Three days later, troops moved.")
    ex = find_times(text, PUB)
    assert _get(ex, "The next day").value == "2025-04-23"
    assert _get(ex, "The previous day").value == "2025-04-22"
    assert _get(ex, "Three days later").value == "2025-04-25"


def test_no_publication_date_keeps_unknown_parts() -> None:
    ex = find_times("Talks were held on May 10 and on Tuesday.", None)
    assert _get(ex, "May 10").value == "XXXX-05-10"
    assert _get(ex, "May 10").interval_start is None
    assert _get(ex, "Tuesday").value == "XXXX-WXX-2"
    assert _get(find_times("The war began in 2021.", None), "2021").value == "2021"


@pytest.mark.parametrize(("text", "published"), [
    ("5,000 years ago and 999 decades ago", dt.date(2025, 1, 1)),
    ("On February 30 and 31 April and the 31st", dt.date(2025, 3, 1)),
    ("last winter, next spring", dt.date(1, 1, 5)),
    ("next year", dt.date(9999, 12, 30)),
    ("", None),
])
def test_out_of_range_inputs_do_not_raise(text: str, published: dt.date | None) -> None:
    for x in find_times(text, published):
        assert text[x.start:x.end] == x.text


def test_false_friends_are_not_times() -> None:
    text = ("Officials may meet. March organisers said 2000 people joined the protest march "
            "and the fall of the city was a 6-year-old story of Arab Spring hopes. A second "
            "blast followed.")
    assert find_times(text, PUB) == []


# (sentence, trigger, start, end, basis)
EVENT_CASES = [
    ("A ceasefire agreed on May 14 runs until May 18.", "ceasefire", "2025-05-14", "2025-05-18",
     "text+publication"),
    ('On the night of May 10 Pakistan launched operation "Bunyan-um-Marsus", two days of '
     "artillery fire along the Line of Control.", "launched", "2025-05-10", "2025-05-11",
     "text+publication"),
    ("A two-day operation launched on the night of May 10 ended.", "operation", "2025-05-10",
     "2025-05-11", "text+publication"),
    ("The crisis began on April 22.", "began", "2025-04-22", "2025-04-22", "text+publication"),
    ("Talks were held from May 1 to May 3, 2025.", "held", "2025-05-01", "2025-05-03",
     "text+publication"),
    ("Riots took place between May 2 and 4.", "Riots", "2025-05-02", "2025-05-04",
     "text+publication"),
    ("The siege of the town on 3 March 2024 ended a week later.", "siege", "2024-03-03",
     "2024-03-03", "text"),
    ("Troops were deployed in April.", "deployed", "2025-04-01", "2025-04-30",
     "text+publication"),
    ("Troops were recently deployed.", "deployed", "2025-05-16", "2025-05-16", "publication"),
    ("He said on Monday that India attacked on Sunday.", "attacked", "2025-05-11", "2025-05-11",
     "text+publication"),
]


@pytest.mark.parametrize(("sentence", "trigger", "start", "end", "basis"), EVENT_CASES)
def test_event_time(sentence: str, trigger: str, start: str, end: str, basis: str) -> None:
    ex = find_times(sentence, PUB)
    span = event_time(ex, sentence.index(trigger), 0, len(sentence), PUB)
    assert (span.start, span.end, span.basis) == (start, end, basis)
    if basis != "publication":
        assert span.text is not None
        assert span.char_start is not None
        assert sentence[span.char_start:span.char_end] == span.text


def test_event_time_paragraph_context() -> None:
    text = "Fighting flared on May 3 near Kupwara. Two soldiers were killed."
    ex = find_times(text, PUB)
    s2 = text.index("Two")
    span = event_time(ex, text.index("killed"), s2, len(text), PUB, paragraph_start=0)
    assert (span.start, span.basis, span.text) == ("2025-05-03", "context", "May 3")
    no_ctx = event_time(ex, text.index("killed"), s2, len(text), PUB)
    assert (no_ctx.start, no_ctx.basis) == ("2025-05-16", "publication")
    assert event_time(ex, text.index("killed"), s2, len(text), None).start is None


def test_link_ranges_pairs() -> None:
    text = "Talks ran from May 14 to May 18. On May 20 and May 22 there were rallies."
    ex = find_times(text, PUB)
    pairs = link_ranges(text, ex)
    assert [(a.text, b.text) for a, b in pairs] == [("May 14", "May 18")]
    rng = [x for x in ex if x.type == "DURATION"]
    assert [(r.text, r.value) for r in rng] == [("from May 14 to May 18", "P5D")]


def test_sentence_splitter_handles_abbreviations() -> None:
    text = "Mr. Khan arrived on Jan. 5 in the U.S. capital. He left.\nNew line here"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Khan arrived on Jan. 5 in the U.S. capital.", "He left.", "New line here"]


def test_offsets_and_sorting() -> None:
    text = "On May 3, yesterday and in 2020 there were two-day clashes."
    ex = find_times(text, PUB)
    assert [x.start for x in ex] == sorted(x.start for x in ex)
    for x in ex:
        assert text[x.start:x.end] == x.text


def _guardian_text() -> str:
    path = SHARED / "events" / "guardian_sdf_sample.csv"
    if not path.exists():
        return ("Turkish forces launched an offensive on Wednesday against Kurdish fighters in "
                "north-east Syria, three days after the US said it would withdraw. " * 60)
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return max((r["text"] for r in rows[:40]), key=len)


def test_tbaq_value_f1_floor(shared_data: Path) -> None:
    from flashpoint.evaluation.timeml import read_tbaq, score_times, tbaq_dir

    res = score_times(read_tbaq(tbaq_dir(shared_data), "tune"))
    # measured on the tune split: relaxed F1 0.91, value F1 0.78
    assert res["relaxed"]["f1"] > 0.88
    assert res["strict"]["f1"] > 0.78
    assert res["value"]["f1"] > 0.75
    assert res["documents"] > 150


# (sentence, expression, value) of business-news references to the reporting period,
# published 1989-11-02 (the latest reported quarter is 1989-Q3)
FIN_CASES = [
    ("Sales rose 5% in the latest quarter.", "the latest quarter", "1989-Q3"),
    ("In the year-ago quarter, it lost $3 million.", "the year-ago quarter", "1988-Q3"),
    ("In the year-earlier period, profit fell.", "the year-earlier period", "1988-Q3"),
    ("It expects sales in the current fiscal year to rise.", "the current fiscal year", "1989"),
    ("For the year ended March 31, it lost money.", "the year", "P1Y"),
    ("The recent sale of the unit helped.", "recent", "PAST_REF"),
    ("Now the company is for sale.", "Now", "PRESENT_REF"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), FIN_CASES)
def test_reporting_period(sentence: str, span: str, value: str) -> None:
    from flashpoint.extractors.times import find_timexes

    x = _get(find_timexes(sentence, dt.date(1989, 11, 2)), span)
    assert x.value == value


def test_now_that_is_not_a_time() -> None:
    from flashpoint.extractors.times import find_timexes

    assert find_timexes("Now that the vote is over, talks resume.", PUB) == []


def test_timexes_leave_out_range_durations() -> None:
    from flashpoint.extractors.times import find_timexes, timex_records

    text = "A ceasefire agreed on May 14 runs until May 18."
    assert [x.text for x in find_timexes(text, PUB)] == ["May 14", "May 18"]
    assert "DURATION" in {x.type for x in find_times(text, PUB)}
    recs = timex_records(text, PUB)
    assert [r["range"]["interval"] for r in recs] == [  # type: ignore[index]
        {"start": "2025-05-14", "end": "2025-05-18"}] * 2
    assert timex_records("Clashes broke out in late April.", PUB)[0]["range"] is None


def test_times_command(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from flashpoint.cli import cli

    a = tmp_path / "a.txt"
    a.write_text("Title: Kashmir\n\nThe attack came in late April. Talks ran from May 14 to "
                 "May 18.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Published: 2024-01-10\n\nRiots broke out yesterday.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["times", str(a), str(b), "--published", "2025-05-16"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(ln) for ln in res.stdout.splitlines() if ln.startswith("{")]
    by_text = {r["text"]: r for r in rows}
    late = by_text["late April"]
    assert late["interval"] == {"start": "2025-04-21", "end": "2025-04-30"}
    assert (late["value"], late["precision"], late["file"]) == ("2025-04", "month", str(a))
    assert late["start"] == "The attack came in ".__len__()  # offsets into the article text
    assert by_text["May 14"]["range"]["value"] == "P5D"
    # b.txt carries its own date: --published only dates articles without one
    assert by_text["yesterday"]["value"] == "2024-01-09"
    assert by_text["yesterday"]["file"] == str(b)
    table = CliRunner().invoke(cli, ["times", str(a), "--format", "table"])
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split("\t")[:4] == ["file", "start", "end", "text"]


def test_times_command_bad_date(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flashpoint.cli import cli

    res = CliRunner().invoke(cli, ["times", str(tmp_path), "--published", "16/05/2025"])
    assert res.exit_code == 2
    assert "write it as YYYY-MM-DD" in res.output


_TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-16" functionInDocument="CREATION_TIME">
2025-05-16</TIMEX3></DCT>
<TEXT>Clashes broke out in <TIMEX3 tid="t1" type="DATE" value="2025-04">late April</TIMEX3> and
went on for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> until
<TIMEX3 tid="t3" type="DATE" value="2025-05-10">May 9</TIMEX3>, a &quot;truce&quot; said.</TEXT>
</TimeML>
"""


def test_eval_times_command(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from flashpoint.cli import cli

    folder = tmp_path / "time" / "TBAQ-cleaned" / "X"
    folder.mkdir(parents=True)
    (folder / "doc1.tml").write_text(_TML, encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", "times", "--data", str(tmp_path), "--split", "all",
                                   "--errors", "5"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["documents"], out["gold"], out["system"]) == (1, 3, 3)
    assert out["strict"]["f1"] == 1.0
    assert out["value_accuracy"] == round(2 / 3, 4)  # "May 9" is not the gold 2025-05-10
    assert out["value"]["f1"] == round(2 / 3, 4)
    assert [e["gold"] for e in out["errors"]] == ["May 9"]


def test_parse_tml_offsets() -> None:
    from flashpoint.evaluation.timeml import parse_tml

    doc = parse_tml("d", _TML)
    assert doc.dct == dt.date(2025, 5, 16)
    assert [g.text for g in doc.gold] == ["late April", "two days", "May 9"]
    assert '"truce"' in doc.text


# TimeML conventions of news and business text (published PUB, a Friday, unless the text says)
CONVENTION_CASES = [
    # a clock time directly followed by its day is one TIME
    ("He was kidnapped at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday", "TIME",
     "2025-05-14T22:00"),
    ("The offer runs until 5 p.m. EST, May 20.", "5 p.m. EST, May 20", "TIME",
     "2025-05-20T17:00"),
    # a part of day named on its own
    ("Troops left this morning.", "this morning", "TIME", "2025-05-16TMO"),
    ("Shelling resumed last night.", "last night", "TIME", "2025-05-15TNI"),
    # "the previous Friday" counts from the day in view
    ("Shares fell on Tuesday, 4% below the previous Friday.", "the previous Friday", "DATE",
     "2025-05-09"),
    # vague and fractional durations
    ("Attacks have risen in recent months.", "recent months", "DURATION", "PXM"),
    ("Losses grew over the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("The base may be used for at least 20 more years.", "20 more years", "DURATION", "P20Y"),
    # years read out in broadcast transcripts
    ("In nineteen ninety-one he was convicted.", "nineteen ninety-one", "DATE", "1991"),
    ("Unemployment should halve by the year two thousand.", "the year two thousand", "DATE",
     "2000"),
    ("Numbers fell through the nineties.", "the nineties", "DATE", "199"),
    ("Prices may fall in the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("Fees are paid each month.", "each month", "SET", "P1M"),
]


@pytest.mark.parametrize(("sentence", "span", "typ", "value"), CONVENTION_CASES)
def test_timeml_conventions(sentence: str, span: str, typ: str, value: str) -> None:
    x = _get(find_times(sentence, PUB), span)
    assert (x.type, x.value) == (typ, value)


def test_business_quarters() -> None:
    pub = dt.date(1989, 10, 30)
    text = ("Unisys posted a third-quarter loss. Revenue rose 3.7% in the quarter from the "
            "year-earlier quarter. Profit was $1 a share, compared with $2 a year earlier. "
            "Results for that quarter included a charge. Sales fell from a year earlier. "
            "In the year-earlier third quarter the company earned $5 million, and year-ago "
            "results were restated.")
    ex = find_times(text, pub)
    values = [(x.text, x.value) for x in ex]
    assert values == [("third-quarter", "1989-Q3"), ("the quarter", "1989-Q3"),
                      ("the year-earlier quarter", "1988-Q3"), ("a year earlier", "1988-Q3"),
                      ("that quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
                      ("the year-earlier third quarter", "1988-Q3"), ("year-ago", "1988-Q3")]
    # without a quarter in view, "the quarter" is the latest complete one, "year-earlier" last year
    ex = find_times("Sales rose in the quarter, up from year-earlier levels.", pub)
    assert [(x.text, x.value) for x in ex] == [("the quarter", "1989-Q3"),
                                                ("year-earlier", "1988")]


def test_fiscal_years_and_year_end() -> None:
    pub = dt.date(1989, 10, 26)
    ex = find_times("Sales were C$7 billion in the latest fiscal year. Jobs will be cut by "
                    "year end. The index change is since year-end. For the year ended Sept. "
                    "30, Ralston earned $422 million.", pub)
    got = {x.text: x.value for x in ex}
    assert got["the latest fiscal year"] == "1988"
    assert got["year end"] == "1989"
    assert got["year-end"] == "1988-12-31"
    assert got["the year"] == "P1Y"


def test_past_plan_is_past() -> None:
    pub = dt.date(1989, 10, 30)  # a Monday
    x = _get(find_times("The offer had been scheduled to expire Friday evening.", pub),
             "Friday evening")
    assert x.value == "1989-10-27"


def test_event_time_with_parse_prefers_the_attached_date() -> None:
    spacy = pytest.importorskip("spacy")
    from flashpoint.nlp.pipeline import load_nlp

    try:
        nlp = load_nlp()
    except Exception as exc:  # the model is an optional download in some environments
        pytest.skip(f"spaCy model unavailable: {exc}")
    assert spacy is not None
    text = "Two men who attacked a post on Wednesday were arrested by the army on Monday."
    ex = find_times(text, PUB)
    doc = nlp(text)
    i = text.index("arrested")
    near = event_time(ex, i, 0, len(text), PUB, trigger_end=i + 8)
    assert near.text == "Wednesday"  # without the parse: the nearest
    parsed = event_time(ex, i, 0, len(text), PUB, trigger_end=i + 8, parse=doc)
    assert (parsed.text, parsed.start) == ("Monday", "2025-05-12")


def test_year_earlier_follows_the_period_in_view() -> None:
    pub = dt.date(1989, 10, 26)
    text = ("Net rose in the third quarter from $5 million a year earlier. For the first nine "
            "months, net was $9 million, compared with $8 million a year earlier and a loss in "
            "the 1988 period.")
    got = [(x.text, x.value) for x in find_times(text, pub)]
    assert got == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
                   ("the first nine months", "P9M"), ("a year earlier", "1988"),
                   ("the 1988 period", "1988")]
