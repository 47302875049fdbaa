"""The issue rows behind the 100k-row table: search haystack, order, shared values, status checks without enums."""

from __future__ import annotations

from datetime import date

from desktop.services.issues.actions import is_due_soon, is_overdue
from desktop.services.issues.rows import (
    DONE_CODES,
    SEPARATOR,
    IssueRow,
    build_rows,
    haystack_for,
    load_issue_rows,
    search_needle,
    with_haystack,
)


def _raw(issue_id: int, *, name: str = "汉口学院新校区", unit: str = "区住建局", description: str = "施工用电报装慢",
         status: str = "assigned", deadline: object = "2026-11-01", found: object = "2026-03-04") -> tuple:
    return (issue_id, 1, "2026-00001", name, "用地", description, 2, unit, "张三", deadline, "", "site", status, "",
            found, None)


def test_haystack_has_text_and_pinyin_initials_of_each_field() -> None:
    hay = haystack_for("施工用电报装慢", "汉口学院新校区", "区住建局", "2026-00001")
    for needle in ("施工用电", "sgyd", "hkxy", "汉口", "qzjj", "住建", "2026-00001"):
        assert needle in hay, needle
    assert "用电汉口" not in hay  # fields are separated, a needle cannot straddle two of them
    assert hay.count(SEPARATOR) >= 3


def test_haystack_keeps_phrase_readings_of_polyphonic_names() -> None:
    assert "xm" in haystack_for("", "厦门大学翔安校区", "", "")
    assert "cq" in haystack_for("", "重庆路改造", "", "")


def test_search_needle_is_trimmed_and_lower_cased() -> None:
    assert search_needle("  HKXY ") == "hkxy"
    assert search_needle("ABC-01") in haystack_for("", "", "", "abc-01")


def test_build_rows_parses_dates_and_shares_repeated_values() -> None:
    rows = build_rows([_raw(1), _raw(2, deadline=None), _raw(3, description="施工用电报装慢")])
    assert rows[0].deadline == date(2026, 11, 1) and rows[1].deadline is None
    assert rows[0].found_on == date(2026, 3, 4)
    assert rows[0].found_on is rows[1].found_on  # one date object per distinct day
    assert rows[0].description is rows[2].description
    assert rows[0].status is rows[1].status
    assert "sgyd" in rows[0].haystack


def test_with_haystack_fills_a_row_built_by_hand() -> None:
    row = IssueRow(9, 1, "2026-00009", "汉口学院", "用地", "围挡破损", None, "区城管局", "", None, "", "site", "new",
                   "", date(2026, 1, 1), None)
    assert row.haystack == ""
    assert "hkxy" in with_haystack(row).haystack and "wdps" in with_haystack(row).haystack


def test_status_properties_compare_codes() -> None:
    done, open_ = build_rows([_raw(1, status="closed"), _raw(2, status="phased")])
    assert done.is_done and not open_.is_done
    assert done.status_label == "已销号" and open_.level_label == "现场解决"
    assert {"resolved", "closed"} == DONE_CODES
    today = date(2026, 11, 25)
    assert is_overdue("phased", date(2026, 11, 1), today) and not is_overdue("resolved", date(2026, 11, 1), today)
    assert is_due_soon("new", date(2026, 11, 30), today, 7) and not is_due_soon("closed", date(2026, 11, 30), today, 7)


def test_load_issue_rows_matches_the_database(demo_workspace) -> None:
    from sqlalchemy import func, select

    from desktop.db.models import Issue, Project, Unit

    with demo_workspace.db.read() as session:
        rows = load_issue_rows(session)
        assert len(rows) == session.scalar(select(func.count(Issue.id)))
        sample = rows[17]
        issue = session.get(Issue, sample.id)
        assert sample.description == issue.description and sample.status == issue.status
        assert sample.found_on == issue.found_on and sample.deadline == issue.deadline
        assert sample.project_name == session.scalar(select(Project.name).where(Project.id == issue.project_id))
        if issue.lead_unit_id:
            assert sample.unit == session.scalar(select(Unit.name).where(Unit.id == issue.lead_unit_id))
        some = load_issue_rows(session, ids=[rows[0].id, rows[5].id])
    assert [r.id for r in some] == [rows[0].id, rows[5].id]
    keys = [(r.found_on, r.id) for r in rows]
    assert keys == sorted(keys, reverse=True)  # newest found first, then newest id
    units = {}
    for r in rows:
        assert units.setdefault(r.unit, r.unit) is r.unit  # one object per unit name
    assert all(r.haystack for r in rows)


def test_fast_filters_agree_with_their_predicates() -> None:
    from desktop.services.issues.rows import AllOf, NeedleFilter, deadline_counts, deadline_ids, filter_rows

    rows = build_rows([_raw(1), _raw(2, name="厦门路改造", unit="区城管局", description="围挡破损"),
                       _raw(3, status="closed", deadline="2026-11-28"), _raw(4, deadline="2026-11-30")])
    needle = NeedleFilter("qzjj")
    assert filter_rows(rows, needle) == [r for r in rows if needle(r)] == [rows[0], rows[2], rows[3]]
    both = AllOf([lambda r: r.status != "closed", needle])
    assert filter_rows(rows, both) == [r for r in rows if both(r)] == [rows[0], rows[3]]
    assert filter_rows(rows, lambda r: r.id > 2) == rows[2:]
    overdue, soon = deadline_ids(rows, date(2026, 11, 25), 7)
    assert overdue == {1, 2} and soon == {4}  # 3 is closed, so neither
    assert deadline_counts(rows, overdue, soon) == (2, 1)
    assert deadline_counts(rows[2:], overdue, soon) == (0, 1)


def test_subsets_read_the_same_rows_as_the_whole_table(demo_workspace) -> None:
    """One project, a few ids or the first page look up only the names they use: the rows must be identical."""
    with demo_workspace.db.read() as session:
        every = load_issue_rows(session)
        by_id = {r.id: r for r in every}
        project_id = next(r.project_id for r in every if r.project_id is not None)
        one_project = load_issue_rows(session, project_id=project_id)
        first_page = load_issue_rows(session, limit=25)
        some = load_issue_rows(session, ids=[every[3].id, every[40].id, every[-1].id])
    assert one_project == [r for r in every if r.project_id == project_id] != []
    assert first_page == every[:25]
    assert some == [by_id[every[3].id], by_id[every[40].id], by_id[every[-1].id]]


def test_project_scope_filter_agrees_with_its_predicate() -> None:
    from desktop.services.issues.row import InProjects, filter_rows

    rows = build_rows([_raw(1), _raw(2), _raw(3)])
    rows = [rows[0], rows[1]._replace(project_id=7), rows[2]._replace(project_id=None)]
    for ids in ([1], [7], [1, 7], []):
        scope = InProjects(ids)
        assert filter_rows(rows, scope) == [r for r in rows if scope(r)] == [r for r in rows if r.project_id in ids]
