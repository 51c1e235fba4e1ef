"""News constructions the rules read as events (round 23, issue 15, second pass on dev_folded_r1):
a war's running toll or a year's tally told as background, a war's duration, a condition ("if ...
fired a missile"), the reason given for an evacuation order, a truce as a point in time, a month-dated
earlier attack, a ransomware "attack" that "forces" hospitals, gunmen who "storm" a base, and arrests
the police expect. Each sentence is our own, in the shape of a dev_folded_r1 report the rules read
wrongly before."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body), veto=False)}


def test_a_wars_running_toll_of_dead_and_displaced_is_no_evacuation() -> None:
    found = _types(
        "Shelling kills 14 in Sudan's Kadugli, medics say",
        "Artillery fire on a market in Kadugli killed at least 14 people and wounded 40 on Sunday, a "
        "medics' group said on Monday. The war between the army and the paramilitaries, which began two "
        "years ago, has killed tens of thousands of people and displaced 12 million, the UN says.",
    )
    assert found == {"missile_artillery_strike"}


def test_a_tally_since_a_month_of_killed_and_displaced_is_no_evacuation() -> None:
    found = _types(
        "Drone strike on motorbike kills one in south Lebanon",
        "One man died on Tuesday when an Israeli drone struck his motorbike near the town of Bint Jbeil, "
        "the health ministry said. Since October cross-border violence has killed some 500 people in "
        "Lebanon and displaced more than 90,000, according to a UN tally.",
    )
    assert found == {"air_drone_strike"}


def test_a_years_tally_of_attacks_is_no_clash() -> None:
    found = _types(
        "Gunmen kill 15 villagers in Burkina Faso's north",
        "Armed men on motorbikes attacked a village in Burkina Faso's Sahel region overnight, killing "
        "15 civilians, security sources said on Sunday. Jihadist attacks in Mali and Niger killed more "
        "than 3,000 people last year, according to the UN.",
    )
    assert found == {"attack_on_civilians"}


def test_a_wars_duration_is_no_clash() -> None:
    found = _types(
        "Gunmen kill nine in Zamfara village, police say",
        "Gunmen on motorcycles rode into a farming village in Zamfara state on Saturday and shot dead "
        "nine villagers, a police spokesman said. The army has been fighting an Islamist insurgency in "
        "the northeast for more than a decade.",
    )
    assert found == {"attack_on_civilians"}


def test_where_the_village_lies_after_an_attribution_is_no_clash() -> None:
    found = _types(
        "Russia says its forces captured village of Dachne",
        "Russian troops have captured the village of Dachne in Ukraine's Donetsk region, the defence "
        "ministry in Moscow said on Sunday. According to Ukrainian military bloggers, the village lies "
        "about 8 km west of Selydove, which Russian forces have stormed.",
    )
    assert found == {"territory_change"}


def test_an_earlier_bombing_dated_by_its_month_is_no_new_attack() -> None:
    found = _types(
        "Rebels bomb Colombian oil pipeline for the fourth time this year",
        "Colombia's Bicentenario pipeline was bombed on Sunday near Saravena, spilling crude into a "
        "stream, the state oil company said; nobody was hurt. The rebels also claimed a February car "
        "bombing of a police station in which 9 people died.",
    )
    assert found == {"infrastructure_attack"}


def test_a_truce_as_a_point_in_time_is_no_peace_talks() -> None:
    found = _types(
        "Rebels blast pipeline in Colombia after ceasefire lapses",
        "Guerrillas bombed the Cano Limon pipeline in Arauca province on Sunday, sending a column of "
        "smoke over the plain, the army said.",
    )
    assert found == {"infrastructure_attack"}


def test_what_a_state_would_do_if_a_missile_were_fired_is_no_strike() -> None:
    found = _types(
        "North Korea warns of 'merciless' response to any pre-emptive attack",
        "North Korea warned on Tuesday it would answer any pre-emptive strike with overwhelming force. "
        "Seoul said it would defend itself if Pyongyang fired a ballistic missile toward the south.",
    )
    assert found == set()


def test_the_attacks_an_evacuation_order_cites_are_no_strike_or_clash() -> None:
    found = _types(
        "Ukraine orders children evacuated from front-line villages in Sumy",
        "KYIV - Ukraine on Wednesday ordered the evacuation of about 400 children from 12 villages near "
        "the front line in the Sumy region as Russian attacks intensify, officials said. Because of the "
        "difficult security situation and enemy shelling, the children will be moved with a parent.",
    )
    assert found == {"evacuation"}


def test_the_attacks_an_evacuation_order_cites_by_citing_are_no_clash() -> None:
    found = _types(
        "Ukraine to evacuate children from four villages in Kharkiv",
        "KYIV - Ukraine on Friday ordered children to be evacuated from four villages near the front "
        "line in the Kharkiv region, citing more frequent attacks as its troops report gains nearby.",
    )
    assert found == {"evacuation"}


def test_a_ransomware_attack_that_forces_hospitals_to_divert_is_no_clash() -> None:
    found = _types(
        "Ransomware attack forces hospitals in three states to divert ambulances",
        "A hospital group in three US states sent emergency patients elsewhere on Friday after a "
        "ransomware attack took its network offline, the company said.",
    )
    assert found == {"cyberattack"}


def test_militants_who_storm_a_base_are_no_storm() -> None:
    found = _types(
        "Twenty dead as militants storm army base in Somalia",
        "At least 20 people died when militants attacked a military base near Afgoye before dawn on "
        "Monday, officials said, in a two-hour gun battle with soldiers.",
    )
    assert "natural_disaster" not in found
    assert "armed_clash" in found


def test_arrests_the_police_expect_are_no_arrests() -> None:
    found = _types(
        "Police make 20 arrests after night of rioting in Belfast",
        "Police said on Saturday they had made 20 arrests after rioters looted shops and set cars on "
        "fire in central Belfast overnight. The chief constable said about 300 people had taken part and "
        "expects many more arrests.",
    )
    assert found == {"riot"}


def test_weeks_before_a_truce_begins_is_no_peace_talks() -> None:
    found = _types(
        "Rebels blow up oil pipeline in Colombia weeks before ceasefire",
        "Guerrillas destroyed a stretch of the Bicentenario pipeline in Arauca province on Tuesday, the "
        "army said, three weeks before a bilateral ceasefire is due to begin.",
    )
    assert found == {"infrastructure_attack"}


def test_a_place_named_by_an_earlier_attack_is_no_attack() -> None:
    found = _types(
        "Police make 20 arrests after night of rioting in Belfast",
        "Police said on Saturday they had made 20 arrests after rioters looted shops and set cars on "
        "fire in central Belfast overnight. The trouble began when a small group of protesters clashed "
        "with officers near the scene of a knife attack outside a shop earlier on Friday.",
    )
    assert found == {"riot"}


def test_talks_two_leaders_are_at_odds_over_are_no_peace_talks() -> None:
    found = _types(
        "Sudan's president sacks prime minister",
        "Sudan's president said on Sunday he had dismissed the prime minister and his cabinet for "
        "failing to do their job. The two men have been at odds for months over the budget and over "
        "peace talks with the rebels.",
    )
    assert found == {"leadership_change"}


def test_displaced_people_who_had_been_living_in_a_struck_house_are_no_new_evacuation() -> None:
    found = _types(
        "Israeli strike on Jabalia house kills 30, civil defence says",
        "An Israeli strike on a house in Jabalia in northern Gaza on Sunday killed at least 30 people, "
        "the civil defence agency said. Dozens of displaced people had been living in the house, a "
        "neighbour said.",
    )
    assert found == {"air_drone_strike"}


def test_arrests_as_a_crowd_joins_a_march_belong_to_the_march() -> None:
    found = _types(
        "12 officers hurt and 30 arrested as 80,000 join Paris pension march",
        "About 80,000 people marched through Paris on Saturday against the pension reform, police "
        "said. Bottles were thrown at officers near the Place de la Nation.",
    )
    assert found == {"protest"}


def test_one_military_jet_that_bombs_a_village_is_an_air_strike() -> None:
    found = _types(
        "Military jet bombs village in Myanmar's Magway, killing seven",
        "A Myanmar military jet dropped two bombs on a village in the Magway region on Wednesday, "
        "killing seven people, a resistance fighter told reporters.",
    )
    assert found == {"air_drone_strike"}


def test_a_train_that_derails_is_an_accident() -> None:
    found = _types(
        "Express train derails in Odisha, killing at least three",
        "At least three people were killed and 40 hurt when the Howrah Express came off the tracks "
        "near Cuttack on Sunday, officials said.",
    )
    assert found == {"industrial_accident"}


def test_a_jet_that_bursts_into_flames_on_landing_is_an_accident() -> None:
    found = _types(
        "Airliner bursts into flames at Tehran airport, killing 12",
        "At least 12 people were killed when a passenger jet burst into flames during an emergency "
        "landing at Tehran's airport on Monday, officials said.",
    )
    assert found == {"industrial_accident"}


def test_the_first_outbreak_since_a_year_is_news_not_history() -> None:
    found = _types(
        "Cape Verde reports first cholera outbreak since 1995, WHO says",
        "Cape Verde is dealing with its first cholera outbreak since 1995, the World Health "
        "Organization said on Friday, with 40 confirmed cases.",
    )
    assert found == {"disease_outbreak"}


def test_a_named_force_that_kills_villagers_attacks_civilians() -> None:
    found = _types(
        "Paramilitaries kill 80 in Darfur village, activists say",
        "The Rapid Support Forces killed at least 80 villagers in a raid on a village west of El "
        "Geneina on Saturday, a local resistance committee said.",
    )
    assert found == {"attack_on_civilians"}
