"""Which images and documents may leave the platform, and who may download them.

An image or a document is *published* when a live, public page outside archived
agencies uses it (Wagtail's ReferenceIndex records every use: StreamField blocks,
rich text links, foreign keys such as a legal act's files), or, for an image, when it
is the logo of an active agency. The public API lists only published files
(`published_filter`), and a download is allowed (`may_serve`) when

* the user belongs to the agency whose collection holds the file (or is a platform
  admin): editors download their drafts' files; or
* the file's collection has a view restriction that the request has passed (a
  password or login shared on purpose); or
* a live page uses the file and the request passes that page's view restrictions
  (none for a public page): a visitor who has entered a private page's password can
  download its attachment, nobody else can. An archived agency's only live pages are
  its legal acts, which the law keeps reachable: their files keep answering too.

So an embargoed draft's PDF, a file uploaded and not yet used, a file of an archived
agency that no legal act uses and a file used only on a private page are never served
to the public, under any URL. Documents are served only by `/documents/<id>/<name>`
(Wagtail's serve view with the `before_serve_document` hook below);
`/media/documents/...` never serves them (`serve_media`), and images under `/media/`
pass the same check.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast, Substr
from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from .isolation.querysets import collection_ids_for_user, is_unrestricted
from .models import Agency
from .no_language_redirect_urls import NO_LANGUAGE_REDIRECT_URLCONF
from .scoping import AGENCY_HOME_DEPTH
from .usage import live_pages_using

HOME_PATH_LENGTH = AGENCY_HOME_DEPTH * Page.steplen
# A file used on more pages than this is checked against the first ones only.
MAX_PAGES_CHECKED = 50
PUBLIC, OWNER = "public", "owner"
# Served by the app under MEDIA_URL; anything else (documents/ above all) is a 404.
IMAGE_PREFIXES = ("original_images/", "images/")
AVATAR_PREFIX = "avatar_images/"


def _in_archived_agency():
    return Exists(
        Agency.objects.filter(
            status=Agency.Status.ARCHIVED,
            home_page__path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH),
        )
    )


def published_pages():
    """Live pages under no view restriction, outside archived agencies."""
    return Page.objects.live().public().exclude(_in_archived_agency())


def _references_from_pages(model, pages):
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(_pk=Cast("pk", CharField())).values("_pk"),
        to_content_type=ReferenceIndex._get_base_content_type(model),
    )


def published_ids(model):
    """A subquery of the ids of the `model` objects (images or documents) in use on
    published pages (and, for images, the logos of active agencies)."""
    refs = _references_from_pages(model, published_pages())
    return refs.annotate(_target=Cast("to_object_id", IntegerField())).values("_target")


def published_filter(model) -> Q:
    q = Q(pk__in=published_ids(model))
    if model is get_image_model():
        q |= Q(
            pk__in=Agency.objects.filter(status=Agency.Status.ACTIVE, logo__isnull=False).values(
                "logo_id"
            )
        )
    return q


def _owns(user, obj) -> bool:
    if not user.is_authenticated:
        return False
    return is_unrestricted(user) or obj.collection_id in collection_ids_for_user(user)


def _is_logo(obj) -> bool:
    return (
        isinstance(obj, get_image_model())
        and Agency.objects.filter(status=Agency.Status.ACTIVE, logo=obj).exists()
    )


def access(obj, request) -> str | None:
    """PUBLIC if anyone may have `obj` (an image or a document), OWNER if only this
    request's user may (their agency's file), None if the request may not have it."""
    restrictions = list(obj.collection.get_view_restrictions())
    if restrictions:
        if all(restriction.accept_request(request) for restriction in restrictions):
            return OWNER
        return OWNER if _owns(request.user, obj) else None
    for page in live_pages_using(obj)[:MAX_PAGES_CHECKED]:
        page_restrictions = list(page.get_view_restrictions())
        if not page_restrictions:
            return PUBLIC
        if all(restriction.accept_request(request) for restriction in page_restrictions):
            return OWNER
    if _is_logo(obj):
        return PUBLIC
    return OWNER if _owns(request.user, obj) else None


@hooks.register("before_serve_document", order=100)
def refuse_unpublished_documents(document, request):
    """Runs after Wagtail's collection check (which asks for a password or a login)."""
    if access(document, request) is None:
        raise Http404("This document is not published.")


# --- /media/ -----------------------------------------------------------------------


def _media_object(name: str):
    Image = get_image_model()
    image = Image.objects.filter(file=name).select_related("collection").first()
    if image is not None:
        return image
    rendition = (
        Image.get_rendition_model()
        .objects.filter(file=name)
        .select_related("image__collection")
        .first()
    )
    return rendition.image if rendition is not None else None


def _send(request, name: str):
    try:
        local_path = default_storage.path(name)
    except NotImplementedError:
        local_path = None
    if local_path is None or not default_storage.exists(name):
        raise Http404
    options = {"mimetype": mimetypes.guess_type(name)[0] or "application/octet-stream"}
    if not getattr(settings, "SENDFILE_BACKEND", None):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, local_path, **options)
    if response.get("Content-Encoding") == "None":  # sendfile writes a missing one so
        del response["Content-Encoding"]
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_media(request, path: str):
    """MEDIA_URL served by the app: images that `access` allows, never a document.

    Production puts the web server's or the bucket's /media/ in front of this only
    for what is public (see README, "Files"); the view is the fallback that keeps
    the rule when /media/ reaches the app.
    """
    try:
        return _serve_media(request, path)
    except Http404:
        request.urlconf = NO_LANGUAGE_REDIRECT_URLCONF
        raise


def _serve_media(request, path: str):
    name = posixpath.normpath(path).lstrip("/")
    if name != path or name.startswith(".."):
        raise Http404
    if name.startswith(AVATAR_PREFIX):
        if not request.user.is_authenticated:
            raise Http404
        response = _send(request, name)
        patch_cache_control(response, private=True)
        return response
    if not name.startswith(IMAGE_PREFIXES):
        raise Http404
    image = _media_object(name)
    if image is None:
        raise Http404
    verdict = access(image, request)
    if verdict is None:
        raise Http404
    response = _send(request, name)
    if verdict == PUBLIC:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response
