"""The web clean-up (issue 12) on real snippets of the web-news development data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import SHARED

from analysis.clean import KINDS, WebText, body_kinds, clean_all, detect_separator, split_paragraphs
from analysis.clean.dateline import byline_contributors, find_dateline
from analysis.clean.furniture import MIN_ARTICLES, outlet_furniture
from analysis.clean.rules import RULES_FILE, load_rules, match_rule
from analysis.clean.structure import form_kind

WEB = SHARED / "web-news"
HELSINKI = WEB / "helsinki_2018-07-15.csv"
needs_web = pytest.mark.skipif(not HELSINKI.exists(), reason=f"web-news data absent: {WEB}")
no_roles = pytest.mark.filterwarnings(
    "ignore:.*taken as the original:analysis.errors.CorpusWarning"
)
"""The scrapes have no roles: the loader's warning that it chose an original is expected."""

# Snippets of helsinki_2018-07-15.csv (a few lines each)
FOX8 = (
    "Trump arrives in Finland for closely watched Putin summit ### Posted 3:57 pm, July 15, 2018, "
    "by Associated Press ### Email ### HELSINKI (AP) — President Donald Trump arrived in Finland "
    "on "
    "Sunday for a closely watched one-on-one summit with Russian President Vladimir Putin. ### "
    "Sen. Rand Paul, R-Ky., said it's inevitable that Russia will interfere in U.S. elections. ### "
    "60.169856 24.938379"
)
CHARLOTTE = (
    "What Trump and Putin hope to achieve at Helsinki summit ### By JONATHAN LEMIRE and VLADIMIR "
    "ISACHENKOV Associated Press ### July 15, 2018 05:02 AM ### HELSINKI ### The outcome of the "
    "first summit between the unpredictable first-term American president and Russia's "
    "steely-eyed longtime leader is anyone's guess. ### WHAT TRUMP WANTS ### What Trump wants "
    "from Russia has long been one of the great mysteries of his presidency."
)
DETROIT = (
    "Trump sets expectations low for summit with Putin ### President Donald Trump drives a golf "
    "buggy on his golf course at Turnberry golf club, in Turnberry, Scotland on Sunday. ### "
    "(Photo: Andrew Milligan / AP) ### CONNECT TWEET LINKEDIN COMMENTEMAILMORE ### Glasgow, "
    "Scotland – President Donald Trump says “nothing bad … maybe some good” will come out of his "
    "summit Monday with Russia’s Vladimir Putin in Finland. ### Copyright 2018 The Associated "
    "Press. All rights reserved."
)


def _clean(text: str, outlet: str = "example.com"):
    return clean_all([WebText("a1", outlet, text)])["a1"]


def _kinds(text: str) -> list[tuple[str, str]]:
    cleaned = _clean(text)
    return [(p.kind, text[p.start : p.end]) for p in cleaned.paragraphs]


def test_separator_is_detected_and_spans_point_into_the_original() -> None:
    assert detect_separator(FOX8) == " ### "
    assert detect_separator("One paragraph.\n\nAnother one.") is None
    spans = split_paragraphs(FOX8, " ### ")
    assert FOX8[slice(*spans[0])] == "Trump arrives in Finland for closely watched Putin summit"
    assert FOX8[slice(*spans[-1])] == "60.169856 24.938379"
    cleaned = _clean(FOX8)
    assert (cleaned.separator, cleaned.separator_source) == (" ### ", "detected")


def test_a_separator_setting_is_used_where_detection_would_not_find_one() -> None:
    text = "Trump lands in Helsinki @@ HELSINKI (AP) — President Donald Trump arrived on Sunday."
    cleaned = clean_all([WebText("a1", "x", text, separator=" @@ ")])["a1"]
    assert cleaned.separator_source == "setting"
    assert [p.kind for p in cleaned.paragraphs] == ["headline", "body"]


def test_page_furniture_around_the_story_is_set_aside_with_its_evidence() -> None:
    kinds = _kinds(FOX8)
    assert kinds[0] == ("headline", "Trump arrives in Finland for closely watched Putin summit")
    assert kinds[1][0] == "timestamp"
    assert kinds[2] == ("boilerplate", "Email")
    assert [k for k, _ in kinds[3:5]] == ["body", "body"]
    assert kinds[5] == ("boilerplate", "60.169856 24.938379")
    evidence = {p.kind: p.evidence for p in _clean(FOX8).paragraphs}
    assert evidence["boilerplate"].startswith("rule:")


def test_caption_credit_share_bar_and_copyright() -> None:
    kinds = [k for k, _ in _kinds(DETROIT)]
    assert kinds == ["headline", "caption", "photo_credit", "boilerplate", "body", "boilerplate"]
    assert form_kind("Kremlin Pool Photo via Associated Press/file") == (
        "photo_credit",
        "form:photo-credit",
    )
    caption = "Trump waves in Helsinki, Finland. (AP Photo/Pablo Martinez Monsivais)"
    assert match_rule(caption).kind == "caption"


def test_byline_then_dateline_alone_on_its_line() -> None:
    cleaned = _clean(CHARLOTTE)
    kinds = [p.kind for p in cleaned.paragraphs]
    assert kinds == ["headline", "byline", "timestamp", "dateline", "body", "body", "body"]
    assert cleaned.dateline.place == "HELSINKI"
    names = [(n, o) for n, o, *_ in cleaned.contributors]
    assert names == [
        ("JONATHAN LEMIRE", "The Associated Press"),
        ("VLADIMIR ISACHENKOV", "The Associated Press"),
    ]


@pytest.mark.parametrize(
    ("opening", "place", "wire"),
    [
        (
            "HELSINKI (AP) — A face-to-face sitdown with a long-feared foe.",
            "HELSINKI",
            "The Associated Press",
        ),
        ("MOSCOW (AP) — Russian officials said on Sunday.", "MOSCOW", "The Associated Press"),
        ("WASHINGTON — It was a jarring moment, even for an American leader.", "WASHINGTON", None),
        (
            "HELSINKI, Finland (CNN) - President Donald Trump plans to raise it.",
            "HELSINKI, Finland",
            "CNN",
        ),
        ("(CNN) - British officials believe the nerve agent attack was planned.", None, "CNN"),
        (
            "Glasgow, Scotland – President Donald Trump says “nothing bad”.",
            "Glasgow, Scotland",
            None,
        ),
    ],
)
def test_datelines_of_every_form(opening: str, place: str | None, wire: str | None) -> None:
    found = find_dateline(opening, (0, len(opening)))
    assert (found.place, found.wire) == (place, wire)
    assert opening[found.end :].strip()[0].isupper() or opening[found.end :].strip()[0] == "“"


def test_a_body_sentence_is_not_a_dateline() -> None:
    for text in ("Trump said - no one knew.", "U.S. President Donald Trump played golf."):
        assert find_dateline(text, (0, len(text))) is None


def test_byline_first_then_dateline_with_wire() -> None:
    text = (
        "By JILL COLVIN and VLADIMIR ISACHENKOV Associated Press ### HELSINKI (AP) — President "
        "Donald Trump arrived in Finland on Sunday for a closely watched summit. ### He said so."
    )
    cleaned = _clean(text)
    assert cleaned.dateline.place == "HELSINKI" and cleaned.dateline.wire == "The Associated Press"
    assert text[cleaned.body()[0][0] :].startswith("President Donald Trump arrived")
    assert byline_contributors("Jill Colvin, The Associated Press •") == (
        ["Jill Colvin"],
        "The Associated Press",
    )
    assert form_kind("Posted 3:57 pm, July 15, 2018")[0] == "timestamp"


def test_rules_file_has_a_rationale_and_a_known_kind_for_every_row() -> None:
    rules = load_rules()
    assert len(rules) >= 15
    assert all(rule.rationale and rule.kind in KINDS for rule in rules)


def test_a_bad_rules_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.csv"
    path.write_text(
        RULES_FILE.read_text(encoding="utf-8").splitlines()[0] + "\nbad,boilerplate,(,why\n"
    )
    with pytest.raises(ValueError, match=r"rules.csv:2: rule 'bad'"):
        load_rules(path)


def test_outlet_furniture_needs_several_different_stories() -> None:
    furniture = "Purchase: Order Reprint"
    ledes = [
        "Trump arrived in Finland on Sunday.",
        "Putin met reporters.",
        "The palace overlooks the sea.",
    ]
    stories = [[lede, furniture] for lede in ledes[:MIN_ARTICLES]]
    assert (
        furniture.lower()
        in outlet_furniture([("startribune.com", s) for s in stories])["startribune.com"]
    )
    same_story = [["One wire story, told again in the same words.", furniture]] * 5
    assert outlet_furniture([("x", s) for s in same_story])["x"] == frozenset()
    assert outlet_furniture([("y", s) for s in stories[: MIN_ARTICLES - 1]])["y"] == frozenset()


def test_body_kinds_follow_the_settings_and_refuse_unknown_kinds() -> None:
    assert body_kinds(keep_parts=("caption",)) == {"body", "caption"}
    with pytest.raises(ValueError, match="unknown part kind"):
        body_kinds(drop_parts=("sidebar",))


@needs_web
def test_outlet_furniture_from_the_real_corpus() -> None:
    from analysis.clean.webnews import read_web_news

    items = [WebText(s.article_id, s.outlet, s.text) for s in read_web_news(HELSINKI)]
    cleaned = clean_all(items)
    startribune = [i for i in items if i.outlet == "startribune.com"]
    evidence = {
        (i.text[p.start : p.end], p.evidence)
        for i in startribune
        for p in cleaned[i.article_id].paragraphs
    }
    assert ("Purchase: Order Reprint", "outlet:recurring-line") in evidence


@needs_web
@no_roles
def test_loading_a_scrape_cleans_it_without_changing_the_original() -> None:
    from analysis.clean.webnews import load_web_news

    corpus = load_web_news(HELSINKI)
    articles = corpus["articles"].set_index("article_id")
    for name in ("parts", "paragraphs", "sentences", "set_aside"):
        table = corpus[name]
        originals = articles.loc[table["article_id"], "original"].tolist()
        assert all(
            o[s:e] == t
            for o, s, e, t in zip(
                originals, table["start"], table["end"], table["text"], strict=True
            )
        )
    paragraphs = set(corpus["paragraphs"]["text"])
    assert not paragraphs & {
        "Advertisement",
        "Email",
        "Share story",
        "Purchase: Order Reprint",
        "prev next",
    }
    assert {"boilerplate", "byline", "caption", "photo_credit", "timestamp"} <= set(
        corpus["parts"]["part"]
    )
    assert corpus["parts"]["part_id"].is_unique
    cleanup = corpus["cleanup"].set_index("article_id")
    assert cleanup.loc["559", "dateline_place"] == "TURNBERRY, Scotland"
    assert (~cleanup["is_article"]).sum() >= 10
    assert cleanup.loc[~cleanup["is_article"], "not_article_reason"].str.len().gt(10).all()


@needs_web
@no_roles
def test_keep_parts_setting_keeps_captions_in_the_body(tmp_path: Path) -> None:
    from analysis.clean.webnews import load_web_news

    settings = tmp_path / "story.toml"
    settings.write_text('keep_parts = ["caption"]\n', encoding="utf-8")
    kept = load_web_news(HELSINKI, settings=settings)
    default = load_web_news(HELSINKI)
    assert len(kept["paragraphs"]) > len(default["paragraphs"])
    assert "caption" not in set(kept["set_aside"]["part"]) - {"caption"}
    assert "caption" not in set(kept["parts"]["part"])


@needs_web
def test_non_articles_agree_with_the_crowd_labels() -> None:
    with (WEB / "mturk_validity_sample.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["text"].count(" ### ") >= 2]
    cleaned = clean_all([WebText(r["id"], "mturk", r["text"]) for r in rows])
    valid = [cleaned[r["id"]].is_article for r in rows if r["answer"] == "Valid"]
    junk = [cleaned[r["id"]].is_article for r in rows if r["answer"] in ("Junk", "Advertisement")]
    assert sum(valid) >= 0.8 * len(valid)
    assert sum(junk) <= 0.5 * len(junk)


def _write_table(folder: Path, texts: list[str]) -> Path:
    path = folder / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "story_id", "role", "outlet", "published", "text"])
        for k, text in enumerate(texts):
            role = "original" if k == 0 else "syndicated"
            writer.writerow([f"v{k}", "summit", role, f"outlet{k}.com", "2018-07-15", text])
    return path


def _helsinki_texts(*ids: str) -> list[str]:
    with HELSINKI.open(encoding="utf-8", newline="") as handle:
        texts = {row["id"]: row["text"] for row in csv.DictReader(handle)}
    return [texts[i] for i in ids]


@needs_web
def test_analysis_load_cleans_a_table_and_never_pairs_a_non_article(tmp_path: Path) -> None:
    import analysis

    # 559 and 7937: one AP story in two outlets; 6012: a photo gallery (omaha.com)
    corpus = analysis.load(_write_table(tmp_path, _helsinki_texts("559", "7937", "6012")))
    cleanup = corpus["cleanup"].set_index("article_id")
    assert set(cleanup["separator_source"]) == {"detected"}
    assert cleanup.loc["v2", "not_article_reason"].startswith("gallery")
    assert cleanup.loc["v0", "dateline_place"] == "TURNBERRY, Scotland"
    assert [version.article_id for _, version in corpus.pairs("summit")] == ["v1"]
    body = corpus["paragraphs"]
    first = body[body["article_id"] == "v0"].iloc[0]["text"]
    assert first.startswith("President Donald Trump is keeping expectation low")
    assert set(corpus["set_aside"]["part"]) >= {"caption", "byline", "boilerplate", "headline"}
    assert "The Associated Press" in set(corpus["contributors"]["organisation"])


def test_the_separator_setting_applies_when_loading(tmp_path: Path) -> None:
    import analysis

    text = FOX8.replace(" ### ", " @@ ")
    table = _write_table(tmp_path, [text, text + " @@ Email"])
    (tmp_path / "story.toml").write_text('paragraph_separator = " @@ "\n', encoding="utf-8")
    corpus = analysis.load(table)
    assert set(corpus["cleanup"]["separator_source"]) == {"setting"}
    assert corpus["paragraphs"]["text"].str.contains("@@").sum() == 0
    assert "60.169856 24.938379" in set(corpus["set_aside"]["text"])
