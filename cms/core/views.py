from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse


def healthz(request):
    """Liveness for load balancers: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {settings.SECURITY_TXT_EXPIRES}",
        "Preferred-Languages: kk, ru, en",
        f"Canonical: {base}/.well-known/security.txt",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
