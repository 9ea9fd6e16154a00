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
class Ranked:
    entry_id: int
    rank: float
    extract: SafeString


def ranked(entries: QuerySet, words: list[str], *, limit: int, offset: int = 0) -> list[Ranked]:
    """The best `limit` of `entries` (already filtered, text included) with their rank and highlighted extract."""
    if is_postgresql():
        query = _pg_query(words)
        top = list(
            entries.filter(document=query)
            .annotate(rank=SearchRank(F("document"), query))
            .order_by("-rank", "id")
            .values_list("id", "rank")[offset : offset + limit]
        )
        from .models import SearchEntry

        extracts = dict(
            SearchEntry.objects.filter(id__in=[i for i, _r in top])
            .annotate(
                extract=SearchHeadline(
                    Substr("body", 1, EXTRACT_SOURCE_CHARS),
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                )
            )
            .values_list("id", "extract")
        )
        return [Ranked(i, float(r), _highlighted(extracts.get(i, ""))) for i, r in top]
    # The match is materialised first: planned as a join, SQLite ran the whole FTS query again
    # for every candidate entry (88 s for four words over 20,000 entries); this way it runs once
    # (bench/search.py), and the snippets are cut for the page's rows only.
    sql, params = entries.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH found AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH %s) "
            f"SELECT id, score FROM found WHERE id IN ({sql}) ORDER BY score, id LIMIT %s OFFSET %s",
            [_fts_query(words), *params, limit, offset],
        )
        top = cursor.fetchall()
        extracts = {}
        if top:
            marks = ", ".join(["%s"] * len(top))
            cursor.execute(
                "SELECT rowid, snippet(search_fts, 1, char(2), char(3), '…', 24) FROM search_fts "
                f"WHERE search_fts MATCH %s AND rowid IN ({marks})",
                [_fts_query(words), *[i for i, _score in top]],
            )
            extracts = dict(cursor.fetchall())
    return [Ranked(i, -score, _highlighted(extracts.get(i, ""))) for i, score in top]


def _highlighted(text: str) -> SafeString:
    """Escaped text with the matched words in <mark>: nothing of the indexed text is ever read as markup."""
    html = escape(" ".join((text or "").split())).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped just above; only our own <mark> tags are added
