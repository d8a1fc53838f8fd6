"""Paragraphs, sentences and transcript turns of a cleaned text, as offsets into it."""

from build import segment


def texts(text: str, spans) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_paragraphs_are_the_blocks_between_blank_lines():
    text = "First block.\n\nSecond block\nstill second.\n\n\nThird."
    assert texts(text, segment.paragraphs(text)) == ["First block.", "Second block\nstill second.", "Third."]


def test_a_sentence_ends_at_a_stop_before_a_capital():
    text = "The camps closed. Officials said so! Did they? Yes."
    assert texts(text, segment.all_sentences(text)) == ["The camps closed.", "Officials said so!", "Did they?", "Yes."]


def test_titles_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Zenz met U.S. officials and J. Smith on Monday. They talked."
    assert texts(text, segment.all_sentences(text)) == [
        "Mr. Zenz met U.S. officials and J. Smith on Monday.",
        "They talked.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We deny it.” The ministry spoke."
    assert texts(text, segment.all_sentences(text)) == ["“We deny it.”", "The ministry spoke."]


def test_no_sentence_crosses_a_paragraph():
    text = "A heading without a stop\n\nThe body starts here."
    assert texts(text, segment.all_sentences(text)) == ["A heading without a stop", "The body starts here."]


def test_a_list_item_starts_after_its_marker():
    text = "The data show:\n\n- 2.76 million transfers a year\n\n• 3.03 million in 2022;\n\n3. A target"
    assert texts(text, segment.all_sentences(text)) == [
        "The data show:",
        "2.76 million transfers a year",
        "3.03 million in 2022;",
        "A target",
    ]


def test_speaker_headings_make_transcript_turns():
    text = "Moderator:\nWho is next?\n\nWang Wenbin:\nThe claims are lies.\n\nModerator:\nThank you."
    turns = segment.transcript_turns(text)
    assert [(t.name, text[t.start : t.end]) for t in turns] == [
        ("Moderator", "Who is next?"),
        ("Wang Wenbin", "The claims are lies."),
        ("Moderator", "Thank you."),
    ]


def test_a_single_label_with_a_colon_is_not_a_transcript():
    assert segment.transcript_turns("Note: the figures are provisional.\n\nThe report came out on Monday.") == []


def test_decimals_do_not_end_a_sentence():
    text = "Sales fell 4.5 percent. Exports rose."
    assert texts(text, segment.all_sentences(text)) == ["Sales fell 4.5 percent.", "Exports rose."]


def test_inline_turns_make_a_transcript():
    text = "Reuters: Will the ministry respond?\n\nWang Wenbin: The so-called report is a lie.\n\nReuters: Thank you."
    assert [t.name for t in segment.transcript_turns(text)] == ["Reuters", "Wang Wenbin", "Reuters"]


def test_an_index_finds_the_span_around_a_position():
    index = segment.Index([(0, 5), (10, 20)])
    assert index.find(12) == (10, 20) and 7 not in index and index.overlaps(4, 11) and not index.overlaps(5, 10)


def test_q_and_a_make_an_interview_transcript():
    text = "Q: Will the ministry respond?\n\nA: The report is a lie.\n\nQ: Anything else?\n\nA: No."
    assert [t.name for t in segment.transcript_turns(text)] == ["Q", "A", "Q", "A"]


def test_a_parliaments_record_names_each_speaker_on_a_line_of_their_own():
    text = (
        "Helen Morrow (Twickenham) (LD)\nI beg to move the motion.\n\n"
        "The Minister of State, Home Office (Dan Jarvis)\nI thank the hon. Lady.\n\n"
        "Helen Morrow (Twickenham) (LD)\nI am grateful."
    )
    assert [t.name for t in segment.transcript_turns(text)] == ["Helen Morrow", "Dan Jarvis", "Helen Morrow"]


def test_a_broadcast_transcript_label_may_carry_a_role():
    text = "ARI SHAPIRO, HOST: Welcome.\n\nLARKIN: Thank you.\n\nSHAPIRO: What did you find?"
    assert [t.name for t in segment.transcript_turns(text)] == ["ARI SHAPIRO", "LARKIN", "SHAPIRO"]


def test_a_heading_in_capitals_ends_the_turn_before_it():
    text = "CHAIR: The hearing will come to order.\n\nSTATEMENT OF JANE DOE\n\nMS. DOE: Thank you.\n\nCHAIR: Thanks."
    first = segment.transcript_turns(text)[0]
    assert text[first.start : first.end] == "The hearing will come to order."


def test_the_last_turn_ends_where_the_reporter_reports_in_the_third_person():
    text = (
        "Q: Any comment?\n\nA: The report is a lie.\n\nQ: And the sanctions?\n\nA: We oppose them.\n\n"
        "The Embassy stressed that the matter was an internal affair."
    )
    last = segment.transcript_turns(text)[-1]
    assert text[last.start : last.end] == "We oppose them."


def test_a_broadcast_label_may_carry_a_long_role_and_a_note_in_brackets():
    text = (
        "GUO YINING, CGTN REPORTER: The ward is busy.\n\n"
        "AYXEM MEMET, RESIDENT OF SHUFU COUNTY (IN UYGUR): My first child was born at home.\n\n"
        "ABDUREHIM KADIR, DEPUTY DIRECTOR, HEALTH COMMISSION OF THE REGION: The policy was lenient.\n\n"
        "DILNAZ TURGUN, Daughter of a Detained Teacher: He flew all the way to see me."
    )
    names = [t.name for t in segment.transcript_turns(text)]
    assert names == ["GUO YINING", "AYXEM MEMET", "ABDUREHIM KADIR", "DILNAZ TURGUN"]


def test_a_label_over_lines_of_names_and_titles_is_a_heading_not_a_turn():
    text = (
        "Speakers:\nMs. Amina Tohti, vice chair of the region\nMr. Li Wei, director of the bureau\n\n"
        "Moderator:\nMs. Chen Lu, spokesperson of the office\n\n"
        "Chen Lu:\nWelcome. Ms. Tohti will brief you.\n\n"
        "Amina Tohti:\nThank you. The region is stable."
    )
    assert [t.name for t in segment.transcript_turns(text)] == ["Chen Lu", "Amina Tohti"]


def test_a_committees_question_number_is_not_part_of_the_askers_name():
    text = "Q12 Chair: How exposed are consumers?\n\nDr Laura Murphy: Very.\n\nQ13 Mr Drayton: And companies?"
    assert [t.name for t in segment.transcript_turns(text)] == ["Chair", "Dr Laura Murphy", "Mr Drayton"]


def test_a_video_scripts_soundbite_label_names_the_speaker_after_its_language():
    text = (
        'SOUNDBITE (Uygur) ABDULLA TURSUN, Farmer:\n"I have 80 mu of cotton."\n\n'
        'SOUNDBITE (Chinese) WANG JIANGUO, Head, Cotton Cooperative:\n"We own 46 pickers."'
    )
    assert [t.name for t in segment.transcript_turns(text)] == ["ABDULLA TURSUN", "WANG JIANGUO"]


def test_a_label_over_a_list_of_names_is_a_heading_not_a_turn():
    text = (
        "Witnesses: Dr Laura Murphy, Chloe Fairbrother and Marcus Lindqvist.\n\n"
        "Q1 Chair: How exposed are we?\n\nDr Laura Murphy: Very."
    )
    assert [t.name for t in segment.transcript_turns(text)] == ["Chair", "Dr Laura Murphy"]


def test_a_soundbite_label_names_its_speaker_on_the_rest_of_its_line_and_a_shot_ends_the_turn():
    text = (
        "NARRATOR (VO): Workshops bring jobs.\n\n"
        "SOUNDBITE: Li Wenbin, general manager, Lop Garment Co.\nOur output will reach a million pieces.\n\n"
        "[VIDEO] Workers folding garments.\n\nNARRATOR (VO): Orders are up."
    )
    soundbite = segment.transcript_turns(text)[1]
    words = text[soundbite.start : soundbite.end]
    assert (soundbite.name, words) == ("Li Wenbin", "Our output will reach a million pieces.")


def test_a_transcript_heading_is_no_speaker():
    text = "Transcript: Is it a labor program?\n\nHOST: Welcome.\n\nGUEST: Thanks.\n\nHOST: Bye."
    assert [t.name for t in segment.transcript_turns(text)] == ["HOST", "GUEST", "HOST"]


def test_a_speakers_name_may_start_with_any_latin_capital():
    text = (
        "Pavel Novák: What changes?\n\nŠárka Dvořáková: Everything.\n\nPavel Novák: Why?\n\nŠárka Dvořáková: The law."
    )
    assert [t.name for t in segment.transcript_turns(text)] == ["Pavel Novák", "Šárka Dvořáková"] * 2
