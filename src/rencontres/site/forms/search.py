"""The search page's form and the fiche expérience a signed-in person proposes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.core.forms import IdMultipleChoiceField
from rencontres.events.models import Event, Theme, department_validator
from rencontres.experiences import territories
from rencontres.experiences.enums import CarrierKind, Public, Stage
from rencontres.organizations.models import Organization
from rencontres.search.enums import SearchKind


class SearchForm(DsfrBaseForm):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("Tous les types"))] + SearchKind.choices, required=False)
    territoire = forms.CharField(
        label=_("Département"), required=False, max_length=3, validators=[department_validator]
    )
    theme = forms.SlugField(label=_("Thème"), required=False, max_length=80)
    public = forms.ChoiceField(label=_("Public"), choices=[("", "")] + Public.choices, required=False)
    annee = forms.IntegerField(label=_("Année"), required=False, min_value=1900, max_value=2200)
    organisme = forms.SlugField(label=_("Organisme"), required=False, max_length=80)
    page = forms.IntegerField(required=False, min_value=1, max_value=500)

    def clean_territoire(self):
        return self.cleaned_data["territoire"].upper()


class ExperienceForm(DsfrBaseForm):
    title = forms.CharField(label=_("Titre"), max_length=250, error_messages={"required": _("Donnez un titre.")})
    summary = forms.CharField(
        label=_("Résumé"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Résumez l'expérience en quelques lignes.")},
    )
    carrier_name = forms.CharField(
        label=_("Structure porteuse"),
        max_length=250,
        error_messages={"required": _("Indiquez la structure qui porte l'expérience.")},
    )
    carrier_kind = forms.ChoiceField(label=_("Nature de la structure"), choices=CarrierKind.choices)
    department_code = forms.ChoiceField(
        label=_("Département"),
        choices=[("", _("— choisir —"))] + territories.department_choices(),
        error_messages={"required": _("Choisissez le département.")},
    )
    commune_name = forms.CharField(label=_("Commune"), max_length=120, required=False)
    commune_code = forms.CharField(
        label=_("Code INSEE de la commune"), max_length=5, required=False, validators=[territories.commune_validator]
    )
    epci_name = forms.CharField(label=_("Intercommunalité"), max_length=200, required=False)
    epci_code = forms.CharField(
        label=_("SIREN de l'intercommunalité"), max_length=9, required=False, validators=[territories.epci_validator]
    )
    stage = forms.ChoiceField(label=_("Étape"), choices=Stage.choices)
    year = forms.IntegerField(
        label=_("Année de lancement"),
        min_value=1945,
        max_value=2100,
        error_messages={"required": _("Indiquez l'année de lancement."), "invalid": _("Donnez une année : 2023.")},
    )
    themes = IdMultipleChoiceField(
        label=_("Thèmes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    publics = forms.MultipleChoiceField(
        label=_("Publics"), choices=Public.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.CharField(label=_("Partenaires"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    funding = forms.CharField(label=_("Financements"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    results = forms.CharField(label=_("Résultats"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    contacts = forms.CharField(label=_("Contacts"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    documents = forms.CharField(
        label=_("Documents (liens)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Une adresse web par ligne."),
    )
    events = IdMultipleChoiceField(
        label=_("Présentée lors de"), queryset=Event.objects.none(), required=False, widget=forms.SelectMultiple
    )
    organization = forms.ModelChoiceField(
        label=_("Organisme à qui la proposer"),
        queryset=Organization.objects.order_by("name"),
        required=False,
        help_text=_("Sans événement choisi : l'organisme qui relira et publiera la fiche."),
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].queryset = events

    def clean_documents(self):
        lines = [line.strip() for line in self.cleaned_data["documents"].splitlines() if line.strip()]
        wrong = [line for line in lines if not line.startswith(("https://", "http://"))]
        if wrong:
            raise forms.ValidationError(
                _("« %(line)s » n'est pas une adresse web : commencez par https://.") % {"line": wrong[0][:60]}
            )
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("events") and not data.get("organization"):
            raise forms.ValidationError(
                _("Choisissez l'événement où l'expérience a été présentée, ou l'organisme à qui la proposer.")
            )
        return data
