"""The topic registry: one place, consistent with the stages' tables."""

from __future__ import annotations

from herald.core import topics


def test_names_are_unique() -> None:
    names = [t.name for t in topics.ALL]
    assert len(names) == len(set(names))


def test_state_topics_are_compacted_and_data_topics_expire() -> None:
    for spec in topics.ALL:
        cfg = spec.config()
        if spec.schema is None and spec.compacted:
            assert cfg["cleanup.policy"] == "compact", spec.name
        else:
            # Contract topics, and a stage's own routing topics (no schema, "herald." prefix).
            assert spec.schema is not None or spec.name.startswith("herald."), spec.name
            assert cfg["cleanup.policy"] == "delete" and int(cfg["retention.ms"]) > 0, spec.name


def test_changelog_names_follow_faust() -> None:
    assert topics.changelog("dedup", "seen").name == "herald-dedup-seen-changelog"


def test_every_stage_table_uses_a_registry_changelog() -> None:
    """Faust names changelogs after the app and table; the registry must pre-create exactly those."""
    from prometheus_client import CollectorRegistry

    from herald.alerts import delivery_agent, novelty_agent
    from herald.alerts.settings import AlertSettings
    from herald.dedup import agent as dedup_agent

    settings = AlertSettings(webhook_url=None)
    registered = {t.name for t in topics.ALL}
    changelogs = set()
    for build in (dedup_agent.build, novelty_agent.build, delivery_agent.build):
        app = build(settings, CollectorRegistry())
        changelogs |= {table.changelog_topic.get_topic_name() for table in app.tables.values()}
    assert changelogs
    assert changelogs <= registered
