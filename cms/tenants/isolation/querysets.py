"""Queryset filters that keep a user inside the agencies they belong to.

Platform admins are never filtered. Everything else is filtered through
`cms.tenants.scoping.agencies_for_user`.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Collection, Page

from ..models import Agency
from ..scoping import AGENCY_HOME_DEPTH, agencies_for_user, is_platform_admin


def _cached(user, name, compute):
    """Cache a per-user value on the user object (which lives for one request)."""
    cache = user.__dict__.setdefault("_agency_isolation_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def is_unrestricted(user) -> bool:
    return _cached(user, "platform_admin", lambda: is_platform_admin(user))


def agency_ids_for_user(user) -> set[int]:
    return _cached(
        user, "agency_ids", lambda: set(agencies_for_user(user).values_list("pk", flat=True))
    )


HOME_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen


def _own_home_paths(user) -> list[str]:
    """Paths of the home pages of the user's own agencies (usually one)."""
    return _cached(
        user,
        "own_home_paths",
        lambda: list(
            Agency.objects.filter(
                pk__in=agency_ids_for_user(user), home_page__isnull=False
            ).values_list("home_page__path", flat=True)
        ),
    )


def _foreign_agencies(user):
    return Agency.objects.exclude(pk__in=agency_ids_for_user(user))


def _portal_section_paths() -> list[str]:
    """Paths of the pages at an agency home's depth that are no agency's home: the
    portal's own sections (a handful, whatever the number of agencies)."""
    # An index range over that depth (tenants migration 0006) and a key lookup per
    # page: not a list of every agency's home path per request.
    return list(
        Page.objects.filter(depth=AGENCY_HOME_DEPTH)
        .exclude(Exists(Agency.objects.filter(home_page=OuterRef("pk"))))
        .values_list("path", flat=True)
    )


def visible_pages_q(user) -> Q:
    """A Q matching the pages a (restricted) user may see: the portal's pages above the
    agencies, the subtrees of the user's own agencies and of the portal's own sections.

    Path ranges only (`path__startswith`, `depth`), a clause per own agency and per
    portal section, never one per other agency; and only lookups Wagtail's search
    backends accept, so the page chooser's and the explorer's searches take it too.
    Equivalent to "not in another agency's subtree": every page at or below an agency
    home's depth lies under exactly one page of that depth.
    """

    def compute():
        q = Q(depth__lt=AGENCY_HOME_DEPTH)
        for path in (*_own_home_paths(user), *_portal_section_paths()):
            q |= Q(path__startswith=path)
        return q

    return _cached(user, "visible_pages_q", compute)


def scope_pages(queryset, user):
    """Drop the pages of other agencies (portal pages above the agencies stay)."""
    if is_unrestricted(user):
        return queryset
    return queryset.filter(visible_pages_q(user))


def _is_agency_home_path(user, path: str) -> bool:
    return _cached(
        user,
        f"agency_home:{path}",
        lambda: Agency.objects.filter(home_page__path=path).exists(),
    )


def page_is_visible(page, user) -> bool:
    if is_unrestricted(user):
        return True
    if page.depth < AGENCY_HOME_DEPTH:
        return True
    home_path = page.path[:HOME_PATH_LENGTH]
    return home_path in _own_home_paths(user) or not _is_agency_home_path(user, home_path)


def page_is_in_own_agency(page, user) -> bool:
    if is_unrestricted(user):
        return True
    return any(page.path.startswith(path) for path in _own_home_paths(user))


def collection_ids_for_user(user) -> set[int]:
    """The collections of the user's agencies and their descendants."""

    def compute():
        roots = Collection.objects.filter(
            pk__in=Agency.objects.filter(pk__in=agency_ids_for_user(user)).values("collection_id")
        ).values_list("path", flat=True)
        under_roots = Q()
        for path in roots:
            under_roots |= Q(path__startswith=path)
        if not under_roots:
            return set()
        return set(Collection.objects.filter(under_roots).values_list("pk", flat=True))

    return _cached(user, "collection_ids", compute)


def _agency_collection_depths() -> list[int]:
    """The depths at which agencies' collections sit: provisioning puts them under the
    root (one depth); a collection moved elsewhere adds its depth, not a clause per agency."""
    depths = (
        Agency.objects.filter(collection__isnull=False)
        .order_by()  # Agency's default ordering would defeat DISTINCT (one row per agency)
        .values_list("collection__depth", flat=True)
        .distinct()
    )
    return sorted({depth for depth in depths if depth})


def foreign_collections_q(user) -> Q | None:
    """A Q matching the collections that belong to agencies the user is not in, with
    their descendants: one correlated subquery per depth of agency collections
    (normally one), whatever the number of agencies."""
    q = Q()
    for depth in _agency_collection_depths():
        q |= Q(
            Exists(
                _foreign_agencies(user).filter(
                    collection__depth=depth,
                    collection__path=Substr(OuterRef("path"), 1, depth * Collection.steplen),
                )
            )
        )
    return q or None


def visible_collection_ids(user) -> set[int]:
    """The collections a (restricted) user may see: their agencies' collections and the
    collections of no agency (the root, shared ones), with descendants. One query; the
    set grows with the user's own collections, not with the number of agencies."""

    def compute():
        collections = Collection.objects.all()
        foreign = foreign_collections_q(user)
        if foreign is not None:
            collections = collections.exclude(foreign)
        return set(collections.values_list("pk", flat=True))

    return _cached(user, "visible_collection_ids", compute)


def collection_is_foreign(user, collection_id) -> bool:
    return collection_id not in visible_collection_ids(user)


def scope_collection_objects(queryset, user, field="collection"):
    """Images, documents (or collections with field='pk') outside other agencies.

    A filter on ids (not a subquery): the image and document choosers hand the
    queryset to Wagtail's search backend, which accepts only plain lookups."""
    if is_unrestricted(user):
        return queryset
    return queryset.filter(**{f"{field}__in": visible_collection_ids(user)})


def scope_by_agency(queryset, user, field="agency"):
    if is_unrestricted(user):
        return queryset
    return queryset.filter(**{f"{field}__in": agency_ids_for_user(user)})


def object_is_visible(obj, user) -> bool:
    """Whether `obj` (a page, image, document, collection or agency-owned object) is
    visible to `user`."""
    if obj is None or is_unrestricted(user):
        return True
    if isinstance(obj, Page):
        return page_is_visible(obj, user)
    if isinstance(obj, Collection):
        return not collection_is_foreign(user, obj.pk)
    if hasattr(obj, "agency_id"):
        return obj.agency_id in agency_ids_for_user(user)
    collection_id = getattr(obj, "collection_id", None)
    if collection_id is not None:
        return not collection_is_foreign(user, collection_id)
    return True
