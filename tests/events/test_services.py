import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rencontres.events import services
from rencontres.events.enums import EventStatus, SessionMode
from rencontres.events.exceptions import EventRuleError
from rencontres.events.models import Event, Venue
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_event_without_any_day_cannot_be_published(organization):
    event = services.create_event(organization=organization, title="Séminaire", format="seminaire")
    with pytest.raises(EventRuleError) as refused:
        services.publish_event(event=event)
    assert "journée" in refused.value.message
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_event_dates_follow_its_programme(organization):
    event = factories.make_event(organization, days=(dt.date(2030, 5, 3),), published=False)
    services.add_day(event=event, date=dt.date(2030, 4, 1))
    event.refresh_from_db()
    assert (event.starts_on, event.ends_on) == (dt.date(2030, 4, 1), dt.date(2030, 5, 3))


def test_a_month_only_day_is_stored_on_the_first_of_the_month(organization):
    event = factories.make_event(organization, days=(), published=False)
    day = services.add_day(event=event, date=dt.date(2020, 11, 17), is_month_only=True)
    assert day.date == dt.date(2020, 11, 1)


def test_a_session_cannot_end_before_it_starts(organization):
    event = factories.make_event(organization, sessions_per_day=0, published=False)
    with pytest.raises(EventRuleError):
        services.add_session(day=event.days.get(), title="Table ronde", start_time=dt.time(14), end_time=dt.time(13))
    assert not event.sessions.exists()


def test_a_speaker_of_another_event_cannot_be_put_on_a_session(organization):
    event = factories.make_event(organization, published=False)
    other = factories.make_event(organization, title="Autre", published=False)
    stranger = services.add_speaker(event=other, name="Jacques Ion")
    with pytest.raises(EventRuleError):
        services.add_session(day=event.days.get(), title="Conférence", speakers=[stranger])


def test_search_text_finds_words_without_their_accents(organization):
    event = factories.make_event(organization, title="Quelles solidarités pour demain ?", published=False)
    assert "solidarites" in event.search_text


def test_duplicating_makes_next_years_draft_on_the_same_weekdays(organization):
    event = factories.make_event(organization, days=(dt.date(2021, 10, 12), dt.date(2021, 10, 13)), sessions_per_day=2)
    speaker = services.add_speaker(event=event, name="Boris Chevrot", affiliation="coordinateur")
    session = event.sessions.first()
    services.update_session(session=session, speakers=[speaker], mode=SessionMode.HYBRID)
    services.add_price_tier(
        event=event, label="Tarif unique", amount_cents=85000, payer_kind="employer", includes="déjeuners inclus"
    )

    copy = services.duplicate_event(event=event)

    assert copy.status == EventStatus.DRAFT and copy.slug != event.slug
    assert copy.starts_on.weekday() == event.starts_on.weekday()
    assert copy.starts_on.year == 2022
    assert copy.sessions.count() == 4
    copied = copy.sessions.get(title=session.title, day__date=copy.starts_on, start_time=session.start_time)
    assert [s.name for s in copied.speakers.all()] == ["Boris Chevrot"]
    assert copied.speakers.get().event_id == copy.id
    assert copy.price_tiers.get().amount_cents == 85000
    assert event.sessions.count() == 4, "the original keeps its programme"


class DuplicateInvariants(TestCase):
    @settings(max_examples=25, deadline=None)
    @given(
        offsets=st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=4, unique=True),
        weeks=st.integers(min_value=1, max_value=104),
    )
    def test_duplicate_keeps_gaps_between_days_and_weekdays(self, offsets, weeks):
        organization = factories.make_organization()
        start = dt.date(2025, 1, 6)
        event = factories.make_event(
            organization, days=tuple(start + dt.timedelta(days=o) for o in offsets), published=False
        )
        copy = services.duplicate_event(event=event, shift_days=7 * weeks)
        original = list(event.days.values_list("date", flat=True))
        copied = list(copy.days.values_list("date", flat=True))
        assert [d.weekday() for d in copied] == [d.weekday() for d in original]
        assert [(b - a) for a, b in zip(original, original[1:])] == [(b - a) for a, b in zip(copied, copied[1:])]


def test_an_event_made_of_month_only_days_is_dated_by_months(organization):
    event = factories.make_event(organization, days=(), published=False)
    services.add_day(event=event, date=dt.date(2020, 11, 1), is_month_only=True)
    services.add_day(event=event, date=dt.date(2021, 6, 1), is_month_only=True)
    event.refresh_from_db()
    assert event.dates_are_months


def test_a_duplicate_of_month_only_modules_keeps_the_same_months_a_year_later(organization):
    """Seed 004: monthly modules from November to June; 52 weeks on, the 1st of November would be the 31st of October."""
    event = factories.make_event(organization, days=(), published=False)
    for year, month in [(2020, 11), (2020, 12), (2021, 1), (2021, 2), (2021, 3), (2021, 6)]:
        services.add_day(event=event, date=dt.date(year, month, 1), is_month_only=True)
    event.refresh_from_db()

    copy = services.duplicate_event(event=event)  # 364 days later by default

    assert list(copy.days.values_list("date", flat=True)) == [
        dt.date(2021, 11, 1),
        dt.date(2021, 12, 1),
        dt.date(2022, 1, 1),
        dt.date(2022, 2, 1),
        dt.date(2022, 3, 1),
        dt.date(2022, 6, 1),
    ]


@settings(max_examples=50, deadline=None)
@given(first=st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 1)), shift=st.integers(min_value=1, max_value=4000))
def test_month_only_days_move_by_whole_months_and_never_fold_together(first, shift):
    """Consecutive months stay consecutive, whatever the shift in days and the leap years it crosses."""
    months = [services.add_months(first.replace(day=1), n) for n in range(8)]
    start = months[0]
    moved_by = services.whole_months_between(start, start + dt.timedelta(days=shift))
    moved = [services.add_months(m, moved_by) for m in months]
    assert all(d.day == 1 for d in moved)
    assert [services.whole_months_between(a, b) for a, b in zip(moved, moved[1:])] == [1] * 7
    assert abs((moved[0] - (start + dt.timedelta(days=shift))).days) <= 16


def test_updating_the_title_does_not_write_back_a_status_cancelled_meanwhile(organization):
    event = factories.make_event(organization, title="Séminaire d'automne")
    loaded_by_the_editor = Event.objects.get(pk=event.pk)
    services.cancel_event(event=event)
    services.update_event(event=loaded_by_the_editor, title="Séminaire d'automne (nouvelle formule)")
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert event.title == "Séminaire d'automne (nouvelle formule)"


def test_a_venue_with_the_same_name_and_address_is_reused_not_duplicated(organization):
    first = factories.make_event(organization, title="Première")
    second = factories.make_event(organization, title="Seconde")
    venue = services.add_venue(
        event=first, name="Salle des fêtes", street="1 rue Haute", postcode="93000", city="Bobigny"
    )
    again = services.add_venue(
        event=second, name="salle des fêtes ", street="1 rue haute", postcode="93000", city="BOBIGNY"
    )
    assert again == venue
    assert Venue.objects.filter(organization=organization).count() == 1
    second.refresh_from_db()
    assert second.venue == venue
