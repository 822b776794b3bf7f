"""Image renditions for page views, without a cache write per image per view.

Wagtail's `get_rendition` and `get_renditions` write every rendition they return
back to the rendition cache, also when they have just read it from there: one cache
write per image on every uncached page view (a file written and renamed with the
file cache, a round trip with Redis). `renditions` reads the cache, and only what it
did not find there goes through Wagtail (prefetched, the database, or made now),
which stores it for the next view.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from wagtail.images.models import Filter

# rendition_url: (image, file, focal point, spec) -> URL, the most recent ones.
_URLS: OrderedDict[tuple, str] = OrderedDict()
_URLS_MAX = 512
_URLS_LOCK = Lock()


def renditions(image, *specs: str) -> dict:
    """{spec: rendition} of `image`, like ``image.get_renditions(*specs)``."""
    model = image.get_rendition_model()
    cleaned = {spec: image.clean_filter_for_svg(Filter(spec=spec)) for spec in specs}
    found = {}
    if image._get_prefetched_renditions() is None:
        keys = {
            model.construct_cache_key(image, f.get_cache_key(image), f.spec): f.spec
            for f in cleaned.values()
        }
        for key, rendition in model.cache_backend.get_many(list(keys)).items():
            rendition.image = image  # as Wagtail does: the caller's instance (alt texts)
            found[keys[key]] = rendition
    # Prefetched renditions are marked as such: Wagtail writes nothing back for them.
    missing = [f.spec for f in cleaned.values() if f.spec not in found]
    if missing:
        found.update(image.get_renditions(*missing))
    return {spec: found[f.spec] for spec, f in cleaned.items()}


def rendition(image, spec: str):
    """``image.get_rendition(spec)``, without writing back what the cache held."""
    return renditions(image, spec)[spec]


def rendition_url(image, spec: str) -> str:
    """The URL of ``rendition(image, spec)``, remembered by this process.

    A rendition's URL follows from the image's file, its focal point and the spec
    (Wagtail names rendition files after them), all in the key: a new file or focal
    point is a new key. For what every page repeats (the agency's logo in the meta
    tags and JSON-LD): no cache read at all."""
    key = (
        image.pk,
        image.file.name,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        spec,
    )
    with _URLS_LOCK:
        url = _URLS.get(key)
        if url is not None:
            _URLS.move_to_end(key)
            return url
    url = rendition(image, spec).url
    with _URLS_LOCK:
        _URLS[key] = url
        while len(_URLS) > _URLS_MAX:
            _URLS.popitem(last=False)
    return url
