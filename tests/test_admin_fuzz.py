"""Fuzz of every admin URL with another agency's object ids (issue 12, item 8).

The URL list is not written here: it is read from the URL resolver (every pattern
under /admin/, walked recursively), so a view added tomorrow is fuzzed tomorrow.
Each pattern's parameters are filled with the ids and keys of agency B's objects:
the model is derived from the pattern's namespace, view name and parameter name
(pages, revisions, workflow and task states, images, documents, collections,
snippets of every registered snippet model, users, groups, workflows, tasks, form
submissions, redirects, editing sessions, uploads...); a parameter nobody
recognises gets every object id of B. Agency A's editor and A's moderator then
send GET (twice for a listing: plain and with a search for B's marker prefix) and
POST with empty data to each URL.

The assertions: no answer is a 5xx; no answer shows one of B's distinctive strings
(titles, file names, usernames, group, workflow and collection names); after the
run B's objects are all still there, unchanged. The figures (requests sent, 5xx
seen) are printed for the issue note (`-s` shows them).
"""

import itertools
import json
import re
import time
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    Page,
    Revision,
    Task,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.snippets.models import get_snippet_models

from cms.accounts.models import TwoFactorPolicy
from cms.feedback.models import Feedback
from cms.navigation.models import AgencyMenu, QuickLink
from cms.pages.models import NewsPage, SectionPage
from search.models import PromotedResult
from tests.appeals_helpers import make_form_page
from tests.factories import UserFactory, admin_language, editor_of, moderator_of

# What B's objects are called: none of these may appear in an answer to A's users.
# The search query is a prefix of them (a search page echoes the query, which is fine).
QUERY = "FuzzBeta"
DRAFT_TITLE = "FuzzBetaDraftPage"
LIVE_TITLE = "FuzzBetaLivePage"
IMAGE_TITLE = "FuzzBetaImage"
DOC_TITLE = "FuzzBetaDocument"
DOC_FILE = "fuzzbetasecret"
LINK_TITLE = "FuzzBetaLink"
PROMOTED_QUERY = "FuzzBetaPromoted"
COLLECTION_NAME = "FuzzBetaCollection"
CITIZEN = "FuzzBetaCitizen"
FEEDBACK = "FuzzBetaFeedbackMessage"
REDIRECT_PATH = "/fuzzbeta-old-address"
EDITOR_B = "fuzzbeta-editor"
MODERATOR_B = "fuzzbeta-moderator"

# POSTs that would end or change the fuzzing user's own session rather than touch B.
NO_POST = re.compile(r"logout|login|password_reset|2fa|jsi18n|sprite")
# Views that are not about objects (the admin's own error test page answers 500 by design).
SKIP = {"wagtailadmin_error_test"}


# --- enumerating the admin URLs ------------------------------------------------------
@dataclass(frozen=True)
class Route:
    pattern: str  # the concatenated pattern (route syntax, regex, or both)
    namespace: str
    name: str
    params: tuple

    @property
    def label(self):
        return f"{self.namespace}:{self.name}" if self.namespace else self.name


_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _walk(patterns, prefix="", namespaces=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            names = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), names)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), ":".join(namespaces), entry.name or ""


def admin_routes() -> list[Route]:
    routes = []
    for pattern, namespace, name in _walk(get_resolver().url_patterns):
        if not pattern.lstrip("^").startswith("admin/") or name in SKIP:
            continue
        params = tuple(_PARAM.findall(pattern) + _REGEX_GROUP.findall(pattern))
        routes.append(Route(pattern, namespace, name, params))
    return routes


def build_path(pattern: str, values: dict) -> str:
    path = _REGEX_GROUP.sub(lambda m: str(values[m.group(1)]), pattern)
    path = _PARAM.sub(lambda m: str(values[m.group(1)]), path)
    path = path.replace("^", "").replace("$", "").replace(r"\.", ".")
    path = path.replace(".*", "fuzz-nowhere")  # the admin's catch-all
    return "/" + path


# --- agency B's objects ----------------------------------------------------------------
class BetaObjects:
    """One object of every kind in agency B, with distinctive names."""

    def __init__(self, agency_a, agency_b):
        self.a, self.b = agency_a, agency_b
        self.editor_a = editor_of(agency_a, "fuzzalpha-editor")
        self.moderator_a = moderator_of(agency_a, "fuzzalpha-moderator")
        self.editor_b = editor_of(agency_b, EDITOR_B)
        self.moderator_b = moderator_of(agency_b, MODERATOR_B)

        self.news_a = SectionPage.objects.child_of(agency_a.home_page).get(slug="news")
        self.page_a = NewsPage(slug="fuzz-alpha", title_kk="Альфа", title_ru="Альфа")
        self.news_a.add_child(instance=self.page_a)

        self.news_b = SectionPage.objects.child_of(agency_b.home_page).get(slug="news")
        self.live_b = self._page(LIVE_TITLE, "fuzz-live")
        self.live_b.save_revision(user=self.editor_b).publish(user=self.moderator_b)
        self.draft_b = self._page(DRAFT_TITLE, "fuzz-draft")
        self.revision_b = self.draft_b.save_revision(user=self.editor_b)
        self.workflow_state_b = agency_b.workflow.start(self.draft_b, user=self.editor_b)
        self.task_state_b = self.workflow_state_b.current_task_state
        self.task_b = Task.objects.get(pk=self.task_state_b.task_id)
        self.form_b = make_form_page(agency_b, slug="fuzz-appeal")
        self.submission_b = self.form_b.get_submission_class().objects.create(
            page=self.form_b, form_data={"name": CITIZEN, "message": CITIZEN}
        )

        self.feedback_b = Feedback.objects.create(
            agency=agency_b, page=self.live_b, language="kk", useful=False, message=FEEDBACK
        )

        self.collection_b = agency_b.collection.add_child(instance=Collection(name=COLLECTION_NAME))
        self.image_b = Image.objects.create(
            title=IMAGE_TITLE,
            file=get_test_image_file(filename=f"{DOC_FILE}.png"),
            collection=self.collection_b,
            uploaded_by_user=self.editor_b,
        )
        self.document_b = Document.objects.create(
            title=DOC_TITLE,
            file=ContentFile(b"fuzz", name=f"{DOC_FILE}.txt"),
            collection=agency_b.collection,
            uploaded_by_user=self.editor_b,
        )
        self.upload_b = UploadedFile.objects.create(
            file=ContentFile(b"fuzz", name=f"{DOC_FILE}-upload.txt"),
            uploaded_by_user=self.editor_b,
            for_content_type=None,
        )
        self.link_b = QuickLink.objects.create(
            agency=agency_b, title=LINK_TITLE, url="https://b.example.kz/"
        )
        self.menu_b, _created = AgencyMenu.objects.get_or_create(agency=agency_b)
        self.promoted_b = PromotedResult.objects.create(
            agency=agency_b, query=PROMOTED_QUERY, page=self.live_b
        )
        self.redirect_b = Redirect.objects.create(
            old_path=REDIRECT_PATH, redirect_page=self.live_b, site=None
        )
        self.policy_b, _created = TwoFactorPolicy.objects.get_or_create(
            group=agency_b.editors_group
        )
        self.session_b = EditingSession.objects.create(
            user=self.editor_b, content_object=self.draft_b.page_ptr, last_seen_at=timezone.now()
        )
        self.platform_admin = UserFactory(username="fuzz-platform-admin", is_superuser=True)
        agency_b.refresh_from_db()

    def _page(self, title, slug):
        page = NewsPage(slug=slug, owner=self.editor_b)
        for lang in ("kk", "ru", "en"):
            setattr(page, f"title_{lang}", title)
        self.news_b.add_child(instance=page)
        return page

    # Strings that reveal B: never in an answer to A's users.
    def markers(self):
        b = self.b
        return (
            DRAFT_TITLE,
            LIVE_TITLE,
            IMAGE_TITLE,
            DOC_TITLE,
            DOC_FILE,
            LINK_TITLE,
            PROMOTED_QUERY,
            COLLECTION_NAME,
            CITIZEN,
            FEEDBACK,
            REDIRECT_PATH,
            EDITOR_B,
            MODERATOR_B,
            b.editors_group.name,
            b.moderators_group.name,
            b.workflow.name,
            self.task_b.name,
            b.collection.name,
        )

    def snapshot(self):
        """B's objects as they stand: compared before and after the fuzzing."""
        b = self.b
        pages = Page.objects.filter(path__startswith=b.home_page.path)
        return {
            "pages": sorted(pages.values_list("pk", "live", "locked", "path", "title")),
            "revisions": Revision.page_revisions.filter(
                object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
            ).count(),
            "workflow states": sorted(
                WorkflowState.objects.filter(pk=self.workflow_state_b.pk).values_list(
                    "pk", "status"
                )
            ),
            "images": sorted(
                Image.objects.filter(collection__path__startswith=b.collection.path).values_list(
                    "pk", "title", "collection_id"
                )
            ),
            "documents": sorted(
                Document.objects.filter(collection__path__startswith=b.collection.path).values_list(
                    "pk", "title", "collection_id"
                )
            ),
            "collections": sorted(
                Collection.objects.filter(path__startswith=b.collection.path).values_list(
                    "pk", "name"
                )
            ),
            "quick links": sorted(QuickLink.objects.filter(agency=b).values_list("pk", "title")),
            "menus": AgencyMenu.objects.filter(agency=b).count(),
            "promoted": sorted(PromotedResult.objects.filter(agency=b).values_list("pk", "query")),
            "redirects": Redirect.objects.filter(pk=self.redirect_b.pk).count(),
            "users": sorted(
                type(self.editor_b)
                .objects.filter(username__startswith="fuzzbeta")
                .values_list("pk", "is_active", "password")
            ),
            "groups": sorted(
                Group.objects.filter(
                    pk__in=[b.editors_group_id, b.moderators_group_id]
                ).values_list("pk", "name")
            ),
            "group permissions": Group.objects.get(pk=b.editors_group_id).permissions.count(),
            "workflow": Workflow.objects.filter(pk=b.workflow_id, active=True).count(),
            "task": Task.objects.filter(pk=self.task_b.pk, active=True).count(),
            "submissions": self.form_b.get_submission_class()
            .objects.filter(page=self.form_b)
            .count(),
            "policies": TwoFactorPolicy.objects.filter(pk=self.policy_b.pk).count(),
            "feedback": sorted(Feedback.objects.filter(agency=b).values_list("pk", "message")),
            "uploads": UploadedFile.objects.filter(pk=self.upload_b.pk).count(),
            "editing sessions": EditingSession.objects.filter(pk=self.session_b.pk).count(),
        }

    # --- parameter values ----------------------------------------------------------------
    def snippet_objects(self):
        found = {}
        for model in get_snippet_models():
            if any(f.name == "agency" for f in model._meta.get_fields()):
                pks = model.objects.filter(agency=self.b).values_list("pk", flat=True)
                found[model] = list(pks)
        return found

    def all_ids(self):
        """Every object id of B: the fall-back for a parameter nobody recognises."""
        ids = {
            self.b.pk,
            self.b.home_page.pk,
            self.news_b.pk,
            self.live_b.pk,
            self.draft_b.pk,
            self.form_b.pk,
            self.revision_b.pk,
            self.workflow_state_b.pk,
            self.task_state_b.pk,
            self.task_b.pk,
            self.b.workflow_id,
            self.b.collection_id,
            self.collection_b.pk,
            self.image_b.pk,
            self.document_b.pk,
            self.upload_b.pk,
            self.link_b.pk,
            self.menu_b.pk,
            self.promoted_b.pk,
            self.redirect_b.pk,
            self.policy_b.pk,
            self.session_b.pk,
            self.editor_b.pk,
            self.moderator_b.pk,
            self.b.editors_group_id,
            self.b.moderators_group_id,
            self.submission_b.pk,
            self.feedback_b.pk,
        }
        return sorted(ids)

    def pairs(self, route: Route):
        """(app, model) pairs for a pattern that names a model in its URL."""
        if route.name == "wagtail_bulk_action":
            bulk_action_registry._scan_for_bulk_actions()
            return [
                (app, model, action)
                for app, models in bulk_action_registry.actions.items()
                for model, actions in models.items()
                for action in actions
            ]
        if "snippet" in route.pattern or route.namespace == "wagtailsettings":
            return [(m._meta.app_label, m._meta.model_name) for m in get_snippet_models()]
        if "workflows" in route.namespace:
            return [("wagtailcore", "groupapprovaltask")]
        if "editing_sessions" in route.namespace:
            return [("wagtailcore", "page"), ("pages", "newspage")]
        return [("pages", "newspage"), ("appeals", "formpage")]

    def ids_for(self, route: Route, param: str):
        ns, name = route.namespace, route.name
        pages_b = [self.draft_b.pk, self.news_b.pk]
        if param in ("revision_id", "revision_id_a", "revision_id_b"):
            return [self.revision_b.pk]
        if param == "task_state_id":
            return [self.task_state_b.pk]
        if param == "workflow_state_id":
            return [self.workflow_state_b.pk]
        if param == "task_id":
            return [self.task_b.pk]
        if param == "session_id":
            return [self.session_b.pk]
        if param == "uploaded_file_id":
            return [self.upload_b.pk]
        if param in ("image_id",):
            return [self.image_b.pk]
        if param in ("document_id", "doc_id"):
            return [self.document_b.pk]
        if param in ("collection_id",):
            return [self.collection_b.pk, self.b.collection_id]
        if param == "redirect_id":
            return [self.redirect_b.pk]
        if param == "page_to_move_id":
            return [self.draft_b.pk, self.page_a.pk]
        if param == "destination_id":
            return [self.news_b.pk, self.news_a.pk]
        if param == "workflow_pk":
            return [self.b.workflow_id]
        if param in ("page_pk", "parent_page_id", "page_id", "object_id"):
            if "forms" in ns:
                return [self.form_b.pk]
            return pages_b
        if param == "action_name":
            return ["approve", "reject"]
        if param == "filter_spec":
            return ["original"]
        if param == "uidb64":
            return ["MQ"]
        if param == "token":
            return ["set-password"]
        if param == "pk":
            if ns.startswith("wagtailsnippet"):
                for model, pks in self.snippet_objects().items():
                    key = f"{model._meta.app_label}_{model._meta.model_name}"
                    if ns.endswith(key):
                        return pks
            if ns == "wagtailadmin_workflows":
                return [self.task_b.pk] if "task" in name else [self.b.workflow_id]
            by_namespace = {
                "wagtailadmin_pages": pages_b,
                "wagtailadmin_api:pages": pages_b,
                "wagtailadmin_api:images": [self.image_b.pk],
                "wagtailadmin_api:documents": [self.document_b.pk],
                "wagtailimages_chooser": [self.image_b.pk],
                "wagtaildocs_chooser": [self.document_b.pk],
                "wagtailadmin_collections": [self.collection_b.pk, self.b.collection_id],
                "wagtailusers_users": [self.editor_b.pk, self.moderator_b.pk],
                "wagtailusers_groups": [self.b.editors_group_id],
                "two_factor_policies": [self.policy_b.pk],
                "agencies": [self.b.pk],
                "wagtailsites": [self.b.site_id or self.b.pk],
                "wagtailsettings": [self.b.site_id or self.b.pk],
                "page_feedback": [self.feedback_b.pk],
            }
            if ns in by_namespace:
                return by_namespace[ns]
        return self.all_ids()

    def requests_for(self, route: Route):
        """(path, label) for every combination of B's values for the route's params."""
        params = list(route.params)
        model_keys = [
            p
            for p in params
            if p
            in (
                "app_label",
                "model_name",
                "content_type_app_name",
                "content_type_model_name",
                "app_name",
                "action",
            )
        ]
        other = [p for p in params if p not in model_keys]
        pair_options = [()]
        if model_keys:
            pair_options = self.pairs(route)
        value_lists = [self.ids_for(route, p) for p in other]
        out = []
        for pair in pair_options:
            for combo in itertools.product(*value_lists):
                values = dict(zip(other, combo, strict=True))
                values.update(zip(model_keys, pair, strict=False))
                path = build_path(route.pattern, values)
                if route.name == "wagtail_bulk_action":
                    path += "?next=/admin/&" + "&".join(f"id={pk}" for pk in self.bulk_ids(values))
                out.append(path)
        return out

    def bulk_ids(self, values):
        model = values.get("model_name")
        return {
            "image": [self.image_b.pk],
            "document": [self.document_b.pk],
            "user": [self.editor_b.pk],
            "quicklink": [self.link_b.pk],
            "promotedresult": [self.promoted_b.pk],
            "agencymenu": [self.menu_b.pk],
        }.get(model, [self.draft_b.pk, self.live_b.pk])


@pytest.fixture(scope="module")
def beta(_agency_a_pk, _agency_b_pk, _module_transaction, django_db_blocker):
    from cms.platform.portal import ensure_portal
    from cms.tenants.models import Agency

    with django_db_blocker.unblock():
        ensure_portal()
        return BetaObjects(Agency.objects.get(pk=_agency_a_pk), Agency.objects.get(pk=_agency_b_pk))


# --- the fuzzing -----------------------------------------------------------------------
@dataclass
class Finding:
    actor: str
    method: str
    path: str
    status: int
    detail: str

    def __str__(self):
        return f"{self.actor} {self.method} {self.path} -> {self.status}: {self.detail}"


def _content(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def fuzz(client, actor, beta, routes):
    sent, errors, leaks = 0, [], []
    markers = beta.markers()
    for route in routes:
        for path in beta.requests_for(route):
            try:
                resolve(path.split("?")[0])
            except Resolver404:
                detail = f"built URL does not resolve ({route.label})"
                errors.append(Finding(actor, "-", path, 0, detail))
                continue
            attempts = [("GET", path)]
            if not route.params and "?" not in path:
                attempts.append(("GET", f"{path}?q={QUERY}"))
            if not NO_POST.search(route.label + path):
                attempts.append(("POST", path))
            for method, url in attempts:
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(url, {})
                sent += 1
                if response.status_code >= 500:
                    exc = getattr(response, "exc_info", None)
                    detail = repr(exc[1])[:300] if exc else route.label
                    errors.append(Finding(actor, method, url, response.status_code, detail))
                    continue
                if 300 <= response.status_code < 400:
                    continue
                body = _content(response)
                shown = [m for m in markers if m in body]
                if shown:
                    leaks.append(
                        Finding(
                            actor,
                            method,
                            url,
                            response.status_code,
                            f"shows {shown} ({route.label})",
                        )
                    )
    return sent, errors, leaks


@pytest.mark.parametrize("actor", ["editor_a", "moderator_a"])
def test_admin_urls_with_other_agency_ids(beta, actor, db):
    routes = admin_routes()
    assert len(routes) > 200, "the resolver walk found too few admin URLs"
    before = beta.snapshot()
    client = Client(raise_request_exception=False)
    client.force_login(getattr(beta, actor))
    started = time.monotonic()
    sent, errors, leaks = fuzz(client, actor, beta, routes)
    elapsed = time.monotonic() - started
    print(  # noqa: T201 -- the figures the issue note quotes (pytest -s shows them)
        f"\nadmin fuzz as {actor}: {len(routes)} URL patterns, {sent} requests sent, "
        f"{sum(1 for e in errors if e.status >= 500)} 5xx seen, {len(leaks)} leaks, "
        f"{elapsed:.1f} s"
    )
    report = "\n".join(map(str, errors + leaks))
    assert not errors, report
    assert not leaks, report
    assert beta.snapshot() == before, "a request of A's user changed B's objects"


def test_markers_are_visible_to_b(beta, db):
    """The positive control: B's own editor sees B's markers on B's own screens, so
    the fuzz's marker check can fail."""
    client = Client()
    client.force_login(beta.editor_b)
    checks = {
        f"/admin/pages/{beta.news_b.pk}/": DRAFT_TITLE,
        f"/admin/images/{beta.image_b.pk}/": IMAGE_TITLE,
        f"/admin/documents/edit/{beta.document_b.pk}/": DOC_FILE,
        f"/admin/forms/submissions/{beta.form_b.pk}/": CITIZEN,
        f"/admin/snippets/navigation/quicklink/edit/{beta.link_b.pk}/": LINK_TITLE,
        "/admin/page_feedback/": FEEDBACK,
    }
    for url, marker in checks.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert marker in _content(response), url


# --- regressions: the holes the fuzz found, one focused test each ----------------------
def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/choose-page/{draft}/",  # the chooser listed the parent's title
        "/admin/pages/{draft}/move/{news_a}/confirm/",  # the confirmation named the page
        "/admin/pages/workflow/confirm_cancellation/{draft}/",  # workflow and task names
        "/admin/pages/{draft}/edit/copy_translation_content/",  # modeltranslation: a 500
    ],
)
def test_page_urls_of_another_agency_answer_404(beta, db, url):
    url = url.format(draft=beta.draft_b.pk, news_a=beta.news_a.pk)
    for user in (beta.editor_a, beta.moderator_a):
        response = _client(user).get(url)
        assert response.status_code == 404, (user, url)
    # Positive control: B's own editor reaches the same page.
    assert _client(beta.editor_b).get(f"/admin/choose-page/{beta.draft_b.pk}/").status_code == 200


CONTENTSTATE = json.dumps(
    {
        "blocks": [
            {
                "key": "a1b2c",
                "text": "Мәтін",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


def _serialized(paragraph):
    """What the editor's script sends: the origin field's form inputs."""
    inputs = {"count": "1", "0-type": "paragraph", "0-value": paragraph, "0-deleted": ""}
    inputs.update({"0-order": "0", "0-id": ""})
    return json.dumps([{"name": f"body_kk-{k}", "value": v} for k, v in inputs.items()])


def test_translation_copy_checks_its_input_on_an_own_page(beta, db):
    """modeltranslation's copy view answered 500 on the editor's own page for a GET, a
    POST without its parameters and field names that are no StreamField."""
    client = _client(beta.editor_b)
    admin_language(beta.editor_b, "en")
    url = f"/admin/pages/{beta.draft_b.pk}/edit/copy_translation_content/"
    xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    good = {
        "origin_field_name": "body_kk",
        "target_field_name": "body_ru",
        "serializedOriginField": _serialized(CONTENTSTATE),
    }
    assert client.get(url).status_code == 405
    assert client.post(url, good).status_code == 405  # not from the editor's script
    for bad in (
        {},
        {**good, "serializedOriginField": "{not json"},
        {**good, "serializedOriginField": '{"a": 1}'},
        {**good, "serializedOriginField": '[{"name": 1, "value": 2}]'},
        {**good, "target_field_name": "title_ru"},
        {**good, "target_field_name": "body_kk"},
        {**good, "origin_field_name": "no_such_field"},
        {**good, "serializedOriginField": _serialized("<p>HTML, not Draftail's JSON</p>")},
        {**good, "serializedOriginField": "[]"},
    ):
        response = client.post(url, bad, **xhr)
        assert response.status_code == 400, bad
        assert response.json()["error"]
    response = client.post(url, good, **xhr)
    assert response.status_code == 200 and "body_ru" in response.json()
    missing = f"/admin/pages/{beta.draft_b.pk + 100000}/edit/copy_translation_content/"
    assert client.post(missing, good, **xhr).status_code == 404


def test_workflow_screens_are_for_workflow_managers(beta, db):
    for url in (
        "/admin/workflows/task_chooser/",
        f"/admin/workflows/task_chooser/{beta.task_b.pk}/",
    ):
        assert _client(beta.editor_a).get(url).status_code == 403
    assert _client(beta.platform_admin).get("/admin/workflows/task_chooser/").status_code == 200


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/admin/reports/workflow/", "workflow"),
        ("/admin/reports/workflow/", "requested_by"),
        ("/admin/reports/workflow_tasks/", "workflow"),
        ("/admin/reports/workflow_tasks/", "task"),
        ("/admin/reports/site-history/", "user"),
        ("/admin/reports/agency-audit-log/", "user"),
        ("/admin/pages/usage/pages/newspage/", "owner"),
        ("/admin/forms/", "owner"),
    ],
)
def test_report_filters_offer_only_own_agency(beta, db, url, field):
    response = _client(beta.moderator_a).get(url)
    assert response.status_code == 200
    choices = response.context["filters"].form.fields[field]
    offered = {str(obj) for obj in choices.queryset}
    assert not any(m in text for text in offered for m in beta.markers()), offered
    # The platform admin still sees B's in the same filter.
    response = _client(beta.platform_admin).get(url)
    offered = {str(obj) for obj in response.context["filters"].form.fields[field].queryset}
    if field in ("workflow", "task"):
        assert any("agency-b" in text for text in offered), offered


def test_incomplete_admin_forms_are_400_not_500(beta, db):
    client = _client(beta.editor_a)
    response = client.post("/admin/choose-external-link/", {})
    assert response.status_code == 200  # the chooser shows its form with the error
    response = client.post("/admin/snippets/navigation/agencymenu/add/", {})
    assert response.status_code == 400
    for model in (
        "navigation/quicklink",
        "navigation/agencymenu",
        "birtutas_search/promotedresult",
    ):
        response = client.post(f"/admin/snippets/choose/{model}/create/", {})
        assert response.status_code == 404, model
