"""The address a request came from, told apart from the reverse proxies in front of the site.

Behind the documented proxy every request arrives from the proxy's own address (REMOTE_ADDR), so
a lockout keyed on it would lock everyone out at once. Each of the TRUSTED_PROXY_COUNT proxies adds
the address it received the request from to X-Forwarded-For; django-ipware reads the client's
address from there and trusts no more entries than that. Without proxies the header is ignored:
anyone can send it.
"""

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip

# What REMOTE_ADDR holds when a test or a management command builds a request without one.
UNKNOWN = "0.0.0.0"


def client_ip(request: HttpRequest) -> str:
    remote: str = request.META.get("REMOTE_ADDR") or UNKNOWN
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    # django-ipware counts the proxies listed in the header after the client: all but the outermost.
    # A header with more entries than our proxies wrote was forged in part: ipware (strict) refuses
    # it, and the request counts against the proxy's address, shared only by other forged requests.
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=True,
    )
    return address or remote
