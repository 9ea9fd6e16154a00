"""The web form of registering: it shows what the event asks, then hands `services.register` an
`Applicant` and a `Payer` (`service_arguments()`); the rules themselves are the service's."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from dsfr.forms import DsfrBaseForm

from rencontres.core.formatting import format_euros
from rencontres.core.forms import IdChoiceField, IdMultipleChoiceField
from rencontres.events.enums import PayerKind
from rencontres.registrations import availability, selectors
from rencontres.registrations.enums import QuestionKind
from rencontres.registrations.models import Question
from rencontres.registrations.services import Applicant, Payer, registration_problems, settings_of
from rencontres.registrations.uploads import checked_file_type

ACCEPTED_DOCUMENTS = ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
YES_NO = [("oui", gettext_lazy("Oui")), ("non", gettext_lazy("Non"))]


class DocumentField(forms.FileField):
    """A PDF, DOCX or ODT of at most 10 Mo, checked from its content."""

    widget = forms.ClearableFileInput(attrs={"accept": ACCEPTED_DOCUMENTS})

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded:
            uploaded.checked_type = checked_file_type(uploaded)
        return uploaded


class RegistrationForm(DsfrBaseForm):
    # autocomplete tokens let the browser fill in the person's details (WCAG 1.3.5, RGAA 11.13).
    first_name = forms.CharField(
        label=gettext_lazy("Prénom"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=gettext_lazy("Nom"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label=gettext_lazy("Adresse électronique"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("Vous y recevrez la confirmation et le lien vers votre espace. Format : nom@domaine.fr"),
        error_messages={
            "invalid": gettext_lazy("Saisissez une adresse électronique complète, par exemple nom@domaine.fr.")
        },
    )
    job_title = forms.CharField(
        label=gettext_lazy("Fonction"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        help_text=gettext_lazy("Par exemple : assistante sociale, directeur de CCAS."),
    )
    employer_name = forms.CharField(
        label=gettext_lazy("Employeur"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        required=False,
        help_text=gettext_lazy("Obligatoire si votre employeur paie."),
    )
    employer_address = forms.CharField(
        label=gettext_lazy("Adresse de l'employeur"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        required=False,
        help_text=gettext_lazy("Obligatoire si votre employeur paie : elle figure sur le devis."),
    )
    employer_siret = forms.CharField(
        label=gettext_lazy("SIRET de l'employeur"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        required=False,
        help_text=gettext_lazy("14 chiffres, facultatif."),
    )
    price_tier = IdChoiceField(
        label=gettext_lazy("Qui paie l'inscription ?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Choisissez qui paie l'inscription : cela fixe le tarif."),
            "invalid_choice": gettext_lazy("Choisissez l'un des tarifs proposés."),
        },
    )
    payer_name = forms.CharField(
        label=gettext_lazy("Nom de l'OPCO"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Si un OPCO finance la formation."),
    )
    payer_contact_email = forms.EmailField(
        label=gettext_lazy("Adresse du contact chez le financeur"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=gettext_lazy(
            "Obligatoire si l'employeur ou un OPCO paie : cette personne reçoit un accusé de réception."
        ),
        error_messages={
            "invalid": gettext_lazy("Saisissez une adresse électronique complète, par exemple rh@structure.fr.")
        },
    )
    sessions = IdMultipleChoiceField(
        label=gettext_lazy("Séances à places limitées auxquelles vous souhaitez participer"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, event, invited_email: str = "", **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        if invited_email:
            # Opened from an invitation email: the invited address, which the invitation check accepts.
            self.fields["email"].initial = invited_email
            self.initial["email"] = invited_email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("L'adresse à laquelle vous avez reçu l'invitation.")
        tiers = list(event.price_tiers.all())
        # A free event asks nobody who pays, and mentions no quote or agreement (issue 11).
        self.is_free = not any(tier.amount_cents for tier in tiers)
        self.only_free_tier = tiers[0] if self.is_free and len(tiers) == 1 else None
        if self.is_free:
            del self.fields["employer_address"], self.fields["employer_siret"]
            self.fields["employer_name"].help_text = _("Facultatif : la structure où vous travaillez.")
        if tiers and self.only_free_tier is None:
            self.fields["price_tier"].queryset = event.price_tiers.all()
            self.fields["price_tier"].label_from_instance = lambda t: f"{t.label} — {format_euros(t.amount_cents)}"
            if self.is_free:
                self.fields["price_tier"].label = _("Votre tarif")
                self.fields["price_tier"].error_messages["required"] = _("Choisissez votre tarif.")
        else:
            del self.fields["price_tier"]
        if not any(t.payer_kind == PayerKind.OPCO for t in tiers):
            del self.fields["payer_name"]
        if not any(t.payer_kind in {PayerKind.EMPLOYER, PayerKind.OPCO} for t in tiers):
            del self.fields["payer_contact_email"]
        self.optional_sessions = selectors.optional_sessions(event)
        if self.optional_sessions:
            left = availability.session_places_left(self.optional_sessions)
            self.fields["sessions"].queryset = event.sessions.filter(id__in=[s.id for s in self.optional_sessions])
            self.fields["sessions"].label_from_instance = lambda s: (
                f"{s.title} — " + (_("complet") if left[s.id] == 0 else _("%(n)s places restantes") % {"n": left[s.id]})
            )
        else:
            del self.fields["sessions"]
        self.questions = list(Question.objects.filter(event=event))
        for question in self.questions:
            self.fields[f"question_{question.id}"] = self._question_field(question)
        reg_settings = settings_of(event)
        self.application_labels = reg_settings.application_file_labels
        self.requires_approval = reg_settings.requires_application
        for i, label in enumerate(self.application_labels):
            self.fields[f"application_{i}"] = DocumentField(
                label=label,
                help_text=_("PDF, DOCX ou ODT, 10 Mo au plus."),
                error_messages={"required": _("Joignez la pièce « %(label)s » (PDF, DOCX ou ODT).") % {"label": label}},
            )

    @staticmethod
    def _question_field(question: Question) -> forms.Field:
        required = question.is_required
        missing = {"required": _("Répondez à la question « %(label)s ».") % {"label": question.label}}
        if question.kind == QuestionKind.CHOICE:
            return forms.ChoiceField(
                label=question.label,
                required=required,
                widget=forms.RadioSelect,
                choices=[(c, c) for c in question.choice_list],
                error_messages=missing,
            )
        if question.kind == QuestionKind.YES_NO:
            return forms.ChoiceField(
                label=question.label,
                required=required,
                widget=forms.RadioSelect,
                choices=YES_NO,
                error_messages=missing,
            )
        if question.kind == QuestionKind.FILE:
            return DocumentField(
                label=question.label,
                required=required,
                help_text=_("PDF, DOCX ou ODT, 10 Mo au plus."),
                error_messages=missing,
            )
        return forms.CharField(
            label=question.label,
            required=required,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages=missing,
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        if self.only_free_tier is not None:
            data["price_tier"] = self.only_free_tier
        # The service's own rules (payer, SIRET), shown here with the other fields' errors at once.
        for field, message in registration_problems(applicant=self._applicant(data), payer=self._payer(data)):
            if field in self.fields:
                self.add_error(field, message)
        return data

    @staticmethod
    def _applicant(data) -> Applicant:
        return Applicant(
            email=data.get("email") or "",
            first_name=data.get("first_name") or "",
            last_name=data.get("last_name") or "",
            job_title=data.get("job_title") or "",
            employer_name=data.get("employer_name") or "",
            employer_address=data.get("employer_address") or "",
            employer_siret=data.get("employer_siret") or "",
        )

    @staticmethod
    def _payer(data) -> Payer:
        return Payer(
            price_tier=data.get("price_tier"),
            name=data.get("payer_name") or "",
            contact_email=data.get("payer_contact_email") or "",
        )

    def service_arguments(self) -> dict:
        """The keyword arguments of `services.register` (without `event`)."""
        data = self.cleaned_data
        answers = {}
        for question in self.questions:
            value = data.get(f"question_{question.id}")
            if value not in (None, ""):
                answers[question] = value
        return {
            "applicant": self._applicant(data),
            "payer": self._payer(data),
            "sessions": list(data.get("sessions") or []),
            "answers": answers,
            "application_files": [(label, data[f"application_{i}"]) for i, label in enumerate(self.application_labels)],
        }
