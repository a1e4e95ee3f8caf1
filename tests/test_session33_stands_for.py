"""What the content's abbreviations stand for (session 33,
other_disorders.stands_for): "what does ms stand for" was only offered
Recognizing Chronic Spasms and Neuromuscular Disorders. Now "MS stands for
multiple sclerosis." first, in the article's words. Not "mg" (milligrams on
a pill box). Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.matching.other_disorders import stands_for

from .conftest import voice_text_replies


def test_said_first(tmp_path: Path) -> None:
    ms, als = voice_text_replies(["what does ms stand for", "what does ALS stand for?"],
                                 tmp_path)
    assert ms["say"].startswith("MS stands for multiple sclerosis. "), ms
    assert "ALS stands for amyotrophic lateral sclerosis." in als["say"], als


@pytest.mark.parametrize("said", ["what does mg stand for", "what does ms do to you",
                                  "what does this stand for", "what is ms"])
def test_not_asked(said: str) -> None:
    assert stands_for(said) is None, said


def test_the_article_says_so() -> None:
    from .conftest import REPO

    article = (REPO / "content" / "article.md").read_text(encoding="utf-8").lower()
    assert "multiple sclerosis" in article and "amyotrophic lateral sclerosis (als)" in article
