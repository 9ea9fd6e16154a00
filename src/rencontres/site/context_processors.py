import functools

from django.conf import settings

from rencontres.organizations import access


def site(request):
    user = getattr(request, "user", None)
    return {
        "SITE_TITLE": settings.SITE_TITLE,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_BRAND": settings.SITE_BRAND,
        "SITE_LOGO_URL": settings.SITE_LOGO_URL,
        # Called by the template only when a signed-in header is drawn, once at most.
        "user_is_organiser": functools.cache(lambda: user is not None and access.is_organiser(user)),
    }
