"""What a number counts, read from the words around it: the noun after it ("472 drones"), the verb
that says what happened to the people it counts ("12 civilians were killed", "killing at least 12"),
a death toll ("the toll rose to 41"), an earthquake's magnitude, homes left without power.

Token walks over a spaCy ``Doc``'s token lists (``tokens.Tokens``) for the count finder
(``quantities.py``); the words are ``count_vocabulary.py``.
"""

from __future__ import annotations

import re

from .count_vocabulary import (
    AUX,
    CARE,
    DEAD_AFTER,
    DETERMINER_GAP,
    HAD_WOUNDS,
    HELD_NOT_ARRESTED,
    HOMES,
    HOSPITAL,
    HURT,
    HURTING,
    LEAVE,
    LEFT_HOME,
    LOST,
    MADE_TO,
    MODALS_OF_THE_PAST,
    NOT_COUNTS,
    NOUN_UNITS,
    PERSON_NOUNS,
    POWER_WORDS,
    PUT,
    QUAKE_WORDS,
    RATED_AT,
    SAFE_PLACES,
    SENT,
    SHELTER,
    SHELTERED,
    SINGULAR_PEOPLE,
    SKIPPABLE,
    SOUGHT,
    STOP,
    SURVIVORS,
    TO_DEATH,
    TOLL_LINKS,
    TOLL_WORDS,
    TREATMENT,
    VERB_UNITS,
    WENT,
    WOUNDS,
    is_plural_noun,
)
from .tokens import Tokens


def is_magnitude(toks: Tokens, start: int, end: int) -> bool:
    """ "magnitude 6.4", "a 6.4-magnitude", "measuring 5.8", "a 5.8 quake": an earthquake's size."""
    n = toks.n
    before = [toks.lower[k] for k in range(max(0, start - 2), start)]
    if "magnitude" in before or (before and before[-1] == "measuring"):
        return True
    after = [toks.lower[k] for k in range(end, min(n, end + 3))]
    if after[:1] == ["magnitude"] or after[:2] == ["-", "magnitude"]:
        return True
    if "." in toks.words[start] and after[:1] and after[0] in QUAKE_WORDS:
        return True
    if "." in toks.words[start] and before[-1:] == ["at"] and _rated_at(toks, start):
        return True
    return after[:3] == ["on", "the", "richter"]


_READING = re.compile(r"\d\.\d{1,2}")


def _rated_at(toks: Tokens, start: int) -> bool:
    """ "measured the quakes at 6.2", "rated them stronger, at 6.4": a decimal reading an agency gave a
    quake, with the quake (or "it"/"them" for it) between the verb and "at"."""
    if not _READING.fullmatch(toks.words[start]):
        return False
    for k in range(start - 2, max(-1, start - 8), -1):
        if toks.lower[k] in RATED_AT:
            between = {toks.lower[x] for x in range(k + 1, start - 1)}
            return bool(between & (QUAKE_WORDS | {"it", "them"}))
        if toks.lower[k] in (".", ";"):
            return False
    return False


def counted_noun(toks: Tokens, j: int) -> tuple[str | None, int]:
    """The counted noun after a number: the rightmost noun of the words that follow it."""
    n = toks.n
    head: str | None = None
    head_end = j
    k = j
    while k < n and k - j < 5:
        if toks.space[k] or (k > j and toks.sent_start[k]):
            break  # never across a sentence or line break (title -> body)
        low = toks.lower[k]
        if low in SKIPPABLE and head is None:
            k += 1
            continue
        if toks.punct[k]:
            # keep hyphenated words together: "Shahed-type", "F-16"
            if toks.words[k] == "-" and k > j and k + 1 < n and toks.ends[k] == toks.idx[k + 1]:
                k += 1
                continue
            break
        if low in STOP or low == "under" or (toks.like_num[k] and not (k > j and toks.words[k - 1] == "-")):
            break  # "about 20,000 under evacuation orders" counts no orders
        if low in NOUN_UNITS or low in PERSON_NOUNS or low in NOT_COUNTS or low in SINGULAR_PEOPLE:
            head, head_end = low, k + 1
            if low in NOT_COUNTS:
                break
        elif toks.alpha[k] and toks.is_lower[k] and is_plural_noun(low):
            head, head_end = low, k + 1
        elif toks.is_lower[k] and low.endswith(("ed", "ing")) and head is not None:
            break  # a verb after the noun: "472 drones launched"
        k += 1
    return head, head_end


def _casualties(toks: Tokens, k: int, unit: str) -> bool:
    """ "Killed or wounded", "wounded or killed": one figure for two fates, which no metric holds."""
    if unit not in ("killed", "wounded") or k + 2 >= toks.n or toks.lower[k + 1] != "or":
        return False
    other = VERB_UNITS.get(toks.lower[k + 2])
    return other in ("killed", "wounded") and other != unit


def verb_after(toks: Tokens, k: int) -> tuple[str | None, int]:
    """What happened to the people: "were killed", "died", "are still missing", "to flee"."""
    n = toks.n
    steps = 0
    while k < n and steps < 5:
        low = toks.lower[k]
        if low in VERB_UNITS:
            unit = VERB_UNITS[low]
            if low == "left" or (unit in ("protesters",) and steps > 1):
                return None, k
            # "20 soldiers were killed or wounded": casualties, neither a toll of dead nor of wounded
            if _casualties(toks, k, unit):
                return None, k
            # "Eleven people were rescued and taken to hospital": survivors, not evacuees
            if low == "rescued" and SURVIVORS & {toks.lower[x] for x in range(k + 1, min(n, k + 6))}:
                return None, k
            return unit, k + 1
        if low == "to" and k + 1 < n and toks.lower[k + 1] in ("flee", "evacuate"):
            return VERB_UNITS[toks.lower[k + 1]], k + 2
        if low in ("treated", "taken") and k + 2 < n and toks.lower[k + 1] in ("for", "to"):
            if toks.lower[k + 2] in WOUNDS or toks.lower[k + 2] in HOSPITAL:
                return "wounded", k + 3
            # one word before the wounds: "treated for gunshot wounds", "treated for minor injuries"
            if toks.lower[k + 1] == "for" and k + 3 < n and toks.lower[k + 3] in WOUNDS:
                return "wounded", k + 4
        nxt = toks.lower[k + 1] if k + 1 < n else ""
        if DEAD_AFTER.get(low) == nxt:
            return "killed", k + 2  # "One man was shot dead", "two guards were gunned down"
        if (
            (low in TO_DEATH or low == "beaten")
            and nxt == "to"
            and k + 2 < n
            and toks.lower[k + 2] == "death"
        ):
            return "killed", k + 3  # "were beaten to death"
        if low in HURT:
            return "wounded", k + 1  # "three workers were badly burned"
        if low in WENT and nxt == "to" and k + 2 < n and toks.lower[k + 2] in CARE:
            return "wounded", k + 3  # "41 people went to emergency rooms", "were admitted to hospital"
        if low in SOUGHT and _object_within(toks, k, TREATMENT) is not None:
            return "wounded", _object_within(toks, k, TREATMENT) or k + 1  # "12 people sought treatment"
        # "530,000 people who left their homes", "had to leave their homes": flight, which a hazard's
        # report reads as its evacuees (``herald.classify.magnitude``)
        if low == "to" and nxt in LEFT_HOME:
            k += 1
            low, nxt = nxt, toks.lower[k + 1] if k + 1 < n else ""
        if low in LEFT_HOME and nxt == "their" and k + 2 < n:
            # "left their homes", "left their coastal villages"
            for x in (k + 2, k + 3):
                if x < n and toks.lower[x] in HOMES:
                    return "displaced", x + 1
        if (
            low in ("brought", "taken", "moved", "bussed")
            and nxt == "out"
            and k + 2 < n
            and toks.lower[k + 2] == "of"
        ):
            # "About 800 civilians have been brought out of Volnovakha"; not survivors "brought out of
            # the rubble", nor miners "brought out alive"
            if not SURVIVORS & {toks.lower[x] for x in range(k + 3, min(n, k + 6))}:
                return "evacuated", k + 2
        if low == "who" and steps == 0:
            k += 1
            continue
        # "400,000 people may have been affected": a hedge on what already happened (not "may be
        # affected", a forecast)
        if low in MODALS_OF_THE_PAST and nxt == "have":
            k += 1
            continue
        # "people from ward 4 were moved", "residents of 223 households have been moved" (not the
        # partitive "One of Bongo's sons", whose verb is the part's)
        of_place = low == "of" and k >= 1 and not toks.like_num[k - 1]
        if steps == 0 and (low in _PLACE_WORDS or of_place or (low.endswith("ing") and toks.alpha[k])):
            past = _past_place(toks, k)  # "Around 1,000 people from ward 4 have been moved to ..."
            if past is not None:
                k = past
                steps += 1
                continue
        if low == "in" and k + 1 < n and toks.lower[k + 1] in HOSPITAL:
            return "wounded", k + 2  # "Ten children are in hospital", "26 remained in hospital"
        if low == "held" and not HELD_NOT_ARRESTED & {toks.lower[x] for x in range(k + 1, min(n, k + 3))}:
            return "arrested", k + 1
        # "took shelter", "had reached cyclone shelters"; "16 others suffered serious wounds"
        for verbs, objects, unit in ((SHELTERED, SHELTER, "evacuated"), (HAD_WOUNDS, WOUNDS, "wounded")):
            if low in verbs:
                found = _object_within(toks, k, objects, reach=3)  # "had a minor injury"
                if found is not None:
                    return unit, found
        if low in MADE_TO and k + 2 < n and toks.lower[k + 1] == "to" and toks.lower[k + 2] in LEAVE:
            return "evacuated", k + 3  # "were ordered to leave", "were told to flee"
        if low in MADE_TO and nxt in ("off", "out"):
            return "evacuated", k + 2  # "have been ordered off the island", "were ordered out"
        if low in ("moved", "taken", "relocated", "shifted") and k + 1 < n and toks.lower[k + 1] == "to":
            rest = {toks.lower[x] for x in range(k + 2, min(n, k + 5))}
            if rest & SAFE_PLACES:
                return "evacuated", k + 2
        if low == "under" and nxt in ("evacuation", "mandatory") and k + 2 < n:
            return "evacuated", k + 2  # "20,000 residents were under evacuation orders"
        if low not in AUX:
            return None, k
        k += 1
        steps += 1
    return None, k


_FINITE = frozenset({"were", "was", "have", "had", "are", "is"})
# Words that open a place after the people: "from ward 4", "along Bangladesh's coast".
_PLACE_WORDS = frozenset({"from", "in", "near", "inside", "along", "across", "around", "at", "on"})
# Words that open a clause of their own: past them the verb is no longer the people's.
_CLAUSE_WORDS = frozenset(
    {"and", "or", "but", "that", "which", "who", "whom", "when", "where", "while", "as", "said", "says",
     "after", "before", "since", "than", "if"}
)  # fmt: skip


def _past_place(toks: Tokens, k: int) -> int | None:
    """Where a short place phrase after the people ends, when a finite verb follows it: "people from
    the village were evacuated", "workers in Pampa were hurt"; None for anything longer."""
    for x in range(k + 1, min(toks.n, k + 8)):
        low = toks.lower[x]
        if low in _FINITE or (x > k + 1 and low in SHELTERED):
            return x if x > k + 1 else None
        if low in ("'s", "\u2019s"):
            continue
        if toks.punct[x] or low in _CLAUSE_WORDS or not (toks.alpha[x] or toks.like_num[x]):
            return None
    return None


def verb_before(toks: Tokens, qstart: int) -> str | None:
    """ "killing at least 12", "arrested 45 people", "evacuation of 300,000"."""
    k = qstart - 1
    if k >= 0 and toks.lower[k] in ("of",) and k >= 1:
        if toks.lower[k - 1] in ("evacuation", "evacuations"):
            return "evacuated"
        if toks.lower[k - 1] in ("deaths", "death"):
            return "killed"
        return None
    if k >= 0 and toks.lower[k] in ("and", ","):
        return None
    # "to evacuate all of the roughly 11,000 residents": the verb across a determiner phrase
    j = k
    while j >= 0 and k - j < 4 and toks.lower[j] in DETERMINER_GAP:
        j -= 1
    if j < k and j >= 0 and VERB_UNITS.get(toks.lower[j]) == "evacuated":
        return "evacuated"
    if k >= 0:
        low = toks.lower[k]
        unit = VERB_UNITS.get(low)
        if unit is not None and low not in ("dead", "missing", "homeless"):
            return unit
    return None


def _object_within(toks: Tokens, k: int, objects: frozenset[str], reach: int = 2) -> int | None:
    """Where an object of the verb at ``k`` ends, when one of ``objects`` follows within ``reach`` words
    ("took shelter", "reached cyclone shelters")."""
    for x in range(k + 1, min(toks.n, k + 1 + reach)):
        if toks.lower[x] in objects:
            return x + 1
    return None


def hurt_before(toks: Tokens, qstart: int, after: int) -> str | None:
    """ "badly burning three workers": wounded, unless the people were burned "to death"."""
    if qstart < 1 or toks.lower[qstart - 1] not in HURTING:
        return None
    if after + 1 < toks.n and toks.lower[after] == "to" and toks.lower[after + 1] == "death":
        return None
    return "wounded"


def moved_to(toks: Tokens, qstart: int, after: int) -> str | None:
    """ "sending 38 others to hospital" (wounded), "forced more than 2,000 residents to leave"
    (evacuated), "hacking 19 people to death" (killed): the people told by where a verb before them
    sent them."""
    if qstart < 1 or after + 1 >= toks.n or toks.lower[after] not in ("to", "under"):
        return None
    verb, where = toks.lower[qstart - 1], toks.lower[after + 1]
    if verb in SENT and where in HOSPITAL:
        return "wounded"
    if verb in MADE_TO and where in LEAVE:
        return "evacuated"
    if verb in PUT and toks.lower[after] == "under" and where in ("evacuation", "mandatory"):
        return "evacuated"  # "putting about 20,000 under evacuation orders"
    if verb in TO_DEATH and where == "death":
        return "killed"
    return None


def toll_before(toks: Tokens, qstart: int) -> str | None:
    """ "the death toll rose to 41", "put the toll at more than 100", "the toll from the attack on
    Zamzam camp in Sudan's North Darfur has passed 400", "the number of people killed has risen from
    225 to 326"."""
    k = qstart - 1
    if k < 0 or toks.lower[k] not in TOLL_LINKS:
        return None
    sent_start = toks.sentence_start(qstart)
    last = k - 1
    from_to = toks.lower[k] == "to" and last - 1 >= sent_start and toks.lower[last - 1] == "from"
    if from_to and toks.like_num[last]:
        last -= 2  # "risen from 225 to 326": the earlier figure of the rise is no other count between
    # nearest first: "toll reaches 222 as cases rise to 5,462" gave the toll its figure before the cases
    for x in range(last, max(sent_start, k - 20) - 1, -1):
        if toks.lower[x] in TOLL_WORDS:
            return "killed"
        # "A third person has died ... and the number of wounded has reached 87": the nearer harm
        # names the figure, not a death told before it
        if VERB_UNITS.get(toks.lower[x]) in ("wounded", "missing"):
            return VERB_UNITS[toks.lower[x]]
        if toks.like_num[x]:
            return None
    return None


def without_power(toks: Tokens, k: int) -> bool:
    """ "left 4,000 homes without power", "homes and businesses without electricity", "people in
    Karachi lost power"."""
    n = toks.n
    for x in range(k, min(n, k + 4)):
        if toks.lower[x] == "without" and x + 1 < n and toks.lower[x + 1] in POWER_WORDS:
            return True
        if toks.lower[x] in LOST and x + 1 < n and toks.lower[x + 1] in POWER_WORDS:
            return True  # "4 million people lost power"
        if toks.words[x] == "," and x > k:
            return _lost_after_aside(toks, x)
        if toks.punct[x]:
            return False
    return False


def _lost_after_aside(toks: Tokens, comma: int) -> bool:
    """ "More than 140 million people in Pakistan, up to 80% of the population, lost power": an aside
    between commas, then the loss."""
    n = toks.n
    for x in range(comma + 1, min(n, comma + 12)):
        if toks.words[x] == ",":
            return x + 2 < n and toks.lower[x + 1] in LOST and toks.lower[x + 2] in POWER_WORDS
        if toks.punct[x] and toks.words[x] not in ("%", "-"):
            return False
    return False
