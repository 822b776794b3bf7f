"""The cached latest news of the portal's front page (cms.pages.models.portal.
portal_news) are forgotten when what they show may change: a news item is published,
unpublished, moved or deleted; a page that may have news below it is (a section moved,
renamed or unpublished changes their addresses or hides them); an image is replaced or
deleted (the cards link its renditions). Agencies' names, sites and privacy replace
the platform's version (GLOBAL), which is in the key too.

The page cache is retired separately (cms.pages.pagecache): this is the chrome cache,
read on every uncached render, whether or not the page cache is on."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core import chrome

from .models import NewsPage
from .models.portal import PORTAL_NEWS_SCOPE


def _shows_news(page: Page) -> bool:
    if page.numchild:
        return True
    try:
        return issubclass(page.specific_class or Page, NewsPage)
    except AttributeError:  # a bare Page row without its content type
        return True


def _page_changed(instance, **kwargs):
    if isinstance(instance, Page) and _shows_news(instance):
        chrome.bump(PORTAL_NEWS_SCOPE)


def _image_changed(instance, created=False, **kwargs):
    if not created:
        chrome.bump(PORTAL_NEWS_SCOPE)


def connect() -> None:
    from wagtail.images import get_image_model

    page_published.connect(_page_changed, dispatch_uid="portalnews-published")
    page_unpublished.connect(_page_changed, dispatch_uid="portalnews-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="portalnews-moved")
    post_delete.connect(_page_changed, dispatch_uid="portalnews-page-deleted")
    image = get_image_model()
    post_save.connect(_image_changed, sender=image, dispatch_uid="portalnews-image-saved")
    post_delete.connect(_image_changed, sender=image, dispatch_uid="portalnews-image-deleted")
