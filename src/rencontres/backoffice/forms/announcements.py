from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.announcements import reading
from rencontres.core.formatting import format_file_size


class ImportForm(DsfrBaseForm):
    organization = forms.ModelChoiceField(label=_("Organisme"), queryset=None, empty_label=None)
    text = forms.CharField(
        label=_("Texte de l'annonce"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=500_000,
        help_text=_("Collez le texte de l'annonce, ou déposez le fichier ci-dessous."),
    )
    file = forms.FileField(
        label=_("Fichier de l'annonce"),
        required=False,
        help_text=_("PDF, page web (HTML), Markdown ou texte ; 10 Mo au plus."),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and uploaded.size > reading.MAX_BYTES:
            raise forms.ValidationError(
                _(
                    "Ce fichier pèse %(size)s : la limite est de %(limit)s. Déposez une version plus légère ou collez son texte."
                )
                % {"size": format_file_size(uploaded.size), "limit": format_file_size(reading.MAX_BYTES)}
            )
        return uploaded

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip() and not self.errors:
            raise forms.ValidationError(_("Collez le texte de l'annonce ou déposez son fichier."))
        if data.get("file") and (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choisissez : collez le texte ou déposez un fichier, pas les deux."))
        return data
