"""One French search, the same tests on SQLite (FTS5) and PostgreSQL (unaccent + french_stem)."""

import pytest

from rencontres.events import services as event_services
from rencontres.events.models import Theme
from rencontres.resources import services as resource_services
from rencontres.resources.enums import ResourceKind, ResourceVisibility
from rencontres.search import indexing, search
from rencontres.search.models import SearchEntry
from tests import factories
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [item.title for item in results.items]


@pytest.fixture
def commons(organization):
    """A few public things, indexed as the command would."""
    theme = Theme.objects.create(name="Insertion", slug="insertion")
    event = make_event(
        organization,
        title="Rencontres du secteur médico-social",
        description="Coopérer entre établissements et services.",
        department_code="93",
    )
    event.themes.add(theme)
    other = make_event(organization, title="Journée des solidarités de proximité", department_code="78")
    resource_services.add_resource(
        event=other,
        kind=ResourceKind.READING,
        title="Guide de l'accueil social inconditionnel",
        url="https://example.org/guide",
        description="Accueillir sans condition dans les maisons France services.",
    )
    indexing.rebuild()
    return {"event": event, "other": other}


def test_words_without_accents_or_hyphen_find_the_accented_hyphenated_ones(commons):
    assert titles(search("medico social", kind="event")) == ["Rencontres du secteur médico-social"]
    assert "Journée des solidarités de proximité" in titles(search("solidarites"))
    assert "Journée des solidarités de proximité" in titles(search("SOLIDARITÉS"))


def test_a_word_being_typed_finds_by_its_beginning(commons):
    assert "Rencontres du secteur médico-social" in titles(search("medic"))
    assert "Guide de l'accueil social inconditionnel" in titles(search("incondi"))


def test_every_word_must_be_found(commons):
    assert titles(search("solidarites medico", kind="event")) == []


def test_the_extract_highlights_the_words_found_and_escapes_the_text(organization):
    event = make_event(organization, title="Atelier", description="La <b>coopération</b> entre services sociaux.")
    indexing.rebuild()

    (item,) = [i for i in search("cooperation").items if i.url == event.get_absolute_url() and i.kind == "event"]

    assert "<mark>" in item.extract
    # PostgreSQL's parser drops the tag, SQLite keeps it escaped: either way no markup of the text.
    assert "<b>" not in item.extract and item.extract.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_the_title_outranks_a_mention_in_the_text(organization):
    make_event(organization, title="Journée d'étude", description="On y parlera aussi de parentalité.")
    make_event(organization, title="Parentalité et petite enfance")
    indexing.rebuild()

    results = search("parentalite", kind="event")

    assert titles(results)[0] == "Parentalité et petite enfance"
    assert results.items[0].rank > results.items[1].rank


def test_facets_count_what_matched_and_filter(commons):
    results = search("social")

    kinds = {f.value: f.count for f in results.facets["kind"]}
    assert kinds["event"] == 1 and kinds["resource"] == 1
    assert {f.value: f.label for f in results.facets["territory"]}["93"] == "Seine-Saint-Denis"
    assert [(f.value, f.count) for f in search("social", kind="event").facets["theme"]] == [("insertion", 1)]
    assert titles(search("social", kind="resource")) == ["Guide de l'accueil social inconditionnel"]
    assert titles(search("social", territory="93", kind="event")) == ["Rencontres du secteur médico-social"]
    assert titles(search("social", theme="insertion", kind="event")) == ["Rencontres du secteur médico-social"]


def _participant_with_a_registered_only_synthesis(organization, title: str):
    """A seminar with a synthesis for registered people only, indexed; its confirmed participant."""
    event = make_event(organization, title="Séminaire")
    resource_services.add_resource(
        event=event,
        kind=ResourceKind.SYNTHESIS,
        title=title,
        url="https://example.org/s",
        visibility=ResourceVisibility.REGISTERED,
    )
    participant = factories.make_user("participante@example.org")
    register(event, email=participant.email)
    indexing.rebuild()
    return participant


def test_registered_only_resources_never_reach_a_strangers_results(organization, alice, charlie):
    participant = _participant_with_a_registered_only_synthesis(organization, "Synthèse confidentielle des échanges")

    assert titles(search("confidentielle")) == []
    assert search("confidentielle").count == 0
    assert titles(search("confidentielle", viewer=charlie)) == []
    assert titles(search("confidentielle", viewer=participant)) == ["Synthèse confidentielle des échanges"]
    assert titles(search("confidentielle", viewer=alice)) == ["Synthèse confidentielle des échanges"]
    assert all(f.value != "resource" for f in search("seminaire").facets["kind"])


def test_draft_events_are_not_found(organization):
    make_event(organization, title="Brouillon secret", published=False)
    indexing.rebuild()

    assert search("brouillon").count == 0


def test_a_change_is_searchable_once_committed(organization, django_capture_on_commit_callbacks):
    event = make_event(organization, title="Journée annuelle")
    with django_capture_on_commit_callbacks(execute=True):
        event_services.update_event(event=event, title="Journée de la protection de l'enfance")

    assert titles(search("protection enfance", kind="event")) == ["Journée de la protection de l'enfance"]
    assert titles(search("annuelle")) == []


def test_one_commit_queues_one_task_for_all_its_changes(organization, django_capture_on_commit_callbacks):
    from unittest import mock

    event = make_event(organization, title="Forum")
    spy = mock.patch.object(indexing, "reindex", wraps=indexing.reindex)
    with spy as reindex, django_capture_on_commit_callbacks(execute=True):
        event_services.update_event(event=event, title="Forum de l'habitat")
        event_services.add_speaker(event=event, name="Claire Dupont")

    reindex.assert_called_once_with(f"event:{event.id}")
    assert titles(search("claire", kind="speaker")) == ["Claire Dupont"]


def test_a_deleted_event_leaves_no_entry(organization, django_capture_on_commit_callbacks):
    event = make_event(organization, title="Forum de l'habitat")
    indexing.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        event.delete()

    assert search("habitat").count == 0
    assert not SearchEntry.objects.filter(title="Forum de l'habitat").exists()


def test_queries_with_punctuation_or_symbols_are_safe(commons):
    for query in ['"', "NEAR(", "a:* & !", "médico' OR 1=1 --", "*", ")(", "   "]:
        search(query)  # no error


def test_a_query_without_words_browses_by_facets(commons):
    results = search("", kind="resource")

    assert titles(results) == ["Guide de l'accueil social inconditionnel"]
    assert results.facets["kind"][0].value == "resource"


def test_the_rebuild_command_indexes_everything(commons, capsys):
    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")

    assert "entrées indexées" in capsys.readouterr().out
    assert search("medico").count >= 1


def test_plurals_meet_singulars_on_postgresql(organization):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 does not stem: a plural query finds plurals only (README)")
    make_event(organization, title="Soutien à la famille")
    indexing.rebuild()

    assert titles(search("familles", kind="event")) == ["Soutien à la famille"]


def test_the_rebuild_clears_the_old_entries_in_batches(commons):
    from rencontres.search.models import SearchTag

    assert SearchEntry.objects.count() > 2 and SearchTag.objects.exists()
    indexing._delete_all(batch=2)

    assert not SearchEntry.objects.exists() and not SearchTag.objects.exists()
    assert search("medico").count == 0


def _text_matches(captured) -> int:
    return sum(1 for q in captured.captured_queries if "@@" in q["sql"] or "MATCH" in q["sql"])


def test_a_strangers_search_asked_again_is_answered_from_the_cache(commons):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = search("medico social")
    with CaptureQueriesContext(connection) as captured:
        again = search("medico social")

    assert _text_matches(captured) == 0
    assert again == first and titles(again)[0] == "Rencontres du secteur médico-social"
    with CaptureQueriesContext(connection) as captured:
        search("medico social", kind="event")
    assert _text_matches(captured) > 0  # other filters, another search


def test_a_cached_search_sees_the_next_change_at_once(organization, django_capture_on_commit_callbacks):
    event = make_event(organization, title="Forum de l'habitat")
    indexing.rebuild()
    assert titles(search("inclusif", kind="event")) == []

    with django_capture_on_commit_callbacks(execute=True):
        event_services.update_event(event=event, title="Forum de l'habitat inclusif")

    assert titles(search("inclusif", kind="event")) == ["Forum de l'habitat inclusif"]
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert titles(search("inclusif", kind="event")) == []


def test_a_signed_in_persons_search_is_never_the_strangers_cached_one(organization):
    participant = _participant_with_a_registered_only_synthesis(organization, "Synthèse réservée des échanges")

    assert titles(search("reservee")) == []
    assert titles(search("reservee", viewer=participant)) == ["Synthèse réservée des échanges"]
    assert titles(search("reservee")) == []
