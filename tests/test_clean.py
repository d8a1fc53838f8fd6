"""The cleaner: site furniture goes, the article's words stay."""

from build.clean import normalise


def test_share_comment_and_read_more_lines_are_removed():
    raw = "Title\n\nShare this article\n\nBody text here.\n\nRead more: other story\n\nمشاركة :"
    assert normalise(raw) == "Title\n\nBody text here."


def test_comment_form_ends_the_article():
    raw = "Body.\n\nLeave a Reply\n\nYour email address will not be published.\n\nSecret Link"
    assert normalise(raw) == "Body."


def test_page_navigation_is_removed():
    assert normalise("Body.\n\n<  1  2  3  4  >\n\nPrevious 1 2 Next") == "Body."


def test_repeated_alt_text_is_removed():
    assert normalise("A man waves a flag A man waves a flag\n\nBody.") == "Body."


def test_a_paragraph_broken_mid_sentence_is_joined():
    assert (
        normalise("The report says ‘there are\n\nindications of abuse’.")
        == "The report says ‘there are indications of abuse’."
    )


def test_leading_dateline_residue_is_removed():
    assert normalise(" date 2022-10-18 Xi spoke on Monday.") == "Xi spoke on Monday."


def test_windows_line_endings_control_characters_and_odd_spaces_are_normalised():
    assert normalise("One\u00a0two.\r\n\r\nThree\x07 four\u200b five\ufeff") == "One two.\n\nThree four five"


def test_a_single_number_line_in_an_article_is_kept():
    assert normalise("The count:\n\n2019\n\nEnd.") == "The count:\n\n2019\n\nEnd."


def test_empty_and_whitespace_only_texts_give_empty_text():
    assert normalise("") == "" and normalise(" \n\t\n ") == ""


def test_right_to_left_and_combining_text_survive():
    assert normalise("ئۇيغۇر\n\nCafe\u0301") == "ئۇيغۇر\n\nCafé"
