from django.conf import settings
from django.utils.translation import get_language

from .i18n import path_in_language
from .languages import SCRIPT_VARIANTS


def platform(request):
    """Language alternates of the current URL, for the switcher and hreflang links.

    Each is {code (the BCP 47 tag: lang and hreflang), name, path, absolute, current};
    a language's script variants (kk-Latn, cms.core.script) follow it."""
    current = get_language() or settings.LANGUAGE_CODE
    variant = getattr(request, "script_variant", None)
    base = f"{request.scheme}://{request.get_host()}"
    alternates = []
    for code, name in settings.LANGUAGES:
        path = path_in_language(request.path, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "path": path,
                "absolute": base + path,
                "current": code == current and variant is None,
            }
        )
        for other in SCRIPT_VARIANTS:
            if other.language != code:
                continue
            path = path_in_language(request.path, other.prefix)
            alternates.append(
                {
                    "code": other.tag,
                    "name": other.name,
                    "path": path,
                    "absolute": base + path,
                    "current": variant == other,
                }
            )
    return {
        "language_alternates": alternates,
        "platform_name": settings.PLATFORM_NAME.get(current, settings.PLATFORM_NAME["kk"]),
    }
