# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock_settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_LockSettingsDialog(object):
    def setupUi(self, LockSettingsDialog):
        if not LockSettingsDialog.objectName():
            LockSettingsDialog.setObjectName(u"LockSettingsDialog")
        LockSettingsDialog.resize(440, 300)
        self.main_layout = QVBoxLayout(LockSettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(LockSettingsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.current_label = QLabel(LockSettingsDialog)
        self.current_label.setObjectName(u"current_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_label)

        self.current_edit = QLineEdit(LockSettingsDialog)
        self.current_edit.setObjectName(u"current_edit")
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current_edit)

        self.password_label = QLabel(LockSettingsDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(LockSettingsDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.confirm_label = QLabel(LockSettingsDialog)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(LockSettingsDialog)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm_edit)

        self.idle_label = QLabel(LockSettingsDialog)
        self.idle_label.setObjectName(u"idle_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.idle_label)

        self.idle_spin = QSpinBox(LockSettingsDialog)
        self.idle_spin.setObjectName(u"idle_spin")
        self.idle_spin.setMinimum(0)
        self.idle_spin.setMaximum(240)
        self.idle_spin.setValue(10)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.idle_spin)


        self.main_layout.addLayout(self.form_layout)

        self.remove_check = QCheckBox(LockSettingsDialog)
        self.remove_check.setObjectName(u"remove_check")

        self.main_layout.addWidget(self.remove_check)

        self.error_label = QLabel(LockSettingsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(LockSettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(LockSettingsDialog)
    # setupUi

    def retranslateUi(self, LockSettingsDialog):
        LockSettingsDialog.setWindowTitle(QCoreApplication.translate("LockSettingsDialog", u"\u5bc6\u7801\u9501", None))
        self.intro_label.setText(QCoreApplication.translate("LockSettingsDialog", u"\u5728\u591a\u4eba\u5171\u7528\u7684\u7535\u8111\u4e0a\uff0c\u53ef\u4ee5\u8bbe\u7f6e\u542f\u52a8\u5bc6\u7801\uff0c\u5e76\u5728\u4e00\u6bb5\u65f6\u95f4\u65e0\u64cd\u4f5c\u540e\u81ea\u52a8\u9501\u5b9a\u7a97\u53e3\uff1bkeyproj \u547d\u4ee4\uff08\u7edf\u8ba1\u3001\u5bfc\u51fa\u3001\u5907\u4efd\u3001\u6062\u590d\u3001\u5bfc\u5165\u3001\u6570\u636e\u4ea4\u6362\u7b49\uff09\u4e5f\u8981\u5148\u8f93\u5165\u5bc6\u7801\u3002\u8fde\u7eed\u8f93\u95195\u6b21\u540e\uff0c\u6bcf\u6b21\u91cd\u8bd5\u90fd\u8981\u591a\u7b49\u4e00\u4f1a\u513f\u3002\n"
"\n"
"\u5bc6\u7801\u9501\u53ea\u9501\u4f4f\u672c\u7a0b\u5e8f\u7684\u7a97\u53e3\u548c\u547d\u4ee4\uff0c\u4e0d\u52a0\u5bc6\u6570\u636e\u6587\u4ef6\uff1a\u80fd\u76f4\u63a5\u590d\u5236\u6570\u636e\u6587\u4ef6\u5939\u6216\u7528\u5176\u4ed6\u6570\u636e\u5e93\u5de5\u5177\u6253\u5f00\u6587\u4ef6\u7684\u4eba\uff0c\u4ecd\u80fd\u8bfb\u5230\u5168\u90e8\u6570\u636e\uff1b\u9700\u8981\u4fdd\u5bc6\u65f6\u8bf7\u4f7f\u7528\u64cd\u4f5c\u7cfb\u7edf\u7684\u78c1\u76d8\u52a0\u5bc6\u3002\u5bc6\u7801\u53ea\u4ee5"
                        "\u52a0\u76d0\u7684\u6162\u901f\u54c8\u5e0c\u4fdd\u5b58\uff0c\u4e0d\u4fdd\u5b58\u660e\u6587\uff1b\u5fd8\u8bb0\u5bc6\u7801\u53ea\u80fd\u7531\u7ba1\u7406\u5458\u4ece\u5907\u4efd\u6062\u590d\u3002", None))
        self.current_label.setText(QCoreApplication.translate("LockSettingsDialog", u"\u5f53\u524d\u5bc6\u7801\uff1a", None))
        self.password_label.setText(QCoreApplication.translate("LockSettingsDialog", u"\u65b0\u5bc6\u7801\uff1a", None))
        self.confirm_label.setText(QCoreApplication.translate("LockSettingsDialog", u"\u786e\u8ba4\u65b0\u5bc6\u7801\uff1a", None))
        self.idle_label.setText(QCoreApplication.translate("LockSettingsDialog", u"\u65e0\u64cd\u4f5c\u81ea\u52a8\u9501\u5b9a\uff1a", None))
        self.idle_spin.setSuffix(QCoreApplication.translate("LockSettingsDialog", u" \u5206\u949f", None))
        self.idle_spin.setSpecialValueText(QCoreApplication.translate("LockSettingsDialog", u"\u4e0d\u81ea\u52a8\u9501\u5b9a", None))
        self.remove_check.setText(QCoreApplication.translate("LockSettingsDialog", u"\u53d6\u6d88\u5bc6\u7801\u9501\uff08\u9700\u8981\u8f93\u5165\u5f53\u524d\u5bc6\u7801\uff09", None))
        self.error_label.setText("")
    # retranslateUi

