"""Who may use the agency admin screens: platform admins only, whatever their
model permissions say. Agency editors and moderators are refused every action."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

from cms.tenants.isolation.querysets import is_unrestricted

# Agencies are archived, never deleted (their pages are protected by the home page).
ALLOWED_ACTIONS = frozenset({"add", "change", "view", "archive", "reorganise"})


class PlatformAdminPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        # Asked for every row's buttons of the agency list: answered once per request
        # (is_unrestricted keeps the answer on the request's user object).
        return action in ALLOWED_ACTIONS and is_unrestricted(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not ALLOWED_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True) | Q(groups__name=settings.PLATFORM_ADMINS_GROUP)
        ).distinct()
