"""Real reporting that raised no event or the wrong count (issue 16's new timelines): a bombing told as
blasts tearing through a crowd at an anniversary, bombs that "went off", a dam burst counted in bodies
and retold as "the burst dam", and a flood season's running total in a headline, through the real
enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.quantity_context import read_sentence
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_blasts_tearing_through_an_anniversary_crowd_are_an_attack_with_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Two blasts near Soleimani's tomb in Kerman kill at least 20",
        "Two explosions tore through crowds marking the fourth anniversary of General Qassem Soleimani's "
        "killing near his grave in the southern city of Kerman on Wednesday, killing at least 20 people, "
        "state television said. A deputy governor called it a terrorist attack.",
    )
    assert found["attack_on_civilians"].magnitude.get("killed") == 20


def test_bombs_that_went_off_and_a_bombing_toll_are_an_attack(enrich: Enrich) -> None:
    went_off = read_events(
        enrich,
        "Twin explosions at Soleimani memorial kill 73 in Iran",
        "At least 73 people were killed and 170 wounded when two bombs went off about 20 minutes apart "
        "on the road to the cemetery in Kerman where Qassem Soleimani is buried, Iran's emergency "
        "services said.",
    )
    assert went_off["attack_on_civilians"].magnitude.get("killed") == 73
    toll = read_events(
        enrich,
        "Kerman bombing toll climbs to 103, Iranian media say",
        "The number of people killed in the twin bombings near Qassem Soleimani's grave in Kerman has risen "
        "to 103, with 188 wounded, Iranian state media said on Wednesday.",
    )
    assert toll["attack_on_civilians"].magnitude.get("killed") == 103


def test_a_dam_burst_counted_in_bodies_is_a_disaster_sized_by_its_own_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Dam bursts near Mai Mahiu, 42 bodies recovered",
        "The Old Kijabe dam above Mai Mahiu in Nakuru county burst before dawn on Monday, sending a wall of "
        "water and mud through Kamuchiri village and killing at least 42 people, Naivasha's police "
        "commander said. The deaths raise the floods toll in the country to more than 120.",
    )
    assert found["natural_disaster"].magnitude.get("killed") == 42


def test_a_toll_of_the_burst_dam_is_the_disaster_s(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Mai Mahiu toll rises to 61 as rescuers dig through mud",
        "Rescuers pulled more bodies from the mud downstream of the burst dam in Mai Mahiu, raising the toll "
        "to 61, Nakuru's governor said on Wednesday. Seventeen people are still missing.",
    )
    assert found["natural_disaster"].magnitude.get("killed") == 61


def test_a_season_total_in_the_headline_is_the_body_s_total_not_the_day_s_event(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Kenya's flood death toll rises to 169",
        "The number of people killed by floods in Kenya since March has risen to 169 after the dam burst in "
        "Nakuru county, the interior ministry said on Tuesday.",
    )
    assert "killed" not in found["natural_disaster"].magnitude


def test_a_frame_at_the_end_of_two_coordinated_counts_holds_for_both() -> None:
    sentence = (
        "Heavy rains and floods have killed 70 people and displaced more than 20,000 families across Kenya "
        "since mid-March, the government spokesman said on Friday."
    )
    spans = [(sentence.find(n), sentence.find(n) + len(n)) for n in ("70", "20,000")]
    assert [c.time_ref for c in read_sentence(sentence, spans, ["killed", "displaced"])] == [
        "cumulative",
        "cumulative",
    ]


def test_a_headline_toll_the_body_tells_over_the_event_s_own_week_stays(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Landslides kill nine in remote village",
        "Nine more people were killed this week when landslides set off by heavy rain buried houses in the "
        "remote village of Naraharinath, a home ministry official said on Wednesday. Floods and landslides "
        "have now killed 160 people since late May.",
    )
    assert found["natural_disaster"].magnitude.get("killed") == 9


def test_a_virus_s_first_cases_in_a_country_are_an_outbreak_a_step_more_severe(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cuba confirms its first cases of Oropouche fever, in Santiago de Cuba",
        "Cuba's public health ministry said on Monday it had detected Oropouche virus in patients from "
        "Santiago de Cuba and Songo La Maya, the first time the disease has been found in the country. All "
        "the patients are recovering.",
    )
    outbreak = found["disease_outbreak"]
    assert outbreak.severity == 3
    assert any("first arrival" in reason for reason in outbreak.severity_reasons)
    spread = read_events(
        enrich,
        "Oropouche now circulating in 12 of Cuba's provinces",
        "The Oropouche virus has been confirmed in 39 municipalities of 12 provinces, Cuba's chief "
        "epidemiologist said.",
    )
    assert spread["disease_outbreak"].severity == 2


def test_the_dead_counted_by_an_ordinal_and_lower_austria_placed(enrich: Enrich) -> None:
    """storm_boris: "Woman, 81, is Austria's fifth flood victim" gave no count, and "Lower Austria" (ISO's
    Niederösterreich) no country."""
    found = read_events(
        enrich,
        "Woman, 81, is Austria's fifth flood victim",
        "Firefighters found the body of an 81-year-old woman in her flooded home in Lower Austria, making "
        "her the fifth person in Austria to die in the floods, a police spokesman said.",
    )["natural_disaster"]
    assert found.magnitude.get("killed") == 5
    assert found.location is not None and found.location.country_code == "AT"
    assert found.location.admin1 == "Lower Austria"
