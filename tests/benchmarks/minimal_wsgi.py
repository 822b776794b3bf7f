"""The reference of the page benchmark: a minimal Django project (one view returning
"ok", no middleware, no database) served by gunicorn exactly like the CMS."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-only-insecure-key",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_TZ=True,
    )


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
