"""How news copy names people and their roles.

A capitalised pair of words is taken for a person's name only in a context that
says so: a title ("Ms", "Councillor", "Inspector"), role words before it ("leader
Louise Goldsmith", "The authority's chief executive, Clare Marchant", "Foster carer
Jo Bloggs"), a role in apposition after it, letters such as "MP" aside ("Sue Mullins,
Labour group leader at WSCC, said"), a role stated ("Jo Bloggs is chief executive of
..."), or a speech verb next to it ("said Jo Bloggs"); in a feature, a bare name whose first name or
surname alone speaks elsewhere ("Amira says") or that is introduced with a place or age ("Jo Bloggs,
from Grays, waited").

>>> person_context("leader Louise Goldsmith acknowledged", 7, 23)
Role(words='leader', start=0, span_start=0, span_end=23)
>>> role_after(", Labour group leader at WSCC, said the report")
'Labour group leader at WSCC'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .extraction import Speaker, slugify

SPEECH = (r"said|says|say|saying|added|adds|continued|continues|stated|states|told|tells|explained|explains|warned|"
          r"warns|commented|noted|notes|insisted|insists|admitted|admits|acknowledged|acknowledges|conceded|"
          r"called|calls|found|finds|concluded|concludes|highlighted|highlights|criticised|criticises|criticized|"
          r"claimed|claims|argued|argues|suggested|suggests|felt|feels|believes|believed|wrote|writes|reported|"
          r"revealed|reveals|urged|urges|announced|confirmed|confirms|pointed out|praised|praises|described|"
          r"describes|branded|labelled|accused|apologised|promised|pledged|vowed|responded|replied|recognised|"
          r"recognises|asked|questioned|remarked|observed|declared|stressed|emphasised|welcomed|hailed|"
          r"condemned|slammed|blamed|finding")
TITLES_F = {"Ms", "Mrs", "Miss", "Lady", "Dame", "Baroness"}
TITLES_M = {"Mr", "Sir", "Lord"}
#: titles that are also roles ("Inspector Linda Steele"); a fuller role found later replaces them
TITLE_ROLES = ("Inspector", "HMI", "Councillor", "Cllr")
TITLE = r"(?:Ms|Mrs|Miss|Mr|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Professor|Prof|Cllr|Councillor|Inspector|HMI|Rev|Revd)"
_TOKEN = r"(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
FULL_NAME = re.compile(rf"(?<![\w’'-]){_TOKEN}(?: (?:[A-Z]\. )?{_TOKEN}){{1,2}}(?![\w-])")
TITLED = re.compile(rf"\b({TITLE})\.? ({_TOKEN}(?: {_TOKEN}){{0,2}})(?![\w-])")
#: capitalised words that are never part of a person's name in this domain
NOT_NAME = set("""
Council County Borough City District Metropolitan Royal Children Children's Children’s Childrens Services Service
Social Care Ofsted Ofstead Department Education Government Minister Secretary Report Inspector Inspectors Inspection
Labour Conservative Conservatives Liberal Democrat Democrats Lib Dem Green Greens Reform Independent Party Group
Trust Partnership Board Panel Committee Cabinet Member Leader Director Executive Chief Officer Commissioner Court
Police Hall House News Safeguarding Local Authority National Association Society Office Corporate Parenting Young
People Family Families Support Team Unit Hub Centre Street Road Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December The A An In On At But
And However Responding Speaking Mr Mrs Ms Miss Dr Sir Dame Lord Lady Cllr Councillor Professor Prof He She It They
We Our His Her Its Their This That These Those Last Next Key Stage Stages Covid England English Wales Britain UK
West East North South New St Saint Whilst While Also When If As After Before Since Under Over During Following
Meanwhile Mayor MP Health Action Image Photo Published Updated Read More Share Twitter Facebook Chair Head Deputy
Interim Acting Assistant Strategic Director's Leader's Care's Commission Foundation Network Agency Alliance Fund
Tribunal Unison Barnardo's Barnardo’s Cafcass Inspectorate Watchdog Standards Skills Improvement Plan Programme
""".split())
ROLE_WORD = re.compile(
    r"\b(?:leader|member|councillor|director|executive|officer|chief|inspector|chair|chairman|chairwoman|"
    r"chairperson|head|commissioner|minister|secretary|spokesman|spokeswoman|spokesperson|manager|mayor|MP|"
    r"holder|lead|president|deputy|boss|principal|official|HMI|representative|adviser|advisor|cabinet|"
    r"portfolio|governor|convenor|carer|worker|campaigner|parent|mother|father|mum|dad|grandmother|grandfather|"
    r"leaver|adopter|volunteer|founder|headteacher|teacher|nurse|solicitor|lawyer|barrister|paediatrician|"
    r"activist|advocate)\b",
    re.IGNORECASE,
)
#: words a role written before a name is made of ("council leader", "cabinet member for children")
_ROLE_VOCABULARY = set("""
council county borough city district cabinet group opposition deputy acting interim former chief executive director
member leader lead councillor officer strategic corporate senior assistant service services social care children's
children’s childrens child families family young people education safeguarding partnership independent chair
chairman chairwoman head of for and & labour conservative liberal democrat lib dem green independent reform party
national regional ofsted hm his majesty's majesty’s inspector commissioner spokesman spokeswoman spokesperson
portfolio holder mayor mp minister secretary state health wellbeing adult adults learning skills schools early help
protection start life – - improvement operations operating finance resources director’s local authority principal
practice workforce quality assurance commissioning children work trust foster carer worker campaigner parent
mother father mum dad grandmother grandfather leaver adopter volunteer founder headteacher teacher nurse solicitor
lawyer barrister paediatrician activist advocate youth single adoptive kinship
""".split())
_PARTIES = {"labour", "conservative", "ofsted", "green", "reform"}
_WINDOW = 160  # how far around a name its context is looked for
_POST_NOMINALS = re.compile(r"(?:\s+(?:MP|MEP|KC|QC|CBE|OBE|MBE|JP)\b)*")
_TITLE_BEFORE = re.compile(rf"\b{TITLE}\.? $")
_SPEECH_AFTER = re.compile(rf"\s+(?:has\s+|had\s+|also\s+|then\s+)*(?:{SPEECH})\b|,\s+\d{{1,3}},")
_SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH}|[Aa]ccording to)\s+$")
#: a bare name's introduction in a feature: "Jo Bloggs, from Grays, waited", "Jo Bloggs, now 20, who left"
_INTRODUCED = re.compile(r",\s+(?:from\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|now\s+\d{1,3}|aged\s+\d{1,3}|\d{1,3}),"
                         r"\s+(?:who\s+)?(?:has\s+|had\s+)?[a-z]+")
_WORD_BY_VERB = re.compile(rf"(?<![\w’'-])([A-Z][\w’'-]*)(?={_SPEECH_AFTER.pattern})"
                           rf"|\b(?:{SPEECH})\s+([A-Z][\w’'-]*)(?![\w’'-])")
_APPOSITION_TO_VERB = re.compile(rf"([^\"“”‘]{{3,140}}?),\s+(?:has\s+|had\s+|also\s+)?(?:{SPEECH})\b")


@dataclass
class NamedPerson:
    """A person the article names, with what it says of them."""

    name: str
    gender: str = ""  # "f", "m" or "" from titles ("Ms Steele")
    role: str = ""
    role_evidence: str = ""
    organisation: Speaker | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def speaker(self) -> Speaker:
        return Speaker(self.name, f"person/{slugify(self.name)}")


@dataclass(frozen=True)
class Role:
    """Role words shown with a name (``words`` may be empty), where they start, and the span showing both."""

    words: str
    start: int
    span_start: int
    span_end: int


def name_tokens(name: str) -> list[str]:
    """The words of a candidate name without leading non-name words ("The Jo Bloggs" -> Jo Bloggs),
    or [] if what is left is not a name."""
    tokens = name.split()
    while tokens and tokens[0] in NOT_NAME:
        tokens = tokens[1:]
    return tokens if len(tokens) >= 2 and not any(t in NOT_NAME for t in tokens) else []


def person_context(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> Role | None:
    """How ``text`` shows that ``text[start:end]`` names a person (a ``Role``, perhaps without
    words), or None. ``lo``/``hi`` bound the paragraph."""
    hi = len(text) if hi is None else hi
    end += len(_POST_NOMINALS.match(text, end, hi).group(0))  # "Sir Jo Bloggs MP, the party's ..."
    before, after = text[max(lo, start - _WINDOW):start], text[end:min(hi, end + _WINDOW)]
    role = role_after(after) or role_stated(after)
    if role:
        at = end + after.index(role)
        return Role(role, at, start, at + len(role))
    title = _TITLE_BEFORE.search(before[-16:])
    if title:  # "Labour opposition leader Cllr Jo Bloggs": the role is before the title
        before = before[:len(before) - len(title.group(0))]
        role = role_before(before)
        if not role:
            return Role("", start, start, end)
        role_start = start - len(title.group(0)) - len(before) + len(before.rstrip(" ,")) - len(role)
        return Role(role, role_start, role_start, end)
    role = role_before(before)
    if role:
        role_start = start - len(before) + len(before.rstrip(" ,")) - len(role)
        return Role(role, role_start, role_start, end)
    if _SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before[-16:]):
        return Role("", start, start, end)
    return None


def introduced(after: str) -> bool:
    """Whether the words after a bare name introduce a person as a feature does: ", from Grays, waited"."""
    return bool(_INTRODUCED.match(after))


def speaking_words(text: str) -> list[tuple[int, int]]:
    """Where a capitalised word standing alone is the subject of a speech verb ("Amira says", "said
    Dobrowski"), not part of a longer capitalised run."""
    out = []
    for match in _WORD_BY_VERB.finditer(text):
        start, end = match.span(1) if match.group(1) else match.span(2)
        before, after = text[max(0, start - 40):start], text[end:end + 2]
        if not (re.search(r"[A-Z][\w’'-]*\s$", before) or re.match(r"\s[A-Z]", after)):
            out.append((start, end))
    return out


def role_after(after: str) -> str:
    """The apposition after a name, if it names a role: ", Labour group leader at WSCC, said" -> its words."""
    if not after.startswith(", "):
        return ""
    rest = after[2:]
    to_verb = _APPOSITION_TO_VERB.match(rest)
    if to_verb and not re.search(r",\s*(?:who|which|whose|where)\b", to_verb.group(1)):
        segment = to_verb.group(1)
    else:
        first = re.match(r"[^,.;:!?\"“”‘]{3,120}", rest)
        segment = first.group(0) if first else ""
    segment = segment.rstrip()
    if not segment or not ROLE_WORD.search(segment) or re.match(r"(?:who|whose|which|and|but|said)\b", segment):
        return ""
    return segment


def role_stated(after: str) -> str:
    """The role a sentence gives a name, as a writer's biography line does: " is chief executive of the
    charity Lanternway." -> its words."""
    stated = re.match(r" (?:is|was|has been|had been) ([^,.;:!?\"“”‘]{3,120})", after)
    if not stated:
        return ""
    segment = stated.group(1).rstrip()
    first = segment.split(" ")[0].lower()
    opens = first in {"the", "a", "an", "its", "their", "his", "her"} or first in _ROLE_VOCABULARY
    return segment if opens and ROLE_WORD.search(segment) else ""


def _is_role_phrase(phrase: str) -> bool:
    """Whether words before ", Name," name a role: "The authority's chief executive", "Croydon's
    executive director of children, young people and education" (not "Speaking to the leader")."""
    words = phrase.split(" ")
    owner = next((i for i, w in enumerate(words[:5]) if w.endswith(("'s", "’s"))), None)
    if owner is not None and all(w[:1].isupper() for w in words[:owner + 1]):
        words = words[owner:]  # "Barnsley Council's cabinet spokesperson": an owner named in several words
    first = words[0]
    opens = first in {"The", "the", "A", "a", "An", "an", "Its", "its", "Her", "her", "His", "his", "Their",
                      "their"} or first.endswith(("'s", "’s")) or first.lower() in _ROLE_VOCABULARY
    return opens and bool(ROLE_WORD.search(phrase)) and len(phrase.split()) <= 16


def role_before(before: str) -> str:
    """Role words just before a name: "... leader " or "The authority's chief executive, " -> the words;
    of an apposition opening after a comma, the shortest that is a role ("Speaking to ITV News, the
    council's portfolio holder for children, education and families, "), curly apostrophes and all."""
    appositive = re.search(r"(?:^|[.;:!?\"“”‘’]\s*)((?:[^.;:!?\"“”‘’]|(?<=\w)’(?=\w)){3,140}),\s$", before[-150:])
    if appositive:
        phrase = appositive.group(1).strip()
        tails = [phrase] + [phrase[m.end():] for m in reversed(list(re.finditer(r",\s+", phrase)))]
        role = next((tail for tail in tails if _is_role_phrase(tail)), "")
        if role:
            return role
    if not before.endswith(" ") or before.rstrip().endswith(","):
        return ""
    taken: list[str] = []  # the words before the name, nearest first
    for word in reversed(before.rstrip().split(" ")):
        bare = re.sub(r"['’]s$", "", word).lower()
        if bare in _ROLE_VOCABULARY or (taken and (word.endswith(("'s", "’s")) or word.isupper())) \
                or (word[:1].isupper() and bare in _PARTIES):
            taken.append(word)
            continue
        break
    words = before.rstrip().split(" ")
    while taken and len(taken) < len(words) and taken[-1][:1].isupper() and words[-len(taken) - 1][:1].isupper():
        taken.append(words[-len(taken) - 1])  # the rest of a name: "Portsmouth City Council leader"
    while taken and taken[-1].lower() in {"of", "for", "and", "&", "–", "-"}:
        taken.pop()
    phrase = " ".join(reversed(taken))
    ends_in_role = bool(taken) and ROLE_WORD.search(taken[0])
    if not phrase or not ROLE_WORD.search(phrase) or not (
            ends_in_role or re.search(r"\b(?:services|care|education|people|families|life)$", phrase)):
        return ""
    return phrase
