"""Random input never crashes the importer: it parses or refuses with UnreadableAnnouncement."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rencontres.announcements.parsing import parse_announcement_bytes, parse_announcement_text
from rencontres.announcements.reading import UnreadableAnnouncement

# French-looking fragments make the parser's paths (dates, times, prices, venues) actually run.
FRAGMENTS = st.sampled_from(
    [
        "Mardi 12 octobre 2021",
        "12 - 13 octobre",
        "9h00 - 10h30 : ",
        "25h",
        "20h00 :",
        "juin 2121",
        "de novembre 2020 à juin 2021",
        "850 €",
        "13 minimum / 30 maximum",
        "3 rue Henri-IV",
        "75003 Paris",
        "01 43 93 87 80",
        "contact@example.org",
        "https://example.org/inscription",
        "**",
        "# ",
        "- ",
        "> ",
        "\n",
        "\n\n",
        "« ",
        " »",
        "avec Jacques Ion, ",
        "(PDF – 12 ko)",
        "N° Siret : 34968515600045",
        "Pour vous inscrire :",
        "<p>",
        "</p>",
        "<table><tr><td>",
        "<script>",
        "Semaine 1/",
    ]
)
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=40).map("".join)
LIMITS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LIMITS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf", "a", "a.docx"]))
def test_random_bytes_parse_or_are_refused(data, name):
    try:
        result = parse_announcement_bytes(data, name)
    except UnreadableAnnouncement as exc:
        assert exc.message
    else:
        assert isinstance(result["warnings"], list)


@LIMITS
@given(text=TEXT)
def test_random_french_like_text_parses_or_is_refused(text):
    try:
        result = parse_announcement_text(text)
    except UnreadableAnnouncement:
        return
    assert set(result) >= {"title", "start_date", "end_date", "sessions", "warnings"}
    for session in result["sessions"]:
        assert session["start"] is None or "00:00" <= session["start"] <= "23:59"


@LIMITS
@given(text=TEXT)
def test_random_html_parses_or_is_refused(text):
    try:
        parse_announcement_bytes(f"<html><body>{text}</body></html>".encode(), "page.html")
    except UnreadableAnnouncement:
        pass


SMALL_PDF = (__import__("pathlib").Path(__file__).parent / "corpus" / "113_webinaire_aidants.pdf").read_bytes()


@settings(max_examples=60, deadline=None)
@given(edits=st.lists(st.tuples(st.integers(0, len(SMALL_PDF) - 1), st.integers(0, 255)), min_size=1, max_size=30))
def test_corrupted_pdfs_parse_or_are_refused(edits):
    data = bytearray(SMALL_PDF)
    for position, value in edits:
        data[position] = value
    try:
        parse_announcement_bytes(bytes(data), "annonce.pdf")
    except UnreadableAnnouncement as exc:
        assert exc.message
