"""The admin form of every page type: before publishing, kk and ru must be filled in
and the content must pass the accessibility checks (cms.pages.accessibility)."""

from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Collection

from cms.core.languages import has_content
from cms.tenants.models import Agency
from cms.tenants.scoping import agency_for_page, agency_home_path

from .accessibility import check_translations, translated_stream_fields
from .languages import LANGUAGE_NAMES
from .widgets import transliterating_slug_input

# The buttons that make a page public, directly or through moderation.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class TranslatedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = transliterating_slug_input()
        if self.is_bound:
            self.drop_absent_fields()

    def drop_absent_fields(self) -> None:
        """Fields a page type added later (listed in `fields_kept_when_absent`) that a
        submission does not carry at all are left out of the form, so the page keeps
        its current or default value: a form posted with only the older fields (an
        older browser tab, an API client) still validates. The admin's own form
        always sends them."""
        keys = list(self.data.keys())
        for base in self._meta.model.fields_kept_when_absent:
            for name in [n for n in self.fields if n == base or n.startswith(f"{base}_")]:
                prefix = self.add_prefix(name)
                if not any(key == prefix or key.startswith(f"{prefix}-") for key in keys):
                    del self.fields[name]
            # An inline panel (child relation) added later: without its management form
            # it reads as an empty formset, which leaves the relation as it is.
            formset = getattr(self, "formsets", {}).get(base)
            if formset is not None and f"{formset.prefix}-TOTAL_FORMS" not in self.data:
                data = self.data.copy()
                data[f"{formset.prefix}-TOTAL_FORMS"] = "0"
                data[f"{formset.prefix}-INITIAL_FORMS"] = "0"
                formset.data = data

    def is_publishing(self) -> bool:
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing():
            return cleaned_data
        model = self._meta.model
        required_fields = model.translated_required_fields
        for language in settings.REQUIRED_LANGUAGES:
            missing = []
            for name in required_fields:
                field_name = f"{name}_{language}"
                if field_name not in self.fields:
                    continue
                if not has_content(cleaned_data.get(field_name)):
                    missing.append(field_name)
            for field_name in missing:
                self.add_error(
                    field_name,
                    ValidationError(
                        _("The %(language)s version is required to publish.")
                        % {"language": LANGUAGE_NAMES[language]},
                        code="language_required",
                    ),
                )
            if missing:
                self.add_error(
                    None,
                    _("This page cannot be published without its %(language)s version.")
                    % {"language": LANGUAGE_NAMES[language]},
                )
        self.check_accessibility(cleaned_data)
        return cleaned_data

    def check_accessibility(self, cleaned_data) -> None:
        """Refuse to publish content with accessibility problems: each is shown at the
        top of the editor and on the block it concerns."""
        codes = [code for code, _name in settings.LANGUAGES]
        for base in translated_stream_fields(self._meta.model):
            bodies = {
                code: cleaned_data.get(f"{base}_{code}")
                for code in codes
                if f"{base}_{code}" in self.fields and f"{base}_{code}" not in self.errors
            }
            problems = check_translations(bodies)
            for problem in problems:
                self.add_error(None, ValidationError(problem.message, code=problem.code))
            for language, group in groupby(problems, key=lambda p: p.language):
                self.add_error(f"{base}_{language}", stream_error(list(group)))


class AgencyMediaPageForm(TranslatedPageForm):
    """A page form that refuses images and documents of another agency in the fields
    the model lists in `agency_media_fields`."""

    def clean(self):
        cleaned_data = super().clean()
        names = [n for n in self._meta.model.agency_media_fields if n in self.fields]
        page = self.instance if self.instance.pk else self.parent_page
        agency = agency_for_page(page) if page is not None else None
        values = {name: cleaned_data.get(name) for name in names}
        for name in foreign_media_fields(agency, values):
            self.add_error(
                name,
                ValidationError(_("Choose a file of your own agency."), code="foreign_media"),
            )
        return cleaned_data


class LegalActForm(AgencyMediaPageForm):
    """A legal act's form: the acts it amends must be acts of its own agency (the page
    chooser offers only those; this closes a crafted form post), and not itself."""

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("amends_links")
        if formset is None:
            return valid
        page = self.instance if self.instance.pk else self.parent_page
        home = agency_home_path(page) if page is not None else None
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            act = data.get("amended_act")
            if act is None or data.get("DELETE"):
                continue
            if self.instance.pk and act.pk == self.instance.pk:
                form.add_error(
                    "amended_act",
                    ValidationError(_("An act cannot amend itself."), code="self_amendment"),
                )
                valid = False
            elif home is None or agency_home_path(act) != home:
                form.add_error(
                    "amended_act",
                    ValidationError(_("Choose an act of your own agency."), code="foreign_act"),
                )
                valid = False
        return valid


class ProblemsError(StreamBlockValidationError):
    """A StreamBlockValidationError whose own message is readable: the editor's error
    summary lists it next to the field's label."""

    def __init__(self, message, **kwargs):
        super().__init__(**kwargs)
        self.message = message


def stream_error(problems) -> StreamBlockValidationError:
    """The problems of one StreamField, as the error the StreamField editor shows on
    each block (and, for a struct block, on the field to change)."""
    by_block: dict[int, dict] = {}
    loose = []
    for problem in problems:
        if problem.index is None:
            loose.append(ValidationError(problem.message, code=problem.code))
            continue
        by_block.setdefault(problem.index, {}).setdefault(problem.field, []).append(problem)
    block_errors = {}
    for index, fields in by_block.items():
        whole = [p.message for p in fields.pop(None, [])]
        if fields:
            block_errors[index] = StructBlockValidationError(
                block_errors={
                    name: ValidationError([p.message for p in items])
                    for name, items in fields.items()
                },
                non_block_errors=whole or None,
            )
        else:
            block_errors[index] = ValidationError(whole)
    summary = ngettext(
        "%(count)s accessibility problem must be fixed before publishing; it is marked "
        "on its block.",
        "%(count)s accessibility problems must be fixed before publishing; they are marked "
        "on their blocks.",
        len(problems),
    ) % {"count": len(problems)}
    return ProblemsError(summary, block_errors=block_errors, non_block_errors=loose or None)


def foreign_media_fields(agency, values: dict) -> list[str]:
    """The names of `values` (images, documents) held in another agency's collection.
    The choosers only offer the agency's own; this closes a crafted form post."""
    chosen = {name: obj for name, obj in values.items() if obj is not None}
    if agency is None or not chosen:
        return []
    foreign: set[int] = set()
    others = Agency.objects.exclude(pk=agency.pk).exclude(collection=None)
    for collection in Collection.objects.filter(pk__in=others.values("collection_id")):
        foreign.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return [name for name, obj in chosen.items() if obj.collection_id in foreign]
