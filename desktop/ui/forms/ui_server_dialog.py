# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'server_dialog.ui'
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

class Ui_ServerDialog(object):
    def setupUi(self, ServerDialog):
        if not ServerDialog.objectName():
            ServerDialog.setObjectName(u"ServerDialog")
        ServerDialog.resize(480, 300)
        self.main_layout = QVBoxLayout(ServerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ServerDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.use_server_check = QCheckBox(ServerDialog)
        self.use_server_check.setObjectName(u"use_server_check")

        self.main_layout.addWidget(self.use_server_check)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.host_label = QLabel(ServerDialog)
        self.host_label.setObjectName(u"host_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host_edit = QLineEdit(ServerDialog)
        self.host_edit.setObjectName(u"host_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.host_edit)

        self.port_label = QLabel(ServerDialog)
        self.port_label.setObjectName(u"port_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port_spin = QSpinBox(ServerDialog)
        self.port_spin.setObjectName(u"port_spin")
        self.port_spin.setMinimum(1)
        self.port_spin.setMaximum(65535)
        self.port_spin.setValue(5432)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port_spin)

        self.database_label = QLabel(ServerDialog)
        self.database_label.setObjectName(u"database_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.database_label)

        self.database_edit = QLineEdit(ServerDialog)
        self.database_edit.setObjectName(u"database_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.database_edit)

        self.user_label = QLabel(ServerDialog)
        self.user_label.setObjectName(u"user_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user_edit = QLineEdit(ServerDialog)
        self.user_edit.setObjectName(u"user_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.user_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(ServerDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ServerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ServerDialog)
    # setupUi

    def retranslateUi(self, ServerDialog):
        ServerDialog.setWindowTitle(QCoreApplication.translate("ServerDialog", u"\u6570\u636e\u5e93\u670d\u52a1\u5668", None))
        self.intro_label.setText(QCoreApplication.translate("ServerDialog", u"\u591a\u4eba\u540c\u65f6\u4f7f\u7528\u65f6\uff0c\u8bf7\u628a\u6570\u636e\u653e\u5728\u5355\u4f4d\u5185\u7f51\u7684 PostgreSQL \u670d\u52a1\u5668\u4e0a\uff08SQLite \u6570\u636e\u6587\u4ef6\u4e0d\u80fd\u653e\u5728\u7f51\u7edc\u5171\u4eab\u6587\u4ef6\u5939\u4e2d\u591a\u4eba\u5171\u7528\uff09\u3002\u5bc6\u7801\u4e0d\u4fdd\u5b58\uff0c\u6bcf\u6b21\u542f\u52a8\u65f6\u8be2\u95ee\u3002\u66f4\u6539\u5728\u4e0b\u6b21\u542f\u52a8\u65f6\u751f\u6548\u3002", None))
        self.use_server_check.setText(QCoreApplication.translate("ServerDialog", u"\u4f7f\u7528 PostgreSQL \u670d\u52a1\u5668\uff08\u4e0d\u9009\u5219\u4f7f\u7528\u672c\u673a\u6570\u636e\u6587\u4ef6\u5939\uff09", None))
        self.host_label.setText(QCoreApplication.translate("ServerDialog", u"\u670d\u52a1\u5668\u5730\u5740\uff1a", None))
        self.host_edit.setPlaceholderText(QCoreApplication.translate("ServerDialog", u"\u4f8b\u5982 192.168.1.20", None))
        self.port_label.setText(QCoreApplication.translate("ServerDialog", u"\u7aef\u53e3\uff1a", None))
        self.database_label.setText(QCoreApplication.translate("ServerDialog", u"\u6570\u636e\u5e93\u540d\uff1a", None))
        self.database_edit.setPlaceholderText(QCoreApplication.translate("ServerDialog", u"\u4f8b\u5982 keyproj", None))
        self.user_label.setText(QCoreApplication.translate("ServerDialog", u"\u7528\u6237\u540d\uff1a", None))
        self.error_label.setText("")
    # retranslateUi

