"""Admin hooks of the editorial workflow: the submit button, the reports, the
language column of the page explorer."""

from wagtail import hooks

from .workflow import rename_submit_item


@hooks.register("construct_page_action_menu")
def submit_to_moderators(menu_items, request, context):
    rename_submit_item(menu_items)
