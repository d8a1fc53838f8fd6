"""Quote extraction on sentences of our own, one pattern each."""

import pytest


def quotes_of(analyse, text, use_model=False):
    _, _, speech, _ = analyse(text, use_model=use_model)
    return speech.quotes


def only(analyse, text, **kwargs):
    found = quotes_of(analyse, text, **kwargs)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def test_direct_quote_then_said_name(analyse):
    q = only(analyse, "“The camps are closed and the students have graduated,” said Adrian Zenz.")
    assert (q.kind, q.speaker_id, q.attribution) == ("direct", "adrian-zenz", "inverted")
    assert q.text.startswith("The camps are closed")


def test_direct_quote_then_name_said(analyse):
    q = only(analyse, '"We will never accept these sanctions on our officials," Wang Yi said on Tuesday.')
    assert (q.kind, q.speaker_id) == ("direct", "wang-yi")


def test_name_said_colon_then_quote(analyse):
    q = only(analyse, "Dominic Raab said: “The evidence of gross human rights abuses is clear and it is growing.”")
    assert (q.kind, q.speaker_id, q.attribution) == ("direct", "dominic-raab", "subject")


def test_according_to(analyse):
    q = only(
        analyse, "According to Michelle Bachelet, “access to the region must be unfettered and meaningful for all”."
    )
    assert q.speaker_id == "michelle-bachelet"


def test_name_comma_role_comma_said(analyse):
    found = quotes_of(
        analyse,
        "Peter Irwin, a senior programme officer at the project, said the paper was “a crude piece of "
        "propaganda written for foreign audiences”.",
    )
    assert [(q.kind, q.speaker_id) for q in found] == [("indirect", "peter-irwin"), ("partial", "peter-irwin")]


def test_curly_single_quotes_british_style(analyse):
    found = quotes_of(
        analyse,
        "Xi Jinping told the delegates that the region must be ‘stable and prosperous for a hundred years to come’.",
    )
    assert [(q.speaker_id, q.text) for q in found if q.kind == "partial"] == [
        ("xi-jinping", "stable and prosperous for a hundred years to come")
    ]


def test_nested_quotes_stay_inside_the_outer_quote(analyse):
    q = only(analyse, "“They call it ‘vocational training’ but nobody may leave the compound,” said Zumretay Arkin.")
    assert q.text == "They call it ‘vocational training’ but nobody may leave the compound,"


def test_apostrophes_do_not_close_single_quotes(analyse):
    found = quotes_of(
        analyse, "Adrian Zenz said the plan was ‘the region’s biggest transfer of people’s labour in decades’."
    )
    assert [q.text for q in found if q.kind == "partial"] == [
        "the region’s biggest transfer of people’s labour in decades"
    ]


def test_quote_running_over_a_paragraph_break_is_one_quote_per_paragraph_with_its_speaker(analyse):
    text = (
        "“The first thing they took was our passports,” said Zumretay Arkin. “Then they took our phones.\n\n"
        "“After that, they took our children to boarding schools far away.”"
    )
    found = [(q.text, q.speaker_id) for q in quotes_of(analyse, text)]
    assert found[1:] == [
        ("Then they took our phones.", "zumretay-arkin"),
        ("After that, they took our children to boarding schools far away.", "zumretay-arkin"),
    ]


def test_unbalanced_quote_loses_only_its_paragraph(analyse):
    text = (
        "Xu Hairong said the “reports were fabricated from start to finish.\n\n"
        "“The centres have all closed and everyone has graduated,” said Shohrat Zakir."
    )
    found = quotes_of(analyse, text)
    assert [q.speaker_id for q in found if q.kind == "direct"] == ["shohrat-zakir"]


def test_continuation_paragraph_keeps_the_speaker(analyse):
    text = (
        "“Families are being separated on a scale we have not seen before,” said Zumretay Arkin.\n\n"
        "“Nobody in the diaspora can call home without fear of what happens next.”"
    )
    found = quotes_of(analyse, text)
    assert [(q.speaker_id, q.attribution) for q in found] == [
        ("zumretay-arkin", "inverted"),
        ("zumretay-arkin", "continuation"),
    ]


def test_pronoun_goes_to_the_nearest_person_not_the_last_speaker(analyse):
    text = (
        "“The figures do not add up at all,” said Adrian Zenz. Dominic Raab met the envoy on Monday. "
        "“We will keep raising these cases in every forum,” he said."
    )
    found = quotes_of(analyse, text)
    assert found[-1].speaker_id == "dominic-raab" and found[-1].attribution == "pronoun"


def test_no_speech_cue_leaves_a_quote_unattributed(analyse):
    q = only(analyse, "The banner read “Learn the law and be grateful to the party for the good life we have”.")
    assert q.speaker_id is None and q.attribution == "none"


def test_indirect_said_that(analyse):
    q = only(analyse, "Wang Yi said that the door to the region was always open to visitors who come in good faith.")
    assert (q.kind, q.speaker_id) == ("indirect", "wang-yi")
    assert q.text == "the door to the region was always open to visitors who come in good faith"


def test_indirect_told_someone_that(analyse):
    q = only(analyse, "Chen Quanguo told the council on Monday that the region had met every target in its plan.")
    assert (q.kind, q.speaker_id) == ("indirect", "chen-quanguo")
    assert q.text == "the region had met every target in its plan"


def test_indirect_closing_attribution(analyse):
    q = only(analyse, "The accusations were lies made up by hostile forces abroad, said Song Tao.")
    assert (q.kind, q.speaker_id) == ("indirect", "song-tao")
    assert q.text == "The accusations were lies made up by hostile forces abroad"


def test_document_speaks_for_its_author(analyse):
    q = only(analyse, "The UN report concluded that the detention may amount to crimes against humanity.")
    assert (q.kind, q.speaker_id, q.attribution) == ("indirect", "united-nations", "document")


def test_state_speaks_through_its_capital(analyse):
    q = only(analyse, "Beijing insists that the programmes are voluntary and have lifted millions out of poverty.")
    assert q.speaker_id == "government-of-china"


@pytest.mark.parametrize(
    "text, term",
    [
        (
            "Officials call them “vocational education and training centres”.",
            "vocational education and training centres",
        ),
        ("The so-called “re-education” drive began in 2017.", "re-education"),
        ("Critics reject the label “genocide” in public.", "genocide"),
        ("Residents were sent for “training” far from home.", "training"),
    ],
)
def test_scare_quotes_are_terms_not_quotes(analyse, text, term):
    _, _, speech, _ = analyse(text)
    assert speech.quotes == []
    assert [t.text for t in speech.terms] == [term]


def test_transcript_turns_have_their_speakers(analyse):
    text = (
        "Press conference\n\nReuters:\n\nWill the centres close this year? Thank you.\n\n"
        "Xu Hairong:\n\nAll the trainees have graduated. There are no camps.\n\n"
        "Reuters:\n\nA follow-up, please."
    )
    found = quotes_of(analyse, text, use_model=True)
    assert [(q.kind, q.speaker_text) for q in found] == [
        ("transcript", "Reuters"),
        ("transcript", "Xu Hairong"),
        ("transcript", "Reuters"),
    ]
    assert found[1].speaker_id == "xu-hairong" and found[0].speaker_id == found[2].speaker_id
    assert found[1].text == "All the trainees have graduated. There are no camps."


def test_every_quote_offset_gives_back_its_text(analyse):
    text, _, speech, _ = analyse('“One,” said Xi. ‘Two’ — “three ‘four’ five,” said Zenz. "six"')
    assert all(text[q.start : q.end] == q.text for q in speech.quotes)
    assert all(text[t.start : t.end] == t.text for t in speech.terms)


def test_relative_clause_before_the_verb_is_not_reported_speech(analyse):
    found = quotes_of(analyse, "Mr Zenz, who has studied leaked government documents, says the evidence is clear.")
    assert [(q.kind, q.text, q.speaker_id) for q in found] == [("indirect", "the evidence is clear", "adrian-zenz")]


def test_quote_of_several_sentences_takes_the_verb_after_its_close(analyse):
    q = only(analyse, "“The camps are schools. Nobody is held there against their will?” Wang Yi asked.")
    assert (q.kind, q.speaker_id) == ("direct", "wang-yi")


def test_quote_takes_speaker_from_an_appositive_of_two_parts(analyse):
    q = only(analyse, "“They told us nothing,” Adrian Zenz, 52, a researcher, said in an interview.")
    assert q.speaker_id == "adrian-zenz"


def test_a_stance_verb_after_a_quote_does_not_claim_it(analyse):
    found = quotes_of(
        analyse, "Adrian Zenz said that the policies may amount to “crimes against humanity,” a finding China rejected."
    )
    assert [q.speaker_id for q in found if q.kind == "partial"] == ["adrian-zenz"]


def test_a_stance_verb_before_a_quote_governs_it(analyse):
    q = only(analyse, "China rejected the finding as based on “disinformation and lies fabricated by hostile forces”.")
    assert (q.kind, q.speaker_id) == ("partial", "government-of-china")


def test_passive_verb_does_not_make_its_subject_the_speaker(analyse):
    found = quotes_of(analyse, "China was accused by the researchers of running “a system of coercive labour”.")
    assert all(q.speaker_id != "government-of-china" for q in found)


def test_said_then_noun_phrase_clause_is_reported_speech(analyse):
    found = quotes_of(analyse, "Wang Yi said EU envoys were welcome to visit the region, and accused the EU of delays.")
    assert [(q.kind, q.text, q.speaker_id) for q in found] == [
        ("indirect", "EU envoys were welcome to visit the region", "wang-yi"),
        ("indirect", "the EU of delays", "wang-yi"),
    ]


def test_second_verb_of_a_subject_speaks_for_it(analyse):
    found = quotes_of(analyse, "Adrian Zenz welcomed the sanctions but said they came “years too late” for families.")
    assert {(q.kind, q.speaker_id) for q in found} == {("partial", "adrian-zenz"), ("indirect", "adrian-zenz")}


def test_reported_clause_before_a_speaker_with_an_appositive(analyse):
    found = quotes_of(
        analyse, "The sanctions have failed, Adrian Zenz, a senior fellow at a foundation, told reporters on Tuesday."
    )
    assert [(q.kind, q.text, q.speaker_id) for q in found] == [("indirect", "The sanctions have failed", "adrian-zenz")]


def test_reported_speech_that_ends_in_a_quotation_keeps_it_whole(analyse):
    found = quotes_of(
        analyse, "China said that its treatment of minorities in the region “stood out as a shining example of it.”"
    )
    assert [(q.kind, q.text) for q in found] == [
        ("indirect", "its treatment of minorities in the region “stood out as a shining example of it.”"),
        ("partial", "stood out as a shining example of it."),
    ]


def test_the_spokesperson_is_the_person_given_that_role(analyse):
    text = (
        "Zhao Lijian, a foreign ministry spokesperson, spoke first. Adrian Zenz, a researcher, replied. "
        "The spokesperson said China would take “necessary measures” in response."
    )
    assert quotes_of(analyse, text)[-1].speaker_id == "zhao-lijian"


def test_a_role_nobody_was_given_stays_unattributed(analyse):
    text = "Adrian Zenz, a researcher, spoke first. The spokesperson said China would take “firm and proper measures”."
    assert all(q.speaker_id is None for q in quotes_of(analyse, text) if q.kind == "partial")


def test_a_body_word_points_to_the_organisation_that_holds_it(analyse):
    text = (
        "The Ministry of Foreign Affairs of China issued a statement. "
        "“Forced labour is a lie,” a ministry spokesperson told a news briefing."
    )
    assert quotes_of(analyse, text)[-1].speaker_id == "ministry-of-foreign-affairs-of-china"


def test_she_said_skips_a_man_named_more_recently(analyse):
    text = (
        "Ms Bachelet visited the region in May. Mr Zenz criticised the visit. "
        "“I was not given unfettered access to the camps,” she said."
    )
    assert quotes_of(analyse, text)[-1].speaker_id == "michelle-bachelet"


def test_honorific_and_surname_name_a_registry_person(analyse):
    q = only(analyse, "“The data are unambiguous,” Mr Zenz said.")
    assert q.speaker_id == "adrian-zenz"


def test_inline_transcript_turns(analyse):
    text = (
        "AFP: Do you have a response to the new sanctions?\n\n"
        "Zhao Lijian: The so-called forced labour is a lie. We will respond firmly.\n\n"
        "AFP: A follow-up question.\n\n"
        "Zhao Lijian: I have answered that."
    )
    found = quotes_of(analyse, text)
    assert [(q.kind, q.speaker_id) for q in found] == [
        ("transcript", "agence-france-presse"),
        ("transcript", "zhao-lijian"),
        ("transcript", "agence-france-presse"),
        ("transcript", "zhao-lijian"),
    ]
    assert found[1].text == "The so-called forced labour is a lie. We will respond firmly."


def test_a_single_label_paragraph_is_not_a_transcript(analyse):
    found = quotes_of(analyse, "Note: figures are from 2019.\n\nSummary: the region grew.")
    assert found == []


def test_a_question_and_its_answer_make_a_transcript(analyse):
    text = (
        "AFP: The US says genocide is under way. Do you have any response?\n\n"
        "Zhao Lijian: We condemn these lies.\n\nThe word has a rigorous definition."
    )
    found = [q for q in quotes_of(analyse, text) if q.kind == "transcript"]
    assert [q.speaker_id for q in found] == ["agence-france-presse", "zhao-lijian"]
    assert found[1].text == "We condemn these lies.\n\nThe word has a rigorous definition."


def test_an_abbreviation_in_brackets_keeps_the_subject(analyse):
    q = only(analyse, "“The camps are closed,” the Ministry of Foreign Affairs of China (MFA) said on Tuesday.")
    assert q.speaker_id == "ministry-of-foreign-affairs-of-china"


def test_the_spokesperson_continues_a_spokesperson_introduced_for_a_body(analyse):
    text = (
        "The Ministry of Foreign Affairs of China held a briefing. Adrian Zenz, a researcher, objected. "
        "“The claims are lies,” a ministry spokesperson said. The spokesperson said China would take “firm measures”."
    )
    assert {q.speaker_id for q in quotes_of(analyse, text)} == {"ministry-of-foreign-affairs-of-china"}


def test_a_cue_set_off_by_commas_reports_the_whole_sentence(analyse):
    found = quotes_of(analyse, "Adrian Zenz spoke first. Today, Zenz says, the camps hold fewer people than before.")
    assert [(q.kind, q.text, q.speaker_id) for q in found] == [
        ("indirect", "Today, Zenz says, the camps hold fewer people than before", "adrian-zenz")
    ]


def test_said_then_a_clause_with_an_appositive(analyse):
    q = only(analyse, "Adrian Zenz said his colleague, a retired teacher, was sentenced to 20 years in 2019.")
    assert q.text == "his colleague, a retired teacher, was sentenced to 20 years in 2019"


def test_asked_them_to_is_not_reported_speech(analyse):
    assert quotes_of(analyse, "Xi Jinping asked all officials in the region to remain united and vigilant.") == []


def test_a_statement_speaks_for_the_body_that_issued_it(analyse):
    text = (
        "In a written statement, a spokesperson for the Ministry of Foreign Affairs of China in Beijing said the "
        "claims were false. “The people of Xinjiang live in peace and contentment,” the statement said."
    )
    assert {q.speaker_id for q in quotes_of(analyse, text)} == {"ministry-of-foreign-affairs-of-china"}


def test_a_speaker_with_a_long_appositive_after_the_quote(analyse):
    text = (
        "“The claims are false. The region is stable,” Adrian Zenz, a research fellow at the Institute of Central "
        "Asian Studies and Politics of the Academy of Social Sciences, told reporters on Thursday."
    )
    assert only(analyse, text).speaker_id == "adrian-zenz"


def test_told_names_the_listener_not_the_speaker(analyse):
    found = quotes_of(analyse, "“The camps are closed,” told Reuters on Monday.")
    assert all(q.speaker_id != "reuters" for q in found)


def test_a_description_naming_its_body_speaks_for_it(analyse):
    text = (
        "A Chinese foreign ministry spokesperson said: “The report is a lie.” "
        "The spokesperson said China would “firmly respond” to any new sanctions."
    )
    assert {q.speaker_id for q in quotes_of(analyse, text)} == {"ministry-of-foreign-affairs-of-china"}


def test_then_and_a_new_verb_end_reported_speech(analyse):
    q = only(analyse, "China denied the camps existed, then described them as schools needed to fight extremism.")
    assert q.text == "the camps existed"


def test_a_slogan_is_a_label_however_long(analyse):
    found = quotes_of(analyse, "Users shared the slogan “Our cotton, the finest cotton in the whole wide world.”")
    assert found == []


def test_said_then_a_present_tense_clause(analyse):
    q = only(analyse, "Adrian Zenz said the cotton industry in the region now supports more jobs than before.")
    assert q.text == "the cotton industry in the region now supports more jobs than before"


def test_a_plural_noun_is_not_the_verb_of_a_bare_clause(analyse):
    found = quotes_of(analyse, "China denies abuses and claims its schools closed in 2019.")
    assert all(not q.text.startswith("abuses") for q in found)


def test_that_inside_a_clause_already_under_way(analyse):
    q = only(analyse, "Adrian Zenz said he was grateful to lawmakers but worried that goods could still be sold.")
    assert q.text == "he was grateful to lawmakers but worried that goods could still be sold"


def test_the_senator_is_the_person_titled_sen(analyse):
    text = "Sen. Dominic Raab spoke first. Enforcement needs more money, the senator said."
    assert only(analyse, text).speaker_id == "dominic-raab"


def test_a_possessive_speech_noun_names_whose_words_they_are(analyse):
    text = (
        "Adrian Zenz spoke first, he said. "
        "Guided by Xi Jinping's pledge that “no ethnic group should be left behind on the road”, the region invested."
    )
    assert quotes_of(analyse, text)[-1].speaker_id == "xi-jinping"


def test_a_quote_inside_the_reporters_clause_does_not_take_the_closing_verb(analyse):
    found = quotes_of(
        analyse, "More than 1,200 “satellite factories” in or near villages employ local residents, Adrian Zenz said."
    )
    assert all(q.kind != "partial" for q in found)


def test_a_fragment_the_clause_goes_on_after_stays_in_the_reported_speech(analyse):
    found = quotes_of(
        analyse,
        "Adrian Zenz said the group had met “every delegation that would listen to it” in the run-up to the vote.",
    )
    assert [q.text for q in found if q.kind == "indirect"] == [
        "the group had met “every delegation that would listen to it” in the run-up to the vote"
    ]


def test_the_company_is_the_organisation_named_just_before(analyse):
    text = "Human Rights Watch published the files. The company said it had never used forced labour in its supply."
    assert only(analyse, text).speaker_id == "human-rights-watch"


def test_a_possessive_report_speaks_for_its_owner(analyse):
    text = (
        "Human Rights Watch’s annual report for 2023, a copy of which was seen by reporters, said the company had "
        "taken on 1,250 workers."
    )
    assert only(analyse, text).speaker_id == "human-rights-watch"


def test_the_official_is_the_person_given_an_office(analyse):
    text = (
        "“Visits rose,” said Adrian Zenz, deputy director of the regional tourism department. "
        "Revenue reached a record in the summer season, the official said."
    )
    assert quotes_of(analyse, text)[-1].speaker_id == "adrian-zenz"


def test_asked_whether_is_the_question_not_the_answer(analyse):
    text = "Adrian Zenz spoke. Asked whether the man was still held, he said he did not know the answer."
    assert [q.text for q in quotes_of(analyse, text)] == ["he did not know the answer"]


def test_a_verdict_in_the_speakers_words_is_a_partial_quote(analyse):
    q = only(analyse, "Adrian Zenz described the region’s aluminium industry as “hidden in plain sight”.")
    assert (q.kind, q.speaker_id) == ("partial", "adrian-zenz")


def test_a_verdict_inside_a_nested_reported_clause_is_the_outer_speakers(analyse):
    found = quotes_of(analyse, "Adrian Zenz said the findings showed the law was “not fit for purpose”.")
    assert ("partial", "adrian-zenz", "not fit for purpose") in [(q.kind, q.speaker_id, q.text) for q in found]


def test_a_quoted_verb_phrase_in_a_reported_clause_is_the_speakers_words(analyse):
    found = quotes_of(analyse, "Peter Irwin said the record shows that the ban “has no teeth” at the border.")
    assert ("partial", "peter-irwin", "has no teeth") in [(q.kind, q.speaker_id, q.text) for q in found]


def test_one_quoted_word_after_had_been_stays_a_label(analyse):
    found = quotes_of(analyse, "Adrian Zenz said that the workers had been “coerced” into picking cotton.")
    assert [q.kind for q in found] == ["indirect"]


def test_the_name_of_a_thing_after_described_as_is_a_label(analyse):
    found = quotes_of(analyse, "China later described the camps as “vocational education and training centres”.")
    assert found == []


def test_no_continuation_when_another_person_is_named_in_the_quotes_sentence(analyse):
    text = "“We are afraid,” Adrian Zenz said.\n\n“It is a lie” — that was how Wang Yi put it at the briefing."
    assert quotes_of(analyse, text)[-1].speaker_id != "adrian-zenz"


def test_a_quoted_subject_of_a_reported_clause_is_the_speakers_words(analyse):
    found = quotes_of(
        analyse,
        "The UN human rights office said in a report on Wednesday that “serious violations” had been committed.",
    )
    assert {(q.kind, q.speaker_id) for q in found} == {("partial", "ohchr"), ("indirect", "ohchr")}


def test_the_mission_speaks_for_the_government_it_represents(analyse):
    text = "China's mission in Geneva rejected the report. “It is based on lies,” the mission said in a statement."
    assert only(analyse, text).speaker_id == "government-of-china"


def test_a_claim_that_is_not_the_speakers_clause(analyse):
    found = quotes_of(analyse, "Wang Yi said the claim that genocide was taking place was a rumour and a lie.")
    assert all(not q.text.startswith("genocide") for q in found)


def test_a_fragment_inside_a_reported_clause_belongs_to_the_clause_speaker(analyse):
    found = quotes_of(
        analyse,
        "A UK government spokesperson said importers were obliged under the new rules to report on their "
        "suppliers each year, and that ministers “keep the rules under review”.",
    )
    fragment = next(q for q in found if q.kind == "partial")
    assert (fragment.text, fragment.speaker_id) == ("keep the rules under review", "government-of-the-united-kingdom")


def test_a_long_reported_clause_without_that_is_kept_before_a_closing_fragment(analyse):
    found = quotes_of(
        analyse,
        "A UK government spokesperson said importers were obliged under the new rules to report on their "
        "suppliers each year, and that ministers “keep the rules under review”.",
    )
    reported = next(q for q in found if q.kind == "indirect")
    assert reported.text.startswith("importers were obliged under the new rules")
    assert reported.speaker_id == "government-of-the-united-kingdom"


def test_a_finding_with_that_is_reported_speech(analyse):
    q = only(
        analyse, "The UN report found that arbitrary detention in the region had been widespread between 2017 and 2019."
    )
    assert (q.kind, q.speaker_id) == ("indirect", "united-nations")
    assert q.text.startswith("arbitrary detention")


def test_a_document_with_no_author_named_is_the_body_named_just_before(analyse):
    found = quotes_of(
        analyse,
        "Human Rights Watch said it had documented hundreds of cases in the region.\n\n"
        "The report found that most of the detainees had been held without any charge.",
    )
    finding = next(q for q in found if q.text.startswith("most of the detainees"))
    assert finding.speaker_id == "human-rights-watch"


def test_she_after_a_spokesperson_is_the_body_the_spokesperson_speaks_for(analyse):
    found = quotes_of(
        analyse,
        "Adrian Zenz said the data were clear.\n\n"
        "A Chinese foreign ministry spokesperson said the findings were a fabrication. She added that the "
        "region was stable and prosperous.",
    )
    assert [(q.text, q.speaker_id) for q in found][1:] == [
        ("the findings were a fabrication", "ministry-of-foreign-affairs-of-china"),
        ("the region was stable and prosperous", "ministry-of-foreign-affairs-of-china"),
    ]


def test_a_noun_that_looks_like_a_speech_verb_does_not_stop_a_reported_clause(analyse):
    q = only(analyse, "Adrian Zenz said the report was based on leaked government documents.")
    assert (q.text, q.speaker_id) == ("the report was based on leaked government documents", "adrian-zenz")


def test_a_claim_that_a_fragment_judges_is_not_reported_speech(analyse):
    found = quotes_of(analyse, "Wang Yi said the claim that abuses were taking place ‘could not be more preposterous’.")
    assert "abuses were taking place" not in [q.text for q in found]
    assert [q.text for q in found if q.kind == "indirect"] == [
        "the claim that abuses were taking place ‘could not be more preposterous’"
    ]


def test_an_unnamed_officer_at_a_local_office_speaks_for_the_office(analyse):
    found = quotes_of(
        analyse,
        "An officer at the Tokkuzak township police station, who declined to give his name, said the men had "
        "been taken into custody for praying.\n\n"
        '"That is not allowed," he said.',
    )
    assert [q.speaker_id for q in found] == ["tokkuzak-township-police-station"] * 2


def test_the_company_is_never_the_news_agency_the_text_reports_through(analyse):
    found = quotes_of(
        analyse,
        "Shares of Petrova Lines Inc fell 9% on Monday, Reuters reported.\n\n"
        '"We have done nothing wrong," the company said.',
        use_model=True,
    )
    assert found[-1].speaker_id == "petrova-lines"


def test_a_clause_after_the_speaker_that_opens_with_as_is_the_reporters(analyse):
    q = only(
        analyse,
        "Incomes grew faster than in the cities, Adrian Zenz said, as the region pressed ahead with its plans.",
    )
    assert q.text == "Incomes grew faster than in the cities"


def test_the_agency_is_the_body_named_in_the_sentence_before_not_the_news_agency(analyse):
    found = quotes_of(
        analyse,
        "WASHINGTON (AP) -- Imports fell.\n\n"
        "In a statement, CBP said it does not comment on specific investigations. The agency said it had "
        "reviewed more than 4,900 shipments since 2022.",
        use_model=True,
    )
    assert [q.speaker_id for q in found] == ["us-customs-and-border-protection"] * 2


def test_a_report_named_after_its_author_is_the_authors(analyse):
    found = quotes_of(
        analyse,
        "The Ledgerline Institute said it had traced the panels.\n\n"
        "Xinjiang accounted for about 35% of global production in 2025, the Ledgerline report estimated.",
        use_model=True,
    )
    assert found[-1].speaker_id == "ledgerline-institute"


def test_a_document_speaks_after_how_it_came_out(analyse):
    q = only(
        analyse,
        "A white paper released by the State Council Information Office in 2021 pointed out that the "
        "population had grown faster than the national average.",
    )
    assert (q.speaker_id, q.attribution) == ("state-council-information-office", "document")


def test_a_body_speaks_after_what_it_is_for(analyse):
    q = only(
        analyse,
        "In 2018 the UN committee on the elimination of racial discrimination said it had received credible "
        "reports of mass detention.",
    )
    assert q.speaker_id == "united-nations"


def test_an_abbreviation_with_dots_is_part_of_a_reported_clause_without_that(analyse):
    q = only(analyse, "Adrian Zenz said the U.S. decision would not change the policy.")
    assert q.text == "the U.S. decision would not change the policy"


def test_a_that_after_a_subject_and_its_verb_is_inside_the_reported_clause(analyse):
    q = only(analyse, "Adrian Zenz said those labels hide the pressure that local officials put on families.")
    assert q.text == "those labels hide the pressure that local officials put on families"


def test_a_government_agency_is_the_agency_even_though_news_agencies_are_left_out(analyse):
    found = quotes_of(
        analyse,
        "The US Environmental Protection Agency said it had fined the plant. The agency added that it would "
        "inspect other sites.",
        use_model=True,
    )
    assert [q.speaker_id for q in found] == ["us-environmental-protection-agency"] * 2


def test_the_charge_someone_was_jailed_for_is_a_term_not_a_quote(analyse):
    _, _, speech, _ = analyse(
        "Adrian Zenz said her brother was sentenced to 17 years for “gathering a crowd to disturb social order”."
    )
    assert [q.kind for q in speech.quotes] == ["indirect"]
    assert [t.text for t in speech.terms] == ["gathering a crowd to disturb social order"]


def test_a_quotation_opening_the_next_paragraph_does_not_make_a_list(analyse):
    found = quotes_of(
        analyse,
        "A spokesperson for the Chinese Embassy said the law was unfair and called the allegations "
        "“the lie of the century.”\n\n“We oppose it,” the spokesperson said.",
    )
    assert "the lie of the century." in [q.text for q in found if q.kind == "partial"]


def test_what_authorities_call_a_thing_is_a_label(analyse):
    _, _, speech, _ = analyse(
        "Relatives told Adrian Zenz he had been taken to what Chinese authorities call a “vocational skills "
        "education and training center.”"
    )
    assert "vocational skills education and training center" in [t.text for t in speech.terms]


def test_quoted_him_as_saying_gives_the_words_to_the_one_quoted(analyse):
    found = quotes_of(
        analyse,
        "Adrian Zenz arrived in Urumqi in July.\n\n"
        "A readout published by the official Xinjiang Daily quoted him as saying that stability work must "
        "“never be relaxed for a single day”.",
    )
    assert [(q.kind, q.speaker_id) for q in found] == [("indirect", "adrian-zenz"), ("partial", "adrian-zenz")]


def test_the_company_is_a_company_not_the_union_named_just_before(analyse):
    found = quotes_of(
        analyse,
        "German solar module maker Sonnfeld Solar ordered an audit as a European Union ban nears.\n\n"
        '"We want to know where every wafer comes from," the company said.',
        use_model=True,
    )
    assert found[-1].speaker_id == "sonnfeld-solar"


def test_a_transcripts_last_turn_ends_where_the_reporter_resumes(analyse):
    found = quotes_of(
        analyse,
        "The following is an excerpt.\n\nChina News Service:\n\nWhat are the priorities for the fourth quarter?\n\n"
        "Adrian Zenz:\n\nWe will speed up construction of energy projects.\n\n"
        "The region has opened 12 new air routes this year, Adrian Zenz said after the press conference.\n",
    )
    assert [(q.kind, q.text) for q in found][-2:] == [
        ("transcript", "We will speed up construction of energy projects."),
        ("indirect", "The region has opened 12 new air routes this year"),
    ]


def test_a_statement_before_the_speaker_survives_a_long_place_after_it(analyse):
    q = only(
        analyse,
        "Tourism revenue rose 13.2 percent in the period, Adrian Zenz said at the press conference held by the "
        "information office of the regional people's government.",
    )
    assert q.text == "Tourism revenue rose 13.2 percent in the period"


def test_an_acronym_in_brackets_is_part_of_a_reported_clause_without_that(analyse):
    q = only(analyse, "Adrian Zenz said Xinjiang's gross domestic product (GDP) reached 1.52 trillion yuan.")
    assert q.text.startswith("Xinjiang's gross domestic product (GDP) reached")


def test_a_quote_after_an_unnamed_speakers_quote_stays_unattributed(analyse):
    text = (
        "‘We left at night,’ Erkin Yasin says. He was 40 then.\n\n"
        "A former guard, who asked not to be named, said little. ‘They told us to wait,’ she said. ‘Nobody came back.’"
    )
    _, _, speech, _ = analyse(text)
    last = next(q for q in speech.quotes if q.text == "Nobody came back.")
    assert last.speaker_id is None


def test_a_heading_with_a_colon_is_not_a_transcript_turn(analyse):
    text = (
        "Activists: welcome but overdue\n\nThe vote passed.\n\nCritics: too little, too late\n\n"
        "Business: a heavy burden\n\nFirms were worried."
    )
    _, _, speech, _ = analyse(text)
    assert [q for q in speech.quotes if q.kind == "transcript"] == []


def test_a_quote_after_a_colon_belongs_to_the_subject_of_its_clause(analyse):
    text = "Adrian Zenz, who led the study, was blunter in the debate: “Every year we wait, the files grow.”"
    _, _, speech, _ = analyse(text)
    quote = next(q for q in speech.quotes if q.kind == "direct")
    assert (quote.speaker_id, quote.attribution) == ("adrian-zenz", "colon")


def test_a_quotation_opening_the_paragraph_after_a_colon_belongs_to_the_subject_before_it(analyse):
    text = (
        "Adrian Zenz issued the following statement:\n\n“The assessment confirms what we found.\n\n"
        "“It must now be acted on.”"
    )
    assert [(q.speaker_id, q.attribution) for q in quotes_of(analyse, text)] == [("adrian-zenz", "colon")] * 2


def test_a_quotation_after_a_line_headed_statement_by_someone_is_theirs(analyse):
    text = (
        "Joint statement on Xinjiang\n\nThe government joined the statement today.\n\n"
        "Statement by Adrian Zenz, Senior Fellow\n\n“The assessment confirms what we found.\n\n"
        "“It must now be acted on.”"
    )
    assert [(q.speaker_id, q.attribution) for q in quotes_of(analyse, text)] == [("adrian-zenz", "colon")] * 2


def test_a_quoted_fragment_that_holds_the_verb_of_the_words_before_it_stays_in_the_statement(analyse):
    text = 'Adrian Zenz said the new report showed why the export control list "must keep growing and fast."'
    indirect = [q.text for q in quotes_of(analyse, text) if q.kind == "indirect"]
    assert indirect == ['the new report showed why the export control list "must keep growing and fast."']


def test_a_quoted_fragment_that_ends_an_accusation_completes_the_charge(analyse):
    text = 'Adrian Zenz accused the ministry of using human rights as a pretext "to suppress companies and the region."'
    indirect = [q.text for q in quotes_of(analyse, text) if q.kind == "indirect"]
    assert indirect == ['the ministry of using human rights as a pretext "to suppress companies and the region."']


def test_a_bracketed_party_before_an_appositive_keeps_the_speaker(analyse):
    text = "Adrian Zenz (Germany), who testified first, said the resolution was “a gift to our competitors”."
    _, _, speech, _ = analyse(text)
    partial = next(q for q in speech.quotes if q.kind == "partial")
    assert partial.speaker_id == "adrian-zenz"


def test_an_adverb_between_the_verb_and_that_keeps_the_reported_clause(analyse):
    _, _, speech, _ = analyse("Adrian Zenz insisted, however, that the files were authentic and complete.")
    assert [q.text for q in speech.quotes if q.kind == "indirect"] == ["the files were authentic and complete"]


def test_a_statement_belongs_to_the_body_that_opens_its_sentence(analyse):
    text = (
        "Uzbekistan’s Ministry of Foreign Affairs said in a statement that assurances had been given. "
        "The statement said the men were treated according to the law."
    )
    _, found, speech, _ = analyse(text, use_model=True)
    ministry = next(m.actor_id for m in found.mentions if m.text.startswith("Ministry"))
    second = next(q for q in speech.quotes if q.text.startswith("the men"))
    assert second.speaker_id == ministry


def test_said_then_a_description_then_a_name_is_the_named_person(analyse):
    text = (
        "H&M sent the samples to a laboratory. "
        "“The signature is not subtle,” said the firm’s chief scientist, Adrian Zenz, who tests cotton."
    )
    _, _, speech, _ = analyse(text, use_model=True)
    assert speech.quotes[0].speaker_id == "adrian-zenz"


def test_a_body_described_by_an_appositive_that_names_another_still_speaks(analyse):
    text = (
        "The Uyghur Human Rights Project, a group whose partners include Human Rights Watch, said the case showed "
        "the need for clearer rules."
    )
    _, _, speech, _ = analyse(text)
    assert [q.speaker_id for q in speech.quotes if q.kind == "indirect"] == ["uyghur-human-rights-project"]


def test_saying_after_an_act_reports_the_subjects_speech(analyse):
    text = (
        "Separately, the Uyghur Human Rights Project added 11 companies to its list, saying they had "
        "used labor transferred from the region."
    )
    _, _, speech, _ = analyse(text)
    assert [(q.kind, q.speaker_id) for q in speech.quotes] == [("indirect", "uyghur-human-rights-project")]


def test_noting_after_said_is_a_statement_of_the_same_speaker(analyse):
    text = "Adrian Zenz said the files were authentic, noting that the police had kept them for years."
    _, _, speech, _ = analyse(text)
    found = [(q.text, q.speaker_id) for q in speech.quotes]
    assert found == [("the files were authentic", "adrian-zenz"), ("the police had kept them for years", "adrian-zenz")]


def test_a_lead_that_holds_back_a_name_gives_it_in_the_next_paragraph(analyse):
    text = (
        "A Uyghur activist whose brother has been missing for five years told lawmakers on Tuesday that the "
        "programmes had emptied her village.\n\n"
        "Rahima Tohti, who fled to Canada in 2017, testified before a parliamentary committee."
    )
    assert [q.speaker_id for q in quotes_of(analyse, text, use_model=True)] == ["rahima-tohti"]


def test_she_after_a_daughter_named_with_her_father_is_the_daughter(analyse):
    text = (
        "Rahim Qadir was sentenced to 12 years, his cousin said.\n\n"
        "Qadir’s eldest daughter, Mihray Qadir, who lives in the Netherlands, learned of it in 2021.\n\n"
        "“I have written to the embassy three times,” she told reporters."
    )
    assert quotes_of(analyse, text, use_model=True)[-1].speaker_id == "mihray-qadir"


def test_the_company_is_the_one_the_sentence_before_is_about(analyse):
    text = (
        "German carmaker Volkswagen said in 2023 that the company would keep the plant.\n\n"
        "The chemicals giant BASF made a similar decision. In February, the company said it would sell its "
        "stakes in two joint ventures."
    )
    assert [q.speaker_id for q in quotes_of(analyse, text, use_model=True)][-1] == "basf"


def test_an_attribution_in_a_crosshead_is_not_reported_speech(analyse):
    text = (
        "Officials defend the programme\n\n"
        "Minister says the camps have closed\n\n"
        "The minister told reporters on Monday that all trainees had graduated and gone home."
    )
    assert [q.text for q in quotes_of(analyse, text)] == ["all trainees had graduated and gone home"]


def test_the_words_a_named_accuser_puts_in_quotation_marks_are_theirs(analyse):
    found = quotes_of(
        analyse, "Human Rights Watch accused Central Asian governments of “outsourcing their asylum decisions.”"
    )
    assert [q.kind for q in found] == ["indirect", "partial"]
    assert {q.speaker_id for q in found} == {"human-rights-watch"}
    assert found[0].text.startswith("Central Asian governments of")


def test_the_charge_someone_was_accused_of_is_a_label(analyse):
    assert quotes_of(analyse, "He was accused of “inciting ethnic hatred and separatism” in 2018.") == []


def test_a_verdict_in_quotation_marks_is_whoever_gave_it_even_before_another_cue(analyse):
    text = (
        "The Chinese foreign ministry has described the camps as “an internal affair of the People’s Republic of "
        "China.” Asked about the issue, a spokesperson told reporters that nothing had changed."
    )
    found = quotes_of(analyse, text)
    assert (found[0].kind, found[0].speaker_id) == ("partial", "ministry-of-foreign-affairs-of-china")


def test_reported_speech_ends_at_a_colon_that_opens_a_quotation(analyse):
    text = "Adrian Zenz argues that the distinction matters: ‘The question is whether they can say no.’"
    assert [(q.kind, q.text) for q in quotes_of(analyse, text)] == [
        ("indirect", "the distinction matters"),
        ("direct", "The question is whether they can say no."),
    ]


def test_a_brand_in_quotation_marks_is_a_label(analyse):
    text = "Under the tourism brand “Xinjiang is a good place,” the department said it had held 200 events."
    assert [q.kind for q in quotes_of(analyse, text)] == ["indirect"]


def test_introduced_that_reports_what_an_official_said(analyse):
    found = quotes_of(analyse, "Wang Jianguo, head of the county, introduced that the county has attracted 37 firms.")
    assert [(q.kind, q.text) for q in found] == [("indirect", "the county has attracted 37 firms")]


def test_the_answers_of_an_interview_are_whoever_the_text_names_before_it(analyse):
    text = (
        "Chinese foreign ministry spokesperson's remarks on a BBC report\n\n"
        "Q: The BBC says the camps remain open. What is your comment?\n\n"
        "A: The report is yet another lie about Xinjiang.\n\n"
        "Q: Will China respond?\n\n"
        "A: We will take all necessary measures."
    )
    answers = [q for q in quotes_of(analyse, text) if q.kind == "transcript" and q.speaker_id]
    assert {q.speaker_id for q in answers} == {"ministry-of-foreign-affairs-of-china"} and len(answers) == 2


def test_a_programme_s_guest_is_the_person_named_before_and_its_callers_are_no_one(analyse):
    text = (
        "Washington Journal: Rachel Osei on the forced labour law\n\n"
        "HOST: Joining us now is Rachel Osei. What changes today?\n\n"
        "GUEST: The burden of proof flips to the importer.\n\n"
        "CALLER: Will prices go up?\n\n"
        "GUEST: Some costs will go up, yes."
    )
    turns = {q.text: q.speaker_id for q in quotes_of(analyse, text, use_model=True) if q.kind == "transcript"}
    assert turns["The burden of proof flips to the importer."] == "rachel-osei"
    assert turns["Some costs will go up, yes."] == "rachel-osei"
    assert turns["Will prices go up?"] is None


def test_a_broadcast_label_in_capitals_is_the_person_named_in_full_before(analyse):
    text = (
        "NPR's Ari Shapiro talks with a researcher.\n\n"
        "SHAPIRO: What jumps out at you?\n\nLARKIN: The faces.\n\nSHAPIRO: Why?"
    )
    asked = [q for q in quotes_of(analyse, text, use_model=True) if q.text.startswith("What jumps")]
    assert asked[0].speaker_id == "ari-shapiro"


def test_a_speaker_in_a_transcript_reporting_their_own_words_adds_no_quote(analyse):
    text = "CHAIR: What did you tell them?\n\nWITNESS: I said that I would not go back.\n\nCHAIR: Thank you."
    assert [q.kind for q in quotes_of(analyse, text)] == ["transcript"] * 3


def test_a_fragment_with_no_speech_verb_is_the_words_of_the_sentences_subject(analyse):
    text = "Human Rights Watch pledged to “keep documenting every case that we are able to verify”."
    quote = only(analyse, text)
    assert (quote.kind, quote.speaker_id, quote.attribution) == ("partial", "human-rights-watch", "subject")


def test_a_speaker_set_off_mid_sentence_divides_two_statements(analyse):
    text = (
        "Quotas for such transfers are set at township level, the ministry says, and officials who fail to meet "
        "them face disciplinary consequences."
    )
    assert [q.text for q in quotes_of(analyse, text) if q.kind == "indirect"] == [
        "Quotas for such transfers are set at township level",
        "officials who fail to meet them face disciplinary consequences",
    ]


def test_a_verdict_in_quotation_marks_after_calling_something_is_the_speakers(analyse):
    text = "Human Rights Watch rejected the ministry's figures on Tuesday, calling them “a complete fabrication”."
    quote = only(analyse, text)
    assert (quote.kind, quote.speaker_id) == ("partial", "human-rights-watch")


@pytest.mark.parametrize(
    "text, statements",
    [
        (
            "Australia has more than 4 million rooftop solar systems, according to Human Rights Watch, and most of "
            "the panels installed here are made in China.",
            [
                "Australia has more than 4 million rooftop solar systems",
                "most of the panels installed here are made in China",
            ],
        ),
        (
            "The review will cost an estimated 14 million euros, Human Rights Watch said, and is due to be completed "
            "by the end of June.",
            ["The review will cost an estimated 14 million euros"],
        ),
    ],
    ids=["a clause after the attribution", "a verb that goes on with the subject before"],
)
def test_an_attribution_in_mid_sentence_divides_two_clauses_only(analyse, text, statements):
    assert [q.text for q in quotes_of(analyse, text) if q.kind == "indirect"] == statements


@pytest.mark.parametrize(
    "text, reported",
    [
        (
            "CHAIR: Has anyone contacted your family?\n\n"
            "WITNESS: Yes. Human Rights Watch told us that the camps had not closed.\n\nCHAIR: Thank you.",
            [("the camps had not closed", "human-rights-watch")],
        ),
        (
            "ADRIAN ZENZ: Thank you for having me.\n\nJAMES LONGMAN: In a small flat, a woman keeps her brother's "
            "jacket. She says that he was taken in 2017.\n\nADRIAN ZENZ: That fits the records.",
            [("he was taken in 2017", None)],
        ),
    ],
    ids=["someone else's words", "a pronoun is not the turn's own speaker"],
)
def test_a_speaker_in_a_transcript_turn_may_report_someone_elses_words(analyse, text, reported):
    found = [(q.text, q.speaker_id) for q in quotes_of(analyse, text) if q.kind == "indirect"]
    assert found == reported


def test_a_turn_that_ends_citing_a_body_reports_only_that_sentence_for_it(analyse):
    text = (
        "Reuters: Will the centres close this year?\n\n"
        "Xu Hairong: Thank you for your question. Incomes rose 8 percent, the statistics bureau said."
    )
    reported = [q.text for q in quotes_of(analyse, text, use_model=True) if q.kind == "indirect"]
    assert reported == ["Incomes rose 8 percent"]


def test_whoever_tells_or_says_something_reports_it_though_the_lexicon_does_not_list_them(analyse):
    found = quotes_of(analyse, "One importer told American media that the new rules would cost a fortune.", True)
    assert [(q.kind, q.text) for q in found] == [("indirect", "the new rules would cost a fortune")]


def test_one_word_a_reported_statement_says_something_is_is_the_speakers_partial_quote(analyse):
    found = quotes_of(analyse, "Wang Yi said the accusations were “groundless” and politically motivated.")
    assert ("partial", "groundless", "wang-yi") in {(q.kind, q.text, q.speaker_id) for q in found}


def test_one_scare_quoted_verb_in_a_reported_statement_stays_a_term(analyse):
    _, _, speech, _ = analyse("Adrian Zenz said the workers had been “coerced” into picking cotton.")
    assert [t.text for t in speech.terms] == ["coerced"]


def test_a_reported_clause_whose_verb_the_parser_missed_is_still_reported(analyse):
    text = "He said Türkiye imported textile and apparel products worth around $2.1 billion from China last year."
    assert [q.kind for q in quotes_of(analyse, text, True)] == ["indirect"]


def test_what_someone_is_said_to_believe_is_quoted_in_the_words_of_whoever_said_so(analyse):
    text = "Wang Yi said Britain had taken note of it but believed it had been “prepared without consent”."
    partial = next(q for q in quotes_of(analyse, text, True) if q.kind == "partial")
    assert partial.speaker_id == "wang-yi"


def test_a_documents_title_after_its_noun_is_a_term_not_a_quote(analyse):
    text = "Our 2021 report, “Break Their Lineage, Break Their Roots,” found abuses, Adrian Zenz said."
    _, _, speech, _ = analyse(text)
    assert [q.kind for q in speech.quotes if q.text.startswith("Break Their")] == []
    assert "Break Their Lineage, Break Their Roots" in [t.text for t in speech.terms]


def test_a_video_scripts_narration_is_the_outlets_voice_not_a_quote(analyse):
    text = (
        "NARRATOR (VO): Workshops hum.\n\nSOUNDBITE: Adrian Zenz, researcher\nThey do not.\n\n"
        "NARRATOR (VO): Orders rose.\n\nSOUNDBITE: Adrian Zenz, researcher\nNo."
    )
    assert [(q.kind, q.speaker_id) for q in quotes_of(analyse, text)] == [("transcript", "adrian-zenz")] * 2


def test_by_someones_count_the_rest_of_the_sentence_is_theirs(analyse):
    text = "Adrian Zenz has studied the filings. By his count, at least 34 companies had disclosed links to Xinjiang."
    found = quotes_of(analyse, text)
    assert [(q.kind, q.speaker_id) for q in found] == [("indirect", "adrian-zenz")]


def test_what_a_writer_or_a_quoted_speaker_says_they_believe_is_no_reported_speech(analyse):
    _, _, speech, _ = analyse("I believe that the transfers are coerced, and we argue that the audits are weak.")
    assert [q for q in speech.quotes if q.kind == "indirect"] == []
