"""Armed men who storm a place are no storm (issue 16, ecuador_gangs): "Hooded gunmen storm TC Television
on air in Guayaquil; eight killed in the city" raised a natural disaster beside the attack, and with it
the world's first disaster in a month. A storm that kills is still one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_gunmen_storming_a_tv_station_are_no_natural_disaster(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Hooded gunmen storm TC Television on air in Guayaquil; eight killed in the city",
        "Armed men burst into the studio of the public channel TC Television during a live newscast and "
        "forced staff to the floor before police arrested 13 of them. Eight people were killed in attacks "
        "across the city.",
    )
    assert "natural_disaster" not in found


def test_a_storm_that_floods_and_kills_is_still_a_natural_disaster(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Storm kills eight in Guayaquil as homes flooded",
        "A violent storm swept the city overnight, killing eight people, flooding streets and tearing roofs "
        "off homes.",
    )
    assert found["natural_disaster"].magnitude.get("killed") == 8


def test_gunmen_firing_on_a_concert_audience_attack_civilians(enrich: Enrich) -> None:
    """moscow_concert_attack: the first report of gunmen in a concert hall gives no toll and names no
    victims, only the audience they fired on; it reported no event, and the attack's first was lost."""
    found = read_events(
        enrich,
        "Gunmen open fire inside a theatre in the city centre",
        "Several men in camouflage burst into the theatre on Friday evening and fired on the audience "
        "before the show, witnesses said. There was no word yet on casualties.",
    )
    assert "attack_on_civilians" in found


def test_gunmen_spraying_spectators_with_fire_attack_civilians(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Gunmen storm a stadium; at least 20 killed",
        "At least 20 people were killed when attackers sprayed spectators with automatic fire during a "
        "match, police said.",
    )
    assert found["attack_on_civilians"].magnitude.get("killed") == 20
