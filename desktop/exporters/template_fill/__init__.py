"""按上级模板填报: fill an upper level's own blank Excel form, keeping everything of it.

`job` is the entry point (the dialog and `keyproj export template` call it); `source` opens the file safely,
`inspect` finds the header and the table body, `plan` turns records into rows (groups, 小计, 合计), `body` makes
room for them and moves everything below, `writer` writes them in the template's look, `texts` fills in
填报单位/日期 and the period.
"""
