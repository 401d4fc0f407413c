"""The last step of ``claim_detector``: cue and content extents tidied for every claim, whoever
found it (``detector/extents.py``).

Claims are written by hand (what a trained tagger may put on the Doc); the parse comes from the
rule pipeline's base. Every sentence was written for these tests.
"""
from __future__ import annotations

from dataclasses import replace
import pytest
from spacy.tokens import Doc

from claimattr.detector.extents import (
    TidyLexicon,
    tidy_claims,
    with_linking_preposition,
    with_relative_pronoun_source,
    without_other_claims,
    without_dangling_conjunction,
    without_time_of_saying,
    without_own_parts,
    without_passive_subject,
    with_patient_in_content,
    with_refusal_cue,
    with_joined_pieces,
    without_addressee_in_cue,
    without_addressee_name,
    without_closing_medium,
    without_closing_relative_clause,
    without_coordinated_report,
    without_reporting_tag,
    without_duration_in_cue,
    without_earlier_headline_statement,
    with_whole_noun_phrases,
    with_inverted_colon_tag,
    with_whole_verb,
    within_noun_phrase,
    within_verb_object,
)
from claimattr.schema import Claim, Speaker, TextSpan
from hand_claims import HandClaims

TEXT = ("The union called for a four-day week. "
        "Residents complained about the noise from the new runway. "
        "The airline said on Friday that flights would resume. "
        "“We are ready,” the captain said. "
        "The treasurer was accused of hiding the losses. "
        "The minister was quoted as saying that talks had failed. "
        "The bill was backed by the Farm Bureau, which said it would protect small growers. "
        "Jeremy Fox, a fan who says the club must spend, said the coach would stay. "
        "Asked about the fees, the mayor said they would fall. "
        "The plan was praised by the mayor as a model for the region. "
        "“The market was braced for a trim,” wrote the analyst Tom Feeney in a note to clients. "
        "The striker seems to have lost his place in the side. "
        "The mayor openly admires the new budget.")


@pytest.fixture(scope="module")
def doc(nlp) -> Doc:
    return nlp(TEXT)


HAND = HandClaims(TEXT)
span, claim = HAND.span, HAND.claim


def test_a_content_loses_the_cue_words_a_tagger_ran_it_over(doc):
    tagged = claim("called for", "for a four-day week", speaker="The union")
    assert without_own_parts(doc, tagged).content_text == "a four-day week"


def test_a_content_does_not_end_with_the_conjunction_that_opens_the_next_clause(nlp):
    """A tagger often runs one token on: "... would rise -- and" stops at "rise"."""
    text = "The treasurer said the costs would rise \u2014 and the mayor agreed with him."
    tagged = HandClaims(text).claim("said", "the costs would rise \u2014 and", speaker="The treasurer")
    assert without_dangling_conjunction(nlp(text), tagged).content_text == "the costs would rise"


@pytest.mark.parametrize("text, tagged, expected", [
    ("The coach said last week he hoped to win the cup.", "last week he hoped to win the cup", "he hoped to win the cup"),
    ("The firm said on Monday it would close two plants.", "on Monday it would close two plants", "it would close two plants"),
    ("The firm said that on Monday it would close two plants.", "that on Monday it would close two plants",
     "that on Monday it would close two plants"),
])
def test_the_time_of_saying_right_after_the_cue_is_no_part_of_the_content(nlp, text, tagged, expected):
    """Straight after the cue and before a clause without "that", a date says when it was said."""
    claim_ = HandClaims(text).claim("said", tagged)
    assert without_time_of_saying(nlp(text), claim_).content_text == expected


def test_the_name_of_the_cues_object_is_no_part_of_the_content(nlp):
    """"told the newspaper Jornal do Douro that ...": the parser read the name's "do" as the
    reported verb; what was said starts at "that"."""
    text = "Its president, Carlos Teixeira, told the newspaper Jornal do Douro that holiday lets were a villain."
    claim_ = HandClaims(text).claim("told", "Jornal do Douro that holiday lets were a villain")
    assert without_addressee_name(nlp(text), claim_).content_text == "that holiday lets were a villain"


@pytest.mark.parametrize("text, cue, content, expected_cue, expected_content", [
    ("A spokesman declined to say whether the chief would resign.", "to say", "whether the chief would resign",
     "declined to say", "whether the chief would resign"),
    ("She has repeatedly refused to confirm that the talks took place.", "has repeatedly refused",
     "to confirm that the talks took place", "has repeatedly refused to confirm", "that the talks took place"),
    ("He refused to sign the bill.", "refused", "to sign the bill", "refused", "to sign the bill"),
])
def test_a_refusal_to_report_is_one_cue_with_the_report(nlp, text, cue, content, expected_cue, expected_content):
    """"declined to say | whether ...": what is refused is a report, and the refusal is part of its
    cue; refusing an act that reports nothing ("to sign the bill") keeps the act as content."""
    tagged = HandClaims(text).claim(cue, content)
    tidied = with_refusal_cue(nlp(text), tagged, {"decline", "refuse"}, {"say", "confirm", "refuse"})
    assert (tidied.cue.text, tidied.content_text) == (expected_cue, expected_content)


def test_the_medium_of_saying_hung_on_the_clause_is_no_part_of_the_content(nlp):
    """"said | in a statement | it accepted ...": the parser hangs the phrase on the clause, but a
    statement-host preposition with a cue noun says where it was said, and it is no linking
    preposition of the cue either (it does not depend on the cue)."""
    text = "The club said in a statement it accepted all nine of the panel's recommendations."
    tagged = HandClaims(text).claim("said", "in a statement it accepted all nine of the panel's recommendations")
    doc = nlp(text)
    assert with_linking_preposition(doc, tagged) == tagged
    tidied = without_time_of_saying(doc, tagged, {"in"}, {"statement"})
    assert tidied.content_text == "it accepted all nine of the panel's recommendations"


def test_a_date_that_a_tagger_put_at_the_start_of_the_content_leaves_it(nlp):
    """"insisted on | Saturday that ...": the date is the object of the cue's own "on"."""
    text = "The coach insisted on Saturday that he would not resign."
    tagged = HandClaims(text).claim("insisted", "Saturday that he would not resign")
    assert without_time_of_saying(nlp(text), tagged).content_text == "that he would not resign"


def test_a_conjunction_inside_a_content_stays(nlp):
    text = "The treasurer said the costs and the fees would rise."
    tagged = HandClaims(text).claim("said", "the costs and the fees would rise", speaker="The treasurer")
    assert without_dangling_conjunction(nlp(text), tagged) == tagged


def test_a_content_loses_its_source_at_the_edge(doc):
    tagged = claim("complained", "Residents complained about the noise", speaker="Residents")
    tidied = without_own_parts(doc, tagged)
    assert not tidied.content_text.startswith("Residents")


def test_a_piece_that_is_only_a_stray_quotation_mark_goes(doc):
    """“We are ready,”: a piece holding just the opening mark is no content."""
    start = TEXT.index("“We are ready")
    stray = TextSpan("“", start, start + 1)
    tagged = replace(claim("said", "We are ready", speaker="the captain", kind="direct"),
                     content=[stray, span("We are ready")])
    assert [piece.text for piece in without_own_parts(doc, tagged).content] == ["We are ready"]


def test_a_quotation_mark_standing_for_the_cue_stays_in_its_quotation(doc):
    floating = claim("“", "“We are ready,”", kind="direct")
    assert without_own_parts(doc, floating) == floating


def test_the_preposition_linking_cue_and_content_joins_the_cue(doc):
    bare = claim("complained", "the noise from the new runway", speaker="Residents")
    assert with_linking_preposition(doc, bare).cue.text == "complained about"


def test_a_linking_preposition_that_opens_the_content_moves_to_the_cue(nlp):
    """A headline's content runs to its edge: "Retailers warn | of price rises" -> "warn of"."""
    text = "Retailers warn of price rises\nShops said prices would rise.\n"
    tidied = with_linking_preposition(nlp(text), HandClaims(text).claim("warn", "of price rises", kind="headline"))
    assert (tidied.cue.text, tidied.content_text) == ("warn of", "price rises")


@pytest.mark.parametrize("cue", ["declined to comment", "declined to comment on"])
def test_a_refusal_keeps_the_preposition_naming_its_topic_in_the_content(nlp, cue):
    """Guidelines section 3: "declined to comment on casualty figures" -> content "on casualty figures"."""
    text = "A spokesman declined to comment on the report.\n"
    tidied = with_linking_preposition(nlp(text), HandClaims(text).claim(cue, "the report", speaker="A spokesman"),
                                      topic_preps={"comment": {"on"}}, refusals={"decline", "refuse"})
    assert (tidied.cue.text, tidied.content_text) == ("declined to comment", "on the report")


def test_a_refusal_names_no_topic_with_another_preposition(nlp):
    """"declined to comment | to Reuters": who was asked is no topic; the preposition joins the cue as any other."""
    text = "A spokesman declined to comment to Reuters.\n"
    tidied = with_linking_preposition(nlp(text), HandClaims(text).claim("declined to comment", "Reuters", speaker="A spokesman"),
                                      topic_preps={"comment": {"on"}}, refusals={"decline", "refuse"})
    assert tidied.content_text == "Reuters"


def test_adjuncts_between_cue_and_content_stay_out_of_the_cue(doc):
    """"said on Friday that ...": "on" heads a time adjunct, not the content."""
    said = claim("said", "that flights would resume", speaker="The airline")
    assert with_linking_preposition(doc, said).cue.text == "said"


def test_tidy_claims_applies_the_rules_to_every_claim(doc):
    tagged = [claim("called for", "for a four-day week", speaker="The union"),
              claim("complained", "the noise from the new runway", speaker="Residents")]
    assert [(c.cue.text, c.content_text) for c in tidy_claims(doc, tagged)] == [
        ("called for", "a four-day week"), ("complained about", "the noise from the new runway")]


def test_the_passive_subject_of_a_cue_is_not_its_source(doc):
    """The treasurer is accused, not accusing: the accuser is unnamed."""
    accused = claim("was accused of", "hiding the losses", speaker="The treasurer")
    assert without_passive_subject(doc, accused, {"quote"}).speaker is None


def test_the_subject_understood_with_a_participle_cue_is_not_its_source(doc):
    """"Asked about the fees, the mayor said ...": the mayor was asked; who asked is unnamed."""
    asked = claim("Asked about", "the fees", speaker="the mayor")
    assert without_passive_subject(doc, asked, {"quote"}).speaker is None


def test_the_agent_of_a_passive_cue_is_its_source(doc):
    mayor = span("the mayor", TEXT.index("praised by"))
    praised = Claim(kind="indirect", cue=span("was praised"), content=[span("as a model for the region")],
                    speaker=Speaker(mention=mayor, name="mayor"))
    assert without_passive_subject(doc, praised, {"quote"}) == praised


def test_a_quoted_speaker_is_the_source_of_a_passive_cue(doc):
    quoted = claim("was quoted as saying", "that talks had failed", speaker="The minister")
    assert without_passive_subject(doc, quoted, {"quote"}) == quoted


def test_in_a_relative_clause_the_source_is_the_relative_pronoun(doc):
    said = claim("said", "it would protect small growers", speaker="the Farm Bureau")
    assert with_relative_pronoun_source(doc, said).speaker.mention.text == "which"


def test_a_relative_clause_claim_without_a_source_gets_its_pronoun(doc):
    said = claim("said", "it would protect small growers")
    assert with_relative_pronoun_source(doc, said).speaker.mention.text == "which"


def test_a_source_is_cut_before_the_clause_that_carries_another_claim(doc):
    """"Jeremy Fox, a fan who says ..., said ...": two claims; the second one's source keeps its
    apposition but not the relative clause with the first one's cue."""
    says = claim("says", "the club must spend", speaker="who")
    said = claim("said", "the coach would stay", speaker="Jeremy Fox, a fan who says the club must spend")
    cues = {token.i for token in says.cue.to_span(doc)}
    assert without_other_claims(doc, said, cues).speaker.mention.text == "Jeremy Fox, a fan"


def test_a_source_ends_with_its_noun_phrase_not_with_the_cue_adjunct(doc):
    wrote = claim("wrote", "“The market was braced for a trim,”", kind="direct",
                  speaker="the analyst Tom Feeney in a note to clients")
    assert within_noun_phrase(doc, wrote).speaker.mention.text == "the analyst Tom Feeney"


def test_a_source_keeps_what_the_parse_attaches_to_its_noun(doc):
    said = claim("said", "the coach would stay", speaker="Jeremy Fox, a fan")
    assert within_noun_phrase(doc, said) == said


def test_the_subject_of_a_passive_cue_opens_its_content(doc):
    """"The treasurer | was accused of | hiding the losses": what is reported is about the subject."""
    accused = claim("was accused of", "hiding the losses")
    tidied = with_patient_in_content(doc, accused, {"quote"}, {"seem"})
    assert [piece.text for piece in tidied.content] == ["The treasurer", "hiding the losses"]
    assert tidied.speaker is None


def test_the_subject_of_a_raising_verb_opens_its_content_and_is_no_source(doc):
    seems = claim("seems", "to have lost his place in the side", speaker="The striker")
    tidied = with_patient_in_content(doc, seems, {"quote"}, {"seem"})
    assert [piece.text for piece in tidied.content] == ["The striker", "to have lost his place in the side"]
    assert tidied.speaker is None


def test_a_quoted_speaker_stays_the_source_of_a_passive_cue(doc):
    quoted = claim("was quoted as saying", "that talks had failed", speaker="The minister")
    assert with_patient_in_content(doc, quoted, {"quote"}, {"seem"}) == quoted


def test_a_cue_that_stops_at_an_adverb_runs_on_to_its_verb(doc):
    tagged = claim("openly", "the new budget", speaker="The mayor")
    assert with_whole_verb(doc, tagged).cue.text == "openly admires"


def test_the_detector_returns_tidied_claims(nlp):
    claims = nlp("Residents complained about the noise from the new runway.")._.claims
    assert [(c.cue.text, c.content_text) for c in claims] == [("complained about", "the noise from the new runway")]


@pytest.mark.parametrize("text, tagged, expected", [
    ("The senator criticised his early-morning tweets.", "his early", "his early-morning tweets"),
    ("The coach praised the young players.", "the", "the young players"),
    ("The coach praised the young players.", "the young players", "the young players"),
])
def test_a_content_that_stops_inside_a_noun_phrase_runs_on_to_its_noun(nlp, text, tagged, expected):
    """A phrase is said whole: a tagger's content that ends on a determiner or modifier takes in
    the noun it belongs to."""
    claim_ = HandClaims(text).claim(text.split()[2], tagged)
    assert with_whole_noun_phrases(nlp(text), claim_).content_text == expected


def test_a_content_never_runs_on_over_punctuation_into_a_name(nlp):
    """A quote signed with a dash ("...,” ― Ana Ruiz") keeps the name out of the content."""
    text = "“We want a fair deal for every worker.”― Ana Ruiz"
    tagged = HandClaims(text).claim("―", "We want a fair deal for every worker.”―")
    assert with_whole_noun_phrases(nlp(text), tagged) == tagged


def test_content_pieces_with_only_space_between_them_are_one_piece(nlp):
    text = "The mayor backed her proposals to increase bus services."
    tagged = HandClaims(text).claim("backed", "her proposals", "to increase bus services")
    joined = with_joined_pieces(nlp(text), tagged)
    assert [piece.text for piece in joined.content] == ["her proposals to increase bus services"]


def test_content_pieces_apart_stay_apart(nlp):
    text = "“Prices will fall,” the minister said, “but not this year.”"
    tagged = HandClaims(text).claim("said", "Prices will fall,", "but not this year.")
    assert with_joined_pieces(nlp(text), tagged) == tagged


@pytest.mark.parametrize("text, tagged, expected", [
    ("The firm said it had offered a pay rise, which the union had rejected.",
     "it had offered a pay rise, which the union had rejected", "it had offered a pay rise"),
    ("The agency warned that ash could reach the valleys, where 14,000 people live.",
     "that ash could reach the valleys, where 14,000 people live", "that ash could reach the valleys"),
    ("The firm said the workers who had rejected the offer would be paid.",
     "the workers who had rejected the offer would be paid", "the workers who had rejected the offer would be paid"),
    ("“We offered a pay rise, which the union rejected,” the firm said.",
     "We offered a pay rise, which the union rejected,", "We offered a pay rise, which the union rejected,"),
])
def test_a_closing_non_restrictive_relative_clause_is_narration(nlp, text, tagged, expected):
    """", which ..." after the reported clause tells the reader about the noun; a restrictive clause
    (no comma) is part of what was said, and so is everything in quotation marks."""
    cue = "warned" if "warned" in text else "said"
    claim_ = HandClaims(text).claim(cue, tagged, kind="direct" if text.startswith("“") else "indirect")
    assert without_closing_relative_clause(nlp(text), claim_).content_text == expected


def test_the_addressee_of_a_cue_is_no_part_of_it(nlp):
    """"told a conference call | that ...": the object of an addressee verb is who heard it."""
    text = "The finance chief told a conference call that the firm had tried to renegotiate the terms."
    tagged = HandClaims(text).claim("told a conference call", "that the firm had tried to renegotiate the terms")
    assert without_addressee_in_cue(nlp(text), tagged, {"tell"}).cue.text == "told"


def test_a_cue_takes_its_verbs_particle(nlp):
    """"pointed | out that ...": the particle is part of the verb."""
    text = "The auditor pointed out that the costs had doubled."
    tagged = HandClaims(text).claim("pointed", "that the costs had doubled")
    assert with_whole_verb(nlp(text), tagged).cue.text == "pointed out"


@pytest.mark.parametrize("text, cue, content, expected", [
    ("The senator seemed to think that the bill would pass.", "to think", "that the bill would pass", "seemed to think"),
    ("The coach continued to insist that the team was tired.", "to insist", "that the team was tired",
     "continued to insist"),
])
def test_a_cue_starts_at_the_raising_or_aspect_verb_it_hangs_on(nlp, text, cue, content, expected):
    """The governing verb says how the report stands; the subject still speaks (no patient)."""
    speaker = " ".join(text.split()[:2])
    tagged = HandClaims(text).claim(cue, content, speaker=speaker)
    lexicon = TidyLexicon(raising={"seem"}, governors={"seem", "continue"})
    (tidied,) = tidy_claims(nlp(text), [tagged], lexicon)
    assert tidied.cue.text == expected
    assert tidied.speaker is not None and tidied.speaker.mention.text == speaker
    assert tidied.content_text == content


@pytest.mark.parametrize("cue,speaker", [(":", "Said Ellis"), ("Said", None)])
def test_an_inverted_tag_before_a_colon_is_cue_and_source(nlp, cue, speaker):
    """"Said Ellis: “...”": a tagger's colon cue whose source holds the verb, or the verb with no
    subject the parse could find, become the verb as cue and the name as source."""
    text = "Critics say the plan is too complicated. Said Ellis: \u201cI do not get the sense she is interested.\u201d"
    hand = HandClaims(text)
    tagged = hand.claim(cue, "\u201cI do not get the sense she is interested.\u201d", speaker=speaker, kind="direct")
    tagged = replace(tagged, cue=hand.span(cue, text.index("Said")))
    tidied = with_inverted_colon_tag(nlp(text), tagged, {"say"})
    assert (tidied.cue.text, tidied.speaker.mention.text) == ("Said", "Ellis")
    assert tidied.content == tagged.content


def test_a_colon_after_a_name_alone_keeps_its_cue(nlp):
    text = "Mayor Lena Fischer: \u201cWe will rebuild every house.\u201d"
    tagged = HandClaims(text).claim(":", "\u201cWe will rebuild every house.\u201d", speaker="Mayor Lena Fischer", kind="direct")
    assert with_inverted_colon_tag(nlp(text), tagged, {"say"}) == tagged


def test_the_medium_of_saying_hung_on_the_cue_leaves_the_end_of_the_content(nlp):
    """"called for | more school investment | in a statement": a tagger runs the content on over
    the cue's own adjunct; hung on the cue, it names where the call was made."""
    text = "The union called for more school investment in a statement on Monday."
    tagged = HandClaims(text).claim("called for", "more school investment in a statement on Monday")
    tidied = without_closing_medium(nlp(text), tagged, {"in"}, {"statement"})
    assert tidied.content_text == "more school investment"


def test_a_medium_inside_what_was_said_stays(nlp):
    text = "She said the figure in the statement was wrong."
    tagged = HandClaims(text).claim("said", "the figure in the statement was wrong")
    assert without_closing_medium(nlp(text), tagged, {"in"}, {"statement"}) == tagged


def test_the_date_a_past_cue_was_said_on_leaves_the_end_of_the_content(nlp):
    """"rejected the idea | on Tuesday": a preposition of date hung on a past-tense cue says when
    it was said, like "said on Monday"."""
    text = "Energy Minister Terje Solbakken rejected the idea on Tuesday, saying Norway was bound by treaty."
    tagged = HandClaims(text).claim("rejected", "the idea on Tuesday")
    assert without_closing_medium(nlp(text), tagged).content_text == "the idea"


@pytest.mark.parametrize("text, cue, content", [
    ("Some economists predict a further cut in January.", "predict", "a further cut in January"),
    ("The government promised a referendum in September.", "promised", "a referendum in September"),
    ("Trump cited his own endorsements from 88 generals and admirals Tuesday.", "cited",
     "his own endorsements from 88 generals and admirals Tuesday"),
])
def test_a_date_of_what_is_said_or_a_bare_date_stays(nlp, text, cue, content):
    """A prediction's or promise's date is the event's ("in September"): only "on" and a date
    says when something was said; a bare date ("Tuesday") is kept, as PolNeAR's annotators keep
    it more often than not."""
    tagged = HandClaims(text).claim(cue, content)
    assert without_closing_medium(nlp(text), tagged) == tagged


def test_a_content_stops_before_a_coordinated_clause_that_another_claim_reports(nlp):
    """"Haulage firms say the diversion adds 40 minutes, and the chamber of commerce has
    estimated ...": the second clause has its own subject and its own cue, so it is the other
    claim, not part of the firms' content."""
    text = ("Haulage firms say the diversion adds 40 minutes to each trip, and the chamber of commerce "
            "has estimated the cost at 1.2 million euros a week.")
    doc = nlp(text)
    hand = HandClaims(text)
    say = hand.claim("say", "the diversion adds 40 minutes to each trip, and the chamber of commerce has estimated the cost at 1.2 million euros a week")
    estimated = hand.claim("has estimated", "the cost at 1.2 million euros a week")
    cues = {t.i for c in (say, estimated) for t in doc.char_span(c.cue.start, c.cue.end)}
    assert without_coordinated_report(doc, say, cues).content_text == "the diversion adds 40 minutes to each trip"
    assert without_coordinated_report(doc, estimated, cues) == estimated


def test_a_coordinated_clause_without_a_report_of_its_own_stays_in_the_content(nlp):
    text = "Haulage firms say the diversion adds 40 minutes to each trip, and drivers are losing money."
    doc = nlp(text)
    say = HandClaims(text).claim("say", "the diversion adds 40 minutes to each trip, and drivers are losing money")
    cues = {t.i for t in doc.char_span(say.cue.start, say.cue.end)}
    assert without_coordinated_report(doc, say, cues) == say


@pytest.mark.parametrize("text, cue, content, kept", [
    ("The regulator rejected the proposal, but the company pressed ahead with the merger.",
     "rejected", "the proposal, but the company pressed ahead with the merger", "the proposal"),
    ("The coach praised the referee but refused to discuss the penalty.",
     "praised", "the referee but refused to discuss the penalty", "the referee"),
])
def test_an_object_content_ends_where_the_verb_goes_on(nlp, text, cue, content, kept):
    """"rejected the proposal |, but the company pressed ahead": what the verb does next (a
    "but", a coordinated clause with its own subject) is the writer's account, not the object."""
    tagged = HandClaims(text).claim(cue, content)
    assert within_verb_object(nlp(text), tagged).content_text == kept


@pytest.mark.parametrize("text, cue, content", [
    ("The union accused the club of treating fans badly after the match was moved.",
     "accused", "the club of treating fans badly after the match was moved"),
    ("The minister called the strike “reckless, but not illegal”.",
     "called", "the strike “reckless, but not illegal”"),
    ("Analysts expect a cut in March and the bank will decide on Thursday.",
     "expect", "a cut in March"),
    ("The researchers predicted a rise in temperatures, but not as fast as earlier models suggested.",
     "predicted", "a rise in temperatures, but not as fast as earlier models suggested"),
    ("The minister defended the policy, but not its timing.", "defended", "the policy, but not its timing"),
])
def test_an_object_content_keeps_its_complements_and_quotations(nlp, text, cue, content):
    """A complement of the verb ("accused the club | of ..."), a quotation's own "but", an elliptical
    "but not ..." with no verb after it, and a content that already ends at its object are left
    as they are."""
    tagged = HandClaims(text).claim(cue, content)
    assert within_verb_object(nlp(text), tagged) == tagged


def test_a_headline_tag_reports_only_the_statement_after_the_last_semicolon(nlp):
    """"Verlaine Group files for insolvency; 1,900 jobs at risk, union says": the semicolon joins
    two statements, and the closing tag reports the second."""
    text = "Verlaine Group files for insolvency protection; 1,900 jobs at risk, union says\nThe court will rule on Friday."
    says = HandClaims(text).claim("says", "Verlaine Group files for insolvency protection; 1,900 jobs at risk", speaker="union", kind="headline")
    assert without_earlier_headline_statement(nlp(text), says).content_text == "1,900 jobs at risk"


def test_a_headline_tag_before_its_content_reports_all_of_it(nlp):
    text = "Union: jobs at risk; plant to close\nThe court will rule on Friday."
    colon = HandClaims(text).claim(":", "jobs at risk; plant to close", speaker="Union", kind="headline")
    assert without_earlier_headline_statement(nlp(text), colon) == colon


def test_a_content_ends_before_the_tag_of_the_claim_that_reports_it(nlp):
    """"..., the paper reported": the paper is the reporter's source for what the minister said;
    the tag, its source first, is no part of the minister's words."""
    text = "The minister said the plant would close in May, the Harwick Echo reported."
    doc = nlp(text)
    hand = HandClaims(text)
    said = hand.claim("said", "the plant would close in May, the Harwick Echo reported", speaker="The minister")
    reported = hand.claim("reported", "The minister said the plant would close in May", speaker="the Harwick Echo")
    assert without_reporting_tag(doc, said, [said, reported]).content_text == "the plant would close in May"
    assert without_reporting_tag(doc, reported, [said, reported]) == reported


def test_a_tag_inside_the_quotation_a_content_opens_is_the_speakers(nlp):
    text = "The minister said “the plant would close in May, according to the board.”"
    doc = nlp(text)
    hand = HandClaims(text)
    said = hand.claim("said", "“the plant would close in May, according to the board.”", speaker="The minister")
    according = hand.claim("according to", "The minister said “the plant would close in May", kind="according_to")
    assert without_reporting_tag(doc, said, [said, according]) == said


def test_a_preposition_of_time_is_neither_cue_nor_content(nlp):
    """"have warned | for years | that ...": how long it was said, not the verb group (a tagger
    takes "for" for a cue preposition) nor what was said."""
    text = "Climate scientists have warned for years that droughts will grow. The Times reported at the time that talks had failed."
    doc = nlp(text)
    hand = HandClaims(text)
    warned = hand.claim("have warned for", "years", "that droughts will grow", speaker="Climate scientists")
    reported = hand.claim("reported at", "the time that talks had failed", speaker="The Times")
    assert (without_duration_in_cue(doc, warned).cue.text, without_duration_in_cue(doc, warned).content_text) == (
        "have warned", "that droughts will grow")
    assert (without_duration_in_cue(doc, reported).cue.text, without_duration_in_cue(doc, reported).content_text) == (
        "reported", "that talks had failed")


@pytest.mark.parametrize("text,cue,content", [
    ("She called for years of reform.", "called for", "years of reform"),
    ("The opposition called for more time to debate the bill.", "called for", "more time to debate the bill"),
    ("She testified about the night her husband was killed.", "testified about", "the night her husband was killed"),
])
def test_a_cue_preposition_whose_object_only_looks_like_time_stays(nlp, text, cue, content):
    claim = HandClaims(text).claim(cue, content)
    assert without_duration_in_cue(nlp(text), claim) == claim
