from pathlib import Path

import pytest

from voice.content.loader import load_knowledge, parse_markdown
from voice.errors import ContentInvalid

from .conftest import CONTENT

#: The article the content was made from (see tests/data/chronic-spasms-article.md).
SOURCE = Path(__file__).resolve().parent / "data" / "chronic-spasms-article.txt"

SUBSECTIONS = [
    "Medication", "Physical Therapy", "Dietary Adjustments", "Alternative Therapies",
    "Assistive Devices", "Neuromodulation Treatments",
]


def test_article_becomes_every_section_and_faq() -> None:
    kb = load_knowledge([CONTENT])
    faqs = [e for e in kb.entries if e.kind == "faq"]
    sections = [e for e in kb.entries if e.kind == "section"]
    assert len(faqs) == 8
    assert len(sections) == 18
    titles = {e.title for e in kb.entries}
    for title in [*SUBSECTIONS, "Introduction", "Conclusion",
                  "Is there a cure for neuromuscular disorders?"]:
        assert title in titles
    for sub in SUBSECTIONS:
        assert kb.by_id(sub.lower().replace(" ", "-")).parent == (
            "Treatment Approaches for Long-Term Management"
        )


def test_titles_and_answers_are_the_articles_own_words() -> None:
    source = " ".join(SOURCE.read_text().split())
    for entry in load_knowledge([CONTENT]).entries:
        assert entry.title in source
        for paragraph in entry.answer.split("\n\n"):
            assert paragraph in source, entry.title


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_format_phrasings_keywords_ids_and_comments(tmp_path: Path) -> None:
    write(tmp_path, "clinic.md", """<!-- an editor's note
spanning lines -->
# FAQ

## Where is the clinic?
Id: clinic-address

The clinic is at 1 Main Street.
It opens at nine.

Second paragraph.

Also asked:
- where do I find you
- clinic address

Keywords: address, location
""")
    kb = load_knowledge([tmp_path])
    (entry,) = kb.entries
    assert entry.id == "clinic-address"
    assert entry.kind == "faq"
    assert entry.answer == "The clinic is at 1 Main Street. It opens at nine.\n\nSecond paragraph."
    assert entry.phrasings == ("where do I find you", "clinic address")
    assert entry.keywords == ("address", "location")
    assert entry.source.endswith("clinic.md:5")


def test_several_files_are_merged(tmp_path: Path) -> None:
    extra = write(tmp_path, "extra.md", "# FAQ\n\n## Who runs this clinic?\nDr. Smith.\n")
    kb = load_knowledge([CONTENT, extra])
    assert len(kb.entries) == 27
    assert kb.entries[-1].title == "Who runs this clinic?"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# FAQ\n\n## A question?\n\n## Next?\nAnswer.\n", 3, "no answer"),
        ("Some text\n## T\nx\n", 1, "outside an entry"),
        ("# A\n### Sub\nx\n", 2, "subsection"),
        ("## T\nAlso asked:\nnot a bullet\n", 3, "Also asked"),
        ("## T\nId: Bad Id\nx\n", 2, "id"),
        ("##  \nx\n", 1, "no title"),
    ],
)
def test_malformed_content_names_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path, "bad.md", text)
    with pytest.raises(ContentInvalid) as err:
        load_knowledge([path])
    assert f"bad.md:{line}:" in str(err.value)
    assert words in str(err.value)


def test_duplicate_titles_across_files_name_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "## Same\nOne.\n")
    write(tmp_path, "b.md", "\n\n## same\nTwo.\n")
    with pytest.raises(ContentInvalid) as err:
        load_knowledge([tmp_path])
    assert "b.md:3" in str(err.value) and "a.md:1" in str(err.value)


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.md"
    bad.write_bytes("## Caf\xe9\nx\n".encode("latin-1"))
    with pytest.raises(ContentInvalid, match=r"latin1\.md:1: not UTF-8"):
        load_knowledge([bad])
    with pytest.raises(ContentInvalid, match="not found"):
        load_knowledge([tmp_path / "nope"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ContentInvalid, match="no content files"):
        load_knowledge([empty])


def test_parse_keeps_line_numbers_after_multiline_comments() -> None:
    entries = parse_markdown("<!--\n\n\n-->\n## T\nx\n", "f.md")
    assert entries[0].source == "f.md:5"
