"""Solutions of the lessons, kept apart from the student notebooks.

Each entry replaces the exercise cell of that question (see analysis.lessons.with_solutions).
"""

SOLUTIONS = {
    "loading.dateline_print": 'dateline = articles.set_index("article_id").loc["print-2020-01-11", "dateline"]',
    "loading.sentences_nyt": 'n_sentences = len(sentences[sentences["article_id"] == "nyt-2020-01-10"])',
    "loading.words_print": 'n_words = int(tokens[(tokens["article_id"] == "print-2020-01-11") & tokens["is_word"]].shape[0])',
    "loading.offset_text": 'sentence_text = original[row["start"]:row["end"]]',
    "wording.deleted_sentences": 'n_deleted = int((alignment["label"] == "deleted").sum())',
    "wording.rejoinder": 'replacement = edits.loc[edits["old_text"] == "rejoinder", "new_text"].iloc[0]',
    "wording.mr_category": 'category = edits.loc[edits["old_text"] == "Mr.", "category"].iloc[0]',
    "wording.kept_verbatim": 'share = tables["wording_summary"]["kept_verbatim"].iloc[0]',
    "readability.fkgl_by_hand": 'nyt = article.set_index("article_id").loc["nyt-2020-01-10"]\nfkgl = 0.39 * nyt["words"] / nyt["sentences"] + 11.8 * nyt["syllables"] / nyt["words"] - 15.59',
    "readability.textstat_sentences": 'ts = tables["readability_textstat"]\ntextstat_count = int(ts[(ts["article_id"] == "nyt-2020-01-10") & (ts["quantity"] == "sentences")]["textstat"].iloc[0])',
    "readability.syllables_suleimani": 'n_syllables = analysis.syllables.syllable_count("Suleimani")',
    "quotes.direct_nyt": 'n_direct = int(((quotes["article_id"] == "nyt-2020-01-10") & (quotes["kind"] == "direct")).sum())',
    "quotes.sanctions_speaker": 'speaker = quotes.loc[quotes["quote"].str.contains("very big sanctions") & (quotes["kind"] != "indirect"), "speaker_name"].iloc[0]',
    "quotes.fantastic_job_status": 'status = matches.loc[matches["version_quote"].fillna("").str.contains("fantastic job"), "status"].iloc[0]',
    "framing.rebuttal_print": 'n_rebuttal = int(terms.loc[(terms["term"] == "rebuttal") & (terms["article_id"] == "print-2020-01-11"), "n"].iloc[0])',
    "framing.top_frame_nyt": 'top_frame = profile[profile["article_id"] == "nyt-2020-01-10"].sort_values("share", ascending=False)["dimension"].iloc[0]',
    "framing.prime_minister": 'actor_id = mentions.loc[mentions["text"].str.lower() == "the prime minister", "actor_id"].iloc[0]',
    "framing.soleimani_context": 'side = context.loc[context["text"].str.contains("designated a terrorist"), "side"].iloc[0]',
}
