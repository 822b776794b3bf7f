"""The core app's one table: cache invalidations that an outage kept from the cache
(cms.core.redis_cache). Empty but during and just after a Redis outage."""

from django.db import models


class LostInvalidation(models.Model):
    """A cache key whose deletion could not reach the cache server: deleted there as
    soon as it answers again (`cms.core.redis_cache`), then this row goes."""

    cache = models.CharField(max_length=16, help_text="Digest of the server's address.")
    key = models.TextField(help_text='The key as stored on the server; "*" for all of them.')
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["cache"], name="core_lostinv_cache")]

    def __str__(self) -> str:
        return self.key
