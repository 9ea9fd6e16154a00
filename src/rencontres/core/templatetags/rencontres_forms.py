"""One error summary and one "Erreur :" title for every form page (RGAA 11.10, DSFR guidance).

The base template asks here which bound forms of the page's context were refused, so no
page copies the summary and none forgets it.
"""

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class SummaryItem:
    message: str
    label: str = ""
    target: str = ""  # the id of the field's first control; empty for errors of the whole form


def refused_forms(context) -> list[forms.BaseForm]:
    """The bound forms (and forms of formsets) of the context that carry errors, each once."""
    found: list[forms.BaseForm] = []
    for value in context.flatten().values():
        candidates = []
        if isinstance(value, forms.BaseForm):
            candidates = [value]
        elif isinstance(value, forms.BaseFormSet) and value.is_bound:
            candidates = [value, *value.forms]
        for candidate in candidates:
            if candidate.is_bound and candidate.errors and all(candidate is not f for f in found):
                found.append(candidate)
    return found


def _target(bound_field) -> str:
    """Where a link to the field lands: its control, or the first option of a radio or checkbox list."""
    return bound_field.id_for_label or (f"{bound_field.auto_id}_0" if bound_field.auto_id else "")


def summary_items(form) -> list[SummaryItem]:
    if isinstance(form, forms.BaseFormSet):
        return [SummaryItem(message=str(error)) for error in form.non_form_errors()]
    items = [SummaryItem(message=str(error)) for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound_field = form[name]
        target = "" if bound_field.is_hidden else _target(bound_field)
        items += [
            SummaryItem(message=str(error), label=str(bound_field.label or ""), target=target) for error in errors
        ]
    return items


@register.simple_tag(takes_context=True)
def form_error_summary(context) -> list[SummaryItem]:
    """Every error of the page's refused forms, in the order the fields come."""
    return [item for form in refused_forms(context) for item in summary_items(form)]


@register.simple_tag
def error_summary_of(form) -> list[SummaryItem]:
    """The same for one form, where a page replaces core/base.html's content block (allauth's pages)."""
    return summary_items(form) if form is not None and form.is_bound and form.errors else []
