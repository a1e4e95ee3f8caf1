"""Building a matcher again (after a content change, or once per question
in scripts/tune_ranking.py --leave-one-out) prepares each content text once:
normalize.prepare is cached (docs/benchmarks.md, branch rank9)."""

from voice.content.model import KnowledgeBase
from voice.matching import Matcher, normalize


def test_the_content_is_prepared_once_for_many_matchers(kb: KnowledgeBase) -> None:
    Matcher(kb, check_scope=False)
    before = normalize.prepare.cache_info()
    Matcher(kb, check_scope=False)
    after = normalize.prepare.cache_info()
    assert after.misses == before.misses  # nothing prepared again
    assert after.hits > before.hits


def test_prepared_text_is_the_same_cached() -> None:
    text = "Um, can you tell me what PHYSIO does for my meds?"
    expected = "what physiotherapy does for my medication"
    assert normalize.prepare(text) == normalize.prepare(text) == expected
