from wagtail import hooks

from .retention import LOG_ACTIONS


@hooks.register("register_log_actions")
def register_retention_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
