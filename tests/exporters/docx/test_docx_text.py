from datetime import date

import pytest
from docx import Document
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.exporters.docx import OfficialDocument, clean_text, cn_date, cn_number


def test_clean_text_drops_xml_forbidden_controls_keeps_tab_newline_emoji_cjk() -> None:
    dirty = "项目\x00名\x01称\x08\x0b\x0c\x0e\x1f\tA\nB\r😀𠀀\ufffe\uffff镕"
    assert clean_text(dirty) == "项目名称\n\n\tA\nB\r😀𠀀镕"  # Word's line and page breaks stay new lines


def test_a_word_line_break_survives_the_docx_export() -> None:
    """Text from Word (or a ledger's _x000B_) carries VT for a manual line break: the document keeps the break."""
    doc = OfficialDocument()
    assert [p.text for p in doc.paragraph("第一行\x0b第二行")] == ["第一行", "第二行"]  # body lines are paragraphs
    table = doc.table(["名称"], [["第一行\x0b第二行"]])
    assert table.cell(1, 0).text == "第一行\n第二行"  # in a cell: a <w:br/>


def test_clean_text_joins_surrogate_pairs_and_drops_lone_ones() -> None:
    assert clean_text("a\ud83d\ude00b") == "a😀b"
    assert clean_text("a\ud83db\ude00c") == "abc"


def test_clean_text_accepts_non_strings() -> None:
    assert clean_text(None) == ""
    assert clean_text(1200) == "1200"


def test_cn_date_has_no_zero_padding() -> None:
    assert cn_date(date(2026, 6, 30)) == "2026年6月30日"
    assert cn_date(date(2026, 1, 5)) == "2026年1月5日"


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"), (105, "一百零五"),
     (110, "一百一十"), (123, "一百二十三")],
)
def test_cn_number(n: int, text: str) -> None:
    assert cn_number(n) == text


def test_cn_number_rejects_zero() -> None:
    with pytest.raises(ValueError, match="正整数"):
        cn_number(0)


@settings(max_examples=40, deadline=None)
@example("  ")
@example("\t\x01")
@given(st.text(alphabet=st.characters(blacklist_characters="\n\r\x0b\x0c"), max_size=40))  # line breaks: above
def test_any_user_text_survives_export(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "t.docx"
    doc = OfficialDocument()
    doc.paragraph(text)
    doc.table(["名称"], [[text]])
    doc.save(path)
    reopened = Document(str(path))
    assert reopened.paragraphs[0].text == clean_text(text)
    assert reopened.tables[0].cell(1, 0).text == clean_text(text)


def test_paragraph_lines_become_paragraphs() -> None:
    doc = OfficialDocument()
    made = doc.paragraph("第一段\r\n\n第二段\r第三段")
    assert [p.text for p in made] == ["第一段", "第二段", "第三段"]


def test_toolkit_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, desktop.exporters.docx, desktop.tools.render_docs; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
