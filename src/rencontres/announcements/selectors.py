from .models import AnnouncementImport


def doubts_to_review(event) -> dict:
    """Doubts of the import that made this draft, by editor section, until the organiser has checked them."""
    found = AnnouncementImport.objects.filter(event=event, reviewed_at__isnull=True).first()
    if found is None:
        return {}
    return {"import": found, "by_section": found.doubts_by_section()}
