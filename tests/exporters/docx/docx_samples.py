"""Sample briefing and minutes that use every builder element (imported by the docx toolkit tests)."""

from __future__ import annotations

from datetime import date

from desktop.exporters.docx import OfficialDocument, cn_date

BODY = (
    "今年以来，区重点项目服务办公室坚持问题导向，围绕项目前期手续、要素保障和施工环境，"
    "建立“周调度、月通报、季观摩”工作机制，推动一批难点问题得到解决。截至6月30日，全区"
    "纳入包保的重点项目共52个，总投资386.5亿元，已开复工47个，开复工率90.4%。"
)


def build_briefing(long: bool = False) -> OfficialDocument:
    doc = OfficialDocument()
    doc.masthead("工作简报", "第12期", "示例区重点项目服务办公室", date(2026, 6, 30),
                 total_number_text="总第106期")
    doc.editor_note("现将我区重点项目包保工作推进情况刊发，请各单位认真学习借鉴。")
    doc.title("示例区扎实推进重点项目包保工作\n上半年开复工率达90.4%")
    doc.heading(1, "总体进展")
    doc.paragraph(BODY + "\n" + BODY)
    doc.heading(2, "前期手续办理提速", body="区行政审批局实行“容缺受理”，平均审批时限压缩40%。")
    doc.heading(3, "用地保障", body="新增建设用地指标320亩。")
    doc.heading(2, "问题办结情况")
    doc.numbered_items(["收集项目问题86个，已办结71个。", "逾期未办结问题5个，已全部挂牌督办。"])
    doc.table(
        ["序号", "问题描述", "责任单位", "完成时限", "状态"],
        [[i, f"示例项目{i}号地块临时用电接入问题\x0b需协调", "区供电公司", date(2026, 7, i), "办理中"]
         for i in range(1, 9)],
        col_widths_mm=[12, 60, 34, 34, 16],
    )
    if long:
        for _ in range(40):
            doc.paragraph(BODY)
    doc.distribution_block(report_to=["市重点项目服务办公室", "区委办公室"], send_to="区人大常委会办公室",
                           issue_to=["各街道办事处", "区直各有关部门"], copies=40)
    return doc


def build_minutes() -> OfficialDocument:
    doc = OfficialDocument()
    doc.plain_title("示例区重点项目第三次推进会会议纪要", subtitle=f"（{cn_date(date(2026, 6, 28))}）")
    doc.facts_block([
        ("时间", "2026年6月28日上午9:00"),
        ("地点", "区政府三楼会议室"),
        ("主持", "张某某（副区长）"),
        ("参会", "区发改局、区住建局、区自然资源局、区生态环境局、区行政审批局、区供电公司、"
                 "各街道办事处主要负责同志"),
        ("记录", "李某某"),
    ])
    doc.paragraph("会议听取了各项目推进情况汇报，研究了项目建设中存在的问题。现将会议议定事项纪要如下：")
    doc.heading(1, "关于项目用地问题", body="会议明确，由区自然资源局牵头，7月15日前完成组卷报批。")
    doc.heading(1, "关于施工用电问题", body="会议要求，区供电公司7月10日前完成临时用电接入。")
    doc.banji(["区委办公室", "区人大常委会办公室", "区政协办公室"], "示例区重点项目服务办公室", date(2026, 6, 30))
    return doc
