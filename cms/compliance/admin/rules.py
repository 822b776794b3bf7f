"""The rules in the admin (Settings → Compliance rules): platform admins only, whatever
their model permissions say."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import BasePermissionPolicy

from cms.tenants.scoping import is_platform_admin

from ..models import ContentRule, SectionRule

ACTIONS = frozenset({"add", "change", "delete", "view"})


class PlatformAdminsOnly(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ACTIONS and is_platform_admin(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users if ACTIONS.intersection(actions) else users.none()


class SectionRuleViewSet(ModelViewSet):
    model = SectionRule
    icon = "time"
    menu_label = _("Section rules")
    list_display = ["section", "category", "required", "kind", "working_days"]
    list_filter = ["category", "required", "kind"]
    form_fields = ["section", "category", "required", "kind", "working_days"]
    copy_view_enabled = False
    inspect_view_enabled = False
    name = "compliance_section_rules"

    @property
    def permission_policy(self):
        return PlatformAdminsOnly(SectionRule)


class ContentRuleViewSet(ModelViewSet):
    model = ContentRule
    icon = "list-ul"
    menu_label = _("Content rules")
    list_display = ["code", "category", "enabled"]
    list_filter = ["category", "enabled"]
    form_fields = ["code", "category", "enabled"]
    copy_view_enabled = False
    inspect_view_enabled = False
    name = "compliance_content_rules"

    @property
    def permission_policy(self):
        return PlatformAdminsOnly(ContentRule)


class ComplianceRulesGroup(ModelViewSetGroup):
    menu_label = _("Compliance rules")
    menu_icon = "tasks"
    menu_order = 160
    items = (SectionRuleViewSet, ContentRuleViewSet)
