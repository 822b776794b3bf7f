"""After `migrate` (every deployment) the daily compliance check is queued on the
task worker, unless one is waiting already (tasks.schedule_daily_compliance)."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate, dispatch_uid="compliance_schedule_daily")
def schedule_after_migrate(sender, app_config=None, **kwargs):
    if app_config is None or app_config.label != "compliance":
        return
    from .tasks import schedule_daily_compliance

    schedule_daily_compliance()
