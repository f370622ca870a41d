"""How fast reports are ingested: reading files, extraction, and storing, on the configured database.

Run: ``.venv/bin/python bench/ingest_bench.py [--rounds 3] [--corpus DIR]`` (set
``PAIRAID_DATABASE_URL`` for PostgreSQL). Reads every ``.txt`` report of
``../shared/corpus/reports``, then ingests them ``--rounds`` times, each round's
texts made distinct by a trailing marker so none is "already ingested". Every
ingest runs inside one transaction that is rolled back at the end: the database
is left as it was. Prints one table; times nothing in the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "reports"


class _Rollback(Exception):
    """Raised to leave the benchmark's transaction without committing."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="times the corpus is ingested (default 3)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of .txt reports")
    args = parser.parse_args()

    from pairaid.cli.setup_commands import initialise

    initialise(verbose=False)
    from django.conf import settings
    from django.db import transaction

    from pairaid.core.documents import Document, read_document
    from pairaid.core.extract import read_report
    from pairaid.core.gazetteer_store import default_gazetteer
    from pairaid.ingest.services import document_ingest, report_year_of

    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt reports in {args.corpus}")
    start = time.perf_counter()
    documents = [read_document(path) for path in paths]
    reading = time.perf_counter() - start
    chars = sum(len(document.text) for document in documents)

    start = time.perf_counter()
    for document in documents:
        read_report(document.text, report_year=report_year_of(document.text) or 2009)
    extracting = time.perf_counter() - start

    def variant(document: Document, round_: int) -> Document:
        text = f"{document.text}\n[benchmark round {round_}]"
        return replace(document, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

    default_gazetteer()  # built once per process; not part of any one ingest
    batches = [[variant(document, round_) for document in documents] for round_ in range(args.rounds)]
    facts = 0
    start = time.perf_counter()
    try:
        with transaction.atomic():
            for batch in batches:
                for document in batch:
                    facts += document_ingest(document=document, report_year=report_year_of(document.text) or 2009).facts
            ingesting = time.perf_counter() - start
            raise _Rollback
    except _Rollback:
        pass

    db = settings.DATABASES["default"]
    count = len(documents)
    table = Table(title=f"Ingest of {count} reports ({chars:,} characters) on {db['ENGINE'].rsplit('.', 1)[-1]}")
    for column in ("step", "documents", "seconds", "documents/s", "characters/s"):
        table.add_column(column, justify="right" if column != "step" else "left")
    rows = [
        ("read files (core.documents)", count, reading),
        ("extract (core.extract.read_report)", count, extracting),
        (f"ingest, extraction included (x{args.rounds}, {facts:,} data values)", count * args.rounds, ingesting),
    ]
    for step, done, seconds in rows:
        per_doc = done / seconds if seconds else float("inf")
        per_char = chars * done / count / seconds if seconds else float("inf")
        table.add_row(step, f"{done:,}", f"{seconds:.3f}", f"{per_doc:,.1f}", f"{per_char:,.0f}")
    Console().print(table)


if __name__ == "__main__":
    main()
