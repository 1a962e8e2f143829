"""The lessons' questions: each exercise's answer, computed from the seed story, and its hints.

``analysis.lessons.check(question_id, answer)`` reads them from here. They name the seed
story's people and words because the lessons are about that story; the library does not.
"""

from analysis.lessons import (
    Question,
    actor_of,
    article_value,
    as_number,
    as_text,
    category_of,
    context_side,
    count_sentences,
    deleted_count,
    fkgl,
    higher,
    lower,
    not_a_number,
    quote_count,
    replacement_of,
    seed,
    speaker_of,
    status_of,
    syllables,
    term_count,
    textstat_sentences,
    top_frame,
    wording_tables,
)

NYT = "nyt-2020-01-10"
PRINT = "print-2020-01-11"

QUESTIONS: dict[str, Question] = {
    "loading.sentences_nyt": Question(
        expected=lambda: count_sentences(NYT),
        hints=(
            (not_a_number, "The answer is a number: count the rows of a filtered table."),
            (higher, "Too many. Did you count the rows of both versions? Filter on article_id."),
            (lower, "Too few. Count sentences, not paragraphs."),
        ),
        explanation="Each row of the sentences table is one sentence of the body.",
    ),
    "loading.dateline_print": Question(
        expected=lambda: article_value(PRINT, "dateline"),
        normalise=as_text,
        default_hint="Look at the `dateline` column of the articles table, for the print version.",
        explanation="The print version writes its dash as two hyphens: house style.",
    ),
    "loading.words_print": Question(
        expected=lambda: int(article_value(PRINT, "n_words")),
        hints=(
            (not_a_number, "The answer is a number."),
            (higher, "Too many: count only tokens that are words (is_word), in the print body."),
            (lower, "Too few: count every word token of the print version."),
        ),
        explanation="Punctuation tokens are not words; the headline and credits are not body.",
    ),
    "loading.offset_text": Question(
        expected=lambda: seed()["sentences"].set_index("sentence_id").loc[f"{NYT}:s012", "text"],
        default_hint="Slice the original text with the row's offsets: original[start:end].",
        explanation="Every row's offsets point into the original text, which is never changed.",
    ),
    "wording.deleted_sentences": Question(
        expected=deleted_count,
        hints=(
            (not_a_number, "The answer is a number: count rows with one label."),
            (higher, "Too many: count only the label 'deleted'."),
            (lower, "Too few: a cut paragraph may hold several sentences."),
        ),
        explanation="Deleted sentences are in the original only.",
    ),
    "wording.rejoinder": Question(
        expected=lambda: replacement_of("rejoinder"),
        normalise=as_text,
        default_hint="Find the edit whose old_text is 'rejoinder' in the edits table.",
        explanation="A substantive word choice: a rebuttal is sharper than a rejoinder.",
    ),
    "wording.mr_category": Question(
        expected=lambda: category_of("Mr.", ""),
        normalise=as_text,
        default_hint="Filter the edits on old_text == 'Mr.' and read its category.",
        explanation="AP style drops courtesy titles; the NYT keeps them on second reference.",
    ),
    "wording.kept_verbatim": Question(
        expected=lambda: float(wording_tables()["wording_summary"]["kept_verbatim"].iloc[0]),
        tolerance=0.01,
        hints=(
            (not_a_number, "The answer is a share between 0 and 1."),
            (lambda a, e: (as_number(a) or 0) > 1, "A share is between 0 and 1, not a percentage."),
        ),
        default_hint="Read kept_verbatim in the wording summary.",
        explanation="Under half of the NYT's words reach the print reader as written.",
    ),
    "readability.fkgl_by_hand": Question(
        expected=lambda: fkgl(NYT),
        tolerance=0.05,
        hints=(
            (not_a_number, "The answer is a number: apply the formula to the three counts."),
            (
                lambda a, e: abs((as_number(a) or 0) - e) > 3,
                "Check the formula: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.",
            ),
        ),
        default_hint="Close: use the article-level counts, not rounded averages.",
        explanation="The grade comes straight from words, sentences and syllables.",
    ),
    "readability.textstat_sentences": Question(
        expected=lambda: textstat_sentences(NYT),
        hints=(
            (not_a_number, "The answer is a number from the textstat comparison table."),
            (lower, "Too few: textstat finds more sentences than we do. Why?"),
        ),
        default_hint="Read textstat's column for the quantity 'sentences'.",
        explanation="textstat splits at every period, so 'U.S.' and 'Gen.' end its sentences.",
    ),
    "readability.syllables_suleimani": Question(
        expected=lambda: syllables("Suleimani"),
        hints=(
            (not_a_number, "The answer is a number."),
            (lambda a, e: as_number(a) == 1, "That is textstat's count. Say the name aloud."),
        ),
        default_hint="Count the vowel sounds: Su-lei-ma-ni.",
        explanation="The CMU dictionary lacks the name; the fallback counts vowel groups.",
    ),
    "quotes.direct_nyt": Question(
        expected=lambda: quote_count(NYT, "direct"),
        hints=(
            (not_a_number, "The answer is a number: count rows of one kind in one version."),
            (higher, "Too many: keep only kind == 'direct', in the NYT version."),
            (lower, "Too few: count every direct quotation of the NYT version."),
        ),
        explanation="Direct quotations are whole sentences in quote marks.",
    ),
    "quotes.sanctions_speaker": Question(
        expected=lambda: speaker_of("very big sanctions"),
        normalise=as_text,
        default_hint="Find the quotation containing 'very big sanctions' and read speaker_name.",
        explanation="The library resolved 'Mr. Trump' to the person named in the story.",
    ),
    "quotes.fantastic_job_status": Question(
        expected=lambda: status_of("fantastic job"),
        normalise=as_text,
        default_hint="Look up 'fantastic job' in the quote matches and read its status.",
        explanation="The print version brings in AP copy the NYT did not have.",
    ),
    "framing.rebuttal_print": Question(
        expected=lambda: term_count("rebuttal", PRINT),
        hints=(
            (not_a_number, "The answer is a number from the term counts."),
            (lower, "Too few: look at the print version's row for 'rebuttal'."),
            (higher, "Too many: count 'rebuttal' in the print version only."),
        ),
        explanation="Only the print version calls the statement a rebuttal.",
    ),
    "framing.top_frame_nyt": Question(
        expected=lambda: top_frame(NYT),
        normalise=as_text,
        default_hint="Sort the NYT rows of the frame profile by share; give the dimension key.",
        explanation="Troops, strikes and militias: the story is framed as security first.",
    ),
    "framing.prime_minister": Question(
        expected=lambda: actor_of("the prime minister"),
        normalise=as_text,
        default_hint="Find the mention 'the prime minister' in actor_mentions; give its actor_id.",
        explanation="A description resolves to the person last named with that title.",
    ),
    "framing.soleimani_context": Question(
        expected=lambda: context_side("designated a terrorist"),
        normalise=as_text,
        default_hint="Find the sentence about the terrorist designation in the context table.",
        explanation="Only print readers learn that the U.S. designated Soleimani a terrorist.",
    ),
}


