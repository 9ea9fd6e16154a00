from django import template

from rencontres.core import formatting

register = template.Library()

register.filter("euros", formatting.format_euros)
register.filter("file_size", formatting.format_file_size)
register.filter("heure", formatting.format_time)


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
    return formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months)
