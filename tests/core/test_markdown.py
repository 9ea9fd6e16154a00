"""Organisers' texts render as light Markdown, and nothing in them can run on the page."""

from django.template import Context, Template
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from rencontres.core.markdown import render_markdown


def test_hyphen_lines_become_a_list():
    html = render_markdown("Au programme :\n- l'accueil\n- l'accompagnement")
    assert "<ul>" in html
    assert "<li>l'accueil</li>" in html or "<li>l’accueil</li>" in html
    assert "<li>l'accompagnement</li>" in html


def test_blank_lines_make_paragraphs_and_single_breaks_stay():
    html = render_markdown("Premier.\nSuite.\n\nSecond.")
    assert html.count("<p>") == 2
    assert "<br>" in html


def test_script_tags_are_shown_as_text_never_run():
    html = render_markdown("Avant <script>alert('x')</script> après")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_event_handlers_are_not_kept():
    html = render_markdown('<a href="https://exemple.fr" onclick="steal()">lien</a> <img src=x onerror=alert(1)>')
    attributes = [name for node in HTMLParser(html).css("*") for name in node.attributes]
    assert not [name for name in attributes if name.startswith("on")]
    assert HTMLParser(html).css("img, a") == []


def test_javascript_links_are_stripped():
    for text in ["[cliquez](javascript:alert(1))", "<javascript:alert(1)>", "[x](JAVASCRIPT:alert(1))"]:
        html = render_markdown(text)
        assert 'href="javascript' not in html.lower(), text


def test_ordinary_links_are_kept_and_marked_external():
    html = render_markdown("[Le programme](https://exemple.fr/programme.pdf)")
    assert 'href="https://exemple.fr/programme.pdf"' in html
    assert "noopener" in html


def test_sanitiser_drops_what_the_parser_would_let_through():
    # A heading or an image would break the page's outline or load a third party's file.
    html = render_markdown("# Titre\n\n![logo](https://traceur.example/pixel.png)")
    assert "<h1" not in html and "<img" not in html


def test_the_template_filter_returns_safe_html():
    rendered = Template("{% load rencontres_format %}{{ text|markdown }}").render(Context({"text": "- un\n- deux"}))
    assert "<li>un</li>" in rendered
    assert Template("{% load rencontres_format %}{{ text|markdown }}").render(Context({"text": ""})) == ""
