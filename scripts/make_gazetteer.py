"""Make data/registry/councils.csv from mySociety's table of UK local authorities.

Usage: python scripts/make_gazetteer.py uk_local_authorities_current.csv [OUT]

The input is ``data/packages/uk_la_past_current/uk_local_authorities_current.csv``
of https://github.com/mysociety/uk_local_authority_names_and_codes (data CC BY 4.0);
see data/registry/councils.SOURCE.md for the exact commit. It is not committed here.

Kept: English authorities with children's services (county councils, unitary
authorities, metropolitan districts, London boroughs, the City of London), current
and former. Codes are copied as given, never invented: a blank stays blank.

Short forms are derived by rules (the same input always gives the same file):
- the official and the short ("nice") name;
- both without their legal wrapper ("London Borough of", "City of", "Royal Borough of",
  "Council of the", "County Council", "Metropolitan Borough Council", "Council" ...);
- that core plus " Council" ("Bradford Council"), "&" and "and" both ways, "St" and "St.";
- the core without "upon Tyne", "-on-Sea" ... ("Newcastle", "Southend");
- the initials of an official name of four or more words ("WSCC"; three-letter ones
  such as "RBC" or "LBW" mean other things first).
A form two current authorities share ("Kingston") is dropped as ambiguous; a form a
former authority shares with its successor ("Somerset") is kept on both, and the
gazetteer picks by the year an article is about.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

TYPES = {
    "CTY": "county",
    "UA": "unitary",
    "MD": "metropolitan-district",
    "LBO": "london-borough",
    "CC": "city-corporation",
}
PREFIXES = ("London Borough of ", "Royal Borough of ", "Council of the ", "City of ", "Borough of ")
SUFFIXES = (
    " Metropolitan Borough Council",
    " Metropolitan District Council",
    " County Council",
    " Borough Council",
    " City Council",
    " Corporation",
    " Council",
    " County",
)
#: Place-name tails that everyday usage drops: "Newcastle upon Tyne" -> "Newcastle".
TAILS = re.compile(r"(?: upon \w+|-on-\w+)$")
#: Forms the rules would make but that name something else first.
NOT_A_COUNCIL = {"London"}  # the City of London Corporation is not "London" (nor "London Councils")
MINOR_WORDS = {"of", "and", "the", "upon", "on", "with", "&"}
COLUMNS = ("code", "slug", "name", "short_name", "type", "gss", "la_code",
           "start_date", "end_date", "replaced_by", "short_forms")


def slugify(text: str) -> str:
    """``"St. Helens"`` -> ``"st-helens"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "and").replace("'", "")).strip("-")


def unwrap(name: str, wrappers: tuple[str, ...]) -> str:
    """``name`` without the first of ``wrappers`` (prefixes or suffixes) that it has."""
    for wrapper in wrappers:
        if wrapper.endswith(" ") and name.startswith(wrapper):
            return name[len(wrapper):]
        if wrapper.startswith(" ") and name.endswith(wrapper) and len(name) > len(wrapper):
            return name[: -len(wrapper)]
    return name


def core(name: str) -> str:
    """A name without its legal wrapper: "City of Bradford Metropolitan District Council" -> "Bradford"."""
    return unwrap(unwrap(" ".join(name.split()), PREFIXES), SUFFIXES)


def variants(name: str) -> set[str]:
    """A name with "&"/"and" and "St."/"St" spelt both ways."""
    out = {name}
    for a, b in ((" & ", " and "), ("St. ", "St ")):
        out |= {n.replace(a, b) for n in out} | {n.replace(b, a) for n in out}
    return out


def initials(official: str) -> str | None:
    """"West Sussex County Council" -> "WSCC"; None below four letters ("KCC" is also a bank)."""
    words = [w for w in official.replace("-", " ").split() if w.lower() not in MINOR_WORDS]
    letters = "".join(w[0] for w in words if w[0].isupper())
    return letters if len(words) >= 4 and len(letters) == len(words) else None


def forms_of(row: dict[str, str]) -> set[str]:
    """Every form of one authority's name that the rules give (before ambiguity is removed)."""
    official, nice = " ".join(row["official-name"].split()), row["nice-name"].strip()
    forms = {official, nice}
    for name in (official, nice):
        base = core(name)
        forms |= {base, base + " Council", TAILS.sub("", base), unwrap(name, PREFIXES), unwrap(name, SUFFIXES)}
    if row["local-authority-type"] == "CTY":
        forms.add(core(official) + " County Council")
    forms = {v for f in forms for v in variants(f)}
    return {f for f in forms if f in (official, nice) or core(f) not in NOT_A_COUNCIL}


def councils(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Our rows, sorted by code, from mySociety's rows."""
    kept = [r for r in rows if r["nation"] == "England" and r["local-authority-type"] in TYPES]
    forms = {r["local-authority-code"]: forms_of(r) for r in kept}
    acronyms = {r["local-authority-code"]: initials(" ".join(r["official-name"].split())) for r in kept}

    claimants: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in kept:
        for form in forms[r["local-authority-code"]]:
            claimants[form].append(r)
    acronym_count: dict[str, int] = defaultdict(int)
    for a in acronyms.values():
        if a:
            acronym_count[a] += 1

    def ambiguous(form: str) -> bool:
        current = [r for r in claimants[form] if not r["end-date"]]
        return len(current) > 1 or len(claimants[form]) - len(current) > 1

    slugs = _slugs(kept)
    out = []
    for r in sorted(kept, key=lambda r: r["local-authority-code"]):
        code = r["local-authority-code"]
        keep = {f for f in forms[code] if not ambiguous(f)}
        acronym = acronyms[code]
        if acronym and acronym_count[acronym] == 1 and acronym not in claimants:
            keep.add(acronym)
        out.append({
            "code": code,
            "slug": slugs[code],
            "name": " ".join(r["official-name"].split()),
            "short_name": r["nice-name"].strip(),
            "type": TYPES[r["local-authority-type"]],
            "gss": r["gss-code"].strip(),
            "la_code": r["old-ons-la-code"].strip().removesuffix(".0"),
            "start_date": r["start-date"].strip(),
            "end_date": r["end-date"].strip(),
            "replaced_by": " ".join(c.strip() for c in r["replaced-by"].split(",") if c.strip()),
            "short_forms": "|".join(sorted(keep - {" ".join(r["official-name"].split())})),
        })
    return out


def _slugs(rows: list[dict[str, str]]) -> dict[str, str]:
    """Readable unique slugs: the short name's, or the official name's for a former
    authority whose successor has the same short name ("somerset-county-council")."""
    by_slug: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_slug[slugify(re.sub(r" (?:Council|County)$", "", r["nice-name"].strip()))].append(r)
    slugs = {}
    for slug, group in by_slug.items():
        for r in group:
            clash = len(group) > 1 and r["end-date"]
            slugs[r["local-authority-code"]] = slugify(r["official-name"]) if clash else slug
    if len(set(slugs.values())) != len(slugs):
        raise SystemExit("two authorities would share a slug; extend _slugs")
    return slugs


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out_path = Path(argv[2]) if len(argv) == 3 else Path(__file__).parent.parent / "data/registry/councils.csv"
    with open(argv[1], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = {"local-authority-code", "official-name", "nice-name", "gss-code", "old-ons-la-code",
               "local-authority-type", "nation", "start-date", "end-date", "replaced-by"} - set(rows[0] if rows else ())
    if missing:
        print(f"{argv[1]}: not mySociety's table (missing columns {sorted(missing)})", file=sys.stderr)
        return 1
    result = councils(rows)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(result)
    print(f"wrote {len(result)} authorities to {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
