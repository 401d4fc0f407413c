"""``figure_grouper``: spec tests on sentences written for them (docs/figures.md)."""
from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
import spacy
from spacy.tokens import DocBin

import claimattr
from claimattr.figures import FigureRules, Mention, compatible, interval
from claimattr.figures.figures_component import DEFAULT_LEXICON, LEXICON_SCHEMA
from claimattr.rules.lexicon import LexiconError, read_lexicon

_CACHE: Dict[str, Any] = {}


def figures(nlp, text: str) -> List[Dict[str, Any]]:
    if text not in _CACHE:
        _CACHE[text] = nlp(text)._.figures
    return _CACHE[text]


def find(groups, text: str) -> Dict[str, Any]:
    for group in groups:
        if any(m["text"] == text for m in group["members"]):
            return group
    raise AssertionError(f"{text!r} is in no figure: {[(g['id'], [m['text'] for m in g['members']]) for g in groups]}")


def test_the_grouper_is_last_in_the_pipeline(nlp):
    assert nlp.pipe_names[-1] == "figure_grouper"
    assert claimattr.PIPES[-1] == "figure_grouper"


def test_enemy_claim_and_own_admission_about_one_side_are_disputed(nlp):
    groups = figures(nlp, "Kestrel's defence ministry said its forces had killed 58 Dovanian soldiers. "
                          "Dovany's army said 23 Dovanian soldiers had died in the fighting.")
    group = find(groups, "58")
    assert find(groups, "23") is group
    assert (group["frame"], group["entity"], group["disputed"]) == ("deaths", "soldier", True)
    assert group["agreement"] == "disputed" and group["conflicts"] == [[0, 1]]
    assert {s["speaker"] for s in group["speakers"]} == {"kestrel's defence ministry", "dovany's army"}


def test_sides_are_different_figures(nlp):
    groups = figures(nlp, "Dovany's army said 23 Dovanian soldiers had died and that its troops had killed "
                          "more than 40 Kestrel soldiers.")
    assert find(groups, "23") is not find(groups, "more than 40")


def test_compatible_figures_from_two_speakers_agree(nlp):
    groups = figures(nlp, "The health ministry said 95 people were killed in the shelling. "
                          "The mayor said about 100 residents were killed.")
    group = find(groups, "95")
    assert find(groups, "about 100") is group
    assert group["entity"] == "person" and not group["disputed"] and group["agreement"] == "agreed"


def test_a_lower_bound_above_the_other_figure_is_disputed(nlp):
    groups = figures(nlp, "The ministry said 1,200 people were evacuated. "
                          "The relief network said more than 3,000 people had been evacuated.")
    group = find(groups, "1,200")
    assert group["frame"] == "displaced" and find(groups, "more than 3,000") is group and group["disputed"]


def test_frames_keep_deaths_and_injuries_apart(nlp):
    groups = figures(nlp, "The army said four soldiers were killed and 11 were wounded.")
    assert find(groups, "four")["frame"] == "deaths"
    wounded = find(groups, "11")
    assert wounded["frame"] == "injuries" and wounded["entity"] == "soldier", "the implicit entity is inherited"


def test_money_is_grouped_by_frame_and_currency_is_not_converted(nlp):
    groups = figures(nlp, "The minister said the government had pledged €5bn. "
                          "The company said it had pledged ¥800bn.")
    group = find(groups, "€5bn")
    assert group["frame"] == "money_pledged" and group["entity"] == "money"
    assert not group["disputed"], "different currencies are not compared"


def test_one_speaker_never_disputes_itself(nlp):
    groups = figures(nlp, "The agency said 21 people had died. Later the agency said 27 people had died.")
    assert not find(groups, "21")["disputed"]


def test_percentages_and_durations_are_not_figures(nlp):
    groups = figures(nlp, "The union said 40% of members had voted after three days of talks.")
    assert all(m["text"] not in ("40%", "three days") for g in groups for m in g["members"])


def test_the_seed_report_has_three_undisputed_figures(nlp):
    groups = figures(nlp, claimattr.example_report())
    assert not any(g["disputed"] for g in groups)
    homes = {find(groups, text)["id"] for text in ("58", "25", "30")}
    assert len(homes) == 3
    assert find(groups, "58")["frame"] == "deaths" and find(groups, "30")["frame"] == "injuries"


def test_figures_survive_a_docbin_round_trip(nlp):
    doc = nlp("Police said 12,000 people took part in the march. Organisers said 50,000 marched.")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))[0]
    assert back._.figures == doc._.figures
    assert json.loads(json.dumps(doc._.figures)) == doc._.figures, "plain JSON data"


def test_the_component_serialises_its_lexicon(nlp, tmp_path):
    grouper = nlp.get_pipe("figure_grouper")
    grouper.to_disk(tmp_path / "fg")
    other = spacy.blank("en").add_pipe("figure_grouper")
    other.from_disk(tmp_path / "fg")
    assert other.lexicon == grouper.lexicon
    assert other.from_bytes(grouper.to_bytes()).lexicon == grouper.lexicon


def test_a_broken_lexicon_fails_naming_the_key(tmp_path):
    data = json.loads(DEFAULT_LEXICON.read_text(encoding="utf8"))
    data["frames"]["deaths"]["counts"] = ["ghosts"]
    path = tmp_path / "frames.json"
    path.write_text(json.dumps(data), encoding="utf8")
    with pytest.raises(LexiconError, match="frames/deaths/counts"):
        read_lexicon(path, LEXICON_SCHEMA)


@pytest.mark.parametrize("a, b, expected", [
    ({"value": 10, "low": 10, "relation": ">="}, {"value": 12}, True),
    ({"value": 100, "relation": "~", "approximate": True}, {"value": 95}, True),
    ({"value": 24, "low": 24, "high": 119, "relation": "~", "approximate": True}, {"value": 40}, True),
    ({"low": 20, "high": 30, "value": 25}, {"value": 25}, True),
    ({"value": 1500, "relation": "~", "approximate": True}, {"value": 1350}, True),
    ({"value": 3000, "low": 3000, "relation": ">"}, {"value": 1200}, False),
    ({"value": 3000, "low": 3000, "relation": ">"}, {"value": 3000}, False),
    ({"value": 300, "relation": "~", "approximate": True}, {"value": 2000, "low": 2000, "relation": ">"}, False),
    ({"value": 41}, {"value": 44}, False),
    ({"value": 12000, "high": 12000, "relation": "<"}, {"value": 12000}, False),
    ({"value": 5000, "high": 5000, "relation": "<="}, {"value": 3800}, True),
])
def test_compatibility_rule(a, b, expected):
    assert compatible(interval(a), interval(b)) is expected


def test_entities_normalise_by_lemma_head_and_modifier():
    rules = FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))
    assert rules.normal_entity("troop") == "soldier"
    assert rules.normal_entity("border guard") == "soldier"
    assert rules.normal_entity("armoured vehicle") == "vehicle"
    assert rules.normal_entity("driver", [("civilian", "civilian")]) == "civilian"
    assert rules.normal_entity("demonstrator") == "protester"
    assert rules.stem("Dovanian") == rules.stem("Dovany") == "dovan"


def test_mentions_without_a_doc_group_by_their_lemmas():
    rules = FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))

    def mention(value, speaker, start):
        quantity = {"text": str(value), "start": start, "end": start + 2, "value": value, "relation": "=",
                    "entity": {"text": "soldiers", "lemma": "soldier"}, "event": {"text": "killed", "lemma": "kill"}}
        return Mention(quantity, 0, speaker, speaker)

    groups = rules.group([mention(58, "kestrel", 0), mention(23, "dovany", 10), mention(23, "dovany", 20)])
    assert len(groups) == 1 and groups[0]["disputed"] and groups[0]["conflicts"] == [[0, 1], [0, 2]]


def test_a_part_given_with_including_is_its_own_figure(nlp):
    groups = figures(nlp, "The army said 30 soldiers were wounded, including 12 soldiers from the border unit. "
                          "The rebels said 80 soldiers were wounded.")
    whole, part = find(groups, "30"), find(groups, "12")
    assert whole is not part and part["part"] and not whole["part"]
    assert find(groups, "80") is whole and whole["disputed"] and not part["disputed"]


def test_a_further_amount_is_not_compared_with_the_first(nlp):
    groups = figures(nlp, "The minister said the fund would lend $3bn and that other lenders had promised a further $1.5bn.")
    assert find(groups, "$3bn") is not find(groups, "$1.5bn") and find(groups, "$1.5bn")["part"]


def test_a_shortened_speaker_name_is_the_speaker_named_before(nlp):
    groups = figures(nlp, "The Marden Disaster Agency said at least 40 people had been killed. "
                          "Later the agency said the toll had risen to 65.")
    group = find(groups, "at least 40")
    assert find(groups, "65") is group
    assert len({m["speaker"] for m in group["members"]}) == 1 and not group["disputed"]


def test_an_acronym_is_the_speaker_it_abbreviates():
    from claimattr.figures.figures_component import antecedent_claim

    earlier = [{"speaker": {"text": "The International Monetary Fund"}}, {"speaker": {"text": "Casteria"}}]
    assert antecedent_claim(earlier, {"text": "The IMF"}) == 0
    assert antecedent_claim(earlier, {"text": "the ministry"}) is None


def test_an_update_without_a_counted_noun_counts_what_it_updates(nlp):
    groups = figures(nlp, "The army said eight soldiers had been killed in the ambush. "
                          "By evening the army said the number killed had risen to 14.")
    group = find(groups, "eight")
    assert find(groups, "14") is group and group["entity"] == "soldier"
    assert [m["superseded"] for m in group["members"]] == [True, False]


def test_a_count_with_no_frame_joins_the_only_figure_of_its_entity(nlp):
    groups = figures(nlp, "The coast guard said 41 crew members had been detained. "
                          "The ship's owner said 44 crew members had been on board.")
    group = find(groups, "41")
    assert find(groups, "44") is group and group["frame"] == "arrests" and group["disputed"]


def test_a_frame_word_as_the_counted_noun_gives_the_frame():
    rules = FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))
    mention = Mention({"text": "Dozens", "start": 0, "end": 6, "low": 24.0, "high": 119.0, "value": 24.0,
                       "entity": {"text": "Rescued", "lemma": "rescued"}}, None, "reporter", "reporter")
    assert rules.frame_of(mention, None, money=False) == "rescued"
    assert rules.stem("Rescued") is None, "a frame word in a headline's capitals names no side"


def test_the_children_among_the_injured_are_a_part_not_a_rival_count(nlp):
    groups = figures(nlp, "The health ministry said 340 people were injured and that 60 of the injured were children. "
                          "The UN said more than 300 people were injured.")
    total, children = find(groups, "340"), find(groups, "60")
    assert children is not total and children["part"] and children["entity"] == "child"
    assert find(groups, "more than 300") is total and not total["disputed"]


def _rules() -> FigureRules:
    return FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))


def _mention(text: str, **words: Any) -> Mention:
    quantity = {"text": text, "start": 0, "end": len(text), "value": 2.0, **words.pop("quantity", {})}
    return Mention(quantity, None, "reporter", "reporter", **words)


def test_a_frame_word_right_after_the_number_wins_over_the_event():
    rules = _rules()
    leaves = _mention("Two", quantity={"entity": {"text": "Dead", "lemma": "dead"}, "event": {"text": "Leaves", "lemma": "leave"}},
                      after=["dead"])
    assert rules.entity_of(leaves, money=False) == (None, False), "the dead are counted, not a noun further on"
    assert rules.frame_of(leaves, None, money=False) == "deaths", "not displaced: 'leave' is weaker than 'dead'"
    confirms = _mention("12", quantity={"event": {"text": "Confirms", "lemma": "confirm"}}, after=["kill", "in", "election"])
    assert rules.frame_of(confirms, None, money=False) == "deaths"


def test_workers_and_employees_are_one_entity_and_strikers_at_a_strike():
    rules = _rules()
    assert rules.normal_entity("worker") == rules.normal_entity("employee") == rules.normal_entity("staff") == "worker"
    assert rules.frame_entities["attendance"]["worker"] == "striker"
    assert rules.normal_entity("worker") != rules.normal_entity("person")


def test_the_doer_of_the_verb_is_not_the_counted_thing():
    rules = _rules()
    headline = _mention("More Than 150", window=[("detain", "Detained"), ("police", "Police")], agents=["police"])
    assert rules.entity_of(headline, money=False) == (None, False), "'Police Detained More Than 150' counts no officers"


def test_n_of_its_x_counts_x_not_a_noun_nearby():
    rules = _rules()
    welcomed = _mention("48", window=[("home", "home"), ("welcome", "welcomed")], after=["of", "its", "fighter", "."])
    assert rules.entity_of(welcomed, money=False) == ("fighter", False)


def test_more_right_after_the_number_is_an_addition():
    rules = _rules()
    assert rules.is_part(_mention("thousands", after=["more", "job", "at", "supplier"]))
    assert not rules.is_part(_mention("1,800", after=["job", "at", "the", "plant"]))


def test_a_count_with_no_place_does_not_join_the_only_place():
    from claimattr.figures.grouping import joins_only_scope

    assert joins_only_scope("dovan", {"kestrel's defence ministry"}), "a named side: yes"
    assert not joins_only_scope("at:tarem", {"health ministry"}), "a national toll is not the city's"
    assert joins_only_scope("own:regional government", {"regional government"})
    assert not joins_only_scope("own:regional government", {"european commission"}), "another donor's own money"


def test_a_trigger_of_the_numbers_own_clause_comes_first(nlp):
    groups = figures(nlp, "The coast guard said 41 crew members had been detained. The foreign minister said the crew "
                          "were being treated well and that 41 sailors were in custody.")
    assert [g["frame"] for g in groups if any(m["text"] == "41" for m in g["members"])] == ["arrests"]
