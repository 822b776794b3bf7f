import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
_django = get_wsgi_application()

from cms.core.pagecache import WSGIFastPath  # noqa: E402 - after the settings are read

# Page cache hits are answered before Django's handler (cms/core/pagecache.py).
application = WSGIFastPath(_django)
