from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .audit import ACTIONS
from .models import TwoFactorPolicy


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


class TwoFactorPolicyViewSet(ModelViewSet):
    """Settings → Two-factor policies: which groups (an agency's editors, moderators)
    must use a second factor. Only users with the model's permissions (platform
    admins) see it."""

    model = TwoFactorPolicy
    icon = "lock"
    menu_label = _("Two-factor policies")
    add_to_settings_menu = True
    form_fields = ["group", "required"]
    list_display = ["group", "required"]


@hooks.register("register_admin_viewset")
def register_two_factor_policies():
    return TwoFactorPolicyViewSet("two_factor_policies")
