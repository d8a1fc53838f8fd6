"""BENCHMARKS.md from bench/corpus/results.json (written by the stages of bench/run.py)."""

HEADER = """# Benchmarks

Written by `make bench` (`bench/run.py`); regenerate with `make bench` on an idle machine. Corpora are
synthetic, paragraphs recombined and numbers varied (`bench/corpus.py`), about 800 words an article: the plain
ones ("1k", "20k") from the seed articles, whose names the registry knows, so the model reads little of them;
the *eval* ones ("1k eval") from the evaluation articles of `tests/eval/`, in twenty house styles with names
the registry mostly does not know: realistic text, which the model and the parser read more of.
"""


NOTES = """## Reading these figures

- **Where build time goes.** spaCy's NER (`en_core_web_sm`, its `ner` component with its own embedded
  tok2vec) reads only the stretches of sentences around capitalised words the registry does not know (in the
  synthetic corpus, about one sentence in seven) and takes about 17 ms of one core per 800-word article; the
  rule-based extractors about 9 ms (actors 1.6, speakers and quotes 4.7, figures 2.9); writing a row set to
  SQLite about 6 ms and caching it about 3 ms, in the main process. Two workers keep both cores busy; the
  throughput does not depend on the corpus size. (Reading whole sentences, and every sentence before that,
  the model took 30 and 80 ms an article, and builds ran at 37 and 20 articles/s.)
- **Memory** is the writer plus one model per worker, and does not grow with the corpus: articles stream from
  the workers to one SQLite transaction, and only ids and hashes are held for the whole corpus.
- **Rebuilds** reuse each article's cached rows (`.cache/` beside the database, keyed by a hash of the text, its
  `articles.csv` row, the extractor code, the registries and the model version) and update a copy of the
  previous database in place: only the changed articles are extracted and written. The tests check that the
  result has the same tables as a full rebuild (`tests/test_incremental.py`).
- **Latency** is per page on loopback, sequential; *× floor* divides by `/-/versions.json` in the same run.
  A table page showing a whole table reads its facets from the counts the build stored (`facet_counts`, by
  `plugins/counted_facets.py`); with a filter or a search it counts the matching rows, for all its facets in
  one query that reads them once (plain Datasette runs one query per facet). In the synthetic corpus every seed
  word is in a large share of the rows (one quote in nine contains "genocide", one figure in five "households"),
  so a word search counts tens of thousands of rows for its total and its facets: that, not the search, is what
  misses 30 ms. Timed in SQLite alone on the 20k database, "households" (40,241 of 194,796 figures) takes 15 ms
  to count, 20 ms to fetch its first 101 rows in order and 57 ms to count its five facets; only counts stored
  per word would meet the target. The *rare word* rows search a token in 5 to 50 rows. Connections read the file
  through a memory map (`plugins/memory_map.py`): with it, common-word search took a quarter to a third less
  time and the label queries half (quotes 106 to 77 ms, articles 48 to 31 ms, `two_labels` 69 to 24 ms, load
  p99 1051 to 767 ms). The chart and speaker canned queries count from an index before they join the names.
- **Search** matches words as written (FTS5 `unicode61`, no stemmer); a typed word becomes an OR of its
  inflections (`households` → household, households; `plugins/search.py`). Against the Porter index it replaced,
  on the same 20k corpus and alternating requests, search pages took the same time (ratios 0.95 to 1.10, within
  the run-to-run spread) and the database grew 0.3%. `python -m bench.search_quality` compares the indexes for
  meaning: see "Search: which index finds the word typed" above.
- **Sorted pages** are ordered by the sort column and then the primary key on every page, the first included
  (`plugins/complete_paging.py`, a Datasette 0.65 bug worked around). The configured sorts read that order from
  an index on (sort column, primary key): without one, the articles page (`sort_desc: published`) took 140 ms,
  since Datasette's condition for a descending page (`published < ? or published is null or ...`) made SQLite
  sort every article. Where a user's sort column repeats a value over thousands of rows (`_sort=actor_id`), the
  first page sorts that value's rows by key, as later pages always did; a descending sort first reads the
  column's highest value (an index lookup, or a scan for a column without an index such as `figures.value`).
- **Load average after** is the machine's 1-minute load when the stage ended: figures taken while other work
  ran (load above the core count) are slower than the machine can do. Build figures are single runs.
- **Versions.** The 20k and 10k builds ran the 0.3.0 extractors, the 1k build the 0.4.0 ones. Three 1k builds
  of 0.4.0 ran at 52.5, 55.1 and 53.8 articles/s (the table shows the last); 0.3.0 ran at 56.9 in one run. The
  rules 0.4.0 adds take 1 to 2 ms of an article's 30 ms; the model's time varies as much from run to
  run.
"""


def markdown(results: dict) -> str:
    machine = results.get("machine", {})
    parts = [
        HEADER,
        f"Run on {results.get('date', '?')}: {machine.get('cores', '?')} cores "
        f"({machine.get('cpu', '?')}), {machine.get('memory_gb', '?')} GB of memory.\n",
    ]
    parts += [_targets(results), _builds(results.get("build", {})), _rebuilds(results.get("rebuild", {}))]
    for size, serve in results.get("serve", {}).items():
        parts.append(_serve(size, serve))
    if "search" in results:
        quality = results["search"]["quality"]["markdown"]
        parts.append(f"## Search: which index finds the word typed\n\n{quality}\n")
    return "\n".join([*parts, NOTES])


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join("" if cell is None else str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# (column header, key of the stage's record); None is the corpus name.
BUILD_COLUMNS = [
    ("corpus", None),
    ("articles", "articles"),
    ("words", "words"),
    ("jobs", "jobs"),
    ("seconds", "seconds"),
    ("articles/s", "articles_per_s"),
    ("words/s", "words_per_s"),
    ("peak memory MB (all processes)", "peak_rss_mb"),
    ("database MB", "db_mb"),
    ("load average after", "load_average_1m"),
]
REBUILD_COLUMNS = [
    ("corpus", None),
    ("cold full build s", "cold_full_s"),
    ("one article changed s", "one_article_changed_s"),
    ("change undone s", "change_undone_s"),
    ("full rebuild from cache s", "full_from_cache_s"),
    ("peak memory MB", "peak_rss_mb"),
    ("load average after", "load_average_1m"),
]


def _builds(builds: dict) -> str:
    return _section("Full build (cold: no database, no cache)", builds, BUILD_COLUMNS)


def _rebuilds(rebuilds: dict) -> str:
    return _section("Rebuilds", rebuilds, REBUILD_COLUMNS)


def _section(title: str, records: dict, columns: list[tuple[str, str | None]]) -> str:
    rows = [[name if key is None else record.get(key) for _, key in columns] for name, record in records.items()]
    return f"## {title}\n\n" + _table([header for header, _ in columns], rows)


def _serve(size: str, serve: dict) -> str:
    configured, plain = serve["configured"], serve["plain_unindexed"]
    floor = configured["floor"]["median_ms"]
    plain_floor = plain["floor"].get("median_ms")
    rows = []
    for name, page in configured.items():
        base = plain.get(name, {})
        rows.append(
            [
                name,
                page.get("status"),
                page.get("median_ms"),
                page.get("p95_ms"),
                _ratio(page.get("median_ms"), floor),
                ", ".join(page.get("facets_timed_out") or []) or "",
                base.get("median_ms", base.get("status")),
                _ratio(base.get("median_ms"), plain_floor),
                ", ".join(base.get("facets_timed_out") or []),
                _ratio(base.get("median_ms"), page.get("median_ms")),
            ]
        )
    load = serve["load"]
    return (
        f"## Serving the {size} database ({serve['db_mb']} MB, NER model: {serve.get('model', '?')})\n\n"
        "Sequential requests on loopback with httpx (2 warm-up requests, then 20 timed; 5 for the plain "
        "baseline), in milliseconds. "
        "*Configured* is `make serve` (immutable, inspect file, suggest_facets off, the project's indexes); "
        "*plain* is `datasette serve` on a copy without indexes or statistics (mutable, no inspect data, "
        "facet suggestions on), with the same metadata.\n\n"
        + _table(
            [
                "page",
                "status",
                "median",
                "p95",
                "× floor",
                "facets timed out",
                "plain median",
                "plain × its floor",
                "plain facets timed out",
                "plain ÷ configured",
            ],
            rows,
        )
        + f"\nLoad: {load['clients']} concurrent clients for {load['seconds']} s over every page above that "
        f"answered 200: {load['requests']} requests ({load['requests_per_s']}/s), **{load['errors']} errors**, "
        f"median {load['median_ms']} ms, p95 {load['p95_ms']} ms, p99 {load['p99_ms']} ms.\n"
        + "".join(f"\n- {page}: {count}" for page, count in load.get("errors_by_page", {}).items())
        + ("\n" if load.get("errors_by_page") else "")
    )


def _ratio(value, base):
    if not value or not base:
        return None
    return f"{value / base:.1f}"


def _targets(results: dict) -> str:
    """Each target of issue 5 with the figure measured for it."""
    rows = []
    for name, b in results.get("build", {}).items():
        if b["model"] and b.get("texts", "seeds") == "seeds":
            rows.append(
                [
                    f"full build ≥ 50 articles/s, ≥ 35k words/s ({name})",
                    f"{b['articles_per_s']} articles/s, {b['words_per_s']} words/s",
                    _met(b["articles_per_s"] >= 50),
                ]
            )
        elif b["model"]:
            rows.append(
                [
                    f"full build on realistic text ≥ 15k words/s ({name})",
                    f"{b['articles_per_s']} articles/s, {b['words_per_s']} words/s",
                    _met(b["words_per_s"] >= 15000),
                ]
            )
        rows.append([f"peak memory < 1 GB ({name})", f"{b['peak_rss_mb']} MB", _met(b["peak_rss_mb"] < 1024)])
    for name, r in results.get("rebuild", {}).items():
        rows.append(
            [
                f"one article changed rebuilds in < 5 s ({name})",
                f"{r['one_article_changed_s']} s",
                _met(r["one_article_changed_s"] < 5),
            ]
        )
    for size, serve in results.get("serve", {}).items():
        pages = serve["configured"]
        tables = {n: p for n, p in pages.items() if n.startswith("table ") and "median_ms" in p}
        slowest_table = max(tables.items(), key=lambda item: item[1]["median_ms"])
        timed_out = [n for n, p in pages.items() if p.get("facets_timed_out")]
        rows.append(
            [
                f"every table page < 100 ms median ({size})",
                f"slowest: {slowest_table[0]}, {slowest_table[1]['median_ms']} ms",
                _met(slowest_table[1]["median_ms"] < 100),
            ]
        )
        for kind, rare in (("a rare word", True), ("a common word", False)):
            searches = {n: p for n, p in pages.items() if n.startswith("search ") and ("rare" in n) == rare}
            name, slowest = max(searches.items(), key=lambda item: item[1].get("median_ms", 0))
            rows.append(
                [
                    f"full-text search for {kind} < 30 ms median ({size})",
                    f"slowest: {name}, {slowest.get('median_ms')} ms",
                    _met(slowest.get("median_ms", 1e9) < 30),
                ]
            )
        rows.append([f"no facet timing out ({size})", ", ".join(timed_out) or "none", _met(not timed_out)])
        load = serve["load"]
        rows.append(
            [
                f"{load['clients']} clients for {load['seconds']} s: no errors ({size})",
                f"{load['errors']} errors, p99 {load['p99_ms']} ms",
                _met(load["errors"] == 0),
            ]
        )
    return "## Targets\n\n" + _table(["target", "measured", "met"], rows)


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"
