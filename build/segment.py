"""Paragraph and sentence boundaries of a cleaned text, as (start, end) offsets."""

import bisect
import re
from dataclasses import dataclass

from . import lexicon

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "rev",
    "sen",
    "rep",
    "gov",
    "pres",
    "no",
    "vol",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "u.n",
    "p.m",
    "a.m",
    "approx",
}

# A sentence ends at . ! ? or … (with any closing quotes or brackets after it) before white space and a
# character that can start a sentence.
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9\u00C0-\u024F])")
LAST_WORD = re.compile(r"([\w.]+)[.!?…]+[\"”’')\]]*$")
# LAST_WORD looks only this far back: searching the whole sentence so far made a long line without a
# sentence end take quadratic time (hours for 5 MB).
LAST_WORD_WINDOW = 200


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


# The marker that opens an item of a list: '- ', '• ', '-- ', '3. '.
LIST_ITEM = re.compile(r"\s*(?:[-–—•*▪]+|\d{1,2}[.)])\s")


def sentences(text: str, paragraph: Segment) -> list[Segment]:
    """Sentences of one paragraph; abbreviations and initials ("Mr.", "U.S.", "J.") do not end one. An item of a
    list starts after its marker, which the parser would read as a word ('• 412 shipments')."""
    marker = LIST_ITEM.match(text, paragraph.start, paragraph.end)
    spans, start = [], marker.end() if marker else paragraph.start
    chunk = text[paragraph.start : paragraph.end]
    for match in BOUNDARY.finditer(chunk):
        end = paragraph.start + match.end()
        if end <= start:  # the stop of a marker ('3. ')
            continue
        word = LAST_WORD.search(text[max(start, end - LAST_WORD_WINDOW) : end])
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


def containing(segments: list[Segment], pos: int) -> Segment:
    """The segment of a sorted list that holds pos, or Segment(pos, pos); a binary search, since a long text
    has tens of thousands of sentences."""
    i = bisect.bisect_right(segments, pos, key=lambda s: s.start) - 1
    if i >= 0 and segments[i].start <= pos < segments[i].end:
        return segments[i]
    return Segment(pos, pos)


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript: the speaker's name as written, and the words that follow it."""

    name: str
    name_start: int
    start: int
    end: int


# "Name:" alone on its line, or "Name: words" opening a paragraph; a name is one to five capitalised words, or
# the "Q" and "A" of an interview.
# A committee's record numbers its questions before the asker ('Q12 Chair:'); a video script marks a speaker's
# sound with its language ('SOUNDBITE (Uygur) ABDULLA TURSUN, Farmer:').
# A capital letter, with those of Latin-1 and Latin Extended-A ('Émilie', 'Šindelářová', 'Łukasz')
CAPITAL = r"[A-Z\u00C0-\u00DE\u0100-\u017F]"
SPEAKER_NAME = (
    r"(?:Q\d{1,4} |(?:SOUNDBITE|SOT|SYNC)(?: \([^()\n]{1,20}\))? )?"
    r"([QA]|(?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?" + CAPITAL + r"[\w.&'’\-]+"
    r"(?: (?:" + CAPITAL + r"[\w.&'’\-]*|of|the|de|al|bin)){0,4})"
)
# what a broadcast transcript writes after the name: 'ARI SHAPIRO, HOST:', 'ABDUREHIM KADIR, DEPUTY DIRECTOR,
# HEALTH COMMISSION:', 'DILNAZ TURGUN, Daughter of Detained Uyghur:', 'JAMES LONGMAN (ABC NEWS) (on camera):'
SPEAKER_ROLE = r"(?:, [A-Z][\w ,.&'’-]{1,100}?)?(?: \([^()\n]{1,40}\)){0,2}"
TURN_HEADERS = (
    re.compile(r"^" + SPEAKER_NAME + SPEAKER_ROLE + r":[ \t]*$", re.MULTILINE),
    # a parliament's record: 'Helen Morrow (Twickenham) (LD)', 'The Minister of State, Home Office (Dan Jarvis)'
    re.compile(r"^" + SPEAKER_NAME + r"(?: \([^()\n]{1,60}\)){1,3}[ \t]*$", re.MULTILINE),
    re.compile(r"^The [A-Z][^()\n]{2,150} \(" + SPEAKER_NAME + r"\)[ \t]*$", re.MULTILINE),
)
INLINE_TURN = re.compile(r"^" + SPEAKER_NAME + SPEAKER_ROLE + r":[ \t]+(?=\S)", re.MULTILINE)
# A video script's directions in brackets on a paragraph of their own: '[VIDEO] ...', '[ON SCREEN: ...]'.
STAGE_DIRECTION = re.compile(r"\n[ \t]*\n[ \t]*\[")
# 'SOUNDBITE:' then who speaks, with their title, on the rest of the line.
SOUNDBITE_LABELS = {"SOUNDBITE", "SOT", "SYNC"}
SOUNDBITE_NAME = re.compile(r"[ \t]*(" + CAPITAL + r"[\w’'-]+(?: " + CAPITAL + r"[\w’'-]+){0,3})(?:,[^\n]*)?\n")
# Labels that open a paragraph like a speaker's name but are furniture.
NOT_SPEAKERS = {
    "Note",
    "Photo",
    "Photos",
    "Source",
    "Sources",
    "Update",
    "Updated",
    "Related",
    "Correction",
    "Caption",
    "Credit",
    "Editor's note",
    "Editor’s note",
    "Read more",
    "Also read",
    "Watch",
    "Video",
    "Listen",
    "Disclaimer",
    "Tags",
    "Topics",
    "Published",
    "Date",
    "By",
    "Transcript",
}
# Turn labels that name no one: a reporter's question in a briefing's transcript ('QUESTION:', 'Q:').
ASKING_TURNS = {"q", "question", "questions", "reporter", "journalist", "audience", "audience member", "participant"}
ASKING_TURNS |= {"caller", "viewer", "listener"}  # a phone-in programme's public
# ... and a programme's own voices, whom the text may name elsewhere ('Anchor: Chan Mei-ling').
PRESENTER_TURNS = {
    "anchor",
    "host",
    "presenter",
    "newsreader",
    "newscaster",
    "announcer",
    "narrator",
    "interviewer",
    "moderator",
}
UNNAMED_TURNS = ASKING_TURNS | PRESENTER_TURNS
# Turn labels of a video script's narration, the outlet's own voice ('NARRATOR (VO):').
NARRATION_TURNS = {"narrator", "narration", "vo", "voiceover", "voice-over"}
# Turn labels for the answers of an interview, whose speaker the text names before the transcript ('A:', a
# programme's 'GUEST:').
ANSWER_TURNS = {"a", "answer", "guest", "interviewee"}
# A line in capitals alone: a transcript's heading, not a speaker's words.
CAPITALS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{3}[^a-z\n]*$", re.MULTILINE)
MIN_TURNS = 2
MIN_INLINE_TURNS = 3
MAX_HEADING_WORDS = 8


def transcript_turns(text: str) -> list[Turn]:
    """The turns of a question-and-answer transcript, or [] when the text is not one.

    Headings on their own line make a transcript from two turns on; "Name: words" paragraphs need three, a
    name that comes back, or a question answered by the next turn, since one such paragraph is often a label.
    """
    found = (h for pattern in TURN_HEADERS for h in pattern.finditer(text))
    headers = sorted((h for h in found if h.group(1) not in NOT_SPEAKERS), key=lambda h: h.start())
    if len(headers) < MIN_TURNS:
        inline = [
            h
            for h in INLINE_TURN.finditer(text)
            if h.group(1) not in NOT_SPEAKERS and (h.group(1) in SOUNDBITE_LABELS or not _heading(text, h))
        ]
        names = [h.group(1) for h in inline]
        repeated = len(set(names)) < len(names)
        if len(inline) < MIN_INLINE_TURNS and not (len(inline) >= MIN_TURNS and (repeated or _asks(text, inline))):
            return []
        headers = inline
    turns = []
    for i, header in enumerate(headers):
        start = header.end()
        end = headers[i + 1].start() if i + 1 < len(headers) else _narrative_resumes(text, start)
        capitals = CAPITALS_LINE.search(text, start, end)
        if capitals and re.search(r"[a-z]", text[start : capitals.start()]):
            end = capitals.start()  # 'STATEMENT OF ELEANOR HALL, DIRECTOR OF RESEARCH': a heading ends the turn
        direction = STAGE_DIRECTION.search(text, start, end)
        if direction:
            end = direction.start()  # '[VIDEO] Workers folding garments': a video script's shot ends the turn
        name, name_start = header.group(1), header.start(1)
        named = SOUNDBITE_NAME.match(text, start) if name in SOUNDBITE_LABELS else None
        if named:  # 'SOUNDBITE: Li Wenbin, general manager, Lop Xinyi Garment Co.' then the words on the next line
            name, name_start, start = named.group(1), named.start(1), named.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and not _list_of_names(text[start:end]):
            turns.append(Turn(name, name_start, start, end))
    return turns


LISTED_NAME = r"[A-Z][\w’'-]*\.?(?:\s[A-Z][\w’'-]*\.?){1,3}"
NAMES_ONLY = re.compile(LISTED_NAME + r"(?:(?:,\s|;\s|,?\sand\s)" + LISTED_NAME + r")+\.?")


def _list_of_names(body: str) -> bool:
    """'Speakers:' over lines of names and titles, none of which ends a sentence, or 'Witnesses: Dr Laura Murphy,
    Chloe Fairbrother and Marcus Lindqvist.': a heading, not speech."""
    return not re.search(r"[.!?…”\"’]\s*$", body, re.MULTILINE) or NAMES_ONLY.fullmatch(body) is not None


# ', He said after the press conference.', 'The Embassy stressed that ...': the reporter's own sentence, after the
# transcript's last turn, that reports someone's words in the third person
REPORTED_SPEECH = re.compile(
    r"(?:[,”\"]\s+|(?:^|(?<=[.!?]\s))(?=(?:The|He|She|It|They)\s))"
    r"(?:[Hh]e|[Ss]he|It|They|The\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
    r"(?:" + lexicon.reporting_forms() + r")\b",
    re.MULTILINE,
)


def _narrative_resumes(text: str, start: int) -> int:
    """Where the last turn ends: at the end of the text, or before a later paragraph that reports speech."""
    for paragraph in re.finditer(r"\n\s*\n", text[start:]):
        following = start + paragraph.end()
        line_end = text.find("\n", following)
        if REPORTED_SPEECH.search(text, following, line_end if line_end != -1 else len(text)):
            return start + paragraph.start()
    return len(text)


def _heading(text: str, turn: re.Match) -> bool:
    """'Activists: welcome but overdue': a few words and no sentence punctuation make a section heading."""
    line_end = text.find("\n", turn.end())
    line = text[turn.end() : line_end if line_end != -1 else len(text)].strip()
    return len(line.split()) <= MAX_HEADING_WORDS and not re.search(r"[.!?”\"’]$", line)


def _asks(text: str, headers: list[re.Match]) -> bool:
    """A question in its own paragraph answered by the next turn: 'China Daily: ... Do you have any response?'"""
    return any(text[: following.start()].rstrip().endswith("?") for following in headers[1:])


def outermost(spans):
    """The (start, end) spans not inside another one."""
    reach = -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end > reach:
            yield start, end
            reach = end


class Index:
    """Sorted, non-overlapping (start, end) spans with fast lookups by position (huge texts stay linear)."""

    def __init__(self, spans):
        self.spans = sorted((s.start, s.end) if isinstance(s, Segment) else tuple(s) for s in spans)
        self.starts = [s for s, _ in self.spans]

    def find(self, pos: int) -> tuple[int, int] | None:
        """The span that contains pos, if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def __contains__(self, pos: int) -> bool:
        return self.find(pos) is not None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares a character with [start, end)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.spans[i][1] > start:
            return True
        j = bisect.bisect_left(self.starts, start)
        return j < len(self.starts) and self.starts[j] < end

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start in [start, end)."""
        return self.spans[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]
