"""A synthetic corpus made from the project's own texts: paragraphs recombined, numbers varied.

`python -m bench.corpus --articles 10000 --out bench/corpus/10k` writes a folder laid out like sources/ (the
same registries, articles/ and articles.csv). The same size and seed always give the same corpus, and the first
N articles of a bigger corpus are the N articles of a smaller one, so a 10k corpus is a prefix of a 20k one.

`--texts seeds` (the default) recombines the seed articles, whose names the registry knows; `--texts eval`
recombines the evaluation articles of tests/eval/, written in twenty house styles with names the registry mostly
does not know: realistic text for the model and the parser, which read more of it.
"""

import argparse
import csv
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
# Where each kind of corpus takes its paragraphs (and any outlets of its own) from.
TEXTS = {"seeds": SOURCES, "eval": ROOT / "tests" / "eval"}
REGISTRIES = ("actors.csv", "not_actors.csv", "topics.csv")
DIGIT_RUN = re.compile(r"\d+")


def seed_paragraphs(texts: Path) -> list[str]:
    """Every non-empty line of the texts: the raw material recombined into new articles."""
    paragraphs = []
    for path in sorted((texts / "articles").glob("*.txt")):
        paragraphs += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return paragraphs


def vary_numbers(paragraph: str, rng: random.Random) -> str:
    """Each run of digits replaced by random digits of the same length (years stay plausible numbers)."""

    def replace(match: re.Match) -> str:
        digits = match.group()
        first = rng.choice("123456789") if len(digits) > 1 else rng.choice("0123456789")
        return first + "".join(rng.choice("0123456789") for _ in digits[1:])

    return DIGIT_RUN.sub(replace, paragraph)


def article_text(paragraphs: list[str], target_chars: int, rng: random.Random) -> str:
    """Random paragraphs, numbers varied, until the text reaches about `target_chars`."""
    chosen, size = [], 0
    while size < target_chars:
        paragraph = vary_numbers(rng.choice(paragraphs), rng)
        chosen.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(chosen) + "\n"


def generate(count: int, out: Path, texts: str = "seeds", seed: int = 0) -> Path:
    """Write a corpus of `count` articles to `out` (replacing it); article i depends only on (seed, i)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    for name in REGISTRIES:
        shutil.copy(SOURCES / name, out / name)
    folder = TEXTS[texts]
    outlets = _merge_outlets(SOURCES / "outlets.csv", folder / "outlets.csv", out / "outlets.csv")
    paragraphs = seed_paragraphs(folder)
    sizes = [len(p.read_text(encoding="utf-8")) for p in (folder / "articles").glob("*.txt")]
    with (out / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "outlet", "url", "title", "published", "language", "retrieved_from", "notes"])
        for i in range(count):
            rng = random.Random(f"{seed}-{i}")
            file = f"{i:06d}.txt"
            (out / "articles" / file).write_text(article_text(paragraphs, rng.choice(sizes), rng), encoding="utf-8")
            published = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [
                    file,
                    rng.choice(outlets),
                    f"https://example.org/{i}",
                    "",
                    published,
                    "en",
                    "",
                    "Synthetic benchmark article.",
                ]
            )
    return out


def _merge_outlets(ours: Path, theirs: Path, merged: Path) -> list[str]:
    """The registry's outlets and those the texts add, written to `merged`; returns their ids."""
    with ours.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if theirs.exists() and theirs != ours:
        known = {row["id"] for row in rows}
        with theirs.open(encoding="utf-8", newline="") as handle:
            rows += [row for row in csv.DictReader(handle) if row["id"] not in known]
    with merged.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return [row["id"] for row in rows]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--texts", choices=sorted(TEXTS), default="seeds", help="which articles to recombine")
    args = parser.parse_args(argv)
    generate(args.articles, args.out, texts=args.texts, seed=args.seed)


if __name__ == "__main__":
    main()
