"""The rules: which sentence text reports which event type. This file is meant to be read and tuned.

A sentence reports an event of a type when one of the type's **cues** matches it. A cue is a regular
expression over the sentence text, optionally with a **context** expression that must also occur in
the same sentence (the word "clashed" only means an armed clash when troops, rebels or militants are
in the sentence). A type's **vetoes** cancel it in a sentence ("landslide victory", "record tracks").

Why regular expressions and not a parser: classification must stay a small fraction of enrichment's
cost (no second spaCy parse), and a desk must be able to see exactly why an article was classified
the way it was and change it without retraining anything. Every cue has a name; the event keeps the
names that fired in its severity reasons, so "why is this a riot?" has a one-line answer.

Ambiguous words ("strike", "attack", "rally", "crash", "battle", "record") are **weak** cues: they
need their context expression and they are switched off in sentences about sport, markets, labour
disputes or culture, and in any sentence of an article whose headline is about those things, unless
the article also has an unambiguous conflict or disaster cue somewhere. That is what keeps
"workers strike", "stocks hit a record" and "home side strikes late" out of the conflict types.

A cue that describes something in the past ("the town, captured in 2022", "since the army seized
power last year") is background, not news: such a match is skipped (see ``is_background``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PREFIX = 8  # a word start used as a gate is at most this long
_LITERALS: dict[re.Pattern[str], frozenset[str]] = {}
_LITERAL_CHARS = re.compile(r"[a-z0-9 '\u2019&-]*", re.I)
_WORDS = re.compile(r"[a-z0-9'\u2019&-]+")
_WORD_PARTS = re.compile(r"[a-z0-9&]+")


def _split_alternatives(body: str) -> list[str]:
    """Top-level alternatives of a pattern body (the ``|`` outside any group or class)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


# Too common to rule anything out: never chosen as a gate when the literal has another word.
_STOP = frozenset(
    "a an the of in on at to from by for with and or was were is are be been has have had their his her "
    "its under into over out off up as through".split()
)


def _word_gates(alternative: str, rest: str = "") -> list[str]:
    """What a text must contain for an alternative to match, as ``word_starts`` spells it: a whole
    word with a trailing space ("dow "), or the start of one ("shell" for "shell(?:ed|ing)").
    "" when nothing is certain. ``rest`` is what follows the alternative in its enclosing pattern."""
    for opener in ("(?:", "(?-i:"):
        if alternative.startswith(opener):
            depth, i = 0, 0
            while i < len(alternative):
                if alternative[i] == "\\":
                    i += 2
                    continue
                depth += {"(": 1, ")": -1}.get(alternative[i], 0)
                if depth == 0:
                    break
                i += 1
            tail = alternative[i + 1 :]
            after = tail + rest
            if after[:1] in {"?", "*", "{"}:
                return [""]  # an optional group: nothing is certain
            inner = _split_alternatives(alternative[len(opener) : i])
            first = [gate for alt in inner for gate in _word_gates(alt, after)]
            if tail.startswith(" ") and tail[1:2] not in {"", "?", "*", "{", "|"}:
                # The words after the group are needed too; use them if they are the rarer key
                # ("crash" rather than plane|air|bus|... in "(?:plane|air|bus) crash").
                then = _word_gates(tail[1:], rest)
                if "" not in then and "" not in first and _rarity(then) > _rarity(first):
                    return then
            return first
    literal = _LITERAL_CHARS.match(alternative).group(0)  # type: ignore[union-attr]
    following = (alternative[len(literal) :] + rest)[:1]
    if following in {"?", "*", "{"}:
        after_optional = (alternative[len(literal) + 1 :] + rest)[:1]
        if following == "?" and " " not in literal and len(literal) > 2 and after_optional in {"", " ", ")"}:
            return [literal[:-1].lower() + " ", literal.lower() + " "]  # "dams?": dam or dams
        literal = literal[:-1]  # the last character is optional
        following = "~"
    words = literal.lower().split(" ")
    last_whole = following in {"", " ", ")"}
    whole = [w for w in (words if last_whole else words[:-1]) if w]
    if whole:
        useful = [w for w in whole if w not in _STOP] or whole
        return [max(useful, key=len) + " "]  # the longest whole word is the rarest
    return [words[0][:_PREFIX]]


def _rarity(gates: list[str]) -> int:
    """How selective a set of gates is, roughly: its shortest key (short keys match many words)."""
    if any(g.strip() in _STOP for g in gates):
        return -1
    return min(len(g.strip()) for g in gates) * 10 - len(gates)


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any alternative as whole words.

    It also records which words a text needs for the pattern to have a chance, so ``may_match`` can
    rule it out with one set intersection before the regular expression runs: a large
    case-insensitive alternation costs tens of microseconds per sentence, and most sentences cannot
    match most patterns. A test checks over the labelled set that the gate never hides a match.
    """
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)
    _gate(pattern, *(gate for a in alternatives for gate in _word_gates(a)))
    return pattern


def _gate(pattern: re.Pattern[str], *gates: str) -> None:
    if all(len(gate.strip()) >= 2 for gate in gates):
        _LITERALS[pattern] = frozenset(gates)


def word_starts(text: str) -> frozenset[str]:
    """The gate keys of a text: each word (whole, with a trailing space) and each word start of 2 to 8
    characters, for words as written ("anti-government", "club's") and for their parts."""
    low = text.lower()
    words = set(_WORDS.findall(low))
    words.update(_WORD_PARTS.findall(low))
    keys = {word + " " for word in words}
    keys.update(word[:k] for word in words for k in range(2, min(len(word), _PREFIX) + 1))
    return frozenset(keys)


def gate_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return _LITERALS.get(pattern)


def may_match(pattern: re.Pattern[str], starts: frozenset[str]) -> bool:
    """False only when the pattern certainly cannot match the text whose ``word_starts`` are given."""
    literals = _LITERALS.get(pattern)
    return literals is None or not literals.isdisjoint(starts)


def search(pattern: re.Pattern[str], text: str, starts: frozenset[str]) -> re.Match[str] | None:
    """``pattern.search(text)``, skipping the work a gate proves useless."""
    return pattern.search(text) if may_match(pattern, starts) else None


@dataclass(frozen=True)
class Cue:
    """One way a sentence can say that an event of a type happened."""

    name: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None  # must also occur in the sentence
    weak: bool = False  # ambiguous word: off in sport, markets, labour and culture contexts
    article_context: re.Pattern[str] | None = None  # must occur somewhere in the article
    exclude: re.Pattern[str] | None = None  # a trigger inside one of these phrases does not count


@dataclass(frozen=True)
class TypeRules:
    code: str
    cues: tuple[Cue, ...]
    vetoes: tuple[re.Pattern[str], ...] = field(default_factory=tuple)


# --- Shared vocabularies ---------------------------------------------------------------------------

ARMED = _rx(
    r"troops",
    r"soldiers?",
    r"forces",
    r"army",
    r"military",
    r"militants?",
    r"rebels?",
    r"fighters",
    r"insurgents?",
    r"militia(?:s|men)?",
    r"gunmen",
    r"jihadists?",
    r"paramilitar(?:y|ies)",
    r"brigades?",
    r"battalions?",
    r"marines",
    r"guerrillas?",
    r"separatists?",
    r"combatants",
    r"mercenaries",
    r"servicemen",
    r"commandos",
    r"Hamas",
    r"Hezbollah",
    r"Houthis?",
    r"al-Shabaab",
    r"Taliban",
    r"RSF",
    r"Islamic State",
    r"Boko Haram",
    r"M23",
    r"front ?line",
    r"gangs?",
    r"gang members",
    r"(?:military|army|armou?red|combat|assault|infantry|elite|(?-i:[A-Z][a-z]+(?:ian|ese|ish|i|an))) units",
    r"armed groups?",
    r"security forces",
)
CIVILIANS = _rx(
    r"civilians?",
    r"villagers",
    r"residents",
    r"worshippers",
    r"congregation",
    r"churchgoers",
    r"shoppers",
    r"commuters",
    r"passengers",
    r"pupils",
    r"schoolchildren",
    r"schoolgirls",
    r"students",
    r"farmers",
    r"herders",
    r"families",
    r"women and children",
    r"displacement camp",
    r"refugee camp",
    r"aid workers",
    r"journalists",
    r"wedding guests",
    r"mourners",
    r"pilgrims",
    r"tourists",
    r"festival-?goers",
    r"concert-?goers",
    r"bystanders",
)
_ATTACK_VERBS = (
    r"launch(?:ed|es|ing)?",
    r"attack(?:s|ed|ing)?",
    r"struck",
    r"strik(?:e|es|ing)",
    r"hit(?:s|ting)?",
    r"target(?:s|ed|ing)?",
    r"shot down",
    r"downed",
    r"intercept(?:ed|s|ing|ion)?",
    r"destroy(?:ed|ing)?",
    r"fired",
    r"firing",
    r"barrage",
    r"raids?",
    r"explod(?:ed|ing)",
    r"crashed into",
    r"slammed into",
    r"damag(?:ed|ing)",
    r"pounded",
    r"bombed",
    r"killed",
    r"killing",
    r"wounded",
    r"injured",
    r"waves?",
    r"rained",
    r"repelled",
    r"neutrali[sz]ed",
)
ATTACK = _rx(*_ATTACK_VERBS)

# Off-topic domains: where the ambiguous words mean something else.
SPORT = _rx(
    r"matches",
    r"match",
    r"league",
    r"championships?",
    r"tournament",
    r"cup final",
    r"World Cup",
    r"Olympics?",
    r"Olympic",
    r"medals?",
    r"goals?",
    r"goalkeeper",
    r"striker",
    r"midfielder",
    r"head coach",
    r"coach",
    r"the club",
    r"club's",
    r"of the season",
    r"this season",
    r"fixture",
    r"(?-i:derby)",  # the city of Derby is news; "the north London derby" is sport
    r"(?-i:Derby) (?:day|match|game|clash|win|defeat)",
    r"stadium",
    r"innings",
    r"wickets?",
    r"batsman",
    r"batter",
    r"bowler",
    r"grand slam",
    r"Wimbledon",
    r"final whistle",
    r"kick-off",
    r"half-time",
    r"scored",
    r"title race",
    r"relegation",
    r"playoffs?",
    r"NBA",
    r"NFL",
    r"FIFA",
    r"UEFA",
    r"Premier League",
    r"Formula One",
    r"grand prix",
    r"marathon",
    r"sprinter",
    r"athletes?",
    r"personal best",
    r"world record",
    r"home side",
    r"visitors",
    r"semi-?final",
    r"quarter-?final",
    r"teammates?",
    r"referee",
    r"penalty",
    r"touchdown",
    r"rugby",
    r"cricket",
    r"tennis",
    r"football",
    r"basketball",
    r"golf",
    r"cyclists?",
    r"peloton",
    r"record attendance",
    r"record crowd",
)
MARKETS = _rx(
    r"stocks?",
    r"shares",
    r"share price",
    r"index",
    r"indices",
    r"Nasdaq",
    r"Dow",
    r"S&P",
    r"FTSE",
    r"Nikkei",
    r"DAX",
    r"investors?",
    r"traders?",
    r"bonds?",
    r"yields?",
    r"earnings",
    r"revenue",
    r"profits?",
    r"quarterly",
    r"dividends?",
    r"IPO",
    r"market cap(?:itali[sz]ation)?",
    r"valuation",
    r"currenc(?:y|ies)",
    r"oil prices",
    r"Brent",
    r"futures",
    r"commodit(?:y|ies)",
    r"bitcoin",
    r"crypto(?:currency|currencies)?",
    r"sell-?off",
    r"bull market",
    r"bear market",
    r"chipmakers?",
    r"interest rates?",
    r"inflation",
    r"GDP",
    r"retail sales",
    r"sales",
    r"record high",
    r"record low",
    r"all-time high",
    r"merger",
    r"acquisition",
    r"takeover bid",
    r"hostile bid",
    r"shareholders",
    r"box office",
    r"price war",
    r"market share",
    r"exports?",
    r"economists?",
)
LABOUR = _rx(
    r"unions?",
    r"walk-?outs?",
    r"industrial action",
    r"pay (?:deal|offer|dispute|rise|claim|talks)",
    r"wages?",
    r"picket(?:s|ing| lines?)?",
    r"ballot(?:ed)?",
    r"strike action",
    r"on strike",
    r"went on strike",
    r"go on strike",
    r"general strike",
    r"strike (?:by|over|at) ",
    r"striking (?:workers|staff|nurses|teachers|doctors|drivers|dockers|miners|pilots|employees)",
    r"collective bargaining",
    r"employers?",
    r"overtime",
    r"staff shortages",
)
CULTURE = _rx(
    r"films?",
    r"movies?",
    r"albums?",
    r"box office",
    r"concerts?",
    r"festival line-?up",
    r"exhibitions?",
    r"galler(?:y|ies)",
    r"novels?",
    r"singer",
    r"band's",
    r"actors?",
    r"actress",
    r"premiere",
    r"Oscars?",
    r"Grammys?",
    r"Netflix",
    r"streaming",
    r"theatre",
    r"fashion",
    r"runway",
    r"celebrity",
    r"video games?",
    r"gamers",
    r"esports",
    r"chart",
    r"tracks",
    r"sequel",
    r"book",
    r"auction",
    r"critics",
)
OFF_TOPIC = (SPORT, MARKETS, LABOUR, CULTURE)

_PAST_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:in (?:19|20)\d\d|in (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (?:19|20)\d\d|(?:last|previous) (?:year|month|summer|winter|spring|autumn)|"
    r"\d+ years? ago|a year ago|years ago|decades ago|(?:later|earlier) that (?:year|month)|that same year|"
    r"the (?:following|previous) (?:year|month))\b"
)


def is_off_topic(text: str, starts: frozenset[str] | None = None) -> bool:
    starts = word_starts(text) if starts is None else starts
    return any(search(domain, text, starts) for domain in OFF_TOPIC)


_PAST_BEFORE = re.compile(r"\b(?:since|ever since)\s+(?:[\w'\u2019-]+\s+){0,4}$", re.I)


def is_background(sentence: str, match: re.Match[str]) -> bool:
    """History, not news: a cue closely followed by a past date ("captured in 2022") or introduced by
    "since" ("under bombardment since Ukrainian forces retook it")."""
    if _PAST_AFTER.search(sentence[match.end() :]):
        return True
    return bool(_PAST_BEFORE.search(sentence[max(0, match.start() - 60) : match.start()]))


# --- The rules per type ----------------------------------------------------------------------------

_PLACE_NOUNS = _rx(
    r"villages?",
    r"towns?",
    r"city",
    r"cities",
    r"settlements?",
    r"hamlets?",
    r"districts?",
    r"positions?",
    r"hills?",
    r"heights",
    r"airport",
    r"airfield",
    r"bases?",
    r"outskirts",
    r"territory",
    r"territories",
    r"region",
    r"province",
    r"border crossing",
    r"crossing",
    r"strongholds?",
    r"bridgehead",
    r"garrison",
    r"the capital",
    r"provincial capital",
    r"square kilomet(?:re|er)s",
    r"km",
    r"enclave",
    r"island",
    r"port",
    r"oil ?fields?",
    r"mines?",
    r"valley",
    r"neighbou?rhoods?",
    r"suburbs?",
)
_INFRA = _rx(
    r"bridges?",
    r"railway(?: lines?| tracks?| bridges?| junctions?)?(?! stations?)",
    r"rail (?:lines?|links?|tracks?|bridges?|junctions?|networks?)",
    r"railroads?",
    r"train tracks",
    r"power (?:lines?|stations?|plants?|grid|substations?|pylons?|infrastructure|supply|facilit(?:y|ies))",
    r"substations?",
    r"electricity (?:pylons?|lines?|grid|infrastructure)",
    r"pylons?",
    r"transformers?",
    r"pipelines?",
    r"gas (?:pipelines?|lines?|facilit(?:y|ies)|mains|compressor stations?|pumping stations?)",
    r"oil (?:pipelines?|depots?|terminals?|facilit(?:y|ies))",
    r"fuel depots?",
    r"refiner(?:y|ies)",
    r"dams?",
    r"water (?:supply|mains|treatment plants?|pumping stations?)",
    r"(?:undersea|subsea|data|fibre-optic|fiber-optic|internet) cables?",
    r"telecoms? (?:masts?|towers?)",
    r"(?:mobile|communications|cell) (?:towers?|masts?)",
    r"energy (?:infrastructure|facilit(?:y|ies))",
    r"critical infrastructure",
    r"signal(?:l)?ing (?:boxes|cables|equipment|systems?)",
    r"relay cabinets?",
    r"locomotives?",
    r"freight trains?",
    r"fuel trains?",
)
_SABOTAGE = _rx(
    r"sabotag\w*",
    r"saboteurs?",
    r"blown up",
    r"blew up",
    r"blow up",
    r"explosives?",
    r"detonat\w*",
    r"bomb(?:s|ed|ing)?",
    r"IEDs?",
    r"arson(?:ists)?",
    r"set (?:on )?fire",
    r"set alight",
    r"torched",
    r"partisans?",
    r"guerrillas?",
    r"militants?",
    r"insurgents?",
    r"(?<!the )attacks?",
    r"attacked",
    r"attackers",
    r"deliberate(?:ly)?",
)
_INFRA_DAMAGE = _rx(
    r"explosions?",
    r"blasts?",
    r"struck",
    r"hit",
    r"damag(?:ed|ing)",
    r"destroy(?:ed|ing)",
    r"derail(?:ed|ment|ing)",
    r"severed",
    r"knocked out",
    r"put out of action",
    r"cut",
)
# An explosion at a bridge is an attack in a war story and an accident otherwise.
_CONFLICT_ARTICLE = _rx(
    r"war",
    r"sabotag\w*",
    r"saboteurs?",
    r"partisans?",
    r"attack(?:s|ed|ers)?",
    r"troops",
    r"forces",
    r"militants?",
    r"rebels?",
    r"insurgents?",
    r"front ?line",
    r"drones?",
    r"missiles?",
    r"occupied",
    r"invasion",
)
_ACCIDENT = _rx(
    r"accident(?:s|al|ally)?",
    r"leak(?:s|ed|ing)?",
    r"malfunction\w*",
    r"faulty",
    r"technical (?:fault|failure)",
    r"maintenance",
    r"short circuit",
    r"lightning",
    r"collision",
    r"collided",
    r"ageing",
    r"negligence",
    r"safety (?:rules|regulations|inspectors|violations|failures)",
    r"gas cylinder",
    r"welding",
)
_HOSTILE = _rx(
    r"sabotag\w*",
    r"saboteurs?",
    r"attack(?:s|ed|ers)?",
    r"explosives?",
    r"partisans?",
    r"bomb(?:s|ed|ing)?",
    r"IEDs?",
    r"deliberate(?:ly)?",
    r"drones?",
    r"missiles?",
    r"rockets?",
    r"shell(?:ing|ed)",
    r"strikes?",
    r"struck",
    r"arson(?:ists)?",
    r"militants?",
    r"insurgents?",
    r"rebels?",
    r"terror\w*",
    r"shot down",
    r"downed",
)
_PLANNED_ATTACK = re.compile(
    r"\b(?:plan(?:ned|ning|s)?|plot(?:ted|ting|s)?|prepar\w+|foil\w*|thwart\w*|suspicion of|intend\w*|"
    r"threat(?:en\w*)? of|conspir\w+ to (?:carry out|commit))\s+(?:to\s+)?(?:carry out\s+)?(?:an?\s+|the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}(?:attacks?|bombings?|shootings?)\b",
    re.I,
)
_CROWD = _rx(
    r"protesters",
    r"protestors",
    r"demonstrators",
    r"rioters",
    r"crowds?",
    r"mobs?",
    r"youths",
    r"looters",
    r"inmates",
    r"fans",
)
_NOT_A_CAPTURE = re.compile(
    # "in occupied Berdyansk": a state, not a capture; "trying to seize the city": an aim, not a capture.
    r"\b(?:in|of|from|into|across|over|the|inside|near|to)\s+(?:\w+-)?occupied\b"
    r"|\b(?:to|will|would|could|might|may|cannot|can't|bid to|attempt to|effort to)\s+(?:\w+\s+)?"
    r"(?:seize|capture|take|retake|recapture|liberate|overrun|enter|encircle|occupy)\b",
    re.I,
)
# Protecting something against attacks is not an attack ("a plan to protect the grid from hackers").
_DEFENSIVE = re.compile(
    r"\b(?:protect\w*|defen[cd]\w*|guard\w*|secur(?:e|ing)|shield\w*|harden\w*|prepar\w*|prevent\w*)\s+"
    r"(?:[\w'\u2019-]+\s+){0,6}(?:against|from)\s+(?:[\w'\u2019-]+\s+){0,3}(?:hackers|hacking|cyber\S*|ransomware|"
    r"sabotage|attacks?|threats?)",
    re.I,
)
_ALREADY_DISPLACED = re.compile(
    r"\b(?:camps?|shelters?|sites?|settlements?|centres?|centers?) (?:for|housing|hosting|of) (?:the "
    r")?(?:internally )?"
    r"displaced\b|\b(?:among|for) (?:the )?(?:internally )?displaced (?:people|persons|families|civilians)\b",
    re.I,
)
_DISEASES = (
    r"cholera",
    r"measles",
    r"ebola",
    r"marburg",
    r"mpox",
    r"monkeypox",
    r"anthrax",
    r"dengue",
    r"plague",
    r"diphtheria",
    r"polio",
    r"meningitis",
    r"yellow fever",
    r"lassa fever",
    r"nipah",
    r"avian (?:flu|influenza)",
    r"bird flu",
    r"african swine fever",
    r"swine fever",
    r"foot-and-mouth(?: disease)?",
    r"H5N1",
    r"H7N9",
    r"typhoid",
    r"rift valley fever",
    r"chikungunya",
    r"zika",
    r"hepatitis [AE]",
    r"covid(?:-19)?",
    r"coronavirus",
    r"influenza",
    r"tuberculosis",
    r"malaria",
    r"legionnaires'? disease",
    r"norovirus",
    r"scarlet fever",
    r"whooping cough",
    r"pertussis",
)
_OUTBREAK_CONTEXT = _rx(
    r"outbreaks?",
    r"epidemic",
    r"cases",
    r"infect\w*",
    r"spread\w*",
    r"deaths",
    r"died",
    r"killed",
    r"confirmed",
    r"suspected",
    r"quarantine\w*",
    r"cull(?:ed|ing)?",
    r"health emergency",
    r"surge",
    r"clusters?",
    r"patients",
    r"hospitali[sz]ed",
    r"tested positive",
    r"transmission",
    r"isolation",
)
_PROTEST_CONTEXT = _rx(
    r"against",
    r"demand\w*",
    r"outside",
    r"anger",
    r"angry",
    r"outrage",
    r"opposition",
    r"government",
    r"parliament",
    r"embassy",
    r"ministry",
    r"police",
    r"thousands",
    r"hundreds",
    r"crowds?",
    r"chant\w*",
    r"slogans",
    r"placards",
    r"banners",
    r"calling for",
    r"called for",
    r"denounc\w*",
    r"condemn\w*",
    r"in support of",
    r"solidarity",
    r"rights",
    r"streets",
    r"square",
    r"president",
    r"law",
    r"reform",
    r"election",
    r"war",
    r"corruption",
    r"prices",
    r"capital",
    r"city hall",
    r"town hall",
    r"courthouse",
)
_ROLE = _rx(
    r"prime minister",
    r"president",
    r"(?:\w+ )?minister",
    r"premier",
    r"chancellor",
    r"head of state",
    r"commander(?:-in-chief)?",
    r"chief of (?:the )?(?:general |defence |army )?staff",
    r"(?:army|military|defence|intelligence|spy|navy|air force|police) chief",
    r"head of the (?:army|military|armed forces|navy|air force|intelligence service|security service|"
    r"national guard|presidential guard|police|central bank)",
    r"general",
    r"governor",
    r"ambassador",
    r"secretary of state",
    r"speaker of (?:the )?parliament",
    r"vice[- ]president",
    r"police chief",
    r"head of (?:the )?government",
    r"junta leader",
    r"leader of",
    r"party leader",
    r"envoy",
)
_NOT_STATE_ROLE = _rx(
    r"coach",
    r"manager",
    r"club",
    r"team",
    r"captain",
    r"CEO",
    r"chief executive",
    r"chairman of the board",
    r"board of directors",
    r"shareholders",
    r"company",
    r"firm",
    r"chief (?:financial|operating|technology) officer",
    r"director of (?:football|sport)",
    r"general manager",
    r"franchise",
    r"editor",
    r"conductor",
    r"head teacher",
    r"principal",
)
_WAR_CONTEXT = _rx(
    r"war",
    r"fighting",
    r"conflict",
    r"hostilities",
    r"forces",
    r"rebels?",
    r"army",
    r"militants?",
    r"military",
    r"troops",
    r"insurgents?",
    r"militias?",
    r"Hamas",
    r"Hezbollah",
    r"Houthis?",
    r"Gaza",
    r"front ?line",
    r"warring",
    r"armed groups?",
    r"guerrillas?",
    r"separatists?",
)
_MILITARY_POWER = _rx(
    r"military",
    r"army",
    r"soldiers",
    r"officers",
    r"junta",
    r"troops",
    r"presidential (?:palace|guard)",
    r"state (?:television|broadcaster|TV|radio)",
    r"constitution",
    r"mutin\w*",
    r"putschists",
    r"colonel",
    r"general",
    r"seiz\w* power",
    r"took power",
    r"power grab",
    r"government",
    r"president",
)

_NAMED_PLACE_TAKEN = re.compile(
    r"\b(?:captured|captures?|seized|seizes?|took|takes?|retook|retakes?|recaptured|recaptures?|"
    r"liberated|liberates?|overran|overruns?|entered|enters?|took control of|takes? control of)"
    r"\s+(?:the\s+)?(?:\w+\s+)?(?-i:[A-Z][\w'\u2019-]+)",
    re.I,
)
_gate(
    _NAMED_PLACE_TAKEN,
    "captur",
    "seiz",
    "took",
    "take",
    "retook",
    "retak",
    "recaptur",
    "liberat",
    "overr",
    "enter",
)

RULES: tuple[TypeRules, ...] = (
    TypeRules(
        "air_drone_strike",
        (
            Cue(
                "air strike",
                _rx(
                    r"air ?strikes?",
                    r"air raids?",
                    r"drone (?:strikes?|attacks?|raids?|barrages?|assaults?|swarms?)",
                    r"kamikaze drones?",
                    r"loitering munitions?",
                    r"Shahed(?:-type)?s?(?: drones)?",
                    r"aerial (?:bombardment|bombing|attacks?|strikes?)",
                    r"bombing raids?",
                    r"barrel bombs?",
                    r"glide bombs?",
                    r"guided (?:aerial )?bombs?",
                    r"KABs?",
                    r"helicopter gunships?",
                ),
            ),
            Cue(
                "drones attacking",
                _rx(r"drones?", r"UAVs?", r"unmanned aerial vehicles?", r"unmanned aircraft"),
                context=ATTACK,
            ),
            Cue(
                "warplanes attacking",
                _rx(
                    r"warplanes?",
                    r"fighter jets?",
                    r"jets",
                    r"bombers",
                    r"air force",
                    r"helicopters?",
                    r"aircraft",
                    r"from the air",
                ),
                context=_rx(
                    r"bombed",
                    r"bombing",
                    r"bombarded",
                    r"pounded",
                    r"strafed",
                    r"struck",
                    r"hit",
                    r"attacked",
                    r"targeted",
                    r"dropped (?:\w+ ){0,2}bombs",
                    r"strikes?",
                    r"raids?",
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"drone (?:deliver(?:y|ies)|light shows?|shows?|footage|photography|racing|pilots? "
                r"licen[cs]es?)",
                r"deliver(?:y|ies) drones?",
                r"drones? (?:factory|plant|maker|manufacturer|production|workshop|developer|industry|"
                r"programme|program|exports?|orders?|contracts?|startup|company|companies)",
                r"(?:buy|bought|purchase[ds]?|order(?:ed)?|supply|supplied|deliver(?:ed)?|produce[ds]?|"
                r"manufactur\w*) (?:\w+ ){0,3}(?:drones|warplanes|fighter jets|aircraft|helicopters)",
                r"air show",
                r"fly-?past",
                r"crashed (?:during|on) (?:a |an )?(?:training|test|routine)",
                r"drones? (?:were|was) (?:used|deployed) to (?:search|deliver|map|film|monitor)",
            ),
        ),
    ),
    TypeRules(
        "missile_artillery_strike",
        (
            Cue(
                "missile or shelling",
                _rx(
                    r"ballistic missiles?",
                    r"cruise missiles?",
                    r"hypersonic missiles?",
                    r"missile (?:strikes?|attacks?|barrages?|salvos?)",
                    r"rocket (?:attacks?|fire|barrages?|salvos?|strikes?)",
                    r"artillery (?:fire|strikes?|shelling|barrages?|shells?|attacks?)",
                    r"shell(?:ed|ing)(?! out)",
                    r"mortar (?:fire|rounds?|shells?|attacks?|bombs?)",
                    r"multiple rocket launchers?",
                    r"Grad rockets?",
                    r"Iskander(?:-M)?s?",
                    r"Kalibrs?",
                    r"Kinzhals?",
                    r"HIMARS",
                    r"ATACMS",
                    r"Storm Shadows?",
                    r"Katyushas?",
                    r"Qassams?",
                    r"cluster munitions?",
                    r"howitzers? (?:fire|fired|shelled|pounded)",
                    r"tank fire",
                ),
            ),
            Cue(
                "missiles fired",
                _rx(r"missiles?", r"rockets?", r"artillery", r"mortars?", r"shells"),
                context=_rx(
                    r"fired",
                    r"firing",
                    r"launched",
                    r"hit",
                    r"struck",
                    r"strikes?",
                    r"landed",
                    r"slammed",
                    r"intercepted",
                    r"shot down",
                    r"rained",
                    r"targeted",
                    r"impact",
                    r"barrage",
                    r"attack(?:s|ed)?",
                    r"explod\w*",
                    r"damag\w*",
                    r"killed",
                    r"killing",
                    r"wounded",
                    r"pounded",
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"space(?:craft|port)?",
                r"satellites?",
                r"SpaceX",
                r"orbit(?:al)?",
                r"launch ?pad",
                r"lunar",
                r"NASA",
                r"test[- ]fir\w*",
                r"test launch\w*",
                r"missile tests?",
                r"tested",
                r"shelled out",
                r"shelling out",
                r"rocketed",
                r"(?:buy|bought|purchase[ds]?|order(?:ed)?|suppl(?:y|ied)|deliver(?:ed|ies)?|produc\w+|"
                r"manufactur\w*|export\w*) (?:\w+ ){0,3}(?:missiles|rockets|artillery shells|shells)",
            ),
        ),
    ),
    TypeRules(
        "armed_clash",
        (
            Cue(
                "fighting",
                _rx(
                    r"firefights?",
                    r"gun ?battles?",
                    r"gunfights?",
                    r"exchange(?:d|s)? of (?:gun)?fire",
                    r"exchanged (?:gun)?fire",
                    r"skirmish(?:es|ed)?",
                    r"heavy fighting",
                    r"fierce fighting",
                    r"intense fighting",
                    r"street fighting",
                    r"fighting (?:raged|continued|intensified|erupted|broke out)",
                    r"ground (?:offensive|assault|incursion)",
                    r"counter-?offensive",
                    r"repelled (?:\w+ ){0,2}(?:attacks?|assaults?|offensive)",
                    r"repulsed (?:\w+ ){0,2}(?:attacks?|assaults?)",
                    r"shoot-?outs?",
                ),
            ),
            Cue(
                "armed groups fighting",
                _rx(
                    r"clash(?:es|ed)?",
                    r"fighting",
                    r"fought",
                    r"battles?",
                    r"battled",
                    r"attacked",
                    r"attacking",
                    r"attacks?",
                    r"assault(?:ed|s)?",
                    r"offensive",
                    r"engaged",
                    r"ambush(?:ed|es)?",
                    r"stormed",
                    r"overran",
                    r"gunfire",
                    r"shootout",
                ),
                context=ARMED,
                weak=True,
                # "the attack", "the Hamas attack": a reference back to an attack reported elsewhere.
                exclude=re.compile(r"\bthe (?:[\w'\u2019-]+ ){0,2}attacks?\b", re.I),
            ),
        ),
        vetoes=(
            _rx(
                r"(?:clash(?:es|ed)?|battled|fought) with (?:riot )?police",
                r"police (?:clash(?:ed)?|fought|battled)",
                r"protesters",
                r"demonstrators",
                r"rioters",
                r"fighting (?:inflation|corruption|fires?|wildfires?|the blaze|disease|cancer|poverty|"
                r"for (?:his|her|their) li(?:fe|ves)|crime|climate change)",
                r"firefighters",
                r"(?:legal|court|political|boardroom|custody|election|bidding|budget) battle",
                r"battle (?:over|for control of the company|for votes)",
                r"joined forces",
                r"join forces",
                r"market forces",
                r"heart attack",
                r"panic attack",
                r"cyber ?-?attack",
                r"offensive (?:remarks|comments|language|post|posts|tweet)",
            ),
        ),
    ),
    TypeRules(
        "territory_change",
        (
            Cue(
                "place taken",
                _rx(
                    r"captured",
                    r"captures?",
                    r"capture of",
                    r"seized",
                    r"seizes?",
                    r"takes? control of",
                    r"retakes?",
                    r"recaptures?",
                    r"liberates?",
                    r"falls to",
                    r"overruns?",
                    r"withdraws? from",
                    r"pulls? out of",
                    r"seizure of",
                    r"took control of",
                    r"taken control of",
                    r"take control of",
                    r"taking control of",
                    r"retook",
                    r"recaptured",
                    r"recapture of",
                    r"retaken",
                    r"liberated",
                    r"liberation of",
                    r"overran",
                    r"overrun",
                    r"fell to",
                    r"has fallen",
                    r"withdrew from",
                    r"withdrawn from",
                    r"withdraw(?:ing)? from",
                    r"withdrawal from",
                    r"pulled out of",
                    r"pull(?:ing)? out of",
                    r"pulled back from",
                    r"retreated from",
                    r"retreat(?:ing)? from",
                    r"lost control of",
                    r"advanced into",
                    r"pushed into",
                    r"encircled",
                    r"took over",
                    r"gained control of",
                    r"regained control of",
                    r"occupied",
                    r"surrendered",
                    r"ceded",
                    r"raised (?:the|their) flags? (?:over|in)",
                    r"entered",
                ),
                context=_PLACE_NOUNS,
                exclude=_NOT_A_CAPTURE,
            ),
            Cue(
                "forces took a named place",
                _NAMED_PLACE_TAKEN,
                context=ARMED,
                weak=True,
                exclude=_NOT_A_CAPTURE,
            ),
        ),
        vetoes=(
            _rx(
                r"seized (?:\w+ ){0,3}(?:drugs|cocaine|heroin|methamphetamine|cannabis|weapons|arms|"
                r"ammunition|"
                r"cargo|shipments?|assets|tankers?|vessels?|ships?|boats?|passports|documents|propert(?:y|ies)|"
                r"funds|cash|goods|contraband|tonnes|kilograms|kg|power)",
                r"captured (?:\w+ ){0,3}(?:soldiers|troops|fighters|prisoners|servicemen|pilots?|crew|"
                r"militants|"
                r"rebels|mercenaries|POWs)",
                r"captured (?:the|a|an|his|her|their) (?:\w+ )?(?:title|trophy|championship|imagination|"
                r"attention|moment|mood|images?|footage|photos?|hearts)",
                r"market share",
                r"took (?:over|control of) (?:the |a )?(?:running|company|firm|board|bank|club|chain|"
                r"business|"
                r"airline|group|ball|game|match|brand|stake)",
                r"took over as",
                r"entered (?:the )?(?:race|market|talks|negotiations|office|parliament|politics|service|a "
                r"plea)",
                r"occupied (?:the )?(?:(?:\w+ )?(?:building|offices?|campus|university|square|lobby|"
                r"headquarters))",
                r"encircled by (?:fans|reporters|journalists|supporters)",
                r"seiz\w+ power",
                r"prisoners? (?:exchange|swap)",
            ),
        ),
    ),
    TypeRules(
        "infrastructure_attack",
        (
            Cue("infrastructure sabotaged", _INFRA, context=_SABOTAGE, weak=True),
            Cue(
                "infrastructure damaged",
                _INFRA,
                context=_INFRA_DAMAGE,
                weak=True,
                article_context=_CONFLICT_ARTICLE,
            ),
        ),
        vetoes=(
            _DEFENSIVE,
            # An accident word cancels the attack reading unless the sentence also says it was deliberate.
            re.compile(r"^(?!.*" + _SABOTAGE.pattern + r").*" + _ACCIDENT.pattern, re.I | re.S),
            _rx(
                r"bridg(?:e|es|ing) the gap",
                r"bridging loan",
                r"pipeline of",
                r"(?:drug|product|deal|talent|project) pipeline",
                r"Tower Bridge",
                r"storm",
                r"floods?",
                r"flooding",
                r"earthquake",
                r"landslide",
                r"wildfires?",
            ),
        ),
    ),
    TypeRules(
        "attack_on_civilians",
        (
            Cue(
                "terror attack",
                _rx(
                    r"terror(?:ist)? attacks?",
                    r"act of terror(?:ism)?",
                    r"terrorist bombing",
                    r"suicide (?:bomb(?:ing|er|ers|ings)?|attacks?|attackers?|vests?)",
                    r"car bomb(?:ing)?s?",
                    r"truck bomb(?:ing)?s?",
                    r"massacre[sd]?",
                    r"mass shootings?",
                    r"shooting spree",
                    r"gunm(?:a|e)n (?:opened fire|stormed|attacked|killed|abducted|kidnapped|raided|shot)",
                    r"opened fire (?:on|at|in|inside) (?:\w+ ){0,3}(?:civilians|worshippers|shoppers|"
                    r"passengers|"
                    r"villagers|crowds?|people|students|pupils|mourners|guests|pilgrims|commuters|mall|market|school|"
                    r"church|mosque|synagogue|concert|festival|restaurant|bar|nightclub|wedding)",
                    r"stabbed (?:\w+ ){0,3}(?:people|passers-by|pedestrians|shoppers|worshippers|children|"
                    r"pupils|"
                    r"commuters|passengers)",
                    r"(?:abduct(?:ed|s)?|kidnap(?:ped|s)?) (?:\w+ ){0,4}(?:civilians|villagers|schoolgirls|"
                    r"schoolchildren|students|pupils|passengers|worshippers|aid workers|women|children|"
                    r"people|farmers|"
                    r"families|missionaries|tourists|residents|travell?ers|foreigners|workers|nuns|priests|"
                    r"journalists|doctors|medics)",
                    r"took (?:\w+ ){0,3}hostages?",
                    r"taken hostage",
                    r"held hostage",
                    r"stabbing attack",
                    r"knife attack",
                    r"machete attack",
                    r"hacked to death",
                    r"rammed (?:a |his |her |their )?(?:car|truck|vehicle|lorry|van) into",
                    r"grenade attack",
                    r"bomb (?:attack|blast|exploded|went off|ripped through)",
                    r"roadside bombs?",
                    r"landmine blast",
                    r"mine blast",
                    r"improvised explosive device",
                    r"explosive device",
                    r"IED (?:attack|blast)",
                    r"bombing (?:of|at|in) (?:a|the) (?:\w+ )?(?:market|church|mosque|school|bus|station|"
                    r"hotel|cafe|restaurant|concert|wedding)",
                    r"ethnic cleansing",
                    r"summar(?:y|ily) execut\w+",
                ),
                exclude=_PLANNED_ATTACK,
            ),
            Cue(
                "siege",
                _rx(
                    r"besieged",
                    r"under siege",
                    r"siege of",
                    r"blockade of",
                    r"starv\w+ (?:the )?(?:city|town)",
                ),
                context=_rx(
                    r"city",
                    r"town",
                    r"enclave",
                    r"forces",
                    r"army",
                    r"militants?",
                    r"rebels?",
                    r"jihadists?",
                    r"residents",
                    r"civilians",
                    r"food",
                    r"aid",
                    r"humanitarian",
                    r"troops",
                    r"fighters",
                ),
                weak=True,
            ),
            Cue(
                "armed men attacking civilians",
                _rx(
                    r"attack(?:ed|s)?",
                    r"killed",
                    r"killing",
                    r"shot dead",
                    r"executed",
                    r"abducted",
                    r"kidnapped",
                    r"burned",
                    r"torched",
                    r"raided",
                    r"stormed",
                    r"slaughtered",
                ),
                exclude=_PLANNED_ATTACK,
                context=re.compile(
                    r"\b(?:gunm(?:a|e)n|militants?|attackers?|assailants?|jihadists?|insurgents?|bandits|gangs?|"
                    r"gang members|armed (?:men|groups?)|militia(?:men|s)?|fighters|terrorists?|extremists|"
                    r"soldiers|troops|"
                    r"paramilitar(?:y|ies)|rebels?)\b[^.]*\b(?:civilians?|villagers|residents|worshippers|"
                    r"congregation|shoppers|commuters|passengers|pupils|schoolchildren|students|farmers|herders|"
                    r"families|women and children|aid workers|journalists|mourners|pilgrims|tourists|"
                    r"bystanders|market|church|mosque|school|village|camp|wedding|funeral|bus|hotel)\b"
                    r"|\b(?:civilians?|villagers|residents|worshippers|farmers|herders|pupils|students)\b[^.]*"
                    r"\b(?:by|from) (?:\w+ )?(?:gunm(?:a|e)n|militants?|attackers?|jihadists?|insurgents?|"
                    r"bandits|armed men|militia(?:men)?|fighters|terrorists?|soldiers|rebels?)\b",
                    re.I,
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"heart attack",
                r"panic attack",
                r"cyber ?-?attacks?",
                r"shark attack",
                r"dog attack",
                r"bear attack",
                r"air ?strikes?",
                r"drone",
                r"missiles?",
                r"shelling",
                r"besieged by (?:fans|reporters|journalists|questions|calls|orders|requests|customers|"
                r"shoppers|buyers|tourists)",
                r"attacking (?:midfielder|play|football)",
                r"bomb (?:threat|scare|hoax)",
            ),
            # An attack on soldiers at a base or convoy, with no civilian victim named, is a battle.
            re.compile(
                r"^(?!.*" + CIVILIANS.pattern + r").*\b(?:army|military|police|security forces') "
                r"(?:bases?|posts?|camps?|convoys?|checkpoints?|barracks|positions?|outposts?|garrisons?)\b",
                re.I | re.S,
            ),
        ),
    ),
    TypeRules(
        "protest",
        (
            Cue(
                "protesters",
                _rx(
                    r"protesters",
                    r"protestors",
                    r"demonstrators",
                    r"anti-government (?:protests?|rall(?:y|ies)|march(?:es)?|demonstrations?)",
                    r"sit-ins?",
                    r"hunger strikes?",
                    r"protest (?:march(?:es)?|rall(?:y|ies)|movement|camp|vigils?)",
                    r"mass (?:protests?|rall(?:y|ies)|demonstrations?)",
                    r"street protests?",
                    r"(?-i:marched|Marched|marching|Marching) (?:through|on|to|in|from|past|towards|"
                    r"against|outside)",
                    r"rallied (?:in|outside|against|at|near)",
                    r"staged (?:a |an )?(?:\w+ )?(?:protests?|demonstrations?|rall(?:y|ies)|march|walk-?out)",
                    r"blockaded",
                    r"blocked (?:roads|highways|motorways|streets|the road|the motorway)",
                ),
            ),
            Cue(
                "protest words",
                _rx(
                    r"protests?",
                    r"protested",
                    r"protesting",
                    r"demonstrations?",
                    r"demonstrated",
                    r"(?-i:marched|marching)",
                    r"rall(?:y|ies)",
                    r"rallied",
                    r"(?-i:march|marches)",
                    r"vigils?",
                    r"took to the streets",
                    r"gathered",
                ),
                context=_PROTEST_CONTEXT,
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"lodged (?:a |an )?(?:formal |official )?protest",
                r"formal protest",
                r"diplomatic protest",
                r"protest note",
                r"note of protest",
                r"summoned (?:the |its )?(?:\w+ )?ambassador",
                r"protested (?:the|his|her|their) (?:decision|call|penalty|referee|innocence|sending-off)",
                r"under protest",
                r"demonstrated (?:that|how|its|their|strong|growth|resilience)",
                r"rall(?:y|ies|ied) (?:in|on|for) (?:shares|stocks|markets|oil|prices|bonds|the dollar)",
                r"(?:stocks|shares|markets?|prices|bonds|oil|the dollar|the euro|currenc\w+) rall\w*",
                r"(?:campaign|election|electoral) rall(?:y|ies)",
                r"rally (?:car|driver|stage|race)",
                r"relief rally",
                r"Santa rally",
                r"planned (?:\w+ )?(?:rall(?:y|ies)|protests?|march(?:es)?|demonstrations?)",
                r"(?:ahead of|before) (?:a |the |this )?(?:\w+ )?(?:planned )?(?:rall(?:y|ies)|protests?|"
                r"march(?:es)?|"
                r"demonstrations?)",
                r"(?:will|would|plan(?:s|ned)? to|intend(?:s|ed)? to|threaten(?:s|ed)? to|vow(?:s|ed)? to) "
                r"(?:hold|stage|organi[sz]e) (?:a |more |further |new )?(?:\w+ )?(?:protests?|rall(?:y|ies)|"
                r"march(?:es)?|demonstrations?)",
                r"call(?:s|ed|ing)? for (?:a |further |more |new |nationwide )?(?:protests?|rall(?:y|ies)|"
                r"demonstrations?|march(?:es)?)",
            ),
        ),
    ),
    TypeRules(
        "riot",
        (
            Cue(
                "rioting",
                _rx(
                    r"riot(?:s|ing|ed)(?! (?:police|gear|shields|squad|act))",
                    r"riot(?! (?:police|gear|shields|squad|act|of colou?r))",
                    r"rioters",
                    r"mob (?:attacked|lynched|stormed|burned|torched|set fire|violence|beat|killed)",
                    r"lynch(?:ed|ing|ings)",
                    r"turned violent",
                    r"violent (?:protests?|demonstrations?|unrest|riots?)",
                    r"petrol bombs?",
                    r"molotov cocktails?",
                    r"(?:threw|hurled|throwing|hurling|pelted (?:\w+ ){0,2}with) (?:\w+ )?(?:stones|rocks|"
                    r"bottles|"
                    r"petrol bombs|molotov cocktails|fireworks|bricks|projectiles|missiles)",
                    r"set fire to (?:\w+ )?(?:cars|vehicles|shops|buildings|tyres|tires|police|government|"
                    r"a police)",
                    r"torched (?:\w+ )?(?:cars|vehicles|shops|buildings|police|government|offices)",
                    r"vandali[sz]ed",
                    r"ransacked",
                    r"clash(?:ed|es)? with (?:riot )?police",
                    r"(?:police|officers) (?:clash(?:ed)?|fought|battled) (?:with )?(?:protesters|"
                    r"demonstrators|"
                    r"crowds?|youths|rioters)",
                    r"stormed (?:the )?(?:[\w'\u2019]+ ){0,2}(?:parliament|presidential palace|government "
                    r"(?:buildings?|"
                    r"offices?)|police stations?|courthouse|town hall|city hall|legislature|congress|"
                    r"residence|"
                    r"palace|embassy|ministry|state (?:house|broadcaster|television))",
                    r"street battles",
                ),
            ),
            Cue(
                "crowd looting or burning",
                _rx(
                    r"looting",
                    r"looted",
                    r"looters",
                    r"set (?:\w+ ){0,5}(?:ablaze|on fire|alight)",
                    r"setting (?:\w+ ){0,5}(?:ablaze|on fire|alight)",
                    r"burn(?:ed|t|ing) (?:\w+ ){0,3}(?:cars|vehicles|shops|buildings|tyres|tires|offices|"
                    r"mattresses)",
                ),
                context=_CROWD,
                weak=True,
            ),
            Cue(
                "crowd stormed",
                _rx(r"stormed", r"storming", r"overran", r"broke into", r"forced their way into"),
                context=_rx(
                    r"protesters",
                    r"protestors",
                    r"demonstrators",
                    r"rioters",
                    r"crowds?",
                    r"mobs?",
                    r"youths",
                ),
                weak=True,
            ),
            Cue(
                "crowd fought security forces",
                _rx(
                    r"(?:clash(?:ed|es)?|fought|battled|scuffled|brawled) with (?:\w+ )?(?:police|security "
                    r"forces|"
                    r"officers|troops|soldiers|gendarmes|riot police)"
                ),
                context=_rx(r"protesters", r"demonstrators", r"crowds?", r"youths", r"mobs?", r"rioters"),
            ),
        ),
        vetoes=(_rx(r"riot of colou?rs?", r"read the riot act", r"Riot Games", r"quiet riot"),),
    ),
    TypeRules(
        "coup",
        (
            Cue(
                "seizure of power",
                _rx(
                    r"coup(?: d['\u2019]\w+)?",
                    r"putsch",
                    r"putschists",
                    r"seized power",
                    r"seize power",
                    r"seizing power",
                    r"seizure of power",
                    r"military takeover",
                    r"junta (?:seized|took|announced|suspended|dissolved|said)",
                    r"toppled (?:the )?(?:\w+ )?(?:president|government|leader|prime minister)",
                    r"overthrew",
                    r"overthrown",
                    r"ousted (?:the )?(?:\w+ )?(?:president|government|prime minister|leader)",
                    r"mutin(?:y|ous|ied|eers)",
                    r"suspended the constitution",
                    r"power grab",
                    r"(?:taken|took|seized|seize|take) (?:control of|over) (?:the )?(?:country|government|"
                    r"state)",
                    r"(?:taken|took) power",
                    r"deposed",
                ),
                context=_MILITARY_POWER,
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"boardroom coup",
                r"(?:transfer|diplomatic|marketing|publicity|commercial|signing|media|PR) coup",
                r"(?:a|major|real|big) coup for",
                r"coup for (?:the|a|his|her|their) (?:club|team|company|firm|brand|league|festival|network)",
                r"coup (?:rumou?rs?|fears?|speculation|allegations|talk|claims)",
                r"rumou?rs? of (?:a )?coup",
                r"pulled off a coup",
                r"shareholders",
                r"chief executive",
                r"CEO",
                r"(?:stocks|shares|markets?) (?:toppled|overthrew)",
                r"ousted (?:\w+ )?(?:champion|champions|holders|leaders) ",
            ),
        ),
    ),
    TypeRules(
        "peace_talks",
        (
            Cue(
                "talks or ceasefire",
                _rx(
                    r"peace (?:talks|negotiations|deal|agreement|accords?|plan|process|summit|conference|"
                    r"initiative|proposals?|envoy|framework|roadmap|treaty)",
                    r"cease-?fires?",
                    r"armistice",
                    r"prisoners?[- ](?:of[- ]war )?(?:exchanges?|swaps?)",
                    r"exchange of (?:\w+ ){0,2}prisoners",
                    r"swap of (?:\w+ ){0,2}prisoners",
                    r"exchanged (?:\w+ ){0,3}(?:prisoners|POWs|captives|detainees|bodies)",
                    r"swapped (?:\w+ ){0,3}(?:prisoners|POWs|captives|detainees)",
                    r"(?:swap|exchange|return|repatriat\w*|hand(?:ed)? over|received) (?:the )?(?:\w+ "
                    r"){0,3}bodies "
                    r"of (?:\w+ ){0,3}(?:soldiers|servicemen|fighters|troops)",
                    r"swaps? (?:\w+ ){0,2}bodies",
                    r"prisoners of war",
                    r"POWs",
                    r"hostage (?:deal|release|exchange|talks|negotiations)",
                    r"released (?:\w+ ){0,3}hostages",
                    r"hostages? (?:were |was )?(?:freed|released|handed over)",
                    r"humanitarian (?:pause|truce|corridor)",
                    r"de-escalation (?:talks|agreement|zone)",
                    r"deescalation (?:talks|agreement|zone)",
                    r"(?:negotiations|talks) (?:to|on|aimed at) (?:end(?:ing)?|halt(?:ing)?|stop(?:ping)?) "
                    r"the (?:war|fighting|conflict|violence|hostilities)",
                ),
                context=_rx(
                    r"talks",
                    r"negotiat\w*",
                    r"agreed",
                    r"agreement",
                    r"deal",
                    r"signed",
                    r"announced",
                    r"declared",
                    r"brokered",
                    r"mediat\w*",
                    r"proposed",
                    r"proposal",
                    r"accepted",
                    r"rejected",
                    r"extended",
                    r"took effect",
                    r"came into (?:force|effect)",
                    r"holding",
                    r"held",
                    r"met",
                    r"meet",
                    r"meeting",
                    r"exchange[ds]?",
                    r"swap(?:ped|s)?",
                    r"released",
                    r"freed",
                    r"returned",
                    r"handed over",
                    r"home",
                    r"summit",
                    r"envoys?",
                    r"delegations?",
                    r"plan",
                    r"accords?",
                    r"process",
                    r"round",
                    r"resume[ds]?",
                    r"collapsed",
                    r"broke down",
                    r"stalled",
                    r"framework",
                    r"truce",
                    r"ceasefire",
                    r"treaty",
                    r"conference",
                ),
            ),
            Cue("truce", _rx(r"truce", r"negotiations", r"talks", r"peace"), context=_WAR_CONTEXT, weak=True),
        ),
        vetoes=(
            _rx(
                r"despite (?:a|the) (?:\w+ ){0,2}(?:ceasefire|truce)",
                r"in (?:violation|breach) of (?:a |the )?(?:\w+ )?(?:ceasefire|truce)",
                r"violat\w* (?:of )?(?:a |the )?(?:\w+ )?(?:ceasefire|truce)",
                r"(?:ceasefire|truce) violations?",
                r"breach\w* (?:of )?(?:a |the )?(?:ceasefire|truce)",
                r"(?:trade|pay|wage|contract|merger|coalition|budget|tariff|climate|nuclear power) "
                r"(?:talks|negotiations|deal)",
                r"(?:call(?:ing|ed|s)?|demand(?:ing|ed|s)?|urg(?:ing|ed|es)|press(?:ing|ed)?|push(?:ing|"
                r"ed)?) "
                r"(?:on |for )?(?:the government |leaders |officials )?(?:to )?(?:agree |reach |sign |"
                r"accept )?"
                r"(?:an? |the )?(?:\w+ ){0,2}(?:deal|ceasefire|cease-fire|truce|peace)",
                r"(?:demonstrat\w*|protest\w*|rall\w*|march\w*) (?:\w+ ){0,5}for (?:an? |the )?(?:\w+ "
                r")?(?:deal|"
                r"ceasefire|truce|peace)",
                r"peace of mind",
                r"peace and quiet",
                r"rest in peace",
                r"Nobel Peace Prize",
                r"peacekeep\w+",
                r"peaceful(?:ly)?",
                r"(?:the |a )?(?:\w+ )?truce (?:between|with) (?:the )?(?:union|unions|management|club|board|"
                r"rival|rivals|shareholders)",
            ),
        ),
    ),
    TypeRules(
        "leadership_change",
        (
            Cue(
                "leader changed",
                _rx(
                    r"resign(?:ed|s|ing|ation)?",
                    r"stepped down",
                    r"steps down",
                    r"step down",
                    r"stepping down",
                    r"dismissed",
                    r"dismissal of",
                    r"sacked",
                    r"sacking of",
                    r"fired (?:his|her|the|their)",
                    r"removed (?:\w+ ){0,3}from (?:office|his post|her post|post|his position|her position|"
                    r"command)",
                    r"relieved (?:\w+ ){0,3}of (?:his|her) (?:duties|command|post)",
                    r"appointed",
                    r"appoints",
                    r"appointment of",
                    r"named (?:\w+ ){0,3}(?:as )?(?:the )?(?:new|acting|interim)",
                    r"sworn in",
                    r"took office",
                    r"takes office",
                    r"replaced",
                    r"replaces",
                    r"nominated",
                    r"impeached",
                    r"ousted",
                    r"reshuffle",
                    r"succeed(?:s|ed)",
                    r"new (?:prime minister|president|commander(?:-in-chief)?|defen[cs]e minister|army "
                    r"chief)",
                    r"quit",
                    r"quits",
                    r"no-confidence vote",
                ),
                context=_ROLE,
                weak=True,
            ),
        ),
        vetoes=(
            _NOT_STATE_ROLE,
            _rx(
                r"(?:call(?:ed|s|ing)?|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|pressure|press(?:ed|ing)?) "
                r"(?:for )?"
                r"(?:[\w'\u2019]+ ){0,4}(?:to )?(?:resign(?:ation)?|step down|quit|ouster|removal|dismissal)",
                r"refused to (?:resign|step down|quit)",
                r"ruled out (?:resigning|stepping down)",
                # "announced he would step down" is the announcement, not a maybe
                r"(?<!announced he )(?<!announced she )(?<!said he )(?<!said she )"
                r"(?:will|would|could|may|might) (?:not )?(?:resign|step down|quit)",
                r"appointed (?:a |an )?(?:commission|committee|panel|inquiry|mediator|investigator|judge)",
                r"coup",
                r"seized power",
            ),
        ),
    ),
    TypeRules(
        "arrest",
        (
            Cue(
                "arrested",
                _rx(
                    r"arrest(?:ed|s|ing)?",
                    r"detain(?:ed|ing|s)?",
                    r"detention of",
                    r"taken into custody",
                    r"took (?:\w+ ){1,5}into custody",
                    r"apprehended",
                    r"rounded up",
                    r"(?:put|placed) under house arrest",
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"cardiac arrest",
                r"arrest(?:ed)? (?:the|its|their|a) (?:\w+ )?(?:slide|decline|fall|drop|losses|slump|"
                r"downturn)",
                r"warrant for (?:his|her|their|the) arrest",
                r"arrest warrants?",
                r"died in (?:police )?custody",
                r"(?:avoid|escape[ds]?|evade[ds]?|resist(?:ed|ing)?) arrest",
                r"(?:could|may|might|would|will) (?:be |face )?arrest",
                r"arrested development",
                r"detention cent(?:re|er)s?",
            ),
        ),
    ),
    TypeRules(
        "evacuation",
        (
            Cue(
                "evacuated or displaced",
                _rx(
                    r"evacuat(?:ed|ion|ions|ing|e|es)",
                    r"displaced(?! (?:persons'? |people'?s? )?camps?)",
                    r"displacement(?! camps?)",
                    r"forced (?:\w+ ){0,5}(?:from their homes|to flee|to leave their homes)",
                    r"fled (?:their homes|the (?:fighting|violence|area|town|city|village|region|floods?|"
                    r"fires?|"
                    r"advance|shelling|bombing)|across the border|into)",
                    r"fleeing (?:the )?(?:fighting|violence|war|floods?|fires?|advance|shelling|bombing|"
                    r"attacks?)",
                    r"refugees? (?:crossed|arrived|poured|fled|streamed|have crossed)",
                    r"exodus",
                    r"evacuees",
                    r"left their homes",
                    r"sought (?:refuge|shelter)",
                    r"left homeless",
                    r"made homeless",
                    r"moved to (?:safety|shelters|safer)",
                    r"emergency shelters",
                    r"ordered (?:\w+ ){0,4}to leave",
                ),
                exclude=_ALREADY_DISPLACED,
                weak=True,
            ),
            Cue(
                "people fled",
                _rx(r"fled", r"flee", r"flees", r"fleeing"),
                context=_rx(
                    r"thousands",
                    r"hundreds",
                    r"residents",
                    r"families",
                    r"civilians",
                    r"villagers",
                    r"people",
                    r"inhabitants",
                    r"refugees",
                    r"(?-i:[A-Z][a-z]+(?:ians|ese|is|ans))",
                ),
                weak=True,
                exclude=re.compile(
                    r"\b(?:suspects?|gunm(?:a|e)n|attackers?|driver|assailants?|robbers?|thieves|militants|"
                    r"perpetrators?|kidnappers|captors)\s+(?:\w+\s+){0,3}(?:fled|flee\w*)",
                    re.I,
                ),
            ),
        ),
        vetoes=(
            _rx(
                r"displaced (?:shoulder|hip|fracture|disc|kneecap|joint)",
                r"fire drill",
                r"evacuation drill",
                r"evacuation plans?",
                r"evacuation routes?",
                r"(?:were|was) (?:later )?allowed to return",
                r"return(?:ed|ing)? (?:home|to their homes|to their villages)",
                r"(?:began|started|begin|start) (?:returning|to return|driving back|heading back|going home)",
                r"back to their (?:homes|villages|towns)",
                r"\d+ years? after",
            ),
        ),
    ),
    TypeRules(
        "natural_disaster",
        (
            Cue(
                "hazard",
                _rx(
                    r"earthquakes?",
                    r"quakes?",
                    r"aftershocks?",
                    r"tsunamis?",
                    r"floods?",
                    r"flooding",
                    r"flooded",
                    r"flash floods?",
                    r"landslides?",
                    r"mudslides?",
                    r"hurricanes?",
                    r"typhoons?",
                    r"cyclones?",
                    r"tropical storms?",
                    r"tornado(?:e)?s?",
                    r"wildfires?",
                    r"bushfires?",
                    r"forest fires?",
                    r"volcano(?:es)?",
                    r"volcanic",
                    r"avalanches?",
                    r"heat ?waves?",
                    r"blizzards?",
                    r"storm surges?",
                    r"hailstorms?",
                    r"sandstorms?",
                    r"(?-i:Storm [A-Z][a-z]+)(?<!Storm Shadow)",
                    r"winter storms?",
                    r"severe storms?",
                    r"cloudbursts?",
                ),
            ),
            Cue(
                "weather with harm",
                _rx(
                    r"heavy rain(?:s|fall)?",
                    r"torrential rain(?:s|fall)?",
                    r"monsoon(?: rains)?",
                    r"droughts?",
                    r"tremors?",
                    r"erupt(?:ed|ion|ions|ing)",
                    r"storms?",
                    r"extreme heat",
                    r"cold snap",
                    r"cold wave",
                    r"heavy snow(?:fall)?",
                ),
                context=_rx(
                    r"flood\w*",
                    r"killed",
                    r"dead",
                    r"died",
                    r"deaths",
                    r"landslides?",
                    r"swept",
                    r"submerged",
                    r"homes",
                    r"evacuat\w*",
                    r"missing",
                    r"damage\w*",
                    r"collapsed",
                    r"stranded",
                    r"inundated",
                    r"crops",
                    r"livestock",
                    r"famine",
                    r"hunger",
                    r"lava",
                    r"ash",
                    r"volcan\w*",
                    r"crater",
                    r"magnitude",
                    r"epicent(?:re|er)",
                    r"power cuts?",
                    r"without power",
                    r"emergency",
                    r"uprooted",
                    r"roofs",
                    r"destroy\w*",
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"landslide (?:victory|win|defeat|majority|election|vote)",
                r"(?:won|win|wins|winning) (?:by |in )?a landslide",
                r"landslide\b[^.]{0,40}\b(?:elections?|polls?|vote|votes|ballot|seats|majority|re-?election)",
                r"(?:won|win|wins|winning|secured?|claim(?:ed|s)?) (?:a )?landslide",
                r"flood(?:ed|s|ing)? (?:of|with) (?:orders|money|cash|investment|applications|complaints|"
                r"calls|"
                r"messages|imports|goods|cheap|tears|emails|requests|bids|offers)",
                r"flood(?:ed|s|ing)? (?:the|into) (?:market|markets|inbox)",
                r"(?:political|financial|electoral|diplomatic) (?:tsunami|earthquake|storm|hurricane|"
                r"tremors?)",
                r"storm of (?:criticism|protest|controversy|outrage)",
                r"perfect storm",
                r"by storm",
                r"brainstorm\w*",
                r"storm(?:ed|ing)? (?:in)?to (?:the )?(?:lead|victory|win|power)",
                r"eruption of (?:anger|violence|applause|joy)",
                r"erupt(?:ed|ion)? (?:in|into|with) (?:applause|cheers|laughter|celebrations?|anger|"
                r"protests?|"
                r"violence|fighting|clashes|chaos)",
                r"(?:fighting|violence|clashes|protests|anger|war) (?:had )?erupted",
                r"(?:goal|title|trophy|scoring|win|winless|medal) drought",
                r"drought of",
                r"spread like wildfire",
                r"Storm Shadow",
                r"tremors? (?:in|through) (?:the )?(?:markets?|industry|sector|party|government)",
                r"market tremors?",
                r"Hurricanes",
                r"Cyclones",
                r"Lightning",
                r"Thunder",
                r"earthquake (?:drill|preparedness|exercise|insurance)",
            ),
        ),
    ),
    TypeRules(
        "industrial_accident",
        (
            Cue(
                "accident",
                _rx(
                    r"(?:mine|mining|colliery) (?:collapse|explosion|accident|disaster|blast|flood(?:ing)?|"
                    r"fire)",
                    r"(?:gas|chemical|boiler|factory|plant|refinery|warehouse|fireworks|industrial|methane|dust|"
                    r"fuel tank|tanker|pipeline) (?:explosion|blast|fire|leak|accident)s?",
                    r"(?:chemical|toxic|ammonia|chlorine|gas|oil|acid) (?:leak|spill)s?",
                    r"oil spill",
                    r"derail(?:ed|ment|ments)",
                    r"trains? (?:crash|collision|collided|accident)",
                    r"(?:plane|air|helicopter|bus|ferry|boat|train|coach|lorry|truck|road) crash(?:ed|es)?",
                    r"(?:airliner|plane|aircraft|helicopter|bus|coach|lorry|truck|minibus) (?:crashed|"
                    r"plunged|"
                    r"overturned|skidded|veered)",
                    r"crashed (?:shortly )?(?:after|on|during) (?:take-?off|landing)",
                    r"(?:bus|coach|lorry|truck|minibus|train|tanker|ferry) collided",
                    r"(?:bus|coach|lorry|truck|minibus|van|train|airliner|passenger jet|cargo jet|jet|"
                    r"plane|aircraft|"
                    r"helicopter|ferry|boat)\b"
                    r"[^.;]{0,60}?\b(?:plunged|plunges|skidded|overturned|veered off|derailed|capsized|"
                    r"collided|"
                    r"crashed|crashes|sank)",
                    r"(?:fuel tanker|oil tanker|gas tanker|tanker|truck|lorry) (?:exploded|caught fire|"
                    r"overturned)",
                    r"capsiz(?:ed|es|ing)",
                    r"(?:ferry|boat|vessel|ship|barge) (?:sank|sinks|ran aground|caught fire)",
                    r"(?:buildings?|bridges?|dams?|mines?|tunnels?|stands?|roofs?|towers?|walls?|cranes?|"
                    r"scaffolding|tailings dam|apartment blocks?) (?:collapsed|collapses|gave way)",
                    r"collapse of (?:a|the) (?:\w+ ){0,2}(?:building|bridge|dam|mine|tunnel|block|tower|"
                    r"crane)",
                    r"industrial accident",
                    r"workplace accident",
                    r"(?:explosion|blast|fire|blaze) (?:ripped|tore|swept) through (?:a|the) (?:\w+ ){0,3}"
                    r"(?:plant|factory|mine|refinery|warehouse|depot|facility|works|port|mill|market|building|"
                    r"tower|hospital|hotel|nightclub|club|shopping centre|mall)",
                    r"(?:explosion|blast|fire|blaze) (?:broke out |erupted )?at (?:a|the) (?:\w+ ){0,3}"
                    r"(?:plant|factory|mine|refinery|warehouse|depot|facility|works|port|mill|shipyard|"
                    r"storage site|power station|terminal)",
                    r"fire (?:broke out|gutted|swept through|engulfed)",
                    r"(?:fire|blaze|explosion|blast) (?:aboard|on board|on|in) (?:a|the) (?:\w+ "
                    r"){0,2}(?:ferry|boat|ship|"
                    r"vessel|train|bus|plane|tanker|barge)",
                    r"blaze (?:gutted|engulfed)",
                    r"(?:gas|chemical) cloud",
                    r"trapped (?:underground|in the mine|under (?:the )?rubble)",
                ),
            ),
        ),
        vetoes=(
            _HOSTILE,
            _rx(
                r"(?:market|stock market|stocks|shares|prices|currency|crypto\w*) (?:crash\w*|collaps\w*)",
                r"crash(?:ed)? out of",
                r"crash course",
                r"crashed (?:the )?(?:website|servers?|system|app)",
                r"(?:talks|negotiations|deal|coalition|government|bid|company|firm|bank|currency) collapsed",
                r"collapse of (?:the )?(?:talks|negotiations|deal|coalition|government|company|bank|"
                r"currency)",
                r"earthquake",
                r"quake",
                r"tsunami",
                r"floods?",
                r"flooding",
                r"landslide",
                r"hurricane",
                r"typhoon",
                r"cyclone",
                r"wildfire",
                r"forest fire",
                r"bushfire",
                r"storm",
                r"tornado",
            ),
        ),
    ),
    TypeRules(
        "cyberattack",
        (
            Cue(
                "hacking",
                _rx(
                    r"cyber[- ]?attacks?",
                    r"cyber[- ]?espionage",
                    r"cyber[- ]?(?:incidents?|intrusions?|operations?|assaults?)",
                    r"ransomware",
                    r"malware",
                    r"wiper",
                    r"spyware",
                    r"DDoS",
                    r"distributed denial[- ]of[- ]service",
                    r"denial[- ]of[- ]service",
                    r"hack(?:ed|ers|ing)",
                    r"data breach(?:es)?",
                    r"(?:data|records|details) (?:were|was) (?:stolen|leaked|exposed)",
                    r"phishing (?:campaigns?|attacks?)",
                    r"cyber ?criminals?",
                    r"systems? (?:were |was |had been )?(?:breached|compromised|encrypted)",
                ),
            ),
        ),
        vetoes=(
            _rx(
                r"life ?hacks?",
                r"hackathons?",
                r"growth hack\w*",
                r"hacked (?:off|away)",
                r"hacking cough",
                r"hack(?:ed|ing) (?:at|through|down) (?:the )?(?:undergrowth|branches|trees|bushes)",
                r"hacked to death",
                r"ethical hack\w*",
                r"hackers? (?:conference|convention|competition|contest)",
            ),
            _DEFENSIVE,
        ),
    ),
    TypeRules(
        "disease_outbreak",
        (
            Cue("disease named", _rx(*_DISEASES), context=_OUTBREAK_CONTEXT, weak=True),
            Cue(
                "outbreak",
                _rx(
                    r"outbreaks?",
                    r"epidemics?",
                    r"pandemic",
                    r"infections? (?:rose|surged|spread|climbed|jumped)",
                    r"cases (?:rose|surged|doubled|climbed|jumped)",
                    r"quarantin\w+",
                ),
                context=_rx(
                    r"disease",
                    r"virus",
                    r"viral",
                    r"infect\w*",
                    r"cases",
                    r"health (?:ministry|officials|authorities|workers)",
                    r"WHO",
                    r"World Health",
                    r"vaccin\w*",
                    r"patients",
                    r"symptoms",
                    r"contagious",
                    r"illness",
                    r"pathogen",
                    r"fever",
                    r"flu",
                    r"poultry",
                    r"livestock",
                    r"cull\w*",
                    *_DISEASES,
                ),
                weak=True,
            ),
        ),
        vetoes=(
            _rx(
                r"outbreaks? of (?:violence|fighting|war|hostilities|clashes|unrest|protests|riots?|fire|"
                r"wildfires?|anger|looting)",
                r"(?:epidemic|pandemic) of (?:loneliness|obesity|gun violence|violence|misinformation|fake "
                r"news)",
                r"since the (?:covid(?:-19)? )?pandemic",
                r"before the (?:covid(?:-19)? )?pandemic",
                r"pandemic-era",
                r"vaccine (?:maker|makers|stocks|shares)",
            ),
        ),
    ),
)

BY_CODE: dict[str, TypeRules] = {r.code: r for r in RULES}

# A generic "strike" or "attack" with a weapon-free wording ("a Russian strike on Kharkiv killed five").
# It joins the article's air/drone or missile/artillery event; alone it is read as an air strike,
# the commonest remote attack, which is also how ACLED's coders default an unspecified "strike".
GENERIC_STRIKE = Cue(
    "strike",
    _rx(
        r"strikes? (?:on|against|targeting|hit|at|in)",
        r"(?:overnight|russian|israeli|ukrainian|retaliatory|deadly|fresh|new|massive|combined|heavy|latest) "
        r"(?:strikes?|attacks?)",
        r"struck",
        r"bombardment",
        r"bombarded",
    ),
    context=_rx(
        r"killed",
        r"killing",
        r"wounded",
        r"injured",
        r"damaged",
        r"destroyed",
        r"civilians",
        r"residential",
        r"military",
        r"forces",
        r"army",
        r"troops",
        r"front",
        r"infrastructure",
        r"energy",
        r"power",
        r"air defen[cs]es?",
        r"targets?",
        r"positions",
        r"bases?",
        r"depots?",
        r"air force",
    ),
    weak=True,
)
GENERIC_STRIKE_VETOES = (
    _rx(
        r"hunger strikes?",
        r"strike (?:action|ballot|pay|deal|vote|fund|breakers?)",
        r"general strike",
        r"on strike",
        r"workers",
        r"unions?",
        r"lightning struck",
        r"struck (?:a |an )?(?:deal|agreement|bargain|chord|note|balance|tone|gold|oil|out|off|down)",
        r"struck by (?:a |an )?(?:car|vehicle|lorry|truck|train|bus|lightning)",
        r"earthquake",
        r"quake",
        r"storm",
        r"hurricane",
        r"typhoon",
        r"cyclone",
        r"tornado",
        r"flood",
        r"cyber",
        r"hack",
        r"ransomware",
        r"struck (?:twice|late|first|again)",
        r"heart attack",
        r"panic attack",
    ),
)

# Words that are unambiguous about conflict or disaster: an article with one of them is not "about
# sport or markets" even if its headline mentions stocks ("Oil jumps after drone strike on refinery").
HARD_NEWS = _rx(
    r"air ?strikes?",
    r"drone (?:strikes?|attacks?)",
    r"missile (?:strikes?|attacks?)",
    r"shelling",
    r"artillery",
    r"(?:were|was|have been|had been|people|civilians|soldiers) killed",
    r"killing (?:at least |more than |about )?(?:\d[\d,]*|\w+) (?:people|civilians|soldiers|villagers)",
    r"death toll",
    r"troops",
    r"militants",
    r"rebels",
    r"earthquake",
    r"floods?",
    r"cease-?fire",
    r"coup",
    r"ransomware",
    r"cyber-?attack",
    r"outbreak",
    r"explosion",
    r"protesters",
    r"riot(?:s|ers|ing)",
)
