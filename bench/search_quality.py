"""Which full-text index finds the word someone typed, its inflections, and nothing else?

`python -m bench.search_quality` indexes every sentence of the seed and evaluation articles with each candidate
SQLite FTS5 set-up, searches every word of four letters or more that the texts hold (stop words aside), and
compares what each finds with the sentences whose words spaCy's lemmatizer, reading each sentence in context,
gives the same lemma as the word typed (camps → camp). It prints, for each candidate, the precision and recall
over all those searches and the words where it went most wrong, as Markdown for BENCHMARKS.md.

The candidates:
- porter: the Porter stemmer (what the build used before): internment and international share a stem;
- prefix: unicode61 (words as written) with the typed word as a prefix query (camp* finds campaign);
- trigram: the trigram tokenizer, the word as a substring (intern finds international);
- porter + guard: the Porter index, then only sentences holding an inflection of the word (lemminflect);
- inflections: unicode61 with the typed word's inflections (plugins/search.py, what the build uses now).
"""

import importlib.util
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import spacy

from build import actors, clean, load

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "tests" / "fixtures" / "sources" / "articles", ROOT / "tests" / "eval" / "articles"]
WORD = re.compile(r"[a-z]{4,}")


def _search_plugin():
    spec = importlib.util.spec_from_file_location("search", ROOT / "plugins" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search = _search_plugin()


def sentences_and_lemmas(nlp) -> tuple[list[str], list[set[str]]]:
    """Every sentence of the corpora, with the lemmas of its words read in context."""
    sentences, lemmas = [], []
    paths = [path for folder in CORPORA for path in sorted(folder.iterdir())]
    texts = [clean.normalise(path.read_text(encoding="utf-8")) for path in paths]
    for doc in nlp.pipe(texts):
        for sentence in doc.sents:
            sentences.append(sentence.text)
            lemmas.append({token.lemma_.lower() for token in sentence} | {token.lower_ for token in sentence})
    return sentences, lemmas


def index(sentences: list[str], tokenizer: str) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"create virtual table t using fts5(text, tokenize='{tokenizer}')")
    conn.executemany("insert into t (rowid, text) values (?, ?)", enumerate(sentences))
    return conn


def found(conn: sqlite3.Connection, query: str) -> set[int]:
    return {row[0] for row in conn.execute("select rowid from t where t match ?", [query])}


def measure() -> str:
    nlp = spacy.load(actors.SPACY_MODEL, exclude=["ner"])
    sentences, lemmas = sentences_and_lemmas(nlp)
    # Stop words (been, were, most) are not what people search for, and their lemmas (be, much) are everywhere.
    words = sorted({w for s in sentences for w in WORD.findall(s.lower()) if not nlp.vocab[w].is_stop})
    porter, words_as_written, trigram = (index(sentences, t) for t in ("porter", load.TOKENIZER, "trigram"))
    tokens = [set(re.findall(r"[^\W_]+", s.lower())) for s in sentences]

    def guarded(word: str) -> set[int]:
        forms = search.inflections(word)
        return {i for i in found(porter, f'"{word}"') if forms & tokens[i]}

    candidates = {
        "porter": lambda w: found(porter, f'"{w}"'),
        "prefix": lambda w: found(words_as_written, f'"{w}"*'),
        "trigram": lambda w: found(trigram, f'"{w}"'),
        "porter + guard": guarded,
        "inflections": lambda w: found(words_as_written, search.search_query(w)),
    }
    totals = {name: Counter() for name in candidates}
    worst = {name: Counter() for name in candidates}
    for word in words:
        meant = {token.lemma_.lower() for token in nlp(word)} | {word}
        expected = {i for i, sentence_lemmas in enumerate(lemmas) if meant & sentence_lemmas}
        for name, run in candidates.items():
            got = run(word)
            wrong = len(got - expected) + len(expected - got)
            totals[name].update(hits=len(got & expected), found=len(got), expected=len(expected))
            worst[name][word] = wrong
    lines = [
        f"{len(words)} words searched in {len(sentences)} sentences of {sum(len(list(f.iterdir())) for f in CORPORA)} "
        "articles (the seeds and tests/eval), stop words left out. A sentence means the word typed when spaCy, reading "
        "it in context, gives one of its words the lemma it gives the word (camps → camp), so the recall of Porter, "
        "prefix and trigram is what they miss of a word's other forms, and their precision what they find of other "
        "words. `python -m bench.search_quality` (or `python -m bench.run search`) measures it again.",
        "",
        "| index and query | precision | recall | words most often wrong (sentences wrongly found or missed) |",
        "| --- | --- | --- | --- |",
    ]
    for name, total in totals.items():
        precision = total["hits"] / total["found"] if total["found"] else 0
        recall = total["hits"] / total["expected"] if total["expected"] else 0
        examples = ", ".join(f"{w} ({n})" for w, n in worst[name].most_common(4) if n)
        lines.append(f"| {name} | {precision:.3f} | {recall:.3f} | {examples} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(measure() + "\n")
