from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import FeedbackPermissionPolicy, FeedbackViewSet
from .models import Feedback
from .retention import LOG_ACTIONS

register_permission_policy(Feedback, FeedbackPermissionPolicy(Feedback))


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet()


@hooks.register("register_log_actions")
def register_retention_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
