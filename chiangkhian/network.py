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
