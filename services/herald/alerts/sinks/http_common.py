"""What the HTTP sinks share: one client setup and one reading of a response's status."""

from __future__ import annotations

import httpx

from herald.core.retry_after import retry_after_seconds

from .base import DeliveryError

USER_AGENT = "Herald-alerts/0.1"


def client(timeout: float) -> httpx.AsyncClient:
    """No redirects (a destination that moves must be reconfigured), no proxies from the environment."""
    return httpx.AsyncClient(timeout=timeout, trust_env=False, follow_redirects=False)


def check(response: httpx.Response) -> None:
    """Raise the :class:`DeliveryError` a non-2xx answer means. 5xx, 408, 425 and 429 are transient;
    every other 4xx (a bad payload, a revoked webhook, a missing channel) will not get better."""
    status = response.status_code
    if 200 <= status < 300:
        return
    retryable = status >= 500 or status in (408, 425, 429)
    detail = response.text[:200].strip() if response.content else ""
    raise DeliveryError(
        f"HTTP {status}{': ' + detail if detail else ''}",
        retryable=retryable,
        retry_after=retry_after_seconds(response.headers.get("retry-after")),
        reason=f"http_{status}" if status in (408, 425, 429) else f"http_{status // 100}xx",
    )


async def post(http: httpx.AsyncClient, url: str, *, content: bytes, headers: dict[str, str]) -> None:
    """One POST; transport errors are transient failures."""
    try:
        response = await http.post(url, content=content, headers={"user-agent": USER_AGENT, **headers})
    except httpx.TimeoutException as exc:
        raise DeliveryError(f"timeout: {exc!r}", retryable=True, reason="timeout") from exc
    except httpx.HTTPError as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}", retryable=True, reason="network") from exc
    check(response)
