"""Form fields that refuse, with a French message, what the database could not even compare.

A posted id of 21 digits does not fit in a 64-bit integer: SQLite raises OverflowError on
it before any row is read, which Django's choice fields do not catch (a 500). These fields
check the value is an id first.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1


def _is_id(value) -> bool:
    text = str(value).strip()
    return text.isdigit() and int(text) <= MAX_ID


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _is_id(value):
            raise ValidationError(_("Choisissez une des propositions de la liste."), code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if not isinstance(value, list | tuple) or not all(_is_id(v) for v in value):
            raise ValidationError(_("Choisissez parmi les propositions de la liste."), code="invalid_pk_value")
        return super()._check_values(value)


def bounded_formfield(model_field, **kwargs):
    """A model form's fields, with ids checked before the database sees them (see above)."""
    from django.db import models

    if isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", IdMultipleChoiceField)
    elif isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", IdChoiceField)
    elif isinstance(model_field, models.IntegerField):
        # Validating a model's constraints runs a query with the value: keep it within 32 bits.
        kwargs.setdefault("max_value", 2**31 - 1)
    return model_field.formfield(**kwargs)
