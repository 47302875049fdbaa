"""A column mapping the user confirmed, stored as JSON and reused for the same layout.

Offices receive the same ledger layout every month from the same units; once the user has
corrected the proposed mapping, it is saved under the kind and the header signature, and the
next file with identical headers is read the same way without asking again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.importers.fields import get_kind
from desktop.importers.header import HeaderInfo

MAPPING_FORMAT = 1


@dataclass
class Mapping:
    """Column index (0-based) → field code, for one kind and one header signature."""

    kind: str
    signature: str
    columns: dict[int, str]
    labels: dict[int, str] = field(default_factory=dict)

    @classmethod
    def for_header(cls, header: HeaderInfo, columns: dict[int, str]) -> Mapping:
        """Bind `columns` to the layout of `header`; unknown field codes are rejected."""
        known = set(get_kind(header.kind).field_codes())
        unknown = sorted(set(columns.values()) - known)
        if unknown:
            raise ValueError(f"fields {unknown} do not exist in kind {header.kind!r}")
        labels = {col: header.labels[col] for col in columns if col < len(header.labels)}
        return cls(header.kind, header.signature, dict(sorted(columns.items())), labels)

    def matches(self, header: HeaderInfo) -> bool:
        return self.kind == header.kind and self.signature == header.signature

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": MAPPING_FORMAT,
                "kind": self.kind,
                "signature": self.signature,
                "columns": {str(col): code for col, code in sorted(self.columns.items())},
                "labels": {str(col): label for col, label in sorted(self.labels.items())},
            },
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        """Parse a saved mapping; raises ValueError on anything malformed."""
        try:
            data = json.loads(text)
            if data.get("format") != MAPPING_FORMAT:
                raise ValueError(f"unsupported mapping format {data.get('format')!r}")
            kind = get_kind(str(data["kind"]))
            columns = {int(col): str(code) for col, code in data["columns"].items()}
            labels = {int(col): str(label) for col, label in data.get("labels", {}).items()}
            signature = str(data["signature"])
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"malformed mapping: {exc}") from exc
        unknown = sorted(set(columns.values()) - set(kind.field_codes()))
        if unknown or any(col < 0 for col in columns):
            raise ValueError(f"mapping refers to unknown fields {unknown} or negative columns")
        return cls(kind.code, signature, columns, labels)


def pick_saved_mapping(saved: Iterable[Mapping], header: HeaderInfo) -> Mapping | None:
    """The last saved mapping for this exact layout, if any."""
    found = None
    for mapping in saved:
        if mapping.matches(header):
            found = mapping
    return found
