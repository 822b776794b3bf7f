"""Queryset filters that keep a user inside the agencies they belong to.

Platform admins are never filtered. Everything else is filtered through
`cms.tenants.scoping.agencies_for_user`.
"""

from django.db.models import Q
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


def _home_paths(user) -> tuple[list[str], list[str]]:
    """(paths of the user's agency homes, paths of every other agency's home)."""
    def compute():
        own, other = [], []
        mine = agency_ids_for_user(user)
        for agency_id, path in Agency.objects.filter(home_page__isnull=False).values_list(
            "pk", "home_page__path"
        ):
            (own if agency_id in mine else other).append(path)
        return own, other

    return _cached(user, "home_paths", compute)


def foreign_pages_q(user) -> Q | None:
    """A Q matching the pages in the subtrees of agencies the user does not belong to."""
    _own, other = _home_paths(user)
    if not other:
        return None
    q = Q()
    for path in other:
        q |= Q(path__startswith=path)
    return q


def scope_pages(queryset, user):
    """Drop the pages of other agencies (portal pages above the agencies stay)."""
    if is_unrestricted(user):
        return queryset
    q = foreign_pages_q(user)
    return queryset if q is None else queryset.exclude(q)


def page_is_visible(page, user) -> bool:
    if is_unrestricted(user):
        return True
    if page.depth < AGENCY_HOME_DEPTH:
        return True
    _own, other = _home_paths(user)
    return not any(page.path.startswith(path) for path in other)


def page_is_in_own_agency(page, user) -> bool:
    if is_unrestricted(user):
        return True
    own, _other = _home_paths(user)
    return any(page.path.startswith(path) for path in own)


def collection_ids_for_user(user) -> set[int]:
    """The collections of the user's agencies and their descendants."""
    def compute():
        roots = Collection.objects.filter(
            pk__in=Agency.objects.filter(pk__in=agency_ids_for_user(user)).values("collection_id")
        )
        ids = set()
        for root in roots:
            ids.update(root.get_descendants(inclusive=True).values_list("pk", flat=True))
        return ids

    return _cached(user, "collection_ids", compute)


def foreign_collection_ids(user) -> set[int]:
    """Collections belonging to agencies the user is not in (with descendants)."""
    def compute():
        mine = agency_ids_for_user(user)
        ids = set()
        for collection in Collection.objects.filter(
            pk__in=Agency.objects.exclude(pk__in=mine).values("collection_id")
        ):
            ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
        return ids

    return _cached(user, "foreign_collection_ids", compute)


def scope_collection_objects(queryset, user, field="collection"):
    """Images, documents (or collections with field='pk') outside other agencies."""
    if is_unrestricted(user):
        return queryset
    foreign = foreign_collection_ids(user)
    return queryset.exclude(**{f"{field}__in": foreign}) if foreign else queryset


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
        return obj.pk not in foreign_collection_ids(user)
    if hasattr(obj, "agency_id"):
        return obj.agency_id in agency_ids_for_user(user)
    collection_id = getattr(obj, "collection_id", None)
    if collection_id is not None:
        return collection_id not in foreign_collection_ids(user)
    return True
