"""The page editor works under the admin's Content-Security-Policy (issue 12, item 5).

An agency editor, in real Chromium, opens the editor of a standard page, types in a
rich-text (Draftail) field, opens the image chooser and the page chooser, and saves
a draft. Every `securitypolicyviolation` event (a listener installed before any page
script, in every frame) and every console error or uncaught exception is collected:
there must be none, the answers must carry the admin's policy, and the draft must be
saved with the typed text. A policy too strict for Wagtail fails here, not in an
editor's browser.
"""

import json

import pytest
from django.conf import settings
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from cms.core.middleware import ADMIN_CONTENT_SECURITY_POLICY
from cms.editorial.testing import admin_user, edit_url
from cms.pages.models import SectionPage, StandardPage
from cms.tenants.models import Agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TYPED = "Азаматтарды қабылдау кестесі жаңартылды"
# Installed before any script of every document (frames included): hands each CSP
# violation the browser reports to the test (across navigations too).
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber,
        sample: event.sample, document: String(document.location),
    });
});
"""

CONTROL_HOST = "csp-control.invalid"
CONTROL = f"""() => {{
    const img = document.createElement("img");
    img.src = "https://{CONTROL_HOST}/pixel.png";
    img.alt = "";
    document.body.append(img);
}}"""


@pytest.fixture(scope="module")
def editor_page(live_site, django_db_blocker):
    """A standard page of an active agency with a paragraph, an image block and a
    call-to-action (its page chooser empty), and an editor of that agency: committed
    before the test's transaction (the server's threads read them), removed after."""
    with django_db_blocker.unblock():
        agency = Agency.objects.filter(status=Agency.Status.ACTIVE).order_by("pk").first()
        about = SectionPage.objects.child_of(agency.home_page).get(slug="about")
        image = Image.objects.create(
            title="CSP test image", file=get_test_image_file(), collection=agency.collection
        )
        page = StandardPage(slug="csp-editor-check")
        for lang, title in (
            ("kk", "Қабылдау кестесі"),
            ("ru", "График приёма"),
            ("en", "Reception hours"),
        ):
            setattr(page, f"title_{lang}", title)
            setattr(
                page,
                f"body_{lang}",
                [
                    ("paragraph", "<p>Қабылдау сейсенбі сайын өтеді.</p>"),
                    ("image", {"image": image, "alt": "Ғимарат", "caption": ""}),
                    (
                        "call_to_action",
                        {
                            "text": "Өтініш беру",
                            "link_page": None,
                            "link_url": "https://egov.kz/",
                            "link_text": "eGov",
                        },
                    ),
                ],
            )
        about.add_child(instance=page)
        page.save_revision().publish()
        editor = admin_user("csp-editor", groups=[agency.editors_group])
        client = Client()
        client.force_login(editor)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
    yield page.pk, session
    with django_db_blocker.unblock():
        Page.objects.filter(pk=page.pk).delete()
        image.delete()
        editor.delete()


def _open_chooser(tab, chooser_class: str, heading: str):
    """Open the chooser of the first `chooser_class` widget, wait for its modal and
    close it again."""
    button = tab.locator(f".{chooser_class} [data-chooser-action-choose]").first
    # A chosen value puts the button in the widget's action dropdown: click it there
    # as the menu would (the event is what the chooser listens to).
    if button.is_visible():
        button.click()
    else:
        button.dispatch_event("click")
    dialog = tab.locator(".modal[role='dialog']").last
    # The modal's body is fetched and written in: wait for its heading.
    dialog.get_by_text(heading).first.wait_for(state="visible", timeout=20_000)
    tab.wait_for_load_state("networkidle")
    close = dialog.locator("[data-dismiss='modal'], button.close").first
    if close.count():
        close.click()
    else:
        tab.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=15_000)


def test_editor_works_under_the_admin_csp(browser, live_site, editor_page, settings):
    # No autosave here: the live server's SQLite connection (shared in memory by its
    # threads) cannot serve an autosave POST while a chooser loads (a 503 that says
    # nothing about the policy); the autosave's fetch() is covered by connect-src
    # 'self' and runs in tests/browser/test_approve_and_publish.py.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page_id, session = editor_page
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = live_site.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}]
    )
    violations = []
    context.expose_function("reportCspViolation", lambda violation: violations.append(violation))
    context.add_init_script(LISTEN)
    console_errors, policies = [], []
    context.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    context.on(
        "response",
        lambda r: (
            policies.append((r.url, r.headers.get("content-security-policy")))
            if r.request.resource_type == "document"
            else None
        ),
    )
    tab = context.new_page()
    tab.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))
    try:
        response = tab.goto(live_site(edit_url(Page(pk=page_id))), wait_until="networkidle")
        assert response is not None and response.status == 200
        assert response.headers.get("content-security-policy") == ADMIN_CONTENT_SECURITY_POLICY

        editor = tab.locator(".Draftail-Editor [contenteditable='true']").first
        editor.click()
        tab.keyboard.press("End")
        tab.keyboard.type(" " + TYPED)

        _open_chooser(tab, "image-chooser", "Choose an image")
        _open_chooser(tab, "page-chooser", "Choose a page")

        save = tab.locator("footer button.action-save").first
        with tab.expect_navigation(wait_until="networkidle"):
            save.click()
        messages = " ".join(tab.locator(".messages").all_inner_texts())
        # The control: an image from another host is a violation the listener reports.
        tab.evaluate(CONTROL)
        tab.wait_for_timeout(500)
    finally:
        context.close()

    control = [v for v in violations if CONTROL_HOST in (v.get("blocked") or "")]
    assert control, "the listener did not report the control violation"
    assert [v for v in violations if v not in control] == [], violations
    assert [e for e in console_errors if CONTROL_HOST not in e] == [], console_errors
    admin_documents = [(url, csp) for url, csp in policies if "/admin/" in url]
    assert admin_documents and all(
        csp == ADMIN_CONTENT_SECURITY_POLICY for _url, csp in admin_documents
    ), admin_documents
    assert "updated" in messages or "saved" in messages, messages
    page = Page.objects.get(pk=page_id)
    revision = page.get_latest_revision()
    assert page.has_unpublished_changes
    draft = revision.as_object()
    bodies = json.dumps(
        [list(getattr(draft, f"body_{lang}").raw_data) for lang in ("kk", "ru", "en")],
        ensure_ascii=False,
    )
    assert TYPED in bodies, "the draft does not hold the typed text"
