"""What may be written as an operator's name in the 操作日志, checked wherever a name is set.

The name is the only free text in an audit row, so it must not be able to pass for something the program writes
itself: no brackets or quotes (the program's own notes, such as "（合并「…」数据包）", use them), no control or
invisible formatting characters (a line break or a right-to-left override would make a row read differently), and
short enough to stay one readable name (20 characters).
"""

from __future__ import annotations

import unicodedata

from desktop.errors import UserError

MAX_LENGTH = 20
# Brackets and quotes of every width: what a system note is written with (see the module docstring).
RESERVED = set("()（）[]［］【】{}｛｝<>＜＞《》〈〉「」『』〔〕〖〗\"'“”‘’")


def operator_problem(name: str) -> str | None:
    """Why `name` (already trimmed) cannot be an operator name, in Chinese; None when it can."""
    if not name:
        return "请填写操作人姓名：操作日志需要记录是谁做的修改。"
    if len(name) > MAX_LENGTH:
        return f"操作人姓名最多 {MAX_LENGTH} 个字，现在是 {len(name)} 个字。"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn") for ch in name):
        return "操作人姓名中不能有换行、制表符或看不见的控制字符。"
    found = list(dict.fromkeys(ch for ch in name if ch in RESERVED))
    if found:
        return (f"操作人姓名中不能有括号或引号（{'、'.join(found)}）：这些符号留给程序自动写入的说明，"
                "例如“（合并「某专班」数据包）”。")
    return None


def checked_operator(name: str) -> str:
    """`name` trimmed, or UserError saying in Chinese what is wrong with it."""
    name = (name or "").strip()
    problem = operator_problem(name)
    if problem is not None:
        raise UserError(problem)
    return name
