"""The search index: one row per thing a person can find, kept in step by indexing.py.

The text lives twice on SQLite (here, and in the FTS5 table `search_fts` whose rowid is the
entry's id, created by the migration) and once on PostgreSQL (here, with its tsvector in
`document`). Facets a thing has one of are columns; themes and publics, of which it may
have several, are tags.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from rencontres.events.models import Event
from rencontres.organizations.models import Organization

from .enums import SearchKind, TagFacet


class SearchEntry(models.Model):
    kind = models.CharField(max_length=12, choices=SearchKind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # Access: a public entry is for anyone; otherwise for the event's organisers and its
    # confirmed participants only (registered-only resources).
    is_public = models.BooleanField(default=True)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    department = models.CharField(max_length=3, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    document = SearchVectorField(null=True, editable=False)  # PostgreSQL only; its GIN index is in the migration

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")]
        indexes = [models.Index(fields=["event"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.title


class SearchTag(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tags")
    facet = models.CharField(max_length=10, choices=TagFacet.choices)
    value = models.CharField(max_length=80)
    label = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
