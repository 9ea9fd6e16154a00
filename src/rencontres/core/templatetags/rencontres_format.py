import functools

from django import template

from rencontres.core import formatting
from rencontres.core.markdown import render_markdown

register = template.Library()

register.filter("euros", formatting.format_euros)
register.filter("file_size", formatting.format_file_size)
register.filter("heure", formatting.format_time)
# Every organiser-written text shown on a page goes through this one filter (see core/markdown.py).
register.filter("markdown", render_markdown)


@register.simple_tag
def time_range(start, end) -> str:
    return formatting.format_time_range(start, end)


@register.filter
def day_label(day) -> str:
    return formatting.format_day(day.date, month_only=day.is_month_only)


@register.simple_tag
def date_range(start, end) -> str:
    return formatting.format_date_range(start, end)


@register.simple_tag
def event_dates(event) -> str:
    """Its dates; for an event announced before its dates are known, the period it is announced for."""
    if event.starts_on is None and event.period_label:
        return formatting.format_announced_period(event.period_label, is_over=event.announced_period_is_over)
    return formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months)


@register.filter
def choice_label(instance, field_name: str):
    """`{{ session|choice_label:"kind" }}` shows what `session.get_kind_display` shows, for less.

    Django's get_FOO_display rebuilds the choices dict at each call, translating every label
    to hash it: on the event page, with a dozen calls, that was a fifth of the rendering.
    """
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    return _choice_labels(field).get(value, value)


@functools.cache
def _choice_labels(field) -> dict:
    """Value → label, built once per field; the labels stay lazy, translated when shown."""
    return dict(field.flatchoices)


@register.simple_tag
def site_title() -> str:
    """The instance's name, for templates rendered without the site's context (third-party emails)."""
    from django.conf import settings

    return settings.SITE_TITLE


@register.simple_tag
def site_url() -> str:
    """The address of the site as people reach it (RENCONTRES_SITE_URL)."""
    from django.conf import settings

    return settings.SITE_URL.rstrip("/") + "/"
