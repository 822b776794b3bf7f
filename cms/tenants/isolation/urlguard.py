"""One guard for every admin URL that names a page, a workflow or a task.

Wagtail's page views check the user's permissions on the page they change, but many
views that only *show* something take a page id and render its title, its workflow
or its revisions before any permission check (the page chooser's child listing, the
move confirmation, the workflow-cancellation confirmation, modeltranslation's copy
view...), and a new view tomorrow may do the same. The admin URL fuzz test
(tests/test_admin_fuzz.py) found them by filling every admin URL with another
agency's ids. Rather than patch each view, `AdminObjectGuardMiddleware` reads the
resolved URL's arguments before the view runs:

* an argument that names a page (`page_id`, `parent_page_id`, `page_to_move_id`,
  `destination_id`, `page_pk`, and `pk` under the page namespaces) must be a page
  the user may see (its own agency's subtree or the portal pages above the
  agencies); another agency's page answers 404, as if it did not exist;
* the workflow and task screens (`wagtailadmin_workflows:*`, where workflows and
  tasks are configured and chosen) are for platform admins and users given the
  workflow permissions: others get 403 there instead of another agency's names.

Platform admins are never filtered.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page

from ..no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF
from .querysets import is_unrestricted, page_is_visible

ADMIN_PREFIX = "/admin/"
PAGE_KWARGS = frozenset(
    {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
)
PAGE_NAMESPACES = ("wagtailadmin_pages", "wagtailadmin_api:pages")
WORKFLOW_NAMESPACE = "wagtailadmin_workflows"
WORKFLOW_PERMISSIONS = ("wagtailcore.add_workflow", "wagtailcore.change_workflow")


def _names_a_page_model(kwargs) -> bool:
    """`<app_label>/<model_name>/<object_id>` URLs (editing sessions) about a page."""
    try:
        model = apps.get_model(kwargs.get("app_label", ""), kwargs.get("model_name", ""))
    except (LookupError, ValueError):
        return False
    return issubclass(model, Page)


def page_ids_of(match) -> list[int]:
    names = set(PAGE_KWARGS)
    if match.namespace in PAGE_NAMESPACES:
        names.add("pk")
    if "object_id" in match.kwargs and _names_a_page_model(match.kwargs):
        names.add("object_id")
    ids = []
    for name, value in match.kwargs.items():
        if name in names and str(value).isdigit():
            ids.append(int(value))
    return ids


class AdminObjectGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(request, DEFERRED, False):
            return None  # a later middleware calls guard() itself (see DEFERRED)
        guard(request)
        return None


# Set on a request by a middleware that runs `guard(request)` itself, later, inside a
# lock it takes first: the page actions of cms.editorial.publishing, which serialise
# the POSTs about one page. Reading the page here, before that lock, would race the
# request that holds it.
DEFERRED = "_admin_object_guard_deferred"


def guard(request) -> None:
    """Raise Http404 for another agency's page named by the admin URL, and
    PermissionDenied on the workflow screens without the workflow permissions."""
    if not request.path_info.startswith(ADMIN_PREFIX):
        return
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or is_unrestricted(user):
        return
    match = request.resolver_match
    if match is None:
        return
    if match.namespace == WORKFLOW_NAMESPACE and not any(
        user.has_perm(perm) for perm in WORKFLOW_PERMISSIONS
    ):
        raise PermissionDenied
    ids = page_ids_of(match)
    if ids:
        for page in Page.objects.filter(pk__in=ids).only("pk", "path", "depth"):
            if not page_is_visible(page, user):
                # A plain 404, not LocaleMiddleware's redirect to /<lang>/admin/...
                request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
                raise Http404
