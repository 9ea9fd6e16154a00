"""Theses and jury: hand-in by the deadline with its history, decisions on a thesis, journaled and corrected."""

import datetime as dt

import pytest

from rencontres.registrations.services import cancel
from rencontres.theses import selectors, services
from rencontres.theses.enums import Outcome
from rencontres.theses.exceptions import ThesisError
from rencontres.theses.models import Decision, Thesis
from tests.registrations.builders import docx_file, fake_pdf, odt_file, pdf_file
from tests.theses.builders import (
    AFTER_DEADLINE,
    AT_THE_JURY,
    BEFORE_DEADLINE,
    MEMBERS,
    training_with_thesis,
    with_jury,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(organization):
    return training_with_thesis(organization)


def test_a_thesis_of_each_accepted_format_is_stored_with_its_type_read_from_the_content(training):
    _, (camille, dominique) = training
    services.hand_in(
        registration=camille, uploaded=odt_file("memoire.odt"), title="Les tiers-lieux", now=BEFORE_DEADLINE
    )
    thesis = services.hand_in(registration=dominique, uploaded=docx_file("memoire.pdf"), now=BEFORE_DEADLINE)

    assert thesis.file_type == "DOCX" and thesis.version == 1
    assert Thesis.objects.get(registration=camille).title == "Les tiers-lieux"


def test_handing_in_again_before_the_deadline_keeps_the_earlier_version(training):
    _, (camille, _) = training
    first = services.hand_in(registration=camille, uploaded=pdf_file("v1.pdf"), now=BEFORE_DEADLINE)
    second = services.hand_in(registration=camille, uploaded=docx_file("v2.docx"), now=BEFORE_DEADLINE)

    first.refresh_from_db()
    assert second.version == 2 and second.is_current
    assert first.replaced_at == BEFORE_DEADLINE and first.file
    assert [t.version for t in selectors.trainee_file(camille).theses] == [1, 2]
    assert selectors.trainee_file(camille).thesis == second


def test_a_thesis_after_the_deadline_is_refused_in_french(training):
    _, (camille, _) = training
    with pytest.raises(ThesisError, match="ouvert jusqu'au 31 mars 2030 inclus : il est clos"):
        services.hand_in(registration=camille, uploaded=pdf_file(), now=AFTER_DEADLINE)
    assert not Thesis.objects.exists()


def test_the_deadline_day_itself_is_still_open(training):
    _, (camille, _) = training
    last_evening = dt.datetime(2030, 3, 31, 21, 30, tzinfo=dt.UTC)  # 23 h 30 in Paris
    assert services.hand_in(registration=camille, uploaded=pdf_file(), now=last_evening).version == 1


def test_a_file_that_is_not_a_document_is_refused_whatever_its_name(training):
    _, (camille, _) = training
    with pytest.raises(ThesisError, match="n'est pas un document PDF, DOCX ou ODT"):
        services.hand_in(registration=camille, uploaded=fake_pdf("memoire.pdf"), now=BEFORE_DEADLINE)


def test_a_thesis_over_twenty_megabytes_is_refused_but_a_fifteen_megabyte_one_is_not(training):
    _, (camille, _) = training
    with pytest.raises(ThesisError, match="la limite est de 20 Mo"):
        services.hand_in(registration=camille, uploaded=pdf_file(size=20_000_001), now=BEFORE_DEADLINE)
    assert services.hand_in(registration=camille, uploaded=pdf_file(size=15_000_000), now=BEFORE_DEADLINE)


def test_an_event_that_asks_no_thesis_and_a_cancelled_trainee_cannot_hand_one_in(organization):
    event, (camille, dominique) = training_with_thesis(organization)
    cancel(registration=dominique)
    dominique.refresh_from_db()
    with pytest.raises(ThesisError, match="Seule une personne inscrite"):
        services.hand_in(registration=dominique, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    services.save_settings(event=event, is_required=False, deadline=None)
    with pytest.raises(ThesisError, match="ne demande pas de mémoire"):
        services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)


def test_settings_asking_for_a_thesis_need_a_deadline(training):
    event, _ = training
    with pytest.raises(ThesisError, match="date limite de dépôt"):
        services.save_settings(event=event, is_required=True, deadline=None)


def test_the_jury_keeps_its_date_and_members_in_order(training):
    event, _ = training
    jury = with_jury(event)
    assert [(m.name, m.role) for m in selectors.jury_of(event).members.all()] == MEMBERS
    services.set_jury(event=event, date=jury.date, members=[("Anne Roux", "présidente")])
    assert [m.name for m in selectors.jury_of(event).members.all()] == ["Anne Roux"]


@pytest.mark.parametrize(
    "text, message",
    [("Marie Durand", "Ligne 1 : écrivez le nom puis le rôle"), ("Marie Durand, présidente\n, formateur", "Ligne 2")],
)
def test_jury_members_without_a_role_are_refused_with_the_line_to_fix(text, message):
    with pytest.raises(ThesisError, match=message):
        services.parse_members(text)


def test_members_are_read_with_a_comma_or_a_dash():
    assert services.parse_members("Marie Durand, présidente\n\nPaul Martin — formateur, Cnam") == [
        ("Marie Durand", "présidente"),
        ("Paul Martin", "formateur, Cnam"),
    ]


def test_a_decision_for_someone_without_a_thesis_is_refused_in_french(training):
    event, (camille, _) = training
    with_jury(event)
    with pytest.raises(ThesisError, match="n'a pas déposé de mémoire : le jury ne peut pas se prononcer"):
        services.record_decision(registration=camille, outcome=Outcome.ADMITTED, now=AT_THE_JURY)
    assert not Decision.objects.exists()


def test_a_decision_needs_the_jury_and_its_day(training):
    event, (camille, _) = training
    services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with pytest.raises(ThesisError, match="Indiquez d'abord le jury"):
        services.record_decision(registration=camille, outcome=Outcome.ADMITTED, now=AT_THE_JURY)
    with_jury(event)
    with pytest.raises(ThesisError, match="Le jury se réunit le 10 avril 2030"):
        services.record_decision(registration=camille, outcome=Outcome.ADMITTED, now=AFTER_DEADLINE)


def test_a_decision_is_journaled_and_a_correction_keeps_the_first(training, alice, bob):
    event, (camille, _) = training
    thesis = services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with_jury(event)
    first = services.record_decision(
        registration=camille, outcome=Outcome.DEFERRED, comment="Mémoire inachevé.", by=alice, now=AT_THE_JURY
    )
    with pytest.raises(ThesisError, match="déjà enregistrée : corrigez-la"):
        services.record_decision(registration=camille, outcome=Outcome.ADMITTED, by=alice, now=AT_THE_JURY)
    with pytest.raises(ThesisError, match="Indiquez le motif"):
        services.correct_decision(decision=first, outcome=Outcome.ADMITTED, reason="  ", by=bob)

    second = services.correct_decision(
        decision=first,
        outcome=Outcome.ADMITTED,
        reason="Erreur de saisie : le jury a admis.",
        by=bob,
        now=AT_THE_JURY + dt.timedelta(days=1),
    )

    first.refresh_from_db()
    assert (first.recorded_by, first.recorded_at, first.thesis) == (alice, AT_THE_JURY, thesis)
    assert first.replaced_at is not None and first.replaced_by == second
    assert (second.recorded_by, second.outcome, second.correction_reason) == (
        bob,
        Outcome.ADMITTED,
        "Erreur de saisie : le jury a admis.",
    )
    assert [d.outcome for d in selectors.trainee_file(camille).decisions] == [Outcome.DEFERRED, Outcome.ADMITTED]
    assert selectors.current_decisions(event) == {camille.id: second}
    with pytest.raises(ThesisError, match="déjà été corrigée"):
        services.correct_decision(decision=first, outcome=Outcome.DEFERRED, reason="Encore", by=bob)


def test_an_unknown_outcome_is_refused(training):
    event, (camille, _) = training
    services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with_jury(event)
    with pytest.raises(ThesisError, match="Choisissez « admis·e » ou « ajourné·e »"):
        services.record_decision(registration=camille, outcome="mention", now=AT_THE_JURY)


def test_the_trainees_list_reads_in_three_queries(training, django_assert_num_queries):
    event, (camille, dominique) = training
    services.hand_in(registration=camille, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    services.hand_in(registration=dominique, uploaded=pdf_file(), now=BEFORE_DEADLINE)
    with_jury(event)
    services.record_decision(registration=camille, outcome=Outcome.ADMITTED, now=AT_THE_JURY)
    with django_assert_num_queries(3):
        files = selectors.trainees_of(event)
        assert [(f.thesis is not None, f.decision is not None) for f in files] == [(True, True), (True, False)]
