"""The live pages that use an image or a document (Wagtail's ReferenceIndex records
every use: StreamField blocks, rich text links, foreign keys such as a legal act's
files). Read by cms.tenants.media and by the isolation hooks."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


def live_pages_using(obj):
    """Live pages that use `obj`. An archived agency's pages count too: archiving
    unpublishes all of them but the legal acts, which the law keeps reachable (they
    answer, marked as a former body's), so their files must keep answering as well."""
    refs = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = [int(pk) for pk in refs.values_list("object_id", flat=True).distinct() if pk.isdigit()]
    return Page.objects.live().filter(pk__in=ids)
