# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'briefing_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_BriefingEditor(object):
    def setupUi(self, BriefingEditor):
        if not BriefingEditor.objectName():
            BriefingEditor.setObjectName(u"BriefingEditor")
        BriefingEditor.resize(1100, 640)
        self.main_layout = QHBoxLayout(BriefingEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.editor_layout = QVBoxLayout()
        self.editor_layout.setObjectName(u"editor_layout")
        self.source_group = QGroupBox(BriefingEditor)
        self.source_group.setObjectName(u"source_group")
        self.source_layout = QHBoxLayout(self.source_group)
        self.source_layout.setObjectName(u"source_layout")
        self.from_label = QLabel(self.source_group)
        self.from_label.setObjectName(u"from_label")

        self.source_layout.addWidget(self.from_label)

        self.from_date_edit = DateEdit(self.source_group)
        self.from_date_edit.setObjectName(u"from_date_edit")

        self.source_layout.addWidget(self.from_date_edit)

        self.to_label = QLabel(self.source_group)
        self.to_label.setObjectName(u"to_label")

        self.source_layout.addWidget(self.to_label)

        self.to_date_edit = DateEdit(self.source_group)
        self.to_date_edit.setObjectName(u"to_date_edit")

        self.source_layout.addWidget(self.to_date_edit)

        self.scope_label = QLabel(self.source_group)
        self.scope_label.setObjectName(u"scope_label")

        self.source_layout.addWidget(self.scope_label)

        self.scope_kind_combo = QComboBox(self.source_group)
        self.scope_kind_combo.setObjectName(u"scope_kind_combo")

        self.source_layout.addWidget(self.scope_kind_combo)

        self.scope_target_combo = QComboBox(self.source_group)
        self.scope_target_combo.setObjectName(u"scope_target_combo")
        self.scope_target_combo.setMinimumContentsLength(10)

        self.source_layout.addWidget(self.scope_target_combo)

        self.draft_button = QPushButton(self.source_group)
        self.draft_button.setObjectName(u"draft_button")

        self.source_layout.addWidget(self.draft_button)

        self.source_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.source_layout.addItem(self.source_spacer)


        self.editor_layout.addWidget(self.source_group)

        self.number_layout = QHBoxLayout()
        self.number_layout.setObjectName(u"number_layout")
        self.number_label = QLabel(BriefingEditor)
        self.number_label.setObjectName(u"number_label")

        self.number_layout.addWidget(self.number_label)

        self.number_spin = QSpinBox(BriefingEditor)
        self.number_spin.setObjectName(u"number_spin")
        self.number_spin.setMinimum(1)
        self.number_spin.setMaximum(9999)

        self.number_layout.addWidget(self.number_spin)

        self.number_suffix_label = QLabel(BriefingEditor)
        self.number_suffix_label.setObjectName(u"number_suffix_label")

        self.number_layout.addWidget(self.number_suffix_label)

        self.total_check = QCheckBox(BriefingEditor)
        self.total_check.setObjectName(u"total_check")

        self.number_layout.addWidget(self.total_check)

        self.total_spin = QSpinBox(BriefingEditor)
        self.total_spin.setObjectName(u"total_spin")
        self.total_spin.setMinimum(1)
        self.total_spin.setMaximum(99999)

        self.number_layout.addWidget(self.total_spin)

        self.total_suffix_label = QLabel(BriefingEditor)
        self.total_suffix_label.setObjectName(u"total_suffix_label")

        self.number_layout.addWidget(self.total_suffix_label)

        self.issued_on_label = QLabel(BriefingEditor)
        self.issued_on_label.setObjectName(u"issued_on_label")

        self.number_layout.addWidget(self.issued_on_label)

        self.issued_on_edit = DateEdit(BriefingEditor)
        self.issued_on_edit.setObjectName(u"issued_on_edit")

        self.number_layout.addWidget(self.issued_on_edit)

        self.number_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.number_layout.addItem(self.number_spacer)


        self.editor_layout.addLayout(self.number_layout)

        self.title_layout = QFormLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(BriefingEditor)
        self.title_label.setObjectName(u"title_label")

        self.title_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QPlainTextEdit(BriefingEditor)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaximumSize(QSize(16777215, 56))

        self.title_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.note_label = QLabel(BriefingEditor)
        self.note_label.setObjectName(u"note_label")

        self.title_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.editor_note_edit = QPlainTextEdit(BriefingEditor)
        self.editor_note_edit.setObjectName(u"editor_note_edit")
        self.editor_note_edit.setMaximumSize(QSize(16777215, 56))

        self.title_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.editor_note_edit)


        self.editor_layout.addLayout(self.title_layout)

        self.body_hint_label = QLabel(BriefingEditor)
        self.body_hint_label.setObjectName(u"body_hint_label")
        self.body_hint_label.setWordWrap(True)

        self.editor_layout.addWidget(self.body_hint_label)

        self.body_edit = QPlainTextEdit(BriefingEditor)
        self.body_edit.setObjectName(u"body_edit")

        self.editor_layout.addWidget(self.body_edit)

        self.tables_label = QLabel(BriefingEditor)
        self.tables_label.setObjectName(u"tables_label")
        self.tables_label.setWordWrap(True)

        self.editor_layout.addWidget(self.tables_label)

        self.font_warning_label = QLabel(BriefingEditor)
        self.font_warning_label.setObjectName(u"font_warning_label")
        self.font_warning_label.setWordWrap(True)
        self.font_warning_label.setStyleSheet(u"color: #b3261e;")

        self.editor_layout.addWidget(self.font_warning_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.review_button = QPushButton(BriefingEditor)
        self.review_button.setObjectName(u"review_button")

        self.buttons_layout.addWidget(self.review_button)

        self.export_button = QPushButton(BriefingEditor)
        self.export_button.setObjectName(u"export_button")

        self.buttons_layout.addWidget(self.export_button)

        self.close_button = QPushButton(BriefingEditor)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.editor_layout.addLayout(self.buttons_layout)

        self.editor_layout.setStretch(4, 1)

        self.main_layout.addLayout(self.editor_layout)

        self.issued_group = QGroupBox(BriefingEditor)
        self.issued_group.setObjectName(u"issued_group")
        self.issued_group.setMaximumSize(QSize(300, 16777215))
        self.issued_layout = QVBoxLayout(self.issued_group)
        self.issued_layout.setObjectName(u"issued_layout")
        self.issued_list = QListWidget(self.issued_group)
        self.issued_list.setObjectName(u"issued_list")

        self.issued_layout.addWidget(self.issued_list)

        self.reexport_button = QPushButton(self.issued_group)
        self.reexport_button.setObjectName(u"reexport_button")
        self.reexport_button.setEnabled(False)

        self.issued_layout.addWidget(self.reexport_button)


        self.main_layout.addWidget(self.issued_group)


        self.retranslateUi(BriefingEditor)

        self.export_button.setDefault(True)

    # setupUi

    def retranslateUi(self, BriefingEditor):
        BriefingEditor.setWindowTitle(QCoreApplication.translate("BriefingEditor", u"\u7f16\u8f91\u5de5\u4f5c\u7b80\u62a5", None))
        self.source_group.setTitle(QCoreApplication.translate("BriefingEditor", u"\u7edf\u8ba1\u671f\u95f4\u4e0e\u8303\u56f4", None))
        self.from_label.setText(QCoreApplication.translate("BriefingEditor", u"\u81ea", None))
        self.to_label.setText(QCoreApplication.translate("BriefingEditor", u"\u81f3", None))
        self.scope_label.setText(QCoreApplication.translate("BriefingEditor", u"\u8303\u56f4", None))
        self.draft_button.setText(QCoreApplication.translate("BriefingEditor", u"\u6309\u6570\u636e\u91cd\u65b0\u8d77\u8349", None))
        self.number_label.setText(QCoreApplication.translate("BriefingEditor", u"\u671f\u53f7 \u7b2c", None))
        self.number_suffix_label.setText(QCoreApplication.translate("BriefingEditor", u"\u671f", None))
        self.total_check.setText(QCoreApplication.translate("BriefingEditor", u"\u603b\u7b2c", None))
        self.total_suffix_label.setText(QCoreApplication.translate("BriefingEditor", u"\u671f", None))
        self.issued_on_label.setText(QCoreApplication.translate("BriefingEditor", u"\u5370\u53d1\u65e5\u671f", None))
        self.title_label.setText(QCoreApplication.translate("BriefingEditor", u"\u6807\u9898", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("BriefingEditor", u"\u8f83\u957f\u7684\u6807\u9898\u53ef\u6309\u56de\u8f66\u5206\u884c\uff0c\u6392\u7248\u65f6\u6309\u6240\u5206\u7684\u884c\u5c45\u4e2d", None))
        self.note_label.setText(QCoreApplication.translate("BriefingEditor", u"\u7f16\u8005\u6309", None))
        self.editor_note_edit.setPlaceholderText(QCoreApplication.translate("BriefingEditor", u"\u53ef\u4e0d\u586b", None))
        self.body_hint_label.setText(QCoreApplication.translate("BriefingEditor", u"\u6b63\u6587\uff08\u6bcf\u884c\u4e00\u6bb5\uff1b\u4ee5\u201c\u4e00\u3001\u201d\u201c\uff08\u4e00\uff09\u201d\u5f00\u5934\u7684\u884c\u6309\u4e00\u7ea7\u3001\u4e8c\u7ea7\u6807\u9898\u6392\u7248\uff09", None))
        self.review_button.setText(QCoreApplication.translate("BriefingEditor", u"\u5bfc\u51fa\u9001\u5ba1\u7a3f\u2026", None))
#if QT_CONFIG(tooltip)
        self.review_button.setToolTip(QCoreApplication.translate("BriefingEditor", u"\u4f9b\u9886\u5bfc\u5ba1\u9605\u7684\u9001\u5ba1\u7a3f\uff1a\u671f\u53f7\u5904\u6807\u201c\u9001\u5ba1\u7a3f\u201d\uff0c\u4e0d\u767b\u8bb0\u671f\u53f7\uff0c\u53ef\u53cd\u590d\u5bfc\u51fa", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("BriefingEditor", u"\u5370\u53d1\u5e76\u5bfc\u51faWord\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("BriefingEditor", u"\u767b\u8bb0\u672c\u671f\u671f\u53f7\uff08\u4e4b\u540e\u4e0d\u80fd\u518d\u7528\uff09\uff0c\u5e76\u5bfc\u51fa\u6b63\u5f0f\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("BriefingEditor", u"\u5173\u95ed", None))
        self.issued_group.setTitle(QCoreApplication.translate("BriefingEditor", u"\u5df2\u5370\u53d1", None))
        self.reexport_button.setText(QCoreApplication.translate("BriefingEditor", u"\u6309\u539f\u6837\u91cd\u65b0\u5bfc\u51fa\u2026", None))
    # retranslateUi

