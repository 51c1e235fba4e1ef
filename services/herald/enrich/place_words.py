"""The words around a place name that say whether it is a place: labels, region words, locative
cues, person titles, sport vocabulary, and the city sizes that make a name strong on its own.

Read by the place finder (``place_mentions.py``) and its resolution (``place_resolution.py``).
"""

from __future__ import annotations

NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
REGION_WORDS = frozenset(
    {
        "region",
        "oblast",
        "province",
        "krai",
        "governorate",
        "prefecture",
        "state",
        "regions",
        "oblasts",
        "provinces",
        "department",
        "states",
    }
)
# Capitalised words of direction that open a name the gazetteer does not hold as a whole ("Northern
# California", "Upper Kurram"): the place is the rest of the name. In lowercase between a word of place
# and a name ("in central Kherson") they keep the cue.
PART_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "upper", "lower"})
# Words closing a facility's name after the town it is in ("Brussels Airport", "Odesa port"): the
# facility is in that town.
FACILITY_WORDS = frozenset({"airport", "port", "harbour", "harbor", "station", "railway"})
# Words before a name that make it a place whatever the model says ("fighting near Sudzha").
LOCATIVE = frozenset(
    {
        "in",
        "near",
        "outside",
        "around",
        "towards",
        "toward",
        "into",
        "across",
        "over",
        "on",
        "at",
        "from",
        "to",
    }
)
SETTLEMENT_WORDS = frozenset(
    {"city", "town", "village", "villages", "settlement", "port", "outskirts", "centre", "center", "suburb"}
)
# A capitalised word right before a name that makes it a person ("President Erdogan").
PERSON_TITLES = frozenset(
    {
        "president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "minister", "governor", "mayor",
        "general", "gen.", "gen", "chancellor", "senator", "sen.", "rep.", "king", "queen", "prince", "pope",
        "premier", "commander", "colonel", "col.", "lt.", "sgt.", "captain", "judge", "sheikh", "ayatollah",
    }
)  # fmt: skip
# Sport pages name clubs after cities ("Liverpool beat Arsenal"): there an ORG stays an ORG.
SPORT_WORDS = frozenset(
    {
        "match", "league", "cup", "goal", "goals", "scored", "striker", "coach", "club", "season", "fixture",
        "tournament", "playoff", "midfielder", "defender", "goalkeeper", "penalty", "penalties", "derby",
        "champions", "semi-final", "quarter-final", "final", "beat", "draw", "win", "victory",
    }
)  # fmt: skip
STRONG_CITY_POPULATION = 100_000
CUED_CITY_POPULATION = 5_000
# "east of Pokrovsk", "the shelling of Kherson", "the mayor of Sumy"
OF_CUES = SETTLEMENT_WORDS | frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "shelling",
        "bombing", "bombardment", "siege", "capture", "liberation", "fall", "evacuation", "occupation",
        "mayor", "governor", "residents", "people", "outskirts", "streets", "centre", "suburbs", "area",
        "areas", "district", "neighbourhood", "neighborhood", "island", "out",
    }
)  # fmt: skip
# Nouns after a country's name that make it the subject of a war ("the Iraq war"), not where anything is.
WAR_NOUNS = frozenset({"war", "wars", "conflict", "invasion", "occupation"})
# What may follow a place's name after a hyphen and leave it a place: "Kyiv-based", "Gaza-bound",
# "Iran-made", "Russia-occupied", "Saudi-led", "Gaza-wide". Any other lowercase word joined by a hyphen
# makes a longer name the gazetteer does not know ("Lipova-lazne", a Czech spa town, is not Romania's
# Lipova).
HYPHEN_MODIFIER_ENDINGS = (
    "ed", "ing", "en", "based", "bound", "made", "born", "wide", "style", "era", "led", "run", "area",
    "region", "linked", "allied", "flagged", "owned", "backed", "held", "controlled", "centric",
)  # fmt: skip
