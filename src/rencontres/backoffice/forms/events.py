"""Forms of the organiser's event editor. Each cleans its input; services apply the rules."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.core import formatting
from rencontres.core.forms import bounded_formfield
from rencontres.events import services
from rencontres.events.enums import DocumentKind, PayerKind
from rencontres.events.exceptions import EventRuleError
from rencontres.events.models import Day, Event, Series, Session, Speaker, Theme, Venue
from rencontres.registrations import availability

PLACES_FIELDS = {"capacity_min", "capacity_max"}


class DsfrModelForm(DsfrBaseForm, forms.ModelForm):
    """A ModelForm rendered with the DSFR field templates, its choices of rows checked as ids first."""

    class Meta:
        # Each subclass's Meta derives from this one (class Meta(DsfrModelForm.Meta)).
        formfield_callback = bounded_formfield


class EuroAmountField(forms.Field):
    """Accepts « 850 », « 850,50 », « 1 500 € » and gives integer cents, up to `max_euros`."""

    def __init__(self, *, max_euros: int = 1_000_000, **kwargs):
        self.max_euros = max_euros
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()[:30]
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or abs(amount.adjusted()) > 9:
            # « NaN », « inf » and « 1e309 » are numbers to Decimal, not amounts to anyone.
            raise ValidationError(_("Indiquez un montant en euros, par exemple 850 ou 850,50."))
        if amount < 0:
            raise ValidationError(_("Un montant ne peut pas être négatif."))
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(_("Un montant a au plus deux chiffres après la virgule."))
        if amount > self.max_euros:
            raise ValidationError(
                _("Ce montant est trop élevé (%(max)s au plus).")
                % {"max": formatting.format_euros(self.max_euros * 100)}
            )
        return int(amount * 100)


class EventCreateForm(DsfrBaseForm):
    organization = forms.ModelChoiceField(label=_("Organisme"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Titre"), max_length=250)
    format = forms.ChoiceField(label=_("Format"), choices=Event._meta.get_field("format").choices)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class DuplicateEventForm(DsfrBaseForm):
    """The first date of the next edition: every day of the copy moves by the same number of days."""

    first_date = forms.DateField(
        label=_("Premier jour de la nouvelle édition"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Les autres journées suivent, au même écart que dans l'édition copiée."),
        error_messages={
            "invalid": _("Saisissez une date, par exemple 12/10/2027."),
            "required": _("Choisissez le premier jour."),
        },
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.starts_on:
            # 52 weeks later by default: the same weekday next year.
            self.fields["first_date"].initial = event.starts_on + dt.timedelta(days=364)

    def clean_first_date(self):
        value = self.cleaned_data["first_date"]
        if not dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31):
            raise ValidationError(_("Choisissez une date entre 2000 et 2100."))
        return value

    def shift_days(self) -> int:
        """Days between the copied edition's first day and the new one (52 weeks for an edition without days)."""
        if not self.event.starts_on:
            return 364
        return (self.cleaned_data["first_date"] - self.event.starts_on).days


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(DsfrModelForm):
    # The capacity is the registrations app's (its places row), written by registrations.services.set_capacity.
    capacity_min = forms.IntegerField(label=_("Nombre minimum de participants"), min_value=0, required=False)
    capacity_max = forms.IntegerField(label=_("Nombre maximum de participants"), min_value=1, required=False)

    class Meta(DsfrModelForm.Meta):
        model = Event
        fields = [
            "title",
            "subtitle",
            "format",
            "series",
            "period_label",
            "period_ends_on",
            "description",
            "audience",
            "objectives",
            "prerequisites",
            "partners",
            "themes",
            "department_code",
            "commune",
            "venue",
            "registration_opens_at",
            "registration_closes_at",
            "registration_url",
            "is_invitation_only",
            "is_training_action",
            "capacity_min",
            "capacity_max",
            "total_hours",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "audience": forms.Textarea(attrs={"rows": 2}),
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "prerequisites": forms.Textarea(attrs={"rows": 2}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "themes": forms.CheckboxSelectMultiple,
            "period_ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "registration_opens_at": DATETIME_WIDGET,
            "registration_closes_at": DATETIME_WIDGET,
            # The contact is most often the organiser themself: let the browser fill it in.
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "work email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "work tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.instance.organization
        self.fields["venue"].queryset = Venue.objects.filter(organization=organization)
        self.fields["series"].queryset = Series.objects.filter(organization=organization)
        self.fields["themes"].queryset = Theme.objects.all()
        for name in ["registration_opens_at", "registration_closes_at"]:
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        self.fields["period_ends_on"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["period_ends_on"].error_messages["invalid"] = _("Indiquez une date, par exemple 31/12/2027.")
        places = availability.places_of(self.instance)
        self.fields["capacity_min"].initial = places.capacity_min
        self.fields["capacity_max"].initial = places.capacity_max

    def event_fields(self) -> dict:
        """The cleaned values of the event's own fields (for events.services.update_event)."""
        return {name: value for name, value in self.cleaned_data.items() if name not in PLACES_FIELDS | {"themes"}}

    def clean_department_code(self):
        return self.cleaned_data["department_code"].upper()

    def clean(self):
        data = super().clean()
        low, high = data.get("capacity_min"), data.get("capacity_max")
        if low is not None and high is not None and low > high:
            self.add_error("capacity_min", _("Le minimum ne peut pas dépasser le maximum de places."))
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("La clôture des inscriptions doit suivre leur ouverture."))
        return data


class TrainingActionForm(DsfrModelForm):
    """What a training action's certificates and the BPF need: nature, objective, speciality, assessment."""

    class Meta(DsfrModelForm.Meta):
        model = Event
        fields = services.TRAINING_ACTION_FIELDS
        widgets = {"assessment_method": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bpf_objective"].choices = [("", _("— à préciser —")), *self.fields["bpf_objective"].choices[1:]]
        self.fields["nsf_code"].choices = [("", _("— à préciser —")), *self.fields["nsf_code"].choices[1:]]


class DayForm(DsfrModelForm):
    class Meta(DsfrModelForm.Meta):
        model = Day
        fields = ["date", "title", "is_month_only"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["date"].error_messages["invalid"] = _("Indiquez une date, par exemple 14/03/2030.")


class SessionForm(DsfrModelForm):
    class Meta(DsfrModelForm.Meta):
        model = Session
        fields = [
            "start_time",
            "end_time",
            "title",
            "kind",
            "mode",
            "description",
            "is_open_to_public",
            "public_capacity",
            "venue",
            "online_url",
            "capacity",
            "speakers",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 2}),
            "speakers": forms.CheckboxSelectMultiple,
        }
        # The many-to-many field has no French name of its own (it showed "Speakers").
        labels = {"speakers": _("Intervenants")}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Venue.objects.filter(organization_id=event.organization_id)
        self.fields["speakers"].queryset = Speaker.objects.filter(event=event)
        for name in ["start_time", "end_time"]:
            self.fields[name].error_messages["invalid"] = _("Indiquez une heure, par exemple 09:30.")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("L'heure de fin doit être après l'heure de début."))
        if data.get("public_capacity") and not data.get("is_open_to_public"):
            self.add_error(
                "public_capacity",
                _(
                    "Des places pour le public ne valent que pour une séance ouverte au public : cochez-la ou videz ce champ."
                ),
            )
        return data


class SpeakerForm(DsfrModelForm):
    class Meta(DsfrModelForm.Meta):
        model = Speaker
        fields = ["name", "affiliation", "role", "trainer_status", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 3})}


class VenueForm(DsfrModelForm):
    class Meta(DsfrModelForm.Meta):
        model = Venue
        fields = ["name", "street", "postcode", "city", "transport_access", "accessibility_notes"]
        widgets = {
            "transport_access": forms.Textarea(attrs={"rows": 2}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
        }


class PriceTierForm(DsfrBaseForm):
    label = forms.CharField(label=_("Intitulé"), max_length=120)
    amount = EuroAmountField(label=_("Montant en euros"))
    payer_kind = forms.ChoiceField(label=_("Qui paie"), choices=PayerKind.choices)
    includes = forms.CharField(
        label=_("Ce que le prix comprend"),
        max_length=200,
        required=False,
        help_text=_("Par exemple : déjeuners inclus."),
    )


class DocumentForm(DsfrBaseForm):
    title = forms.CharField(label=_("Titre"), max_length=250)
    kind = forms.ChoiceField(label=_("Nature"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("Fichier"))
    is_public = forms.BooleanField(
        label=_("Public (sinon réservé aux personnes inscrites)"), required=False, initial=True
    )
    day = forms.ModelChoiceField(
        label=_("Journée concernée"), queryset=None, required=False, empty_label=_("Tout l'événement")
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = Day.objects.filter(event=event)

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            services.document_file_kind(uploaded)
        except EventRuleError as error:
            raise ValidationError(error.message) from None
        return uploaded
