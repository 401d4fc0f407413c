"""Specification of ``claim_detector``: which stretches of news text are claims, and their
cue, content pieces and kind.

Conventions (PolNeAR-aligned, see issue 2):
- the cue is the reporting verb or phrase with the auxiliaries, negation and adverbs standing
  right before it ("said", "has also said", "don't expect", "according to"; PolNeAR's convention,
  lexicon ``cue_left_deps``);
  for a quote with no verb it is the opening quotation mark, the dash of "“...” - Name",
  or the colon of "Name: “...”";
- indirect content is the clausal complement with its complementiser ("that ..."),
  direct content is the quoted text with its quotation marks, and a quote split by
  "he said" is two pieces of one claim;
- kinds: direct, indirect, mixed (indirect with a quoted fragment), according_to, headline;
- facts with no reporting cue are not claims (report furniture: ``tests/segmenter``).

Every sentence here was written for these tests (none comes from the seed report or PolNeAR).
Content is checked by containment on the joined pieces, so that reasonable boundary
choices (a trailing full stop, a comma inside the quote) do not matter.
"""
from __future__ import annotations

import pytest

OPENING_QUOTES = "\"“‘«'"


def _overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def assert_cue_outside_content(claim) -> None:
    """The cue is not part of what was claimed."""
    for piece in claim["content"]:
        assert not _overlaps(claim["cue"], piece), claim


# --------------------------------------------------------------------------------------------
# Indirect speech: subject + reporting verb + clausal complement.
# (text, cue exactly, content fragment the joined content must contain)
INDIRECT = [
    ("The mayor said the bridge would reopen in March.", "said", "the bridge would reopen in March"),
    ("Health officials said that three new cases had been confirmed in the region.", "said",
     "that three new cases had been confirmed"),
    ("The company told investors that profits would fall this year.", "told", "that profits would fall this year"),
    ("The central bank announced that interest rates would remain unchanged.", "announced",
     "that interest rates would remain unchanged"),
    ("Police confirmed that two men had been arrested after the robbery.", "confirmed",
     "that two men had been arrested"),
    ("The minister denied that the government had misled parliament.", "denied",
     "that the government had misled parliament"),
    ("The rebels claimed that they had shot down a military helicopter.", "claimed",
     "that they had shot down a military helicopter"),
    ("Forecasters warned that the storm could bring flooding to coastal towns.", "warned",
     "that the storm could bring flooding"),
    ("The union insisted that the strike would go ahead on Monday.", "insisted", "that the strike would go ahead"),
    ("Scientists estimate that the glacier has lost a third of its mass since 1990.", "estimate",
     "that the glacier has lost a third of its mass"),
    ("Analysts predicted that inflation would ease by the end of the year.", "predicted",
     "that inflation would ease"),
    ("The coach acknowledged that his team had played poorly in the first half.", "acknowledged",
     "that his team had played poorly"),
    ("The defence lawyer argued that the evidence had been obtained illegally.", "argued",
     "that the evidence had been obtained illegally"),
    ("The president pledged that no rural school would close.", "pledged", "that no rural school would close"),
    ("The general vowed that the army would retake the city within weeks.", "vowed",
     "that the army would retake the city"),
    ("Prosecutors allege that the firm hid losses from its auditors.", "allege", "that the firm hid losses"),
    ("The airline stressed that passenger safety had never been at risk.", "stressed",
     "that passenger safety had never been at risk"),
    ("The auditors noted that spending on consultants had tripled.", "noted", "that spending on consultants had tripled"),
    ("The ambassador emphasised that the talks remained constructive.", "emphasised",
     "that the talks remained constructive"),
    ("The ambassador emphasized that the talks remained constructive.", "emphasized",
     "that the talks remained constructive"),
    ("The farmers' association reported that the wheat harvest was down by a fifth.", "reported",
     "that the wheat harvest was down"),
    ("The senator admitted that she had received the payments.", "admitted", "that she had received the payments"),
    ("Witnesses said the gunman fled on foot.", "said", "the gunman fled on foot"),
    ("The ministry explained that the delay was caused by a software fault.", "explained",
     "that the delay was caused by a software fault"),
    ("The striker revealed that he had been playing with a broken toe.", "revealed",
     "that he had been playing with a broken toe"),
    ("The teachers' union has announced that its members will strike next week.", "has announced",
     "that its members will strike next week"),
    ("The hospital had warned that it was running out of oxygen.", "had warned", "that it was running out of oxygen"),
    ("The spokesman added that further sanctions were being considered.", "added",
     "that further sanctions were being considered"),
]


@pytest.mark.parametrize("text,cue,content", INDIRECT)
def test_indirect_speech(extract, text, cue, content):
    claims = extract(text)
    claim = claims.find(cue=cue, content=content)
    assert claim["kind"] == "indirect", claims.describe()
    assert claim["cue"]["text"].lower() == cue, "cue is the verb with the auxiliaries right before it"
    assert_cue_outside_content(claim)


@pytest.mark.parametrize("text,content", [
    ("The regulator said on Tuesday that it would fine the bank.", "that it would fine the bank"),
    ("The council confirmed in a letter to residents that the library would close.", "that the library would close"),
])
def test_indirect_content_starts_at_the_complementiser(extract, text, content):
    """Adverbials between cue and complement belong to neither."""
    claims = extract(text)
    claim = claims.find(content=content)
    assert claims.content_of(claim).startswith(content), claims.describe()


def test_a_clause_the_parser_hangs_on_the_addressee_is_what_was_told(extract):
    """"told a meeting of club members that ...": parsed as a relative clause on "meeting", the
    clause opened by a complementiser is the content and the addressee stays out of it."""
    claims = extract("The coach told a meeting of club members that the stadium would be rebuilt.")
    claim = claims.find(cue="told")
    assert claims.content_of(claim) == "that the stadium would be rebuilt", claims.describe()


def test_a_second_clause_opened_by_that_is_part_of_the_same_content(extract):
    """"said A, but that B": the parser coordinates B with the cue; it is still what was said."""
    claims = extract("A spokesman said the firm had received the letter, but that it saw no reason to change course.")
    claim = claims.find(cue="said")
    assert claims.content_of(claim).rstrip(".") == ("the firm had received the letter, but that it saw no reason "
                                                     "to change course"), claims.describe()


# Verbs whose content is an object plus a complement: urge X to, accuse X of, describe X as,
# blame X on, warn of, reject claims of ... (text, cue fragment, content fragment)
OBJECT_COMPLEMENT = [
    ("The United Nations urged both sides to return to the negotiating table.", "urged",
     "to return to the negotiating table"),
    ("The opposition accused the government of rigging the election.", "accused", "rigging the election"),
    ("Kyiv accused Moscow of shelling a nuclear power plant.", "accused", "shelling a nuclear power plant"),
    ("The players' union accused the league of ignoring concussion risks.", "accused", "ignoring concussion risks"),
    ("Environmental groups accused the mining company of poisoning the river.", "accused", "poisoning the river"),
    ("The teachers' union described the pay offer as an insult.", "described", "an insult"),
    ("The city blamed the power cut on a faulty transformer.", "blamed", "a faulty transformer"),
    ("Aid agencies warned of a looming famine in the south.", "warned", "a looming famine"),
    ("The embassy dismissed the allegations as baseless.", "dismissed", "baseless"),
]


@pytest.mark.parametrize("text,cue,content", OBJECT_COMPLEMENT)
def test_object_complement_verbs(extract, text, cue, content):
    claims = extract(text)
    claim = claims.find(cue=cue, content=content)
    assert claim["kind"] == "indirect", claims.describe()
    assert_cue_outside_content(claim)


# Denials and rejections: the content is what is denied.
DENIALS = [
    ("The club rejected claims of financial irregularities.", "rejected", "financial irregularities"),
    ("The ministry denied reports that the minister had resigned.", "denied", "that the minister had resigned"),
    ("The firm denied any wrongdoing.", "denied", "any wrongdoing"),
    ("Police denied that officers had used tear gas on the crowd.", "denied", "that officers had used tear gas"),
]


@pytest.mark.parametrize("text,cue,content", DENIALS)
def test_denials_and_rejections(extract, text, cue, content):
    claims = extract(text)
    claim = claims.find(cue=cue, content=content)
    assert claim["kind"] in ("indirect", "mixed"), claims.describe()


# --------------------------------------------------------------------------------------------
# Direct quotes: every quotation-mark style, speaker after the quote.
QUOTE_STYLES = [
    ('"We will rebuild every house," the governor said.', '"We will rebuild every house,"'),
    ("“The water is not safe to drink,” the engineer said.", "“The water is not safe to drink,”"),
    ("‘We have no plans to sell the club,’ the owner said.", "‘We have no plans to sell the club,’"),
    ("«The border will stay open», the minister said.", "«The border will stay open»"),
    ("''The harvest is lost,'' the farmer said.", "''The harvest is lost,''"),
]


@pytest.mark.parametrize("text,quote", QUOTE_STYLES)
def test_direct_quote_styles(extract, text, quote):
    claims = extract(text)
    claim = claims.find(cue="said", content=quote)
    assert claim["kind"] == "direct", claims.describe()
    assert claim["content"][0]["text"][0] in OPENING_QUOTES, "direct content keeps its quotation marks"
    assert len(claims) == 1, claims.describe()


# Speaker and cue before the quote, or inverted after it.
SPEAKER_POSITIONS = [
    ('Mayor Lena Fischer said: "We will rebuild every house."', "said", "We will rebuild every house."),
    ("The mayor said, “We will rebuild every house.”", "said", "We will rebuild every house."),
    ("“The vote was free and fair,” said the election commissioner.", "said", "The vote was free and fair"),
    ("“Nobody will be left behind,” the prime minister promised.", "promised", "Nobody will be left behind"),
    ("The captain told reporters: “We gave everything tonight.”", "told", "We gave everything tonight."),
    # a role and the name in apposition before the verb, which the parser hangs under the quoted clause
    ("“We are ready,” its co-founder, Mads Kjær, told the newspaper.", "told", "We are ready"),
]


@pytest.mark.parametrize("text,cue,quote", SPEAKER_POSITIONS)
def test_direct_quote_speaker_before_or_after(extract, text, cue, quote):
    claims = extract(text)
    claim = claims.find(cue=cue, content=quote)
    assert claim["kind"] == "direct", claims.describe()
    assert claims.content_of(claim)[0] in OPENING_QUOTES
    assert_cue_outside_content(claim)


@pytest.mark.parametrize("text", [
    "“We will rebuild,” the mayor said, “and we will do it quickly.”",
    '"The price is too high," she said, "and the quality is too low."',
    "«The border will stay open», the minister said, «but checks will be tightened».",
])
def test_quote_split_by_cue_is_one_claim_in_two_pieces(extract, text):
    claims = extract(text)
    assert len(claims) == 1, claims.describe()
    claim = claims[0]
    assert claim["kind"] == "direct"
    assert claim["cue"]["text"] == "said"
    assert len(claim["content"]) == 2, claims.describe()
    first, second = claim["content"]
    assert first["end"] <= claim["cue"]["start"] < claim["cue"]["end"] <= second["start"]
    assert all(piece["text"][0] in OPENING_QUOTES for piece in claim["content"])


def test_doubled_apostrophe_quote_continues_after_the_speaker_tag(extract):
    """Plain-text archives quote with doubled apostrophes, and the parser hangs the opening mark of
    the second quotation on the sentence before it: the continuation is still found."""
    text = ("''The plan is too complex,'' said Dana Whitfield, an economist at the Northgate Institute. "
            "''It adds rules and removes none.''")
    claims = extract(text)
    assert len(claims) == 1, claims.describe()
    assert [piece["text"] for piece in claims[0]["content"]] == [
        "''The plan is too complex,''", "''It adds rules and removes none.''"]


def test_a_typographic_quote_closed_by_a_straight_mark_ends_there(extract):
    """Scraped news mixes typographic and straight marks: the quote must not run on over its own
    speaker tag and the rest of the paragraph."""
    text = ('“Immunity deals should not be a requirement for cooperating with the FBI," the chairman '
            'said in a statement, adding that the agreements were handed out "like candy."')
    claims = extract(text)
    quote = claims.find(cue="said", content="Immunity deals")
    assert claims.content_of(quote).endswith('FBI,"'), claims.describe()
    assert claims.find(cue="adding", content="the agreements were handed out")


def test_a_quotation_of_a_coordinated_second_report_is_no_piece_of_the_first(extract):
    """"said A and accused B of “...”": the parser leaves the closing mark on A's verb; the
    quotation is what "accused" reports, not a second piece of what was said."""
    text = ("Daniel Szabo said the company would appeal and accused the residents of "
            "\u201cusing the courts to stop housing the city badly needs\u201d.")
    claims = extract(text)
    said = claims.find(cue="said", content="the company would appeal")
    assert [piece["text"] for piece in said["content"]] == ["the company would appeal"], claims.describe()
    assert claims.find(cue="accused", content="using the courts")


def test_straight_quotes_nested_in_a_typographic_quote_stay_inside_it(extract):
    claims = extract('“They called it a \"fair\" deal, and it was not,” the union leader said.')
    assert len(claims) == 1, claims.describe()
    assert claims.content_of(claims[0]).endswith("it was not,”"), claims.describe()


TRANSCRIPT = (
    "The governor was interviewed on Sunday morning television.\n\n"
    "WALLACE: If I may, sir, we have limited time. Will she be at the debate tomorrow?\n\n"
    "PENCE: She will not be attending the debate tomorrow night.\n\n"
    "CLARIFICATION: The first sentence has been changed to reflect the new schedule.\n"
)


def test_transcript_turns_are_claims_of_their_capitalised_speaker_labels(extract):
    claims = extract(TRANSCRIPT)
    turns = claims.matching(cue=":")
    assert [claims.content_of(c) for c in turns] == [
        "If I may, sir, we have limited time. Will she be at the debate tomorrow",
        "She will not be attending the debate tomorrow night",
    ], claims.describe()
    assert [c["speaker"]["text"] for c in turns] == ["WALLACE", "PENCE"]
    assert all(c["kind"] == "direct" for c in turns)


def test_a_furniture_label_before_a_colon_is_no_speaker(extract):
    claims = extract(TRANSCRIPT)
    assert not claims.covering("The first sentence has been changed"), claims.describe()


def test_a_short_quotation_right_after_the_speaker_tag_continues_the_claim(extract):
    claims = extract("“Is anyone listening to the players?” the coach asked. “Nobody is.”")
    assert len(claims) == 1, claims.describe()
    assert [piece["text"] for piece in claims[0]["content"]] == [
        "“Is anyone listening to the players?”", "“Nobody is.”"]


def test_multi_sentence_quote_is_one_claim(extract):
    text = "“The road is closed. Nobody can get through. We are still waiting for help,” a resident said."
    claims = extract(text)
    assert len(claims) == 1, claims.describe()
    joined = claims.content_of(claims[0])
    for sentence in ("The road is closed.", "Nobody can get through.", "We are still waiting for help"):
        assert sentence in joined


def test_multi_paragraph_quote_continues_with_the_same_speaker(extract):
    """News style: an unclosed quote continues in the next paragraph, which reopens it."""
    text = ("Fire chief Dana Whitfield said: “Crews worked through the night to contain the blaze.\n"
            "“We expect to have it fully under control by Friday, but the wind could change that.”")
    claims = extract(text)
    assert claims.covering("Crews worked through the night"), claims.describe()
    continuation = claims.covering("We expect to have it fully under control")
    assert continuation, claims.describe()
    for claim in continuation:
        assert claim["kind"] == "direct"
        assert claim["speaker"] is not None and "Whitfield" in claim["speaker"]["name"], claims.describe()


# Quotes with no reporting verb: the attribution is punctuation.
NO_VERB_QUOTES = [
    ("Volunteers handed out food outside the stadium on Saturday.\n"
     "“We did not expect so many people to come.” - Maria Lopez, campaign organiser",
     "-", "We did not expect so many people to come."),
    ("Visitors queued for hours to enter the museum.\n“Art should belong to everyone.” — Paul Weber",
     "—", "Art should belong to everyone."),
    ("Dr Amal Farouk: “The vaccine is safe for children over five.”", ":", "The vaccine is safe for children over five."),
]


@pytest.mark.parametrize("text,cue,quote", NO_VERB_QUOTES)
def test_quotes_with_no_verb(extract, text, cue, quote):
    claims = extract(text)
    claim = claims.find(content=quote)
    assert claim["kind"] == "direct", claims.describe()
    assert claim["cue"]["text"].strip() == cue, claims.describe()


@pytest.mark.parametrize("text,quote", [
    ("The rains came too late for the farmers of the valley. “We have lost everything this season.”",
     "We have lost everything this season."),
    ('The team arrived at the stadium two hours early. "We have trained hard all week."',
     "We have trained hard all week."),
])
def test_floating_quote_cue_is_the_opening_mark(extract, text, quote):
    """A quote sentence with no verb and no claim just before it is still a claim; its cue is its
    opening quotation mark. (Right after a claim it continues that claim: ``test_stance_and_intention``.)"""
    claims = extract(text)
    claim = claims.find(content=quote)
    assert claim["kind"] == "direct", claims.describe()
    assert claim["cue"]["text"] in OPENING_QUOTES
    assert claim["cue"]["start"] == text.index(quote) - 1


# --------------------------------------------------------------------------------------------
# Mixed: indirect speech with a quoted fragment.
MIXED = [
    ("The minister said the reforms were “long overdue” and would pass this year.", "said", "“long overdue”"),
    ('The union said the pay offer was "an insult to every nurse".', "said", '"an insult to every nurse"'),
    ("Residents said conditions in the camp had become ‘unbearable’ after the rains.", "said", "‘unbearable’"),
    ("The court ruled that the law was «incompatible with the constitution».", "ruled",
     "«incompatible with the constitution»"),
    ("Residents described the conditions as “inhumane”.", "described", "“inhumane”"),
]


@pytest.mark.parametrize("text,cue,fragment", MIXED)
def test_mixed_quotes(extract, text, cue, fragment):
    claims = extract(text)
    claim = claims.find(cue=cue, content=fragment)
    assert claim["kind"] == "mixed", claims.describe()


# "according to X": content is the rest of the clause.
ACCORDING_TO = [
    ("According to the fire service, the blaze started in a kitchen.", "the blaze started in a kitchen"),
    ("The blaze started in a kitchen, according to the fire service.", "The blaze started in a kitchen"),
    ("More than 200 flights were cancelled on Sunday, according to airport officials.",
     "More than 200 flights were cancelled"),
    ("According to police, the suspect was already known to the authorities.",
     "the suspect was already known to the authorities"),
    # the parser reads "reeks" as a noun in apposition to the source and finds no verb at all
    ("According to veteran market analyst Dana Whitfield, the merger reeks of desperation.",
     "the merger reeks of desperation"),
]


@pytest.mark.parametrize("text,content", ACCORDING_TO)
def test_according_to(extract, text, content):
    claims = extract(text)
    claim = claims.find(cue="according to", content=content)
    assert claim["kind"] == "according_to", claims.describe()
    assert claim["cue"]["text"].lower() == "according to"
    assert "according" not in claims.content_of(claim).lower()


@pytest.mark.parametrize("text,content", [
    ("According to Threatline, a company that tracks supply chains, the firm has cut shifts at two plants.",
     "the firm has cut shifts at two plants"),
    ("The group copied 300 gigabytes of data, according to Threatline, a company that tracks ransomware gangs.",
     "The group copied 300 gigabytes of data"),
    ("According to Mira Osei, a former minister, the deal is dead.", "the deal is dead"),
    ("The group copied 300 gigabytes of data, according to Threatline, a company that tracks ransomware gangs.\n\nShares fell.",
     "The group copied 300 gigabytes of data"),
    ("The drug slowed decline by 27 percent, according to its maker, Danish firm Norvik Pharma.",
     "The drug slowed decline by 27 percent"),
])
def test_the_apposition_of_an_according_to_source_is_no_content(extract, text, content):
    """The noun phrase after the source's comma says who the source is, whatever the parser
    attached it to; one that closes the sentence needs no determiner to be that ("its maker,
    Danish firm Norvik Pharma.")."""
    claims = extract(text)
    claim = claims.find(cue="according to")
    assert claims.content_of(claim) == content, claims.describe()


@pytest.mark.parametrize("text,content", [
    ("According to police, the man, who was 34, died at the scene.", "the man, who was 34, died at the scene"),
    ("According to police, the night before the attack, the suspect visited the mosque.",
     "the night before the attack, the suspect visited the mosque"),
    ("According to the coach, this season, the club's worst in a decade, has been a disaster.",
     "this season, the club's worst in a decade, has been a disaster"),
    ("According to veteran market analyst Dana Whitfield, the merger reeks of desperation.\n\nShares fell.",
     "the merger reeks of desperation"),
    ("It will rain heavily, according to forecasters, Tuesday night.", "It will rain heavily Tuesday night"),
])
def test_what_follows_an_according_to_source_without_describing_it_is_content(extract, text, content):
    """A subject ("the man, who was 34,") or a time ("the night before the attack") after the
    source's comma is what the source reports on, not its apposition."""
    claims = extract(text)
    claim = claims.find(cue="according to")
    assert claims.content_of(claim) == content, claims.describe()


@pytest.mark.parametrize("text,content", [
    ("The minister said that, according to official figures, unemployment fell to 4 percent in March.",
     "that, according to official figures, unemployment fell to 4 percent in March"),
    ("Police said the suspect, according to witnesses, fled on foot.", "the suspect, according to witnesses, fled on foot"),
])
def test_an_according_to_inside_a_report_leaves_its_content_whole(extract, text, content):
    """It reports only what follows it, not the report around it."""
    claims = extract(text)
    assert claims.content_of(claims.find(cue="said")) == content, claims.describe()


def test_a_closing_speaker_tag_is_cut_off_the_according_to_content_it_reports(extract):
    claims = extract("According to the study, the drug reduced deaths by a third, the researchers said.")
    according = claims.find(cue="according to")
    assert claims.content_of(according) == "the drug reduced deaths by a third", claims.describe()


def test_a_report_ends_before_the_according_to_tag_that_reports_it(extract):
    """The filing is the reporter's source for what the company said: two claims, and the
    company's content stops before "according to"."""
    claims = extract("The company said it had lost 2 million dollars last year, according to a filing.")
    said = claims.find(cue="said")
    assert claims.content_of(said) == "it had lost 2 million dollars last year", claims.describe()
    according = claims.find(cue="according to")
    assert claims.content_of(according) == "The company said it had lost 2 million dollars last year"


@pytest.mark.parametrize("text,content", [
    ("The prime minister was quoted as saying that the country would not back down.",
     "the country would not back down"),
    ("The striker was quoted by a local newspaper as saying he wanted to leave the club.",
     "he wanted to leave the club"),
])
def test_quoted_as_saying(extract, text, content):
    claims = extract(text)
    claim = claims.find(content=content)
    assert "quoted" in claim["cue"]["text"] or "saying" in claim["cue"]["text"], claims.describe()
    assert claim["kind"] == "indirect"


@pytest.mark.parametrize("text, cue, content", [
    ("The coach insisted on Saturday that he would not resign.", "insisted", "that he would not resign"),
    ("The mayor insisted on a recount.", "insisted on", "a recount"),
])
def test_a_preposition_of_time_is_no_particle_of_the_cue(extract, text, cue, content):
    """"insisted | on Saturday | that ...": "on" joins the cue only where its object is the content."""
    claim = extract(text).find(content=content)
    assert (claim["cue"]["text"], extract(text).content_of(claim).rstrip(".")) == (cue, content)


def test_a_phrase_cue_takes_in_its_auxiliaries_like_a_verb_cue(extract):
    """``cue_left_deps``: "was quoted as saying" as "has also said"."""
    claims = extract("The prime minister was quoted as saying that the country would not back down.")
    assert claims.find(content="the country would not back down")["cue"]["text"] == "was quoted as saying"


# Participial cues attached to a main clause.
PARTICIPIAL = [
    ("The mayor defended the plan, insisting that the tram line would pay for itself.", "insisting",
     "that the tram line would pay for itself"),
    ("The ministry condemned the attack, describing it as an act of cowardice.", "describing", "an act of cowardice"),
    ("The company cut its annual forecast, saying demand in China had weakened.", "saying",
     "demand in China had weakened"),
    ("The senator voted against the bill, arguing that it would raise taxes for families.", "arguing",
     "that it would raise taxes for families"),
    ("Hundreds of nurses marched to parliament, demanding that wages rise with inflation.", "demanding",
     "that wages rise with inflation"),
    ("The coach praised his players, adding that the result was deserved.", "adding", "that the result was deserved"),
]


@pytest.mark.parametrize("text,cue,content", PARTICIPIAL)
def test_participial_cues(extract, text, cue, content):
    claims = extract(text)
    claim = claims.find(cue=cue, content=content)
    assert claim["kind"] in ("indirect", "mixed"), claims.describe()
    assert claim["cue"]["text"].lower() == cue


def test_a_participle_after_an_inserted_cue_is_not_part_of_the_content(extract):
    """"..., one of the people said, asking not to be identified": the participle is about the
    source, not what it said (the parser hangs it on the reported clause)."""
    claims = extract("The device will use a new chip, one of the people said, asking not to be identified.")
    claim = claims.find(cue="said", content="The device will use a new chip")
    assert "asking" not in claims.content_of(claim), claims.describe()


@pytest.mark.parametrize("text,pieces", [
    ("In 1990 the handover was smooth, he said, but replacing the chair now would be bitter.",
     ["In 1990 the handover was smooth", "replacing the chair now would be bitter"]),
    ("The plan is dead, the minister said, and the opposition agreed.", ["The plan is dead"]),
])
def test_a_clause_coordinated_after_an_inserted_cue_goes_on_with_the_content(extract, text, pieces):
    """"A, he said, but B": B is still what he said; "..., and the opposition agreed" is not."""
    claims = extract(text)
    claim = claims.find(cue="said", content=pieces[0])
    assert [piece["text"] for piece in claim["content"]] == pieces, claims.describe()


# Noun cues: the claim is a statement, report, warning ...
NOUN_CUES = [
    ("The minister's claim that the economy was growing was disputed by economists.", "claim",
     "that the economy was growing"),
    ("The company's announcement that it would cut 500 jobs shocked the town.", "announcement",
     "that it would cut 500 jobs"),
    ("There were reports that the airport had been closed.", "reports", "that the airport had been closed"),
    ("The warning that the dam could burst came too late for the villagers.", "warning", "that the dam could burst"),
]


@pytest.mark.parametrize("text,cue,content", NOUN_CUES)
def test_noun_cues(extract, text, cue, content):
    claims = extract(text)
    claims.find(cue=cue, content=content)


@pytest.mark.parametrize("text,cue,content", [
    ("The union's threat to strike next week worried ministers.", "threat", "to strike"),
    ("His plan to build a ring road drew protests.", "plan", "to build a ring road"),
])
def test_an_intention_noun_with_its_holder_reports_its_infinitive(extract, text, cue, content):
    claim = extract(text).find(cue=cue, content=content)
    assert claim["content"][0]["text"].startswith("to ")


@pytest.mark.parametrize("text,cue,content", [
    ("Investors are worried that rates will rise again.", "are worried", "that rates will rise again"),
    ("Officials were not sure whether the bridge was safe.", "were not sure", "whether the bridge was safe"),
])
def test_a_stance_adjective_reports_its_clause(extract, text, cue, content):
    claim = extract(text).find(cue=cue, content=content)
    assert claim["cue"]["text"] == cue


@pytest.mark.parametrize("text,cue,speaker", [
    ("Protesters were frustrated that the police released only some of the footage.", "were frustrated", "protesters"),
    ("Republicans were also incensed that the deals did not require testimony.", "were also incensed", "republicans"),
])
def test_a_stance_adjective_read_as_a_participle_reports_its_clause_for_its_subject(extract, text, cue, speaker):
    """The parser takes "were frustrated that" for a passive verb; its subject still holds the
    stance (it is no patient the claim is about)."""
    claim = extract(text).find(cue=cue)
    assert claim["content"][0]["text"].startswith("that ") and claim["speaker"]["name"].lower() == speaker, claim


def test_an_empty_it_holds_no_stance(extract):
    assert extract("It is clear that the plan has failed.").matching(cue="clear") == []


def test_an_intention_noun_nobody_holds_is_no_claim(extract):
    assert extract("The decision to close the plant was announced on Monday.").matching(cue="decision") == []


@pytest.mark.parametrize("text,content", [
    ("The ministry said in a statement that the border crossing would reopen on Friday.",
     "the border crossing would reopen on Friday"),
    ("In a statement, the charity said it had raised two million pounds.", "it had raised two million pounds"),
])
def test_verb_with_statement_noun_is_one_claim(extract, text, content):
    """"said in a statement" is one act of saying, not two claims."""
    claims = extract(text)
    assert len(claims.covering(content)) == 1, claims.describe()
    assert "said" in claims.covering(content)[0]["cue"]["text"] or \
        "statement" in claims.covering(content)[0]["cue"]["text"]


@pytest.mark.parametrize("text", [
    "It was reported that the ship had sunk off the coast.",
    "It is alleged that the funds were diverted to private accounts.",
    "It was announced on Friday that the festival would be cancelled.",
])
def test_agentless_passive_is_a_claim(extract, text):
    claims = extract(text)
    assert len(claims) == 1, claims.describe()
    assert claims[0]["content"] and claims.content_of(claims[0]).startswith("that"), claims.describe()


def test_a_wh_word_the_parser_hangs_on_a_second_verb_is_not_its_content(extract):
    """"... matched what its members had seen and called on farmers to ...": "what" belongs to
    the first clause, not to what the association called for."""
    claims = extract("The association said the results matched what its members had seen and called on "
                     "farmers to plant strips of wildflowers.")
    called = claims.find(cue="called on")
    assert claims.content_of(called) == "farmers to plant strips of wildflowers", claims.describe()


# --------------------------------------------------------------------------------------------
# Headlines that are claims (the first line, or a title-case line, of a report).
HEADLINES = [
    ("Union Warns of Nationwide Rail Strike\nThe rail union said on Monday that its members would walk out.",
     "Warns of", "Rail Strike"),
    ("Police Say Missing Hiker Found Alive\nRescuers reached the man on Tuesday morning.", "Say",
     "Missing Hiker Found Alive"),
    ("Minister Denies Plan to Close Rural Schools\nThe education minister spoke in parliament on Wednesday.",
     "Denies", "Close Rural Schools"),
    ("Kenya Vows ‘Swift Justice’ After Market Fire\nAt least 12 traders died in the blaze.", "Vows", "Swift Justice"),
]


@pytest.mark.parametrize("text,cue,content,source", [
    ("Nordvind scraps North Sea wind farm, blames costs\nNordvind said on Monday it would scrap the farm.",
     "blames", "costs", "Nordvind"),
    ("Activist Harrowgate builds stake in Veldhoven, says engineering group should be split\nHarrowgate Capital said on "
     "Monday it had bought 5 percent.", "says", "engineering group should be split", "Activist Harrowgate"),
    ("BHP cuts outlook, blames weak China demand\nThe miner said on Monday that demand had slowed.",
     "blames", "weak China demand", "BHP"),
    ("Kovalenko retires hurt in semi-final, says shoulder is finished\nDaria Kovalenko retired on Friday.",
     "says", "shoulder is finished", "Kovalenko"),
    ("Microsoft earnings rise, says cloud demand strong\nThe company reported results on Tuesday.",
     "says", "cloud demand strong", "Microsoft"),
    ("Shell cuts output, says outlook weak\nThe company reported results on Tuesday.", "says", "outlook weak", "Shell"),
])
def test_a_headline_cue_after_a_comma_shares_the_first_clauses_subject(extract, text, cue, content, source):
    """"Nordvind scraps wind farm, blames costs": the second verb's speaker is the first clause's
    subject, also where the tagger read the first verb as a plural noun ("BHP cuts outlook,
    blames ...": a singular cue needs a singular subject, so "cuts" is the verb)."""
    claims = extract(text)
    claim = claims.find(cue=cue)
    assert (claims.content_of(claim), claim["speaker"]["text"]) == (content, source), claims.describe()


@pytest.mark.parametrize("text,cue,content,source", [
    ("Wessex strip Hartley of captaincy; player “blindsided”, says agent\nThe county said on Wednesday it had removed Hartley.",
     "says", "player “blindsided”", "agent"),
    ("Water bills set to rise by a fifth, warns regulator\nThe regulator said bills would rise.",
     "warns", "Water bills set to rise by a fifth", "regulator"),
    ("Inflation will stay high, predicts central bank\nThe bank said prices would rise.",
     "predicts", "Inflation will stay high", "central bank"),
])
def test_an_inverted_headline_tag_names_its_speaker_after_the_cue(extract, text, cue, content, source):
    """Lexicon ``inverted_tag_verbs``: "..., warns regulator" is "the regulator warns ...", not a
    warning about a regulator with the first clause's subject as speaker."""
    claims = extract(text)
    claim = claims.find(cue=cue)
    assert (claims.content_of(claim), claim["speaker"]["text"]) == (content, source), claims.describe()


@pytest.mark.parametrize("text,cue,content", HEADLINES)
def test_headline_claims(extract, text, cue, content):
    claims = extract(text)
    claim = claims.find(cue=cue, content=content)
    assert claim["kind"] == "headline", claims.describe()
    assert claim["cue"]["text"] == cue


@pytest.mark.parametrize("text,speaker,content", [
    ("Shares in Brightwater slump 9%, analysts say\nThe snack maker cut its forecast.", "analysts",
     "Shares in Brightwater slump 9%"),
    ("Drug may fail some patients, study finds\nResearchers looked at 1,240 patients.", "study",
     "Drug may fail some patients"),
])
def test_a_headline_may_end_with_its_speaker_and_cue(extract, text, speaker, content):
    """The wire-service form "..., sources say": the tag after the last comma, the content before it."""
    claims = extract(text)
    claim = claims.find(content=content)
    assert claim["kind"] == "headline", claims.describe()
    assert claim["speaker"]["text"] == speaker
    assert claims.content_of(claim) == content


@pytest.mark.parametrize("text,content", [
    ("Noise rules forced jazz festival out of Haarlem's old town: director\nThe festival will move.",
     "Noise rules forced jazz festival out of Haarlem's old town"),
    ("Strike will cost the airline a week of flights: union leader\nPilots walked out on Monday.",
     "Strike will cost the airline a week of flights"),
])
def test_a_headline_may_end_with_a_colon_and_its_speaker(extract, text, content):
    """"...: director": a few verbless words after a closing colon are the speaker, and everything
    before it is the content, its own verbs ("rules") included."""
    claims = extract(text)
    claim = claims.find(content=content)
    assert (claim["kind"], claim["cue"]["text"]) == ("headline", ":"), claims.describe()
    assert claims.content_of(claim) == content


@pytest.mark.parametrize("text", [
    "Shares rally after rate cut: Monday\nEuropean shares rose on Monday after the central bank cut rates.",
    "Road closed after lorry overturns: N17\nThe N17 was closed for six hours after a lorry overturned.",
])
def test_a_date_or_a_road_after_a_headlines_colon_is_no_speaker(extract, text):
    assert not [c for c in extract(text) if c["kind"] == "headline"]


@pytest.mark.parametrize("text,speaker,cue,content", [
    ("Blood test spots cancer earlier, but doctors urge caution\nThe test was tried on 900 patients.",
     "doctors", "urge", "caution"),
    ("Growers count cost of frost as ministry promises help\nThe frost hit orchards in April.",
     "ministry", "promises", "help"),
])
def test_a_headline_may_report_in_its_second_clause(extract, text, speaker, cue, content):
    """"..., but doctors urge caution": the first clause reports nothing, the linked second one does."""
    claim = extract(text).find(cue=cue, content=content)
    assert claim["kind"] == "headline"
    assert claim["speaker"]["text"] == speaker


def test_a_reported_as_clause_stays_in_the_headline_content(extract):
    claim = extract("Minister says prices will rise as energy costs climb\nPrices rose in May.").find(cue="says")
    assert claim["content"][0]["text"] == "prices will rise as energy costs climb"


def test_a_headline_participle_is_passive_and_names_no_source(extract):
    """"Hospitals told to prepare": who told them is unnamed; the hospitals are told, they do not tell."""
    claims = extract("Hospitals told to prepare for early flu peak\nCases doubled in a fortnight.")
    claim = claims.find(cue="told", content="to prepare for early flu peak")
    assert claim["speaker"] is None, claims.describe()


@pytest.mark.parametrize("text", [
    "Floods Hit Northern Towns\nHeavy rain has fallen for three days across the region.",
    "Storm Leaves Thousands Without Power\nEngineers worked through the night to restore supplies.",
])
def test_headlines_without_a_reporting_verb_are_not_claims(extract, text):
    assert extract(text) == [], extract(text).describe()


# --------------------------------------------------------------------------------------------
# Facts with no reporting cue are not claims.
NON_CLAIMS = [
    "The river burst its banks on Tuesday, flooding hundreds of homes.",
    "The new stadium was built in 1932 and holds 40,000 fans.",
    "Consumer prices rose by 3 percent in May.",
    "The statement was published on the ministry's website at noon.",
    "Thousands of people attended the open-air concert in the park.",
    'The so-called "smart" meters were installed in every flat last year.',
    "The court will sit again on Monday.",
    "She spent ten years as a correspondent in Nairobi before joining the paper.",
    "The announcement came hours after the vote.",
    "The Said family has run the bakery on the corner since 1950.",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", NON_CLAIMS)
def test_no_claim_without_a_reporting_cue(extract, text):
    claims = extract(text)
    assert claims == [], claims.describe()


def test_several_claims_in_one_passage_come_in_text_order(extract):
    text = ("The mayor said the bridge would reopen in March. Engineers warned that the repairs could take longer.\n"
            "“We are doing everything we can,” the mayor said.")
    claims = extract(text)
    assert len(claims) == 3, claims.describe()
    starts = [min([c["cue"]["start"]] + [p["start"] for p in c["content"]]) for c in claims]
    assert starts == sorted(starts)


LEADS = [
    # the parser hangs "said" on "caused" with "outage" as its subject after the dateline
    ("Outage report\nSTOCKHOLM, Feb 3 (Nordwire) - A software update installed in the wrong order caused "
     "Monday's six-hour outage at Nimbra Cloud, the Swedish data-centre operator said on Tuesday.\n",
     "said", "A software update installed in the wrong order caused Monday's six-hour outage at Nimbra Cloud"),
    # after a headline the parser takes "ruled" for a modifier of "workers"
    ("Court rules couriers are workers\nCouriers who deliver for food app Zipli are workers entitled to the "
     "minimum wage and holiday pay, the Court of Appeal ruled on Thursday, rejecting the company's argument "
     "that they were self-employed.\n",
     "ruled", "Couriers who deliver for food app Zipli are workers entitled to the minimum wage and holiday pay"),
    # the parser makes "told" a conjunct of "close"; the tag's noun phrase has an apposition
    ("Snowmaking could not close the gap because night temperatures had stayed above freezing for most of "
     "November, the committee's president, Stefano Bellandi, told a news conference.\n",
     "told", "Snowmaking could not close the gap because night temperatures had stayed above freezing for most of "
     "November"),
]


@pytest.mark.parametrize("text,cue,content", LEADS)
def test_a_sentence_final_speaker_tag_is_found_where_the_parse_breaks(nlp, text, cue, content):
    """"<clause>, the operator said on Tuesday.": wire copy's lead, read from the part-of-speech tags
    when the dependency parse of a long sentence fails; the tag's noun phrase is the source."""
    claims = [c for c in nlp.get_pipe("claim_detector")(_parsed(nlp, text))._.claims if c.cue.text == cue]
    assert [c.content_text for c in claims] == [content]
    assert claims[0].speaker is not None and claims[0].speaker.mention.text.startswith("the ")


def test_a_speaker_tag_the_parser_hung_under_the_reported_verb_reports_that_verbs_clause(extract):
    """"... has asked to leave the club, chairman Derek Whitfield confirmed on Tuesday": the parser
    makes "confirmed" the complement of "asked"; it is the tag, and "asked" is what it reports."""
    text = ("Ashford Town striker Samuel Okoye has asked to leave the club, chairman Derek Whitfield confirmed "
            "on Tuesday, two days after the 27-year-old was left out of the team.")
    claims = extract(text)
    assert [(c["cue"]["text"], " ".join(p["text"] for p in c["content"]), c["speaker"]["text"]) for c in claims] == [
        ("confirmed", "Ashford Town striker Samuel Okoye has asked to leave the club", "chairman Derek Whitfield")]


@pytest.mark.parametrize("text,cue", [
    # inside the sentence: the NER labels the name
    ("In a post on its website, Hearthly said a routine software update had corrupted a database.", "said"),
    # opening it, right before a finite verb that has no subject, and a name elsewhere in the report
    ("Thermostats made by Hearthly failed on Sunday. Hearthly confirmed the fault on Monday.", "confirmed"),
])
def test_a_name_the_tagger_read_as_an_adverb_is_the_subject_not_part_of_the_cue(extract, text, cue):
    """"Hearthly said ...": the tagger reads the "-ly" name as an adverb on the verb; it is the
    speaker, and the cue is the verb alone. "Publicly, the firm said" keeps its adverb."""
    claims = extract(text)
    assert [(c["cue"]["text"], c["speaker"]["text"]) for c in claims] == [(cue, "Hearthly")], claims.describe()


def test_a_speaker_tag_telling_its_addressee_after_a_quoted_phrase_reports_the_clause_before(extract):
    """"... its batteries are charging “slowly but steadily”, chief executive Rachel Voss told
    reporters on Monday": the parser hangs "told" under "charging" and the quoted words on "told";
    "reporters" is whom she told, no content of the tag's own."""
    text = ("The lander is still sending data and its batteries are charging “slowly but steadily”, chief executive "
            "Rachel Voss told reporters on Monday.")
    claims = extract(text)
    assert [(c["cue"]["text"], c["speaker"]["text"]) for c in claims] == [("told", "chief executive Rachel Voss")], claims.describe()
    assert claims[0]["content"][0]["text"].startswith("The lander is still sending data")


@pytest.mark.parametrize("text", [
    # the comma closes the condition of "appeal", whose clause is what was said
    'He said that if "the final resolution requires us to reinstate voters, we will appeal."',
    # "said" has no other complement: the clause after the comma is what it reports
    "The spokesman said on Monday, the residents had complained.",
])
def test_a_complement_clause_after_a_comma_is_no_speaker_tag(extract, text):
    claims = extract(text)
    assert [c["cue"]["text"] for c in claims] == ["said"]


@pytest.mark.parametrize("text", [
    "The carmaker will cut 300 jobs at its Swindon plant, the third round of layoffs announced this year.",
    "The firm will close two of its plants in Wales, a move reported in January.",
])
def test_a_summary_with_a_participle_is_no_speaker_tag(extract, text):
    """"..., a move reported in January": a singular common noun with a participle on it sums up
    the clause; nobody is reported."""
    assert len(extract(text)) == 0, extract(text).describe()


@pytest.mark.parametrize("text,cue,content,source", [
    # the tagger reads "estimated" as a participle modifying "cooperative"
    ("Two nights of frost destroyed between 40 and 60 percent of the blossom, a growers' cooperative estimated on Monday.",
     "estimated", "Two nights of frost destroyed between 40 and 60 percent of the blossom", "cooperative"),
    # "geologists reported" read as a participle: a plural could speak
    ("Layers of mud show that the region went through a drought, longer than any since, geologists reported on Wednesday.",
     "reported", "Layers of mud show that the region went through a drought, longer than any since", "geologists"),
    # a possessive opens the tag, and an adjunct clause after a comma closes it
    ("The Hallam Museum will return 31 bronze sculptures to Nigeria, its trustees announced on Friday, after a two-year review.",
     "announced", "The Hallam Museum will return 31 bronze sculptures to Nigeria", "trustees"),
])
def test_a_speaker_tag_read_from_tags_takes_a_misread_participle_a_possessive_and_a_closing_adjunct(
        extract, text, cue, content, source):
    claims = extract(text)
    claim = claims.find(cue=cue)
    assert claims.content_of(claim) == content and source in claim["speaker"]["text"], claims.describe()


def _parsed(nlp, text):
    """The text through the pipeline up to (not including) the detector."""
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names[nlp.pipe_names.index("claim_detector"):]]):
        return nlp(text)


def test_a_fronted_subordinate_clause_is_no_reported_clause(extract):
    """"When the time came, the union backed away.": the comma ends a fronted clause, not a report."""
    assert not extract("When the time came under pressure from its allies, the union backed away from the deal.").matching(
        cue="backed")


def test_a_closing_tag_the_parser_read_as_a_relative_clause_reports_the_clause_before(extract):
    """"..., the newspaper El País reported": the parser hangs "the newspaper" on the clause before
    and makes "reported" a relative clause on it; the newspaper is no content, the clause is."""
    claims = extract("The health ministry has recorded 38 heat-related deaths since July 1, "
                     "the newspaper El País reported, citing ministry data.")
    reported = claims.find(cue="reported")
    assert claims.content_of(reported) == "The health ministry has recorded 38 heat-related deaths since July 1", claims.describe()


@pytest.mark.parametrize("text, cues", [
    ("She said the bank would offer jobs elsewhere and expected most of the cuts to be voluntary.", ["said"]),
    ("He said the company hoped to resume flights within a month and expected to keep all of its staff.", ["said"]),
    ("The minister said the plan was sound and urged MPs to back it.", ["said", "urged"]),
    # an auxiliary of reported speech the cue does not carry: more of what was said
    ("The city council said it was shocked by the news and would ask the company to keep the centre open.", ["said"]),
    ("Stellaris said it would launch a replacement satellite next year and would ask regulators to act.", ["said"]),
    ("The government said it had every sympathy with islanders and had asked the company to charter a ship.", ["said"]),
    # the speaker's own attitude: an inanimate subject cannot hold it, a comma or "but" sets it apart
    ("Economist Mara Voigt said inflation had peaked and believed the central bank would cut rates in June.",
     ["said", "believed"]),
    ("Head of operations Clare Dunne said the bank would offer jobs elsewhere, and expected most cuts to be "
     "voluntary.", ["said", "expected"]),
])
def test_an_attitude_coordinated_inside_a_content_goes_on_with_it(extract, text, cues):
    """Lexicon ``content_attitudes``: "and expected ..." inside what was said is part of it; a
    report coordinated there ("and urged ...") is a claim of its own."""
    claims = extract(text)
    assert [c["cue"]["text"] for c in claims] == cues, claims.describe()


@pytest.mark.parametrize("text, cue, content", [
    ("Police found nothing in his hands, which he said were at his side when he was shot.",
     "said", ["which", "were at his side when he was shot"]),
    ("Players accused the studio of using the hack as cover for a delay, which Virtanen denied.",
     "denied", ["which"]),
    ("The cut will save money, a move that analysts said would lift margins.",
     "said", ["that", "would lift margins"]),
])
def test_a_relative_pronoun_opens_the_content_of_the_relative_clause_it_opens(extract, text, cue, content):
    claims = extract(text)
    assert [piece["text"] for piece in claims.find(cue=cue)["content"]] == content, claims.describe()


def test_a_report_in_the_relative_clause_closing_another_content_is_a_claim_of_its_own(extract):
    """The closing ", which ..." clause is the writer's narration, cut from the first content, so
    the report inside it is no part of what Bamberg said."""
    claims = extract("Bamberg said the videos do not show whether Scott has anything in his hands, "
                     "which he said were at his side when he was shot.")
    assert [(c["cue"]["text"], claims.content_of(c)) for c in claims] == [
        ("said", "the videos do not show whether Scott has anything in his hands"),
        ("said", "which were at his side when he was shot"),
    ], claims.describe()


def test_a_verb_and_colon_closing_a_paragraph_reports_the_next_paragraph(extract):
    claims = extract("Gov. Smith spoke to reporters on Monday.\n\nThe governor added:\n\n"
                     "It is typical of her. She knows nothing, but the mouth never stops.\n\nThe campaign did not respond.")
    added = claims.find(cue="added")
    assert claims.content_of(added).startswith("It is typical of her. She knows nothing"), claims.describe()
    assert added["speaker"]["text"] == "The governor" and "The campaign" not in claims.content_of(added), claims.describe()
    assert not claims.matching(cue="knows"), claims.describe()


@pytest.mark.parametrize("text", [
    "The film explains history, the director said.\n\nCorrection: An earlier version of this article misstated the year.",
    "The plan has many tax breaks, the analysts said. Among them: a deduction for interest expenses.",
])
def test_a_colon_after_a_label_of_the_page_furniture_is_no_claim(extract, text):
    claims = extract(text)
    assert [c["cue"]["text"] for c in claims] == ["said"], claims.describe()


def test_an_outlet_noun_s_report_citing_a_source_speaks_for_that_source(extract):
    claims = extract("The minister will resign on Monday, the state broadcaster reported, citing government officials.")
    (reported,) = claims
    assert (reported["speaker"]["text"], reported["speaker"]["intermediary"]["text"]) == (
        "government officials", "the state broadcaster"), claims.describe()


def test_a_report_citing_a_source_speaks_for_that_source_relayed_by_the_outlet(extract):
    claims = extract("Brandt is considering raising its offer, the Dutch financial newspaper De Beurskrant reported on Monday, "
                     "citing people familiar with the matter.")
    (reported,) = claims
    assert reported["cue"]["text"] == "reported", claims.describe()
    assert reported["speaker"]["text"] == "people familiar with the matter", claims.describe()
    assert reported["speaker"]["intermediary"]["text"] == "the Dutch financial newspaper De Beurskrant", claims.describe()


@pytest.mark.parametrize("text", [
    "The mill will close by June, the company said on Thursday, citing falling demand for newsprint.",
    "The company misled its customers, the regulator said, citing documents seized in a raid.",
])
def test_a_reason_or_evidence_cited_by_anyone_but_a_named_outlet_stays_a_claim_of_its_own(extract, text):
    claims = extract(text)
    assert [c["cue"]["text"] for c in claims] == ["said", "citing"], claims.describe()
