"""Salience and the data cues: events come from what a report says happened, in real phrasing.

Every case is written in the shape of a published report (tests/data/reporting/dev_types.yaml holds
the fuller items): each fails if its rule in salience.yaml or phrasing.yaml is taken out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.classify import salience
from herald.classify.rules import classify
from herald.core.records import EnrichedArticle

Make = Callable[..., EnrichedArticle]

NON_EVENTS = [
    pytest.param(
        "Late winner keeps Bournemouth in the hunt",
        "Bournemouth came from behind to beat Brentford 2-1 on Sunday. The manager said the squad had been "
        "stretched: our assistant manager tested positive for Covid on Thursday. Bournemouth are seventh.",
        id="one person testing positive is not an outbreak",
    ),
    pytest.param(
        "New rugged smartwatch built to survive the elements",
        "The new watch is built for adventurers. It can warn you of pressure drops before natural phenomena "
        "such as tornadoes, floods and storms, and its case passed earthquake-grade vibration tests. It goes "
        "on sale next month.",
        id="product teaser listing hazards",
    ),
    pytest.param(
        "Russian ransomware suspect extradited to face US charges",
        "A Russian national accused of running a ransomware operation has been extradited from South Korea. "
        "Prosecutors say the group hacked more than 1,000 organisations.",
        id="court case about an earlier cyberattack",
    ),
    pytest.param(
        "Town marks 30 years since deadly warehouse blast",
        "Residents gathered to mark the 30th anniversary of the explosion at a chemical warehouse that "
        "killed three firefighters in 1995.",
        id="anniversary",
    ),
    pytest.param(
        "Former police commander who led response to 2011 riots dies at 71",
        "The former commander who directed the response to the 2011 riots in London has died, his family "
        "said.",
        id="obituary",
    ),
    pytest.param(
        "Opinion: A ceasefire will not hold unless Europe guarantees it",
        "If the two sides ever agree a ceasefire, it will collapse within weeks. A missile strike on a city "
        "would be enough to undo any deal.",
        id="opinion and hypotheticals",
    ),
    pytest.param(
        "Explainer: How cholera spreads and why it kills",
        "Cholera is a bacterial infection passed on through contaminated water. Outbreaks tend to follow "
        "floods.",
        id="explainer",
    ),
    pytest.param(
        "Film about a city under siege wins top festival prize",
        "A documentary about a Ukrainian city under missile attack won the main prize on Saturday. The "
        "director said air raids and shelling became part of daily life.",
        id="a work about a war",
    ),
    pytest.param(
        "Minister warns of cyber threat to water companies",
        "Hackers could shut down water supplies to millions of homes, the minister warned. A ransomware "
        "attack on a treatment plant would be catastrophic, he said.",
        id="warning and modal",
    ),
    pytest.param(
        "The most intense hurricanes to hit the US mainland",
        "The Labor Day hurricane of 1935 was the most intense storm to make landfall, killing 408 people.",
        id="a ranking of past disasters",
    ),
    pytest.param(
        "Is mpox the next global emergency?",
        "Experts debate whether mpox could spread as widely as Covid did.",
        id="a question headline",
    ),
    pytest.param(
        "Why herder-farmer violence keeps flaring in Nigeria",
        "The conflict over land and water has killed thousands. Armed groups raid villages and reprisals "
        "follow.",
        id="a why explainer",
    ),
    pytest.param(
        "Airline cancels hundreds of flights after IT outage",
        "A faulty software update crashed the check-in systems on Friday. The company said there was no sign "
        "of a cyberattack.",
        id="no sign of a cyberattack",
    ),
    pytest.param(
        "Typhoons storm back to beat Dragons in overtime",
        "The Typhoons stormed back to beat the Dragons 101-98 in overtime on Sunday. The crowd flooded onto "
        "the court at the buzzer.",
        id="a team called the Typhoons",
    ),
    pytest.param(
        "Security firm launches tool to stop ransomware",
        "A cybersecurity company launched a product on Tuesday that can detect ransomware. Hospitals hit by "
        "hackers in recent years are its first customers.",
        id="a product against ransomware",
    ),
    pytest.param(
        "Regional bloc suspends Gabon",
        "The regional bloc suspended Gabon on Monday, a week after soldiers seized power.",
        id="a week after a coup",
    ),
    pytest.param(
        "How four trapped miners survived 1,000 metres underground",
        "When the roof of a tunnel caved in, the four men had only a narrow air shaft.",
        id="a how feature",
    ),
    pytest.param(
        "Measles, explained - symptoms, vaccines and why cases are rising",
        "Measles causes a cough, fever and a rash.",
        id="an explained headline",
    ),
    pytest.param(
        "The Sahel's juntas promised security and failed",
        "The soldiers who seized power in Mali and Niger said they would defeat the jihadists.",
        id="a column about juntas",
    ),
    pytest.param(
        "Exhibition shows photos of bombed villages",
        "An exhibition of photographs of villages destroyed by air strikes opened in Bangkok on Friday.",
        id="an exhibition",
    ),
    pytest.param(
        "Farmers told to keep birds indoors",
        "Officials urged farmers on Tuesday to keep flocks indoors, warning that avian flu could spread "
        "quickly.",
        id="a warning that a disease could spread",
    ),
    pytest.param(
        "Councils must stop hiding cyber-attacks from residents",
        "When a council is held to ransom, its residents have a right to know.",
        id="an exhortation headline",
    ),
    pytest.param(
        "Inside Goma: a city learning to live under rebel rule",
        "Residents say the fighting is over for now, but few expect the peace to last.",
        id="an inside feature",
    ),
    pytest.param(
        "Monsoon season brings annual threat of landslides to Nepal's hills",
        "Every year between June and September, landslides and floods kill hundreds of people.",
        id="a recurring hazard",
    ),
    pytest.param(
        "Cyber insurers raise premiums for public bodies",
        "Insurers are raising premiums for councils after a series of ransomware attacks, brokers said.",
        id="premiums after a series of attacks",
    ),
    pytest.param(
        "Uganda declares end of Ebola outbreak",
        "Uganda declared the end of its Ebola outbreak on Wednesday, the health minister said.",
        id="an outbreak declared over",
    ),
    pytest.param(
        "Navy and Marines to stage huge drill against a simulated rival",
        "About 25,000 sailors will take part in a warfighting drill from August 9, fighting a simulated "
        "enemy across 22 time zones.",
        id="a military drill",
    ),
    pytest.param(
        "Russia has launched 1,961 Shahed drones since February 2022, Zelenskyy says",
        "Russia has fired at least 1,961 Shahed drones at Ukraine since February 2022, the president said.",
        id="a cumulative total since the invasion",
    ),
    pytest.param(
        "Government unveils new flood relief package",
        "The government announced a relief package for families hit by last year's floods.",
        id="earlier floods and a relief package",
    ),
    pytest.param(
        "Dow sinks 3,000 points in worst crash since 1987 as bitcoin falls below $5,000",
        "The Dow closed down almost 3,000 points on Monday after the White House said the coronavirus "
        "outbreak could last into August.",
        id="a market rout and a forecast about an outbreak",
    ),
    pytest.param(
        "Second World War veteran of Churchill's secret unit dies of coronavirus aged 99",
        "His death comes amid fears that as many as 7,500 people have died in British care homes.",
        id="an obituary with the cause of death",
    ),
    pytest.param(
        "A decade on, Christchurch remembers the 185 killed in its earthquake",
        "Christchurch marked ten years since the earthquake that killed 185 people.",
        id="a decade on",
    ),
    pytest.param(
        "Film review: Civil War imagines rebels marching on the White House",
        "Rebel forces are about to storm Washington as protesters march on the capital.",
        id="a film review",
    ),
    pytest.param(
        "Russia fired over 300 drones and about 20 missiles in first three days of year, Zelenskyy says",
        "Russia used more than 300 attack drones and about 20 missiles against Ukrainian cities in the first "
        "three days of 2025, President Zelenskyy said on Friday.",
        id="a total over several days",
    ),
    pytest.param(
        "India-US army exercise opens in Rajasthan desert with HIMARS on show",
        "The two armies began a 15-day exercise at the Mahajan range on Monday. The drill will show off the "
        "High Mobility Artillery Rocket System, fired in the range for the first time.",
        id="a joint exercise in the headline",
    ),
    pytest.param(
        "UAE arms maker unveils new drones, plans second air defence missile firing",
        "The company unveiled new attack drones at the Dubai Airshow on Sunday and said it would fire its "
        "SkyKnight missile again before the end of the year.",
        id="weapons unveiled at an arms show",
    ),
    pytest.param(
        "Defence firm's new armed drone takes shape",
        "The 4.5-metre aircraft will be able to carry out air-to-ground strikes in high-risk areas, the "
        "company said. A prototype is being built.",
        id="what a weapon will be able to do",
    ),
    pytest.param(
        "War documentaries take awards at Ljubljana festival",
        "The Fog of Srebrenica received a special mention. The Srebrenica film sets evocative music against "
        "horrific footage of the massacre, the jury said.",
        id="a film's footage of a massacre",
    ),
    pytest.param(
        "Suu Kyi's party heads for landslide as ruling party concedes",
        "Myanmar's ruling party conceded defeat on Monday after the first free general election in 25 years.",
        id="an election landslide",
    ),
    pytest.param(
        "Every new wide release flops in a pre-Halloween box office massacre",
        "All five new releases were clobbered at the box office, a collapse Variety called a pre-Halloween "
        "massacre.",
        id="a box-office massacre",
    ),
    pytest.param(
        "Umno weighs internal coup to push out Malaysian PM, report says",
        "Umno is considering an internal coup that would replace Prime Minister Muhyiddin Yassin while "
        "keeping the government in place, a newspaper reported.",
        id="a party's internal coup",
    ),
    pytest.param(
        "Tsunamis fast facts: how they form and the deadliest since 1900",
        "A tsunami is a series of waves raised when the sea floor moves suddenly, oceanographers say. "
        "Among the deadliest, a tsunami in the Indian Ocean in 2004 killed about 230,000 people.",
        id="a fast-facts explainer",
    ),
    pytest.param(
        "Hurricane basics: what a category number means",
        "The weather service explains that each hurricane gets one category, from its sustained winds. "
        "The scale runs from one to five.",
        id="a basics explainer",
    ),
    pytest.param(
        "When a chancellor resigns: what happens next",
        "A resignation goes to the president, who asks the outgoing chancellor to stay on as caretaker "
        "until parliament picks a successor.",
        id="what happens next",
    ),
    pytest.param(
        "October mine disaster anniversaries",
        "This month's calendar of mine disasters: on an October morning a fire at the pit in Senghenydd "
        "killed 439.",
        id="a calendar of anniversaries",
    ),
    pytest.param(
        "Eight costly floods every insurer remembers",
        "Claims follow almost every big flood. The Elbe floods of 2002 cost insurers billions.",
        id="a numbered list of past events",
    ),
    pytest.param(
        "Tributes paid to choir founder who sang for the hospital",
        "The founder of the town choir raised thousands for the local hospital over the past year. He died "
        "after testing positive for Covid.",
        id="one man who died after testing positive is not an outbreak",
    ),
    pytest.param(
        "Weather service launches flood app that sounds an alarm on your phone",
        "The weather service has released a flood app for phones that sounds an alarm whenever a flood "
        "warning covers the user's area.",
        id="an app named after a hazard",
    ),
    pytest.param(
        "Phone maker teases Storm Pro handset ahead of launch",
        "A tipster spotted the Storm 5G in a retailer's listing. The Storm Pro is expected with a "
        "50-megapixel camera.",
        id="a phone model named after a hazard",
    ),
    pytest.param(
        "Kano Tornadoes down Lobi Stars 3-1 at home",
        "Kano Tornadoes won at home for the second time this season, beating Lobi Stars 3-1 in the "
        "national league.",
        id="a team named after a hazard, told by its score",
    ),
    pytest.param(
        "Pakistan's openers fall cheaply as India need 141 in Dubai",
        "Pakistan chose to bat after winning the toss and made 140 for 9. It is the sides' first meeting "
        "since the border escalation in May, when both fired missiles at each other.",
        id="a missile exchange told in a since-clause of a sports report",
    ),
    pytest.param(
        "Health ministry official quits over procurement scandal",
        "The director-general for procurement at the health ministry stepped down on Monday, saying he was "
        "responsible for the overpriced contracts.",
        id="an official, not a minister, resigns",
    ),
    pytest.param(
        "EU foreign ministers meet in Brussels on Ukraine and Gaza",
        "Foreign ministers of the 27 member states gathered in Brussels on Thursday for an informal meeting "
        "on Ukraine, Gaza and Venezuela's disputed election.",
        id="ministers gathered for a meeting",
    ),
    pytest.param(
        "Northern Luzon braces for Typhoon Mawar",
        "Typhoon Mawar is forecast to reach land in Cagayan late on Saturday, the weather bureau said on "
        "Friday. Storm alerts are up in ten provinces.",
        id="a typhoon forecast to reach land",
    ),
    pytest.param(
        "Severe thunderstorm warnings will now set off phone alerts",
        "From next week the most severe thunderstorm warnings will trigger emergency alerts on phones, as "
        "flash flood and tornado warnings already do. Only about 10 percent of severe storms reach that "
        "level.",
        id="warnings and a share of all storms",
    ),
]


@pytest.mark.parametrize(("title", "body"), NON_EVENTS)
def test_mentions_that_are_not_reports_raise_no_event(make_article: Make, title: str, body: str) -> None:
    assert classify(make_article(title, body)) == []


EVENTS = [
    pytest.param(
        "Barsalogho collective says at least 400 dead; three days of mourning",
        "A collective of Barsalogho residents said on Monday that at least 400 people were killed in "
        "Saturday's attack, as the government declared three days of national mourning.",
        {"attack_on_civilians"},
        id="people killed in an attack, its attackers unnamed",
    ),
    pytest.param(
        "Fire engulfs Tai Po housing estate, killing four including a firefighter",
        "A fire that broke out on bamboo scaffolding swept through several towers of Wang Fuk Court in Tai "
        "Po on Wednesday afternoon, killing at least four people.",
        {"industrial_accident"},
        id="a fire that broke out swept through towers",
    ),
    pytest.param(
        "Tai Po tower fire kills 36; 279 residents unaccounted for",
        "The death toll from the blaze at Wang Fuk Court rose to 36 on Wednesday night, officials said.",
        {"industrial_accident"},
        id="a tower fire kills",
    ),
    pytest.param(
        "Fire in Sham Shui Po tenement kills two",
        "A fire in a subdivided flat in an old tenement in Sham Shui Po killed two people on Saturday.",
        {"industrial_accident"},
        id="a fire in a tenement",
    ),
    pytest.param(
        "Explosions at chemical factory in western India kill 12",
        "A chain of explosions tore through a chemical factory on the edge of Dhule on Saturday, killing 12.",
        {"industrial_accident"},
        id="explosions tore through a chemical factory",
    ),
    pytest.param(
        "Two dead after pesticide unit blast",
        "A unit making pesticides at a chemical company's plant exploded on Saturday, killing two men.",
        {"industrial_accident"},
        id="a pesticide unit exploded",
    ),
    pytest.param(
        "Explosive device wrecks track on Warsaw-Lublin line",
        "An explosive device badly damaged a key railway line, officials said, calling it sabotage.",
        {"infrastructure_attack"},
        id="railway explosion called sabotage",
    ),
    pytest.param(
        "Gunmen attack Nigerian village, killing 19",
        "Gunmen with rifles and machetes went from house to house in Lingyado village, shooting and hacking "
        "19 people to death.",
        {"attack_on_civilians"},
        id="gunmen killing villagers",
    ),
    pytest.param(
        "Delegations agree on new round of negotiations",
        "The Russian and Ukrainian delegations ended their meeting in Istanbul on Friday agreeing to hold "
        "another round of negotiations.",
        {"peace_talks"},
        id="round of negotiations",
    ),
    pytest.param(
        "Bolivian army chief arrested after troops storm palace in attempted coup",
        "The army commander was arrested hours after he sent soldiers into the square outside the palace in "
        "what the president called an attempted coup d'etat.",
        {"coup", "arrest"},
        id="plotter arrested after a coup attempt",
    ),
    pytest.param(
        "Soldiers seize Guinea-Bissau prime minister",
        "Renegade soldiers seized the prime minister at his residence in what the UN called an attempted "
        "coup.",
        {"coup"},
        id="seizing a prime minister is no territory change",
    ),
    pytest.param(
        "Four men held in counter-terror raids in Leeds and Derby",
        "Officers detained four men in raids in Leeds and Derby. They were detained on suspicion of an act "
        "of terrorism.",
        {"arrest"},
        id="detained on suspicion of terrorism is an arrest only",
    ),
    pytest.param(
        "Six killed in Kenya as police clash with banned opposition protest",
        "Six people were killed on Wednesday in clashes between police and demonstrators.",
        {"riot"},
        id="police and demonstrators clashing",
    ),
    pytest.param(
        "Bandits kill 30 in raid on Zamfara villages",
        "Armed bandits on motorcycles raided three villages overnight, killing at least 30 people.",
        {"attack_on_civilians"},
        id="bandits raiding villages",
    ),
    pytest.param(
        "Egypt's Mursi sacks army chief Tantawi",
        "President Mursi on Sunday retired the head of the armed forces and named al-Sisi defence minister.",
        {"leadership_change"},
        id="army chief sacked and a minister named",
    ),
    pytest.param(
        "Afghan forces take back Deh Yak district",
        "Afghan forces surrounded Taliban fighters and took back the Deh Yak district on Monday.",
        {"territory_change"},
        id="district taken back",
    ),
    pytest.param(
        "Nine dead after Israeli air strikes on Gaza",
        "Israeli air strikes killed nine people on Tuesday. The strikes come less than a week after a truce "
        "ended a flare-up that followed a prisoner's death on hunger strike.",
        {"air_drone_strike"},
        id="background sentence with a hunger strike",
    ),
    pytest.param(
        "At least 18 killed in Israeli strikes on Gaza hospitals",
        "Israeli air strikes in Gaza killed at least 18 people on Tuesday. Nine missiles hit the courtyard "
        "of the European Hospital, the health ministry said.",
        {"air_drone_strike"},
        id="missiles fired by the aircraft of an air strike",
    ),
    pytest.param(
        "Typhoon batters the Philippines",
        "Typhoon Rammasun killed at least 10 people on Wednesday. Three people died when a wall collapsed "
        "on them south of the capital.",
        {"natural_disaster"},
        id="a wall brought down by the typhoon",
    ),
    pytest.param(
        "One killed as Israel renews strikes on Gaza",
        "Israel's military said its aircraft struck Islamic Jihad rocket launchers in Gaza on Wednesday.",
        {"air_drone_strike"},
        id="rocket launchers are a target",
    ),
    pytest.param(
        "Cave-in kills three rescuers at Utah coal mine",
        "A cave-in at the Crandall Canyon coal mine killed three rescue workers on Thursday night.",
        {"industrial_accident"},
        id="a mine cave-in",
    ),
    pytest.param(
        "Iraqi PM sacks security chiefs after Baghdad bombing",
        "The prime minister dismissed several senior security commanders, including the deputy interior "
        "minister, after an urgent meeting on Thursday's suicide attack on a Baghdad market.",
        {"leadership_change"},
        id="a bombing as the cause of a sacking",
    ),
    pytest.param(
        "Myanmar military air strike on village kills ten civilians",
        "A military jet dropped three bombs on the village on Tuesday, killing ten civilians. There was no "
        "fighting, he said. Fighting has ravaged much of the country since the 2021 coup.",
        {"air_drone_strike"},
        id="no fighting and a war's background",
    ),
    pytest.param(
        "Residents and police repel gang attack on Port-au-Prince suburb",
        "Gangs attacked the Petionville area on Tuesday, and residents fought alongside police to drive them "
        "back; 28 gang members were killed.",
        {"armed_clash"},
        id="an attack repelled",
    ),
    pytest.param(
        "Haiti gangs rampage through two upscale neighbourhoods",
        "Gunmen looted homes in Laboule before sunrise on Monday and the bodies of 12 men lay in the "
        "streets.",
        {"attack_on_civilians"},
        id="gangs looting homes",
    ),
    pytest.param(
        "Suicide car bombers hit three Mali army bases",
        "Suicide bombers drove cars packed with explosives into three army bases, killing six soldiers.",
        {"armed_clash"},
        id="suicide bombers at army bases",
    ),
    pytest.param(
        "M23 rebels take two more towns after fierce fighting",
        "M23 rebels seized the towns of Rutshuru and Kiwanja on Saturday after heavy fighting with the army.",
        {"territory_change"},
        id="fighting that preceded a capture",
    ),
    pytest.param(
        "Rebels capture town despite ceasefire",
        "M23 rebels took control of Nyabibwe on Wednesday, in an apparent breach of the ceasefire they "
        "declared this week. There were no reports of fighting.",
        {"territory_change"},
        id="a ceasefire breached and no fighting",
    ),
    pytest.param(
        "Japan PM Ishiba announces resignation",
        "Prime Minister Shigeru Ishiba announced on Sunday that he would step down as party leader.",
        {"leadership_change"},
        id="an announced resignation",
    ),
    pytest.param(
        "Japanese Prime Minister Kan announces resignation",
        "Kan said on Friday he was stepping down. He faced heavy criticism over his handling of the March "
        "earthquake, tsunami and nuclear crisis.",
        {"leadership_change"},
        id="the earthquake a leader was criticised over",
    ),
    pytest.param(
        "Government forces recapture Sartagab village from Taliban",
        "Security forces retook Sartagab village on Thursday, a week after it fell. When the Taliban overran "
        "the village on June 17 they burned houses, and more than 500 families fled to Nili.",
        {"territory_change"},
        id="an earlier flight dated by its day",
    ),
    pytest.param(
        "Police fire tear gas as mob loots and burns shops",
        "Police fired tear gas on Friday night at a crowd that looted and burned shops. Hundreds of people "
        "took part. A number of people were arrested.",
        {"riot"},
        id="arrests two sentences after the riot",
    ),
    pytest.param(
        "Hezbollah confirms top commander killed in Beirut strike",
        "Hezbollah confirmed that its commander was killed in Tuesday's Israeli air strike on Beirut. Israel "
        "blamed him for the rocket attack that killed 12 young people at the weekend. Hundreds of thousands "
        "of people have fled the border region in recent weeks.",
        {"air_drone_strike"},
        id="blamed for an earlier attack, fled in recent weeks",
    ),
    pytest.param(
        "Special forces commander says Guinea's president arrested",
        "The president was arrested on Sunday by the army's special forces, their commander said, "
        "announcing that the constitution and the government had been dissolved.",
        {"coup"},
        id="president arrested by special forces",
    ),
    pytest.param(
        "Guinea junta replaces governors with military commanders",
        "The junta said on Monday that regional governors had been replaced by military commanders. Special "
        "forces soldiers detained Conde on Sunday after hours of gunfire in the capital.",
        {"coup", "leadership_change"},
        id="a day-after coup report",
    ),
    pytest.param(
        "Tear gas fired, arrests made as Hong Kong protest turns violent",
        "Police fired tear gas on Sunday at thousands of protesters who barricaded roads and smashed traffic "
        "lights.",
        {"riot"},
        id="a protest turned violent",
    ),
    pytest.param(
        "US-Taliban talks resume in Doha",
        "The United States and the Taliban resumed negotiations in Doha on Saturday, a US source said.",
        {"peace_talks"},
        id="negotiations resumed",
    ),
    pytest.param(
        "Death toll in Telangana pharma unit blast rises to 41",
        "The death toll from the explosion and fire at Sigachi Industries' plant near Hyderabad rose to "
        "41 on Sunday.",
        {"industrial_accident"},
        id="explosion and fire at a pharma plant",
    ),
    pytest.param(
        "Thousands ordered to flee as Dixie Fire spreads",
        "Thousands were ordered to leave their homes as the Dixie Fire burned more than 212,000 acres.",
        {"natural_disaster", "evacuation"},
        id="named wildfire",
    ),
    pytest.param(
        "Protesters set Paraguay's Congress on fire; about 200 detained",
        "Protesters set fire to Paraguay's Congress building in Asuncion on Friday night.",
        {"riot"},
        id="protesters set a parliament on fire",
    ),
    pytest.param(
        "Gunmen kill 40 including six police officers in Kebbi and Zamfara attacks",
        "Gunmen killed 40 people, six of them police officers, in attacks on Danumaru village in Kebbi "
        "state on Sunday, residents said.",
        {"attack_on_civilians"},
        id="police only among the dead of a raid",
    ),
    pytest.param(
        "20 killed in fresh attacks on two villages in southern Kaduna",
        "Gunmen killed 20 people in night attacks on Chibuak and Kigudu II in Kaduna state, a parish "
        "priest said on Saturday.",
        {"attack_on_civilians"},
        id="a headline's attacks are the raid the body reports",
    ),
    pytest.param(
        "Myanmar quake toll rises to 1,644 as aid teams arrive",
        "At least 1,644 people were killed in the earthquake that struck central Myanmar on Friday, the "
        "junta said late on Saturday, with more than 3,400 injured and 139 missing.",
        {"natural_disaster"},
        id="a junta that only reports the toll",
    ),
    pytest.param(
        "Rival army factions exchange fire in Ivory Coast's second city",
        "Machine-gun and heavy weapons fire broke out late on Tuesday between rival army factions at "
        "military bases in Bouake, residents said.",
        {"armed_clash"},
        id="weapons fire between factions is a clash, not a blaze",
    ),
    pytest.param(
        "DR Congo army and M23 rebels clash again, shaking five-day truce",
        "Fighting with heavy weapons broke out between government troops and M23 rebels on Thursday, "
        "putting a five-day-old ceasefire in doubt.",
        {"armed_clash"},
        id="a truce the fighting breaks is no talks",
    ),
    pytest.param(
        "Pakistan bomb ruptures gas pipe, cities left without supply",
        "A bomb exploded before dawn on Thursday at the Pir Koh gas field, rupturing a pipe and cutting gas "
        "to several cities, a local official said. Nobody was hurt.",
        {"infrastructure_attack"},
        id="a bomb that ruptures a pipe",
    ),
    pytest.param(
        "Pakistan's new cabinet sworn in at presidency",
        "The 34 ministers of Prime Minister Shahbaz Sharif's cabinet took the oath of office on Tuesday.",
        {"leadership_change"},
        id="a cabinet takes the oath",
    ),
    pytest.param(
        "Militant killed, four hurt in Kashmir gunfight",
        "A suspected militant was shot dead in a gunfight with security forces on Friday, police said, and "
        "two security personnel and two civilians were wounded.",
        {"armed_clash"},
        id="civilians hurt in a gunfight with security forces",
    ),
    pytest.param(
        "Dozens of people detained in New York during protests",
        "Dozens of people were detained on Thursday night during a mass protest against police violence in "
        "Union Square.",
        {"protest"},
        id="arrests made during the protest are the protest's",
    ),
    pytest.param(
        "Boko Haram attack kills 15 in northeast Nigeria village",
        "Gunmen on motorcycles fired on residents as they fled, killing at least 15 people in a village in "
        "Yobe state on Saturday, residents said.",
        {"attack_on_civilians"},
        id="people shot as they fled are the attack's victims, not evacuees",
    ),
    pytest.param(
        "Israel strikes Houthi-held Yemeni port after evacuation warnings",
        "Israeli aircraft struck the port of Hodeida on Tuesday after warning workers to leave.",
        {"air_drone_strike"},
        id="a warning to leave before a strike",
    ),
    pytest.param(
        "Six Pakistani soldiers killed in ambush near Peshawar",
        "Militants ambushed an army convoy late on Wednesday, killing six soldiers, officials said. "
        '"Militants used rockets and small arms and an exchange of fire went on for about 15 minutes," an '
        "official said, adding that at least four militants were also killed.",
        {"armed_clash"},
        id="rockets beside small arms in an ambush are no rocket strike",
    ),
    pytest.param(
        "Lebanese troops clash with Syrian gunmen at border crossing",
        "When the troops fired warning shots the gunmen shot back, wounding a soldier.",
        {"armed_clash"},
        id="gunmen shooting back at troops are a side in a battle",
    ),
    pytest.param(
        "Gunmen abduct travellers on Kaduna-Abuja highway",
        "Gunmen kidnapped passengers on the expressway on Monday night. The attackers opened fire and shot "
        "one traveller before marching the others away, police said.",
        {"attack_on_civilians"},
        id="captives marched away are no march",
    ),
    pytest.param(
        "Toxic gas leak at Hangzhou chemical plant",
        "A toxic gas leak at a chemical plant made five firemen ill and forced more than 2,000 residents to "
        "leave late on Friday.",
        {"industrial_accident", "evacuation"},
        id="residents forced to leave beside a gas leak",
    ),
    pytest.param(
        "Tampered switch sent Amtrak train off the rails",
        "A rail switch that someone apparently tampered with sent the train onto a siding, where it "
        "derailed and injured 74 people, investigators said on Thursday.",
        {"infrastructure_attack"},
        id="a derailment from a tampered switch",
    ),
    pytest.param(
        "Turkish police detain 20 Islamic State suspects",
        "Turkish police detained 20 people suspected of belonging to the Islamic State group on Wednesday. "
        "Turkey has stepped up operations since gunmen attacked an Istanbul church in January, killing one "
        "worshipper.",
        {"arrest"},
        id="a killing told in a since-clause",
    ),
    pytest.param(
        "Residents and police repel gang assault on Delmas",
        "Gangs attacked the suburb of Delmas before dawn on Sunday and were fought off by police alongside "
        "armed residents. At least 12 gang members were killed, police said.",
        {"armed_clash"},
        id="attackers fought off by police and residents are a side in a battle",
    ),
    pytest.param(
        "Soldiers in Mali say on state TV they have removed President Keita",
        "A group of soldiers went on national television on Tuesday to announce that President Ibrahim "
        "Keita had been removed, hours after members of the presidential guard detained him at his home.",
        {"coup"},
        id="soldiers announce on television that the president was removed",
    ),
    pytest.param(
        "Detained Guinean leader urges calm as mediators fly in",
        "Alpha Conde, held since Sunday by special forces who say they now run Guinea, urged calm in a "
        "message. The soldiers have suspended all institutions and shut the borders.",
        {"coup"},
        id="troops who say they now run the country",
    ),
    pytest.param(
        "Troops and armoured cars storm Quito palace",
        "Soldiers under a recently sidelined army commander stormed the presidential palace in Quito on "
        "Wednesday before the president ordered them back to barracks.",
        {"coup"},
        id="troops storm the presidential palace",
    ),
    pytest.param(
        "Guinea's putschists name special forces chief transitional leader",
        "The officers who removed Alpha Conde named Colonel Mamadi Doumbouya, head of the special forces, as "
        "transitional president on Friday. One of Conde's ministers was detained on graft charges, the coup "
        "leaders said.",
        {"coup", "leadership_change"},
        id="a transitional president named; a detention the coup leaders announce",
    ),
    pytest.param(
        "Police tear-gas marchers in Nairobi and arrest dozens",
        "Riot police fired tear gas at marchers denouncing police killings in the capital on Tuesday and "
        "arrested dozens.",
        {"protest"},
        id="marchers tear-gassed and arrested",
    ),
    pytest.param(
        "Twelve dead in riot at Latacunga prison",
        "Inmates fired guns, killed a guard and took several officers hostage before police retook the jail.",
        {"riot"},
        id="guards taken hostage in a prison riot",
    ),
    pytest.param(
        "Death toll in Quito prison riot rises to 20",
        "Twenty inmates have been killed in fighting between rival gangs at the prison. About 1,000 soldiers "
        "stormed the prison on Tuesday and regained control.",
        {"riot"},
        id="soldiers storming a rioting prison",
    ),
    pytest.param(
        "Prime minister names cabinet after Labour landslide ends ten years of Tory rule",
        "The new prime minister took office after the king accepted his predecessor's resignation.",
        {"leadership_change"},
        id="an election landslide is no landslide",
    ),
    pytest.param(
        "More arrests expected after anti-lockdown rally in Dublin",
        "At least 20 people were detained for attacking officers at Saturday's anti-lockdown rally in "
        "Dublin; police expect more arrests.",
        {"protest"},
        id="arrests expected are not arrests",
    ),
    pytest.param(
        "Sierra Leone president thanks loyal troops after coup attempt",
        "Soldiers seized the state broadcaster on Sunday and declared the government dissolved before loyal "
        "troops foiled the attempt. The president mentioned people still held by fleeing mutineers.",
        {"coup"},
        id="fleeing mutineers displace nobody",
    ),
    pytest.param(
        "Israeli army intercepts missile launched from Yemen",
        "The army said it had intercepted a missile fired from Yemen early on Tuesday. The group has fired "
        "60 ballistic missiles and 20 drones at Israel since March 18.",
        {"missile_artillery_strike"},
        id="a running tally since a date is no attack",
    ),
    pytest.param(
        "Russia fires 90 drones at Ukraine overnight",
        "Russia launched 90 drones at Ukraine overnight and 70 were shot down, the air force said. "
        "Ballistic missile alerts sounded in Kyiv.",
        {"air_drone_strike"},
        id="a missile alert is no missile strike",
    ),
    pytest.param(
        "Freight train derailment forces evacuation of Ohio town",
        "About 20 cars of a freight train left the tracks on Friday, and a tank car leaked gas; residents "
        "within a mile were told to leave.",
        {"industrial_accident", "evacuation"},
        id="a derailment that forces an evacuation is no attack by forces",
    ),
    pytest.param(
        "Blast at Oman's Sohar port kills five and injures 100",
        "At least five people were killed and about 100 injured by an explosion in the storage yard of the "
        "port on Sunday, state media said.",
        {"industrial_accident"},
        id="a blast at a port",
    ),
    pytest.param(
        "Rescuers enter Upper Branch mine",
        "Rescue teams entered the coal mine on Tuesday, hours after an explosion trapped nine miners deep "
        "underground.",
        {"industrial_accident"},
        id="an explosion that trapped miners",
    ),
    pytest.param(
        "Eight bus passengers shot dead in Kalat district",
        "Suspected insurgents stopped a Quetta-bound bus on the highway late on Monday, checked identity "
        "cards and shot eight men, police said.",
        {"attack_on_civilians"},
        id="passengers pulled off a bus and shot",
    ),
    pytest.param(
        "Ten dead at Kashmir hill resort, police say",
        "Gunmen fired on visitors at the meadow on Tuesday afternoon, killing at least ten tourists, police "
        "said.",
        {"attack_on_civilians"},
        id="visitors fired on are tourists, not an away side",
    ),
    pytest.param(
        "Colonel held after troops storm palace in Lima",
        "Soldiers led by a dismissed colonel stormed the presidential palace on Wednesday. Hours later the "
        "colonel was handcuffed and driven away by police.",
        {"coup", "arrest"},
        id="the coup leader handcuffed and driven away",
    ),
    pytest.param(
        "Russia says it has taken Novoselivka in Donetsk",
        "Russian troops have captured the village of Novoselivka in Ukraine's Donetsk region, the defence "
        "ministry said on Saturday. The village is about 12 km south of Pokrovsk, a town Russian forces have "
        "stormed for months, according to a Ukrainian mapping group.",
        {"territory_change"},
        id="where the captured village lies is no battle",
    ),
    pytest.param(
        "Iran fires 150 missiles at Israel",
        "Iran fired about 150 missiles at Israel on Tuesday evening, the Israeli military said. Most were "
        "intercepted. Debris fell on several towns. Sirens sounded for an hour. Soon after the barrage "
        "Israel's air force resumed strikes on Hezbollah positions in southern Beirut.",
        {"missile_artillery_strike", "air_drone_strike"},
        id="soon after the barrage, a report of its own",
    ),
    pytest.param(
        "Prime minister resigns after days of nationwide protests",
        "The prime minister resigned on Tuesday, saying he had reached a dead end. The country has been "
        "paralysed for two weeks by protests against the political class.",
        {"leadership_change"},
        id="protests told as the state the resignation answers",
    ),
    pytest.param(
        "Newly elected premier steps down after street protests",
        "The new prime minister said on Monday he was stepping down after days of street protests against "
        "him. He praised the opposition lawmaker who led the rallies.",
        {"leadership_change"},
        id="protests a resignation follows, and the man who led them",
    ),
    pytest.param(
        "Toll from Israeli strike on Sidon house rises to eight",
        "Eight people were killed in an Israeli strike on a house in the southern Lebanese city of Sidon, "
        "the news agency said on Saturday. Israeli troops and Hezbollah have traded fire across the border "
        "almost daily since October.",
        {"air_drone_strike"},
        id="fire traded almost daily since a month is no battle reported",
    ),
    pytest.param(
        "Houthi drone kills two soldiers in Taiz",
        "Two government soldiers were killed when a Houthi drone struck military positions in Taiz province "
        "overnight, an official said.",
        {"air_drone_strike"},
        id="a drone striking a military post is the drone strike",
    ),
    pytest.param(
        "Pakistan says 12 killed as Taliban storm checkpoint",
        "Taliban gunmen stormed a paramilitary post in the district before dawn on Tuesday, killing one "
        "soldier and setting off clashes in which ten militants died, officials said.",
        {"armed_clash"},
        id="gunmen storming a police post are a battle",
    ),
    pytest.param(
        "Soldier and four militants killed in clashes in Kurram",
        "Militants attacked a security post in Kurram on Friday, killing one soldier in an exchange of fire. "
        "Troops beat off the attack and killed four militants, residents said.",
        {"armed_clash"},
        id="troops beating off an attack",
    ),
    pytest.param(
        "Israeli strikes across Gaza kill 300 as truce collapses",
        "Israeli warplanes struck towns across the Gaza Strip on Tuesday after weeks of talks on extending "
        "the ceasefire went nowhere.",
        {"air_drone_strike"},
        id="a truce that collapsed is no talks",
    ),
    pytest.param(
        "Mali's coup leader sworn in as interim president",
        "Colonel Assimi Goita was sworn in as interim president on Monday by the head of the Supreme Court.",
        {"leadership_change"},
        id="a coup leader sworn in is a leader named, not a coup",
    ),
    pytest.param(
        "Drone strike on substation leaves occupied Kherson villages without power",
        "Ukrainian drones hit a substation in the Russian-held part of the Kherson region overnight, cutting "
        "electricity to several districts, the Moscow-installed governor said.",
        {"air_drone_strike"},
        id="occupied as an adjective is no capture",
    ),
    pytest.param(
        "Cholera kills 12 in Beira after floods",
        "A cholera outbreak that followed severe flooding has killed at least 12 people in Sofala province, "
        "health officials said on Wednesday.",
        {"disease_outbreak"},
        id="the flood an outbreak followed",
    ),
    pytest.param(
        "Police in Jeddah arrest 90 foreign workers",
        "Police arrested 90 foreign workers on a range of charges in a joint operation, an official said. In "
        "March the ministry said 500 smugglers had been caught; four policemen were wounded in gun battles "
        "during those raids.",
        {"arrest"},
        id="a sentence opening in an earlier month is background",
    ),
    pytest.param(
        "Four dead as fire engulfs garment factory near Chittagong",
        "A fire at the five-storey Lucky Star Garment and Textile factory outside Chittagong killed four "
        "people on Thursday, police said.",
        {"industrial_accident"},
        id="a fire that engulfs a factory",
    ),
    pytest.param(
        "Guards held hostage in six-hour Arizona prison riot",
        "Hundreds of inmates, some armed with broom handles and metal pipes, rioted for about six hours at "
        "the county correctional facility and took three guards hostage, authorities said.",
        {"riot"},
        id="guards taken hostage by rioting inmates",
    ),
    pytest.param(
        "Gunmen kill 12 in Kadisau village",
        "Unknown gunmen killed at least 12 people in an attack on Kadisau village, police said. No one has "
        "been arrested and an investigation has begun.",
        {"attack_on_civilians"},
        id="no one arrested is no arrest",
    ),
    pytest.param(
        "Militants attack Shell pipeline in Bayelsa",
        "Suspected militants attacked a Shell oil pipeline in Bayelsa state early on Friday, shutting in "
        "about 8,000 barrels a day, a company source said.",
        {"infrastructure_attack"},
        id="militants attacking a pipeline are no battle",
    ),
    pytest.param(
        "Gang members fire on anti-gang march in Cap-Haitien, killing five",
        "Gang members opened fire on a march against gang violence in the city on Sunday, killing five "
        "people, witnesses said.",
        {"attack_on_civilians"},
        id="a march fired on by a gang is its victim",
    ),
    pytest.param(
        "Gang attack on Haitian town of Mirebalais kills at least 40, UN says",
        "The UN human rights office said on Tuesday that the toll was still rising.",
        {"attack_on_civilians"},
        id="gangs attacking a town kill its people",
    ),
    pytest.param(
        "Stocks edge up as Ishiba becomes Japan's new prime minister",
        "Japan's Nikkei share average closed higher on Tuesday after Shigeru Ishiba won the parliamentary "
        "vote to become the country's prime minister.",
        {"leadership_change"},
        id="a leader who becomes prime minister, told in a market report",
    ),
    pytest.param(
        "Eleven killed as bus falls into gorge in Chamba",
        "At least 11 people were killed and 20 injured on Monday when a private bus rolled 300 feet into a "
        "gorge near Tissa, police said.",
        {"industrial_accident"},
        id="a bus that rolled into a gorge",
    ),
    pytest.param(
        "Gazipur jute mill fire kills 9",
        "Rescuers pulled nine bodies from the burnt-out jute mill on Friday, officials said.",
        {"industrial_accident"},
        id="a mill fire",
    ),
    pytest.param(
        "Former sports minister arrested in Olympic stadium graft probe",
        "Police on Tuesday arrested the former sports minister in an inquiry into bribes tied to the "
        "building of the Olympic stadium, newspapers reported.",
        {"arrest"},
        id="police arrested a former minister, in an article about a stadium",
    ),
    pytest.param(
        "Gunmen kill six in Guanajuato home",
        "Gunmen forced their way into a house in the state on Sunday night and opened fire, officials said.",
        {"attack_on_civilians"},
        id="gunmen kill people in a home",
    ),
    pytest.param(
        "Gunmen pull six passengers off bus in Loralai and kill them",
        "Gunmen stopped a Quetta-bound bus on the national highway near Loralai on Tuesday night, checked "
        "passengers' identity cards, led six men to a nearby hill and shot them, an official said.",
        {"attack_on_civilians"},
        id="passengers led away from a stopped bus and shot",
    ),
    pytest.param(
        "Over 60 civilians killed in RSF attacks on camps near Nyala",
        "More than 60 civilians died over two days as the Rapid Support Forces attacked two displacement "
        "camps near Nyala, a health official said on Sunday.",
        {"attack_on_civilians"},
        id="civilians who died as a force attacked their camps",
    ),
    pytest.param(
        "Rockets fired from Lebanon at northern Israel",
        "Rockets were fired from Lebanon at villages in northern Israel on Friday evening, reaching areas "
        "that were never evacuated.",
        {"missile_artillery_strike"},
        id="areas never evacuated",
    ),
    pytest.param(
        "Second cave-in kills three rescuers at Utah mine",
        "A second cave-in killed three rescuers digging toward trapped miners on Thursday. All rescue "
        "workers have been evacuated from the mine, a spokesman said.",
        {"industrial_accident"},
        id="rescuers pulled out of a mine are no evacuation",
    ),
    pytest.param(
        "Crew evacuated after missile strike on tanker off Hodeidah",
        "A missile fired by the Houthis hit the tanker on Tuesday, and the crew were evacuated safely, the "
        "maritime agency said.",
        {"missile_artillery_strike"},
        id="a ship's crew taken off is no evacuation",
    ),
    pytest.param(
        "Toll from Chinese coal mine blast rises to 20",
        "The toll from a gas explosion at a coal mine in Shanxi rose to 20 on Wednesday after rescuers "
        "recovered more bodies, police said.",
        {"industrial_accident"},
        id="a coal mine blast is no landmine",
    ),
    pytest.param(
        "Gangs attack Delmas in Haiti's capital, police kill 15 suspects",
        "Gangs launched a fresh attack on the capital early on Tuesday, targeting the community of Delmas, "
        "where residents fought alongside police.",
        {"armed_clash"},
        id="residents fighting alongside police",
    ),
    pytest.param(
        "Ukrainian missiles hit ship repair yard in Sevastopol, Russia says",
        "Russia's defence ministry said Ukraine used eight cruise missiles and three sea drones in the "
        "attack on the yard overnight.",
        {"missile_artillery_strike"},
        id="sea drones are boats, not aircraft",
    ),
    pytest.param(
        "Soldiers and civilians killed as militants attack Afghan checkpoint",
        "At least 15 people were killed when militants attacked a checkpoint in the district, officials "
        "said.",
        {"armed_clash"},
        id="an attack on a checkpoint killing soldiers and civilians is a battle",
    ),
    pytest.param(
        "Five killed in suspected Shabab raid in Kenya's Mandera",
        "Suspected Al-Shabab militants killed five people and set homes on fire on Monday at Elwak, the "
        "county commissioner said.",
        {"attack_on_civilians"},
        id="militants who set homes on fire",
    ),
]


def test_a_sentence_opening_its_own_report_lends_no_counts_past_a_sentence(make_article: Make) -> None:
    body = (
        "Armed men killed five passengers of a bus bound for Quetta late on Tuesday, officials said. "
        "About 30 gunmen stopped buses, checked identity cards and shot five people from Punjab. No group "
        "claimed the attack. On Friday a bomb hit a vehicle carrying coal miners in the province, killing "
        "11 people and wounding six."
    )
    (event,) = classify(make_article("Gunmen pull five passengers off bus and kill them", body))
    assert event.magnitude == {"killed": 5}


@pytest.mark.parametrize(("title", "body", "types"), EVENTS)
def test_real_phrasing_raises_the_reported_events(
    make_article: Make, title: str, body: str, types: set[str]
) -> None:
    assert {e.type for e in classify(make_article(title, body))} == types


def test_past_the_lead_a_new_type_needs_a_sentence_that_reports_it(make_article: Make) -> None:
    lead = (
        "Detectives arrested three men on Friday on suspicion of preparing acts of terrorism. They are held "
        "in London. Searches continue. "
    )
    passing = "Police recalled the bombing of a concert in Manchester."
    news = "Separately, a bomb exploded at a concert hall in Leeds on Saturday, killing two people."
    # The rules' reading (the learned veto, on by default, drops the short bombing report's type).
    assert {e.type for e in classify(make_article("Three men arrested", lead + passing), veto=False)} == {
        "arrest"
    }
    assert {e.type for e in classify(make_article("Three men arrested", lead + news), veto=False)} == {
        "arrest",
        "attack_on_civilians",
    }


def test_a_month_opening_a_sentence_past_the_lead_is_no_new_report(make_article: Make) -> None:
    lead = "Police arrested three men on Friday. They are held in London. Searches continue. "
    earlier = "In April a bus crashed on the same road, killing two people."
    elsewhere = "In Leeds a bus crashed on the ring road, killing two people."
    # The rules' reading (the learned veto, on by default, drops the short crash report's type).
    assert {e.type for e in classify(make_article("Three men arrested", lead + earlier), veto=False)} == {
        "arrest"
    }
    assert {e.type for e in classify(make_article("Three men arrested", lead + elsewhere), veto=False)} == {
        "arrest",
        "industrial_accident",
    }


def test_a_round_up_headline_lets_every_sentence_report(make_article: Make) -> None:
    body = (
        "Russian drones struck Odesa overnight. Troops fought near Sudzha. Searches continued. "
        "Authorities evacuated 2,000 people from villages near the border."
    )
    assert "evacuation" in {
        e.type for e in classify(make_article("Ukraine war latest: drones, clashes", body))
    }
    assert "evacuation" not in {e.type for e in classify(make_article("Russian drones strike Odesa", body))}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("storms such as tornadoes, floods and hail", "floods", "example"),
        ("detained on suspicion of an act of terrorism", "terrorism", "suspicion"),
        ("the response to the 2011 riots in London", "riots", "dated"),
        ("a ransomware attack on a plant would be catastrophic", "ransomware", "modal"),
        ("a new flood relief package", "flood", "modifier"),
        ("where a quake in 2010 killed 3,000 people", "quake", "dated"),
        ("a quarry blast registered as a magnitude 2.8 'earthquake'", "earthquake", "quoted"),
        ("a quarry blast, not an earthquake, shook the town", "earthquake", "denied"),
        ("a rocket system capable of precise strikes over long distances", "strikes", "capability"),
        ("He had been planning protests on Sept. 9 against the pension plan", "protests", "planned"),
        ("he was being held over a brief appearance at a rally in January", "rally", "held_for"),
        ("They told UNHCR they escaped clashes between government forces and rebels", "clashes", "fled_from"),
        ("The prime minister has promised to resign once a council exists", "resign", "promised"),
        ("officers enforcing coronavirus rules have killed 22 people", "coronavirus", "modifier"),
        ("cars set alight after a vigil for two boys killed in a knife attack on Sunday", "attack", "vigil"),
        ("Floods hit over 400,000 people in Europe in 2024, a monitor says", "Floods", "dated"),
    ],
)
def test_asides_name_why_a_cue_word_does_not_count(text: str, word: str, kind: str) -> None:
    at = text.index(word)
    assert salience.aside(text, at, at + len(word)) == kind


def test_a_sentence_opening_on_a_day_before_the_leads_is_an_earlier_incident(make_article: Make) -> None:
    article = make_article(
        "Drone strike on a van kills two in southern Lebanon",
        "An Israeli drone struck a van near the southern Lebanese town of Bint Jbeil on Friday, killing two "
        "people, the health ministry said. On Thursday a drone hit a scooter near Nabatieh, injuring six.",
    )
    [event] = classify(article)
    assert event.magnitude == {"killed": 2, "drones": 1}


@pytest.mark.parametrize(
    ("lead", "sentence", "earlier"),
    [
        ("A drone struck a car on Wednesday, killing one.", "On Tuesday a drone hit a motorcycle.", True),
        # a later day may be this event's update
        ("A drone struck a car on Wednesday, killing one.", "On Thursday the toll rose to three.", False),
        # the day the ministry spoke is not the day of the strikes
        (
            "Strikes have killed 2,464, the ministry said on Sunday.",
            "On Saturday alone, strikes killed 16.",
            False,
        ),
    ],
)
def test_earlier_day(lead: str, sentence: str, earlier: bool) -> None:
    assert salience.earlier_day(lead, sentence) is earlier


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Magnitude, location, timing: what decides an earthquake's death toll", "explainer"),
        ("Earthquakes: what to know", "explainer"),
        ("New guide looks at how mediators negotiate ceasefires", "explainer"),
        ("This month in history: May's deadliest earthquakes", "listing"),
        ("Storms and deforestation may help trigger earthquakes, study says", "study"),
        ("Study finds measles outbreaks of 2017-19 stretched US health departments", "study"),
        ("ICC jails Congolese militia leader Katanga for 12 years over village massacre", "jailed"),
        ("Former Guatemalan commander in Dos Erres massacre gets 10 years for immigration fraud", "jailed"),
        # news told in the same words is still news
        ("Taiwan floods kill 12 as typhoon makes landfall", None),
        ("Prosecutors seek up to 20 years for Bolivia's failed coup leader", None),
        ("Police retake Guayaquil jail after riot kills at least 118", None),
    ],
)
def test_explainers_studies_and_sentences_handed_down_are_no_report(title: str, kind: str | None) -> None:
    """A headline about how a kind of event works, a research finding, or a prison term for an old act
    frames the article: its body's quakes and massacres are history or examples (dev_news24)."""
    assert salience.article_frame(title) == kind


def test_an_arrest_told_separately_is_no_part_of_the_protest_before_it(make_article: Make) -> None:
    """ "Separately, ..." says the arrests are another story: two reporters held in a restaurant were not
    the crowd the police tear-gassed in the sentence before (dev_news24)."""
    body = (
        "Police in riot gear fired tear gas and smoke bombs on Wednesday night at protesters in Ferguson, "
        "Missouri. Separately, officers arrested two reporters in a McDonald's restaurant; both were freed "
        "without charge."
    )
    title = "Ferguson police fire tear gas on fifth night of unrest"
    types = {e.type for e in classify(make_article(title, body))}
    assert "arrest" in types
    assert {"protest", "riot"} & types


def test_protesters_the_coup_makers_broke_up_are_the_coups_doing(make_article: Make) -> None:
    """ "Took power in a bloodless coup, ... breaking up rival groups of protesters": one sentence, the
    coup's own act, no protest report besides (dev_news24)."""
    body = (
        "Thailand's army took power on Thursday in a bloodless coup, dissolving the caretaker government, "
        "suspending the constitution and breaking up rival groups of protesters in Bangkok. Army chief Gen. "
        "Prayuth Chan-ocha announced the takeover on national television."
    )
    title = "Thai army seizes power, imposes nationwide curfew"
    assert {e.type for e in classify(make_article(title, body))} == {"coup"}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Dynamited pylons leave 2.3 million in southwest Colombia without power",
            "Suspected guerrillas dynamited four electricity towers on Monday, cutting power to more "
            "than 2.3 million people in Putumayo, Cauca and Narino, the energy minister said.",
        ),
        (
            "Attack on Baluchistan transmission facility plunges 140 million Pakistanis into darkness",
            "Armed rebels attacked an electricity transmission facility in southwestern Baluchistan on "
            "Sunday, causing one of Pakistan's worst blackouts, leaving at least 140 million people, some "
            "80 percent of the population, without power.",
        ),
    ],
)
def test_the_grid_named_by_its_parts_is_infrastructure_attacked(
    make_article: Make, title: str, body: str
) -> None:
    """Electricity towers, transmission lines and facilities are the grid (dev_news24)."""
    assert "infrastructure_attack" in {e.type for e in classify(make_article(title, body), veto=False)}


def test_those_left_without_power_are_the_attacks_affected(make_article: Make) -> None:
    body = (
        "Armed rebels attacked an electricity transmission facility in southwestern Baluchistan on Sunday, "
        "causing one of Pakistan's worst blackouts, leaving at least 140 million people, some 80 percent of "
        "the population, without power."
    )
    (event,) = classify(make_article("Blackout after attack in Baluchistan", body), veto=False)
    assert event.magnitude == {"affected": 140_000_000}


def test_a_sentence_dated_weeks_before_the_report_lends_no_counts(make_article: Make) -> None:
    """In March, "a tower brought down in January; three of them were badly hurt" tells of January's
    repairs: the three hurt are not the new bombing's (dev_folded_r1)."""
    body = (
        "Boko Haram insurgents planted explosives on each leg of a power transmission tower near Maiduguri "
        "and set them off on Saturday, sources said. Engineers had needed nearly two months to repair a "
        "tower brought down in January; three of them were badly hurt during that work."
    )
    article = make_article("Boko Haram blows up transmission tower near Maiduguri", body)
    article = article.model_copy(update={"published": article.published.replace(year=2021, month=3, day=13)})
    (event,) = classify(article, veto=False)
    assert event.type == "infrastructure_attack"
    assert "wounded" not in event.magnitude


def test_missiles_an_armed_drone_fired_are_the_drone_strike(make_article: Make) -> None:
    """ "U.S. drones fired four missiles at a compound", then another official's "five missiles hit a
    house" and "the first strike in North Waziristan since March 17": one drone strike (dev_news24)."""
    body = (
        "At least 25 people were killed when drones fired four missiles at a compound in Spinwam, a local "
        "official said on Friday. A security official in Peshawar gave a different account, saying five "
        "missiles hit a house and killed seven people. It was the first strike in North Waziristan since "
        "March 17."
    )
    title = "US drone missiles kill 25 in North Waziristan compound, officials say"
    assert {e.type for e in classify(make_article(title, body), veto=False)} == {"air_drone_strike"}


def test_an_explosion_at_an_underground_mine_is_an_industrial_accident(make_article: Make) -> None:
    body = (
        "An explosion at an underground coal mine in West Virginia killed seven workers on Monday, and "
        "dozens of rescuers were searching for 19 others still missing, the mine owner said."
    )
    article = make_article("Seven dead, 19 missing in West Virginia", body)
    assert {e.type for e in classify(article, veto=False)} == {"industrial_accident"}


def test_stalled_talks_that_resumed_are_talks(make_article: Make) -> None:
    """ "Stalled talks ... resumed on Monday" reports talks; only talks still stalled are none
    (dev_news24)."""
    body = (
        "Stalled talks between Burundi's government and the FNL rebels resumed on Monday after mediators met "
        "both sides separately over the weekend."
    )
    article = make_article("Burundi government and FNL rebels back at the table", body)
    assert {e.type for e in classify(article, veto=False)} == {"peace_talks"}


def test_inmates_fighting_in_a_prison_riot_are_the_riot(make_article: Make) -> None:
    """ "Fighting between inmates broke out inside the facility": the riot's own fight (dev_news24)."""
    body = (
        "Nineteen people were killed and dozens injured in a prison riot that raged for two hours in the "
        "northern Mexican state of Durango, local officials said on Saturday. Fighting between inmates broke "
        "out inside the facility before security forces regained control."
    )
    article = make_article("Nineteen killed, dozens hurt in two-hour Durango prison riot", body)
    assert {e.type for e in classify(article, veto=False)} == {"riot"}


def test_people_afraid_to_go_home_after_an_attack_are_displaced(make_article: Make) -> None:
    """A community leader's "559 people afraid to go home who are sheltering in a primary school" after
    gunmen stormed their village is a displacement with its figure (dev_news24)."""
    body = (
        "Motorcycle-riding gunmen stormed Gora Gan village in southern Kaduna on Monday night, killing 11 "
        'people, the district head said. The attackers also burned houses and a church. "We have 559 people '
        'afraid to go home who are sheltering in a primary school in Zonkwa," a community leader said.'
    )
    events = classify(make_article("Attack on Gora Gan leaves 11 dead", body), veto=False)
    evacuation = next(e for e in events if e.type == "evacuation")
    assert evacuation.magnitude == {"displaced": 559}
