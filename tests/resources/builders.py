"""Files a speaker or an organiser uploads: real PDFs (typst) and office documents with text."""

import io
import zipfile

import typst
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.events import services as event_services


def pdf_upload(text: str = "Le développement social local", name: str = "support.pdf") -> SimpleUploadedFile:
    source = f'#set text(lang: "fr")\n= Intervention\n{text}\n'
    return SimpleUploadedFile(name, typst.compile(source.encode()), content_type="application/pdf")


def pptx_upload(slides=("Accès aux droits", "Médico-social"), name: str = "support.pptx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
        for i, text in enumerate(slides, start=1):
            archive.writestr(f"ppt/slides/slide{i}.xml", f"<p:sld><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>")
    return SimpleUploadedFile(name, buffer.getvalue())


def docx_upload(paragraphs=("Premier paragraphe", "L&apos;accueil inconditionnel"), name="texte.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    return SimpleUploadedFile(name, buffer.getvalue())


def add_speaker_to_session(event, name="Claire Dupont"):
    session = event.sessions.first()
    speaker = event_services.add_speaker(event=event, name=name)
    event_services.set_session_speakers(session=session, speakers=[speaker])
    return speaker, session
