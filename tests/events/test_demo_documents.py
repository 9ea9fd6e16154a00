"""Seed 001's documents in the demo (its resources): their real sizes, the programme before the pre-programme."""

import pytest

from rencontres.core.formatting import format_file_size
from rencontres.events.models import Event

pytestmark = pytest.mark.django_db


def test_seed_001_documents_have_the_announced_sizes_in_the_announced_order(
    demo_loaded, demo_media_root, settings, client
):
    settings.MEDIA_ROOT = demo_media_root  # where load_demo wrote the files
    event = Event.objects.get(title="L'innovation comme outil des politiques de cohésion sociale")
    documents = list(event.resources.order_by("day__date", "order", "id"))
    assert [d.title for d in documents[:2]] == ["Programme du 15 juin 2011", "Préprogramme des ateliers départementaux"]
    assert [format_file_size(d.size_bytes) for d in documents[:2]] == ["163,9\u00a0ko", "52,1\u00a0ko"]
    assert [d.file.size for d in documents[:2]] == [163_900, 52_100]  # the file served is that size
    assert documents[0].file.open("rb").read(5) == b"%PDF-"
    page = client.get(event.get_absolute_url()).content.decode()
    assert page.index("Programme du 15 juin 2011") < page.index("Préprogramme des ateliers")
    assert "163,9\u00a0ko" in page and "52,1\u00a0ko" in page
