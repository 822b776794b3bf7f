from django.conf import settings
from django.utils.translation import get_language

from .i18n import path_in_language


def platform(request):
    """Language alternates of the current URL, for the switcher and hreflang links."""
    current = get_language() or settings.LANGUAGE_CODE
    base = f"{request.scheme}://{request.get_host()}"
    alternates = [
        {
            "code": code,
            "name": name,
            "path": path_in_language(request.path, code),
            "absolute": base + path_in_language(request.path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "platform_name": settings.PLATFORM_NAME.get(current, settings.PLATFORM_NAME["kk"]),
    }
