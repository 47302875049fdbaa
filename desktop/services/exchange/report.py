"""The merge preview as Chinese text: what `keyproj exchange import` prints, and the dialog's summary line."""

from __future__ import annotations

from desktop.services.exchange.codec import ENTITY_LABELS
from desktop.services.exchange.history import scope_text
from desktop.services.exchange.preview import OURS, THEIRS, Item, ItemKind, MergePlan

_CHOICE = {THEIRS: "采用对方", OURS: "保留本方", None: "未决定（不会应用）"}


def summary(plan: MergePlan) -> str:
    counts = {kind: plan.count(kind) for kind in ItemKind}
    return (f"新增 {counts[ItemKind.NEW]} 条，修改 {counts[ItemKind.CHANGED]} 条，冲突 {counts[ItemKind.CONFLICT]} 条，"
            f"对方删除 {counts[ItemKind.DELETE]} 条，本方已删除 {counts[ItemKind.REVIVE]} 条；"
            f"相同 {plan.unchanged} 条，本方较新保留 {plan.kept_ours} 处"
            + (f"，已是较新版本 {counts[ItemKind.STALE]} 条" if counts[ItemKind.STALE] else "")
            + (f"，无权修改 {counts[ItemKind.NOT_ALLOWED]} 条" if counts[ItemKind.NOT_ALLOWED] else "")
            + (f"，对方删除但本方保留 {counts[ItemKind.KEPT]} 条" if counts[ItemKind.KEPT] else ""))


def header_lines(plan: MergePlan) -> list[str]:
    m = plan.package.manifest
    contents = "，".join(f"{ENTITY_LABELS.get(k, k)}{v}" for k, v in m.get("counts", {}).items()
                        if v and k in ENTITY_LABELS)
    lines = [
        f"数据包：{plan.package.source.name if plan.package.source else ''}（编号 {plan.package.package_id}）",
        f"来自：{plan.package.sender_name}；导出时间：{m.get('created_at', '')}；范围：{scope_text(m.get('scope'))}",
        f"内容：{contents or '无记录'}；删除记录 {m.get('counts', {}).get('deletions', 0)} 条；"
        f"附件 {m.get('counts', {}).get('attachments', 0)} 个",
        "校验：校验和通过" + ("，签名与其密钥相符" if plan.package.signed else "，没有有效签名"),
    ]
    recipient = m.get("recipient")
    if recipient and plan.my_name and recipient != plan.my_name:
        lines.append(f"注意：该数据包是发给「{recipient}」的，本单位名称为「{plan.my_name}」。")
    if plan.already_imported_at is not None:
        lines.append(f"该数据包已于 {plan.already_imported_at:%Y-%m-%d %H:%M} 导入过，再次导入不会有任何改动。")
    return lines


def preview_lines(plan: MergePlan, *, limit: int = 200) -> list[str]:
    lines = [*header_lines(plan), f"合并预览：{summary(plan)}"]
    sections = ((ItemKind.NEW, "新增记录"), (ItemKind.CHANGED, "修改记录（对方改动，将采用对方）"),
                (ItemKind.CONFLICT, "冲突（双方自上次交换后都改了同一字段）"), (ItemKind.DELETE, "对方已删除（需确认）"),
                (ItemKind.REVIVE, "本方已删除、对方仍保留（需确认）"),
                (ItemKind.STALE, "已是较新版本（本方较新，不会覆盖）"),
                (ItemKind.NOT_ALLOWED, "无权修改（不属于发送单位，不会应用）"),
                (ItemKind.KEPT, "对方已删除、本方保留（本方的督办或反馈文书仍列着它，不会删除）"))
    for kind, title in sections:
        items = plan.of_kind(kind)
        if not items:
            continue
        total = plan.count(kind)
        lines.append(f"{title}：{total} 条")
        for item in items[:limit]:
            lines.extend(_item_lines(plan, item))
        if total > min(limit, len(items)):
            lines.append(f"  ……另有 {total - min(limit, len(items))} 条未列出")
    return lines


def _item_lines(plan: MergePlan, item: Item) -> list[str]:
    head = f"  [{item.entity_label}] {item.title}"
    if item.note:
        head += f"（{item.note}）"
    if item.kind in (ItemKind.DELETE, ItemKind.REVIVE):
        return [f"{head} → {_CHOICE[plan.decisions.get((item.uuid, None))]}"]
    lines = [head]
    for diff in item.fields:
        ours = f"本方「{diff.ours_text}」" + (f"（{diff.ours_by}）" if diff.ours_by else "")
        theirs = f"对方「{diff.theirs_text}」" + (f"（{diff.theirs_by}）" if diff.theirs_by else "")
        line = f"    {diff.label}：{ours} → {theirs}"
        if diff.conflict:
            line += f"  ⚠冲突：{_CHOICE[plan.decisions.get((item.uuid, diff.field))]}"
        lines.append(line)
    return lines
