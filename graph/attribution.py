"""Who said each quotation, following docs/claims-format.md's quote conventions.

The speaker is the subject of the speech verb before the quotation in its
sentence ("Ms Marchant continued: ..."; in a clause of its own, "..., after
inspectors found ..."), else of one just after it ("..., said the report"), else
of one ending the paragraph before ("Cllr Jo Bloggs said:").
A verb with no subject of its own ("... and suggested") has its sentence's;
a passive one ("Councillors were told") has only a "by" agent. A paragraph
that is all quotation is a pull quote when the line after it names its speaker,
else goes on with the speaker before it.
Quoted grade words are judgements, not statements; unattributable quotations
are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .extraction import Speaker, Statement
from .mentions import PREPOSITION, Mention
from .people import SPEECH, TITLE
from .quotes import Quote
from .reading import Reading

_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH})\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$")
_ELIDED = re.compile(r"\b(?:and|but|yet|or|then)\s+(?:(?:also|then|later|further|previously|has|have|"
                     r"had|would|will)\s+)*$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
#: words that open a clause of its own: a mention right after one and right before the verb is its subject
_CLAUSE_OPENER = re.compile(r"\b(?:with|after|before|when|since|because|as|while|until|once|though|although)\s+$")
#: the line after a paragraph, as a pull quote's signature: "— Cllr Jo Bloggs, leader"
_NEXT_LINE = re.compile(rf"[ \t]*\n\s*(?P<line>[—–-]?\s*(?:{TITLE}\.?\s+)?(?P<name>[^,\n]+?))\s*(?:,|\n|$)")
GRADE_WORDS = {"inadequate", "good", "outstanding", "requires improvement", "require improvement",
               "required improvement", "requires improvement to be good", "requiring improvement", "adequate"}


def is_grade_words(text: str) -> bool:
    """Whether a quotation is only a grade ("‘requires improvement’")."""
    return re.sub(r"[^a-z ]", "", text.lower()).strip() in GRADE_WORDS


def statements(reading: Reading) -> list[Statement]:
    """Every attributable quotation of the article's prose, once per speaker and text."""
    out: list[Statement] = []
    last: tuple[Quote, Speaker] | None = None
    for quote in reading.quotes:
        if not quote.text or is_grade_words(quote.text):
            continue
        speaker = attribute(reading, quote) or _signed(reading, quote)
        if speaker is None and last and quote.paragraphs[0] == last[0].paragraphs[-1]:
            speaker = last[1]  # “We are not complacent,” Mr Oyelaran said. “There is more to do.”
        elif speaker is None and last and _continues(reading, last[0], quote):
            speaker = last[1]
            if _closes_paragraph(reading, last[0]):  # closed and reopened at the next paragraph: one quote
                previous = out.pop()
                out.append(Statement(previous.speaker, f"{previous.text}\n\n{_clean(quote.text)}",
                                     previous.speaker_ref, previous.speaker_description))
                last = (quote, speaker)
                continue
        if speaker is None:
            last = None
            continue
        s_start, s_end = reading.sentence_of(quote.start)
        whole = len(quote.parts) == 1 and s_end >= quote.end
        out.append(Statement(speaker.name, _clean(quote.text), speaker.ref, speaker.description,
                             reading.text[s_start:s_end] if whole else ""))
        last = (quote, speaker)
    seen: set[tuple[str, str]] = set()
    return [s for s in out if (s.speaker, s.text) not in seen and not seen.add((s.speaker, s.text))]


def attribute(reading: Reading, quote: Quote) -> Speaker | None:
    """The speaker of a quotation, or None if the sentence names none."""
    s_start = reading.sentence_of(quote.start)[0]
    masked = reading.masked
    verbs = list(_SPEECH_VERB.finditer(masked, s_start, quote.start))
    if verbs:
        return _subject(reading, verbs, len(verbs) - 1, s_start, quote.start)
    after_end = max(quote.end, reading.sentence_of(quote.end - 1)[1])  # the rest of its last sentence
    verb = _SPEECH_VERB.search(masked, quote.end, after_end)
    if verb and len(masked[quote.end:verb.start()].split()) <= 8:
        between = reading.mentions.within(quote.end, verb.start())  # "...," she added
        if between:
            return _pick(reading, between)
        following = reading.mentions.within(verb.end(), after_end)  # "...," said the report
        if following:
            return reading.mentions.resolve(following[0])
    according = _ACCORDING.search(masked, s_start, after_end)
    if according:
        following = reading.mentions.within(according.end(), after_end)
        if following:
            return reading.mentions.resolve(following[0])
    return _after_colon(reading, quote, s_start) or _introduced(reading, quote)


def _after_colon(reading: Reading, quote: Quote, s_start: int) -> Speaker | None:
    """The speaker of a quotation ending a sentence that introduces it with a colon and no speech verb
    ("Her verdict is blunt: “...”", "The director, Jo Bloggs, puts it simply: “...”"): the sentence's
    subject, a possessive "Her"/"His" opening it standing for the last person named."""
    masked = reading.masked
    colon = masked.rfind(":", s_start, quote.start)
    s_end = reading.sentence_of(quote.end - 1)[1]
    earlier = bisect_left(reading.quote_starts, s_start)
    if colon < 0 or masked[colon + 1:quote.start].strip() or reading.text[quote.end:s_end].strip(" .") \
            or _SPEECH_VERB.search(masked, s_start, s_end) or reading.quote_starts[earlier] < quote.start:
        return None
    mentions = reading.mentions.within(s_start, colon)
    if mentions:
        return _pick(reading, mentions)
    possessive = re.match(r"\s*(Her|His)\b", masked[s_start:colon])
    if possessive:
        kind = "she" if possessive.group(1) == "Her" else "he"
        return reading.mentions.resolve(Mention(s_start, s_start + 3, kind, possessive.group(1)))
    return None


def _introduced(reading: Reading, quote: Quote) -> Speaker | None:
    """The speaker of a quotation opening a paragraph after one that ends "..., said:" (as press
    releases print a long quote): the subject of that speech verb."""
    index = quote.paragraphs[0]
    if index == 0 or quote.start != reading.layout.prose[index].start:
        return None
    previous = reading.layout.prose[index - 1]
    if not previous.text.endswith(":"):
        return None
    s_start = reading.sentence_of(previous.end - 1)[0]
    verbs = list(_SPEECH_VERB.finditer(reading.masked, s_start, previous.end))
    return _subject(reading, verbs, len(verbs) - 1, s_start, previous.end) if verbs else None


def _subject(reading: Reading, verbs: list[re.Match[str]], i: int, s_start: int, limit: int) -> Speaker | None:
    """Who the ``i``-th speech verb of a sentence is said by."""
    verb = verbs[i]
    masked = reading.masked
    if _PASSIVE.search(masked[max(s_start, verb.start() - 30):verb.start()]):
        agent = re.search(r"\bby\s+", masked[verb.end():limit])
        following = reading.mentions.within(verb.end() + agent.end(), limit) if agent else []
        return reading.mentions.resolve(following[0]) if following else None
    segment_start = verbs[i - 1].end() if i else s_start
    if _ELIDED.search(masked[segment_start:verb.start()]):
        if i:
            return _subject(reading, verbs, i - 1, s_start, limit)
        first = reading.mentions.within(s_start, verb.start())  # "The report ... rated X and said"
        return reading.mentions.resolve(first[0]) if first else None
    mentions = reading.mentions.within(segment_start, verb.start())
    if mentions:
        last = mentions[-1]  # "..., two years after inspectors found", "..., with inspectors finding"
        if not masked[last.end:verb.start()].strip() and _CLAUSE_OPENER.search(masked[s_start:last.start]):
            return reading.mentions.resolve(last)
        return _pick(reading, mentions)
    return _subject(reading, verbs, i - 1, s_start, limit) if i else None


def _pick(reading: Reading, mentions: list[Mention]) -> Speaker | None:
    """The subject among the mentions before a verb: the last person (or pronoun for one), else the first
    body, leaving out those after a preposition ("In Portsmouth, inspectors said"; "The report, which
    covered an inspection period ..., said")."""
    subjects = [m for m in mentions if not PREPOSITION.search(reading.masked[max(0, m.start - 8):m.start])]
    if not subjects:
        return None
    people = [m for m in subjects if m.person_like]
    return reading.mentions.resolve(people[-1] if people else subjects[0])


def _clean(text: str) -> str:
    """Quoted words without a trailing comma that belongs to the sentence."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(",") else text


def _whole_paragraph(reading: Reading, quote: Quote) -> bool:
    """Whether ``quote`` is all of a paragraph (a full stop after it aside)."""
    para = reading.layout.prose[quote.paragraphs[0]]
    return quote.start == para.start and not reading.text[quote.end:para.end].strip(" .")


def _continues(reading: Reading, previous: Quote, quote: Quote) -> bool:
    """Whether ``quote`` is a whole paragraph right after the paragraph where ``previous`` ends."""
    return _whole_paragraph(reading, quote) and quote.paragraphs[0] == previous.paragraphs[-1] + 1


def _signed(reading: Reading, quote: Quote) -> Speaker | None:
    """The speaker of a pull quote: a paragraph all quotation whose next line, not prose, begins with the
    name of someone the article names ("Cllr Jo Bloggs, Bradford Council")."""
    prose, index = reading.layout.prose, quote.paragraphs[-1]
    following = _NEXT_LINE.match(reading.text, prose[index].end)
    if not _whole_paragraph(reading, quote) or following is None or (
            index + 1 < len(prose) and prose[index + 1].start == following.start("line")):
        return None
    person = reading.mentions.people.get(following.group("name"))
    return person.speaker if person else None


def _closes_paragraph(reading: Reading, quote: Quote) -> bool:
    para = reading.layout.prose[quote.paragraphs[-1]]
    return not reading.text[quote.end:para.end].strip(" .")
