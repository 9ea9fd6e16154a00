"""Credit notes (avoirs): they reference their invoice, have their own series, and never take it below zero."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rencontres.invoicing import services
from rencontres.invoicing.amounts import split_vat
from rencontres.invoicing.exceptions import InvoicingError
from rencontres.invoicing.models import CreditNote, Invoice
from rencontres.registrations import services as registration_services

from .builders import AFTER, PRICE, employee, paid_day, training_body

# One request for a credit note: which line (None: the whole invoice) and how much (None: all that is left).
REQUEST = st.tuples(st.one_of(st.none(), st.integers(0, 2)), st.one_of(st.none(), st.integers(-100, 2 * PRICE)))


class CreditNotesBalance(TestCase):
    @settings(max_examples=10, deadline=None)
    @given(requests=st.lists(REQUEST, min_size=1, max_size=4), charges_vat=st.booleans(), price=st.integers(1, PRICE))
    def test_an_invoice_less_its_credit_notes_never_goes_below_zero(self, requests, charges_vat, price):
        organization = training_body(charges_vat=charges_vat)
        event, tiers = paid_day(organization, price=price)
        people = [employee(event, tiers["employer"]) for _ in range(3)]
        invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
        issued = []
        for line, amount in requests:
            registration_id = None if line is None else people[line].id
            remaining = invoice.amount_cents - sum(n.amount_cents for n in issued)
            try:
                note = services.issue_credit_note(
                    invoice=invoice,
                    reason="Correction",
                    registration_id=registration_id,
                    amount_cents=amount,
                    notify=False,
                    now=AFTER,
                )
            except InvoicingError as error:
                assert error.message
                assert amount is not None and (amount <= 0 or amount > remaining) or remaining == 0 or line is not None
                continue
            assert 0 < note.amount_cents <= remaining
            issued.append(note)
        invoice = Invoice.objects.get(pk=invoice.pk)
        assert invoice.balance_cents == invoice.amount_cents - sum(n.amount_cents for n in issued) >= 0
        for line in invoice.lines.all():
            credits = list(line.credits.all())
            assert sum(c.amount_cents for c in credits) <= line.amount_cents
            assert sum(c.net_cents for c in credits) <= line.net_cents
        sequences = [n.sequence for n in CreditNote.objects.filter(organization=organization).order_by("sequence")]
        assert sequences == list(range(1, len(issued) + 1))


@pytest.mark.django_db
def test_a_cancellation_credits_that_trainee_s_line_and_keeps_the_invoice_as_issued():
    event, tiers = paid_day(training_body())
    camille, dominique = employee(event, tiers["employer"]), employee(event, tiers["employer"])
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    registration_services.cancel(registration=camille, actor=None)

    note = services.issue_credit_note(
        invoice=invoice, reason="Annulation de l'inscription", registration_id=camille.id, notify=False, now=AFTER
    )

    assert (note.number, note.amount_cents, note.invoice_id) == ("AV-2030-0001", PRICE, invoice.id)
    assert note.snapshot["refers_to"].startswith("Se rapporte à la facture n° FA-2030-0001")
    assert Invoice.objects.get(pk=invoice.pk).amount_cents == 2 * PRICE
    assert Invoice.objects.get(pk=invoice.pk).balance_cents == PRICE
    assert services.still_invoiced(event) == {dominique.id: invoice.number}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reason", "line", "amount", "message"),
    [
        ("", None, None, "Indiquez le motif de l'avoir"),
        ("x" * 301, None, None, "300 caractères au plus"),
        ("Correction", None, 0, "Le montant d'un avoir est positif."),
        ("Correction", None, 3 * PRICE, "ne peut pas dépasser ce que la facture porte encore : 850,00\u00a0€"),
        ("Correction", "stranger", None, "Cette personne ne figure pas sur la facture FA-2030-000"),
    ],
)
def test_a_bad_credit_note_is_refused_in_french(reason, line, amount, message):
    event, tiers = paid_day(training_body())
    employee(event, tiers["employer"])
    stranger = employee(event, tiers["employer"], employer="Autre employeur")
    services.issue_invoices(event=event, notify=False, now=AFTER)
    invoice = Invoice.objects.get(buyer_name="CCAS de Mâcon")
    registration_id = stranger.id if line == "stranger" else None

    with pytest.raises(InvoicingError, match=message):
        services.issue_credit_note(
            invoice=invoice, reason=reason, registration_id=registration_id, amount_cents=amount, notify=False
        )
    assert not CreditNote.objects.exists()


@pytest.mark.django_db
def test_nothing_left_to_credit_is_refused_in_french():
    event, tiers = paid_day(training_body())
    employee(event, tiers["employer"])
    invoice = services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]
    services.issue_credit_note(invoice=invoice, reason="Annulation", notify=False, now=AFTER)

    with pytest.raises(InvoicingError, match="Il ne reste rien à créditer"):
        services.issue_credit_note(invoice=invoice, reason="Encore", notify=False, now=AFTER)


def test_vat_is_taken_out_of_a_price_vat_included():
    assert split_vat(120_000, charges_vat=True) == (100_000, 20_000)
    assert split_vat(85_000, charges_vat=False) == (85_000, 0)
    assert split_vat(1, charges_vat=True) == (1, 0)
