"""Each invoice and credit note is a Factur-X PDF: PDF/A-3 with its CII XML, valid against the EN 16931 schema."""

import io

import facturx
import pytest
from lxml import etree
from pypdf import PdfReader

from rencontres.invoicing import services

from .builders import AFTER, employee, paid_day, training_body

pytestmark = pytest.mark.django_db


def embedded_xml(document) -> bytes:
    with document.pdf.open("rb") as handle:
        filename, xml = facturx.get_facturx_xml_from_pdf(io.BytesIO(handle.read()), check_xsd=False)
    assert filename == "factur-x.xml"
    return xml


@pytest.fixture
def invoice():
    event, tiers = paid_day(training_body())
    employee(event, tiers["employer"])
    employee(event, tiers["employer"])
    return services.issue_invoices(event=event, notify=False, now=AFTER).issued[0]


def test_the_invoice_pdf_carries_its_xml_valid_against_the_en16931_schema(invoice):
    xml = embedded_xml(invoice)

    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931") is True
    assert facturx.get_level(etree.fromstring(xml)) == "en16931"
    assert xml.decode() == invoice.xml
    text = xml.decode()
    assert "<ram:ID>FA-2030-0001</ram:ID>" in text and "<ram:TypeCode>380</ram:TypeCode>" in text
    assert '<ram:GlobalID schemeID="0009">19753471200017</ram:GlobalID>' in text
    assert "<ram:GrandTotalAmount>1700.00</ram:GrandTotalAmount>" in text
    assert "<ram:CategoryCode>E</ram:CategoryCode>" in text and "261-4-4° a du CGI" in text


def test_the_pdf_declares_pdf_a_3(invoice):
    with invoice.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    xmp = reader.xmp_metadata.rdf_root.toxml()
    assert "<pdfaid:part>3</pdfaid:part>" in xmp.replace(" ", "") or 'pdfaid:part="3"' in xmp
    assert "factur-x.xml" in reader.attachments


def test_a_schema_invalid_xml_is_caught_by_the_library():
    with pytest.raises(Exception, match="not valid against the official XML Schema"):
        facturx.xml_check_xsd(
            b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>',
            flavor="factur-x",
            level="en16931",
        )


def test_the_credit_note_is_a_factur_x_381_that_references_its_invoice(invoice):
    note = services.issue_credit_note(invoice=invoice, reason="Annulation", notify=False, now=AFTER)
    xml = embedded_xml(note)

    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931") is True
    text = xml.decode()
    assert "<ram:TypeCode>381</ram:TypeCode>" in text
    assert "<ram:IssuerAssignedID>FA-2030-0001</ram:IssuerAssignedID>" in text
