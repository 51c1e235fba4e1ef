"""Settings of the query API (``herald api``)."""

from __future__ import annotations

import ipaddress

from pydantic import Field, SecretStr, model_validator

from herald.core.settings import CoreSettings

DEFAULT_PORT = 9110


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host`` (a name other than localhost counts as reachable)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ApiSettings(CoreSettings):
    """Where the store is, where the API listens, who may ask, and how much one request may cost."""

    store_url: SecretStr = Field(
        SecretStr(""),
        description=(
            "SQLAlchemy URL of the event store (shared with the store stage); "
            "empty means the SQLite file store.db in the state directory."
        ),
    )
    api_host: str = Field("127.0.0.1", description="Interface the query API binds to.")
    api_port: int = Field(DEFAULT_PORT, ge=0, le=65535, description="Port of the query API (0 picks one).")
    api_token: SecretStr = Field(
        SecretStr(""),
        description="Bearer token the API requires; mandatory when api_host is not a loopback address.",
    )
    api_default_page_size: int = Field(50, ge=1, description="Items per page when a request names no limit.")
    api_max_page_size: int = Field(500, ge=1, description="Largest limit a request may ask for (400 above).")
    api_export_max_rows: int = Field(
        10_000, ge=1, description="Most events one CSV or GeoJSON export returns (newest first)."
    )
    api_query_timeout_seconds: float = Field(
        5.0, gt=0, description="A request's database work is cancelled after this long (503)."
    )
    api_threads: int = Field(4, ge=1, description="Threads that run database queries off the event loop.")

    @model_validator(mode="after")
    def _token_beyond_loopback(self) -> ApiSettings:
        if not is_loopback(self.api_host) and not self.api_token.get_secret_value():
            raise ValueError(
                f"HERALD_API_TOKEN is required when the API listens beyond loopback "
                f"(HERALD_API_HOST={self.api_host}): set a long random token, or bind to 127.0.0.1"
            )
        if self.api_default_page_size > self.api_max_page_size:
            raise ValueError("api_default_page_size must not exceed api_max_page_size")
        return self

    @property
    def database_url(self) -> str:
        return self.store_url.get_secret_value() or f"sqlite:///{(self.state_dir / 'store.db').resolve()}"
