"""Internal links: every page or document that a live page of the agency links to
(rich text, page and document choosers, related links: Wagtail's reference index)
must exist, be live, and not belong to an archived agency."""

from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.core.languages import LANGUAGE_CODES
from cms.tenants.models import Agency

from .result import LINKS, CheckResult, item, percent
from .site import AgencySite


def _language(field_name: str) -> str:
    """The language of a translated field ("body_ru" → "ru"; "" for others)."""
    suffix = field_name.rsplit("_", 1)[-1]
    return suffix if suffix in LANGUAGE_CODES and "_" in field_name else ""


def check_links(site: AgencySite) -> CheckResult:
    document_model = get_document_model()
    page_refs, document_refs = [], []
    for source, to_model, to_id, field in site.references:
        if not to_id.isdigit():
            continue
        if issubclass(to_model, Page):
            page_refs.append((source, int(to_id), field))
        elif issubclass(to_model, document_model):
            document_refs.append((source, int(to_id), field))
    targets = {
        page.pk: page
        for page in Page.objects.filter(pk__in={t for _s, t, _f in page_refs}).only(
            "pk", "path", "depth", "live"
        )
    }
    archived_homes = list(
        Agency.objects.filter(status=Agency.Status.ARCHIVED, home_page__isnull=False).values_list(
            "home_page__path", flat=True
        )
    )
    documents = set(
        document_model.objects.filter(pk__in={t for _s, t, _f in document_refs}).values_list(
            "pk", flat=True
        )
    )
    found = []
    for source, target, field in document_refs:
        if target not in documents:
            found.append((source, target, "missing_document", _language(field)))
    for source, target, field in page_refs:
        page = targets.get(target)
        if page is None:
            code = "missing_page"
        elif any(page.path.startswith(home) for home in archived_homes):
            code = "archived_page"
        elif not page.live:
            code = "unpublished_page"
        else:
            continue
        found.append((source, target, code, _language(field)))
    # modeltranslation keeps the untranslated field ("body") beside "body_kk"...: a
    # link found there and in a language's field is reported once, in that language.
    in_language = {(s, t, c) for s, t, c, lang in found if lang}
    items, bad_pages = [], set()
    for source, target, code, lang in sorted(set(found), key=lambda f: (f[0], f[1], f[3])):
        if not lang and (source, target, code) in in_language:
            continue
        bad_pages.add(source)
        items.append(item(LINKS, code, lang=lang, page=source, target=target))
    good = len(site.pages) - len(bad_pages)
    return CheckResult(score=percent(good, len(site.pages)), items=items)
