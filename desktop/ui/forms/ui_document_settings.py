# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_settings.ui'
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
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_DocumentSettings(object):
    def setupUi(self, DocumentSettings):
        if not DocumentSettings.objectName():
            DocumentSettings.setObjectName(u"DocumentSettings")
        DocumentSettings.resize(560, 380)
        self.main_layout = QVBoxLayout(DocumentSettings)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.office_label = QLabel(DocumentSettings)
        self.office_label.setObjectName(u"office_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office_edit = QLineEdit(DocumentSettings)
        self.office_edit.setObjectName(u"office_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.office_edit)

        self.masthead_label = QLabel(DocumentSettings)
        self.masthead_label.setObjectName(u"masthead_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.masthead_label)

        self.masthead_edit = QLineEdit(DocumentSettings)
        self.masthead_edit.setObjectName(u"masthead_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.masthead_edit)

        self.notice_masthead_label = QLabel(DocumentSettings)
        self.notice_masthead_label.setObjectName(u"notice_masthead_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notice_masthead_label)

        self.notice_masthead_edit = QLineEdit(DocumentSettings)
        self.notice_masthead_edit.setObjectName(u"notice_masthead_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notice_masthead_edit)

        self.report_to_label = QLabel(DocumentSettings)
        self.report_to_label.setObjectName(u"report_to_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.report_to_label)

        self.report_to_edit = QLineEdit(DocumentSettings)
        self.report_to_edit.setObjectName(u"report_to_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.report_to_edit)

        self.send_to_label = QLabel(DocumentSettings)
        self.send_to_label.setObjectName(u"send_to_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.send_to_label)

        self.send_to_edit = QLineEdit(DocumentSettings)
        self.send_to_edit.setObjectName(u"send_to_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.send_to_edit)

        self.issue_to_label = QLabel(DocumentSettings)
        self.issue_to_label.setObjectName(u"issue_to_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.issue_to_label)

        self.issue_to_edit = QLineEdit(DocumentSettings)
        self.issue_to_edit.setObjectName(u"issue_to_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.issue_to_edit)

        self.copies_label = QLabel(DocumentSettings)
        self.copies_label.setObjectName(u"copies_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.copies_label)

        self.copies_spin = QSpinBox(DocumentSettings)
        self.copies_spin.setObjectName(u"copies_spin")
        self.copies_spin.setMinimum(0)
        self.copies_spin.setMaximum(9999)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.copies_spin)

        self.font_profile_label = QLabel(DocumentSettings)
        self.font_profile_label.setObjectName(u"font_profile_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.font_profile_label)

        self.font_profile_combo = QComboBox(DocumentSettings)
        self.font_profile_combo.setObjectName(u"font_profile_combo")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.font_profile_combo)


        self.main_layout.addLayout(self.form_layout)

        self.font_status_label = QLabel(DocumentSettings)
        self.font_status_label.setObjectName(u"font_status_label")
        self.font_status_label.setWordWrap(True)

        self.main_layout.addWidget(self.font_status_label)

        self.button_box = QDialogButtonBox(DocumentSettings)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(DocumentSettings)
    # setupUi

    def retranslateUi(self, DocumentSettings):
        DocumentSettings.setWindowTitle(QCoreApplication.translate("DocumentSettings", u"\u7b80\u62a5\u4e0e\u901a\u62a5\u8bbe\u7f6e", None))
        self.office_label.setText(QCoreApplication.translate("DocumentSettings", u"\u7f16\u5370\u5355\u4f4d", None))
        self.masthead_label.setText(QCoreApplication.translate("DocumentSettings", u"\u7b80\u62a5\u540d\u79f0", None))
        self.notice_masthead_label.setText(QCoreApplication.translate("DocumentSettings", u"\u901a\u62a5\u540d\u79f0", None))
        self.report_to_label.setText(QCoreApplication.translate("DocumentSettings", u"\u62a5", None))
        self.report_to_edit.setPlaceholderText(QCoreApplication.translate("DocumentSettings", u"\u591a\u4e2a\u5355\u4f4d\u7528\u9017\u53f7\u201c\uff0c\u201d\u5206\u9694", None))
        self.send_to_label.setText(QCoreApplication.translate("DocumentSettings", u"\u9001", None))
        self.send_to_edit.setPlaceholderText(QCoreApplication.translate("DocumentSettings", u"\u591a\u4e2a\u5355\u4f4d\u7528\u9017\u53f7\u201c\uff0c\u201d\u5206\u9694", None))
        self.issue_to_label.setText(QCoreApplication.translate("DocumentSettings", u"\u53d1", None))
        self.issue_to_edit.setPlaceholderText(QCoreApplication.translate("DocumentSettings", u"\u591a\u4e2a\u5355\u4f4d\u7528\u9017\u53f7\u201c\uff0c\u201d\u5206\u9694", None))
        self.copies_label.setText(QCoreApplication.translate("DocumentSettings", u"\u5171\u5370\u4efd\u6570", None))
        self.copies_spin.setSpecialValueText(QCoreApplication.translate("DocumentSettings", u"\u4e0d\u5370\u4efd\u6570", None))
        self.font_profile_label.setText(QCoreApplication.translate("DocumentSettings", u"\u5b57\u4f53\u65b9\u6848", None))
    # retranslateUi

