"""Frame C from invoiced rows (payer category, OPCO scheme, net cents): each amount on the line of who is invoiced."""

from hypothesis import given
from hypothesis import strategies as st

from rencontres.registrations.enums import OpcoScheme, PayerCategory
from rencontres.reporting.bpf import frame_c


def amounts(frame) -> dict:
    return {line.line: line.amount_cents for line in frame.lines if line.amount_cents}


def test_hand_made_rows_land_on_their_lines():
    rows = [
        ("company", "", 85_000),  # line 1
        ("company", "", 85_000),  # line 1
        ("company", "", -85_000),  # a credit note for one of them, line 1
        ("opco", "skills_plan", 120_000),  # 2h
        ("opco", "cpf", 50_000),  # 2e
        ("opco", "", 10_000),  # an OPCO without its scheme: 2h, « ou autres dispositifs »
        ("opco", "apprenticeship", 30_000),  # 2a
        ("public_body", "", 85_000),  # 3, public bodies for their agents
        ("individual", "", 42_500),  # 9
        ("training_body", "", 60_000),  # 10
        ("", "", 1_000),  # no category known: 11, flagged
    ]

    frame = frame_c(rows)

    # Line 2 = 2a + 2e + 2h = 30 000 + 50 000 + 130 000 = 210 000.
    # Total = 1 + 2 + 3 + 9 + 10 + 11 = 85 000 + 210 000 + 85 000 + 42 500 + 60 000 + 1 000 = 483 500.
    assert amounts(frame) == {
        "1": 85_000,
        "2a": 30_000,
        "2e": 50_000,
        "2h": 130_000,
        "2": 210_000,
        "3": 85_000,
        "9": 42_500,
        "10": 60_000,
        "11": 1_000,
    }
    assert frame.total_cents == 483_500
    assert frame.unclassified_cents == 1_000


def test_every_line_of_the_form_is_there_in_its_order():
    frame = frame_c([])

    assert [line.line for line in frame.lines] == [
        "1", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "2h", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"
    ]  # fmt: skip
    assert frame.total_cents == 0


rows = st.lists(
    st.tuples(
        st.sampled_from([*PayerCategory.values, ""]),
        st.sampled_from([*OpcoScheme.values, ""]),
        st.integers(min_value=-(10**9), max_value=10**9),
    ),
    max_size=30,
)


@given(rows)
def test_the_total_is_what_was_invoiced_net_and_line_2_the_sum_of_a_to_h(rows):
    frame = frame_c(rows)
    by_line = {line.line: line.amount_cents for line in frame.lines}

    assert frame.total_cents == sum(net for _category, _scheme, net in rows)
    assert by_line["2"] == sum(by_line[code] for code in ("2a", "2b", "2c", "2d", "2e", "2f", "2g", "2h"))
    assert by_line["2"] == sum(net for category, _scheme, net in rows if category == PayerCategory.OPCO)
