"""The SSRF guard: a feed URL may only make the poller talk to public addresses on the internet.

A feed list is input from people and OPML files, and every feed can redirect anywhere, so a URL is
never trusted to stay outside the operator's network. The guard works at two levels:

* :func:`check_url` runs on every hop before a request: http/https only, no credentials, a host.
* :class:`GuardedBackend` is the httpcore network backend every connection goes through. It resolves
  the name itself, refuses the connection if *any* address is not public, and connects to the
  address it checked, while TLS (SNI, certificate) and the Host header still use the name. There is
  no second lookup that DNS rebinding could answer differently (the TOCTOU gap of "check, then let
  the HTTP client resolve again").

Private, loopback, link-local, multicast, reserved, unspecified and shared (100.64/10) ranges are
refused, including their IPv4-mapped, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and
Teredo disguises, which CPython's ``is_global`` reports as global.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# Refused whatever CPython's tables say: they have had gaps (CVE-2024-4032, cpython#119812).
_DENY = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "100.64.0.0/10",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
        "100::/64",
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
    )
)


class Blocked(Exception):
    """The URL, or an address its host resolves to, is not allowed. Never retried within a fetch."""


def _unwrap(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address stands for, when it is one of the translation forms.

    Such an address reaches the IPv4 host it embeds, so that host is what gets judged.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return ip.ipv4_mapped
        if any(ip in net for net in _NAT64):
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour:
            return ip.sixtofour
        if ip.teredo:
            return ip.teredo[1]  # the client address; the server part is public by construction
    return ip


def is_public(address: str) -> bool:
    """True only for a globally routable unicast address (after unwrapping translation forms)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    ip = _unwrap(ip)
    if any(ip in net for net in _DENY if net.version == ip.version):
        return False
    return bool(
        ip.is_global
        and not (
            ip.is_multicast
            or ip.is_reserved
            or ip.is_private
            or ip.is_loopback
            or ip.is_link_local
            or ip.is_unspecified
        )
    )


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int


def check_url(url: str) -> Target:
    """Check a URL's shape before any request; raises :class:`Blocked`. Addresses are checked at connect."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Blocked(f"malformed URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise Blocked(f"scheme {parts.scheme!r} is not http or https")
    if parts.username is not None or parts.password is not None:
        raise Blocked("credentials in URLs are refused")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise Blocked("URL has no host")
    return Target(parts.scheme, host, port or (443 if parts.scheme == "https" else 80))


class AddressPolicy:
    """Which hosts and addresses may be reached: public ones, plus an explicit allow-list.

    The allow-list holds host names, IP addresses or CIDR networks (``127.0.0.1``, ``10.8.0.0/16``).
    It exists for the demo and tests (a feed server on 127.0.0.1) and for operators with a feed
    server inside their own network; it is empty by default.
    """

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.names: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for item in allowed:
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.names.add(item.lower().rstrip("."))

    def _listed(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        return any(ip in net or _unwrap(ip) in net for net in self.networks)

    def vet(self, host: str, addresses: list[str]) -> list[str]:
        """The addresses that may be connected to, in order; raises :class:`Blocked` if any is refused.

        One bad address refuses them all: a name that resolves to both a public and an internal
        address is a rebinding set-up, not a feed.
        """
        if not addresses:
            raise Blocked(f"{host} resolves to no address")
        if host.lower().rstrip(".") in self.names:
            return addresses
        bad = [a for a in addresses if not (self._listed(a) or is_public(a))]
        if bad:
            raise Blocked(f"{host} resolves to non-public address {bad[0]}")
        return addresses


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with the system resolver, without blocking the event loop; addresses in its order."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    return seen


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to addresses the policy vetted.

    httpcore calls ``connect_tcp(host, ...)`` with the URL's host and afterwards ``start_tls`` with
    the same host as server name, so connecting to the vetted IP here keeps SNI and certificate
    checks on the name. Redirects open new connections, which come through here again.
    """

    def __init__(
        self,
        policy: AddressPolicy,
        resolver: Resolver = system_resolver,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.policy = policy
        self.resolver = resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bare = host.strip("[]")
        addresses = [bare] if _is_ip(bare) else await self.resolver(bare, port)
        vetted = self.policy.vet(bare, addresses)
        last: Exception | None = None
        for address in vetted:
            try:
                return await self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise Blocked("unix sockets are never used for feeds")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
