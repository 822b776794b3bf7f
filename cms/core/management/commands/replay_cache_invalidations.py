"""Delete from Redis the keys whose invalidation an outage kept from it
(cms.core.redis_cache), e.g. from cron after an outage, or when in doubt."""

from django.core.management.base import BaseCommand, CommandError

from cms.core.redis_cache import replay_all


class Command(BaseCommand):
    help = "Replay the cache invalidations recorded while Redis was out of reach."

    def handle(self, *args, **options):
        unreachable = []
        for alias, count in replay_all().items():
            if count is None:
                unreachable.append(alias)
            else:
                self.stdout.write(f"{alias}: {count} lost invalidations replayed.")
        if unreachable:
            raise CommandError(f"Out of reach, nothing replayed: {', '.join(unreachable)}.")
