from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .audit import ACTIONS


@hooks.register("register_log_actions")
def register_security_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up your authenticator app and recovery codes."),
    }
