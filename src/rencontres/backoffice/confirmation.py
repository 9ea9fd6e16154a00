"""A deletion asks first, with or without JavaScript.

The delete buttons post a form. With JavaScript, htmx asks in a dialog (`hx-confirm`) and
sends `confirme=1` with the request (`hx-vals`); without it, or from a plain form, the first
POST gets a page that says what will go and posts again with `confirme=1`. So no single
click, nor a form sent by a browser without scripts, deletes anything.
"""

from django.http import HttpResponse
from django.shortcuts import render

CONFIRMED_FIELD = "confirme"


def ask_before_deleting(request, *, what: str, consequence: str = "", back_url: str) -> HttpResponse | None:
    """None once the deletion is confirmed; otherwise the page that asks, in the site's layout."""
    if request.POST.get(CONFIRMED_FIELD) == "1":
        return None
    context = {
        "what": what,
        "consequence": consequence,
        "back_url": back_url,
        "action": request.path,
        "confirmed_field": CONFIRMED_FIELD,
    }
    return render(request, "backoffice/confirm_delete.html", context)
