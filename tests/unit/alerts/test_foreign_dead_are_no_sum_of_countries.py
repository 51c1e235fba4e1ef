"""A toll that names the countries its foreign dead came from is still one country's toll: the list
tells whose the dead were, not where they died, so the report's rise updates the story (itaewon_crush's
"151 had died ... 19 foreign nationals among them, from Iran, Uzbekistan, China, Russia and Norway"
was held as a sum of countries). A storm's toll across three countries is still a sum."""

from __future__ import annotations

from herald.alerts.novelty_wording import text_sums_countries


def test_the_foreign_dead_s_home_countries_are_no_sum() -> None:
    assert not text_sums_countries(
        "The crush at the stadium gate has killed 42 people, officials said, and eleven foreign nationals "
        "were among them, from Ghana, Benin, Togo and Niger."
    )
    assert not text_sums_countries(
        "Thirty-one died in the fire, among them foreigners from France, Italy and Spain."
    )


def test_a_toll_across_three_countries_is_still_a_sum() -> None:
    assert text_sums_countries("The storm has killed 27 people in Greece, Turkey and Bulgaria.")
    assert text_sums_countries(
        "The floods killed 40 in Ghana, Benin and Togo, and foreign nationals from Niger were among them."
    )
