"""The SSRF guard: which addresses count as public, URL shape checks, and the allow-list."""

from __future__ import annotations

import pytest

from herald.poller.guard import AddressPolicy, Blocked, check_url, is_public


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared address space (RFC 6598), neither private nor global in CPython
        "0.0.0.0",
        "224.0.0.251",  # multicast
        "240.0.0.1",  # reserved
        "192.0.0.8",  # IETF protocol assignment CPython calls global
        "::1",
        "::",
        "fe80::1%eth0",
        "fc00::7",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, which CPython reports as global
        "64:ff9b:1::a00:1",  # local-use NAT64 of 10.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254, also "global" to CPython
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "not an address",
    ],
)
def test_internal_and_disguised_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34", "64:ff9b::5db8:d822"]
)
def test_public_addresses_and_their_translations_are_public(address: str) -> None:
    assert is_public(address)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://feeds.example.org/a.xml",
        "gopher://x/",
        "http://user:pw@feeds.example.org/",
        "http:///path",
        "http://[::1",
    ],
)
def test_check_url_refuses_other_schemes_credentials_and_garbage(url: str) -> None:
    with pytest.raises(Blocked):
        check_url(url)


def test_check_url_gives_host_and_default_port() -> None:
    assert check_url("https://Feeds.Example.org./rss").host == "feeds.example.org"
    assert check_url("https://feeds.example.org/rss").port == 443
    assert check_url("http://feeds.example.org:8080/rss").port == 8080


def test_one_internal_address_refuses_the_whole_name() -> None:
    policy = AddressPolicy()
    with pytest.raises(Blocked, match=r"10\.0\.0\.5"):
        policy.vet("rebind.example", ["93.184.216.34", "10.0.0.5"])
    assert policy.vet("ok.example", ["93.184.216.34"]) == ["93.184.216.34"]


def test_allow_list_takes_ips_networks_and_names() -> None:
    policy = AddressPolicy(["127.0.0.1", "10.8.0.0/16", "intranet.local"])
    assert policy.vet("localhost", ["127.0.0.1"]) == ["127.0.0.1"]
    assert policy.vet("feeds.corp", ["10.8.4.4"]) == ["10.8.4.4"]
    assert policy.vet("intranet.local", ["192.168.5.5"]) == ["192.168.5.5"]
    with pytest.raises(Blocked):
        policy.vet("other.corp", ["10.9.0.1"])
    with pytest.raises(Blocked):
        policy.vet("nothing.example", [])


def test_empty_allow_list_refuses_loopback() -> None:
    with pytest.raises(Blocked):
        AddressPolicy().vet("localhost", ["127.0.0.1"])
