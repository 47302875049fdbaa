# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_export_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ExchangeExportDialog(object):
    def setupUi(self, ExchangeExportDialog):
        if not ExchangeExportDialog.objectName():
            ExchangeExportDialog.setObjectName(u"ExchangeExportDialog")
        ExchangeExportDialog.resize(620, 360)
        self.main_layout = QVBoxLayout(ExchangeExportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.office_label = QLabel(ExchangeExportDialog)
        self.office_label.setObjectName(u"office_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office_name_edit = QLineEdit(ExchangeExportDialog)
        self.office_name_edit.setObjectName(u"office_name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.office_name_edit)

        self.recipient_label = QLabel(ExchangeExportDialog)
        self.recipient_label.setObjectName(u"recipient_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.recipient_label)

        self.recipient_combo = QComboBox(ExchangeExportDialog)
        self.recipient_combo.setObjectName(u"recipient_combo")
        self.recipient_combo.setEditable(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.recipient_combo)

        self.scope_label = QLabel(ExchangeExportDialog)
        self.scope_label.setObjectName(u"scope_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scope_label)

        self.scope_combo = QComboBox(ExchangeExportDialog)
        self.scope_combo.setObjectName(u"scope_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scope_combo)

        self.target_label = QLabel(ExchangeExportDialog)
        self.target_label.setObjectName(u"target_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_combo = QComboBox(ExchangeExportDialog)
        self.target_combo.setObjectName(u"target_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.target_combo)

        self.file_label = QLabel(ExchangeExportDialog)
        self.file_label.setObjectName(u"file_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_layout = QHBoxLayout()
        self.file_layout.setObjectName(u"file_layout")
        self.file_edit = QLineEdit(ExchangeExportDialog)
        self.file_edit.setObjectName(u"file_edit")

        self.file_layout.addWidget(self.file_edit)

        self.browse_button = QPushButton(ExchangeExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.file_layout.addWidget(self.browse_button)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.file_layout)

        self.key_label = QLabel(ExchangeExportDialog)
        self.key_label.setObjectName(u"key_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.signature_label = QLabel(ExchangeExportDialog)
        self.signature_label.setObjectName(u"signature_label")
        self.signature_label.setWordWrap(True)
        self.signature_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signature_label)

        self.plain_check = QCheckBox(ExchangeExportDialog)
        self.plain_check.setObjectName(u"plain_check")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.plain_check)


        self.main_layout.addLayout(self.form_layout)

        self.info_label = QLabel(ExchangeExportDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.main_layout.addWidget(self.info_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(ExchangeExportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ExchangeExportDialog)
    # setupUi

    def retranslateUi(self, ExchangeExportDialog):
        ExchangeExportDialog.setWindowTitle(QCoreApplication.translate("ExchangeExportDialog", u"\u5bfc\u51fa\u6570\u636e\u5305", None))
        self.office_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u672c\u5355\u4f4d\u540d\u79f0\uff1a", None))
        self.office_name_edit.setPlaceholderText(QCoreApplication.translate("ExchangeExportDialog", u"\u5982 \u73b0\u4ee3\u670d\u52a1\u4e1a\u4e13\u73ed\uff08\u5bf9\u65b9\u636e\u6b64\u8bc6\u522b\u6765\u6e90\uff09", None))
        self.recipient_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u63a5\u6536\u5355\u4f4d\uff1a", None))
        self.scope_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u5bfc\u51fa\u8303\u56f4\uff1a", None))
        self.target_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u5177\u4f53\u5bf9\u8c61\uff1a", None))
        self.file_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browse_button.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u6d4f\u89c8\u2026", None))
        self.key_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u7b7e\u540d\uff1a", None))
        self.plain_check.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u4e0d\u52a0\u5bc6\uff08\u672c\u5355\u4f4d\u5df2\u5f00\u542f\u52a0\u5bc6\u3001\u4f46\u63a5\u6536\u5355\u4f4d\u5c1a\u672a\u767b\u8bb0\u52a0\u5bc6\u516c\u94a5\u65f6\u624d\u7528\uff09", None))
        self.info_label.setText(QCoreApplication.translate("ExchangeExportDialog", u"\u6570\u636e\u5305\uff08.kpx\uff09\u5305\u542b\u6240\u9009\u8bb0\u5f55\u53ca\u5176\u6240\u5c5e\u9879\u76ee\u3001\u5355\u4f4d\u3001\u4eba\u5458\u3001\u7c7b\u522b\u7b49\uff0c\u9644\u4ef6\u4e00\u5e76\u5e26\u4e0a\uff1b\u6587\u4ef6\u5e26\u6821\u9a8c\u548c\u5e76\u7528\u672c\u5355\u4f4d\u5bc6\u94a5\u7b7e\u540d\uff0c\u63a5\u6536\u65b9\u987b\u5148\u767b\u8bb0\u672c\u5355\u4f4d\u516c\u94a5\uff08\u6587\u4ef6 \u2192 \u672c\u5355\u4f4d\u516c\u94a5\u2026 \u5bfc\u51fa\uff09\uff0c\u5bfc\u5165\u524d\u6838\u9a8c\u7b7e\u540d\u5e76\u663e\u793a\u5408\u5e76\u9884\u89c8\u3002", None))
    # retranslateUi

