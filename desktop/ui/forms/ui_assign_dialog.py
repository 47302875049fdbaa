# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assign_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListView, QSizePolicy, QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_AssignDialog(object):
    def setupUi(self, AssignDialog):
        if not AssignDialog.objectName():
            AssignDialog.setObjectName(u"AssignDialog")
        AssignDialog.resize(560, 480)
        self.main_layout = QVBoxLayout(AssignDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.issue_label = QLabel(AssignDialog)
        self.issue_label.setObjectName(u"issue_label")
        self.issue_label.setWordWrap(True)

        self.main_layout.addWidget(self.issue_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.unit_label = QLabel(AssignDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(AssignDialog)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setEditable(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.person_label = QLabel(AssignDialog)
        self.person_label.setObjectName(u"person_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.person_label)

        self.person_combo = QComboBox(AssignDialog)
        self.person_combo.setObjectName(u"person_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.person_combo)

        self.supporting_label = QLabel(AssignDialog)
        self.supporting_label.setObjectName(u"supporting_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.supporting_label)

        self.supporting_list_view = QListView(AssignDialog)
        self.supporting_list_view.setObjectName(u"supporting_list_view")
        self.supporting_list_view.setMinimumSize(QSize(0, 140))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.supporting_list_view)

        self.deadline_label = QLabel(AssignDialog)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_edit = DateEdit(AssignDialog)
        self.deadline_edit.setObjectName(u"deadline_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.deadline_edit)

        self.deadline_text_label = QLabel(AssignDialog)
        self.deadline_text_label.setObjectName(u"deadline_text_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.deadline_text_label)

        self.deadline_text_edit = QLineEdit(AssignDialog)
        self.deadline_text_edit.setObjectName(u"deadline_text_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deadline_text_edit)

        self.on_label = QLabel(AssignDialog)
        self.on_label.setObjectName(u"on_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on_edit = DateEdit(AssignDialog)
        self.on_edit.setObjectName(u"on_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.on_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(AssignDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(AssignDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(AssignDialog)
    # setupUi

    def retranslateUi(self, AssignDialog):
        AssignDialog.setWindowTitle(QCoreApplication.translate("AssignDialog", u"\u4ea4\u529e", None))
        self.unit_label.setText(QCoreApplication.translate("AssignDialog", u"\u8d23\u4efb\u5355\u4f4d\uff1a", None))
        self.person_label.setText(QCoreApplication.translate("AssignDialog", u"\u8d23\u4efb\u4eba\uff1a", None))
        self.supporting_label.setText(QCoreApplication.translate("AssignDialog", u"\u914d\u5408\u5355\u4f4d\uff1a", None))
        self.deadline_label.setText(QCoreApplication.translate("AssignDialog", u"\u5b8c\u6210\u65f6\u9650\uff1a", None))
        self.deadline_text_label.setText(QCoreApplication.translate("AssignDialog", u"\u65f6\u9650\u8bf4\u660e\uff1a", None))
        self.deadline_text_edit.setPlaceholderText(QCoreApplication.translate("AssignDialog", u"\u53ef\u9009\uff0c\u5982\u201c6\u6708\u5e95\u524d\u201d\u201c\u957f\u671f\u63a8\u8fdb\u201d", None))
        self.on_label.setText(QCoreApplication.translate("AssignDialog", u"\u4ea4\u529e\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("AssignDialog", u"color: #b3261e;", None))
    # retranslateUi

