"""Build ``quantities.jsonl`` from the hand-written annotations below, checking every offset and bound.

Sentences were written for claimattr (news style, varied domains); gold values follow the
conventions of docs/quantities.md, annotated by hand, not from any system output. Every field of
a mention is written out in its annotation (value, bounds, relation, approximate, unit, entity and
event lemmas): nothing is derived from a rule the component also uses, so the gold can disagree
with the code. This script only finds each mention's character offsets and checks the annotations
for consistency (bounds around the value, a bound where the relation needs one).
Run: ``python training/quantities/make_gold.py``.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

OUT = Path(__file__).with_name("quantities.jsonl")
RELATIONS = ("=", "~", ">", ">=", "<", "<=")


def q(text: str, value: Optional[float], low: Optional[float] = None, high: Optional[float] = None, rel: str = "=",
      approx: bool = False, unit: Optional[str] = None, ent: Optional[str] = None, ev: Optional[str] = None) -> Dict[str, Any]:
    """One annotated mention, as written (no field is filled in)."""
    return {"text": text, "value": value, "low": low, "high": high, "approximate": approx, "relation": rel,
            "unit": unit, "entity_lemma": ent, "event_lemma": ev}


SENTENCES: List[Tuple[str, List[Dict[str, Any]]]] = [
    # --- conflict ---------------------------------------------------------------------------
    ("Rebels killed at least 14 villagers in an overnight raid, the regional governor said.",
     [q("at least 14", 14, low=14, rel=">=", ent="villager", ev="kill")]),
    ("The army said it had captured 120 fighters and seized three weapons depots.",
     [q("120", 120, ent="fighter", ev="capture"), q("three", 3, ent="depot", ev="seize")]),
    ("More than 300 civilians have been killed since the offensive began, according to the UN.",
     [q("More than 300", 300, low=300, rel=">", ent="civilian", ev="kill")]),
    ("Militants abducted dozens of students from a boarding school on Tuesday.",
     [q("dozens", 24.0, low=24.0, high=119.0, rel="~", approx=True, ent="student", ev="abduct")]),
    ("Two soldiers were wounded when their convoy hit a roadside bomb.",
     [q("Two", 2, ent="soldier", ev="wound")]),
    ("Hundreds of families fled the town after shelling intensified overnight.",
     [q("Hundreds", 200.0, low=200.0, high=999.0, rel="~", approx=True, ent="family", ev="flee")]),
    ("The ministry said nearly 2,000 troops had been deployed to the border.",
     [q("nearly 2,000", 2000, rel="~", approx=True, ent="troop", ev="deploy")]),
    ("Between 40 and 50 insurgents were killed in the air strikes, a military spokesman claimed.",
     [q("Between 40 and 50", 45.0, low=40, high=50, ent="insurgent", ev="kill")]),
    ("The group released 17 hostages but is still holding up to 30 others.",
     [q("17", 17, ent="hostage", ev="release"), q("up to 30", 30, high=30, rel="<=", ent="other", ev="hold")]),
    ("Some 5,000 people were displaced by the fighting, aid agencies estimated.",
     [q("Some 5,000", 5000, rel="~", approx=True, ent="people", ev="displace")]),
    ("Police said 11 officers were injured during the clashes with protesters.",
     [q("11", 11, ent="officer", ev="injure")]),
    ("The coalition claimed it destroyed 45 tanks and shot down four drones.",
     [q("45", 45, ent="tank", ev="destroy"), q("four", 4, ent="drone", ev="shoot")]),
    ("Tens of thousands of residents have been without water for a week.",
     [q("Tens of thousands", 20000.0, low=20000.0, high=99999.0, rel="~", approx=True, ent="resident")]),
    ("Fewer than 20 fighters remain inside the besieged compound, commanders said.",
     [q("Fewer than 20", 20, high=20, rel="<", ent="fighter", ev="remain")]),
    ("A suicide bomber killed seven worshippers and wounded 23 others at a mosque.",
     [q("seven", 7, ent="worshipper", ev="kill"), q("23", 23, ent="other", ev="wound")]),
    ("Officials said 58 people died and about 150 were injured in the attack.",
     [q("58", 58, ent="people", ev="die"), q("about 150", 150, rel="~", approx=True, ev="injure")]),
    ("The rebels said they had taken control of 12 villages in the north.",
     [q("12", 12, ent="village", ev="take")]),
    ("Over 400 prisoners escaped after gunmen stormed the jail.",
     [q("Over 400", 400, low=400, rel=">", ent="prisoner", ev="escape")]),
    ("The navy intercepted a dozen boats carrying weapons.",
     [q("a dozen", 12, ent="boat", ev="intercept")]),
    ("As many as 70 migrants were feared dead after the vessel capsized.",
     [q("As many as 70", 70, high=70, rel="<=", ent="migrant", ev="fear")]),
    ("The attack left thirty-two soldiers dead, the defence ministry confirmed.",
     [q("thirty-two", 32, ent="soldier", ev="leave")]),
    ("Militants have fired more than 1,500 rockets since Saturday.",
     [q("more than 1,500", 1500, low=1500, rel=">", ent="rocket", ev="fire")]),
    ("The peacekeeping mission has 12,000 personnel in the country.",
     [q("12,000", 12000, ent="personnel", ev="have")]),
    # --- disasters ----------------------------------------------------------------------------
    ("The earthquake killed more than 2,400 people and destroyed roughly 10,000 homes.",
     [q("more than 2,400", 2400, low=2400, rel=">", ent="people", ev="kill"), q("roughly 10,000", 10000, rel="~", approx=True, ent="home", ev="destroy")]),
    ("Floods have displaced an estimated 1.2 million people across the province.",
     [q("an estimated 1.2 million", 1.2e6, rel="~", approx=True, ent="people", ev="displace")]),
    ("Rescuers pulled 36 survivors from the rubble on Thursday.",
     [q("36", 36, ent="survivor", ev="pull")]),
    ("The wildfire has burned 40,000 hectares and forced thousands of residents to evacuate.",
     [q("40,000 hectares", 40000, unit="ha", ev="burn"), q("thousands", 2000.0, low=2000.0, high=9999.0, rel="~", approx=True, ent="resident", ev="force")]),
    ("At least 19 people were missing after a landslide buried 30 houses.",
     [q("At least 19", 19, low=19, rel=">=", ent="people"), q("30", 30, ent="house", ev="bury")]),
    ("The cyclone brought winds of up to 180 km/h and 300mm of rain.",
     [q("up to 180 km/h", 180, high=180, rel="<=", unit="km/h"), q("300mm", 300, unit="mm")]),
    ("Nearly half of the district's crops were destroyed by the drought.",
     [q("Nearly half", 0.5, rel="~", approx=True, unit="fraction", ent="crop", ev="destroy")]),
    ("The death toll rose to 87, with hundreds still unaccounted for.",
     [q("87", 87, ev="rise"), q("hundreds", 200.0, low=200.0, high=999.0, rel="~", approx=True)]),
    ("Authorities evacuated some 250,000 people ahead of the storm.",
     [q("some 250,000", 250000, rel="~", approx=True, ent="people", ev="evacuate")]),
    ("The tsunami waves reached a height of 8 metres in some areas.",
     [q("8 metres", 8, unit="m")]),
    ("Power was cut to about 3 million homes, the utility said.",
     [q("about 3 million", 3.0e6, rel="~", approx=True, ent="home", ev="cut")]),
    ("Fifteen climbers were rescued and two remain missing on the mountain.",
     [q("Fifteen", 15, ent="climber", ev="rescue"), q("two", 2, ev="remain")]),
    ("The quake struck at a depth of 10 km, the geological survey said.",
     [q("10 km", 10, unit="km", ev="strike")]),
    ("Aid groups said 4.5 million people need food assistance.",
     [q("4.5 million", 4.5e6, ent="people", ev="need")]),
    ("The flood damaged 1,200 schools and washed away 85 bridges.",
     [q("1,200", 1200, ent="school", ev="damage"), q("85", 85, ent="bridge", ev="wash")]),
    ("Temperatures climbed to 47 degrees Celsius in the capital.",
     [q("47 degrees Celsius", 47, unit="°C", ev="climb")]),
    ("More than a hundred aftershocks were recorded overnight.",
     [q("More than a hundred", 100, low=100, rel=">", ent="aftershock", ev="record")]),
    ("The heatwave is blamed for at least 1,500 deaths in the region.",
     [q("at least 1,500", 1500, low=1500, rel=">=", ent="death", ev="blame")]),
    # --- economics and business ---------------------------------------------------------------
    ("The company reported a net profit of $2.3bn for the quarter.",
     [q("$2.3bn", 2.3e9, unit="USD", ev="report")]),
    ("Inflation rose to 6.8% in March, the highest in two decades.",
     [q("6.8%", 6.8, unit="%", ev="rise"), q("two decades", 2, unit="decade")]),
    ("The government announced a €50 billion stimulus package on Monday.",
     [q("€50 billion", 5.0e10, unit="EUR", ev="announce")]),
    ("Unemployment fell by 0.3 percentage points to 4.1 per cent.",
     [q("0.3 percentage points", 0.3, unit="pp", ev="fall"), q("4.1 per cent", 4.1, unit="%", ev="fall")]),
    ("The carmaker will cut 8,000 jobs over the next three years.",
     [q("8,000", 8000, ent="job", ev="cut"), q("three years", 3, unit="yr")]),
    ("Shares jumped 12 per cent after the merger was announced.",
     [q("12 per cent", 12, unit="%", ev="jump")]),
    ("The bank lent more than £400m to small businesses last year.",
     [q("more than £400m", 4.0e8, low=4.0e8, rel=">", unit="GBP", ev="lend")]),
    ("Exports are expected to reach $120 billion this year.",
     [q("$120 billion", 1.2e11, unit="USD", ev="reach")]),
    ("The startup raised $45 million in its latest funding round.",
     [q("$45 million", 4.5e7, unit="USD", ev="raise")]),
    ("Oil output dropped to 9.5 million barrels per day.",
     [q("9.5 million barrels per day", 9.5e6, unit="bbl/d", ev="drop")]),
    ("The retailer plans to open 150 new stores and hire 5,000 staff.",
     [q("150", 150, ent="store", ev="open"), q("5,000", 5000, ent="staff", ev="hire")]),
    ("The central bank raised its key rate by 50 basis points.",
     [q("50 basis points", 50, unit="bp", ev="raise")]),
    ("Economists forecast growth of between 2 and 2.5 per cent next year.",
     [q("between 2 and 2.5 per cent", 2.25, low=2, high=2.5, unit="%", ev="forecast")]),
    ("The deal is worth about 3.2 billion euros, people familiar with the matter said.",
     [q("about 3.2 billion euros", 3.2e9, rel="~", approx=True, unit="EUR")]),
    ("Wheat prices have doubled, and farmers sold 2 million tonnes of grain.",
     [q("2 million tonnes", 2.0e6, unit="t", ent="grain", ev="sell")]),
    ("The airline carried 14.6 million passengers in the first half of the year.",
     [q("14.6 million", 1.46e7, ent="passenger", ev="carry")]),
    ("Tax revenue came in at Rs 1,200 crore, below the target.",
     [q("Rs 1,200 crore", 1.2e10, unit="INR", ev="come")]),
    ("The firm was fined 4.3 billion dollars by regulators.",
     [q("4.3 billion dollars", 4.3e9, unit="USD", ev="fine")]),
    ("Almost 60% of small firms reported falling sales.",
     [q("Almost 60%", 60, rel="~", approx=True, unit="%", ent="firm", ev="report")]),
    ("The budget allocates 1.5 trillion yen to defence.",
     [q("1.5 trillion yen", 1.5e12, unit="JPY", ev="allocate")]),
    ("The factory produces up to 500 vehicles a day.",
     [q("up to 500", 500, high=500, rel="<=", ent="vehicle", ev="produce")]),
    ("Housing starts fell 7 percent in June from a month earlier.",
     [q("7 percent", 7, unit="%", ev="fall")]),
    ("The ministry said the project would cost $2-3bn.",
     [q("$2-3bn", 2.5e9, low=2.0e9, high=3.0e9, unit="USD", ev="cost")]),
    ("Remittances reached 30 billion Pakistani rupees in September.",
     [q("30 billion Pakistani rupees", 3.0e10, unit="PKR", ev="reach")]),
    ("The group employs some 12,500 people in 40 countries.",
     [q("some 12,500", 12500, rel="~", approx=True, ent="people", ev="employ"), q("40", 40, ent="country")]),
    ("Investors pulled more than 700 million dollars out of the fund.",
     [q("more than 700 million dollars", 7.0e8, low=7.0e8, rel=">", unit="USD", ev="pull")]),
    ("The chain will close 20 to 25 branches by the end of the year.",
     [q("20 to 25", 22.5, low=20, high=25, ent="branch", ev="close")]),
    ("Sales of electric cars rose by a third last year.",
     [q("a third", 0.3333333333333333, unit="fraction", ev="rise")]),
    ("Billions of dollars in aid have been promised but not delivered.",
     [q("Billions of dollars", 2.0e9, low=2.0e9, high=9999999999.0, rel="~", approx=True, unit="USD", ev="promise")]),
    # --- health -------------------------------------------------------------------------------
    ("Health officials confirmed 312 new cases and four deaths on Friday.",
     [q("312", 312, ent="case", ev="confirm"), q("four", 4, ent="death", ev="confirm")]),
    ("Around 40 per cent of adults have received a booster dose.",
     [q("Around 40 per cent", 40, rel="~", approx=True, unit="%", ent="adult", ev="receive")]),
    ("The outbreak has infected more than 9,000 people in three provinces.",
     [q("more than 9,000", 9000, low=9000, rel=">", ent="people", ev="infect"), q("three", 3, ent="province")]),
    ("The vaccine was 94% effective in a trial of 30,000 volunteers.",
     [q("94%", 94, unit="%"), q("30,000", 30000, ent="volunteer")]),
    ("Hospitals treated hundreds of patients for heat stroke.",
     [q("hundreds", 200.0, low=200.0, high=999.0, rel="~", approx=True, ent="patient", ev="treat")]),
    ("Two-thirds of the country's doctors work in the capital.",
     [q("Two-thirds", 0.6666666666666666, unit="fraction", ent="doctor", ev="work")]),
    ("Cholera has killed at least 1,100 people since January, the WHO said.",
     [q("at least 1,100", 1100, low=1100, rel=">=", ent="people", ev="kill")]),
    ("The ministry distributed 2.5 million mosquito nets last month.",
     [q("2.5 million", 2.5e6, ent="net", ev="distribute")]),
    ("Roughly one in five children is underweight, the survey found.",
     [q("Roughly one in five", 0.2, rel="~", approx=True, unit="fraction", ent="child")]),
    ("The hospital has only 12 ventilators for a population of 800,000.",
     [q("12", 12, ent="ventilator", ev="have"), q("800,000", 800000)]),
    ("Nearly 70 nurses resigned in protest over unpaid wages.",
     [q("Nearly 70", 70, rel="~", approx=True, ent="nurse", ev="resign")]),
    ("Measles cases rose by 79 percent compared with last year.",
     [q("79 percent", 79, unit="%", ev="rise")]),
    ("The clinic vaccinated a few hundred children before supplies ran out.",
     [q("a few hundred", 200, low=200, high=500, rel="~", approx=True, ent="child", ev="vaccinate")]),
    ("Smoking rates have halved to 11.9% among adults.",
     [q("11.9%", 11.9, unit="%", ev="halve")]),
    ("Officials said fifty-six patients were evacuated from the hospital.",
     [q("fifty-six", 56, ent="patient", ev="evacuate")]),
    ("About a quarter of intensive care beds are occupied by Covid patients.",
     [q("About a quarter", 0.25, rel="~", approx=True, unit="fraction", ent="bed", ev="occupy")]),
    # --- elections and politics ---------------------------------------------------------------
    ("The ruling party won 210 of the 342 seats in parliament.",
     [q("210", 210, ev="win"), q("342", 342, ent="seat")]),
    ("Turnout was 62.5 per cent, up from 58 per cent in the last election.",
     [q("62.5 per cent", 62.5, unit="%"), q("58 per cent", 58, unit="%")]),
    ("The opposition candidate received 4.1 million votes.",
     [q("4.1 million", 4.1e6, ent="vote", ev="receive")]),
    ("More than 300 polling stations opened late, observers said.",
     [q("More than 300", 300, low=300, rel=">", ent="station", ev="open")]),
    ("Police detained dozens of opposition supporters ahead of the vote.",
     [q("dozens", 24.0, low=24.0, high=119.0, rel="~", approx=True, ent="supporter", ev="detain")]),
    ("The measure passed with 52% of the vote.",
     [q("52%", 52, unit="%", ent="vote", ev="pass")]),
    ("Eighteen candidates are running for president.",
     [q("Eighteen", 18, ent="candidate", ev="run")]),
    ("The senate approved the bill by 68 votes to 31.",
     [q("68", 68, ent="vote", ev="approve"), q("31", 31)]),
    ("A record 1,400 candidates registered for the local elections.",
     [q("1,400", 1400, ent="candidate", ev="register")]),
    ("About 30 million voters are eligible to cast ballots on Sunday.",
     [q("About 30 million", 3.0e7, rel="~", approx=True, ent="voter")]),
    ("The party lost nearly a third of its seats.",
     [q("nearly a third", 0.3333333333333333, rel="~", approx=True, unit="fraction", ent="seat", ev="lose")]),
    ("Thousands of people marched through the capital on Saturday.",
     [q("Thousands", 2000.0, low=2000.0, high=9999.0, rel="~", approx=True, ent="people", ev="march")]),
    ("The coalition needs at least 45 seats to form a government.",
     [q("at least 45", 45, low=45, rel=">=", ent="seat", ev="need")]),
    ("Organisers said 250,000 people joined the protest, while police put the figure at 60,000.",
     [q("250,000", 250000, ent="people", ev="join"), q("60,000", 60000, ev="put")]),
    ("The president's approval rating slipped to 38%.",
     [q("38%", 38, unit="%", ev="slip")]),
    ("Lawmakers voted 221-207 to impeach the governor.",
     []),
    # --- courts and crime ---------------------------------------------------------------------
    ("The court sentenced the former minister to 12 years in prison.",
     [q("12 years", 12, unit="yr", ev="sentence")]),
    ("Prosecutors charged 14 people with fraud worth $3.5 million.",
     [q("14", 14, ent="people", ev="charge"), q("$3.5 million", 3.5e6, unit="USD")]),
    ("Police arrested 23 suspects and seized 400 kg of cocaine.",
     [q("23", 23, ent="suspect", ev="arrest"), q("400 kg", 400, unit="kg", ent="cocaine", ev="seize")]),
    ("The judge ordered the company to pay £1.2m in damages.",
     [q("£1.2m", 1.2e6, unit="GBP", ent="damage", ev="pay")]),
    ("More than 60 witnesses testified during the three-month trial.",
     [q("More than 60", 60, low=60, rel=">", ent="witness", ev="testify")]),
    ("The gang stole jewellery worth an estimated 2 million euros.",
     [q("an estimated 2 million euros", 2.0e6, rel="~", approx=True, unit="EUR")]),
    ("Officers recovered 36 firearms and 5,000 rounds of ammunition.",
     [q("36", 36, ent="firearm", ev="recover"), q("5,000", 5000, ent="round", ev="recover")]),
    ("Three men were convicted and two were acquitted.",
     [q("Three", 3, ent="man", ev="convict"), q("two", 2, ev="acquit")]),
    ("The fraud affected at least 9,000 investors across the country.",
     [q("at least 9,000", 9000, low=9000, rel=">=", ent="investor", ev="affect")]),
    ("He faces up to 20 years in jail if convicted.",
     [q("up to 20 years", 20, high=20, rel="<=", unit="yr", ev="face")]),
    ("The regulator fined the bank 85 million pounds for failings.",
     [q("85 million pounds", 8.5e7, unit="GBP", ev="fine")]),
    ("Police said a dozen officers were injured in clashes outside the court.",
     [q("a dozen", 12, ent="officer", ev="injure")]),
    ("Investigators interviewed several hundred employees.",
     [q("several hundred", 300, low=300, high=900, rel="~", approx=True, ent="employee", ev="interview")]),
    # --- society, migration, education, environment ------------------------------------------
    ("Coast guards rescued 143 migrants off the island on Wednesday.",
     [q("143", 143, ent="migrant", ev="rescue")]),
    ("Nearly 1 million refugees have crossed the border since the war began.",
     [q("Nearly 1 million", 1.0e6, rel="~", approx=True, ent="refugee", ev="cross")]),
    ("The strike closed 2,300 schools, affecting 800,000 pupils.",
     [q("2,300", 2300, ent="school", ev="close"), q("800,000", 800000, ent="pupil", ev="affect")]),
    ("Emissions fell by 4.6% last year, the agency said.",
     [q("4.6%", 4.6, unit="%", ev="fall")]),
    ("Volunteers planted 50,000 trees along the river.",
     [q("50,000", 50000, ent="tree", ev="plant")]),
    ("The new dam will displace an estimated 30,000 villagers.",
     [q("an estimated 30,000", 30000, rel="~", approx=True, ent="villager", ev="displace")]),
    ("Scores of teachers walked out over pay.",
     [q("Scores", 40.0, low=40.0, high=199.0, rel="~", approx=True, ent="teacher", ev="walk")]),
    ("The glacier has lost about 30 metres of ice since 2010.",
     [q("about 30 metres", 30, rel="~", approx=True, unit="m", ent="ice", ev="lose")]),
    ("Only 45 of the 200 rescued whales survived.",
     [q("45", 45, ev="survive"), q("200", 200, ent="whale")]),
    ("Authorities built 15 shelters housing 3,000 people.",
     [q("15", 15, ent="shelter", ev="build"), q("3,000", 3000, ent="people", ev="house")]),
    ("The spill released 11,000 barrels of crude oil into the sea.",
     [q("11,000 barrels", 11000, unit="bbl", ent="oil", ev="release")]),
    ("Half the country's population lives on less than $2 a day.",
     [q("Half", 0.5, unit="fraction", ent="population", ev="live"), q("less than $2 a day", 2, high=2, rel="<", unit="USD/d")]),
    ("A convoy of 40 trucks delivered 600 tonnes of food aid.",
     [q("40", 40, ent="truck"), q("600 tonnes", 600, unit="t", ent="aid", ev="deliver")]),
    ("Around 2,500 workers went on strike at the port.",
     [q("Around 2,500", 2500, rel="~", approx=True, ent="worker", ev="go")]),
    ("The university will admit 1,000 more students next year.",
     [q("1,000", 1000, ent="student", ev="admit")]),
    ("The fire gutted 60 shops and left hundreds of traders without income.",
     [q("60", 60, ent="shop", ev="gut"), q("hundreds", 200.0, low=200.0, high=999.0, rel="~", approx=True, ent="trader", ev="leave")]),
    ("Millions of people watched the final on television.",
     [q("Millions", 2.0e6, low=2.0e6, high=9999999.0, rel="~", approx=True, ent="people", ev="watch")]),
    ("The pipeline stretches 1,200km from the coast.",
     [q("1,200km", 1200, unit="km", ev="stretch")]),
    ("The reservoir is at 18 percent of capacity.",
     [q("18 percent", 18, unit="%", ent="capacity")]),
    ("Fishermen reported catching two or three fish a day.",
     [q("two or three", 2.5, low=2, high=3, rel="~", approx=True, ent="fish", ev="catch")]),
    ("The charity has distributed more than 40,000 food parcels this winter.",
     [q("more than 40,000", 40000, low=40000, rel=">", ent="parcel", ev="distribute")]),
    ("Ninety-one passengers were on board the ferry.",
     [q("Ninety-one", 91, ent="passenger")]),
    ("The company recalled 1.3 million cars over faulty airbags.",
     [q("1.3 million", 1.3e6, ent="car", ev="recall")]),
    ("Some 600 firefighters battled the blaze through the night.",
     [q("Some 600", 600, rel="~", approx=True, ent="firefighter", ev="battle")]),
    ("No fewer than 25 ministers attended the summit.",
     [q("No fewer than 25", 25, low=25, rel=">=", ent="minister", ev="attend")]),
    ("The blaze spread across 12 square kilometres of forest.",
     [q("12 square kilometres", 12, unit="km2", ent="forest", ev="spread")]),
    # --- more mixed news ---------------------------------------------------------------------
    ("The minister said 3,500 homes had been rebuilt and another 1,800 were under construction.",
     [q("3,500", 3500, ent="home", ev="rebuild"), q("1,800", 1800)]),
    ("Gunmen killed nine police officers and abducted four engineers near the mine.",
     [q("nine", 9, ent="officer", ev="kill"), q("four", 4, ent="engineer", ev="abduct")]),
    ("The IMF approved a $7bn loan, of which $1.1bn will be disbursed immediately.",
     [q("$7bn", 7.0e9, unit="USD", ev="approve"), q("$1.1bn", 1.1e9, unit="USD", ev="disburse")]),
    ("About 85% of the 1,600 passengers were evacuated within 30 minutes.",
     [q("About 85%", 85, rel="~", approx=True, unit="%", ent="passenger", ev="evacuate"), q("1,600", 1600, ent="passenger"), q("30 minutes", 30, unit="min")]),
    ("Between 300 and 400 migrants arrive on the island every week, officials estimate.",
     [q("Between 300 and 400", 350.0, low=300, high=400, ent="migrant", ev="arrive")]),
    ("The union represents 140,000 workers, of whom a third are women.",
     [q("140,000", 140000, ent="worker", ev="represent"), q("a third", 0.3333333333333333, unit="fraction")]),
    ("Firefighters saved 22 horses, but more than 50 sheep died in the barn.",
     [q("22", 22, ent="horse", ev="save"), q("more than 50", 50, low=50, rel=">", ent="sheep", ev="die")]),
    ("Prices of basic food rose 25% in six months, pushing 3 million people into poverty.",
     [q("25%", 25, unit="%", ev="rise"), q("six months", 6, unit="mo"), q("3 million", 3.0e6, ent="people", ev="push")]),
    ("The ministry reported 47 new infections and two deaths in the past 24 hours.",
     [q("47", 47, ent="infection", ev="report"), q("two", 2, ent="death", ev="report"), q("24 hours", 24, unit="h")]),
    ("Israeli strikes hit more than 100 targets overnight, the military said.",
     [q("more than 100", 100, low=100, rel=">", ent="target", ev="hit")]),
    ("Stocks lost $1.2 trillion in market value in a single day.",
     [q("$1.2 trillion", 1.2e12, unit="USD", ev="lose")]),
    ("Nearly 7,000 flights were cancelled as snow blanketed the region.",
     [q("Nearly 7,000", 7000, rel="~", approx=True, ent="flight", ev="cancel")]),
    ("The government says 18 of its 24 ministries have relocated.",
     [q("18", 18, ev="relocate"), q("24", 24, ent="ministry")]),
    ("Demonstrators set fire to dozens of vehicles and five government buildings.",
     [q("dozens", 24.0, low=24.0, high=119.0, rel="~", approx=True, ent="vehicle"), q("five", 5, ent="building")]),
    ("The new terminal can handle 35 million passengers a year and cost $4.5bn.",
     [q("35 million", 3.5e7, ent="passenger", ev="handle"), q("$4.5bn", 4.5e9, unit="USD", ev="cost")]),
    ("Some 40 percent of the harvest was lost, farmers' groups said, costing 900 million rupees.",
     [q("Some 40 percent", 40, rel="~", approx=True, unit="%", ent="harvest", ev="lose"), q("900 million rupees", 9.0e8, unit="INR", ev="cost")]),
    # --- negatives: dates, times, years, ordinals, identifiers (no quantities) ---------------------
    ("The ceasefire took effect at 6 a.m. on Sunday, 12 October.", []),
    ("The law was passed in 2021 and amended in March 2023.", []),
    ("The second round of talks is due to begin on 14 November.", []),
    ("Flight MH17 was shot down over eastern Ukraine in July 2014.", []),
    ("He was elected for a third term in 2019.", []),
    ("The council invoked Article 370 and Section 144 of the penal code.", []),
    ("Call the helpline on 0800 123 4567 for more information.", []),
    ("The meeting ended at 10:45 PM local time on Friday.", []),
    ("The team finished first in the 2022-23 season.", []),
    ("One of the most serious escalations since 2021 began on Monday.", []),
    ("The 1990s saw a boom in mobile phone sales.", []),
]


def check(quantity: Dict[str, Any], sentence: str) -> None:
    """Fail on an annotation that contradicts itself (the conventions of docs/quantities.md)."""
    where = f"{quantity['text']!r} in {sentence!r}"
    value, low, high, relation = quantity["value"], quantity["low"], quantity["high"], quantity["relation"]
    if relation not in RELATIONS:
        raise ValueError(f"{where}: relation {relation!r} is not one of {RELATIONS}")
    numbers = [v for v in (value, low, high) if v is not None]
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in numbers):
        raise ValueError(f"{where}: value and bounds must be finite numbers")
    if (low is not None and value is not None and low > value) or (high is not None and value is not None and value > high):
        raise ValueError(f"{where}: the value {value} is outside its bounds [{low}, {high}]")
    if relation in (">", ">=") and low is None or relation in ("<", "<=") and high is None:
        raise ValueError(f"{where}: relation {relation!r} needs its bound written out")
    if (relation == "~") != bool(quantity["approximate"]):
        raise ValueError(f"{where}: approximate must be true exactly when the relation is '~'")


def build() -> List[Dict[str, Any]]:
    records = []
    for sentence, quantities in SENTENCES:
        cursor = 0
        out = []
        for quantity in quantities:
            start = sentence.find(quantity["text"], cursor)
            if start < 0:
                raise ValueError(f"{quantity['text']!r} not found after {cursor} in {sentence!r}")
            end = start + len(quantity["text"])
            check(quantity, sentence)
            out.append({"text": quantity["text"], "start": start, "end": end,
                        **{k: v for k, v in quantity.items() if k != "text"}})
            cursor = end
        records.append({"text": sentence, "quantities": out})
    return records


def main() -> None:
    records = build()
    with OUT.open("w", encoding="utf8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    mentions = sum(len(r["quantities"]) for r in records)
    print(f"{len(records)} sentences, {mentions} quantity mentions -> {OUT}")


if __name__ == "__main__":
    main()
