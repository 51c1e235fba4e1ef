"""What a number in a sentence counts, as wire copy says it: the patterns around a number that make
it a toll ("killing at least 12", "the death toll rose to 40"), a salvo ("472 drones"), people
driven out ("forced 3,000 from their homes"), a crowd, a quake's magnitude.

Each rule names a unit of the shared vocabulary and what must come right before and/or after the
number; ``magnitude.read_text`` finds the numbers and asks every rule about each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from herald.core import yaml_data

_WORDS: dict[str, Any] = yaml_data.load(
    (Path(__file__).with_name("data") / "counts.yaml").read_text(encoding="utf-8")
)


def _alternation(words: list[str]) -> str:
    """ "(?:a|b|c)" from a word list of ``data/counts.yaml`` (each entry may itself be an expression)."""
    return "(?:" + "|".join(words) + ")"


def _salvo(unit: str, most: int, joined: bool) -> str:
    """ "472 drones", "30 cruise missiles", "two Iskander or KN-23 missiles": up to ``most`` words of
    ``data/counts.yaml`` between the number and the weapon noun (``joined``: "and"/"or" between them)."""
    words = _WORDS["salvo"][unit]
    join = r"(?:(?:and|or)\s+)?" if joined else ""
    return rf"\s+(?:{_alternation(words['words'])}\s+{join}){{0,{most}}}{_alternation(words['nouns'])}\b"


# An agency's revision of a quake's magnitude: the figure that stands (``magnitude.read_text``).
MAGNITUDE_REVISION = (
    r"\b(?:raised|raises|revised|revises|upgraded|upgrades|downgraded|downgrades|lowered|lowers|updated|"
    r"updates)\s+(?:its\s+|the\s+)?(?:estimate\s+of\s+the\s+)?magnitude\b[^.;]{0,70}?\bto\s+"
)
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A quake's magnitude inside the words of a toll: "killed in Tuesday's magnitude 6.4 earthquake"
_QUAKE = r"magnitude[- ]\d(?:\.\d)?|\d(?:\.\d)?[- ]magnitude"
# Who the count is about, between the number and the verb ("12 Ukrainian soldiers were killed").
_WHO = _alternation(_WORDS["who"])
# Where the people are, between them and the verb: "residents of West Point, Kentucky, were ordered to
# leave", or what they are tied to ("14 people linked to the plot were arrested") (a comma goes on only
# to a capitalised name, so "in Uttarakhand, and more ... are missing" ends it; an "and" goes on only
# to a name or more places, so "abducted 20 people from a bus and later killed 12 of them" ends it)
_PLACES_JOINED = (
    r"(?-i:[A-Z])|(?:the\s+)?(?:villages?|towns?|cities|city|districts?|provinces?|regions?|areas?|camps?|"
    r"north|south|east|west|(?:north|south|east|west|centr)al|\w+ern|nearby|surrounding|neighbou?ring|other)\b"
)
_WHERE = (
    r"\s+(?:of|in|from|near|around|within|linked\s+to|connected\s+(?:to|with)|tied\s+to)\s+"
    rf"(?:(?!\s(?:and|or)\s+(?!{_PLACES_JOINED}))[^.;,\d]|,\s*(?-i:[A-Z])){{1,45}}?,?"
)
# "at least 15 people asleep in their homes are feared dead": where they were, by what they were doing
_LIVING = r"(?:\s+(?:living|residing|staying|working|asleep|sleeping))?"
# "Ten other people, most of them shoppers in a grocery on the ground floor, were hurt": an aside that
# says who some of the people were, however long, before their verb
_PART_ASIDE = (
    r"\s*,\s*(?:(?:most|many|all|some|several|half|none|one|two|three|four|five|\d+) of (?:them|whom)|"
    r"including|among them|mostly)\b[^,.;]{1,70},"
    # "Four men - three Mexican nationals and one Bahamian - were arrested": an aside between dashes
    r"|\s+[-\u2013\u2014]{1,2}\s+[^-\u2013\u2014.;]{1,60}?\s+[-\u2013\u2014]{1,2}"
)
# "16 soldiers and civilians were killed": a second group sharing the verb; not a verb of its own
# ("killed at least 95 people and left many missing": the missing are not the 95)
_AND = (
    r"(?:\s+and\s+(?!(?:left|leaving|leave|injur\w*|wound\w*|kill\w*|forc\w*|displac\w*|made|making)\b)"
    r"(?:[\w-]+\s+){0,3}[\w-]+)?"
)
# Not "with": "put the toll at 13 with seven people still missing" gives the missing their own number.
# Not a verb of speech: in "one resident said people were still missing" the number is the speaker.
_ADJ = rf"(?:(?!(?:{_MONTHS}|with|said|says|told|tells|added)\b)[A-Za-z][a-z-]+\s+){{0,2}}"
_CROWD_ADJ = (
    rf"(?:(?!(?:{_MONTHS}|after|before|as|when|while|and|or|in|at|on|by|with|among|from|of|for|to|arrested|"
    rf"detained|killed|injured|wounded|dead|held)\b)[A-Za-z][a-z-]+\s+){{0,2}}"
)
BE = (
    r"(?:(?:were|was|are|is|have been|had been|has been|have|had|reportedly|also|been|later|now|critically|"
    # "a man was found shot dead", "three were found dead"
    r"seriously|severely|slightly|lightly|badly|gravely|still|found|"
    # "Ten miners are believed to be still trapped underground": a hedge on what is known of them
    r"(?:believed|thought|presumed|feared|said|reported) to (?:be|have been)|"
    # "four people believed trapped in their homes": the same hedge without "to be"
    r"(?:believed|thought|presumed)(?=\s+(?:trapped|missing|buried)\b))\s+){0,3}"
)
_HEDGE = rf"(?:{_alternation(_WORDS['hedges'])}\s+)?"
VERBS: dict[str, str] = {unit: _alternation(words) for unit, words in _WORDS["verbs"].items()}
GERUNDS: dict[str, str] = {unit: _alternation(words) for unit, words in _WORDS["gerunds"].items()}
_TITLE = _alternation(_WORDS["titles"])
# One person arrested, told by a title: "Bolivia's army commander was arrested", "Detectives arrested a
# vice-chairman of the main opposition party", "Bolivian general arrested after troops storm palace".
ONE_ARRESTED = (
    re.compile(
        rf"(?<!\bof )\b(?:an?|the|[A-Z][\w-]*(?:'|\u2019)s|[A-Z][a-z]+n)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{_TITLE})\s+(?:[A-Z][\w.-]*\s+){{0,3}}(?:(?:was|has\s+been|had\s+been|is)\s+)?"
        r"(?:arrested|detained)\b(?!\s+(?:a|an|the|\d)\b)",
        re.I,
    ),
    re.compile(
        rf"\b(?:arrested|detained|arresting|detaining)\s+(?:an?|the|[A-Z][\w-]*(?:'|\u2019)s)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{_TITLE})\b(?!s)"
        r"(?![^.;]{0,60}\b(?:and|along with|together with)\s+"
        r"(?:\w+\s+){0,3}(?:others|supporters|members|\d))",
        re.I,
    ),
)
# "In all, Russia fired 31 drones": the whole the report gives (``magnitude.read_text``)
TOTALS = re.compile(rf"\b(?:{_alternation(_WORDS['totals'])})\b", re.I)
# "evacuation of 11 border villages" counts places, not people; "killing 40 percent" is no count.
_NOT_PEOPLE = (
    # "trapped about 260 feet below ground": a depth or a distance, not people
    r"(?!\s*(?:%|per ?cent|years?|km|kilomet|miles|hours?|days?|weeks?|months?|"
    r"(?:feet|foot|ft|metres|meters|m|yards|tonnes|tons)\b))"
    r"(?!\s+(?:[\w-]+\s+)?(?:villages|towns|settlements|buildings|districts|hospitals|schools|streets|regions|areas|"
    r"communities|homes|houses|neighbou?rhoods|provinces|counties|cities|islands|zones|sites|facilities|"
    r"flights|trains|ships|vessels)\b)"
    # "The virus killed 5,854 birds": animals are no toll of people
    r"(?!\s+(?:[\w-]+\s+)?(?:birds|chickens|hens|poultry|ducks|pigs|cattle|cows|sheep|goats|animals|"
    r"livestock|fish|dogs|pets|horses)\b)"
)


# Bodies a cyberattack takes down ("three hospitals", "200 national and regional agencies")
_BODIES = _alternation(_WORDS["bodies"])

# "20 soldiers were killed or wounded": one figure for two fates, which no metric holds
_NOT_CASUALTIES = rf"(?!\s+or\s+(?:{VERBS['killed']}|{VERBS['wounded']})\b)"


@dataclass(frozen=True)
class CountRule:
    """One way to read a count: what must come right before the number and/or right after it."""

    unit: str
    before: re.Pattern[str] | None  # searched on the text before the number, anchored at its end
    after: re.Pattern[str] | None  # matched on the text after the number, anchored at its start
    # Cheap pre-checks: one of ``keys`` must occur in the (lower-cased) text before the number and one
    # of ``after_keys`` in the text after it, or the rule's expression is not run at all.
    keys: tuple[str, ...]
    after_keys: tuple[str, ...]
    # how far before the number ``before`` may reach, when a rule's words run longer than the window
    # ``magnitude.read_text`` gives every rule (0: that window)
    reach: int = 0
    # ``keys`` and ``after_keys`` as one expression each (None: no pre-check), because one search
    # costs less than asking for each key in turn, for every rule and every number
    key_screen: re.Pattern[str] | None = None
    after_key_screen: re.Pattern[str] | None = None


def _screen(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """An expression that finds a text exactly when one of ``keys`` occurs in it (None: no keys)."""
    return re.compile("|".join(re.escape(key) for key in keys)) if keys else None


def _rule(
    unit: str,
    before: str | None = None,
    after: str | None = None,
    keys: tuple[str, ...] = (),
    after_keys: tuple[str, ...] = (),
    reach: int = 0,
) -> CountRule:
    return CountRule(
        unit,
        re.compile(rf"(?:{before})$", re.I) if before else None,
        re.compile(after, re.I) if after else None,
        keys,
        after_keys,
        reach,
        _screen(keys),
        _screen(after_keys),
    )


def _stems(alternation: str) -> tuple[str, ...]:
    """The first four letters of the first word of each alternative of "(?:killing|killed|...)"."""
    return tuple(
        {alt.lstrip("(?:").split(" ")[0][:4].lower() for alt in alternation.strip("(?:)").split("|")}
    )


# Numbers are found once per segment; each rule then only looks at the words around one number,
# which keeps reading counts cheap however many rules there are.
COUNT_RULES: list[CountRule] = [
    *(
        # "Seventy-one people, 65 of them rebels, died": an aside between the people and the verb;
        # "All 1,000 residents of West Point, Kentucky, were ordered to leave": where they are
        _rule(
            unit,
            # "65,000 people living within a mile of the site left their homes": where they live
            after=rf"\s+(?:{_ADJ}{_WHO}{_AND}(?:\s*,[^,.;]{{1,30}},|{_PART_ASIDE}|{_LIVING}{_WHERE})?\s+)?"
            rf"{BE}{verb}\b{_NOT_CASUALTIES}",
            after_keys=_stems(verb),
        )
        for unit, verb in VERBS.items()
    ),
    *(
        _rule(unit, before=rf"\b{verb}\s+{_HEDGE}", after=_NOT_PEOPLE, keys=_stems(verb))
        for unit, verb in GERUNDS.items()
    ),
    # "Water flooded a small coal mine on Sunday, trapping 28 workers": the people the flooded or fallen
    # workings hold (not after a toll: "killing 43 people, trapping dozens" tells how they died)
    _rule(
        "missing",
        before=rf"\b(?:flooded|inundated|collapsed|caved in|gave way)\b(?:(?!\bkill)[^.;]){{0,60}}?,"
        rf"\s+trapping\s+{_HEDGE}",
        after=_NOT_PEOPLE,
        keys=("trap",),
    ),
    _rule(
        "killed",
        # "toll from the October 8 earthquake rose to 73,276": a date may stand between
        before=rf"\b(?:death toll|toll)\b(?:{_MONTHS}\s+\d{{1,2}}\b|[^.;\d]){{0,40}}?"
        rf"\b(?:to|at|of|reached|is|was)\s+{_HEDGE}"
        # "The death toll from the fire at Wang Fuk Court in Tai Po was revised up to 160"
        rf"|\b(?:death toll|toll)\b[^.;\d]{{0,80}}?\b(?:revised|raised) (?:up |upward )?to\s+{_HEDGE}"
        # "The death toll from two explosions at the coal mine in Siberia rose to 30": a long naming of the
        # incident before the rise
        rf"|\b(?:death toll|toll)\b[^.;\d]{{0,80}}?"
        rf"\b(?:rose|has risen|had risen|climbed|has climbed|jumped) to\s+{_HEDGE}",
        keys=("toll",),
    ),
    # "The number of people killed by the wildfires ... has risen to 45"; "The number of people injured in
    # Tuesday's magnitude 6.4 earthquake rose to 17" (a quake's magnitude may stand between); "The number of
    # missing fell from the 200 first reported to 42" (a revision down is the figure that stands)
    *(
        _rule(
            unit,
            before=rf"\bnumber of (?:people |those |victims )?{fate}\b(?:[^.;\d]|{_QUAKE}){{0,100}}?"
            # "... in southern Lebanon has gone up to 10"
            r"\b(?:(?:risen|rose|rises|climbed|reached|increased|stands at|stood at|gone up|went up|goes up)"
            r"\s+"
            r"(?:to\s+)?|(?:fell|fallen|falls|dropped|dropping|decreased|gone down|went down)\s+"
            r"(?:from\s+(?:the\s+)?[\d,]+\s+(?:[a-z]+\s+){0,3}?)?to\s+)"
            rf"{_HEDGE}"
            # "Authorities put the number killed by the eruption at 13": a toll as a body states it
            rf"|\bput(?:s|ting)?\s+the\s+number\s+(?:of\s+(?:people\s+)?)?{fate}\b[^.;\d]{{0,100}}?\bat\s+{_HEDGE}",
            keys=("number",),
            reach=150,
        )
        for unit, fate in (
            ("killed", r"(?:killed|dead|who died)"),
            ("wounded", r"(?:injured|wounded|hurt)"),
            ("missing", r"(?:missing|unaccounted for)"),
        )
    ),
    # "the landslide buried more than 2,000 people alive": a slide's toll as its first counts give it
    _rule(
        "killed",
        before=rf"\bburied\s+{_HEDGE}",
        after=r"\s+(?:people|residents|villagers|persons)\s+alive\b",
        keys=("buried",),
    ),
    _rule(
        "killed", after=r"\s+(?:deaths|fatalities|dead|bodies)\b", after_keys=("deat", "fata", "dead", "bodi")
    ),
    _rule("killed", before=rf"\bclaim(?:ed|ing)?\s+{_HEDGE}", after=r"\s+lives\b", keys=("claim",)),
    _rule("killed", before=rf"\bleft\s+{_HEDGE}", after=r"\s+(?:people\s+)?dead\b", keys=("left",)),
    # "the army said it killed 80 militants and lost seven soldiers": a force's own dead
    _rule(
        "killed",
        before=rf"\b(?:lost|losing|loses)\s+{_HEDGE}",
        after=rf"\s+(?:{_ADJ})?(?:soldiers|troops|servicemen|men|fighters|officers|policemen|personnel)\b",
        keys=("los",),
    ),
    # "Searchers have found the bodies of 68 people"
    _rule("killed", before=rf"\bbodies of\s+{_HEDGE}", keys=("bodies",)),
    # "cutting power to more than 35,000 customers", "knock out power to 1,000 customers"
    _rule(
        "affected",
        before=rf"\b(?:power|electricity|water|heating|supplies)\s+(?:to|for)\s+{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?(?:customers|homes|households|people|residents|consumers|subscribers)\b",
        keys=("power", "electric", "water", "heating", "supplies"),
    ),
    # "set fire to two pylons, knocking out lines that supply some 50,000 people": the people the
    # struck supply serves
    _rule(
        "affected",
        before=rf"\b(?:lines?|cables?|plants?|stations?|substations?|pipelines?|networks?|grids?|pylons?|"
        rf"transformers?)\s+(?:that|which)\s+(?:supply|supplies|supplied|serve|serves|served|power|powers|powered|"
        rf"feed|feeds|fed)\s+(?:power\s+to\s+|electricity\s+to\s+|water\s+to\s+)?{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?(?:customers|homes|households|people|residents|consumers|subscribers)\b",
        keys=("supp", "serv", "power", "feed", "fed"),
    ),
    # "About 1,000 customers lost power"
    _rule(
        "affected",
        after=r"\s+(?:[\w-]+\s+)?(?:customers|homes|households|people|residents)\s+(?:lost|were\s+left\s+without)\s+"
        r"(?:power|electricity|water|heating)\b",
        after_keys=("lost", "without"),
    ),
    # "put the number of people affected at 35.8 million"
    _rule(
        "affected",
        before=rf"\bnumber of (?:people |customers |users |patients |households |accounts )?affected\s+"
        rf"(?:at|to)\s+{_HEDGE}",
        keys=("number",),
    ),
    # "put the army's dead at 39"
    _rule("killed", before=rf"\bdead\s+at\s+{_HEDGE}", keys=("dead",)),
    # "Floods left 40,000 people homeless" (not 40,000 dead: "left" alone says nothing of a death)
    _rule(
        "displaced",
        before=rf"\b(?:left|leaving)\s+{_HEDGE}",
        after=rf"\s+(?:{_ADJ}{_WHO}\s+)?homeless\b",
        keys=("left", "leav"),
    ),
    _rule(
        "wounded",
        before=rf"\bleft\s+{_HEDGE}",
        # "killed 11 people and left 15 with serious injuries": the hurt by what they were left with
        after=r"\s+(?:people\s+|others\s+|more\s+)?(?:injured|wounded|with\s+(?:(?:serious|severe|critical|"
        r"minor|light|life-threatening|gunshot|multiple)\s+)?(?:injuries|wounds)\b)",
        keys=("left",),
    ),
    _rule(
        "displaced",
        keys=("forc", "drov", "driv", "sent", "send"),
        # "Los Angeles wildfires force 70,000 from their homes": a headline's present tense too
        before=rf"\b(?:forc(?:ed|ing|es?)|dr(?:ove|iving|ives?)|sen(?:t|ding|ds?))\s+{_HEDGE}",
        # "sending more than 30,000 civilians across the border into Uganda"
        after=rf"\s+(?:{_ADJ}{_WHO}(?:{_WHERE})?\s+)?(?:from their homes|to flee|to leave their homes|"
        rf"out of their homes|fleeing|into shelters|across the border|over the border)",
    ),
    _rule(
        "drones",
        after_keys=("drone", "uav", "unmanned", "shahed"),
        after=_salvo("drones", 2, joined=False),
    ),
    _rule(
        "missiles",
        after_keys=("missile", "rocket", "shell", "launches", "kinzhal", "iskander", "kalibr"),
        after=_salvo("missiles", 3, joined=True),
    ),
    _rule(
        "aircraft",
        after_keys=("plane", "jet", "bomber", "helicopter", "aircraft"),
        # "95 unmanned aircraft" are drones (the drones rule reads them)
        after=r"\s+(?!(?:unmanned|uncrewed|pilotless)\b)(?:\w+\s+)?"
        r"(?:warplanes|fighter jets|jets|bombers|helicopters|aircraft)\b",
    ),
    _rule(
        "settlements",
        after_keys=("village", "town", "settlement", "localit", "hamlet"),
        after=r"\s+(?:\w+\s+)?(?:villages|towns|settlements|localities|hamlets)\b",
    ),
    # Troop numbers only where the sentence is about deploying them, not about casualties among them.
    _rule(
        "troops",
        keys=("depl", "sen", "mass", "mobi", "stat", "amas", "invo", "rein", "with", "pull", "mov"),
        before=rf"\b(?:deploy\w*|sen[dt]|sending|mass(?:ed|ing)|mobili[sz]\w*|station\w*|amass\w*|involving|"
        rf"reinforcements of|withdr[ae]w\w*|pull(?:ed|ing)? out|moved?|moving)\s+(?:\w+\s+){{0,3}}?{_HEDGE}",
        after=rf"\s+(?:{_ADJ})?(?:troops|soldiers|servicemen|fighters|personnel|reservists)\b",
    ),
    _rule(
        "troops",
        after_keys=(
            "deploy",
            "mass",
            "sent",
            "station",
            "took part",
            "advanced",
            "crossed",
            "moved",
            "mobili",
        ),
        after=rf"\s+(?:{_ADJ})?(?:troops|soldiers|servicemen|reservists)\s+(?:\w+\s+){{0,2}}"
        rf"(?:deployed|massed|sent|stationed|took part|advanced|crossed|were moved|were mobili[sz]ed)\b",
    ),
    _rule(
        "protesters",
        # "45 arrested after protesters clash": the words between are no adjectives of the crowd;
        # "three protesters were killed", "three protesters were held": a toll among the crowd, not its size
        after=rf"\s+(?:{_CROWD_ADJ})?(?:protesters|demonstrators|rioters|marchers|protestors)\b"
        rf"(?!\s+(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?(?:\w+\s+)?(?:killed|shot|wounded|injured|"
        rf"hurt|arrested|detained|held|died|dead|missing)\b)",
        after_keys=("protest", "demonstrat", "rioter", "marcher"),
    ),
    _rule(
        "protesters",
        after_keys=(
            "march",
            "rall",
            "protest",
            "gather",
            "street",
            "demonstrat",
            "join",
            "staged",
            "held",
            "block",
            "took part",
            "riot",
        ),
        # "Nearly 4,000 Egyptians demonstrated": a demonym is the crowd too; "police moved against
        # thousands of people protesting for a third week", "as thousands gathered for a march": the
        # crowd by its participle, or by its verb alone ("More than 1,000 volunteers joined the clean-up"
        # is no crowd: a demonym is capitalised); "Thousands more gathered outside": a further crowd
        after=rf"(?:\s+(?:{_ADJ})?(?:people|supporters|students|workers|farmers|residents|women|prisoners|inmates|"
        rf"(?-i:[A-Z])[a-z]+(?:ans|ese|is|ers))\s+"
        rf"(?:marched|rallied|protested|gathered|took to the streets|demonstrated|joined|staged|held|"
        rf"blocked|took part|rioted|protesting|marching|rallying|demonstrating)"
        rf"|\s+(?:more\s+)?(?:marched|rallied|protested|gathered|took to the streets|demonstrated)\b)",
    ),
    _rule("protesters", before=rf"\bcrowds?\s+of\s+{_HEDGE}", keys=("crowd",)),
    # "Police put the crowd at 28,000, while organisers said about 120,000 came"
    _rule(
        "protesters",
        before=rf"\b(?:put|puts|putting|estimated|estimating|estimates)\s+(?:the\s+)?(?:crowd|turnout|attendance|"
        rf"number\s+(?:involved|of\s+(?:protesters|demonstrators|marchers|participants|rioters|inmates\s+involved)))"
        rf"\s+at\s+{_HEDGE}",
        keys=("crowd", "turnout", "attendance", "number"),
    ),
    _rule(
        "protesters",
        # "about 500 people had taken part"
        after=r"\s+(?:people\s+)?(?:came|attended|turned\s+out|took\s+part|(?:had|have|has)\s+taken\s+part)\b",
        after_keys=("came", "attended", "turned", "took part", "taken part"),
    ),
    _rule(
        "affected",
        after_keys=("affect", "without", "cut off", "expos", "compromis"),
        # "More than 6,085,400 people in those states and Bihar are affected"
        after=rf"\s+(?:{_ADJ})?(?:people|residents|households|homes|customers|consumers|users|subscribers|"
        rf"patients|accounts|records|buildings|houses)(?:{_WHERE}(?<!may)(?<!might)(?<!could)(?=\s+(?:are|were|is|was|have|has|had)\b))?\s+(?:{BE})"
        rf"(?:affected|without power|without "
        rf"electricity|"
        rf"without water|without heating|left without|cut off|exposed|compromised)",
    ),
    _rule("affected", before=rf"\baffect(?:ing|ed)\s+{_HEDGE}", keys=("affect",)),
    # "personal information on as many as 110 million customers may have been stolen", "hackers tried
    # to access 5.9 million payment cards": whose data a breach reached
    _rule(
        "affected",
        before=rf"\b(?:information|data|details)\s+(?:on|about)\s+{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?(?:customers|users|people|patients|accounts|subscribers|clients|members)\b",
        keys=("information", "data", "details"),
    ),
    _rule(
        "affected",
        # "Breach of election body exposes 55 million voters": the people whose records leaked
        before=rf"\b(?:access|accessed|stole|stolen|steal|breached|expos(?:ed|es|e|ing)|leaked)\s+{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?(?:payment\s+|credit\s+|debit\s+|bank\s+)?(?:cards|accounts|records|passwords|"
        r"voters|customers|users|patients|citizens|taxpayers|subscribers|clients|employees)\b",
        keys=("access", "stole", "steal", "breach", "expos", "leak"),
    ),
    # "about 100 youths fought up to 150 police", "About 50 young people threw stones at police": the
    # crowd that rioted, told by what it did
    _rule(
        "protesters",
        after=r"\s+(?:young\s+(?:people|men)|youths|rioters|protesters|demonstrators|people|men)\s+"
        r"(?:threw|hurled|pelted|fought|clashed|stoned|torched|looted|rampaged)\b",
        after_keys=("threw", "hurl", "pelt", "fought", "clash", "stone", "torch", "loot", "rampag"),
    ),
    # "Hospitals had treated or checked at least 36 people for smoke inhalation"
    _rule(
        "wounded",
        before=rf"\b(?:treated|checked|examined)\s+(?:(?:or|and)\s+(?:treated|checked|examined)\s+)?{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?for\s+(?:smoke\s+inhalation|injuries|burns|wounds)\b",
        keys=("treat", "check", "examin"),
    ),
    # "Ransomware cripples two German hospitals", "Three US hospitals ... were hit by a cyberattack",
    # "More than 200 agencies have had services disrupted": the bodies a cyberattack took down
    _rule(
        "affected",
        before=rf"\b(?:ransomware|cyber-?attacks?|hackers?)\s+(?:has\s+|have\s+)?(?:hits?|cripples?|crippled|"
        rf"disrupts?|disrupted|paralys\w+|paralyz\w+|knock(?:s|ed)?\s+out)\s+{_HEDGE}",
        after=rf"\s+(?:[\w-]+\s+){{0,2}}?{_BODIES}\b",
        keys=("ransom", "cyber", "hack"),
    ),
    _rule(
        "affected",
        after=rf"\s+(?:[\w-]+\s+){{0,2}}?{_BODIES}\b[^.;]{{0,50}}?\b(?:were|was|have\s+been|had\s+been)\s+"
        r"(?:hit|struck|crippled|disrupted|paralys\w+|paralyz\w+|taken\s+offline)\s+by\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+)?(?:cyber|ransomware|hack)",
        after_keys=("cyber", "ransomware", "hack"),
    ),
    _rule(
        "affected",
        after=rf"\s+(?:[\w-]+\s+){{0,3}}?{_BODIES}\s+(?:have|has|had)\s+had\s+(?:their\s+|its\s+)?"
        r"(?:[\w-]+\s+)?(?:services|systems|operations|networks)\s+(?:disrupted|crippled|paralys\w+|shut\s+down)",
        after_keys=("disrupted", "crippled", "paralys", "shut"),
    ),
    # "About 70 websites of state agencies were defaced", "some 40 government websites were taken down":
    # sites are hit only by an attack on them, so the number hit is the attack's reach
    _rule(
        "affected",
        after=r"\s+(?:[\w-]+\s+){0,3}?(?:websites|web\s+sites|web\s+portals)\b[^.;]{0,50}?\b(?:were|was|have\s+been|"
        r"had\s+been)\s+(?:hit|hacked|defaced|attacked|breached|taken\s+(?:down|offline)|knocked\s+offline)\b",
        after_keys=("website", "web site", "web portal"),
    ),
    # "More than 135,000 residents have been without online services since Saturday"
    _rule(
        "affected",
        after=r"\s+(?:[\w-]+\s+)?(?:people|residents|households|customers|users|patients|subscribers)\s+"
        r"(?:have\s+been|had\s+been|were|are)\s+(?:left\s+)?without\s+(?:[\w-]+\s+){0,2}?"
        r"(?:services|internet|access|systems)\b",
        after_keys=("without",),
    ),
    # "We have 559 people afraid to go home who are sheltering in a primary school"
    _rule(
        "displaced",
        after=r"\s+(?:people|residents|villagers|families|inhabitants|survivors)\b[^.;]{0,20}?\b(?:afraid|scared|"
        r"too (?:afraid|scared|frightened)) to (?:go|return) (?:back )?home",
        after_keys=("afraid", "scared", "frightened"),
    ),
    # "leaving at least 140 million people, some 80 percent of the population, without power"
    _rule(
        "affected",
        before=rf"\bleav(?:e|es|ing)\s+{_HEDGE}",
        after=r"\s+(?:people|residents|households|homes|customers|consumers)\b[^.;]{0,60}?\bwithout "
        r"(?:power|electricity|water|heating)\b",
        keys=("leav",),
        after_keys=("without",),
    ),
    # "sickened 1,293 others", "infecting 40 people"
    _rule("affected", before=rf"\b(?:sicken(?:ed|ing)|infect(?:ed|ing))\s+{_HEDGE}", keys=("sick", "infe")),
    # "Cholera ... made 1,293 others ill"; "Measles has killed two children and left over a dozen others ill"
    _rule(
        "affected",
        before=rf"\b(?:mak(?:e|es|ing)|made|left|leaving|leaves?)\s+{_HEDGE}",
        after=r"\s+(?:[\w-]+\s+)?(?:ill|sick)\b",
        keys=("mak", "made", "left", "leav"),
    ),
    # "German authorities moved 5,000 people out of their homes in Bonn"; "Authorities in Shenzhen have
    # moved 400,000 people out of harm's way ahead of the typhoon"
    _rule(
        "evacuated",
        before=rf"\b(?:moved|moving|moves?|clear(?:ed|s|ing))\s+{_HEDGE}",
        after=rf"\s+(?:{_ADJ}{_WHO}\s+)?(?:out of their homes|from their homes|out of the area|"
        r"out of harm(?:'|\u2019)s way|to safety|to safer (?:ground|areas|places))\b",
        keys=("mov", "clear"),
    ),
    # "authorities evacuated an area nearby home to 3,000 people": the people who live where was cleared
    _rule(
        "evacuated",
        before=r"\bevacuat(?:ed|ing|es?)\s+(?:an?\s+|the\s+|parts?\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,3}?"
        r"(?:area|district|neighbou?rhood|zone|town|village|suburb|quarter)s?\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:home\s+to|with\s+a\s+population\s+of)\s+{_HEDGE}",
        after=rf"\s+{_ADJ}{_WHO}\b",
        keys=("evac",),
    ),
    # "local authorities put the number of evacuees at 40,000"
    _rule(
        "evacuated",
        before=rf"\bnumber of (?:evacuees|people evacuated|evacuated)\s+(?:at|to)\s+{_HEDGE}",
        keys=("number",),
    ),
    # "the missiles hit the MV Islander, causing one minor injury and some damage"
    _rule(
        "wounded",
        before=rf"\b(?:caus(?:ed|ing)|left|leaving|with)\s+{_HEDGE}",
        after=r"\s+(?:(?:minor|light|slight|serious|severe|critical)\s+)?injur(?:y|ies)\b",
        keys=("caus", "left", "leav", "with"),
        after_keys=("injur",),
    ),
    # "One source put the number held at 13"
    _rule(
        "arrested",
        before=rf"\bnumber\s+(?:of\s+(?:people\s+|those\s+)?)?(?:held|detained|arrested|in\s+custody)\s+"
        rf"(?:at|to)\s+{_HEDGE}",
        keys=("number",),
    ),
    # "he later put the number of wounded at 19"
    _rule("wounded", before=rf"\bnumber of (?:wounded|injured)\s+(?:at|to)\s+{_HEDGE}", keys=("number",)),
    _rule("killed", before=rf"\bnumber of (?:dead|deaths|killed)\s+(?:at|to)\s+{_HEDGE}", keys=("number",)),
    # "The number of people officially listed as missing rose to almost 70"
    _rule(
        "missing",
        before=rf"\bnumber of (?:people\s+)?(?:[a-z]+\s+){{0,3}}?(?:as\s+)?missing\s+"
        rf"(?:[a-z]+\s+)?(?:at|to)\s+{_HEDGE}$",
        keys=("number",),
    ),
    # "the state disaster management authority, which also listed two people as missing"
    *(
        _rule(
            unit,
            before=rf"\b(?:listed|lists|listing|registered|recorded|counted)\s+{_HEDGE}",
            after=rf"\s+(?:{_ADJ}{_WHO}\s+)?as\s+{fate}\b",
            keys=("list", "regis", "recor", "count"),
            after_keys=(" as ",),
        )
        for unit, fate in (
            ("killed", r"(?:dead|killed|deceased)"),
            ("wounded", r"(?:injured|wounded)"),
            ("missing", r"missing"),
        )
    ),
    # "Fifteen of the injured went to Parkland Memorial Hospital": a part, so at least that many hurt
    _rule("wounded", after=r"\s+of\s+the\s+(?:injured|wounded)\b", after_keys=("injured", "wounded")),
    # "two other injured people were treated"
    _rule(
        "wounded",
        after=r"\s+(?:other\s+|more\s+)?(?:injured|wounded)\s+(?:people|persons|civilians|residents)\b",
        after_keys=("injured", "wounded"),
    ),
    _rule(
        "affected",
        # "222 as cases rise": a word between is an adjective of the cases, never a joining word
        # "48 confirmed and probable cases": two kinds of case joined, one count
        after=r"\s+(?:(?:new|confirmed|suspected|recorded|reported|probable|possible)\s+(?:(?:and|or)\s+)?)*"
        r"(?:(?!(?:as|and|or|in|at|of|to|from|with|by|while)\b)[a-z-]+\s+)?(?:cases|infections)\b"
        # "107.1 cases per 100,000 people": an incidence rate, no count of the sick
        r"(?!\s+per\b)",
        after_keys=("cases", "infection"),
    ),
    # "Confirmed measles cases in the western Texas outbreak reached 561": the count after the cases
    # ("Confirmed chikungunya cases in Foshan, a city in China's southern Guangdong province, have risen
    # to 4,014": where the cases are may take a long aside)
    _rule(
        "affected",
        before=rf"\b(?:cases|infections)\b[^.;\d]{{0,100}}?\b(?:reached|(?:rose|risen|rises|rise|climbed|climbs|"
        rf"climb|jumped|increased)\s+to|(?:stood|stands|stand)\s+at|totall?ed|numbered)\s+{_HEDGE}$",
        keys=("cases", "infection"),
    ),
    _rule(
        "affected",
        before=rf"\b(?:data|records|details|accounts) of\s+{_HEDGE}",
        keys=("data", "record", "detail", "account"),
    ),
    _rule("magnitude", before=r"\bmagnitude(?: of)?[- ]", keys=("magnitude",)),
    _rule("magnitude", after=r"[- ]magnitude\b", after_keys=("magnitude",)),
    _rule("magnitude", before=r"\bmeasur(?:ing|ed)\s+", keys=("measur",)),
    # "Chinese authorities measured the quake at 6.8; the US Geological Survey put it at 6.6"
    _rule(
        "magnitude",
        # "The US Geological Survey measured the main shock at 6.3"
        before=r"\b(?:measur(?:ed|ing)|put(?:ting)?|rat(?:ed|ing))\s+(?:it|the\s+(?:main\s+|first\s+|initial\s+)?"
        r"(?:quake|earthquake|tremor|shock))\s+at\s+",
        keys=("measur", "put", "rat"),
    ),
    # "has raised the magnitude of Friday's earthquake off northern Japan to 9.0"
    _rule("magnitude", before=MAGNITUDE_REVISION, keys=("magnitude",)),
]
