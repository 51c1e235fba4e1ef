"""The words around a count: what a number can count, what happens to people, and what is not a count.

The vocabulary of ``quantities.py`` (see its docstring for the conventions these lists serve): each
list is read by the count finder (``quantities.py``) or by the readers of what a count counts
(``count_units.py``). Numbers themselves ("twelve", "dozens") are ``herald.core.number_words``.
"""

from __future__ import annotations

NOUN_UNITS: dict[str, str] = {
    **dict.fromkeys(["drone", "drones", "uav", "uavs", "shahed", "shaheds", "shahed-type"], "drones"),
    **dict.fromkeys(["missile", "missiles", "rocket", "rockets"], "missiles"),
    **dict.fromkeys(
        ["aircraft", "plane", "planes", "jet", "jets", "warplane", "warplanes", "helicopter", "helicopters",
         "bomber", "bombers", "fighters-jets"],
        "aircraft",
    ),
    **dict.fromkeys(
        ["settlement", "settlements", "village", "villages", "town", "towns", "hamlet", "hamlets",
         "localities", "locality"],
        "settlements",
    ),
    **dict.fromkeys(
        ["troops", "soldiers", "soldier", "servicemen", "serviceman", "marines", "paratroopers"],
        "troops",
    ),
    **dict.fromkeys(["protesters", "protestors", "demonstrators", "marchers"], "protesters"),
    **dict.fromkeys(["dead", "deaths", "death", "fatalities", "bodies", "lives", "killed"], "killed"),
    **dict.fromkeys(
        ["wounded", "injured", "injuries", "injury", "hurt", "hospitalised", "hospitalized"], "wounded"
    ),
    **dict.fromkeys(["missing"], "missing"),
    **dict.fromkeys(["displaced", "refugees"], "displaced"),
    **dict.fromkeys(["evacuees", "evacuated"], "evacuated"),
    **dict.fromkeys(["arrests", "detentions", "arrested", "detained"], "arrested"),
}  # fmt: skip
# Words that make an aircraft a drone: "launched 95 unmanned aircraft".
UNCREWED = frozenset({"unmanned", "uncrewed", "pilotless"})
# Words that make deaths not yet the event's: "six suspicious deaths in the area are being investigated"
# (not "42 suspected cholera deaths", which outbreaks count as their toll).
UNEXPLAINED = frozenset({"suspicious", "unexplained"})
# Units that say what happened rather than what was counted: a verb about the same people wins.
PEOPLE_UNITS = frozenset({"troops", "protesters"})
# Nouns for people: the count takes its unit from what happened to them, if anything did.
PERSON_NOUNS = frozenset(
    {
        "people", "person", "persons", "civilians", "civilian", "residents", "children", "child", "adults",
        "men", "women", "others", "passengers", "workers", "villagers", "migrants", "students", "officers",
        "policemen", "police", "crew", "staff", "personnel", "fans", "pilgrims", "patients", "teenagers",
        "inmates", "prisoners", "journalists", "miners", "tourists", "traders", "farmers", "employees",
        "individuals", "members", "supporters", "firefighters", "rescuers", "survivors", "voters",
        "protesters", "demonstrators", "soldiers", "troops", "servicemen", "fighters", "militants",
        "leaders", "officials", "politicians", "activists", "lawmakers", "ministers", "suspects", "guards",
        "guides", "constables", "climbers", "hikers", "pupils", "worshippers", "commuters", "pedestrians",
        "bystanders", "sailors", "fishermen", "seafarers", "nurses", "doctors", "teachers", "monks",
        "priests", "labourers", "laborers", "volunteers", "peacekeepers", "guests",
        "shoppers", "spectators", "campers", "youths", "elders", "relatives", "victims",
    }
)  # fmt: skip
# One person said without a number ("a woman was killed"): the nouns that make "a" a count of one.
SINGULAR_PEOPLE = frozenset(
    {
        "person", "woman", "man", "child", "boy", "girl", "civilian", "resident", "soldier", "teenager",
        "baby", "worker", "policeman", "officer", "journalist", "pensioner", "driver", "passenger",
        "employee", "colleague", "guard", "teacher", "student", "patient", "nurse", "doctor", "farmer",
        "villager", "miner", "firefighter", "rescuer", "pilot", "tourist", "pilgrim", "protester",
        "demonstrator", "fighter", "militant", "suspect", "labourer", "motorist", "pedestrian", "bystander",
    }
)  # fmt: skip
# Words before one person said without a number: "a woman was killed", "another employee was hurt".
ONE_PERSON_WORDS = frozenset({"a", "an", "another"})
# A verb or participle after or before the people, and what it makes of them.
VERB_UNITS: dict[str, str] = {
    **dict.fromkeys(
        ["killed", "killing", "kill", "kills", "dead", "died", "die", "perished", "drowned", "slain",
         "executed"],
        "killed",
    ),
    **dict.fromkeys(
        ["wounded", "wounding", "wound", "wounds", "injured", "injuring", "injure", "injures", "hurt",
         "hurting", "hospitalised", "hospitalized"],
        "wounded",
    ),
    **dict.fromkeys(["missing", "unaccounted"], "missing"),
    **dict.fromkeys(
        ["displaced", "displacing", "displace", "fled", "flee", "fleeing", "homeless"], "displaced"
    ),
    **dict.fromkeys(
        ["evacuated", "evacuating", "evacuate", "evacuates", "relocated", "rescued"], "evacuated"
    ),
    **dict.fromkeys(
        ["arrested", "arresting", "arrest", "arrests", "detained", "detaining", "detain", "detains"],
        "arrested",
    ),
    **dict.fromkeys(
        ["protested", "protest", "rallied", "rally", "marched", "march", "demonstrated", "demonstrate"],
        "protesters",
    ),
    # "poisoned 479 people": made ill (an outbreak's cases; an accident's wounded, ``magnitude``)
    **dict.fromkeys(["affected", "affecting", "poisoned", "poisoning", "poisons", "sickened", "sickening"],
                    "affected"),
}  # fmt: skip
# What a verb can make of a plural noun no list names ("two constables were hurt", "three guides were
# injured"): only what happens to people, never a move ("30 houses were evacuated" counts no evacuees).
HARM_OF_ANY_NOUN = frozenset({"killed", "wounded", "missing", "arrested"})
# "<verb> N people to <where>": what the verb before the count and the place after it make of them.
# "sending 38 others to hospital" are wounded; "forced more than 2,000 residents to leave" evacuated.
SENT = frozenset({"sending", "sent", "rushing", "rushed", "taking", "took"})
HOSPITAL = frozenset({"hospital", "hospitals"})
MADE_TO = frozenset({"forced", "forcing", "ordered", "ordering", "told", "telling", "urged", "urging"})
# "shooting and hacking 19 people to death", "beat two men to death".
TO_DEATH = frozenset(
    {"shooting", "shot", "hacking", "hacked", "beating", "beat", "stabbing", "stabbed", "burning", "burned",
     "burnt", "crushing", "crushed", "stoning", "stoned", "clubbing", "clubbed"}
)  # fmt: skip
LEAVE = frozenset({"leave", "flee", "evacuate", "move"})
# "putting about 20,000 under evacuation orders", "placed 3,000 residents under mandatory evacuation".
PUT = frozenset({"putting", "put", "placing", "placed"})
# "One man was shot dead", "two guards were gunned down", "were beaten to death": the participle and
# the word after it that make the people dead (``TO_DEATH`` verbs also take "to death").
DEAD_AFTER = {"shot": "dead", "gunned": "down", "mown": "down", "cut": "down"}
# Participles that hurt people on their own: "three workers were badly burned", "were scalded".
HURT = frozenset({"burned", "burnt", "scalded", "maimed"})
# "41 people went to emergency rooms", "were admitted to hospital", "sought treatment": people went
# where the hurt go.
WENT = frozenset({"went", "gone", "go", "admitted", "brought", "airlifted", "flown"})
CARE = frozenset({"hospital", "hospitals", "emergency", "clinics", "clinic", "doctors"})
TREATMENT = frozenset({"treatment", "medical"})
SOUGHT = frozenset({"sought", "needed", "received", "required", "receiving", "seeking", "needing"})
# People who left their homes, told after them: "530,000 people who left their homes", "had to leave
# their homes": flight (a hazard's evacuees, a war's displaced).
LEFT_HOME = frozenset({"left", "leave", "abandoned", "fled", "flee"})
HOMES = frozenset({"homes", "home", "houses", "villages"})
# Nouns a number names rather than counts when it follows them: "people from ward 4", "Reactor 3",
# "wards 3 and 4" (the second number too: the walk reads the first as a label and moves on).
LABEL_NOUNS = frozenset(
    {"ward", "wards", "reactor", "reactors", "gate", "gates", "platform", "block", "sector", "zone", "phase",
     "terminal", "unit", "route", "highway", "flight", "category", "grade", "level", "stage", "district",
     "precinct", "pier", "berth", "shaft", "pit", "lane", "exit", "runway", "building", "apartment"}
)  # fmt: skip
# Where people "moved to" are out of harm's way: "shifted to relief camps", "moved to the local school",
# "taken to higher ground".
SAFE_PLACES = frozenset(
    {
        "camps",
        "shelters",
        "shelter",
        "safety",
        "safe",
        "safer",
        "school",
        "schools",
        "ground",
        "centres",
        "centers",
    }
)
# Verbs for taking shelter after the people: "600,000 villagers took shelter inland", "29,100 people had
# reached cyclone shelters".
SHELTERED = frozenset({"took", "taken", "sought", "reached", "found", "take"})
SHELTER = frozenset({"shelter", "shelters", "refuge"})
# "more than 100,000 in shelters", "in evacuation centres": people who took refuge, not a toll's item.
SHELTERS = frozenset({"shelters", "shelter", "centres", "centers", "camps"})
SHELTER_KINDS = frozenset({"evacuation", "relief", "temporary", "emergency", "government"})
# "held" after people counts them detained, unless what follows makes it captivity or an event:
# "three protesters were held", not "were held hostage", "a rally was held".
HELD_NOT_ARRESTED = frozenset({"hostage", "hostages", "captive", "captives", "responsible", "accountable"})
# What a report says happened to one named person ("Alexei Navalny was detained"): a count of one.
NAMED_HARM = frozenset({"killed", "wounded", "missing", "arrested"})
# Words after a name and a bare verb that make the verb passive: "Navalny detained outside his home",
# "Hezbollah commander killed in strike"; "Sinwar killed five" has an object instead.
AFTER_PASSIVE = frozenset(
    {"in", "on", "at", "by", "after", "as", "during", "near", "outside", "over", "for", "while", "again",
     "overnight", "early", "late", "amid"}
)  # fmt: skip
# Words for wounds after "treated for": "treated for injuries", "treated for gunshot wounds".
WOUNDS = frozenset({"injuries", "wounds", "burns", "injury", "wound"})
# Verbs that give people their wounds: "16 others suffered serious wounds", "one employee had a minor
# injury", "two sustained burns".
HAD_WOUNDS = frozenset({"suffered", "sustained", "had", "received"})
# Gerunds that hurt the people after them: "badly burning three workers".
HURTING = frozenset({"burning", "scalding", "maiming"})
# "killed two workers and injured a third", "one soldier was killed and another wounded": one more
# person, said by an ordinal or by "another" before the harm.
ONE_MORE = frozenset({"second", "third", "fourth", "fifth"})
# Words after "rescued" that make the rescued the survivors pulled out of a collapse or a fire, not
# people moved out of harm's way: "rescued and taken to hospital", "rescued from the rubble".
SURVIVORS = frozenset(
    {"hospital", "hospitals", "rubble", "debris", "ruins", "wreckage", "blaze", "flames", "mine", "pit"}
)
# Nouns that are measures, money or time: a number before them is not a count.
NOT_COUNTS = frozenset(
    {
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months",
        "month", "years", "year", "decades", "centuries", "times", "km", "kilometres", "kilometers", "miles",
        "metres", "meters", "feet", "tonnes", "tons", "kg", "kilograms", "litres", "liters", "barrels",
        "degrees", "acres", "hectares", "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles",
        "hryvnias", "rupees", "cents", "francs", "shekels", "percent", "per", "%", "pence", "bps",
        "gigawatts", "megawatts", "mph", "km/h", "celsius", "fahrenheit", "storey", "storeys", "floors",
    }
)  # fmt: skip
# Month names: a year right after one is a date ("from October 2023 killed more than 4,000"), never
# a count, whatever word follows it.
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec"}
)  # fmt: skip
STOP = frozenset(
    {
        "and", "or", "but", "in", "on", "at", "to", "from", "by", "with", "for", "the", "a", "an", "of",
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could",
        "may", "might", "should", "that", "which", "who", "whom", "as", "than", "into", "over", "across",
        "near", "after", "before", "during", "since", "while", "when", "where", "said", "says", "say",
        "this", "these", "those", "their", "its", "his", "her", "our", "per", "each", "including", "remain",
        "remained", "remains", "reportedly", "still", "also",
    }
)  # fmt: skip
SKIPPABLE = frozenset({"more", "additional", "other", "further", "new", "extra"})
AUX = frozenset(
    {
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "remain", "remained",
        "remains", "still", "reportedly", "also", "later", "feared", "confirmed", "reported", "believed",
        "now", "all", "already", "were,", "later,", "then", "left", "critically", "seriously", "severely",
        "slightly", "lightly", "badly", "gravely",
    }
)  # fmt: skip
# Modals that hedge a past happening when "have" follows them: "may have been affected".
MODALS_OF_THE_PAST = frozenset({"may", "might"})
IRREGULAR_PLURALS = frozenset(
    {"people", "children", "men", "women", "police", "personnel", "crew", "staff", "aircraft"}
)
QUAKE_WORDS = frozenset(
    {"earthquake", "earthquakes", "quake", "quakes", "tremor", "aftershock", "aftershocks"}
)
# Verbs a seismological agency gives a quake's size by, with "at" before the reading: "measured the
# quakes at 6.2 and 6.0", "the USGS rated them stronger, at 6.4", "put the tremor at 5.9".
RATED_AT = frozenset(
    {"measured", "measures", "rated", "rates", "put", "puts", "registered", "registers", "estimated",
     "gauged"}
)  # fmt: skip
TOLL_WORDS = frozenset({"toll", "deaths", "died", "dead", "fatalities", "killed"})
# Words between a bare number and a verb of its own ("18 still trapped", "23,000 have been driven").
BEFORE_OWN_VERB = frozenset(
    {"still", "also", "reportedly", "later", "now", "have", "has", "had", "been", "were", "was", "are", "is"}
)
# Words between a verb and its count that do not break the link: "evacuate all of the roughly 11,000".
DETERMINER_GAP = frozenset(
    {"all", "of", "the", "some", "about", "around", "roughly", "nearly", "almost", "an", "estimated"}
)
# The word right before a toll's number: "rose to 41", "put the toll at 100", "has passed 400".
TOLL_LINKS = frozenset(
    {"to", "at", "reached", "reaches", "hit", "hits", "passed", "passes", "topped", "tops", "exceeded",
     "exceeds", "surpassed", "surpasses", "crossed", "crosses"}
)  # fmt: skip
POWER_WORDS = frozenset({"power", "electricity", "water", "heating", "gas", "electric"})
# "lost power", "losing electricity": people an outage reached.
LOST = frozenset({"lost", "lose", "losing", "loses"})

ONE_WORD_QUALIFIERS = {
    "over": "more_than", "above": "more_than", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "estimated": "about",
    "circa": "about", "approx": "about", "under": "less_than", "below": "less_than",
}  # fmt: skip
TWO_WORD_QUALIFIERS = {
    ("at", "least"): "at_least", ("no", "fewer"): "at_least", ("more", "than"): "more_than",
    ("upwards", "of"): "more_than", ("excess", "of"): "more_than", ("less", "than"): "less_than",
    ("fewer", "than"): "less_than", ("up", "to"): "up_to", ("many", "as"): "up_to", ("close", "to"): "about",
    ("an", "estimated"): "about",
}  # fmt: skip


def is_plural_noun(word: str) -> bool:
    """A plural noun as written ("jobs", "flights"): the unit of a count no list names."""
    return word in IRREGULAR_PLURALS or (
        len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "ous", "us"))
    )
