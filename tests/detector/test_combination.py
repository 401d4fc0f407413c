"""How ``claim_detector`` with ``existing_claims="combine"`` merges a model's claims with its own.

The model's claims are written by hand here (what a trained ``attribution_linker`` would put on
the Doc); the parse comes from the rule pipeline's base, which is all the combination reads.
"""
from __future__ import annotations

from typing import List, Optional

import pytest
import spacy
from spacy.tokens import Doc

from claimattr.detector.combination import combine_claims, has_evidence
from claimattr.detector.extents import closing_narration
from claimattr.schema import Claim, TextSpan
from hand_claims import HandClaims

TEXT = ("Officials have said the port was shut on Monday, adding that ships were waiting. "
        "The union attacked the plan as reckless. Trade made headlines at the port. "
        "The firm is recalling 2,000 heaters, a spokesman confirmed. "
        "The mayor hails the budget, critics say cuts go too deep. "
        "The senator attacked the police chief, blaming him for the delays. "
        "The mayor said the auditors found that costs had doubled. "
        "The manager told the Morning Ledger that the bank would stay. "
        "The mayor urged her staff to come back. "
        "The chief told the union Tuesday that the plant would close. "
        "A second official, who was briefed on the talks, said the port would reopen. "
        "“We live in hard times,” my father often said. "
        "“The board believes the cuts are wrong. Prices will rise,” the chairman said. "
        "The tracks show that the herds moved slowly, according to a study. "
        "According to police, the man died at the scene. "
        "After saying her foot was swollen, the singer was taken to a clinic.")


@pytest.fixture(scope="module")
def doc(nlp) -> Doc:
    return nlp(TEXT)


@pytest.fixture(scope="module")
def lemmas(nlp) -> set:
    return nlp.get_pipe("claim_detector").cue_lemmas


HAND = HandClaims(TEXT)
span, claim = HAND.span, HAND.claim


def cues(claims: List[Claim]) -> List[str]:
    return [c.cue.text for c in claims]


def test_on_a_shared_cue_the_rules_give_cue_and_content_and_the_model_the_speaker(doc, lemmas):
    """"said A, adding B": the model merged two claims; the rules' cue "adding" splits them again."""
    model = [claim("said", "the port was shut on Monday, adding that ships were waiting", speaker="Officials")]
    rules = [claim("have said", "the port was shut on Monday"), claim("adding", "that ships were waiting")]
    said, adding = combine_claims(doc, model, rules, lemmas)
    assert said.content_text == "the port was shut on Monday"
    assert said.cue.text == "have said" and said.speaker.mention.text == "Officials"
    assert adding.content_text == "that ships were waiting"


def test_a_model_source_that_misses_the_subject_before_the_cue_gives_way_to_it(doc, lemmas):
    """The tagger took the relative clause for the source; the parse's subject right before the
    cue ("A second official") is left for the speaker linker to take."""
    model = [claim("said", "the port would reopen", speaker="who was briefed on the talks")]
    rules = [claim("said", "the port would reopen")]
    (said,) = combine_claims(doc, model, rules, lemmas)
    assert said.speaker is None


def test_a_source_the_construction_shows_stands_where_the_model_found_none(doc, lemmas):
    """The rules read the source off the construction (here a relative clause's noun); a model
    claim on the same cue with no source of its own does not erase it."""
    model = [claim("said", "the port would reopen")]
    rules = [claim("said", "the port would reopen", speaker="A second official")]
    (said,) = combine_claims(doc, model, rules, lemmas)
    assert said.speaker is not None and said.speaker.mention.text == "A second official"


def test_a_model_content_that_runs_into_the_speaker_does_not_extend_the_rules(doc, lemmas):
    """Past the closing quote into the tag: the source is never part of what was said."""
    model = [claim("often said", "“We live in hard times,” my father")]
    rules = [claim("often said", "“We live in hard times,”", kind="direct")]
    (said,) = combine_claims(doc, model, rules, lemmas)
    assert said.content_text == "“We live in hard times,”"


def test_a_model_content_that_runs_into_the_source_the_rules_found_does_not_extend_them(doc, lemmas):
    """The speaker of "saying" is the subject of the clause the participle hangs on, not of the
    cue itself: the model read on into that clause, which the content never holds."""
    model = [claim("saying", "her foot was swollen, the singer was taken to a clinic")]
    rules = [claim("saying", "her foot was swollen", speaker="the singer")]
    (saying,) = combine_claims(doc, model, rules, lemmas)
    assert saying.content_text == "her foot was swollen"


def test_a_model_content_never_runs_into_the_clause_its_cues_clause_hangs_on(doc, lemmas):
    """With no source from the rules either: "taken" is the narration "After saying ..." modifies."""
    model = [claim("saying", "her foot was swollen, the singer was taken to a clinic")]
    rules = [claim("saying", "her foot was swollen")]
    (saying,) = combine_claims(doc, model, rules, lemmas)
    assert saying.content_text == "her foot was swollen"


def test_a_model_content_that_extends_the_rules_in_the_same_sentence_wins(doc, lemmas):
    """The rules stopped short of "as reckless"; the model read on within the sentence."""
    model = [claim("attacked", "the plan as reckless", speaker="The union")]
    rules = [claim("attacked", "the plan")]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    assert combined.content_text == "the plan as reckless"


def test_a_comma_the_model_ran_on_to_does_not_replace_the_rules_content(doc, lemmas):
    model = [claim("attacked", "the plan as reckless.", speaker="The union")]
    rules = [claim("attacked", "the plan as reckless")]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    assert combined.content_text == "the plan as reckless"


def test_a_model_content_running_into_an_according_to_source_does_not_replace_the_rules(doc, lemmas):
    """Between "according to" and its content stands the source, never content."""
    model = [claim("According to", "police, the man died at the scene")]
    rules = [claim("According to", "the man died at the scene", kind="according_to")]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    assert combined.content_text == "the man died at the scene"


def test_a_model_content_running_into_the_next_sentence_does_not_replace_the_rules(doc, lemmas):
    model = [claim("attacked", "the plan as reckless. Trade made headlines", speaker="The union")]
    rules = [claim("attacked", "the plan as reckless")]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    assert combined.content_text == "the plan as reckless"


@pytest.fixture(scope="module")
def addressee_verbs(nlp) -> set:
    return nlp.get_pipe("claim_detector").addressee_verbs


@pytest.mark.parametrize("cue, rules_content, model_content", [
    ("told", "that the bank would stay", "the Morning Ledger that the bank would stay"),
    ("told", "that the plant would close", "Tuesday that the plant would close"),
])
def test_a_model_content_that_opens_with_the_cues_addressee_or_adjunct_does_not_win(
        doc, lemmas, addressee_verbs, cue, rules_content, model_content):
    """Who was told, and when, is no part of what was said."""
    model = [claim(cue, model_content, speaker="The manager")]
    rules = [claim(cue, rules_content)]
    (combined,) = combine_claims(doc, model, rules, lemmas, addressee_verbs)
    assert combined.content_text == rules_content


def test_the_object_of_an_addressee_verb_opens_its_infinitive_content(doc, lemmas, addressee_verbs):
    """"urged her staff to come back": the staff are to come back, so they belong to the content."""
    model = [claim("urged", "her staff to come back", speaker="The mayor")]
    rules = [claim("urged", "to come back")]
    (combined,) = combine_claims(doc, model, rules, lemmas, addressee_verbs)
    assert combined.content_text == "her staff to come back"


def test_a_rule_claim_the_model_missed_is_added_and_the_order_follows_the_text(doc, lemmas):
    model = [claim("said", "the port was shut on Monday", speaker="Officials")]
    rules = [claim("adding", "that ships were waiting")]
    assert cues(combine_claims(doc, model, rules, lemmas)) == ["said", "adding"]


def test_a_rule_claim_nested_in_a_model_content_with_another_cue_is_dropped(doc, lemmas):
    """"said the auditors found that ...": a report inside what was said is part of its content."""
    model = [claim("said", "the auditors found that costs had doubled", speaker="The mayor")]
    rules = [claim("found", "that costs had doubled")]
    assert cues(combine_claims(doc, model, rules, lemmas)) == ["said"]


def test_a_model_claim_on_a_lexicon_cue_is_kept(doc, lemmas):
    model = [claim("said", "the port was shut on Monday", speaker="Officials")]
    assert combine_claims(doc, model, [], lemmas) == model


def test_a_model_claim_whose_source_is_the_subject_of_its_cue_is_kept(doc, lemmas):
    """"attack" is not a reporting verb of the lexicon, but the union is its subject: a position."""
    model = [claim("attacked", "the plan as reckless", speaker="The union")]
    assert has_evidence(doc, model[0], lemmas)
    assert combine_claims(doc, model, [], lemmas) == model


def test_a_subject_is_no_evidence_on_a_verb_the_training_data_almost_never_makes_a_cue(doc, lemmas):
    """With "attack" among the rarely reporting verbs, the union being its subject no longer
    shows that anybody said anything: only the model found it, so it goes."""
    model = [claim("attacked", "the plan as reckless", speaker="The union")]
    assert not has_evidence(doc, model[0], lemmas, {"attack"})
    assert combine_claims(doc, model, [], lemmas, rarely_reporting={"attack"}) == []


def test_the_shipped_rarely_reporting_verbs_are_ordinary_verbs(nlp):
    """Counted on the training data (training/rarely_reporting_verbs.py): verbs of doing, never a
    reporting verb of the lexicon nor a verb of attacking or criticising."""
    rarely = nlp.get_pipe("claim_detector").rarely_reporting
    assert {"go", "carry", "attach"} <= rarely
    assert not {"say", "attack", "criticize", "blast", "praise"} & rarely


def test_a_model_claim_on_an_ordinary_verb_without_a_source_is_dropped(doc, lemmas):
    """"Trade made headlines": nothing says anybody said anything."""
    model = [claim("made", "headlines at the port")]
    assert not has_evidence(doc, model[0], lemmas)
    assert combine_claims(doc, model, [], lemmas) == []


def test_a_quoted_model_claim_needs_no_other_evidence(doc, lemmas):
    quoted = claim("made", "headlines at the port", kind="direct")
    assert has_evidence(doc, quoted, lemmas)



@pytest.mark.parametrize("text,cue,rule_content,model_content,kept", [
    ("The firm, which says it has 400,000 customers, was bought last year by Vornholt.", "says",
     "it has 400,000 customers", "it has 400,000 customers, was bought last year by Vornholt", "rule"),
    # a coordinator after the clause may go on with what was said, wherever the parser hangs it
    ("The listeners who said they had misgivings about her, but could not bear to insult him, called in.", "said",
     "they had misgivings about her", "they had misgivings about her, but could not bear to insult him", "model"),
])
def test_a_model_content_never_runs_out_of_the_relative_clause_its_cue_heads(nlp, lemmas, text, cue, rule_content,
                                                                              model_content, kept):
    """"The firm, which says it has 400,000 customers, | was bought": the main clause resumes with
    its verb after the relative clause, and the rules' content stands."""
    hand = HandClaims(text)
    (combined,) = combine_claims(nlp(text), [hand.claim(cue, model_content)], [hand.claim(cue, rule_content)], lemmas)
    assert combined.content_text == (rule_content if kept == "rule" else model_content)


def test_a_model_cue_on_a_word_of_a_name_reports_nothing_even_over_a_quote(doc, lemmas):
    """"told the Morning *Ledger* that ...": the tagger read the outlet's last word as the cue and
    its first as the source; the rules' "told" claim stands, the model's goes."""
    model = [claim("Ledger", "that the bank would stay", speaker="Morning", kind="mixed")]
    rules = [claim("told", "that the bank would stay", speaker="The manager")]
    assert not has_evidence(doc, model[0], lemmas)
    (kept,) = combine_claims(doc, model, rules, lemmas)
    assert (kept.cue.text, kept.speaker.mention.text) == ("told", "The manager")


def test_a_model_cue_on_a_time_expression_reports_nothing_even_over_a_quote(doc, lemmas):
    """"told the union *Tuesday* that ...": the tagger read the adjunct between the verb and its
    content as the cue; the rules' "told" claim stands, the model's goes."""
    model = [claim("Tuesday", "that the plant would close", kind="mixed")]
    rules = [claim("told", "that the plant would close", speaker="The chief")]
    assert not has_evidence(doc, model[0], lemmas)
    (kept,) = combine_claims(doc, model, rules, lemmas)
    assert (kept.cue.text, kept.speaker.mention.text) == ("told", "The chief")


def test_a_model_claim_on_a_sentence_another_claim_reports_is_dropped(doc, lemmas):
    """"“The board believes the cuts are wrong. Prices will rise,” the chairman said": both found
    the chairman's claim, and the model also tagged the quoted sentence's verb as if it stood
    alone; the chairman's quotation reports that sentence."""
    quotation = claim("said", "The board believes the cuts are wrong. Prices will rise", kind="direct")
    model = [quotation, claim("believes", "the cuts are wrong", speaker="The board")]
    assert cues(combine_claims(doc, model, [quotation], lemmas)) == ["said"]
    assert cues(combine_claims(doc, model[1:], [], lemmas)) == ["believes"]


def test_a_model_claim_dropped_for_want_of_evidence_does_not_shadow_a_rule_claim(doc, lemmas):
    """Model and rules disagree on the cue of the same content; without evidence the model's goes."""
    model = [claim("made", "headlines at the port")]
    rules = [claim("attacked", "headlines at the port")]
    assert cues(combine_claims(doc, model, rules, lemmas)) == ["attacked"]


def test_a_rule_claim_overlapping_a_kept_model_claim_with_another_cue_is_dropped(doc, lemmas):
    model = [claim("attacked", "the plan as reckless", speaker="The union")]
    rules = [claim("made", "the plan")]
    assert cues(combine_claims(doc, model, rules, lemmas)) == ["attacked"]


def test_a_model_claim_on_the_event_inside_a_rule_content_gives_way_to_the_report(doc, lemmas):
    """"The firm is recalling heaters, a spokesman confirmed": the model took the recall for the
    attribution; the report around it is the rules' "confirmed"."""
    model = [claim("is recalling", "2,000 heaters", speaker="The firm")]
    rules = [claim("confirmed", "The firm is recalling 2,000 heaters")]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    assert combined.cue.text == "confirmed"
    assert combined.content_text == "The firm is recalling 2,000 heaters"


def test_a_report_the_rules_found_too_stays_under_the_according_to_claim_that_reports_it(doc, lemmas):
    """"The tracks show that ..., according to a study": the study reports what the tracks show;
    both are claims, unlike the model's event in "The firm is recalling heaters"."""
    model = [claim("show", "that the herds moved slowly,", speaker="The tracks")]
    rules = [claim("show", "that the herds moved slowly"),
             claim("according to", "The tracks show that the herds moved slowly", kind="according_to")]
    show, according = combine_claims(doc, model, rules, lemmas)
    assert (show.cue.text, show.content_text) == ("show", "that the herds moved slowly")
    assert according.cue.text == "according to"


def test_a_headline_rule_content_over_another_cue_does_not_replace_the_model_claim(doc, lemmas):
    """A headline with two cues is two claims: the rules' content ran over the second one."""
    model = [claim("say", "cuts go too deep", speaker="critics")]
    rules = [claim("hails", "the budget, critics say cuts go too deep", kind="headline")]
    assert cues(combine_claims(doc, model, rules, lemmas)) == ["say"]


def test_a_model_source_running_over_a_headlines_colon_gives_way_to_the_colon_tag(nlp, lemmas):
    """"Rescue chief: alerts are “crying wolf”": the model's source ran over the rules' cue, the
    colon, to a verb of the content; it misread the same headline, and the rules' claim stands."""
    text = "Rescue chief: alerts are “crying wolf” on ski slopes\nThe alerts flood emergency lines."
    hand = HandClaims(text)
    model = [hand.claim("are", "“crying wolf” on ski slopes", speaker="Rescue chief: alerts", kind="mixed")]
    rules = [hand.claim(":", "alerts are “crying wolf” on ski slopes", speaker="Rescue chief", kind="headline")]
    (kept,) = combine_claims(nlp(text), model, rules, lemmas)
    assert (kept.cue.text, kept.kind) == (":", "headline")


def test_a_second_report_the_model_ran_into_splits_its_content(doc, lemmas):
    """"attacked X, blaming him for Y": the model read one claim; the rules' participle cue hangs
    on the model's cue, so the model's content stops before it and both claims stay."""
    model = [claim("attacked", "the police chief, blaming him for the delays", speaker="The senator")]
    rules = [claim("blaming", "him for the delays")]
    attacked, blaming = combine_claims(doc, model, rules, lemmas)
    assert (attacked.cue.text, attacked.content_text) == ("attacked", "the police chief")
    assert (blaming.cue.text, blaming.content_text) == ("blaming", "him for the delays")


def cues_after_combining(nlp, text: str, model_cue: str, model_content: str) -> List[str]:
    """The cues the combining detector keeps when a model tagged one claim (cue, content: first occurrences)."""
    doc = nlp(text)
    start, content_start = text.index(model_cue), text.index(model_content)
    doc._.claims = [Claim(kind="indirect", cue=TextSpan(model_cue, start, start + len(model_cue)),
                          content=[TextSpan(model_content, content_start, content_start + len(model_content))])]
    detector = spacy.blank("en").add_pipe("claim_detector", config={"existing_claims": "combine"})
    return cues(detector(doc)._.claims)


def test_a_model_cue_that_is_the_subject_of_its_own_content_is_no_evidence(nlp):
    """"Clinton's statements to the FBI don't mean much": the statements are what the sentence is
    about; nothing is reported, although "statement" is a cue noun."""
    text = "Her statements to the FBI mean little, because she was never under oath."
    assert cues_after_combining(nlp, text, "statements", "mean little") == []


def test_a_model_cue_that_is_the_subject_of_be_says_what_follows_be(nlp):
    text = "His promise to voters was that taxes would not rise."
    assert cues_after_combining(nlp, text, "promise", "that taxes would not rise") == ["promise"]


def test_a_relative_clause_is_no_part_of_the_no_comment_formula(nlp):
    text = "The senator confirmed emails in which he commented on the case."
    assert "confirmed" in cues_after_combining(nlp, text, "confirmed", "emails")


def test_a_model_claim_on_an_anonymity_formula_is_dropped(nlp):
    """A trained model may tag "asked not to be named" as the cue of the reason that follows."""
    text = "The plant will close, said a manager, who asked not to be named because talks were private."
    assert cues_after_combining(nlp, text, "asked not to be named", "because talks were private") == ["said"]


@pytest.mark.parametrize("content", ["a request for comment", "repeated calls seeking comment"])
def test_not_answering_a_request_for_comment_is_no_claim(nlp, content):
    """The object of "did not respond to" is here the reporter's request, not something the firm said."""
    text = f"Falk Foods did not respond to {content}."
    assert cues_after_combining(nlp, text, "did not respond to", content) == []


@pytest.mark.parametrize("tagged", ["a", "a request"])
def test_a_request_for_comment_the_model_cut_short_is_still_no_claim(nlp, tagged):
    """The tagger stopped inside the formula; the noun phrase it started is read whole."""
    text = "Corvus did not respond to a request for comment on the report."
    assert cues_after_combining(nlp, text, "did not respond to", tagged) == []


@pytest.mark.parametrize("participle", ["Asked", "Pressed"])
def test_a_question_put_to_the_speaker_is_no_claim_of_theirs(nlp, participle):
    """"Asked whether ..., she replied": the question is the reporter's; only the answer is her claim,
    even when a trained model tagged the participle as a cue."""
    text = f"{participle} whether she had any regrets, the coach replied that she had none."
    assert cues_after_combining(nlp, text, participle, "whether she had any regrets") == ["replied"]


def test_a_question_with_its_auxiliary_is_left_to_the_detector(nlp):
    """"She was asked whether ..." is not the opening participle: the rule leaves it alone."""
    text = "She was asked whether she had any regrets."
    assert cues_after_combining(nlp, text, "was asked", "whether she had any regrets") == ["was asked"]


def test_a_model_content_running_into_a_sentence_with_its_own_tag_stops_before_it(nlp, lemmas):
    """"... to ratepayers. Those talks are continuing, he said.": the second sentence is his own
    report, found by the rules; the model's content of the first one ran on into it."""
    text = "The owner hopes that states will let utilities pass the costs to ratepayers. Those talks are continuing, he said."
    hand = HandClaims(text)
    model = [hand.claim("hopes", "that states will let utilities pass the costs to ratepayers. Those talks are continuing",
                        speaker="The owner")]
    rules = [hand.claim("said", "Those talks are continuing")]
    hopes, said = combine_claims(nlp(text), model, rules, lemmas)
    assert hopes.content_text == "that states will let utilities pass the costs to ratepayers"
    assert said.content_text == "Those talks are continuing"



def test_a_quotation_after_a_claim_with_its_own_tag_is_the_tags_claim_alone(nlp, lemmas):
    """"Coach Lena Brandt disagreed. “It was a clear penalty,” she said.": a quotation after a
    claim goes on with it only while nobody else is said to say it; here the rules found its own
    tag, and the model's claim, all of whose content was that quotation, has nothing left."""
    text = "Eastmoor coach Lena Brandt disagreed. “It was a clear penalty. He never touches the ball,” she said."
    hand = HandClaims(text)
    model = [hand.claim("disagreed", "“It was a clear penalty. He never touches the ball,”", speaker="Eastmoor coach Lena Brandt")]
    rules = [hand.claim("said", "“It was a clear penalty. He never touches the ball,”", speaker="she")]
    (said,) = combine_claims(nlp(text), model, rules, lemmas)
    assert (said.cue.text, said.speaker.mention.text) == ("said", "she")


def test_a_claim_whose_content_starts_in_its_own_sentence_keeps_a_later_tagged_quotation_apart(nlp, lemmas):
    """Only a model content that lies all in later sentences gives way: one that starts in its
    cue's sentence is cut before the tagged sentence instead (see above)."""
    text = "The coach argued the referee was wrong. “It was a clear penalty,” she said."
    hand = HandClaims(text)
    model = [hand.claim("argued", "the referee was wrong. “It was a clear penalty,”", speaker="The coach")]
    rules = [hand.claim("said", "“It was a clear penalty,”", speaker="she")]
    first, second = combine_claims(nlp(text), model, rules, lemmas)
    assert (first.content_text, second.content_text) == ("the referee was wrong", "“It was a clear penalty,”")

SPEAKER_TEXT = ("The board of the paint maker has rejected the offer from its rival Brandt Industrial, "
                "saying the bid undervalues the company. "
                "The 2019 report had rated the bridge as poor and recommended that it be replaced by 2030. "
                "Rendell said he had battled three bouts of pneumonia and called it a common ailment. "
                "The chair of the judges, the broadcaster Alan MacLeod, said the panel had agreed. "
                "The town's mayor, Anna Lindqvist, wants the government to pay for retraining. "
                "Anna Berg, the port's director, wants the tolls cut. "
                "Tore Aasen, who covers the sector for Fjord Securities, said the warning was a bad sign.")
SPEAKER_HAND = HandClaims(SPEAKER_TEXT)


@pytest.fixture(scope="module")
def speaker_doc(nlp) -> Doc:
    return nlp(SPEAKER_TEXT)


def combined_speaker(doc: Doc, lemmas: set, cue: str, content: str, model_speaker: str) -> Optional[str]:
    """The speaker mention left on the one claim both detectors found, the model naming
    ``model_speaker``; None where it is left to the speaker linker."""
    model = [SPEAKER_HAND.claim(cue, content, speaker=model_speaker)]
    rules = [SPEAKER_HAND.claim(cue, content)]
    (combined,) = combine_claims(doc, model, rules, lemmas)
    return combined.speaker.mention.text if combined.speaker is not None else None


@pytest.mark.parametrize("cue, content, model_speaker", [
    ("saying", "the bid undervalues the company", "Brandt Industrial"),
    ("recommended", "that it be replaced by 2030", "the bridge"),
])
def test_a_model_source_that_misses_the_subject_a_participle_or_conjunct_shares_gives_way(
        speaker_doc, lemmas, cue, content, model_speaker):
    """"The board ... has rejected the offer ..., saying ...": the participle (or the second of
    two coordinated verbs) has no subject of its own and shares its head's, so a model source
    elsewhere is left for the speaker linker, which takes that subject."""
    assert combined_speaker(speaker_doc, lemmas, cue, content, model_speaker) is None


def test_a_noun_of_the_quotation_the_cue_closes_is_no_subject_the_model_missed(nlp, lemmas):
    """"“..., teams sprayed every neighbourhood ...,” said Tran Van Minh": the parser makes
    "teams" the subject of "said"; a closing quotation mark stands between them, so the model's
    source after the cue stays."""
    quote = "\u201cWhen I started working here, teams sprayed every neighbourhood twice a year,\u201d"
    source = "Tran Van Minh, a paediatrician at the children's hospital"
    hand = HandClaims(f"{quote} said {source}.")
    model = [hand.claim("said", quote, speaker=source, kind="direct")]
    rules = [hand.claim("said", quote, kind="direct")]
    (said,) = combine_claims(nlp(hand.text), model, rules, lemmas)
    assert said.speaker is not None and said.speaker.mention.text == source


def test_a_conjunct_on_the_verb_of_a_reported_clause_shares_no_subject(speaker_doc, lemmas):
    """"Rendell said he had battled ... and called it ...": the parser hangs "called" on the
    reported verb, whose subject "he" is not a subject the cue shares; the model's source stays."""
    assert combined_speaker(speaker_doc, lemmas, "called", "it a common ailment", "Rendell") == "Rendell"


@pytest.mark.parametrize("cue, content, model_speaker", [
    ("said", "the panel had agreed", "The chair of"),
    ("wants", "the government to pay for retraining", "The town's mayor"),
])
def test_a_model_source_cut_short_or_short_of_its_apposition_gives_way(speaker_doc, lemmas, cue, content, model_speaker):
    """A source ending on a preposition was cut short by the tagger; one that stops before its
    apposition leaves out the name ("The town's mayor, Anna Lindqvist, wants"). Both are left for
    the speaker linker, which takes the whole phrase."""
    assert combined_speaker(speaker_doc, lemmas, cue, content, model_speaker) is None


def test_a_model_source_running_over_a_clause_gives_way(speaker_doc, lemmas):
    """A source is a noun phrase: one that takes in a finite verb ("Tore Aasen, who covers the
    sector for Fjord Securities,") ran over a clause, and the rules' reading of the parse stands."""
    model_speaker = "Tore Aasen, who covers the sector for Fjord Securities,"
    assert combined_speaker(speaker_doc, lemmas, "said", "the warning was a bad sign", model_speaker) is None


def test_a_name_with_its_description_after_it_keeps_the_model_source(speaker_doc, lemmas):
    """"Anna Berg, the port's director, wants": the name is the source; its apposition only describes."""
    assert combined_speaker(speaker_doc, lemmas, "wants", "the tolls cut", "Anna Berg") == "Anna Berg"


@pytest.mark.parametrize("opener", ["That said", "Having said that"])
def test_a_connective_with_a_reporting_verb_is_no_claim(nlp, extract, opener):
    """"That said, rivals fared little better": a connective opening the sentence before a comma
    (lexicon ``discourse_openers``) reports nothing, found by the rules or tagged by a model."""
    text = f"Sales fell 8 percent. {opener}, rivals have fared little better this year."
    assert cues_after_combining(nlp, text, "said", "rivals have fared little better this year") == []
    assert extract(text) == []


NARRATED = "The regulator said the bank had broken lending rules, which the bank denied."


def test_a_rule_report_in_the_narration_closing_a_model_content_is_no_rival_of_it(nlp, lemmas):
    """", which the bank denied" closes the content as the writer's narration (the content loses
    it), so the denial the rules found is kept beside the regulator's claim."""
    hand = HandClaims(NARRATED)
    model = [hand.claim("said", "the bank had broken lending rules, which the bank denied", speaker="The regulator")]
    rules = [hand.claim("said", "the bank had broken lending rules, which the bank denied"), hand.claim("denied", "which")]
    narrated = nlp(NARRATED)
    without = combine_claims(narrated, model, rules, lemmas)
    kept = combine_claims(narrated, model, rules, lemmas, narration=lambda start, end: closing_narration(narrated, start, end))
    assert cues(without) == ["said"] and cues(kept) == ["said", "denied"]
