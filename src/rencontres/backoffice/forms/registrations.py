"""Forms of registrations. `RegistrationForm` holds the web form's rules and is meant to be reused
by the API: build it with the event and the posted data, then pass `service_arguments()` to
`services.register`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from dsfr.forms import DsfrBaseForm

from rencontres.events.enums import PayerKind
from rencontres.registrations.enums import OpcoScheme, PayerCategory, QuestionKind, RegistrationState, TraineeType
from rencontres.registrations.models import EventRegistrationSettings, Question


class ManageFilterForm(DsfrBaseForm):
    etat = forms.ChoiceField(
        label=gettext_lazy("État"),
        required=False,
        choices=[("", gettext_lazy("Tous"))] + list(RegistrationState.choices),
    )
    payeur = forms.ChoiceField(
        label=gettext_lazy("Qui paie"), required=False, choices=[("", gettext_lazy("Tous"))] + list(PayerKind.choices)
    )
    sans_engagement = forms.BooleanField(label=gettext_lazy("Engagement écrit manquant"), required=False)
    q = forms.CharField(label=gettext_lazy("Nom, adresse ou employeur"), required=False, max_length=100)


class CommitmentForm(DsfrBaseForm):
    received_on = forms.DateField(
        label=gettext_lazy("Reçu le"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("Indiquez la date de réception de l'engagement écrit."),
            "invalid": gettext_lazy("Saisissez une date valide, par exemple 14/03/2030."),
        },
    )


TO_BE_SPECIFIED = gettext_lazy("— à préciser —")


class TrainingProfileForm(DsfrBaseForm):
    """Who the trainee is and who pays, for the papers and the BPF; the service checks the OPCO's scheme."""

    trainee_type = forms.ChoiceField(
        label=gettext_lazy("Type de stagiaire"), required=False, choices=[("", TO_BE_SPECIFIED), *TraineeType.choices]
    )
    payer_category = forms.ChoiceField(
        label=gettext_lazy("Catégorie du financeur"),
        required=False,
        choices=[("", TO_BE_SPECIFIED), *PayerCategory.choices],
    )
    opco_scheme = forms.ChoiceField(
        label=gettext_lazy("Dispositif de l'OPCO"),
        required=False,
        choices=[("", gettext_lazy("— sans objet —")), *OpcoScheme.choices],
        help_text=gettext_lazy("Seulement lorsqu'un OPCO finance la formation."),
    )


class MessageForm(DsfrBaseForm):
    subject = forms.CharField(
        label=gettext_lazy("Objet"),
        max_length=150,
        error_messages={"required": gettext_lazy("Indiquez l'objet du message.")},
    )
    body = forms.CharField(
        label=gettext_lazy("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": gettext_lazy("Écrivez le message à envoyer.")},
    )
    states = forms.MultipleChoiceField(
        label=gettext_lazy("Destinataires"),
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (s.value, s.label)
            for s in (
                RegistrationState.CONFIRMED,
                RegistrationState.OFFERED,
                RegistrationState.WAITING,
                RegistrationState.PENDING,
            )
        ],
        initial=[RegistrationState.CONFIRMED],
        error_messages={"required": gettext_lazy("Choisissez au moins un groupe de destinataires.")},
    )


class RegistrationSettingsForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = EventRegistrationSettings
        fields = ["requires_application", "application_files", "offer_hours", "minimum_decision_on"]
        widgets = {
            "minimum_decision_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "application_files": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "minimum_decision_on": {"invalid": gettext_lazy("Saisissez une date valide, par exemple 14/03/2030.")}
        }

    def clean_application_files(self):
        """Each piece becomes a file field of the registration form and a label of 150 characters at most."""
        text = self.cleaned_data["application_files"]
        pieces = [line.strip() for line in text.splitlines() if line.strip()]
        if len(pieces) > 10:
            raise ValidationError(_("Demandez au plus 10 pièces : regroupez-en certaines."))
        if any(len(piece) > 150 for piece in pieces):
            raise ValidationError(_("Chaque pièce tient en 150 caractères au plus : raccourcissez son nom."))
        return "\n".join(pieces)

    def clean_offer_hours(self):
        hours = self.cleaned_data["offer_hours"]
        if hours < 1 or hours > 24 * 30:
            raise ValidationError(_("Indiquez un délai entre 1 heure et 720 heures (30 jours)."))
        return hours


class QuestionForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["label", "kind", "choices", "is_required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"label": {"required": gettext_lazy("Écrivez la question.")}}

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == QuestionKind.CHOICE
            and len([c for c in (data.get("choices") or "").splitlines() if c.strip()]) < 2
        ):
            self.add_error("choices", _("Donnez au moins deux choix, un par ligne."))
        return data


class InvitationForm(DsfrBaseForm):
    emails = forms.CharField(
        label=gettext_lazy("Adresses invitées"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Une adresse par ligne (ou séparées par des virgules)."),
        error_messages={"required": gettext_lazy("Saisissez au moins une adresse.")},
    )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n").split()
        addresses, bad = [], []
        field = forms.EmailField()
        for item in raw:
            try:
                addresses.append(field.clean(item).lower())
            except ValidationError:
                bad.append(item)
        if bad:
            raise ValidationError(
                _("Ces adresses ne sont pas valides, corrigez-les : %(list)s.") % {"list": ", ".join(bad)}
            )
        return sorted(set(addresses))


class DecisionForm(DsfrBaseForm):
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        widget=forms.RadioSelect,
        choices=[
            ("maintenir", gettext_lazy("Maintenir l'événement")),
            ("annuler", gettext_lazy("Annuler l'événement")),
        ],
        error_messages={"required": gettext_lazy("Choisissez de maintenir ou d'annuler l'événement.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Message aux inscrits (en cas d'annulation)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
