"""Forms of the organiser's attendance pages: slots, statuses, counter-signature, corrections."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from rencontres.attendance.enums import AttendanceStatus, Half

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class SlotForm(DsfrBaseForm):
    day = forms.ModelChoiceField(label=_("Journée"), queryset=None, empty_label=None)
    half = forms.ChoiceField(label=_("Demi-journée"), choices=Half.choices)
    start_time = forms.TimeField(label=_("Début"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("Fin"), widget=TIME_WIDGET)
    planned_minutes = forms.IntegerField(label=_("Durée prévue (minutes)"), min_value=1, max_value=720)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = event.days.filter(is_month_only=False)


class SlotTimesForm(DsfrBaseForm):
    start_time = forms.TimeField(label=_("Début"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("Fin"), widget=TIME_WIDGET)
    planned_minutes = forms.IntegerField(label=_("Durée prévue (minutes)"), min_value=1, max_value=720)


class MarkForm(DsfrBaseForm):
    registration = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**62)
    status = forms.ChoiceField(label=_("Présence"), choices=AttendanceStatus.choices)
    minutes_missed = forms.IntegerField(
        label=_("Minutes manquées"), min_value=0, max_value=720, required=False, initial=0
    )


class CorrectionForm(MarkForm):
    reason = forms.CharField(label=_("Motif de la correction"), max_length=500)


class SignatureField(forms.CharField):
    """The strokes of the signature pad; the service checks what they draw."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40_000)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class ValidateForm(DsfrBaseForm):
    trainer_name = forms.CharField(label=_("Nom du formateur ou de la formatrice"), max_length=200)
    signature = SignatureField()


class TabletSignatureForm(DsfrBaseForm):
    signature = SignatureField()


class WalkInForm(DsfrBaseForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=100)
    last_name = forms.CharField(label=_("Nom"), max_length=100)
    email = forms.EmailField(label=_("Adresse électronique"), required=False)
    employer_name = forms.CharField(label=_("Employeur"), max_length=200, required=False)


class ScanForm(DsfrBaseForm):
    scan = forms.FileField(label=_("Feuille signée numérisée (PDF, PNG ou JPEG)"))


class OnlineReportForm(DsfrBaseForm):
    report = forms.FileField(
        label=_("Rapport de présence de la visioconférence (CSV)"),
        help_text=_("Export de BigBlueButton, Zoom ou Teams : nom, adresse, arrivée, départ ou durée."),
    )
