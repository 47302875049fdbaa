# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_picker_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from desktop.ui.widgets.fitting import ElidedLabel

class Ui_IssuePickerDialog(object):
    def setupUi(self, IssuePickerDialog):
        if not IssuePickerDialog.objectName():
            IssuePickerDialog.setObjectName(u"IssuePickerDialog")
        IssuePickerDialog.resize(980, 600)
        self.dialog_layout = QVBoxLayout(IssuePickerDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.project_combo = QComboBox(IssuePickerDialog)
        self.project_combo.setObjectName(u"project_combo")
        self.project_combo.setEditable(True)
        self.project_combo.setMinimumSize(QSize(220, 0))

        self.filter_layout.addWidget(self.project_combo)

        self.leader_combo = QComboBox(IssuePickerDialog)
        self.leader_combo.setObjectName(u"leader_combo")

        self.filter_layout.addWidget(self.leader_combo)

        self.overdue_check = QCheckBox(IssuePickerDialog)
        self.overdue_check.setObjectName(u"overdue_check")

        self.filter_layout.addWidget(self.overdue_check)

        self.search_edit = QLineEdit(IssuePickerDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)


        self.dialog_layout.addLayout(self.filter_layout)

        self.issue_view = QTableView(IssuePickerDialog)
        self.issue_view.setObjectName(u"issue_view")
        self.issue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.dialog_layout.addWidget(self.issue_view)

        self.count_layout = QHBoxLayout()
        self.count_layout.setObjectName(u"count_layout")
        self.check_all_button = QPushButton(IssuePickerDialog)
        self.check_all_button.setObjectName(u"check_all_button")

        self.count_layout.addWidget(self.check_all_button)

        self.check_none_button = QPushButton(IssuePickerDialog)
        self.check_none_button.setObjectName(u"check_none_button")

        self.count_layout.addWidget(self.check_none_button)

        self.spacer_8 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.count_layout.addItem(self.spacer_8)

        self.count_label = ElidedLabel(IssuePickerDialog)
        self.count_label.setObjectName(u"count_label")

        self.count_layout.addWidget(self.count_label)


        self.dialog_layout.addLayout(self.count_layout)

        self.button_box = QDialogButtonBox(IssuePickerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(IssuePickerDialog)
    # setupUi

    def retranslateUi(self, IssuePickerDialog):
        IssuePickerDialog.setWindowTitle(QCoreApplication.translate("IssuePickerDialog", u"\u4ece\u95ee\u9898\u53f0\u8d26\u9009\u62e9\u8bae\u9898", None))
        self.overdue_check.setText(QCoreApplication.translate("IssuePickerDialog", u"\u4ec5\u8d85\u671f", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("IssuePickerDialog", u"\u641c\u7d22\u95ee\u9898\u3001\u9879\u76ee\u3001\u8d23\u4efb\u5355\u4f4d\uff08\u652f\u6301\u62fc\u97f3\u9996\u5b57\u6bcd\uff09", None))
        self.check_all_button.setText(QCoreApplication.translate("IssuePickerDialog", u"\u5168\u9009", None))
        self.check_none_button.setText(QCoreApplication.translate("IssuePickerDialog", u"\u5168\u4e0d\u9009", None))
        self.count_label.setText("")
    # retranslateUi

