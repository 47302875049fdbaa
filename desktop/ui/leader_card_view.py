"""包保卡 on paper: the card as rich text, printed to one A4 page (printer, PDF, print preview or PNG).

Qt's rich text is the renderer because it embeds the CJK font into the PDF (engineering-facts §6) and needs no
extra package; the page size is fixed to A4 portrait with 公文-like margins.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop.services.figures import Light
from desktop.services.projects.leader_card import LeaderCard
from desktop.ui import printing

MARGINS_MM = QMarginsF(20, 20, 20, 18)
DOT = {Light.GREEN: "#2e9d4a", Light.YELLOW: "#e0a400", Light.RED: "#d0342c", Light.NONE: "#b0b0b0"}
BODY_PT = 10.5
DOC_DPI = 96  # QTextDocument lays out in logical pixels at 96 dpi; page sizes are converted to match
RED_ATTR = ' style="color:#c00000;"'


def card_html(card: LeaderCard, max_issues: int | None = None) -> str:
    e = escape
    shown_issues = card.issues if max_issues is None else card.issues[:max_issues]
    head = (f'<p align="center" style="font-size:20pt; font-weight:bold; color:#c00000;">包　保　卡</p>'
            f'<p align="center" style="font-size:13pt;"><b>{e(card.leader)}</b>　{e(card.title)}</p>'
            f'<p align="center" style="color:#555;">截至{card.as_of.year}年{card.as_of.month}月{card.as_of.day}日'
            f'　投资数据截至{card.month}月</p><hr/>')
    summary = (f"<p>包保项目 <b>{len(card.projects)}</b> 个，未办结问题 <b>{card.open_issues}</b> 个，其中超期 "
               f'<b style="color:#c00000;">{card.overdue_issues}</b> 个；{card.as_of.year}年开展包保活动 '
               f"<b>{card.visits_this_year}</b> 次"
               + (f"；包联企业 <b>{card.enterprises}</b> 家，未办结企业诉求 <b>{card.enterprise_open_issues}</b> 个"
                  if card.enterprises else "") + "。</p>")
    rows = "".join(
        f"<tr><td>{e(p.code)}</td><td>{e(p.name)}</td><td align='center'>{e(p.role)}</td>"
        f"<td align='center'>{e(p.stage)}</td><td align='right'>{p.plan_yi}</td><td align='right'>{p.completed_yi}</td>"
        f"<td align='right'>{p.schedule}</td>"
        f"<td><span style='color:{DOT[p.light]}; font-size:13pt;'>●</span> {e(p.light.label)}</td>"
        f"<td align='center'>{p.open_issues}</td><td align='center'>{p.overdue_issues or ''}</td>"
        f"<td align='center'>{p.overdue_milestones or ''}</td></tr>" for p in card.projects)
    projects = ('<p style="font-size:12pt;"><b>一、包保项目</b></p>'
                '<table width="99%" border="1" cellspacing="0" cellpadding="3" style="font-size:9.5pt;">'
                '<tr style="background:#eef2f8;"><th width="11%">编号</th><th width="25%">项目名称</th>'
                '<th width="6%">角色</th><th width="6%">阶段</th><th width="9%">年度计划<br/>亿元</th>'
                '<th width="8%">已完成<br/>亿元</th><th width="10%">序时进度</th><th width="11%">状态</th>'
                '<th width="5%">未办结问题</th><th width="5%">超期问题</th><th width="5%">超期节点</th></tr>'
                f"{rows or '<tr><td colspan=11>暂无包保项目</td></tr>'}</table>")
    issue_rows = "".join(
        f"<tr><td>{i}</td><td>{e(x.project)}</td><td>{e(x.description)}</td><td>{e(x.unit)}</td>"
        f"<td{RED_ATTR if x.overdue else ''}>{e(x.deadline)}{'（超期）' if x.overdue else ''}</td>"
        f"<td>{e(x.status)}</td></tr>" for i, x in enumerate(shown_issues, start=1))
    more = card.open_issues - len(shown_issues)
    issues = ('<p style="font-size:12pt;"><b>二、未办结问题</b>（按完成时限排列）</p>'
              '<table width="99%" border="1" cellspacing="0" cellpadding="3" style="font-size:9.5pt;">'
              '<tr style="background:#eef2f8;"><th width="6%">序号</th><th width="22%">项目</th><th>问题</th>'
              '<th width="18%">责任单位</th><th width="14%">完成时限</th><th width="10%">状态</th></tr>'
              f"{issue_rows or '<tr><td colspan=6>无未办结问题</td></tr>'}</table>"
              + (f"<p>另有{more}个未办结问题未列出，详见问题台账。</p>" if more > 0 else ""))
    if card.last_visit_on:
        visit = (f'<p style="font-size:12pt;"><b>三、最近一次包保活动</b></p>'
                 f"<p>{card.last_visit_on.year}年{card.last_visit_on.month}月{card.last_visit_on.day}日，"
                 f"{e(card.last_visit_target)}：{e(card.last_visit_text)}</p>")
    else:
        visit = '<p style="font-size:12pt;"><b>三、最近一次包保活动</b></p><p>本年度尚无包保活动记录。</p>'
    return (f'<html><body style="font-family:\'Noto Sans CJK SC\',\'Microsoft YaHei\',sans-serif; '
            f'font-size:{BODY_PT}pt;">{head}{summary}{projects}{issues}{visit}</body></html>')


def card_document(card: LeaderCard, page_size_pt: QSizeF | None = None) -> QTextDocument:
    """The card laid out on A4; when long issue texts push it onto a second page, list fewer issues (the rest
    are counted in a line under the table) until it fits — a 包保卡 is one sheet."""
    if page_size_pt is None:
        rect = a4_layout().paintRect(QPageLayout.Unit.Point)
        page_size_pt = QSizeF(rect.width(), rect.height())
    for shown in range(len(card.issues), -1, -1):
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setHtml(card_html(card, shown))
        doc.setPageSize(page_size_pt * (DOC_DPI / 72))
        if doc.pageCount() == 1:
            break
    return doc


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def print_card(card: LeaderCard, printer: QPrinter) -> None:
    card_document(card).print_(printer)


def save_pdf(card: LeaderCard, path: Path) -> int:
    """Write the card as a PDF; returns the page count (1 for a card that fits, which is the point)."""
    doc = card_document(card)
    printing.write_pdf(a4_layout(), doc.print_, path)
    return doc.pageCount()


def preview(card: LeaderCard, parent: QWidget | None = None) -> printing.PrintPreview:
    """The card's print preview; the dialog owns its printer, so it may outlive this call safely."""
    return printing.preview(f"包保卡 — {card.leader}", a4_layout(), lambda p: print_card(card, p), parent)


def render_png(card: LeaderCard, path: Path, dpi: int = 110) -> None:
    """The first page as an image, white paper with the margins, for screenshots and a quick look."""
    layout = a4_layout()
    full = layout.fullRect(QPageLayout.Unit.Point)
    paint = layout.paintRect(QPageLayout.Unit.Point)
    scale = dpi / 72
    doc_scale = dpi / DOC_DPI
    image = QImage(int(full.width() * scale), int(full.height() * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    doc = card_document(card, QSizeF(paint.width(), paint.height()))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(paint.left() * scale, paint.top() * scale)
    painter.scale(doc_scale, doc_scale)
    page = doc.pageSize()
    doc.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
    painter.end()
    image.save(str(path))
