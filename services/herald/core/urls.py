"""Canonical article URLs and the article id that follows from one.

The poller names an article by its canonical URL; ``herald analyze`` names an analyst's article
without an id the same way, so the same story gets the same id whichever way it came in.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from herald.core.records import stable_id

_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|twclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok"
    r"|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt\.mc_id|cmpid|ocid|ref|ref_src|ref_url|smid|sr_share|at_medium"
    r"|at_campaign|__twitter_impression|s_cid|ito|spm)$",
    re.I,
)


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The canonical form of an http(s) URL, or None when it is not one.

    Relative links are resolved against ``base`` (the feed URL). The scheme and host are lower-cased
    (and an internationalised host made ASCII), credentials, default ports, the fragment and tracking
    parameters are dropped; the other query parameters keep their order and their encoding, because
    some sites route on them byte for byte.
    """
    url = (url or "").strip()
    if not url:
        return None
    if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url):
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in ("http", "https") or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = host.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or port == (443 if scheme == "https" else 80) else f"{host}:{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
    result = urlunsplit((scheme, netloc, parts.path or "/", query, ""))
    return result if len(result) <= 4096 else None


def url_article_id(url: str) -> str:
    """The id of the article at a canonical URL (what the poller gives an entry with a link)."""
    return stable_id("url", url)
