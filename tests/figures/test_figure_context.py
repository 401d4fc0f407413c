"""``figure_grouper``: what the context of a number adds (docs/figures.md): the place the text is
about, kinds of a frame, subsets, anaphora, repeats under another noun, triggers outside a claim."""
from __future__ import annotations

from typing import Any, Dict, List

from claimattr.figures import FigureRules, Mention
from claimattr.figures.figures_component import DEFAULT_LEXICON, LEXICON_SCHEMA
from claimattr.rules.lexicon import read_lexicon

_CACHE: Dict[str, Any] = {}


def figures(nlp, text: str) -> List[Dict[str, Any]]:
    if text not in _CACHE:
        _CACHE[text] = nlp(text)._.figures
    return _CACHE[text]


def find(groups, text: str, nth: int = 0) -> Dict[str, Any]:
    found = [g for g in groups for m in g["members"] if m["text"] == text]
    assert len(found) > nth, f"{text!r} is in no figure: {[(g['id'], [m['text'] for m in g['members']]) for g in groups]}"
    return found[nth]


def _rules() -> FigureRules:
    return FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))


def _killed(value: float, speaker: str, start: int, entity: str = "soldier", **words: Any) -> Mention:
    quantity = {"text": str(int(value)), "start": start, "end": start + 2, "value": value, "relation": "=",
                "event": {"text": "killed", "lemma": "kill"}}
    if entity:
        quantity["entity"] = {"text": entity + "s", "lemma": entity}
    return Mention(quantity, 0, speaker, speaker, **words)


def test_counts_in_two_places_named_outside_the_claims_are_two_figures(nlp):
    groups = figures(nlp, "Weekend Protests in Norden and Vass Draw Different Counts\n"
                          "In Norden, police said about 5,000 people had taken part. "
                          "The organisers said 5,000 people had marched.\n"
                          "Sunday's march in Vass was much larger. The organisers said 80,000 people had marched. "
                          "Police said 22,000 people had taken part.")
    norden, vass = find(groups, "about 5,000"), find(groups, "80,000")
    assert find(groups, "5,000") is norden and find(groups, "22,000") is vass and norden is not vass
    assert vass["disputed"] and not norden["disputed"]


def test_the_place_of_the_text_only_tells_apart_figures_in_two_places():
    rules = _rules()
    one_place = [_killed(12, "army", 0, context_place="Kessa"), _killed(20, "rebels", 10)]
    assert len(rules.group(one_place)) == 1 and rules.group(one_place)[0]["disputed"], "one place: nothing to tell apart"
    two_places = [_killed(7, "army", 0, context_place="Oran"), _killed(5, "army", 10, context_place="Kessa"),
                  _killed(20, "rebels", 20, context_place="Kessa")]
    groups = rules.group(two_places)
    assert sorted(len(g["members"]) for g in groups) == [1, 2]
    assert [g["scope"] for g in groups if len(g["members"]) == 2] == ["at:kessa"]


def test_a_count_without_a_noun_after_one_of_its_frame_is_a_subset(nlp):
    groups = figures(nlp, "The interior ministry said 14 police officers had been injured. Volunteer medics said they "
                          "had treated about 60 demonstrators for injuries and that eight had been taken to hospital.")
    eight = find(groups, "eight")
    assert eight is not find(groups, "14") and eight is not find(groups, "about 60")
    assert eight["part"] and eight["entity"] == "protester" and not eight["disputed"]


def test_prisoners_freed_and_prisoners_still_held_are_different_figures(nlp):
    groups = figures(nlp, "The ministry said it had received 31 of its soldiers in the exchange. The rebels said they "
                          "had freed 31 soldiers. The rebels said about 200 soldiers were still being held, while the "
                          "ministry said at least 150 of its soldiers remained captive.")
    freed, held = find(groups, "31"), find(groups, "about 200")
    assert find(groups, "31", 1) is freed and find(groups, "at least 150") is held and freed is not held
    assert (freed["kind"], held["kind"]) == ("freed", "held")
    assert not freed["disputed"] and not held["disputed"]


def test_an_investment_and_subsidies_are_different_money(nlp):
    groups = figures(nlp, "Economy minister Petra Novak said the project was an investment of €5bn. "
                          "Opposition lawmakers said the subsidies of €1.2bn promised to the company were excessive.")
    investment, subsidy = find(groups, "€5bn"), find(groups, "€1.2bn")
    assert investment is not subsidy and (investment["kind"], subsidy["kind"]) == ("investment", "subsidy")
    assert not investment["disputed"]


def test_money_with_no_kind_named_joins_the_only_kind():
    rules = _rules()

    def pledged(text: str, start: int, lemma: str) -> Mention:
        quantity = {"text": text, "start": start, "end": start + 4, "value": 3e9, "relation": "=", "unit": "USD",
                    "dimension": "currency", "event": {"text": lemma, "lemma": lemma}}
        return Mention(quantity, 0, "imf", "imf")

    groups = rules.group([pledged("$3bn", 0, "lend"), pledged("$3bn", 10, "pledge")])
    assert len(groups) == 1 and groups[0]["kind"] == "loan"


def test_treated_for_an_illness_is_cases_not_injuries(nlp):
    groups = figures(nlp, "The health ministry said 1,350 people had been treated for heatstroke since Monday. "
                          "The doctors' association said thousands of heatstroke patients had been turned away.")
    group = find(groups, "1,350")
    assert group["frame"] == "cases" and find(groups, "thousands") is group and group["disputed"]


def test_a_number_counted_out_of_another_is_a_part():
    rules = _rules()
    assert rules.is_part(Mention({"text": "14", "start": 0, "end": 2, "value": 14.0}, None, "r", "r",
                                 after=["of", "the", "17", "drone", "that"]))
    assert not rules.is_part(Mention({"text": "48", "start": 0, "end": 2, "value": 48.0}, None, "r", "r",
                                     after=["of", "its", "fighter"]))


def test_weapons_that_took_part_are_counted_in_the_other_frame(nlp):
    groups = figures(nlp, "The general staff said more than 30 drones had taken part in the attack. "
                          "The air force said it had intercepted 14 of the 17 drones that approached the base.")
    launched = find(groups, "more than 30")
    assert launched["frame"] == "other" and launched["entity"] == "drone"
    assert find(groups, "17") is launched and launched["disputed"]
    assert find(groups, "14")["part"]


def test_a_definite_number_with_no_noun_is_the_earlier_figure(nlp):
    groups = figures(nlp, "The prison service said 12 detainees were on hunger strike. "
                          "A spokesman said later that the 12 were drinking water.")
    group = find(groups, "12")
    assert len(group["members"]) == 2 and not group["disputed"]


def test_the_generic_noun_repeating_a_specific_count_is_that_count(nlp):
    groups = figures(nlp, "Halvard Mining said eight miners were trapped. "
                          "Halvard Mining later repeated that eight people were trapped.")
    group = find(groups, "eight")
    assert len(group["members"]) == 2 and group["entity"] == "miner"


def test_a_figure_with_no_side_joins_the_side_of_its_very_value():
    rules = _rules()
    enemy = _killed(25, "korvath", 10, sides=["Almeran"])
    own = _killed(2, "korvath", 20, sides=["Korvathi"])
    headline = _killed(25, "korvath", 0, entity="")
    groups = rules.group([enemy, own, headline])
    assert len(groups) == 2
    assert [sorted(m["start"] for m in g["members"]) for g in groups if g["scope"] == rules.stem("Almeran")] == [[0, 10]]


def test_a_trigger_outside_the_claims_content_is_the_last_resort():
    rules = _rules()
    headline = Mention({"text": "$2.4bn", "start": 0, "end": 6, "value": 2.4e9, "unit": "USD", "dimension": "currency"},
                       0, "donors", "donors", window=[("for", "for"), ("reconstruction", "Reconstruction")],
                       beyond=["pledge", "donor"])
    assert rules.frame_of(headline, "money", money=True) == "money_pledged"


def test_needing_hospital_treatment_is_an_injury_not_a_need():
    rules = _rules()
    students = Mention({"text": "at least 20", "start": 0, "end": 11, "value": 20.0, "low": 20.0, "relation": ">=",
                        "entity": {"text": "students", "lemma": "student"}, "event": {"text": "needed", "lemma": "need"}},
                       0, "centre", "centre",
                       window=[("student", "students"), ("need", "needed"), ("hospital", "hospital")],
                       clause=["she", "say", "student", "have", "need", "hospital", "treatment"])
    assert rules.frame_of(students, "protester", money=False) == "injuries"


def test_a_speakers_workplace_and_headline_capitals_are_no_places(nlp):
    from claimattr.figures.figures_component import place_tokens

    doc = nlp("Government Confirms 12 Killed in Election Protests\n"
              "Analysts at Harrow Securities said losses could reach $200 million. Police in Vass said 22,000 people had marched.")
    assert "Election" not in [t.text for t in place_tokens(doc)], "a headline's capitals name no place"
    assert "Harrow" in [t.text for t in place_tokens(doc)]
    assert [t.text for t in place_tokens(doc, ("in", "at"), {"harrow", "securities"})] == ["Vass"]
