# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'encryption_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_EncryptionDialog(object):
    def setupUi(self, EncryptionDialog):
        if not EncryptionDialog.objectName():
            EncryptionDialog.setObjectName(u"EncryptionDialog")
        EncryptionDialog.resize(500, 420)
        self.main_layout = QVBoxLayout(EncryptionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(EncryptionDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.status_label = QLabel(EncryptionDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.warning_label = QLabel(EncryptionDialog)
        self.warning_label.setObjectName(u"warning_label")
        self.warning_label.setWordWrap(True)

        self.main_layout.addWidget(self.warning_label)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.on_radio = QRadioButton(EncryptionDialog)
        self.on_radio.setObjectName(u"on_radio")

        self.action_layout.addWidget(self.on_radio)

        self.change_radio = QRadioButton(EncryptionDialog)
        self.change_radio.setObjectName(u"change_radio")

        self.action_layout.addWidget(self.change_radio)

        self.off_radio = QRadioButton(EncryptionDialog)
        self.off_radio.setObjectName(u"off_radio")

        self.action_layout.addWidget(self.off_radio)


        self.main_layout.addLayout(self.action_layout)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.current_label = QLabel(EncryptionDialog)
        self.current_label.setObjectName(u"current_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_label)

        self.current_edit = QLineEdit(EncryptionDialog)
        self.current_edit.setObjectName(u"current_edit")
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current_edit)

        self.passphrase_label = QLabel(EncryptionDialog)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(EncryptionDialog)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.confirm_label = QLabel(EncryptionDialog)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(EncryptionDialog)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(EncryptionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(EncryptionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.current_label.setBuddy(self.current_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EncryptionDialog)
    # setupUi

    def retranslateUi(self, EncryptionDialog):
        EncryptionDialog.setWindowTitle(QCoreApplication.translate("EncryptionDialog", u"\u52a0\u5bc6\u5907\u4efd\u548c\u6570\u636e\u5305", None))
        self.intro_label.setText(QCoreApplication.translate("EncryptionDialog", u"\u5f00\u542f\u540e\uff0c\u5907\u4efd\u6587\u4ef6\uff08\u5305\u62ec\u81ea\u52a8\u5907\u4efd\u548c\u590d\u5236\u5230\u7b2c\u4e8c\u5907\u4efd\u4f4d\u7f6e\u7684\u5907\u4efd\uff09\u4ee5\u53ca\u53d1\u7ed9\u5df2\u767b\u8bb0\u5355\u4f4d\u7684\u6570\u636e\u5305\u90fd\u7528\u672c\u5355\u4f4d\u7684\u52a0\u5bc6\u5bc6\u94a5\u52a0\u5bc6\uff1a\u6ca1\u6709\u52a0\u5bc6\u53e3\u4ee4\u6216\u6062\u590d\u7801\uff0c\u4efb\u4f55\u4eba\u90fd\u8bfb\u4e0d\u51fa\u5176\u4e2d\u7684\u6570\u636e\u3002\u81ea\u52a8\u5907\u4efd\u4e0d\u9700\u8981\u8f93\u5165\u53e3\u4ee4\uff1b\u6062\u590d\u5907\u4efd\u3001\u5bfc\u5165\u53d1\u7ed9\u672c\u5355\u4f4d\u7684\u52a0\u5bc6\u6570\u636e\u5305\u65f6\u624d\u8981\u8f93\u5165\u3002\u6570\u636e\u6587\u4ef6\u5939\u4e2d\u7684\u6570\u636e\u5e93\u672c\u8eab\u4e0d\u52a0\u5bc6\u3002", None))
        self.status_label.setText("")
        self.warning_label.setText("")
        self.on_radio.setText(QCoreApplication.translate("EncryptionDialog", u"\u5f00\u542f\u52a0\u5bc6(&N)", None))
        self.change_radio.setText(QCoreApplication.translate("EncryptionDialog", u"\u66f4\u6362\u53e3\u4ee4(&C)", None))
        self.off_radio.setText(QCoreApplication.translate("EncryptionDialog", u"\u5173\u95ed\u52a0\u5bc6(&F)", None))
        self.current_label.setText(QCoreApplication.translate("EncryptionDialog", u"\u5f53\u524d\u53e3\u4ee4\u6216\u6062\u590d\u7801\uff1a", None))
        self.passphrase_label.setText(QCoreApplication.translate("EncryptionDialog", u"\u65b0\u7684\u52a0\u5bc6\u53e3\u4ee4\uff1a", None))
        self.passphrase_edit.setPlaceholderText(QCoreApplication.translate("EncryptionDialog", u"\u81f3\u5c118\u4e2a\u5b57\u7b26", None))
        self.confirm_label.setText(QCoreApplication.translate("EncryptionDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\uff1a", None))
        self.error_label.setText("")
    # retranslateUi

