"""The base of every page type: the agency a page belongs to, the language of its
content, previews in each language, and the hooks other apps read from a page (the
page protocol, see `BasePage`)."""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction

from cms.core.components.card import card as card_params
from cms.tenants.scoping import agency_for_page

from ..forms import TranslatedPageForm
from ..languages import content_language
from ..preview import LanguagePreviewMixin
from ..privacy import is_in_private_section


class BasePage(LanguagePreviewMixin, Page):
    """Shared behaviour of every page type: the agency a page belongs to, the language
    of its content, previews per language, and the page protocol.

    The page protocol is what other apps read from any page: the page form and
    isolation (`translated_required_fields`, `agency_media_fields`,
    `fields_kept_when_absent`), search (`search_extra_text`, `search_date_field`) and
    the listings (`card`). Each hook is declared here with its default; a page type
    overrides only what applies to it, and readers call the hook directly (no
    `getattr(page, "hook", default)`), so a misspelt override is an error, not a
    silent default.
    """

    base_form_class = TranslatedPageForm

    # --- The page protocol ---------------------------------------------------------

    #: Fields that must be filled in every required language (kk, ru) before the page
    #: can be published; an optional language (en) counts as filled in when these are.
    #: Read by the page form (forms.TranslatedPageForm) and the language rules.
    translated_required_fields: tuple[str, ...] = ("title",)

    #: Image and document fields that must hold files of the page's own agency: the
    #: page form (forms.AgencyMediaPageForm) refuses another agency's file, which the
    #: choosers never offer but a crafted form post could send.
    agency_media_fields: tuple[str, ...] = ()

    #: Fields added to the page type after its first version: a form posted without
    #: them (an older browser tab, an API client) keeps their current values instead
    #: of failing (forms.TranslatedPageForm.drop_absent_fields).
    fields_kept_when_absent: tuple[str, ...] = ()

    #: The date field that search sorts and filters by (search.documents.page_date);
    #: a page type without that field is dated by its last publication.
    search_date_field: str = "date"

    def search_extra_text(self, language: str) -> list[str]:
        """Searchable text in `language` besides the title and the body (a legal act's
        number and signatory, a person's position, a service's description). Read by
        search.documents.body_text; the default adds nothing."""
        return []

    def card(self, request) -> dict:
        """Parameters of the card that lists this page in a listing (the card_list
        component): {title, url, text, meta, datetime}. Typed listings (services,
        vacancies, events, galleries) override it; the default shows the intro and,
        for a dated page, its date."""
        return card_params(
            self.title,
            self.get_url(request=request) or "",
            text=getattr(self, "intro", ""),
            date=getattr(self, self.search_date_field, None),
        )

    # -------------------------------------------------------------------------------

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return f"pages/{self._meta.model_name}.html"

    @property
    def agency(self):
        """The agency whose subtree holds this page (None for portal pages)."""
        return agency_for_page(self)

    def route(self, request, path_components):
        """Wagtail's routing, in one query for the whole path instead of two per level
        (a child by slug, then its specific row): the pages of the path are fetched by
        their url_path at once, walked like Wagtail walks them, and only the last one
        is made specific. A page type on the way that routes by itself (its own
        `route`) is handed the rest of the path, as Wagtail would."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[: n + 1]) + "/"
            for n in range(len(path_components))
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=prefixes,
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
            )
        }
        parent = self
        for n, url_path in enumerate(prefixes):
            page = found.get(url_path)
            if page is None or page.depth != self.depth + n + 1:
                raise Http404
            page._cached_parent_obj = parent
            remaining = path_components[n + 1 :]
            if remaining and getattr(page.specific_class, "route", None) is not BasePage.route:
                return page.specific.route(request, remaining)
            parent = page
        return parent.specific.route(request, [])

    def get_view_restrictions(self):
        """Wagtail's check before serving a page: no query outside the private
        sections (cms.pages.privacy), whose list is cached."""
        if self.alias_of_id is None and not is_in_private_section(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, language or get_language())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        context["content_lang"] = self.content_language(language)
        context["agency"] = self.agency
        return context
