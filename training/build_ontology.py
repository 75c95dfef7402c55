"""Build the CAMEO tables shipped in ``src/flashpoint/data/ontology/`` from the shared data.

Reads (from ``../shared/data/ontology/`` relative to the repository root):

* ``cameo_codes.csv``          the CAMEO codebook (code, name, goldstein, root, ...)
* ``cameo_goldstein_gdelt.tsv`` GDELT's Goldstein table (only to document disagreements)
* ``cameo_to_plover_2021.txt`` Schrodt's CAMEO -> PLOVER conversion table (CC BY-SA 4.0)

Writes ``cameo.tsv`` (code, name, goldstein, root, quad_class) and ``cameo_plover.tsv`` (code,
plover_type, plover_mode, context, basis, note). The PLOVER modes of the 2021 table (draft 0.8)
are normalised to the modes of PLOVER 2.0 listed in ``plover.tsv``; codes the table does not
cover (CAMEO 01 and 02) are filled in, and every change is recorded in the ``basis`` and
``note`` columns.

Run from the repository root::

    .venv/bin/python training/build_ontology.py [--shared ../shared/data] [--check]

``--check`` compares the generated text with the committed files and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "flashpoint" / "data" / "ontology"
VERSION = "2025.1"

# (type, mode as written in the 2021 table) -> PLOVER 2.0 mode ("" = no mode)
MODE_FIXES: dict[tuple[str, str], tuple[str, str]] = {
    ("RETREAT", "return"): ("release", "2.0 has no 'return' mode; returning property is release"),
    ("RETREAT", "ease"): ("", "'ease' is no longer a PLOVER mode"),
    ("THREATEN", "ban"): ("restrict", "2.0 has no 'ban' mode; a ban is a restriction"),
    ("THREATEN", "political"): ("restrict", "2.0 has no 'political' mode"),
    ("COERCE", "ban"): ("restrict", "2.0 has no 'ban' mode; a ban is a restriction"),
    ("ASSAULT", "seize"): ("destroy", "destroying property is the 2.0 'destroy' mode"),
    ("ASSAULT", "assassinate"): ("targeted", "assassination is the 2.0 'targeted' mode"),
    ("ASSAULT", "pro_autocracy"): ("crowd-control",
                                  "'pro_autocracy' is a context, not a mode; violent "
                                  "repression -> crowd-control"),
    ("ASSAULT", "cleansing"): ("", "2.0 has no 'cleansing' mode (context religion_ethnicity)"),
    ("ASSAULT", "massacre"): ("", "2.0 has no 'massacre' mode"),
}

# values the 2021 table puts in the mode column that are PLOVER contexts
CONTEXTS_IN_MODE_SLOT = frozenset({"pro_autocracy"})

# code -> (type, mode, note): deliberate departures from the 2021 table
CODE_FIXES: dict[str, tuple[str, str, str]] = {
    "0874": ("RETREAT", "withdraw", "retreating militarily is a withdrawal (table: disarm)"),
    "195": ("ASSAULT", "aerial", "aerial weapons are the 2.0 'aerial' mode (table: "
                                 "heavy-weapons)"),
    "183": ("ASSAULT", "explosives", "183 is any non-military bombing; 1831 is the suicide "
                                     "attack (table: suicide-attack)"),
    "105": ("REQUEST", "yield", "demand that target yields (table: change)"),
}

# codes the 2021 table does not cover: CAMEO 01 (statements) and 02 (appeals)
STATEMENT_FILL: dict[str, tuple[str, str, str]] = {
    "01": ("", "", "a plain statement is not a PLOVER event"),
    "010": ("", "", "a plain statement is not a PLOVER event"),
    "011": ("", "", "declining to comment is not a PLOVER event"),
    "012": ("", "", "a pessimistic comment is not a PLOVER event"),
    "013": ("", "", "an optimistic comment is not a PLOVER event"),
    "014": ("", "", "considering a policy option is not a PLOVER event"),
    "015": ("", "", "claiming responsibility is coded on the claimed event, not as an event"),
    "016": ("REJECT", "", "denial of responsibility; flashpoint also marks the denied event's "
                          "status as denied"),
    "017": ("", "", "a symbolic act is not a PLOVER event"),
    "018": ("SUPPORT", "", "empathy and condolences are verbal support"),
    "019": ("AGREE", "", "expressing accord is verbal agreement"),
}


def shared_dir(arg: str | None) -> Path:
    return Path(arg) if arg else REPO / ".." / "shared" / "data"


def fmt_num(x: float) -> str:
    return f"{x:g}"


def quad_of_root(root: str) -> int:
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    raise ValueError(f"CAMEO root {root!r} is outside 01-20")


def read_codebook(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if not re.fullmatch(r"\d{2,4}", r["code"]):
            raise SystemExit(f"{path}: bad CAMEO code {r['code']!r}")
    return rows


def read_gdelt(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].isdigit():
            out[parts[0]] = float(parts[1])
    return out


def read_plover_modes(path: Path) -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    cols = lines[0].split("\t")
    for ln in lines[1:]:
        row = dict(zip(cols, ln.split("\t"), strict=False))
        modes.setdefault(row["type"], set())
        if row["mode"]:
            modes[row["type"]].add(row["mode"])
    return modes


def read_mapping(path: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """``code: TYPE, mode, context # comment`` lines; the first line for a code wins."""
    out: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        body = m.group(2).split("#", 1)[0]
        parts = [p.strip() for p in body.split(",")]
        ptype = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        ctx_raw = parts[2] if len(parts) > 2 else ""
        ctx = tuple(c.strip() for c in ctx_raw.split(";") if c.strip())
        out.setdefault(m.group(1), (ptype, mode, ctx))
    return out


def header(source: str, licence: str, extra: list[str]) -> list[str]:
    lines = [f"# source: {source}", f"# licence: {licence}", f"# version: {VERSION}"]
    lines += [f"# {e}" for e in extra]
    lines.append("# generated by training/build_ontology.py from ../shared/data/ontology; "
                 "edit the script, not this file")
    return lines


def build_cameo(codebook: list[dict[str, str]], gdelt: dict[str, float]) -> str:
    diffs = []
    for r in codebook:
        g = gdelt.get(r["code"])
        if g is None:
            diffs.append(f"{r['code']} absent")
        elif abs(g - float(r["goldstein"])) > 1e-9:
            diffs.append(f"{r['code']} {fmt_num(g)} (codebook {fmt_num(float(r['goldstein']))})")
    lines = header(
        "CAMEO event codebook (Gerner, Schrodt, Yilmaz et al.): codes, names and Goldstein "
        "values, via shared/data/ontology/cameo_codes.csv",
        "public codebook facts",
        ["goldstein: the CAMEO codebook's Goldstein values (not GDELT's or ICEWS's tables)",
         "goldstein-gdelt-differs: GDELT's CAMEO Goldstein table differs on: "
         + "; ".join(diffs),
         "quad_class: roots 01-05 = 1 verbal cooperation, 06-08 = 2 material cooperation, "
         "09-13 = 3 verbal conflict, 14-20 = 4 material conflict"])
    lines.append("code\tname\tgoldstein\troot\tquad_class")
    for r in codebook:
        name = " ".join(r["name"].split())
        if name.isupper():
            name = name.capitalize()
        root = r["root_code"].zfill(2)
        if root != r["code"][:2]:
            raise SystemExit(f"cameo_codes.csv: code {r['code']} has root {root}")
        lines.append(f"{r['code']}\t{name}\t{fmt_num(float(r['goldstein']))}\t{root}\t"
                     f"{quad_of_root(root)}")
    return "\n".join(lines) + "\n"


def map_code(code: str, mapping: dict[str, tuple[str, str, tuple[str, ...]]]
             ) -> tuple[str, str, tuple[str, ...], str, str]:
    """(type, mode, context, basis, note) for one CAMEO code."""
    if code in STATEMENT_FILL:
        t, mo, note = STATEMENT_FILL[code]
        return t, mo, (), ("filled" if t else "none"), note
    if code.startswith("02"):
        twin = "10" + code[2:]
        if twin in mapping or twin in CODE_FIXES:
            t, mo, ctx, _, _ = map_code(twin, mapping)
            return t, mo, ctx, "filled", f"appeal coded like the matching demand {twin}"
        if code == "02":
            return "REQUEST", "", (), "filled", "appeal coded like demand (10)"
    if code not in mapping:
        raise SystemExit(f"cameo_to_plover_2021.txt: no row for CAMEO code {code}")
    t, mo, ctx = mapping[code]
    basis, note = "source", ""
    if code in CODE_FIXES:
        t, mo, note = CODE_FIXES[code]
        basis = "adjusted"
    elif (t, mo) in MODE_FIXES:
        if mo in CONTEXTS_IN_MODE_SLOT and mo not in ctx:
            ctx = (mo, *ctx)
        mo, note = MODE_FIXES[(t, mo)]
        basis = "adjusted"
    return t, mo, ctx, basis, note


def build_cameo_plover(codebook: list[dict[str, str]],
                       mapping: dict[str, tuple[str, str, tuple[str, ...]]],
                       modes: dict[str, set[str]]) -> str:
    lines = header(
        "CAMEO to PLOVER conversion table, PLOVER manual draft 0.8 (P. Schrodt, 2021-09-17), "
        "modes normalised to PLOVER 2.0",
        "CC BY-SA 4.0 (this derived table is shared under the same licence)",
        ["basis: source = as in the 2021 table; adjusted = mode or type changed (see note); "
         "filled = code absent from the table, mapped by flashpoint; none = not a PLOVER event",
         "context: PLOVER contexts separated by |"])
    lines.append("code\tplover_type\tplover_mode\tcontext\tbasis\tnote")
    for r in codebook:
        code = r["code"]
        t, mo, ctx, basis, note = map_code(code, mapping)
        if t and t not in modes:
            raise SystemExit(f"CAMEO {code}: unknown PLOVER type {t!r}")
        if mo and mo not in modes[t]:
            raise SystemExit(f"CAMEO {code}: mode {mo!r} is not a PLOVER 2.0 mode of {t}; "
                             "add a MODE_FIXES entry")
        lines.append(f"{code}\t{t}\t{mo}\t{'|'.join(ctx)}\t{basis}\t{note}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="shared data folder (default ../shared/data)")
    ap.add_argument("--check", action="store_true", help="only compare with committed files")
    args = ap.parse_args(argv)
    src = shared_dir(args.shared) / "ontology"
    if not src.is_dir():
        print(f"{src} is missing: this script needs the shared development data", file=sys.stderr)
        return 2
    codebook = read_codebook(src / "cameo_codes.csv")
    gdelt = read_gdelt(src / "cameo_goldstein_gdelt.tsv")
    mapping = read_mapping(src / "cameo_to_plover_2021.txt")
    modes = read_plover_modes(OUT_DIR / "plover.tsv")
    outputs = {
        "cameo.tsv": build_cameo(codebook, gdelt),
        "cameo_plover.tsv": build_cameo_plover(codebook, mapping, modes),
    }
    status = 0
    for name, text in outputs.items():
        path = OUT_DIR / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} is out of date: run training/build_ontology.py", file=sys.stderr)
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({text.count(chr(10))} lines)")
    return status


if __name__ == "__main__":
    sys.exit(main())
