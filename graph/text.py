"""Source text: reading it, repairing known mis-decodings, and finding verbatim spans.

A span "occurs verbatim" when it occurs after normalising only whitespace
(any run, including no-break spaces and line breaks, is one space) and quote
marks (curly and straight are the same). A quote that runs over several
paragraphs is written with a blank line between its paragraphs; the article
may reopen the quote mark at each paragraph, as British papers do.

>>> locate("He said: \u201cIt\u2019s   fine.\u201d", "It's fine.")
1
>>> locate("A\\n\\n\u201cB.\\n\\n\u201cC.\u201d", "B.\\n\\nC.")
3
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single
        "\u2019": "'",  # right single
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',  # left double
        "\u201d": '"',  # right double
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
#: Between the paragraphs of one quote: spaces and (re)opened or closed quote marks.
_BETWEEN_PARAGRAPHS = r"[\s\"']*\s[\s\"']*"


def normalise(text: str) -> str:
    """Fold quote marks to straight ones and whitespace runs to one space.

    >>> normalise("\u2018a\u00a0lottery\u2019\\n")
    "'a lottery'"
    """
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def paragraphs(span: str) -> list[str]:
    """The paragraphs of a span, split at blank lines, each normalised."""
    return [p for p in (normalise(part) for part in _PARAGRAPH_BREAK.split(span)) if p]


@dataclass(frozen=True)
class Normalised:
    """A text normalised once, with a map back to its original lines."""

    text: str
    _line_of: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> "Normalised":
        out: list[str] = []
        line_of: list[int] = []
        line = 1
        pending_space = False
        for ch in original.translate(_QUOTES):
            if ch.isspace():
                pending_space = bool(out)
                if ch == "\n":
                    line += 1
                continue
            if pending_space:
                out.append(" ")
                line_of.append(line)
                pending_space = False
            out.append(ch)
            line_of.append(line)
        return cls("".join(out), tuple(line_of))

    def locate(self, span: str) -> int | None:
        """The line (1-based) where ``span`` starts, or None if it does not occur."""
        parts = paragraphs(span)
        if not parts:
            return None
        if len(parts) == 1:
            index = self.text.find(parts[0])
            return None if index < 0 else self._line_of[index]
        pattern = _BETWEEN_PARAGRAPHS.join(re.escape(p) for p in parts)
        match = re.search(pattern, self.text)
        return None if match is None else self._line_of[match.start()]


    def mismatch(self, span: str) -> str:
        """Why ``span`` does not occur: which paragraph, and the longest start of it that does.

        >>> Normalised.of("we are very sorry").mismatch("we are very sad")
        "matches up to 'we are very s'"
        """
        parts = paragraphs(span)
        for number, part in enumerate(parts, 1):
            if part not in self.text:
                low, high = 0, len(part)  # the longest prefix that occurs, by bisection
                while low < high:
                    mid = (low + high + 1) // 2
                    low, high = (mid, high) if part[:mid] in self.text else (low, mid - 1)
                where = f"paragraph {number} " if len(parts) > 1 else ""
                return f"{where}matches up to {part[:low][-40:]!r}" if low else f"{where}no match at all"
        return "its paragraphs occur, but not one after another"


def locate(text: str, span: str) -> int | None:
    """The line where ``span`` occurs verbatim in ``text`` (see module doc), or None."""
    return Normalised.of(text).locate(span)


# --- encoding repairs -------------------------------------------------------

#: Characters news text uses that survive a wrong decoding as recognisable junk.
_REPAIRABLE = "£€’‘“”–—…éè"


def _mojibake_table() -> dict[str, tuple[str, str]]:
    """Junk string -> (right character, how it arose), for UTF-8 read as another codec."""
    table: dict[str, tuple[str, str]] = {}
    for right in _REPAIRABLE:
        raw = right.encode("utf-8")
        for codec in ("cp1252", "gbk"):
            try:
                junk = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if junk != right:
                table[junk] = (right, f"UTF-8 {right!r} read as {codec.upper()}")
    return table


_MOJIBAKE = _mojibake_table()
_MOJIBAKE_RE = re.compile("|".join(sorted(map(re.escape, _MOJIBAKE), key=len, reverse=True)))


@dataclass(frozen=True)
class Repair:
    """One encoding repair, recorded so the graph can say what was changed."""

    line: int
    junk: str
    right: str
    cause: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.junk!r} read as {self.right!r} ({self.cause})"


def repair_encoding(text: str) -> tuple[str, list[Repair]]:
    """Replace known mis-decodings (``拢3.5m`` -> ``£3.5m``) and list each repair.

    >>> repair_encoding("an extra \u62e23.5m")[0]
    'an extra £3.5m'
    """
    repairs: list[Repair] = []

    def fix(match: re.Match[str]) -> str:
        junk = match.group(0)
        right, cause = _MOJIBAKE[junk]
        repairs.append(Repair(text.count("\n", 0, match.start()) + 1, junk, right, cause))
        return right

    return _MOJIBAKE_RE.sub(fix, text), repairs


def read_utf8(path: Path) -> str:
    """Read a text file that must be UTF-8; a bad byte is an ``InputError`` at its line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError.at(path, 0, "file not found") from None
    except OSError as e:
        raise InputError.at(path, 0, f"cannot read: {e.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError.at(
            path,
            line,
            f"not UTF-8 (byte 0x{data[e.start]:02x} at column {column}); "
            "convert it, e.g. iconv -f cp1252 -t utf-8",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
