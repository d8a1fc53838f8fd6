"""Normalise a received article text into the text every offset in the database refers to."""

import re
import unicodedata

# Scraped pages carry site furniture; each pattern matches one whole line (case-insensitive).
BOILERPLATE_LINES = [
    r"(share|share this( article| story| page)?|مشاركة|partager|compartir)\s*:?",
    r"(facebook|twitter|x|whatsapp|email|e-mail|linkedin|telegram|print|copy link)(\s*[|·/]\s*\S+)*",
    r"(read more|also read|read also|see also|related( articles| stories| news)?|more from \S+)\s*:?.*",
    r"read the latest news.*",
    r"click here.*",
    r"(add|post|leave) a (comment|reply)",
    r"comments?( \(\d+\))?",
    r"your email address will not be published.*",
    r"required fields are marked.*",
    r"(advertisement|sponsored|subscribe|sign up for our newsletter.*)",
]
BOILERPLATE = re.compile(r"^(?:" + "|".join(BOILERPLATE_LINES) + r")$", re.IGNORECASE)

# A comment form ends the article: what follows it is the form's own furniture.
COMMENT_SECTION = re.compile(r"^(add a comment|leave a (reply|comment)|post a comment)$", re.IGNORECASE)
COMMENT_TAIL_MAX = 400

# Page navigation: a line of page numbers and arrows ("<  1  2  3 ... 10  >", "Previous 1 2 Next").
PAGE_NAV = re.compile(r"^(?:[<>«»‹›←→|.…]|previous|next|prev|\d{1,3}|\s)+$", re.IGNORECASE)

# Scraping residue before the first sentence: "date 2022-10-18 ...", "Published: 2020-01-02 ...".
LEADING_DATELINE = re.compile(
    r"^(?:date|published|updated)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+", re.IGNORECASE
)

MAX_ALT_TEXT_WORDS = 30
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")


def normalise(raw: str) -> str:
    """Return the cleaned text: one paragraph per block, separated by blank lines."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = INVISIBLE.sub("", text)
    text = CONTROL.sub(" ", text.replace("\t", " "))
    paragraphs = _paragraphs(text)
    paragraphs = _drop_furniture(paragraphs)
    paragraphs = _join_broken(paragraphs)
    text = "\n\n".join(paragraphs)
    return LEADING_DATELINE.sub("", text, count=1)


def _paragraphs(text: str) -> list[str]:
    """Every non-empty line is a paragraph; runs of spaces shrink to one."""
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _is_repeated_alt_text(line: str) -> bool:
    """Image alt text scraped twice in a row: 'A man waves A man waves'."""
    words = line.split(" ")
    half = len(words) // 2
    return 4 <= len(words) <= MAX_ALT_TEXT_WORDS * 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def _drop_furniture(paragraphs: list[str]) -> list[str]:
    kept = []
    for i, line in enumerate(paragraphs):
        if COMMENT_SECTION.match(line) and sum(map(len, paragraphs[i:])) <= COMMENT_TAIL_MAX:
            break
        if BOILERPLATE.match(line) or _is_repeated_alt_text(line):
            continue
        if PAGE_NAV.match(line) and len(re.findall(r"\d+", line)) >= 2:
            continue
        kept.append(line)
    return kept


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph broken mid-sentence: no closing punctuation, next one starts in lower case."""
    joined: list[str] = []
    for line in paragraphs:
        if joined and not SENTENCE_END.search(joined[-1]) and line[0].islower():
            joined[-1] = joined[-1] + " " + line
        else:
            joined.append(line)
    return joined
