# ruff: noqa: E501  (prose fixtures: sentences are not wrapped mid-string)
"""Hand-written, fictional wire-style reports for the labelled dedup and story set.

Each story has an original wire report and two retellings in other words by other outlets (the
paraphrases). Look-alikes are *different* events told in the same words: the next night's barrage,
a second quake a week later, a protest the same day in another city. Unrelated pieces have no event.

Events are given as a classifier should read them (type, place, actors, figures): the story matcher
is evaluated on these, not on the output of the enrichment and classification stages.
"""

from __future__ import annotations

from typing import Any

UA_RU = [{"name": "Russia", "country_code": "RU", "role": "attacker"}]


def loc(name: str, cc: str, admin1: str | None = None) -> dict[str, Any]:
    return {"name": name, "country_code": cc, "admin1": admin1}


# key: story label -> dict(hours offset of the first report, event, original, paraphrases)
STORIES: dict[str, dict[str, Any]] = {
    "barrage-n1": {
        "at": 0,
        "event": {
            "type": "air_drone_strike",
            "location": loc("Kyiv", "UA", "Kyiv City"),
            "actors": UA_RU,
            "magnitude": {"drones": 142, "missiles": 6, "wounded": 3},
        },
        "original": (
            "Russia launches 142 drones and six missiles at Ukraine overnight",
            "Russia launched 142 drones and 6 missiles at Ukraine overnight, the Ukrainian air force said on "
            "Tuesday. Air defences shot down 118 of the drones over 11 regions, the statement said. Falling "
            "debris damaged two apartment blocks in Kyiv and set a warehouse on fire in the Odesa region. "
            "Three people were wounded in the capital, the head of the city military administration said. "
            "Power was cut to about 4,000 homes in the southern port city.",
        ),
        "paraphrases": [
            (
                "Kyiv wakes to blasts as Russian drones pour in",
                "Residents of the Ukrainian capital spent much of the night in shelters as wave after wave of "
                "attack drones crossed the country. According to Ukraine's air force, Moscow sent 142 drones "
                "along with 6 missiles, and 118 drones were intercepted. In Kyiv, fragments hit two residential "
                "buildings and three people needed hospital treatment.",
                {"location": loc("Kyiv", "UA", "Kyiv City")},
            ),
            (
                "Odesa warehouse burns after night drone attack",
                "A warehouse in the Odesa region caught fire after being struck by debris during a large "
                "overnight attack, regional officials reported on Tuesday morning. The air force counted 142 "
                "Russian drones and six missiles in total, most of them destroyed before reaching their targets. "
                "Thousands of households around the port were left without electricity.",
                {"location": loc("Odesa", "UA", "Odesa Oblast"), "magnitude": {"drones": 142, "missiles": 6}},
            ),
        ],
    },
    "quake-malatya-1": {
        "at": 30,
        "event": {
            "type": "natural_disaster",
            "location": loc("Malatya", "TR", "Malatya"),
            "actors": [],
            "magnitude": {"magnitude": 6.1, "killed": 4, "wounded": 60},
        },
        "original": (
            "Magnitude 6.1 earthquake strikes eastern Turkey, four dead",
            "A magnitude 6.1 earthquake struck Malatya province in eastern Turkey on Thursday afternoon, "
            "killing four people and injuring 60, the disaster management agency AFAD said. The quake hit at "
            "a depth of 10 kilometres near the town of Yesilyurt and was felt across neighbouring provinces. "
            "Several older buildings collapsed and rescue teams were searching the rubble. Schools in the "
            "province will stay closed on Friday, the governor said.",
        ),
        "paraphrases": [
            (
                "Deadly tremor shakes Malatya, buildings collapse",
                "Rescuers dug through collapsed houses in Malatya after a strong tremor rattled eastern Turkey. "
                "Turkish officials put the magnitude at 6.1 and said four people had been killed while 60 were "
                "hurt. The epicentre was near Yesilyurt, and people in nearby provinces rushed into the streets.",
                {},
            ),
            (
                "Turkey quake: death toll rises as aftershocks continue",
                "Aftershocks kept residents of eastern Turkey outdoors overnight after Thursday's 6.0 magnitude "
                "earthquake, which authorities now say killed six people. More than 70 people were treated for "
                "injuries, and engineers began inspecting damaged apartment blocks in Malatya province.",
                {"magnitude": {"magnitude": 6.0, "killed": 6, "wounded": 70}},
            ),
        ],
    },
    "flood-sindh": {
        "at": 60,
        "event": {
            "type": "natural_disaster",
            "location": loc("Sindh", "PK", "Sindh"),
            "actors": [],
            "magnitude": {"killed": 23, "evacuated": 40000},
        },
        "original": (
            "Floods kill 23 in Pakistan's Sindh province",
            "Flash floods triggered by three days of monsoon rain have killed 23 people in Pakistan's Sindh "
            "province, the provincial disaster authority said on Saturday. About 40,000 people have been "
            "moved to relief camps as rivers burst their banks near Sukkur and Larkana. Army boats were "
            "deployed to reach villages cut off by the water. The meteorological office warned of more heavy "
            "rain over the next 48 hours.",
        ),
        "paraphrases": [
            (
                "Monsoon deluge leaves thousands homeless in southern Pakistan",
                "Relief camps in southern Pakistan filled up on Saturday as swollen rivers swamped farmland "
                "around Sukkur and Larkana. Sindh's disaster authority reported 23 deaths since the rains "
                "began and said roughly 40,000 residents had been evacuated, some by military boats.",
                {},
            ),
            (
                "Pakistan flood toll climbs, more rain forecast",
                "The number of people killed by floods in Sindh has risen to 27, officials said late on "
                "Saturday, as forecasters predicted two more days of heavy downpours. Soldiers continued "
                "ferrying families from submerged villages to higher ground.",
                {"magnitude": {"killed": 27}},
            ),
        ],
    },
    "protest-belgrade": {
        "at": 90,
        "event": {
            "type": "protest",
            "location": loc("Belgrade", "RS", "Belgrade"),
            "actors": [{"name": "students", "role": "actor"}],
            "magnitude": {"protesters": 50000},
        },
        "original": (
            "Tens of thousands march in Belgrade against government",
            "Tens of thousands of people marched through central Belgrade on Sunday evening, demanding the "
            "resignation of the government after a corruption scandal. Organisers, led by university "
            "students, estimated the crowd at 50,000. Protesters blew whistles and carried banners reading "
            "'Enough' as they passed the parliament building. Police reported no serious incidents.",
        ),
        "paraphrases": [
            (
                "Serbian students lead huge anti-government rally",
                "Students at the head of a vast crowd filled the streets of the Serbian capital on Sunday, "
                "calling on ministers to step down over graft allegations. The rally in Belgrade passed "
                "peacefully outside parliament, with organisers counting some 50,000 participants.",
                {},
            ),
            (
                "Belgrade rally: whistles and banners outside parliament",
                "Whistling demonstrators gathered outside the Serbian parliament in Belgrade as the biggest "
                "protest in months wound through the city centre. Police said the march passed without "
                "serious trouble.",
                {"magnitude": {}},
            ),
        ],
    },
    "shelling-kherson": {
        "at": 120,
        "event": {
            "type": "missile_artillery_strike",
            "location": loc("Kherson", "UA", "Kherson Oblast"),
            "actors": UA_RU,
            "magnitude": {"killed": 2, "wounded": 9},
        },
        "original": (
            "Russian shelling kills two in Kherson",
            "Russian artillery shelled residential districts of Kherson on Wednesday morning, killing two "
            "people and wounding nine, the regional governor said. A bus stop and a pharmacy were hit near "
            "the central market. The city on the Dnipro river has been shelled almost daily since Ukrainian "
            "forces retook it. Emergency crews put out several fires.",
        ),
        "paraphrases": [
            (
                "Kherson market area hit by artillery fire",
                "Shells landed near the central market in Kherson, striking a bus stop and a pharmacy, local "
                "authorities reported. Two residents died and nine others were injured in the bombardment, "
                "which officials blamed on Russian forces across the river.",
                {},
            ),
            (
                "Two dead as Russia pounds southern Ukrainian city",
                "Russia's army fired on the southern Ukrainian city of Kherson again on Wednesday, leaving two "
                "civilians dead, according to the regional administration. Firefighters battled blazes in "
                "several neighbourhoods afterwards.",
                {"magnitude": {"killed": 2}},
            ),
        ],
    },
    "wildfire-attica": {
        "at": 150,
        "event": {
            "type": "natural_disaster",
            "location": loc("Attica", "GR", "Attica"),
            "actors": [],
            "magnitude": {"firefighters": 1200},
        },
        "original": (
            "Wildfire near Athens forces evacuation of villages",
            "A wildfire fanned by strong winds raced through pine forest north of Athens on Monday, forcing "
            "the evacuation of five villages, the fire service said. More than 1,200 firefighters, backed by "
            "water-dropping aircraft, were battling the blaze near Varnavas in the Attica region. Residents "
            "received emergency text messages telling them to leave. Smoke covered parts of the Greek capital.",
        ),
        "paraphrases": [
            (
                "Greek firefighters battle blaze on Athens outskirts",
                "Planes and helicopters dropped water on flames north of the Greek capital as a fast-moving "
                "fire tore through woodland around Varnavas. Authorities ordered people in five villages to "
                "leave, and 1,200 firefighters were deployed, according to the fire brigade.",
                {},
            ),
            (
                "Smoke blankets Athens as Attica fire spreads",
                "A thick haze hung over Athens on Monday afternoon while a forest fire in northern Attica "
                "kept spreading in gusty winds. Emergency alerts were sent to residents of several "
                "settlements near Varnavas.",
                {"magnitude": {}},
            ),
        ],
    },
    "cyclone-khulna": {
        "at": 180,
        "event": {
            "type": "natural_disaster",
            "location": loc("Khulna", "BD", "Khulna Division"),
            "actors": [],
            "magnitude": {"killed": 7, "evacuated": 800000},
        },
        "original": (
            "Cyclone slams into Bangladesh coast, seven killed",
            "A severe cyclone made landfall on the coast of Bangladesh's Khulna division late on Sunday, "
            "killing at least seven people, the disaster ministry said. Nearly 800,000 people had been moved "
            "to storm shelters before the storm arrived with winds of up to 120 km an hour. Fallen trees "
            "blocked roads and electricity was cut across several districts.",
        ),
        "paraphrases": [
            (
                "Storm surge floods villages as cyclone hits Bangladesh",
                "Coastal villages in southwestern Bangladesh were swamped by a storm surge as a powerful "
                "cyclone came ashore in Khulna division. Officials said seven people died and that around "
                "800,000 residents had sheltered in concrete cyclone centres.",
                {},
            ),
            (
                "Bangladesh counts damage after cyclone, power still out",
                "Crews in Khulna worked to clear uprooted trees and restore power lines on Monday after the "
                "cyclone, which authorities say left seven people dead. Many of those evacuated began "
                "returning home.",
                {"magnitude": {"killed": 7}},
            ),
        ],
    },
    "volcano-negros": {
        "at": 210,
        "event": {
            "type": "evacuation",
            "location": loc("Negros Occidental", "PH", "Negros Occidental"),
            "actors": [],
            "magnitude": {"evacuated": 12000},
        },
        "original": (
            "Philippines evacuates 12,000 as Kanlaon volcano erupts",
            "Authorities in the Philippines evacuated about 12,000 residents from villages around Kanlaon "
            "volcano on Negros island after an explosive eruption sent an ash column four kilometres into "
            "the sky, the volcanology institute said on Tuesday. The alert level was raised to 3. Flights to "
            "nearby Bacolod were cancelled as ash fell on towns in Negros Occidental.",
        ),
        "paraphrases": [
            (
                "Ash falls on Negros towns after Kanlaon blast",
                "Towns in Negros Occidental were coated in grey ash after Kanlaon volcano erupted, prompting "
                "officials to move around 12,000 people from its slopes. Airlines cancelled flights to "
                "Bacolod while the alert was raised to level 3.",
                {},
            ),
            (
                "Kanlaon eruption: evacuees crowd shelters on Negros",
                "Families evacuated from the foot of Kanlaon volcano crowded into school gyms on Tuesday, "
                "local officials said, as scientists warned a bigger eruption could follow.",
                {"magnitude": {}},
            ),
        ],
    },
    "protest-nairobi": {
        "at": 240,
        "event": {
            "type": "protest",
            "location": loc("Nairobi", "KE", "Nairobi"),
            "actors": [{"name": "police", "role": "actor"}],
            "magnitude": {"killed": 2},
        },
        "original": (
            "Kenyan police fire tear gas at Nairobi tax protest",
            "Kenyan police fired tear gas and water cannon at thousands of protesters in central Nairobi on "
            "Tuesday as parliament debated a bill raising taxes on fuel and mobile money. Two people were "
            "killed, a rights group said. Demonstrators, many of them young, tried to march on parliament "
            "and set tyres alight along Kenyatta Avenue.",
        ),
        "paraphrases": [
            (
                "Two dead as Nairobi protest against tax bill turns violent",
                "Clashes broke out in the Kenyan capital when police used tear gas on crowds opposing new "
                "taxes on fuel and mobile payments. A human rights organisation reported two deaths. Burning "
                "tyres blocked Kenyatta Avenue near parliament.",
                {},
            ),
            (
                "Kenya's youth take to streets over finance bill",
                "Young Kenyans organised on social media poured into Nairobi's centre to oppose the finance "
                "bill, facing police who used water cannon to keep them from parliament.",
                {"magnitude": {}},
            ),
        ],
    },
    "refinery-ryazan": {
        "at": 270,
        "event": {
            "type": "air_drone_strike",
            "location": loc("Ryazan", "RU", "Ryazan Oblast"),
            "actors": [{"name": "Ukraine", "country_code": "UA", "role": "attacker"}],
            "magnitude": {"drones": 23},
        },
        "original": (
            "Ukrainian drones hit refinery in Russia's Ryazan region",
            "Ukrainian drones struck an oil refinery in Russia's Ryazan region overnight, starting a large "
            "fire, the regional governor said on Friday. Russia's defence ministry said air defences had "
            "destroyed 23 drones over several regions, including 9 over Ryazan. Video shared on social media "
            "showed flames and thick black smoke over the plant. There was no word on casualties.",
        ),
        "paraphrases": [
            (
                "Fire rages at Ryazan oil plant after drone raid",
                "Flames and black smoke rose over a refinery in Ryazan after what Russian officials described "
                "as a Ukrainian drone raid. Moscow's defence ministry claimed 23 drones were brought down "
                "during the night.",
                {},
            ),
            (
                "Kyiv's long-range drones target Russian fuel industry again",
                "Ukraine has stepped up attacks on Russian refineries, and a plant in the Ryazan region was "
                "set ablaze overnight, according to the local governor. The defence ministry in Moscow said "
                "it intercepted 25 drones.",
                {"magnitude": {"drones": 25}},
            ),
        ],
    },
    "flood-bavaria": {
        "at": 300,
        "event": {
            "type": "natural_disaster",
            "location": loc("Bavaria", "DE", "Bavaria"),
            "actors": [],
            "magnitude": {"killed": 2, "evacuated": 3000},
        },
        "original": (
            "Two dead as floods hit Bavaria, thousands evacuated",
            "Floods after torrential rain killed two people in the German state of Bavaria, police said on "
            "Sunday, and about 3,000 residents were evacuated from riverside towns. The Danube and several "
            "tributaries broke their banks near Regensburg and Passau. Rail services between Munich and "
            "Nuremberg were suspended. Volunteers filled sandbags through the night.",
        ),
        "paraphrases": [
            (
                "Danube bursts banks in southern Germany",
                "Rescue workers in Bavaria evacuated some 3,000 people as the Danube overflowed around "
                "Regensburg and Passau. Police confirmed two deaths linked to the flooding, and trains "
                "between Munich and Nuremberg stopped running.",
                {},
            ),
            (
                "Sandbags and soaked cellars: Bavaria braces for more rain",
                "Volunteers stacked sandbags along flooded streets in Passau as forecasters warned the rain "
                "would continue into Monday. Authorities said two people had lost their lives.",
                {"magnitude": {"killed": 2}},
            ),
        ],
    },
    "quake-ishikawa": {
        "at": 330,
        "event": {
            "type": "natural_disaster",
            "location": loc("Ishikawa", "JP", "Ishikawa"),
            "actors": [],
            "magnitude": {"magnitude": 6.8, "wounded": 13},
        },
        "original": (
            "Strong 6.8 quake hits central Japan, tsunami advisory issued",
            "A magnitude 6.8 earthquake struck off Ishikawa prefecture on Japan's Sea of Japan coast on "
            "Wednesday morning, the Japan Meteorological Agency said, and a tsunami advisory was issued for "
            "the coastline. Thirteen people suffered minor injuries. Bullet train services were briefly "
            "halted. The Noto peninsula is still rebuilding after a deadly quake two years ago.",
        ),
        "paraphrases": [
            (
                "Japan lifts tsunami advisory after Ishikawa earthquake",
                "Japanese authorities lifted a tsunami advisory a few hours after a 6.8 magnitude tremor "
                "rocked Ishikawa. Thirteen minor injuries were reported, and high-speed rail resumed after "
                "safety checks.",
                {},
            ),
            (
                "Noto peninsula shaken again by strong earthquake",
                "Residents of the Noto peninsula, still recovering from a disaster two years ago, were "
                "jolted awake by a powerful earthquake off the coast of Ishikawa on Wednesday.",
                {"magnitude": {}},
            ),
        ],
    },
    "airstrike-fasher": {
        "at": 360,
        "event": {
            "type": "air_drone_strike",
            "location": loc("El Fasher", "SD", "North Darfur"),
            "actors": [{"name": "Sudanese army", "country_code": "SD", "role": "attacker"}],
            "magnitude": {"killed": 18},
        },
        "original": (
            "Air strike on El Fasher market kills 18",
            "An air strike hit a crowded market in El Fasher, the capital of Sudan's North Darfur state, on "
            "Saturday, killing 18 people, a local medical group said. Witnesses blamed the Sudanese army, "
            "which has repeatedly bombed areas held by its paramilitary rivals. Dozens of stalls were "
            "destroyed and the wounded were taken to the city's only functioning hospital.",
        ),
        "paraphrases": [
            (
                "Sudan: bombing of Darfur market leaves 18 dead",
                "Medics in North Darfur said 18 civilians died when warplanes bombed a busy market in El "
                "Fasher. Residents accused the army of carrying out the raid, which flattened dozens of "
                "market stalls.",
                {},
            ),
            (
                "El Fasher's last hospital overwhelmed after market attack",
                "The only hospital still working in El Fasher struggled to cope on Saturday with casualties "
                "from an aerial attack on the city market, aid workers said. The death toll rose to 21.",
                {"magnitude": {"killed": 21}},
            ),
        ],
    },
    "missile-dnipro-1": {
        "at": 390,
        "event": {
            "type": "missile_artillery_strike",
            "location": loc("Dnipro", "UA", "Dnipropetrovsk Oblast"),
            "actors": UA_RU,
            "magnitude": {"missiles": 2, "killed": 5, "wounded": 30},
        },
        "original": (
            "Russian missile strike on Dnipro kills five",
            "A Russian ballistic missile strike on the city of Dnipro killed five people and wounded 30 on "
            "Monday, the regional governor said. Two missiles hit an industrial area and a nearby apartment "
            "building, blowing out windows across the neighbourhood. Rescuers pulled survivors from the "
            "rubble. A day of mourning was declared in the city.",
        ),
        "paraphrases": [
            (
                "Dnipro declares mourning after deadly missile attack",
                "Dnipro declared a day of mourning after two Russian missiles slammed into an industrial "
                "district and a residential block. Five people were killed and 30 wounded, according to the "
                "regional governor, and emergency crews searched the debris for survivors.",
                {},
            ),
            (
                "Ukraine's Dnipro counts the cost of Monday's missile attack",
                "Glass and rubble still littered the streets of Dnipro on Monday evening hours after the "
                "missile strike. Officials said the dead included a child.",
                {"magnitude": {}},
            ),
        ],
    },
}

# Different events told in (nearly) the same words as a story above.
LOOKALIKES: dict[str, dict[str, Any]] = {
    "barrage-n2": {
        "like": "barrage-n1",
        "at": 24,
        "event": {
            "type": "air_drone_strike",
            "location": loc("Kharkiv", "UA", "Kharkiv Oblast"),
            "actors": UA_RU,
            "magnitude": {"drones": 96, "missiles": 2, "wounded": 5},
        },
        "text": (
            "Russia launches 96 drones and two missiles at Ukraine overnight",
            "Russia launched 96 drones and 2 missiles at Ukraine overnight, the Ukrainian air force said on "
            "Wednesday. Air defences shot down 81 of the drones over 9 regions, the statement said. Falling "
            "debris damaged two apartment blocks in Kharkiv and set a warehouse on fire in the Sumy region. "
            "Five people were wounded in the city, the head of the regional military administration said. "
            "Power was cut to about 6,000 homes in the northern city.",
        ),
    },
    "quake-malatya-2": {
        "like": "quake-malatya-1",
        "at": 30 + 7 * 24,
        "event": {
            "type": "natural_disaster",
            "location": loc("Malatya", "TR", "Malatya"),
            "actors": [],
            "magnitude": {"magnitude": 5.6, "wounded": 12},
        },
        "text": (
            "Magnitude 5.6 earthquake strikes eastern Turkey, no deaths",
            "A magnitude 5.6 earthquake struck Malatya province in eastern Turkey on Thursday morning, "
            "injuring 12 people, the disaster management agency AFAD said. The quake hit at a depth of 7 "
            "kilometres near the town of Dogansehir and was felt across neighbouring provinces. Several "
            "damaged buildings collapsed and rescue teams checked the rubble. Schools in the province will "
            "stay closed on Friday, the governor said.",
        ),
    },
    "protest-novisad": {
        "like": "protest-belgrade",
        "at": 91,
        "event": {
            "type": "protest",
            "location": loc("Novi Sad", "RS", "Vojvodina"),
            "actors": [{"name": "farmers", "role": "actor"}],
            "magnitude": {"protesters": 8000},
        },
        "text": (
            "Thousands of farmers block roads in Novi Sad",
            "Thousands of farmers drove tractors into the centre of Novi Sad on Sunday, blocking bridges over "
            "the Danube to demand higher subsidies for grain. Organisers put the crowd at 8,000. The protest "
            "in Serbia's second city was peaceful, police said, though traffic was halted for hours.",
        ),
    },
    "missile-dnipro-2": {
        "like": "missile-dnipro-1",
        "at": 390 + 50,
        "event": {
            "type": "missile_artillery_strike",
            "location": loc("Dnipro", "UA", "Dnipropetrovsk Oblast"),
            "actors": UA_RU,
            "magnitude": {"missiles": 4, "killed": 1, "wounded": 12},
        },
        "text": (
            "Russian missile strike on Dnipro kills one",
            "A Russian ballistic missile strike on the city of Dnipro killed one person and wounded 12 on "
            "Wednesday, the regional governor said. Four missiles hit a railway depot and a nearby office "
            "building, blowing out windows across the district. Rescuers searched the rubble through the "
            "afternoon. Train services were diverted.",
        ),
    },
    "wildfire-rhodes": {
        "like": "wildfire-attica",
        "at": 152,
        "event": {
            "type": "natural_disaster",
            "location": loc("Rhodes", "GR", "South Aegean"),
            "actors": [],
            "magnitude": {"firefighters": 300},
        },
        "text": (
            "Wildfire on Rhodes forces evacuation of hotels",
            "A wildfire fanned by strong winds spread through hills in the south of Rhodes on Monday, forcing "
            "the evacuation of three hotels and a village, the fire service said. About 300 firefighters "
            "were tackling the blaze with help from aircraft. Tourists were moved by bus to the island's "
            "capital.",
        ),
    },
}

UNRELATED: list[tuple[str, str]] = [
    (
        "Central bank holds rates, signals cut later this year",
        "The central bank kept its benchmark interest rate unchanged at 4.25 per cent on Thursday but said "
        "easing inflation could allow a cut before the end of the year. The governor told reporters that wage "
        "growth was slowing and energy prices had stabilised.",
    ),
    (
        "City council approves new tram line to airport",
        "The city council voted 31 to 9 to build a tram line linking the main railway station to the airport, "
        "a project expected to cost 640 million euros. Construction is due to begin next spring and take four "
        "years.",
    ),
    (
        "Local club wins cup final on penalties",
        "Second-division underdogs lifted the national cup after beating the league champions 4-3 on penalties "
        "following a goalless draw. Their goalkeeper saved two spot kicks in front of a sold-out stadium.",
    ),
    (
        "Tech firm unveils foldable laptop",
        "A consumer electronics maker unveiled a laptop with a screen that folds in half, aimed at business "
        "travellers. The device goes on sale in September and will cost 2,499 dollars, the company said.",
    ),
    (
        "Museum returns looted bronzes to Nigeria",
        "A European museum handed back 21 bronze sculptures taken during a colonial raid more than a century "
        "ago. Nigerian officials attended a ceremony marking the return and said the works would go on display "
        "in Benin City.",
    ),
    (
        "Scientists map ancient river beneath Antarctic ice",
        "Researchers using ice-penetrating radar have mapped a river system buried under two kilometres of "
        "Antarctic ice, a study published on Wednesday said. The find could help predict how the ice sheet "
        "responds to warming.",
    ),
    (
        "Airline orders 40 new jets",
        "A regional airline placed an order for 40 narrow-body jets worth about 4 billion dollars at list "
        "prices, saying it would retire older aircraft by 2030 and open routes to secondary cities.",
    ),
    (
        "Film festival opens with documentary on jazz pioneer",
        "The annual film festival opened on Friday with a documentary about a forgotten jazz pianist whose "
        "recordings were rediscovered in an attic. The director said the project took eight years.",
    ),
    (
        "Wheat prices fall on strong harvest outlook",
        "Wheat futures fell 3 per cent on Monday after forecasters raised their estimate for the northern "
        "hemisphere harvest, citing good rains in the spring planting season.",
    ),
    (
        "Government unveils plan to build 200,000 homes",
        "The housing ministry announced a plan to build 200,000 affordable homes over five years, funded by a "
        "mix of public loans and private investment. Opposition parties said the target was unrealistic.",
    ),
    (
        "Tennis star announces retirement",
        "A former world number one said on Tuesday she would retire at the end of the season after a career "
        "spanning 17 years and four major titles, citing persistent injuries.",
    ),
    (
        "New species of frog found in cloud forest",
        "Biologists described a new species of tiny frog found only in a patch of cloud forest in the Andes. "
        "The amphibian is smaller than a fingernail and has a distinctive orange belly.",
    ),
    (
        "Carmaker recalls 150,000 vehicles over brake fault",
        "A carmaker is recalling about 150,000 vehicles worldwide because a faulty sensor can delay braking, "
        "the company said, adding that it knew of no accidents linked to the defect.",
    ),
    (
        "University launches free online course on climate",
        "A university opened enrolment for a free online course on climate science, with lectures from 12 "
        "researchers. More than 30,000 people signed up in the first week.",
    ),
    (
        "Chess prodigy, 12, becomes grandmaster",
        "A 12-year-old player became one of the youngest grandmasters in history after securing a final norm "
        "at a tournament in Budapest, the international chess federation said.",
    ),
    (
        "Port strike ends after wage deal",
        "Dock workers returned to work at the country's largest port after unions accepted a 9 per cent pay rise "
        "over two years, ending a strike that had left hundreds of containers stranded.",
    ),
]
