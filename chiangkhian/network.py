"""Who is asking: the client's address, the same for the traffic log and the visitor counts."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the X-Forwarded-For entry of the nearest of TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it saw; entries further left can be forged by the
    client, so only the one the outermost trusted proxy wrote is believed. None when the
    address is not an IP address.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def same_origin(request):
    """Whether a form post comes from a page of this site, judged by the browser's headers.

    For anonymous forms that carry no CSRF token (so that their pages stay cacheable): every
    current browser sends Sec-Fetch-Site or Origin with a post, and a cross-site one says so.
    A request with neither header did not come from another site's page in a browser.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if origin:
        return origin.split("://", 1)[-1] == request.get_host()
    return True
