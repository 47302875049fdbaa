# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(640, 640)
        self.dialog_layout = QVBoxLayout(DecisionDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.text_label = QLabel(DecisionDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.addWidget(self.text_label, 0, 0, 1, 1)

        self.text_edit = QPlainTextEdit(DecisionDialog)
        self.text_edit.setObjectName(u"text_edit")

        self.form_layout.addWidget(self.text_edit, 0, 1, 1, 1)

        self.project_label = QLabel(DecisionDialog)
        self.project_label.setObjectName(u"project_label")

        self.form_layout.addWidget(self.project_label, 1, 0, 1, 1)

        self.project_combo = QComboBox(DecisionDialog)
        self.project_combo.setObjectName(u"project_combo")
        self.project_combo.setEditable(True)

        self.form_layout.addWidget(self.project_combo, 1, 1, 1, 1)

        self.issues_label = QLabel(DecisionDialog)
        self.issues_label.setObjectName(u"issues_label")

        self.form_layout.addWidget(self.issues_label, 2, 0, 1, 1)

        self.issue_list = QListWidget(DecisionDialog)
        self.issue_list.setObjectName(u"issue_list")

        self.form_layout.addWidget(self.issue_list, 2, 1, 1, 1)

        self.lead_unit_label = QLabel(DecisionDialog)
        self.lead_unit_label.setObjectName(u"lead_unit_label")

        self.form_layout.addWidget(self.lead_unit_label, 3, 0, 1, 1)

        self.lead_unit_combo = QComboBox(DecisionDialog)
        self.lead_unit_combo.setObjectName(u"lead_unit_combo")
        self.lead_unit_combo.setEditable(True)

        self.form_layout.addWidget(self.lead_unit_combo, 3, 1, 1, 1)

        self.supporting_label = QLabel(DecisionDialog)
        self.supporting_label.setObjectName(u"supporting_label")

        self.form_layout.addWidget(self.supporting_label, 4, 0, 1, 1)

        self.supporting_layout = QVBoxLayout()
        self.supporting_layout.setObjectName(u"supporting_layout")
        self.supporting_layout.setContentsMargins(0, 0, 0, 0)
        self.supporting_filter_edit = QLineEdit(DecisionDialog)
        self.supporting_filter_edit.setObjectName(u"supporting_filter_edit")
        self.supporting_filter_edit.setClearButtonEnabled(True)

        self.supporting_layout.addWidget(self.supporting_filter_edit)

        self.supporting_list = QListWidget(DecisionDialog)
        self.supporting_list.setObjectName(u"supporting_list")

        self.supporting_layout.addWidget(self.supporting_list)


        self.form_layout.addLayout(self.supporting_layout, 4, 1, 1, 1)

        self.person_label = QLabel(DecisionDialog)
        self.person_label.setObjectName(u"person_label")

        self.form_layout.addWidget(self.person_label, 5, 0, 1, 1)

        self.person_combo = QComboBox(DecisionDialog)
        self.person_combo.setObjectName(u"person_combo")
        self.person_combo.setEditable(True)

        self.form_layout.addWidget(self.person_combo, 5, 1, 1, 1)

        self.deadline_label = QLabel(DecisionDialog)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.addWidget(self.deadline_label, 6, 0, 1, 1)

        self.deadline_layout = QHBoxLayout()
        self.deadline_layout.setObjectName(u"deadline_layout")
        self.deadline_layout.setContentsMargins(0, 0, 0, 0)
        self.deadline_check = QCheckBox(DecisionDialog)
        self.deadline_check.setObjectName(u"deadline_check")
        self.deadline_check.setChecked(True)

        self.deadline_layout.addWidget(self.deadline_check)

        self.deadline_edit = DateEdit(DecisionDialog)
        self.deadline_edit.setObjectName(u"deadline_edit")

        self.deadline_layout.addWidget(self.deadline_edit)

        self.deadline_text_edit = QLineEdit(DecisionDialog)
        self.deadline_text_edit.setObjectName(u"deadline_text_edit")
        self.deadline_text_edit.setMaxLength(64)

        self.deadline_layout.addWidget(self.deadline_text_edit)


        self.form_layout.addLayout(self.deadline_layout, 6, 1, 1, 1)

        self.remark_label = QLabel(DecisionDialog)
        self.remark_label.setObjectName(u"remark_label")

        self.form_layout.addWidget(self.remark_label, 7, 0, 1, 1)

        self.remark_edit = QLineEdit(DecisionDialog)
        self.remark_edit.setObjectName(u"remark_edit")

        self.form_layout.addWidget(self.remark_edit, 7, 1, 1, 1)


        self.dialog_layout.addLayout(self.form_layout)

        self.error_label = QLabel(DecisionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(DecisionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.deadline_label.setBuddy(self.deadline_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"\u8bae\u5b9a\u4e8b\u9879", None))
        self.text_label.setText(QCoreApplication.translate("DecisionDialog", u"\u8bae\u5b9a\u4e8b\u9879", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u4f1a\u8bae\u8bae\u5b9a\u7684\u5177\u4f53\u4e8b\u9879\uff0c\u4f8b\u5982\uff1a\u7531\u533a\u4f4f\u5efa\u5c40\u7275\u5934\uff0c12\u6708\u5e95\u524d\u5b8c\u6210\u65bd\u5de5\u8bb8\u53ef\u529e\u7406", None))
        self.project_label.setText(QCoreApplication.translate("DecisionDialog", u"\u6240\u5c5e\u9879\u76ee", None))
        self.issues_label.setText(QCoreApplication.translate("DecisionDialog", u"\u89e3\u51b3\u7684\u95ee\u9898", None))
#if QT_CONFIG(tooltip)
        self.issue_list.setToolTip(QCoreApplication.translate("DecisionDialog", u"\u52fe\u9009\u8be5\u4e8b\u9879\u89e3\u51b3\u7684\u95ee\u9898\uff1b\u95ee\u9898\u7684\u529e\u7406\u8bb0\u5f55\u4e2d\u4f1a\u663e\u793a\u672c\u6b21\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.lead_unit_label.setText(QCoreApplication.translate("DecisionDialog", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.supporting_label.setText(QCoreApplication.translate("DecisionDialog", u"\u914d\u5408\u5355\u4f4d", None))
        self.supporting_filter_edit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u7b5b\u9009\u914d\u5408\u5355\u4f4d\uff08\u652f\u6301\u62fc\u97f3\u9996\u5b57\u6bcd\uff09", None))
        self.person_label.setText(QCoreApplication.translate("DecisionDialog", u"\u8d23\u4efb\u4eba", None))
        self.deadline_label.setText(QCoreApplication.translate("DecisionDialog", u"\u5b8c\u6210\u65f6\u9650", None))
        self.deadline_check.setText(QCoreApplication.translate("DecisionDialog", u"\u65e5\u671f", None))
        self.deadline_text_edit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u6216\u6587\u5b57\uff0c\u5982\uff1a12\u6708\u5e95\u524d\u3001\u957f\u671f\u575a\u6301", None))
        self.remark_label.setText(QCoreApplication.translate("DecisionDialog", u"\u5907\u6ce8", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("DecisionDialog", u"color: #c0392b;", None))
    # retranslateUi

