from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm


class ErasureForm(DsfrBaseForm):
    confirm = forms.BooleanField(
        label=_("Je confirme : effacer mes données et fermer mon compte. Cela ne peut pas être annulé."),
        error_messages={"required": _("Cochez la case pour confirmer l'effacement : rien n'a été effacé.")},
    )
