"""The client's address, for login lockout and form rate limits.

Behind N trusted reverse proxies (settings.TRUSTED_PROXY_COUNT) the client is the
N-th address from the right of X-Forwarded-For; entries further left are written by
the client and never trusted. With no proxy, REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote


def client_ip_for_axes(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address, or None when the request has none (a
    login without an HTTP request, e.g. Client.force_login). Axes stores it in an IP
    address column, which PostgreSQL refuses to fill with anything but an address."""
    address = client_ip(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address
