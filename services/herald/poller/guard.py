"""The SSRF guard: feeds may only make us talk to public addresses on the internet.

Resolve first, check every address, then connect to the address that was checked. Private,
loopback, link-local, multicast, reserved and shared (100.64/10) ranges are refused, including their
IPv4-mapped, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) disguises, which CPython reports as global.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


class Blocked(Exception):
    """The URL or the address it resolves to is not allowed."""


def _unwrap(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour:
            return ip.sixtofour
        if ip.teredo:
            return ip.teredo[1]
    return ip


def is_public(address: str) -> bool:
    ip = _unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_private or ip.is_loopback)


def check_url(url: str, allowed: set[str]) -> tuple[str, int, str]:
    """Validate a URL and resolve it; returns (host, port, vetted ip) to connect to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise Blocked(f"scheme {parts.scheme!r} is not http or https")
    if parts.username or parts.password:
        raise Blocked("credentials in URLs are refused")
    host = parts.hostname
    if not host:
        raise Blocked("no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Blocked(f"cannot resolve {host}: {exc}") from None
    addresses = [str(info[4][0]) for info in infos]
    if host in allowed or any(a in allowed for a in addresses):
        return host, port, addresses[0]
    bad = [a for a in addresses if not is_public(a)]
    if bad:
        raise Blocked(f"{host} resolves to non-public address {bad[0]}")
    return host, port, addresses[0]
