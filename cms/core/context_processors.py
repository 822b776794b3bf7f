from django.conf import settings
from django.utils.translation import get_language

from .i18n import language_alternates


def platform(request):
    """Language alternates of the current URL (cms.core.i18n.language_alternates), for
    the switcher and hreflang links; a language's script variants (kk-Latn,
    cms.core.script) follow it."""
    current = get_language() or settings.LANGUAGE_CODE
    return {
        "language_alternates": language_alternates(
            request.path,
            current,
            variant=getattr(request, "script_variant", None),
            base=f"{request.scheme}://{request.get_host()}",
        ),
        "platform_name": settings.PLATFORM_NAME.get(current, settings.PLATFORM_NAME["kk"]),
    }
