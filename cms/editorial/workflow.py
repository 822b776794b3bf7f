"""The editor's side of the agency's moderation workflow.

Editors cannot publish (see `cms.platform.provisioning.EDITOR_PAGE_PERMISSIONS`); their
pages go to the agency's workflow, whose one task is approval by the agency's
moderators group. Wagtail labels the button "Submit to <workflow name>", which would
show the internal name "minfin: moderation"; it says "Submit to moderators" instead.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem


class SubmitToModeratorsMenuItem(SubmitForModerationMenuItem):
    label = _("Submit to moderators")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit to moderators")
        else:
            context["label"] = self.label
        return context


def rename_submit_item(menu_items) -> None:
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            replacement = SubmitToModeratorsMenuItem(order=item.order)
            menu_items[index] = replacement
