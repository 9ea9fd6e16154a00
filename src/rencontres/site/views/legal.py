"""The legal pages every French public site publishes, filled from the operator's settings."""

from django.conf import settings
from django.shortcuts import render


def _legal_page(request, template: str):
    return render(request, template, {"operator": settings.OPERATOR})


def legal_notice(request):
    return _legal_page(request, "site/legal/legal_notice.html")


def personal_data(request):
    return _legal_page(request, "site/legal/personal_data.html")


def accessibility(request):
    return _legal_page(request, "site/legal/accessibility.html")
