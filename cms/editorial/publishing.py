"""Publishing a moderator can trust: one action POST at a time per page, and an
autosave never undoes one.

The race (issue 12)
-------------------
Wagtail's editor autosaves by posting `new FormData(form)` to the edit URL with
`Accept: application/json` (the `w-autosave` controller). "Approve and Publish"
adds the hidden inputs `action-workflow-action` and `workflow-action-name` to that
same form before submitting it (workflow-action.js), so the autosave that fires
about a second later carries the action fields too. The edit view is not one
transaction: it reads the page when the request arrives, and `save_action` writes
the *whole* page row back (`form.save(commit=not page.live)`) when the page it read
was a draft. An autosave that read the page while the approval was still running
therefore wrote `live=False, live_revision=None` over the publication a moment
later (log: `wagtail.publish`, then `wagtail.edit`). And an autosave that arrived
after the approval without a new revision saved a draft over the live page, or
overwrote, in place, the very revision that had just been published.

The fix
-------
`PageActionLockMiddleware` runs every state-changing POST on a page (edit, workflow
action, unpublish, revert, unschedule, privacy) in one transaction that first locks
the page: the row (`SELECT … FOR UPDATE` on PostgreSQL, a no-op write that takes
SQLite's write lock) and, for the threads of one process (the embedded server),
a lock per page. A second request on the same page waits until the first has
committed and then reads the page as it is now. Inside that lock an autosave is
refused (HTTP 409, with a message in the user's language) when:

- it carries an action field (publish, submit, workflow action, restart, cancel):
  the form it was serialised from has been submitted with that action, which is
  handled by its own request; an autosave never performs an action;
- it would overwrite in place the page's live revision or a revision under
  moderation (`overwrite_revision_id`): what was published or submitted stays
  what it was;
- Wagtail's own check finds its base revision stale (the view answers
  `invalid_revision`, now against the committed state).

`after_edit_page` (see `wagtail_hooks`) replaces Wagtail's generic "has been updated"
after a workflow action or a submission by what happened: approved and published,
approved, sent back for changes, submitted for moderation.
"""

from __future__ import annotations

import threading

from django.contrib import messages
from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages
from wagtail.models import Page, WorkflowState

from cms.tenants.isolation import urlguard

# The admin views that change a page's state, by URL name (all take `page_id`).
LOCKED_VIEWS = frozenset({
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:revisions_unschedule",
    "wagtailadmin_pages:set_privacy",
})
EDIT_VIEWS = frozenset({"wagtailadmin_pages:edit", "wagtailadmin_pages:revisions_revert"})
# The fields with which the edit form performs an action instead of saving a draft.
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "workflow-action-name",
    "action-restart-workflow",
    "action-cancel-workflow",
)
AUTOSAVE_REFUSED_STATUS = 409

# Threads of one process: a fixed set of locks, a page takes the one of its id.
_STRIPES = 64
_thread_locks = [threading.Lock() for _ in range(_STRIPES)]


def _thread_lock(page_id: int) -> threading.Lock:
    return _thread_locks[page_id % _STRIPES]


def lock_page_row(page_id: int) -> None:
    """Lock the page's row until the end of the current transaction."""
    if connection.features.has_select_for_update:
        list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
    else:
        # SQLite: any write takes the database's write lock, held until the commit.
        from django.db.models import F

        Page.objects.filter(pk=page_id).update(locked=F("locked"))


def is_autosave(request) -> bool:
    """The editor's background save: a POST that wants JSON (Wagtail's own test)."""
    return request.method == "POST" and not request.accepts("text/html")


def autosave_refusal(request, page_id: int) -> str | None:
    """Why this autosave must not be saved (None: it may be). Call under the lock."""
    if any(request.POST.get(name) for name in ACTION_FIELDS):
        return _(
            "Not saved automatically: this form was sent to publish, approve or submit "
            "the page, and that request decides. Reload the page to keep editing."
        )
    overwrite = request.POST.get("overwrite_revision_id", "")
    if overwrite.isdigit():
        overwrite_id = int(overwrite)
        live_revision_id = (
            Page.objects.filter(pk=page_id).values_list("live_revision_id", flat=True).first()
        )
        if overwrite_id == live_revision_id:
            return _(
                "Not saved automatically: this version has been published since. "
                "Reload the page to keep editing."
            )
        if WorkflowState.objects.filter(
            current_task_state__revision_id=overwrite_id,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).exists():
            return _(
                "Not saved automatically: this version has been submitted for moderation "
                "since. Reload the page to keep editing."
            )
    return None


def refused(message: str) -> JsonResponse:
    # The shape of Wagtail's own autosave errors, which the editor shows.
    return JsonResponse(
        {"success": False, "error_code": "action_in_progress", "error_message": message},
        status=AUTOSAVE_REFUSED_STATUS,
    )


class PageActionLockMiddleware:
    """One state-changing admin POST at a time per page, in one transaction (see above).

    Put it last in MIDDLEWARE: it calls the view itself from `process_view`, after
    the CSRF check and the login of the middlewares before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _locked_page_id(request) is not None:
            # The admin object guard reads the page: it runs inside the lock below.
            setattr(request, urlguard.DEFERRED, True)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        page_id = _locked_page_id(request)
        if page_id is None:
            return None
        with _thread_lock(page_id), transaction.atomic():
            urlguard.guard(request)
            lock_page_row(page_id)
            if request.resolver_match.view_name in EDIT_VIEWS and is_autosave(request):
                reason = autosave_refusal(request, page_id)
                if reason is not None:
                    return refused(reason)
            response = view_func(request, *view_args, **view_kwargs)
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response


def _locked_page_id(request) -> int | None:
    """The page a page-changing admin POST is about (None: not such a request)."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    page_id = match.kwargs.get("page_id")
    if match.view_name not in LOCKED_VIEWS or page_id is None:
        return None
    return int(page_id)


# --- what the moderator is told ------------------------------------------------------
def action_message(request, page) -> str | None:
    """The message for the action this edit-form POST performed (None: Wagtail's)."""
    post = request.POST
    title = page.get_admin_display_title()
    current = Page.objects.filter(pk=page.pk).values(
        "live", "live_revision_id", "latest_revision_id"
    ).first()
    if current is None:
        return None
    published = current["live"] and current["live_revision_id"] == current["latest_revision_id"]
    if post.get("action-workflow-action"):
        action = post.get("workflow-action-name")
        if action == "approve":
            if published:
                return _("Page '%(title)s' has been approved and published.") % {"title": title}
            return _("Page '%(title)s' has been approved.") % {"title": title}
        if action == "reject":
            return _("Page '%(title)s' has been sent back for changes.") % {"title": title}
        return None
    if post.get("action-submit") or post.get("action-restart-workflow"):
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            return _("Page '%(title)s' has been submitted for moderation.") % {"title": title}
    return None


def replace_confirmation(request, page) -> None:
    """Swap Wagtail's last success message for `action_message`, if there is one."""
    text = action_message(request, page)
    if text is None:
        return
    storage = messages.get_messages(request)
    existing = list(storage)  # marks them used: only what is added below is kept
    if existing and existing[-1].level == messages.SUCCESS:
        existing = existing[:-1]
    for message in existing:
        messages.add_message(request, message.level, message.message,
                             extra_tags=message.extra_tags)
    live = Page.objects.filter(pk=page.pk, live=True).first()
    url = live.get_url(request) if live is not None else None
    buttons = [admin_messages.button(url, _("View live"))] if url else []
    admin_messages.success(request, text, buttons=buttons)
