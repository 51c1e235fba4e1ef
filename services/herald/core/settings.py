"""Typed configuration from the environment.

Every process builds exactly one settings object in its entry point and passes it down; nothing else
reads ``os.environ``. Services extend :class:`CoreSettings` with their own fields (one class per
service, same ``HERALD_`` prefix), so a variable means the same thing in every process.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class CoreSettings(BaseSettings):
    """Settings every Herald process needs: where Kafka is, where state lives, how to log."""

    model_config = SettingsConfigDict(env_prefix="HERALD_", env_file=None, extra="ignore")

    kafka_bootstrap: str = Field(
        "127.0.0.1:9092", description="Kafka bootstrap servers, comma-separated host:port."
    )
    partitions: int = Field(
        6, ge=1, description="Partitions of every pipeline topic (the unit of scale-out)."
    )
    replication_factor: int = Field(1, ge=1, description="Replication factor of every topic Herald creates.")
    min_insync_replicas: int = Field(
        1,
        ge=1,
        description="min.insync.replicas of every topic Herald creates when replication_factor > 1 "
        "(2 with 3 replicas: an acknowledged record is on two brokers; below two in sync, sends fail "
        "and the pipeline pauses instead of losing data).",
    )
    idempotent_producers: bool | None = Field(
        None,
        description="Stream workers' producers idempotent (a retried send is written once); unset: on "
        "when replication_factor > 1. Every producer uses acks=all; the poller's is always idempotent.",
    )
    state_dir: Path = Field(Path(".herald"), description="Local state: broker data, logs, pids, Faust data.")
    log_level: str = Field("INFO", description="Log level for Herald's own loggers.")
    log_format: str = Field("text", description="'text' for people, 'json' for log shippers.")
    metrics_host: str = Field("127.0.0.1", description="Interface the /metrics endpoint binds to.")
    metrics_port: int = Field(0, ge=0, description="Port of /metrics; 0 means the service's default.")
    session_timeout_seconds: float = Field(
        10.0,
        gt=0,
        description="Kafka consumer-group session timeout: how soon a crashed worker's partitions move on.",
    )
    max_record_bytes: int = Field(
        1_048_576, ge=1024, description="Records larger than this are dead-lettered as too_large."
    )
    producer_batch_bytes: int = Field(
        524_288,
        ge=1024,
        description="Most bytes every producer (stream workers and poller) packs into one partition's "
        "record batch: larger batches, fewer produce requests per record; a batch waits at most "
        "producer_linger_seconds to fill, and a bigger record still goes, alone.",
    )
    producer_linger_seconds: float = Field(
        0.005,
        ge=0,
        le=1,
        description="How long every producer waits for more records before sending a batch (latency "
        "added per hop, at most).",
    )
    changelog_linger_seconds: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Stream workers send a batch's outputs at once and let table changelog records wait "
        "this long for the next batch's outputs, to go in one produce request with them (an offset "
        "commit sends them first); 0: every record waits producer_linger_seconds instead.",
    )
    commit_interval_seconds: float = Field(
        1.0,
        gt=0,
        description="Stream workers commit their input offsets this often; only records whose outputs "
        "the broker acknowledged are committed, so a crash re-reads at most this much (idempotent "
        "downstream).",
    )
    commit_every_records: int = Field(
        10_000,
        ge=1,
        description="Stream workers also commit as soon as this many records were acknowledged since "
        "the last commit (Faust's broker_commit_every); above the records a worker takes in "
        "commit_interval_seconds, the interval alone commits.",
    )

    @field_validator("log_format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in {"text", "json"}:
            raise ValueError("log_format must be 'text' or 'json'")
        return value

    @model_validator(mode="after")
    def _isr_fits(self) -> CoreSettings:
        if self.replication_factor > 1 and self.min_insync_replicas > self.replication_factor:
            raise ValueError("min_insync_replicas cannot exceed replication_factor")
        return self

    @model_validator(mode="after")
    def _batch_fits(self) -> CoreSettings:
        if self.producer_batch_bytes > self.max_request_bytes:
            raise ValueError("producer_batch_bytes cannot exceed a produce request (2 x max_record_bytes)")
        return self

    @property
    def max_request_bytes(self) -> int:
        """Largest produce request a producer sends: room for a record of ``max_record_bytes`` and more."""
        return self.max_record_bytes * 2

    @property
    def idempotent(self) -> bool:
        """Whether stream workers' producers are idempotent (see ``idempotent_producers``)."""
        if self.idempotent_producers is None:
            return self.replication_factor > 1
        return self.idempotent_producers

    def replication_config(self) -> dict[str, str]:
        """Topic configuration the replication settings add to every topic Herald creates."""
        if self.replication_factor <= 1:
            return {}
        return {"min.insync.replicas": str(self.min_insync_replicas)}

    @property
    def bootstrap_servers(self) -> list[str]:
        return [s.strip() for s in self.kafka_bootstrap.split(",") if s.strip()]
