# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'enterprise_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_EnterpriseDialog(object):
    def setupUi(self, EnterpriseDialog):
        if not EnterpriseDialog.objectName():
            EnterpriseDialog.setObjectName(u"EnterpriseDialog")
        EnterpriseDialog.resize(520, 480)
        self.dialog_layout = QVBoxLayout(EnterpriseDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.name_label = QLabel(EnterpriseDialog)
        self.name_label.setObjectName(u"name_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(EnterpriseDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.credit_code_label = QLabel(EnterpriseDialog)
        self.credit_code_label.setObjectName(u"credit_code_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.credit_code_label)

        self.credit_code_edit = QLineEdit(EnterpriseDialog)
        self.credit_code_edit.setObjectName(u"credit_code_edit")
        self.credit_code_edit.setMaxLength(18)

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.credit_code_edit)

        self.industry_label = QLabel(EnterpriseDialog)
        self.industry_label.setObjectName(u"industry_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.industry_label)

        self.industry_combo = QComboBox(EnterpriseDialog)
        self.industry_combo.setObjectName(u"industry_combo")
        self.industry_combo.setEditable(True)

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.industry_combo)

        self.address_label = QLabel(EnterpriseDialog)
        self.address_label.setObjectName(u"address_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(EnterpriseDialog)
        self.address_edit.setObjectName(u"address_edit")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.location_label = QLabel(EnterpriseDialog)
        self.location_label.setObjectName(u"location_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location_edit = QLineEdit(EnterpriseDialog)
        self.location_edit.setObjectName(u"location_edit")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.location_edit)

        self.contact_label = QLabel(EnterpriseDialog)
        self.contact_label.setObjectName(u"contact_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contact_label)

        self.contact_edit = QLineEdit(EnterpriseDialog)
        self.contact_edit.setObjectName(u"contact_edit")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contact_edit)

        self.phone_label = QLabel(EnterpriseDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(EnterpriseDialog)
        self.phone_edit.setObjectName(u"phone_edit")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.size_label = QLabel(EnterpriseDialog)
        self.size_label.setObjectName(u"size_label")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.size_label)

        self.size_flags_edit = QLineEdit(EnterpriseDialog)
        self.size_flags_edit.setObjectName(u"size_flags_edit")

        self.fields_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.size_flags_edit)

        self.leader_label = QLabel(EnterpriseDialog)
        self.leader_label.setObjectName(u"leader_label")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.leader_label)

        self.leader_combo = QComboBox(EnterpriseDialog)
        self.leader_combo.setObjectName(u"leader_combo")

        self.fields_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.leader_combo)

        self.team_label = QLabel(EnterpriseDialog)
        self.team_label.setObjectName(u"team_label")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.team_label)

        self.team_edit = QLineEdit(EnterpriseDialog)
        self.team_edit.setObjectName(u"team_edit")

        self.fields_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.team_edit)

        self.cadre_label = QLabel(EnterpriseDialog)
        self.cadre_label.setObjectName(u"cadre_label")

        self.fields_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.cadre_label)

        self.cadre_combo = QComboBox(EnterpriseDialog)
        self.cadre_combo.setObjectName(u"cadre_combo")

        self.fields_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.cadre_combo)


        self.dialog_layout.addLayout(self.fields_layout)

        self.error_label = QLabel(EnterpriseDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(EnterpriseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(EnterpriseDialog)
    # setupUi

    def retranslateUi(self, EnterpriseDialog):
        EnterpriseDialog.setWindowTitle(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u540d\u79f0", None))
        self.credit_code_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.credit_code_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"18\u4f4d\uff0c\u6700\u540e\u4e00\u4f4d\u4e3a\u6821\u9a8c\u7801", None))
        self.industry_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6240\u5c5e\u884c\u4e1a", None))
        self.address_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5730\u5740", None))
        self.location_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6240\u5728\u8857\u4e61", None))
        self.contact_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u8054\u7cfb\u4eba", None))
        self.phone_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.size_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u6807\u8bc6", None))
        self.size_flags_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u5982\uff1a\u56db\u4e0a\u4f01\u4e1a\u3001\u89c4\u4e0a\u5de5\u4e1a\uff08\u591a\u4e2a\u7528\u987f\u53f7\u5206\u9694\uff09", None))
        self.leader_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5305\u8054\u9886\u5bfc", None))
        self.team_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5de5\u4f5c\u7ec4", None))
        self.team_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u5982\uff1a\u7b2c\u4e09\u5de5\u4f5c\u7ec4", None))
        self.cadre_label.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5305\u8054\u5e72\u90e8", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #b3261e;", None))
        self.error_label.setText("")
    # retranslateUi

