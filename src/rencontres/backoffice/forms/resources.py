"""The organiser's forms for an event's resources and its proceedings."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.core.forms import IdChoiceField, IdMultipleChoiceField
from rencontres.events.models import Day, Session
from rencontres.resources import proceedings as proceedings_content
from rencontres.resources.enums import Language, ResourceKind, ResourceVisibility


class ResourceForm(DsfrBaseForm):
    kind = forms.ChoiceField(label=_("Type"), choices=ResourceKind.choices)
    title = forms.CharField(
        label=_("Titre"), max_length=250, error_messages={"required": _("Donnez un titre à la ressource.")}
    )
    file = forms.FileField(
        label=_("Fichier"),
        required=False,
        help_text=_("PDF, bureautique ou texte, 20 Mo au plus."),
        error_messages={"empty": _("Le fichier envoyé est vide : choisissez le bon fichier.")},
    )
    url = forms.URLField(
        label=_("ou lien"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Pour un enregistrement : l'adresse de la vidéo ou du son."),
        error_messages={"invalid": _("Saisissez une adresse web complète, commençant par https://.")},
    )
    day = IdChoiceField(label=_("Journée"), queryset=Day.objects.none(), required=False, empty_label=_("— aucune —"))
    session = IdChoiceField(
        label=_("Séance"), queryset=Session.objects.none(), required=False, empty_label=_("— aucune —")
    )
    language = forms.ChoiceField(label=_("Langue"), choices=Language.choices, initial=Language.FRENCH)
    visibility = forms.ChoiceField(
        label=_("Visibilité"), choices=ResourceVisibility.choices, initial=ResourceVisibility.PUBLIC
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = Day.objects.filter(event=event)
        self.fields["session"].queryset = Session.objects.filter(event=event).select_related("day")

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(_("Joignez un fichier ou indiquez un lien, l'un des deux."))
        return data


class ProceedingsForm(DsfrBaseForm):
    title = forms.CharField(
        label=_("Titre des actes"), max_length=250, error_messages={"required": _("Donnez un titre aux actes.")}
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mise en forme Markdown : une ligne vide entre les paragraphes, « - » pour une liste."),
    )
    include_programme = forms.BooleanField(label=_("Reprendre le programme"), required=False, initial=True)
    include_speakers = forms.BooleanField(label=_("Reprendre les intervenants"), required=False, initial=True)
    workshops = IdMultipleChoiceField(
        label=_("Restitutions d'ateliers"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    resources = IdMultipleChoiceField(
        label=_("Ressources reprises"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        from rencontres.workshops.models import Workshop

        ids = [w.id for w in proceedings_content.eligible_workshops(event)]
        self.fields["workshops"].queryset = Workshop.objects.filter(id__in=ids).select_related("session")
        self.fields["workshops"].label_from_instance = lambda w: w.title
        self.fields["resources"].queryset = proceedings_content.eligible_resources(event)
