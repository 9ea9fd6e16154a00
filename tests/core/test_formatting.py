import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rencontres.core import formatting


def test_whole_euros_have_no_decimals_and_french_grouping():
    assert formatting.format_euros(85000) == "850\u00a0€"
    assert formatting.format_euros(300000) == "3\u202f000\u00a0€"


def test_cents_are_written_with_a_comma():
    assert formatting.format_euros(150050) == "1\u202f500,50\u00a0€"


@given(st.integers(min_value=0, max_value=10**9))
def test_formatted_amount_reads_back_to_the_same_cents(cents):
    text = formatting.format_euros(cents).replace("\u202f", "").replace("\u00a0€", "")
    euros, _, decimals = text.partition(",")
    assert int(euros) * 100 + int(decimals or 0) == cents


def test_file_sizes_are_written_as_french_sites_do():
    assert formatting.format_file_size(163_900) == "163,9\u00a0ko"
    assert formatting.format_file_size(2_400_000) == "2,4\u00a0Mo"
    assert formatting.format_file_size(512) == "512 octets"


def test_times_use_the_french_h():
    assert formatting.format_time(dt.time(9, 0)) == "9\u00a0h"
    assert formatting.format_time(dt.time(10, 45)) == "10\u00a0h\u00a045"


def test_a_day_known_only_to_the_month_shows_the_month():
    assert formatting.format_day(dt.date(2020, 11, 1), month_only=True) == "novembre 2020"
    assert formatting.format_day(dt.date(2021, 10, 12)) == "mardi 12 octobre 2021"


def test_date_ranges_in_one_month_name_it_once():
    assert formatting.format_date_range(dt.date(2021, 10, 12), dt.date(2021, 10, 13)) == "du 12 au 13 octobre 2021"


def test_a_training_known_by_months_shows_months_not_first_days():
    start, end = dt.date(2020, 11, 1), dt.date(2021, 6, 1)
    assert formatting.format_date_range(start, end, months_only=True) == "de novembre 2020 à juin 2021"


def test_the_first_of_a_month_is_written_1er():
    assert formatting.format_day(dt.date(2027, 11, 1)) == "lundi 1er novembre 2027"
    assert formatting.format_date_range(dt.date(2027, 11, 1), dt.date(2027, 11, 3)) == "du 1er au 3 novembre 2027"
    assert (
        formatting.format_date_range(dt.date(2027, 10, 30), dt.date(2027, 11, 1))
        == "du 30 octobre au 1er novembre 2027"
    )


def test_durations_are_written_in_h_never_heures_nor_decimals():
    assert formatting.format_hours(Decimal("90.0")) == "90\u00a0h"
    assert formatting.format_hours(Decimal("10.5")) == "10\u00a0h\u00a030"
    assert formatting.format_hours(None) == ""
