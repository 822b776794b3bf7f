"""Approve and Publish in the real page editor, 20 times (issue 12).

A moderator opens a news item awaiting moderation, types in a field (so that the
editor's autosave is due) and at once clicks *Approve and Publish*; then waits past
the autosave interval. The autosave that the editor sends after the approval (the
same form, with the action's hidden inputs) must not leave the page a draft: every
time, the page is live, its live revision is its latest, the history ends with the
publication, and the moderator was told it was approved and published.

The 20 rounds are four tests of five (each with its own five pages), so that the two
xdist workers share them; every round of every test is asserted as before. The rounds
of a test run one after the other in one tab of one browser context: the editor's
scripts and stylesheets (about 60 files) come from the browser's cache after the
first round instead of from the live server, which shares the tests' process.
"""

import time

import pytest
from django.conf import settings
from django.test import Client
from wagtail import hooks
from wagtail.models import Page, PageLogEntry

from cms.editorial.testing import add_url, admin_user, edit_url, news_form, news_section
from cms.pages.models import NewsPage
from cms.tenants.models import Agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROUNDS = 20
PER_TEST = 5
FIRST_ROUNDS = range(0, ROUNDS, PER_TEST)  # each test's first round
AUTOSAVE_WAIT = 1.2  # seconds: past WAGTAIL_AUTOSAVE_INTERVAL (0.5 s) and the request
# The approval is held this long once it has read the page, as a slow approval
# (notification e-mails, a busy database) is: the editor's autosave then arrives
# while the approval runs, in every round, as in the reported failures.
SLOW_APPROVAL = 1.5


AUTOSAVE_JS = """() => {
    const form = document.getElementById("page-edit-form");
    if (!form) return false;  // the approval has already answered
    fetch(form.action, {method: "POST", body: new FormData(form),
                        headers: {"Accept": "application/json"}}).catch(() => null);
    return true;
}"""


def slow_approval(request, page):
    """`before_edit_page` in the live server (same process): hold the approve POST."""
    if (request.method == "POST" and request.accepts("text/html")
            and request.POST.get("action-workflow-action")):
        time.sleep(SLOW_APPROVAL)


@pytest.fixture(scope="module")
def moderation(request, live_site, django_db_blocker):
    """The pages of rounds `request.param` to `request.param + PER_TEST - 1`, committed
    before the test's transaction begins (the server's threads read them through their
    own connections), and removed afterwards. In SQLite's shared cache an open
    transaction that wrote or read a table locks it for the server: the test reads the
    database only after its last round. (Module scope, parametrised: set up outside
    the test's transaction, once per five rounds.)"""
    first = request.param
    with django_db_blocker.unblock():
        pages, session, users = _submit_pages(range(first, first + PER_TEST))
    yield first, pages, session
    with django_db_blocker.unblock():
        for page in Page.objects.filter(pk__in=pages):
            page.delete()
        for user in users:
            user.delete()


def _submit_pages(rounds: range):
    agency = Agency.objects.filter(status=Agency.Status.ACTIVE).order_by("pk").first()
    section = news_section(agency)
    editor = admin_user(f"race-editor-{rounds[0]}", groups=[agency.editors_group])
    moderator = admin_user(f"race-moderator-{rounds[0]}", groups=[agency.moderators_group])
    client = Client()
    client.force_login(editor)
    pages = []
    for n in rounds:
        slug = f"approve-race-{n}"
        response = client.post(add_url(section), news_form(slug=slug, action="action-submit"))
        assert response.status_code == 302, response.content[:1000]
        page = NewsPage.objects.get(slug=slug)
        assert page.current_workflow_state is not None and not page.live
        pages.append(page.pk)
    client.force_login(moderator)
    return pages, client.cookies[settings.SESSION_COOKIE_NAME].value, (editor, moderator)


@pytest.fixture(scope="module")
def editor_tab(browser):
    """One context and one tab for every round of this module in this worker: the
    editor's static files are then cached (the live server sends a Cache-Control).
    Each test puts its moderator's session cookie in."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    # After a failed round the editor may still hold unsaved changes: leave it.
    tab.on("dialog", lambda dialog: dialog.accept())
    yield tab
    context.close()


def _approve_in_the_editor(tab, live_site, page_id: int, n: int) -> str:
    """Type in the editor, click Approve and Publish at once, wait past the autosave;
    the messages shown after the approval."""
    response = tab.goto(live_site(edit_url(Page(pk=page_id))), wait_until="load")
    assert response is not None and response.status == 200
    tab.locator('input[name="title_en"]').fill(f"Public hearing on the budget, round {n}")
    # The approve button sits in the action menu's dropdown.
    approve = tab.locator('button[data-workflow-action-name="approve"]'
                          ":not([data-workflow-action-modal-url])")
    if not approve.is_visible():
        tab.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with tab.expect_navigation(wait_until="load"):
        approve.click()
        # While the approval is held on the server, the editor's autosave: the
        # same form (with the action's hidden inputs the click added), posted for
        # JSON as Wagtail's w-autosave controller posts it. The controller's own
        # timer fires in some rounds only, so the test sends it in every round.
        tab.evaluate(AUTOSAVE_JS)
    # Server-rendered with the page: no waiting (a failed approval may show none).
    messages = " ".join(tab.locator(".messages").all_inner_texts())
    time.sleep(AUTOSAVE_WAIT)
    return messages


@pytest.mark.parametrize(
    "moderation",
    FIRST_ROUNDS,
    indirect=True,
    ids=[f"rounds-{first + 1}-{first + PER_TEST}" for first in FIRST_ROUNDS],
)
def test_approve_and_publish_survives_the_autosave_20_times(
    editor_tab, live_site, moderation
):
    first, page_ids, session = moderation
    assert len(page_ids) == PER_TEST
    tab = editor_tab
    context = tab.context
    host = live_site.url.split("//", 1)[1].split(":")[0]
    context.clear_cookies()
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session,
                          "domain": host, "path": "/"}])
    autosaves = []  # the autosaves' answers: (url, status)

    def record_autosave(r):
        if (r.request.method == "POST" and "/edit/" in r.url
                and "application/json" in (r.request.headers.get("accept") or "")):
            autosaves.append((r.url, r.status))

    context.on("response", record_autosave)
    failures, told = [], []
    try:
        with hooks.register_temporarily("before_edit_page", slow_approval):
            for n, page_id in enumerate(page_ids, start=first):
                told.append(_approve_in_the_editor(tab, live_site, page_id, n))
    finally:
        context.remove_listener("response", record_autosave)
    for n, (page_id, messages) in enumerate(zip(page_ids, told, strict=True), start=first):
        page = Page.objects.get(pk=page_id)
        actions = list(PageLogEntry.objects.filter(page_id=page_id).order_by("pk")
                       .values_list("action", flat=True))
        ok = (page.live and page.live_revision_id == page.latest_revision_id
              and not page.has_unpublished_changes and actions[-1] == "wagtail.publish"
              and "approved and published" in messages)
        if not ok:
            failures.append((n, page.live, page.live_revision_id, actions[-3:], messages))
    assert not failures, (
        f"{len(failures)} of rounds {first + 1}-{first + PER_TEST} (of {ROUNDS}) "
        f"did not stay published: {failures}; autosaves answered: {autosaves}")
    # Whether an autosave reaches the server during an approval depends on timing in a
    # real browser; tests/test_editorial_publish_race*.py reproduce the race exactly.
