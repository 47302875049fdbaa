# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_IssueDialog(object):
    def setupUi(self, IssueDialog):
        if not IssueDialog.objectName():
            IssueDialog.setObjectName(u"IssueDialog")
        IssueDialog.resize(580, 420)
        self.main_layout = QVBoxLayout(IssueDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.project_label = QLabel(IssueDialog)
        self.project_label.setObjectName(u"project_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.project_label)

        self.project_combo = QComboBox(IssueDialog)
        self.project_combo.setObjectName(u"project_combo")
        self.project_combo.setEditable(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.project_combo)

        self.category_label = QLabel(IssueDialog)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(IssueDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.description_label = QLabel(IssueDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(IssueDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.source_label = QLabel(IssueDialog)
        self.source_label.setObjectName(u"source_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_combo = QComboBox(IssueDialog)
        self.source_combo.setObjectName(u"source_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.source_combo)

        self.found_by_label = QLabel(IssueDialog)
        self.found_by_label.setObjectName(u"found_by_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.found_by_label)

        self.found_by_edit = QLineEdit(IssueDialog)
        self.found_by_edit.setObjectName(u"found_by_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.found_by_edit)

        self.found_on_label = QLabel(IssueDialog)
        self.found_on_label.setObjectName(u"found_on_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.found_on_label)

        self.found_on_edit = DateEdit(IssueDialog)
        self.found_on_edit.setObjectName(u"found_on_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.found_on_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(IssueDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IssueDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(IssueDialog)
    # setupUi

    def retranslateUi(self, IssueDialog):
        IssueDialog.setWindowTitle(QCoreApplication.translate("IssueDialog", u"\u65b0\u589e\u95ee\u9898", None))
        self.project_label.setText(QCoreApplication.translate("IssueDialog", u"\u6240\u5c5e\u9879\u76ee\uff1a", None))
        self.category_label.setText(QCoreApplication.translate("IssueDialog", u"\u95ee\u9898\u7c7b\u522b\uff1a", None))
        self.description_label.setText(QCoreApplication.translate("IssueDialog", u"\u95ee\u9898\u63cf\u8ff0\uff1a", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("IssueDialog", u"\u4f01\u4e1a\u6216\u9879\u76ee\u53cd\u6620\u7684\u5177\u4f53\u95ee\u9898\u3001\u8bc9\u6c42", None))
        self.source_label.setText(QCoreApplication.translate("IssueDialog", u"\u95ee\u9898\u6765\u6e90\uff1a", None))
        self.found_by_label.setText(QCoreApplication.translate("IssueDialog", u"\u53d1\u73b0\u4eba\uff1a", None))
        self.found_on_label.setText(QCoreApplication.translate("IssueDialog", u"\u53d1\u73b0\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("IssueDialog", u"color: #b3261e;", None))
    # retranslateUi

