"""Extracting a draft event from announcement text: dates, programme, people, practical details, doubts."""

import pytest

from rencontres.announcements.parsing import parse_announcement_text


def parse(text: str) -> dict:
    return parse_announcement_text(text)


def test_year_of_a_programme_day_comes_from_the_document():
    draft = parse(
        "SAVE THE DATE 12 - 13 OCTOBRE 2021\n\nMARDI 12 OCTOBRE\n• 9h00 - 10h30 : Introduction\n\n"
        "MERCREDI 13 OCTOBRE\n• 9h00 - 12h30 : Ateliers"
    )
    assert [s["date"] for s in draft["sessions"]] == ["2021-10-12", "2021-10-13"]
    assert (draft["start_date"], draft["end_date"]) == ("2021-10-12", "2021-10-13")
    assert draft["warnings"] == []


def test_weekday_that_does_not_match_its_date_is_a_warning():
    draft = parse("Journée d'étude\n\nLundi 14 mars 2024\n9h00 - 12h00 : Conférence")
    assert draft["start_date"] == "2024-03-14"
    assert any("jeudi" in w and "lundi" in w and "2024" in w for w in draft["warnings"])


def test_year_far_from_the_others_is_a_warning_and_is_not_used():
    draft = parse("Formation\n\nNOVEMBRE 2020/JUIN 2021\n\nDe novembre 2020 à juin 2121, deux jours par mois.")
    assert draft["end_date"] == "2021-06"
    assert any("2121" in w for w in draft["warnings"])


def test_impossible_time_is_a_warning_not_a_session():
    draft = parse("Atelier\n\nJeudi 23 mai 2024\n25h00 - 26h00 : Veillée")
    assert draft["sessions"] == []
    assert any("25h00" in w for w in draft["warnings"])


def test_session_ending_before_it_starts_is_a_warning():
    draft = parse("Atelier\n\nJeudi 23 mai 2024\n17h00 - 14h00 : Mises en situation")
    assert draft["sessions"][0]["start"] == "17:00"
    assert any("avant le début" in w for w in draft["warnings"])


def test_date_range_ending_before_it_starts_is_a_warning():
    draft = parse("Séminaire\n\nDu 14 au 12 mars 2024 à Lyon")
    assert any("avant le début" in w for w in draft["warnings"])


def test_deadlines_are_not_event_dates():
    draft = parse("Journée régionale\n\nJeudi 6 juin 2024\n\nDate limite d'inscription : 23 mai 2024")
    assert (draft["start_date"], draft["end_date"]) == ("2024-06-06", "2024-06-06")


def test_unknown_values_stay_empty():
    draft = parse("Une rencontre sur le travail social, bientôt.")
    assert draft["start_date"] is None and draft["sessions"] == [] and draft["prices"] == []
    assert draft["capacity"] == {"min": None, "max": None}


def test_lone_time_takes_the_next_short_paragraph_as_title():
    draft = parse(
        "JEUDI 24 JUIN 2021\n\n9h\n\n**ACCUEIL**\n\n10h - 12h\n\n**#1**\n\n**WEBINAIRE #1**\n\n"
        "*Crise sanitaire, quels impacts ?*\n\nCette table ronde entend explorer l'impact de la crise."
    )
    assert [(s["start"], s["end"], s["title"]) for s in draft["sessions"]] == [
        ("09:00", None, "Accueil"),
        ("10:00", "12:00", "Webinaire #1 : Crise sanitaire, quels impacts ?"),
    ]


def test_online_sessions_are_marked_distanciel():
    draft = parse("Jeudi 17 juin 2021\n\n10h-11h30 : Webinaire #1 sur la crise")
    assert draft["sessions"][0]["mode"] == "distanciel"


def test_lecture_open_to_the_public_is_flagged():
    draft = parse(
        "MARDI 12 OCTOBRE 2021\n• 20h00 : Conférence sur la solidarité avec Jacques Ion, sociologue. Ouverte au public"
    )
    session = draft["sessions"][0]
    assert session["open_to_public"] is True
    assert session["title"] == "Conférence sur la solidarité"
    assert draft["speakers"][0]["name"] == "Jacques Ion"


def test_prices_by_payer_keep_their_labels():
    draft = parse("Coût\n\n- Prise en charge par l'employeur : 3 000€\n- Prise en charge individuelle : 1 500€")
    assert [(p["amount"], p["label"]) for p in draft["prices"]] == [
        (3000, "Prise en charge par l'employeur"),
        (1500, "Prise en charge individuelle"),
    ]


def test_free_event_has_a_zero_price():
    assert parse("Conférence\n\nEntrée libre.")["prices"] == [{"amount": 0, "currency": "EUR", "label": "Gratuit"}]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nombre de participants : 13 minimum / 30 maximum", {"min": 13, "max": 30}),
        ("Groupe de 8 participants minimum et 12 maximum.", {"min": 8, "max": 12}),
        ("Dans la limite de 200 places.", {"min": None, "max": 200}),
        ("Pré-requis : expérience professionnelle d'au moins 3 ans", {"min": None, "max": None}),
    ],
)
def test_capacity(text, expected):
    assert parse(f"Formation\n\n{text}")["capacity"] == expected


def test_venue_with_postcode_on_the_next_line():
    draft = parse("➤ **Bourse Départementale du Travail**\n1, place de la Libération\n93 000 Bobigny")
    assert draft["venues"] == [
        {
            "name": "Bourse Départementale du Travail",
            "street": "1, place de la Libération",
            "postcode": "93000",
            "city": "Bobigny",
        }
    ]


def test_contacts_phones_and_registration_link():
    draft = parse(
        "Rapprochez-vous de Patrice Lauthrey\nplauthrey@cg93.fr ou 01 43 93 87 80\n\n"
        "Pour vous inscrire, merci de compléter le formulaire :\nhttp://enquetes.example.fr/q.htm\n\n"
        "Voir aussi https://example.fr/actualites"
    )
    assert draft["emails"] == ["plauthrey@cg93.fr"]
    assert draft["phones"] == ["0143938780"]
    assert draft["registration_urls"] == ["http://enquetes.example.fr/q.htm"]
    assert draft["speakers"] == []  # a contact person is not a speaker


def test_places_named_after_people_are_not_speakers():
    draft = parse("Théâtre Alexandre-Dumas\n\nL'Université Jean Monnet accueille la journée.")
    assert draft["speakers"] == []


def test_organizers_from_the_organising_sentence():
    draft = parse(
        "La Direction régionale et les Directions départementales de la cohésion sociale, en partenariat "
        "avec l'association Voisins & Citoyens, ont souhaité organiser un cycle de séminaires."
    )
    assert draft["organizers"] == ["Direction régionale", "Directions départementales de la cohésion sociale"]
    assert draft["partners"] == ["Voisins & Citoyens"]
    assert draft["format"] == "cycle"


def test_documents_with_type_and_size():
    draft = parse("Pièces à télécharger :\n\nProgramme du 15 juin 2011\n(PDF – 163.9 ko)")
    assert draft["documents"] == [{"title": "Programme du 15 juin 2011", "type": "PDF", "size_kb": 163.9}]


def test_legal_identifiers_are_digits_only():
    draft = parse("N° Siret : 349 685 156 00045 / N° d'organisme de formation : 11 75 47180 75")
    assert draft["identifiers"] == {"siret": "34968515600045", "nda": "11754718075"}


def test_title_is_the_standout_block_not_a_section_heading():
    draft = parse(
        "le cnam\n\n**CERTIFICAT DE SPECIALISATION**\n**INNOVATIONS SOCIALES**\n\n## OBJECTIFS\n\ntexte\n\n"
        "## PUBLIC\n\ntexte\n\n## PROGRAMME\n\ntexte"
    )
    assert draft["title"] == "Certificat de specialisation innovations sociales"
