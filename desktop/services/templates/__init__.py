"""按上级模板填报, the rules and the data: which fields a column of an upper level's form can show (`catalog`),
which it means (`proposal`, with the importer's header vocabulary), which records fill it (`records`), and the
templates saved under a name (`store`). The workbook itself is read and written by `exporters.template_fill`.
"""
