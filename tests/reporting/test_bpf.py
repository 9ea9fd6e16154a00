"""The BPF of a test year, computed by hand below and by `training_report`: they must match.

The year 2025 of « Ville de Saint-Germain » (tests/reporting/builders.py, `build_year`):

« Accueil inconditionnel », 14 March 2025, training action, other professional training, NSF 332;
morning 9 h–12 h 30 = 210 min, afternoon 14 h–17 h = 180 min, both counter-signed.
    Anne   private employee, invoiced to her company     morning + afternoon         = 390 min
    Bruno  public agent                                 morning only                = 210 min
    Chloé  jobseeker                                     absent all day: not a trainee
    Denis  at his own cost                               morning 30 min late (180) + afternoon 180 = 360 min
    Trainers: Claire Formatrice, internal, both sessions = 390 min; Jeanne Invitée, no trainer status.

« Diplôme d'État d'ingénierie sociale », 15 December 2025 and 12 January 2026, RNCP level 6, NSF 330.
    Emma   private employee, OPCO                        15/12: 210 + 180 (online) = 390 min; 12/01 is 2026
    Farid  entrusted by another training body            15/12: 390 min → frame G, not F
    Trainers: « CLAIRE formatrice » internal (the same person), 15/12 morning 210 min (12/01 is 2026);
              Paul Expert, external, 15/12 afternoon 180 min.

Not counted: « Forum des solidarités » (not a training action), « Session 2024 » (last year),
« Ailleurs » (another organisation).

    F-1  a  salariés privés          Anne 390 + Emma 390      2 trainees   780 min = 13 h
         d  à leurs frais            Denis 360                1 trainee    360 min =  6 h
         e  autres (agent public)    Bruno 210                1 trainee    210 min =  3,5 h
         total                                                4 trainees  1350 min = 22,5 h
         at least partly at distance: Emma                    1
    F-3  a  RNCP (dont niveau 6 à 8) Emma                     1 trainee    6,5 h
         d  autres formations        Anne, Bruno, Denis       3 trainees  16 h
    F-4  332 Travail social                                   3 trainees  16 h
         330 Spécialités plurivalentes sanitaires et sociales 1 trainee    6,5 h
         autres                                               0
    G    Farid                                                1 trainee    6,5 h
    E    1 internal: Claire 390 + 210 = 600 min               1 person    10 h
         2 external: Paul 180 min                             1 person     3 h
"""

import pytest

from rencontres.reporting import bpf
from rencontres.reporting.exceptions import ReportingError
from rencontres.reporting.services import save_financial_figures
from tests.reporting.builders import build_year

pytestmark = pytest.mark.django_db


def lines(frame) -> dict:
    return {line.line: (line.count, line.hours) for line in frame}


def test_the_test_year_matches_the_hand_computation(organization, other_organization):
    build_year(organization, other_organization)

    report = bpf.training_report(organization=organization, year=2025)

    assert lines(report.f1) == {"a": (2, 13), "b": (0, 0), "c": (0, 0), "d": (1, 6), "e": (1, 3.5)}
    assert (report.f1_total.count, report.f1_total.hours) == (4, 22.5)
    assert report.f1_at_distance == 1
    assert lines(report.f3) == {"a": (1, 6.5), "b": (0, 0), "c": (0, 0), "d": (3, 16), "e": (0, 0), "f": (0, 0)}
    assert lines(report.f3[0].parts)["a1"] == (1, 6.5)
    assert [(x.code, x.count, x.hours) for x in report.f4] == [("332", 3, 16), ("330", 1, 6.5), (None, 0, 0)]
    assert (report.g.count, report.g.hours) == (1, 6.5)
    assert lines(report.e) == {"1": (1, 10), "2": (1, 3)}
    assert (report.start.isoformat(), report.end.isoformat()) == ("2025-01-01", "2025-12-31")
    assert [e.title for e in report.events] == ["Accueil inconditionnel", "Diplôme d'État d'ingénierie sociale"]


def test_frames_f1_f3_and_f4_always_agree(organization):
    build_year(organization)

    report = bpf.training_report(organization=organization, year=2025)

    totals = [(t.count, t.minutes) for t in (report.f1_total, report.f3_total, report.f4_total)]
    assert totals == [(4, 1350)] * 3


def test_the_next_year_counts_only_its_own_half_days(organization):
    build_year(organization)

    report = bpf.training_report(organization=organization, year=2026)

    # Only the diploma's 12 January 2026: Emma (F-1 a) and Farid (G), 390 min each; Claire's morning, 210 min;
    # Paul trained on 15 December only: not a trainer of 2026.
    assert lines(report.f1)["a"] == (1, 6.5) and report.f1_total.count == 1
    assert (report.g.count, report.g.hours) == (1, 6.5)
    assert lines(report.e) == {"1": (1, 3.5), "2": (0, 0)}
    assert report.f1_at_distance == 0


def test_an_accounting_year_from_september_takes_the_twelve_months_before(organization):
    from rencontres.reporting.services import set_year_start_month

    build_year(organization)
    set_year_start_month(organization=organization, month=9)

    report = bpf.training_report(organization=organization, year=2025)

    # 1 September 2024 – 31 August 2025: the Session 2024 (Hugo, 390 min) and the Accueil, not December 2025.
    assert (report.start.isoformat(), report.end.isoformat()) == ("2024-09-01", "2025-08-31")
    assert lines(report.f1)["a"] == (2, 13)  # Anne and Hugo
    assert report.f1_total.count == 4 and report.g.count == 0


def test_what_the_organiser_should_check_is_said(organization):
    build_year(organization)

    report = bpf.training_report(organization=organization, year=2025)

    assert any("Saisissez le cadre D" in w for w in report.warnings)
    save_financial_figures(
        organization=organization,
        year=2025,
        charges_cents=1_000_000,
        trainer_salaries_cents=400_000,
        training_purchases_cents=100_000,
        training_share_percent=None,
    )
    assert not any("cadre D" in w for w in bpf.training_report(organization=organization, year=2025).warnings)


def test_a_trainer_with_no_timed_session_is_counted_without_hours_and_named(organization):
    from rencontres.events import services as event_services
    from rencontres.events.enums import TrainerStatus

    year = build_year(organization)
    event_services.add_speaker(event=year["accueil"], name="Marc Sansséance", trainer_status=TrainerStatus.EXTERNAL)

    report = bpf.training_report(organization=organization, year=2025)

    assert lines(report.e)["2"] == (2, 3)
    assert any("Marc Sansséance" in w for w in report.warnings)


def test_an_untyped_trainee_and_an_action_without_objective_or_speciality_are_flagged(organization):
    from rencontres.events import services as event_services

    year = build_year(organization)
    event_services.update_event(event=year["accueil"], bpf_objective="", nsf_code="")

    report = bpf.training_report(organization=organization, year=2025)

    assert lines(report.f3)["d"] == (3, 16)  # counted with the other professional trainings
    assert report.f4[-1].code is None and (report.f4[-1].count, report.f4[-1].hours) == (3, 16)
    assert any("Sans objectif" in w and "Accueil inconditionnel" in w for w in report.warnings)
    assert any("Sans spécialité NSF" in w for w in report.warnings)


@pytest.mark.parametrize("year", [1999, 2999])
def test_a_year_out_of_range_is_refused_in_french(organization, year):
    with pytest.raises(ReportingError, match="indiquez un exercice entre 2000 et"):
        bpf.training_report(organization=organization, year=year)
