from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.events.enums import EventFormat
from rencontres.events.models import Theme, department_validator

WHEN_CHOICES = [("", _("À venir et passés")), ("a-venir", _("À venir")), ("passes", _("Passés"))]


class CatalogueFilterForm(DsfrBaseForm):
    """The catalogue's filters; invalid values are reported, never crash the page."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    quand = forms.ChoiceField(label=_("Quand"), choices=WHEN_CHOICES, required=False)
    departement = forms.CharField(
        label=_("Département"),
        required=False,
        max_length=3,
        validators=[department_validator],
        help_text=_("Code du département, par exemple 93 ou 2A."),
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("Tous les formats"))] + EventFormat.choices, required=False
    )
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    en_ligne = forms.BooleanField(label=_("Avec des séances en ligne"), required=False)
    gratuit = forms.BooleanField(label=_("Gratuit"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Tous les thèmes"))] + list(Theme.objects.values_list("slug", "name"))

    def clean_departement(self):
        return self.cleaned_data["departement"].upper()
