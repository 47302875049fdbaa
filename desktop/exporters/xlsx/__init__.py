"""Excel 台账 writer toolkit: declare a ledger with :class:`LedgerSpec`, stream rows with :func:`write_ledger`."""

from .grouping import chinese_ordinal, with_subtotals
from .ledger import LedgerExportCancelled, LedgerValueError, write_ledger
from .safe import cell_text, is_formula_like, put_text, sheet_title
from .spec import (
    ColumnKind,
    GroupRow,
    LedgerColumn,
    LedgerFonts,
    LedgerSpec,
    LedgerSpecError,
    SectionRow,
    SubtotalRow,
    TotalRow,
    subtotal_row,
    total_row,
)

__all__ = [
    "ColumnKind",
    "GroupRow",
    "LedgerColumn",
    "LedgerExportCancelled",
    "LedgerFonts",
    "LedgerSpec",
    "LedgerSpecError",
    "LedgerValueError",
    "SectionRow",
    "SubtotalRow",
    "TotalRow",
    "cell_text",
    "chinese_ordinal",
    "is_formula_like",
    "put_text",
    "sheet_title",
    "subtotal_row",
    "total_row",
    "with_subtotals",
    "write_ledger",
]
