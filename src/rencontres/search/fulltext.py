"""The one place where PostgreSQL and SQLite differ: writing the text index, matching, ranking, extracts.

Both get the same words (`terms`): folded to lower case without accents, split on anything
that is not a letter or a digit (so « médico-social » and « medico social » are the same two
words), each matched as a prefix. PostgreSQL then stems them in French (`rencontres_fr`,
see the migration: « solidarités », « solidarite » and « solidaires » meet on « solidair »),
SQLite's FTS5 does not stem: its prefixes find plurals that only add letters.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import Substr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "rencontres_fr"
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
EXTRACT_SOURCE_CHARS = 20_000  # ts_headline reads the whole text it is given
START, STOP = "\x02", "\x03"


# Words that say nothing about what is sought; as prefixes (« l* », « de* ») they would match
# nearly every entry. PostgreSQL's french configuration drops its own list the same way.
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "ou",
        "par",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "un",
        "une",
    ]
)


def terms(query: str) -> list[str]:
    """The query's words, lower case and accent-free, without stop words, at most MAX_TERMS; safe in either syntax."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", query or "") if not unicodedata.combining(c)).lower()
    words = list(dict.fromkeys(w[:MAX_TERM_LENGTH] for w in re.findall(r"[^\W_]+", folded)))
    meaningful = [w for w in words if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    return (meaningful or words)[:MAX_TERMS]


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _pg_query(words: list[str]) -> SearchQuery:
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config=CONFIG)


def _fts_query(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


def write(entry_ids: list[int]) -> None:
    """Index the text of these freshly written entries."""
    if not entry_ids:
        return
    from .models import SearchEntry

    if is_postgresql():
        SearchEntry.objects.filter(id__in=entry_ids).update(
            document=SearchVector("title", weight="A", config=CONFIG) + SearchVector("body", weight="B", config=CONFIG)
        )
        return
    rows = SearchEntry.objects.filter(id__in=entry_ids).values_list("id", "title", "body")
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)", list(rows))


def forget(entry_ids: list[int]) -> None:
    """Before the entries' rows go: SQLite's FTS table has no foreign key to cascade."""
    if entry_ids and not is_postgresql():
        with connection.cursor() as cursor:
            for start in range(0, len(entry_ids), 500):
                chunk = entry_ids[start : start + 500]
                cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)


def clear() -> None:
    if not is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


def matching(entries: QuerySet, words: list[str]) -> QuerySet:
    """The entries whose title or text holds every word (as a prefix)."""
    if is_postgresql():
        return entries.filter(document=_pg_query(words))
    from django.db.models.expressions import RawSQL

    return entries.filter(id__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [_fts_query(words)]))


@dataclass(frozen=True)
class Summary:
    """What one search needs from its matching entries, read in one statement (`summarise`)."""

    groups: list[tuple[str, str, int | None, int | None, int]]  # (kind, department, year, organization_id, n)
    tags: list[tuple[str, str, str, int]]  # (facet, value, label, n)
    top: list[tuple[int, float]]  # (entry id, rank), best first: the asked page


FACET_COLUMNS = ("id", "kind", "department", "year", "organization_id", "score")


def summarise(entries: QuerySet, words: list[str], *, limit: int, offset: int = 0) -> Summary:
    """The matching entries' counts by facet column and by tag, and the best page, with the text match run once.

    The match is materialised (`found`) and the counts, the tags and the page are read from it
    in one statement. Before, the count and facets, the tags and the ranking were three queries
    that each ran the text match again, and the match is most of a search's cost. Still, a word
    found in 20,000 entries costs 100-250 ms in-process (10,000 events, 20,000 resources, 5,000
    fiches), which is why a stranger's results are cached (query.search).
    Hand-written because the ORM cannot read three results from one materialised CTE;
    tests/search/test_summary.py pins it to the ORM's counts and ranking on both databases.
    """
    if is_postgresql():
        query = _pg_query(words)
        found = entries.filter(document=query).annotate(score=SearchRank(F("document"), query))
        found_sql, found_params = found.order_by().values(*FACET_COLUMNS).query.sql_with_params()
        prelude, prelude_params = "", []
    else:
        # FTS5 runs once into `scores`, which then drives a join to the filtered entries
        # (SQLite flattens the subquery): planned as an IN, or with the entries first, FTS5
        # ran again for every candidate entry (88 s for four words over 20,000 entries).
        sql, found_params = entries.order_by().values(*FACET_COLUMNS[:-1]).query.sql_with_params()
        found_sql = f"SELECT f.*, s.score FROM scores s JOIN ({sql}) f ON f.id = s.id"
        prelude = (
            "scores AS MATERIALIZED (SELECT rowid AS id, -bm25(search_fts, 10.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH %s), "
        )
        prelude_params = [_fts_query(words)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {prelude}found AS MATERIALIZED ({found_sql}) "
            "SELECT 'g', kind, department, year, organization_id, CAST(NULL AS VARCHAR(120)), COUNT(*), "
            "CAST(NULL AS REAL) FROM found "
            "GROUP BY kind, department, year, organization_id "
            "UNION ALL "
            "SELECT 't', t.facet, t.value, NULL, NULL, t.label, COUNT(*), NULL "
            "FROM search_searchtag t WHERE t.entry_id IN (SELECT id FROM found) GROUP BY t.facet, t.value, t.label "
            "UNION ALL "
            "SELECT 'r', NULL, NULL, NULL, id, NULL, NULL, score "
            "FROM (SELECT id, score FROM found ORDER BY score DESC, id LIMIT %s OFFSET %s) page",
            [*prelude_params, *found_params, limit, offset],
        )
        rows = cursor.fetchall()
    return Summary(
        groups=[(r[1], r[2], r[3], r[4], r[6]) for r in rows if r[0] == "g"],
        tags=[(r[1], r[2], r[5], r[6]) for r in rows if r[0] == "t"],
        top=sorted(((r[4], float(r[7])) for r in rows if r[0] == "r"), key=lambda item: (-item[1], item[0])),
    )


def extracts(entry_ids: list[int], words: list[str]) -> dict[int, SafeString]:
    """The highlighted extract of each of these entries (a page of results): the text is cut for them only."""
    if not entry_ids:
        return {}
    if is_postgresql():
        from .models import SearchEntry

        texts = (
            SearchEntry.objects.filter(id__in=entry_ids)
            .annotate(
                extract=SearchHeadline(
                    Substr("body", 1, EXTRACT_SOURCE_CHARS),
                    _pg_query(words),
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                )
            )
            .values_list("id", "extract")
        )
    else:
        marks = ", ".join(["%s"] * len(entry_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(search_fts, 1, char(2), char(3), '…', 24) FROM search_fts "
                f"WHERE search_fts MATCH %s AND rowid IN ({marks})",
                [_fts_query(words), *entry_ids],
            )
            texts = cursor.fetchall()
    return {i: _highlighted(text) for i, text in texts}


def _highlighted(text: str) -> SafeString:
    """Escaped text with the matched words in <mark>: nothing of the indexed text is ever read as markup."""
    html = escape(" ".join((text or "").split())).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped just above; only our own <mark> tags are added
