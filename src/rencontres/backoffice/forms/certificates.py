"""Forms of the organiser's certificates page: issue (all, or one person), correct with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm


class IssueForm(DsfrBaseForm):
    registration = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=1,
        max_value=2**62,
        error_messages={
            "invalid": _("Cette inscription n'existe pas."),
            "min_value": _("Cette inscription n'existe pas."),
            "max_value": _("Cette inscription n'existe pas."),
        },
    )


class CorrectionForm(DsfrBaseForm):
    reason = forms.CharField(
        label=_("Motif de la correction"),
        max_length=300,
        help_text=_("Il figure sur la nouvelle version, qui remplace celle-ci."),
        error_messages={"required": _("Indiquez le motif de la correction : il figure sur la nouvelle version.")},
    )
