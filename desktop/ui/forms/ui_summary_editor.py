# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_SummaryEditor(object):
    def setupUi(self, SummaryEditor):
        if not SummaryEditor.objectName():
            SummaryEditor.setObjectName(u"SummaryEditor")
        SummaryEditor.resize(1100, 640)
        self.main_layout = QHBoxLayout(SummaryEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.editor_layout = QVBoxLayout()
        self.editor_layout.setObjectName(u"editor_layout")
        self.source_group = QGroupBox(SummaryEditor)
        self.source_group.setObjectName(u"source_group")
        self.source_layout = QHBoxLayout(self.source_group)
        self.source_layout.setObjectName(u"source_layout")
        self.year_spin = QSpinBox(self.source_group)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.source_layout.addWidget(self.year_spin)

        self.half_combo = QComboBox(self.source_group)
        self.half_combo.setObjectName(u"half_combo")

        self.source_layout.addWidget(self.half_combo)

        self.draft_button = QPushButton(self.source_group)
        self.draft_button.setObjectName(u"draft_button")

        self.source_layout.addWidget(self.draft_button)

        self.source_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.source_layout.addItem(self.source_spacer)


        self.editor_layout.addWidget(self.source_group)

        self.number_layout = QHBoxLayout()
        self.number_layout.setObjectName(u"number_layout")
        self.number_label = QLabel(SummaryEditor)
        self.number_label.setObjectName(u"number_label")

        self.number_layout.addWidget(self.number_label)

        self.number_spin = QSpinBox(SummaryEditor)
        self.number_spin.setObjectName(u"number_spin")
        self.number_spin.setMinimum(1)
        self.number_spin.setMaximum(9999)

        self.number_layout.addWidget(self.number_spin)

        self.number_suffix_label = QLabel(SummaryEditor)
        self.number_suffix_label.setObjectName(u"number_suffix_label")

        self.number_layout.addWidget(self.number_suffix_label)

        self.issued_on_label = QLabel(SummaryEditor)
        self.issued_on_label.setObjectName(u"issued_on_label")

        self.number_layout.addWidget(self.issued_on_label)

        self.issued_on_edit = DateEdit(SummaryEditor)
        self.issued_on_edit.setObjectName(u"issued_on_edit")

        self.number_layout.addWidget(self.issued_on_edit)

        self.office_label = QLabel(SummaryEditor)
        self.office_label.setObjectName(u"office_label")

        self.number_layout.addWidget(self.office_label)

        self.office_edit = QLineEdit(SummaryEditor)
        self.office_edit.setObjectName(u"office_edit")

        self.number_layout.addWidget(self.office_edit)

        self.number_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.number_layout.addItem(self.number_spacer)


        self.editor_layout.addLayout(self.number_layout)

        self.title_layout = QFormLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(SummaryEditor)
        self.title_label.setObjectName(u"title_label")

        self.title_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(SummaryEditor)
        self.title_edit.setObjectName(u"title_edit")

        self.title_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)


        self.editor_layout.addLayout(self.title_layout)

        self.body_hint_label = QLabel(SummaryEditor)
        self.body_hint_label.setObjectName(u"body_hint_label")
        self.body_hint_label.setWordWrap(True)

        self.editor_layout.addWidget(self.body_hint_label)

        self.body_edit = QPlainTextEdit(SummaryEditor)
        self.body_edit.setObjectName(u"body_edit")

        self.editor_layout.addWidget(self.body_edit)

        self.state_label = QLabel(SummaryEditor)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)

        self.editor_layout.addWidget(self.state_label)

        self.error_label = QLabel(SummaryEditor)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(u"color: #b3261e;")

        self.editor_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.review_button = QPushButton(SummaryEditor)
        self.review_button.setObjectName(u"review_button")

        self.buttons_layout.addWidget(self.review_button)

        self.export_button = QPushButton(SummaryEditor)
        self.export_button.setObjectName(u"export_button")

        self.buttons_layout.addWidget(self.export_button)

        self.close_button = QPushButton(SummaryEditor)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.editor_layout.addLayout(self.buttons_layout)

        self.editor_layout.setStretch(4, 1)

        self.main_layout.addLayout(self.editor_layout)

        self.issued_group = QGroupBox(SummaryEditor)
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


        self.retranslateUi(SummaryEditor)

        self.export_button.setDefault(True)

    # setupUi

    def retranslateUi(self, SummaryEditor):
        SummaryEditor.setWindowTitle(QCoreApplication.translate("SummaryEditor", u"\u5de5\u4f5c\u603b\u7ed3", None))
        self.source_group.setTitle(QCoreApplication.translate("SummaryEditor", u"\u603b\u7ed3\u7684\u5e74\u5ea6", None))
        self.year_spin.setSuffix(QCoreApplication.translate("SummaryEditor", u"\u5e74", None))
        self.draft_button.setText(QCoreApplication.translate("SummaryEditor", u"\u6309\u6570\u636e\u91cd\u65b0\u8d77\u8349", None))
        self.number_label.setText(QCoreApplication.translate("SummaryEditor", u"\u7f16\u53f7 \u7b2c", None))
        self.number_suffix_label.setText(QCoreApplication.translate("SummaryEditor", u"\u53f7", None))
        self.issued_on_label.setText(QCoreApplication.translate("SummaryEditor", u"\u6210\u6587\u65e5\u671f", None))
        self.office_label.setText(QCoreApplication.translate("SummaryEditor", u"\u843d\u6b3e", None))
        self.title_label.setText(QCoreApplication.translate("SummaryEditor", u"\u6807\u9898", None))
        self.body_hint_label.setText(QCoreApplication.translate("SummaryEditor", u"\u6b63\u6587\uff08\u6bcf\u884c\u4e00\u6bb5\uff09\u3002\u5404\u9879\u6570\u5b57\u5747\u6309\u6570\u636e\u8d77\u8349\uff1b\u4e0b\u4e00\u6b65\u5de5\u4f5c\u6253\u7b97\u7531\u529e\u516c\u5ba4\u586b\u5199\uff0c\u586b\u5199\u540e\u624d\u80fd\u5370\u53d1\u3002", None))
        self.review_button.setText(QCoreApplication.translate("SummaryEditor", u"\u5bfc\u51fa\u9001\u5ba1\u7a3f\u2026", None))
#if QT_CONFIG(tooltip)
        self.review_button.setToolTip(QCoreApplication.translate("SummaryEditor", u"\u4f9b\u9886\u5bfc\u5ba1\u9605\u7684\u9001\u5ba1\u7a3f\uff1a\u6807\u9898\u4e0b\u6807\u201c\u9001\u5ba1\u7a3f\u201d\uff0c\u4e0d\u767b\u8bb0\u7f16\u53f7\uff0c\u53ef\u53cd\u590d\u5bfc\u51fa", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("SummaryEditor", u"\u5370\u53d1\u5e76\u5bfc\u51faWord\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("SummaryEditor", u"\u767b\u8bb0\u7f16\u53f7\u5e76\u6309\u539f\u6837\u4fdd\u5b58\uff08\u4e4b\u540e\u53ef\u6309\u539f\u6837\u91cd\u65b0\u5bfc\u51fa\uff09\uff0c\u5bfc\u51fa\u6b63\u5f0f\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("SummaryEditor", u"\u5173\u95ed", None))
        self.issued_group.setTitle(QCoreApplication.translate("SummaryEditor", u"\u5df2\u5370\u53d1", None))
        self.reexport_button.setText(QCoreApplication.translate("SummaryEditor", u"\u6309\u539f\u6837\u91cd\u65b0\u5bfc\u51fa\u2026", None))
    # retranslateUi

