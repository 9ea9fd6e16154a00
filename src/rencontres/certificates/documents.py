"""The certificates as PDF (typst), from their frozen snapshot: one template for the three kinds.

The certificat de réalisation follows the Ministry of Labour's model (« Certificat de
réalisation des actions de formation, de bilan de compétences, de VAE et de formation par
apprentissage », published by the DGEFP in 2020 and required by the OPCOs): the body's
identity, « je soussigné(e)… représentant légal du dispensateur de l'action concourant au
développement des compétences… atteste que » the trainee, the employer, « a suivi l'action »
with its title, the four boxes of its nature, « qui s'est déroulée du … au … », the duration
actually done, the commitment to keep the evidence for three years from the end of the year
of the last payment, place and date, the stamp and signature of the person responsible.
The attestation de fin de formation carries what Code du travail L6353-1 asks: objectives,
nature, duration and results of the assessment.
"""

import base64
import json
from pathlib import Path

import typst

from rencontres.core import qr

TEMPLATE = Path(__file__).with_name("typst") / "certificate.typ"
# One fixed QR mask for every certificate (see core.qr.qr_svg): 2 ms a code instead of 23.
QR_MASK = 0


def image_as_svg(content: bytes, *, width: int, height: int) -> str:
    """A PNG or JPEG wrapped in an SVG document, so that Typst draws it from memory (no file on disk)."""
    if not content:
        return ""
    mime = "image/png" if content.startswith(b"\x89PNG") else "image/jpeg"
    encoded = base64.b64encode(content).decode()
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
        f"width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"
        f"<image width='{width}' height='{height}' preserveAspectRatio='xMidYMid meet' "
        f"xlink:href='data:{mime};base64,{encoded}'/></svg>"
    )


class Renderer:
    """One Typst compiler for a batch of certificates: it keeps its fonts between documents (twice as fast)."""

    def __init__(self, *, signature_svg: str = "", logo_svg: str = ""):
        self.compiler = typst.Compiler()
        self.template = TEMPLATE.read_bytes()
        self.images = {"signature": signature_svg, "logo": logo_svg}

    def render(self, snapshot: dict) -> bytes:
        data = {
            **snapshot,
            **self.images,
            "qr": qr.qr_svg(snapshot["verification_url"], title=snapshot["code"], mask=QR_MASK),
        }
        return self.compiler.compile(input=self.template, format="pdf", sys_inputs={"data": json.dumps(data)})
