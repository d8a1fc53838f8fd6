"""Paragraph and sentence boundaries of a cleaned text, as (start, end) offsets."""

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "rev", "sen", "rep", "gov", "pres",
    "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "p.m", "a.m", "approx",
}

# A sentence ends at . ! ? or … (with any closing quotes or brackets after it) before white space and a
# character that can start a sentence.
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9\u00C0-\u024F])")
LAST_WORD = re.compile(r"([\w.]+)[.!?…]+[\"”’')\]]*$")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


def paragraphs(text: str) -> list[Segment]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        if match.start() > start:
            spans.append(Segment(start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append(Segment(start, len(text)))
    return spans


def sentences(text: str, paragraph: Segment) -> list[Segment]:
    """Sentences of one paragraph; abbreviations and initials ("Mr.", "U.S.", "J.") do not end one."""
    spans, start = [], paragraph.start
    chunk = text[paragraph.start : paragraph.end]
    for match in BOUNDARY.finditer(chunk):
        end = paragraph.start + match.end()
        word = LAST_WORD.search(text[start:end])
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        spans.append(Segment(start, end))
        start = end
        while start < paragraph.end and text[start].isspace():
            start += 1
    if start < paragraph.end:
        spans.append(Segment(start, paragraph.end))
    return spans


def all_sentences(text: str) -> list[Segment]:
    return [s for p in paragraphs(text) for s in sentences(text, p)]


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript: the speaker's name as written, and the words that follow it."""

    name: str
    name_start: int
    start: int
    end: int


# "Name:" alone on its line, or "Name: words" opening a paragraph; a name is one to five capitalised words.
TURN_HEADER = re.compile(
    r"^((?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?[A-Z\u00C0-\u00DE][\w.&'’\-]*(?: (?:[A-Z\u00C0-\u00DE][\w.&'’\-]*|of|the|de|al|bin)){0,4}):[ \t]*$",
    re.MULTILINE,
)
MIN_TURNS = 2


def transcript_turns(text: str) -> list[Turn]:
    """The turns of a question-and-answer transcript, or [] when the text is not one."""
    headers = list(TURN_HEADER.finditer(text))
    if len(headers) < MIN_TURNS:
        return []
    turns = []
    for i, header in enumerate(headers):
        start = header.end()
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            turns.append(Turn(header.group(1), header.start(1), start, end))
    return turns
