"""A sendfile backend for nginx: the app decides, nginx sends the bytes.

With `SENDFILE_BACKEND = "cms.tenants.sendfile_nginx"` (env `FILES_SENDFILE=nginx`),
a document download (`/documents/<id>/<name>`) or an image under `/media/` that the
app allows answers with an empty response and `X-Accel-Redirect: <SENDFILE_URL><path>`;
nginx serves the file from an `internal` location that no client can request itself:

    location /protected-media/ { internal; alias /srv/birtutas/media/; }
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    root = os.path.realpath(settings.MEDIA_ROOT)
    path = os.path.realpath(filename)
    if os.path.commonpath([root, path]) != root:
        raise ImproperlyConfigured("sendfile_nginx serves files below MEDIA_ROOT only.")
    prefix = getattr(settings, "SENDFILE_URL", "/protected-media/").rstrip("/")
    response = HttpResponse()
    response["X-Accel-Redirect"] = f"{prefix}/{quote(os.path.relpath(path, root))}"
    return response
