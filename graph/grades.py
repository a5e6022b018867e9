"""Ofsted grades in article wording, and the inspections they belong to.

A grade word counts in a rating context: "rated inadequate", "judged
outstanding", "now officially good", "a 'good' rating", "help and protection
was good", a quoted grade ("deemed ‘inadequate’"), or the distinctive "requires
improvement to be good", an area "judged ... to be good". "Inadequate in all areas"
(or a list of the areas) grades every area of the framework (children in care and care
leavers apart from 2023), "inadequate for X, for Y and for Z" the areas listed, "X was
inadequate, as was Y" both. A grade after "the last (full) inspection", "previously",
"from ... to", "two years after" belongs to an earlier inspection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import is_grade_words
from .extraction import Grade, Inspection, inspection_id
from .gazetteer import Authority
from .reading import WINDOW, YEAR, Reading

#: the areas an ILACS grades, as kinds of area phrase (``_area_slug`` joins children in care and care leavers
#: into one area before 2023)
_ILACS_AREA_PHRASES = ("overall", "help", "in-care", "leavers", "leadership")
SIF_AREAS = ("overall-effectiveness", "help-and-protection", "children-looked-after-and-permanence",
             "leadership-management-and-governance")
_GRADE_WORD = re.compile(
    r"\b(?:(?:requires?|required|requiring) improvement(?: to be good)?|inadequate|outstanding|good)\b",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(
    r"\b(?:rated|rating|ratings|rate|judged|judgement|judgment|deemed|graded|grade|found to be|assessed as|"
    r"declared|classed|classified|labelled|branded|officially|overall|verdict)\b",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(r"^(?:['’\"”]\s*)?(?:-rated|\s+(?:rating|ratings|grade|judgement|judgment|verdict))",
                        re.IGNORECASE)
_INSPECTION_CUE = re.compile(r"\b(?:Ofsted|inspect\w*|watchdog|rated|rating|judged|deemed|graded|overall)\b",
                             re.IGNORECASE)
#: "judged <a judgement area, however long> to be good", "rated <it> as outstanding"
_TO_BE = re.compile(r"\b(?:to be|as)\s+['‘\"“]?$", re.IGNORECASE)
_JUDGED = re.compile(r"\b(?:judged|rated|graded|deemed|found|assessed|considered)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no longer|never|nor|far from)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: "could be rated inadequate", "would have been judged good": a grade that may be, not one that is
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may|should|must|will|shall|can)(?:\s+not|n['’]t)?\s+"
                           r"(?:\w+\s+){0,3}$")
#: a council in general, not one the article names: "every council that is judged 'good'", "a 'good' council is"
_ANY_COUNCIL = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach)\s+(?:['‘\"“]?\w+['’\"”]?\s+)?(?:council|authority)\s+"
                          r"(?:that|which|who|where|doing|is|can|could|may|might|would|will|must|should)\b")
#: a provider Ofsted grades apart from the council's children's services: its grade is no council's
_PROVIDER = re.compile(r"\b(?:children['’]s home|school|academy|nursery|college|pupil referral unit)\b", re.IGNORECASE)
#: "an inadequate service": an adjective before a noun is no grade
_ATTRIBUTIVE = re.compile(
    r"^\s+(?!(?:in|for|by|at|across|and|or|to|overall|on|following|after|with|since|rating|ratings|grade|"
    r"judgement|judgment|verdict|status|label|score|from|last|this|when|as|but|until|again|while|because)\b)"
    r"[a-z]")
_ALL_AREAS = re.compile(
    r"\b(?:in|across|for) (?:all|every|each) (?:(?:four|five|three|of the|the) )*(?:areas?|categories|"
    r"judgements?|judgments?|aspects?)\b|\ball (?:(?:four|five|three) )?(?:areas|judgements|judgments|categories)\b"
    r"|\bacross the board\b",
    re.IGNORECASE,
)
#: "were all judged good": every area when no area is named, else the areas named
_ALL_JUDGED = re.compile(r"\bwere all (?:judged|rated|graded|deemed|found)\b", re.IGNORECASE)
_AREA_PHRASES = (
    (re.compile(r"\boverall(?: effectiveness)?\b", re.I), "overall"),
    (re.compile(r"\bhelp and protection\b|\bneed(?:s|ing)? (?:of )?help\b", re.I), "help"),
    (re.compile(r"\bchildren in care and care leavers\b", re.I), "care-and-leavers"),
    (re.compile(r"\b(?:children )?looked[- ]after(?: children)?\b|\bachieving permanence\b", re.I), "looked-after"),
    (re.compile(r"\bcare leavers\b", re.I), "leavers"),
    (re.compile(r"\bchildren in care\b", re.I), "in-care"),
    (re.compile(r"\badoption\b", re.I), "adoption"),
    (re.compile(r"\b(?:impact of leaders|leadership|leaders)\b", re.I), "leadership"),
    (re.compile(r"\b(?:LSCB|safeguarding children board)\b"), "lscb"),
)
_PREVIOUS = re.compile(
    r"\b(?:last|previous|prior|earlier|former) (?:[\w-]+ )?(?:inspection|visit|report|rating|judgement|time)\b"
    r"|\bpreviously\b"
    r"|\bformerly\b|\b(?:years?|months?) ago\b",
    re.IGNORECASE,
)
#: cues that a grade written after them is an earlier one: "two years after it was rated inadequate"
_PREVIOUS_BEFORE = re.compile(r"\b(?:had been|up from|down from|since|after being|after it was|"
                              r"(?:years?|months?) (?:after|since|before))\b", re.IGNORECASE)
#: "from inadequate", "a turnaround from the ‘Inadequate’ judgement": a grade left behind
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:(?:the|an?|its|their)\s+)?['‘\"“]?$", re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\s+\S+(?:\s+\S+){0,4}\s+to\s+['‘\"“]?$")
_PREVIOUS_YEAR = re.compile(r"\b(?:last|previous|single|earlier|prior) (?:[\w-]+ )?inspection,?(?: \w+){0,3}? in "
                            r"((?:19|20)\d\d)\b", re.IGNORECASE)
_FOR_AREA = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)(?:for|in)\s+([^,;.]+)")
_AS_WAS = re.compile(r"\s*,?\s+as (?:was|were|is|are|did)\s+([^,;.]+)")
_AREA_COPULA = re.compile(r"((?:\S+\s+){1,4}?)(?:was|were|is|are|has been|have been|remains|remained)\s+"
                          r"(?:(?:now|still|also|again)\s+)?$|((?:\S+\s+){0,3}\S+):\s*$")
#: an area named after a grade as the subject of the next one: "..., when help and protection was judged good"
_SUBJECT_OF_RIVAL = re.compile(r"[\w\s'’-]{0,80}?\b(?:was|were|is|are|has been|have been)\s")
_CLAUSE_BREAK = re.compile(r";|,?\s+but\s+|,?\s+whereas\s+")


@dataclass(frozen=True)
class _GradeWord:
    grade: str
    start: int
    end: int
    context: tuple[int, int]  # its sentence, at most WINDOW characters either side


def grades(reading: Reading) -> tuple[list[Grade], list[Inspection]]:
    """Every grade of the article (one per council, area and inspection) and the inspections graded."""
    words = _grade_words(reading)
    placed = [p for p in (_place(reading, word, words) for word in words) if p is not None]
    current_years: dict[str, set[int]] = {}
    for p in placed:
        if not p.previous and p.year:
            current_years.setdefault(p.council.code, set()).add(p.year)
    previous_year = _PREVIOUS_YEAR.search(reading.masked)
    for p in placed:
        years = current_years.get(p.council.code, set())
        if p.previous and p.year in years:
            p.year = None  # "rated good in 2024, two years after it was rated inadequate": 2024 is not its year
        elif p.year is None and not p.previous:  # the year its council's other current grades give
            p.year = next(iter(years)) if len(years) == 1 else reading.year if reading.published else None
            p.inferred = p.year is not None
        if p.previous and p.year is None and previous_year:
            p.year = int(previous_year.group(1))

    def filed(p: _Placed) -> tuple[str, str, list[str]]:
        """The type and id of a grade's inspection, and its areas."""
        words = reading.text[p.clause[0]:p.clause[1]] + (" " + previous_year.group(0) if p.previous and previous_year
                                                          else "")
        kind = inspection_type(words, p.year, graded=True)
        return kind, inspection_id(p.council.slug, p.year, kind, p.previous), _areas(reading, p, kind)

    entries = [(p, *filed(p)) for p in placed]
    stated = {(p.council.code, area, key): p.word.grade for p, _, key, areas in entries if not p.inferred
              for area in areas}
    for i, (p, _, key, areas) in enumerate(entries):
        if p.inferred and any(stated.get((p.council.code, area, key), p.word.grade) != p.word.grade for area in areas):
            p.year = None  # it contradicts a grade of the year it was given: another inspection
            entries[i] = (p, *filed(p))
    found: dict[tuple[str, str, str], Grade] = {}
    inspections: dict[str, Inspection] = {}
    for p, kind, key, areas in entries:
        evidence = reading.text[p.word.context[0]:p.word.context[1]]
        inspections.setdefault(key, Inspection(key, p.council.ref, kind, p.year, evidence, p.previous))
        for area in areas:
            found.setdefault((p.council.name, area, key),
                             Grade(p.council.name, p.word.grade, area, p.council.ref, key, evidence))
    return list(found.values()), list(inspections.values())


@dataclass
class _Placed:
    """A grade word with the council, clause, and inspection (earlier or not, year) it belongs to."""

    word: _GradeWord
    council: Authority
    clause: tuple[int, int]
    previous: bool
    year: int | None
    rivals: tuple[int, ...]  # where the other grade words of its sentence start
    inferred: bool = False  # its year is that of its council's other grades, not one of its own


def _place(reading: Reading, word: _GradeWord, words: list[_GradeWord]) -> _Placed | None:
    """Where a grade word belongs. A year in its sentence is its own unless another grade word is
    nearer ("rated good, a turnaround from the inadequate judgement it received in 2019") or "since"
    comes between ("rated good for the first time since 2018")."""
    text = reading.text
    s_start, s_end = word.context
    c_start, c_end = _clause(text, s_start, s_end, word.start)
    council = reading.council_for(s_start, s_end, word.start)
    general = _ANY_COUNCIL.search(text, c_start, min(c_end, word.end + 40))
    if council is None or general and general.start() < word.start and not [
            m for m in reading.councils_in(c_start, word.start) if m.end <= general.start()]:
        return None  # no council, or a council in general ("every council that is judged 'good'")
    if _PROVIDER.search(text, c_start, word.start):
        return None  # "the council's Oakfield Lodge children's home was rated good": the home's grade
    before, just_after = text[c_start:word.start], text[word.end:min(c_end, word.end + 40)]
    previous = bool(_FROM.search(before) or _PREVIOUS.search(before)
                    or _PREVIOUS_BEFORE.search(before) or _PREVIOUS.search(just_after)) \
        and not _FROM_TO.search(before)
    rivals = [w.start for w in words if w is not word and s_start <= w.start < s_end]
    years = sorted((abs(m.start() - word.start), int(m.group(0))) for m in YEAR.finditer(text, s_start, s_end)
                   if all(abs(m.start() - word.start) <= abs(m.start() - r) for r in rivals)
                   and not _SINCE.search(text, word.end, m.start()))
    return _Placed(word, council, (c_start, c_end), previous, years[0][1] if years else None, tuple(rivals))


def inspection_type(words: str, year: int | None, graded: bool) -> str:
    """The inspection-type concept the words and year suggest (ungraded ones may be visits)."""
    if not graded:
        if re.search(r"\bmonitoring visit", words, re.I):
            return "monitoring-visit"
        if re.search(r"\bfocused visit|\bthe visit\b|\bvisit,", words, re.I):
            return "focused-visit"
    if re.search(r"\bshort inspection", words, re.I):
        return "ilacs-short"
    if re.search(r"\bsingle inspection", words, re.I) or (year is not None and year <= 2017):
        return "sif"
    return "ilacs-standard"


def main_inspection(reading: Reading, graded: list[Inspection]) -> Inspection | None:
    """The inspection the article reports on: its current graded one, else the first sentence
    that names a council and Ofsted, an inspection, a report or a visit."""
    current = [i for i in graded if not i.previous and (i.year is None or i.year == reading.year)]
    if current:
        return current[0]
    council = reading.main_council
    if council is None:
        return None
    for s_start, s_end in reading.sentences:
        sentence = reading.masked[s_start:s_end]
        if reading.councils_in(s_start, s_end) and re.search(r"\b(?:Ofsted|inspect\w*|report|visit)\b", sentence):
            year = reading.year if reading.published else None
            kind = inspection_type(reading.masked, year, graded=False)
            s_end = min(s_end, s_start + 2 * WINDOW)
            return Inspection(inspection_id(council.slug, year, kind), council.ref, kind, year,
                              reading.text[s_start:s_end])
    return None


def _grade_words(reading: Reading) -> list[_GradeWord]:
    out = []
    text = reading.text
    for s_start, s_end in reading.sentences:
        for match in _GRADE_WORD.finditer(text, s_start, s_end):
            quote = reading.in_quote(match.start(), match.end())
            if quote is not None and not is_grade_words(quote.text):
                continue  # words inside a statement
            context = (max(s_start, match.start() - WINDOW), min(s_end, match.end() + WINDOW))
            before = text[max(s_start, match.start() - 80):match.start()]
            if _NEGATION.search(before) or _HYPOTHETICAL.search(before):
                continue
            words = match.group(0).lower()
            if quote is None and not (_graded(words, before, text[match.end():match.end() + 20],
                                              text[context[0]:context[1]])
                                      or _TO_BE.search(before) and _JUDGED.search(text, context[0], match.start())):
                continue
            grade = "requires-improvement" if "improvement" in words else words
            out.append(_GradeWord(grade, match.start(), match.end(), context))
    return out


def _graded(words: str, before: str, after: str, sentence: str) -> bool:
    """Whether an unquoted grade word is used as a grade."""
    near_cue = _CUE_BEFORE.search(" ".join(before.split()[-8:])) or _CUE_AFTER.match(after) or _area_is(before)
    if words in ("good", "outstanding") and not near_cue:
        return False
    if "to be good" not in words and not (near_cue or _INSPECTION_CUE.search(sentence)):
        return False
    return bool(near_cue) or not _ATTRIBUTIVE.match(after)


def _area_is(before: str) -> bool:
    """Whether text ends "<judgement area> was" / "are now" / ":" (a grade list's "Care leavers: Good"):
    a grade word after it is a grade."""
    copula = _AREA_COPULA.search(before[-80:])
    return bool(copula) and any(pattern.search(copula.group(1) or copula.group(2)) for pattern, _ in _AREA_PHRASES)


def _clause(text: str, s_start: int, s_end: int, at: int) -> tuple[int, int]:
    """The clause around ``at``: its sentence split at ";" and at ", but" / ", whereas"."""
    start, end = s_start, s_end
    for m in _CLAUSE_BREAK.finditer(text, s_start, s_end):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


def _areas(reading: Reading, placed: _Placed, kind: str) -> list[str]:
    """The judgement areas a grade is given for: all of them, those listed, the nearest named, or overall.
    An area named after another grade word, or as the subject of one ("judged good, with outstanding
    leadership"; "rated inadequate, and care leavers were judged good"), is that one's."""
    word, (c_start, c_end), year = placed.word, placed.clause, placed.year
    clause = reading.text[c_start:c_end]
    every = list(SIF_AREAS) if kind == "sif" else [_area_slug(area, kind, year) for area in _ILACS_AREA_PHRASES]
    if _ALL_AREAS.search(clause):
        return list(dict.fromkeys(every))
    if re.match(r"\s+overall\b", reading.masked[word.end:c_end]):  # "rated good overall"
        return ["overall-effectiveness"]
    listed = _listed_after(reading.masked, word.end, c_end)
    if listed:
        return list(dict.fromkeys(_area_slug(area, kind, year) for _, area in listed))
    next_rival = min((r for r in placed.rivals if r > word.end), default=c_end)
    hits = [h for h in _area_hits(reading.masked[c_start:c_end], c_start) if h[0] < next_rival
            and not (word.end < h[0] and _SUBJECT_OF_RIVAL.match(reading.masked, h[0], next_rival))]
    if not hits:
        return list(dict.fromkeys(every)) if _ALL_JUDGED.search(clause) else ["overall-effectiveness"]
    if re.search(r"\b(?:both|each|were all|are all|all of)\b", clause):
        return list(dict.fromkeys(_area_slug(area, kind, year) for _, area in hits))
    before = [h for h in hits if h[0] < word.start]
    also = _as_was(reading.masked, word.end, c_end)  # "help and protection was inadequate, as was leadership"
    return list(dict.fromkeys(_area_slug(area, kind, year) for _, area in [before[-1] if before else hits[0], *also]))


def _as_was(masked: str, start: int, end: int) -> list[tuple[int, str]]:
    """The areas of ", as was the impact of leaders" right after a grade: they share it."""
    match = _AS_WAS.match(masked, start, end)
    return _area_hits(match.group(1), match.start(1)) if match else []


def _listed_after(masked: str, start: int, end: int) -> list[tuple[int, str]]:
    """The areas named right after a grade: "inadequate for overall effectiveness, for help and
    protection and for the impact of leaders" (each item "for ..." or "in ..." up to a comma)."""
    hits: list[tuple[int, str]] = []
    while (item := _FOR_AREA.match(masked, start, end)) is not None:
        found = _area_hits(item.group(1), item.start(1))
        if not found:
            break
        hits += found
        start = item.end()
    return hits


def _area_hits(clause: str, offset: int) -> list[tuple[int, str]]:
    hits: list[tuple[int, int, str]] = []
    for pattern, area in _AREA_PHRASES:
        for m in pattern.finditer(clause):
            if not any(a <= m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), area))
    return sorted((offset + a, area) for a, _, area in hits)


def _area_slug(area: str, kind: str, year: int | None) -> str:
    """The judgement-area concept for a phrase, by framework: SIF, ILACS, or ILACS from 2023."""
    sif, split = kind == "sif", year is not None and year >= 2023
    in_care = "children-looked-after-and-permanence" if sif else "children-in-care-and-care-leavers"
    return {
        "overall": "overall-effectiveness",
        "help": "help-and-protection",
        "care-and-leavers": in_care,
        "looked-after": in_care,
        "leavers": "care-leavers-experiences" if sif else "care-leavers" if split else in_care,
        "in-care": "children-in-care" if split and not sif else in_care,
        "adoption": "adoption-performance",
        "leadership": "leadership-management-and-governance" if sif else "leadership",
        "lscb": "lscb-effectiveness",
    }[area]
