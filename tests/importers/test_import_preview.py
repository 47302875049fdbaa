"""build_preview end to end on the samples and on ledgers built here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ledger_files import SAMPLES, write_raw_xlsx

from desktop.credit_code import credit_code_check_char
from desktop.importers.mapping import Mapping
from desktop.importers.preview import build_preview
from desktop.importers.rows import FORMULA_REASON, RowProblem, SkippedRow, group_label


def test_issue_sample_preview() -> None:
    preview = build_preview(SAMPLES / "问题台账_包保项目_2022.xlsx", "issues")
    assert preview.sheet == "问题台账" and preview.header_row == 3
    assert [row.row for row in preview.rows] == list(range(4, 14))
    assert preview.problems == [] and len(preview.importable_rows) == 10
    assert preview.skipped == [SkippedRow(1, "标题行（位于表头之上）"), SkippedRow(2, "标题行（位于表头之上）")]
    by_row = {row.row: row.values for row in preview.rows}
    assert by_row[5]["project"] == "紫云府项目" and by_row[5]["leader"] == "王建国"  # merged down from row 4
    assert by_row[11]["project"] == "煤科院棚户区改造项目"
    assert by_row[4]["deadline"] == date(2022, 4, 30)
    assert (by_row[5]["deadline"], by_row[5]["deadline_text"]) == (date(2022, 5, 31), "2022年5月31日")
    assert by_row[6]["deadline"] == date(2022, 6, 30) and by_row[8]["deadline"] == date(2022, 8, 15)
    assert [by_row[n]["status"] for n in range(4, 14)].count("assigned") == 2
    assert by_row[7]["status"] == "assigned" and by_row[7]["remarks"] == "涉及市住建局"
    assert by_row[12]["description"] == "周边个别居民反复举报夜间施工扰民"
    assert preview.rows[0].raw["deadline"] == "2022-04-30"
    assert preview.summary_lines()[:2] == [
        "文件：问题台账_包保项目_2022.xlsx　工作表：问题台账　导入类型：问题",
        "表头：第3行；数据从第4行开始；年度：2022",
    ]
    assert "共找到数据 10 行，可导入 10 行，有问题 0 行；跳过 2 行" in preview.summary_lines()


def test_decision_sample_status_from_progress_words() -> None:
    preview = build_preview(SAMPLES / "推进会议定事项清单_2022.xlsx", "decisions")
    assert len(preview.rows) == 5
    assert [row.values["status"] for row in preview.rows] == ["resolved", "resolved", "resolved", "assigned", "resolved"]
    fourth = preview.rows[3].values
    assert fourth["text"] == "督促项目方加快配套小学施工进度，确保2023年9月开学投用"
    assert fourth["deadline"] == date(2023, 8, 31) and fourth["supporting_units"] == "区住建局"
    assert fourth["meeting"] == "第三次推进会（2022年8月12日）"


def test_investment_sample_groups_units_and_formulas() -> None:
    preview = build_preview(SAMPLES / "重点项目投资进度表_2020年1-10月.xlsx", "investment")
    assert [row.row for row in preview.rows] == [5, 6, 7, 9, 10, 12, 13]
    assert preview.skipped[2:] == [
        SkippedRow(4, "分组行：一、产业项目（3个）"),
        SkippedRow(8, "分组行：二、社会事业项目（2个）"),
        SkippedRow(11, "分组行：三、城乡基础设施项目（2个）"),
        SkippedRow(14, "合计/小计行"),
    ]
    assert [row.values["category"] for row in preview.rows] == ["产业项目"] * 3 + ["社会事业项目"] * 2 + ["城乡基础设施项目"] * 2
    first = preview.rows[0].values
    assert (first["total_investment"], first["annual_plan"], first["amount_ytd"]) == (3_000_000_000, 600_000_000, 510_000_000)
    assert (first["year"], first["month"]) == (2020, 10)
    assert preview.rows[3].values["amount_ytd"] == 70_000_000  # 0.7 亿元
    # The group rows' own subtotals (80 + 6.8 + 45.1 亿元) add up to the same total.
    assert sum(row.values["amount_ytd"] for row in preview.rows) == 13_190_000_000
    assert preview.problems[0] == RowProblem(5, "占年度计划（%）（G列）", "", FORMULA_REASON, "plan_ratio", False)
    assert len(preview.problems) == 7 and len(preview.importable_rows) == 7
    assert str(preview.problems[0]) == (
        "第5行【占年度计划（%）（G列）】：单元格是公式，但文件中没有保存计算结果。"
        "请用 Excel/WPS 打开该文件并保存后再导入（导入时该项留空）"
    )


def test_group_total_blank_note_and_repeated_header_rows(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    header = ["序号", "项目名称", "建设单位", "总投资（万元）", "建设性质", "计划开工时间"]
    path = make_xlsx(
        [
            ["2023年重点项目台账"],
            header,
            ["一、产业项目（2个）"],
            [1, "东亚纳米科技园", "东亚纳米", "1,200", "新开工", "2023年3月"],
            [None, None, None, None, None, None],
            [2, "海沧半导体基地", "海沧投资", 4500, "续建", 44986],
            ["产业项目小计", None, None, 5700],
            ["（二）社会事业项目"],
            header,
            [3, "新店中心小学", "翔安区教育局", "1.8亿元", "在建", "2023.3.1"],
            [4],
            ["合 计", None, None, 23700],
            ["注：总投资单位为万元。"],
            ["填表人：张三　　审核人：李四"],
        ],
        merges=("A1:F1", "A3:F3"),
    )
    preview = build_preview(path, "projects")
    assert [row.row for row in preview.rows] == [4, 6, 10]
    assert preview.skipped == [
        SkippedRow(1, "标题行（位于表头之上）"),
        SkippedRow(3, "分组行：一、产业项目（2个）"),
        SkippedRow(5, "空行"),
        SkippedRow(7, "合计/小计行"),
        SkippedRow(8, "分组行：（二）社会事业项目"),
        SkippedRow(9, "重复的表头行"),
        SkippedRow(11, "没有可导入的内容（只有序号或无关列）"),
        SkippedRow(12, "合计/小计行"),
        SkippedRow(13, "注释/落款行"),
        SkippedRow(14, "注释/落款行"),
    ]
    values = [row.values for row in preview.rows]
    assert [v["category"] for v in values] == ["产业项目", "产业项目", "社会事业项目"]
    assert [v["total_investment"] for v in values] == [12_000_000, 45_000_000, 180_000_000]
    assert [v["stage"] for v in values] == ["new_start", "continuing", "continuing"]
    assert [v["start_date"] for v in values] == [date(2023, 3, 1)] * 3
    assert preview.summary_lines()[4:] == [
        "共找到数据 3 行，可导入 3 行，有问题 0 行；跳过 10 行",
        "跳过的行：",
        "  第1行：标题行（位于表头之上）（1 行）",
        "  第3行：分组行：一、产业项目（2个）（1 行）",
        "  第5行：空行（1 行）",
        "  第7行、第12行：合计/小计行（2 行）",
        "  第8行：分组行：（二）社会事业项目（1 行）",
        "  第9行：重复的表头行（1 行）",
        "  第11行：没有可导入的内容（只有序号或无关列）（1 行）",
        "  第13–14行：注释/落款行（2 行）",
    ]
    assert group_label("(一)产业项目（128个）") == "产业项目"


def test_required_fields_and_non_blocking_problems(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx(
        [
            ["问题台账"],
            ["项目名称", "企业名称", "存在问题", "完成时限", "办理状态", "企业评价"],
            ["紫云府项目", None, "违建未拆", "下个月", "已办结", "满意"],
            ["融创中心", None, None, "6月底前", "研究中", None],
            [None, None, "无主问题", "年底前", "推进中", "很好"],
            [None, "某科技公司", "用工难", "4月30日", "新增", None],
        ],
        name="问题台账_2024.xlsx",
    )
    preview = build_preview(path, "issues")
    assert preview.context_year == 2024  # from the file name
    problems = [str(problem) for problem in preview.problems]
    assert problems == [
        "第3行【完成时限（D列）】“下个月”：无法识别的完成时限（可写作 2022-04-30、2022/4/30、2022.4.30、2022年4月30日 或 20220430，"
        "也可写 6月底前、年底前、上半年、三季度末、长期、持续推进）（原文保留为完成时限说明，不设日期）",
        "第4行【办理状态（E列）】“研究中”：无法识别的办理状态“研究中”（可填：已办结、已销号、推进中、阶段性推进、待交办）"
        "（导入时该项留空，原文记入导入的办理记录）",
        "第4行【存在问题（C列）】：必填项为空",
        "第5行【企业评价（F列）】“很好”：无法识别的评价“很好”（可填：满意、基本满意、不满意）（导入时该项留空，原文记入导入的办理记录）",
        "第5行：项目名称、企业名称至少填写一项",
    ]
    assert [row.row for row in preview.importable_rows] == [3, 6]
    assert (preview.rows[0].values["deadline"], preview.rows[0].values["deadline_text"]) == (None, "下个月")
    assert preview.rows[3].values["deadline"] == date(2024, 4, 30)
    assert preview.rows[3].values["enterprise"] == "某科技公司"
    summary = preview.summary_lines()
    assert "共找到数据 4 行，可导入 2 行，有问题 3 行；跳过 1 行" in summary
    assert "问题（共 5 处，按行）：" in summary


def test_missing_required_column_blocks_everything(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["项目名称", "责任单位", "完成时限"], ["紫云府", "区住建局", "2024-06-30"]])
    preview = build_preview(path, "issues", context_year=2024)
    assert preview.errors == ["缺少必填列【问题描述】，请在列对应中指定"]
    assert len(preview.rows) == 1 and preview.importable_rows == []
    assert "错误：缺少必填列【问题描述】，请在列对应中指定" in preview.summary_lines()


def test_user_mapping_and_saved_mapping(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["项目名称", "情况", "责任单位"], ["紫云府", "违建", "区住建局"]], name="问题_2022.xlsx")
    proposed = build_preview(path, "issues")
    assert proposed.errors == ["缺少必填列【问题描述】，请在列对应中指定"]
    fixed = build_preview(path, "issues", mapping={0: "project", 1: "description", 2: "lead_unit"})
    assert fixed.errors == [] and fixed.rows[0].values["description"] == "违建"
    saved = Mapping.from_json(fixed.mapping.to_json())
    again = build_preview(path, "issues", saved=[saved])
    assert again.mapping == saved and again.rows[0].values["description"] == "违建"
    assert "说明：表头与以前导入过的文件相同，沿用已保存的列对应关系" in again.summary_lines()
    stale = Mapping("issues", "0000000000000000", {1: "description"})
    other = build_preview(path, "issues", mapping=stale)
    assert other.notes[0] == "提供的列对应关系与本文件的表头不一致，已按本文件表头重新识别"
    assert other.notes[1].startswith("表中没有发现时间（受理日期、交办日期）列：各行的发现日期未填，未记录（不按导入日推定）")


def test_gbk_csv_preview(tmp_path: Path) -> None:
    text = "项目名称,问题描述,完成时限,办理状态\r\n紫云府项目,违建拆除,6月底前,办理中\r\n融创中心,扰民,长期,阶段性推进\r\n"
    path = tmp_path / "问题台账_2023.csv"
    path.write_bytes(text.encode("gbk"))
    preview = build_preview(path, "issues")
    assert preview.notes[0] == "CSV 文件，编码 GBK，分隔符：逗号"
    assert [(r.values["deadline"], r.values["deadline_text"], r.values["status"]) for r in preview.rows] == [
        (date(2023, 6, 30), "6月底前", "assigned"),
        (None, "长期", "phased"),
    ]


def test_enterprises_with_credit_codes(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    good = "91140105MA0" + "K12345" + credit_code_check_char("91140105MA0K12345")
    path = make_xlsx(
        [["企业名称", "统一社会信用代码", "联系电话", "是否规上企业"], ["山西某科技有限公司", good, 13800000000, "是"],
         ["太原某物流公司", good[:-1] + ("0" if good[-1] != "0" else "1"), "0351-1234567", "否"]]
    )
    preview = build_preview(path, "enterprises")
    assert preview.rows[0].values == {"name": "山西某科技有限公司", "credit_code": good, "phone": "13800000000", "above_scale": True}
    assert [str(p) for p in preview.problems] == [
        f"第3行【统一社会信用代码（B列）】“{preview.rows[1].raw['credit_code']}”：统一社会信用代码校验位不正确，请核对是否抄错（导入时该项留空）"
    ]


def test_investment_without_period_is_an_error(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["项目名称", "年度计划投资", "累计完成投资"], ["东亚纳米", 600, 510]], name="投资.xlsx")
    preview = build_preview(path, "investment")
    assert preview.errors == [
        "无法从表格标题或文件名确定年度，请在导入时指定年度",
        "无法从表格标题或表头（如“1-10月完成投资”）确定月份，请在导入时指定月份",
    ]
    assert "说明：表头和标题中没有注明金额单位，金额按“万元”换算为元" in preview.summary_lines()
    given = build_preview(path, "investment", context_year=2021, context_month=6)
    assert given.errors == [] and given.rows[0].values["amount_ytd"] == 5_100_000
    assert (given.rows[0].values["year"], given.rows[0].values["month"]) == (2021, 6)


def test_sheet_choice_skips_notes(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx(
        [["填表说明：完成时限写日期"]],
        sheet_title="填表说明",
        extra_sheets={"问题": [["项目名称", "存在问题"], ["紫云府", "违建"]]},
        name="问题_2022.xlsx",
    )
    preview = build_preview(path, "issues")
    assert preview.sheet == "问题"
    assert preview.skipped_sheets == [("填表说明", "说明类工作表，不含台账数据，已跳过")]
    assert "跳过工作表“填表说明”：说明类工作表，不含台账数据，已跳过" in preview.summary_lines()


def test_excel_error_values_and_full_width_cells(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="s"><v>4</v></c></row>'
    )
    strings = ["项目名称", "总投资（万元）", "开工时间", "\u3000紫云府项目\u00a0", "２０２３年３月１日"]
    path = write_raw_xlsx(tmp_path / "项目.xlsx", sheet, strings)
    preview = build_preview(path, "projects")
    assert preview.rows[0].values == {"name": "紫云府项目", "start_date": date(2023, 3, 1)}
    assert [str(p) for p in preview.problems] == [
        "第2行【总投资（万元）（B列）】“#DIV/0!”：单元格显示错误值 #DIV/0!，请在 Excel/WPS 中修正公式或改填数值后再导入（导入时该项留空）"
    ]
