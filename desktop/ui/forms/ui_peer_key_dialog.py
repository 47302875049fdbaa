# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'peer_key_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PeerKeyDialog(object):
    def setupUi(self, PeerKeyDialog):
        if not PeerKeyDialog.objectName():
            PeerKeyDialog.setObjectName(u"PeerKeyDialog")
        PeerKeyDialog.resize(520, 260)
        self.main_layout = QVBoxLayout(PeerKeyDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.file_name_caption = QLabel(PeerKeyDialog)
        self.file_name_caption.setObjectName(u"file_name_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_name_caption)

        self.file_name_label = QLabel(PeerKeyDialog)
        self.file_name_label.setObjectName(u"file_name_label")
        self.file_name_label.setWordWrap(True)
        self.file_name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.file_name_label)

        self.fingerprint_caption = QLabel(PeerKeyDialog)
        self.fingerprint_caption.setObjectName(u"fingerprint_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fingerprint_caption)

        self.fingerprint_label = QLabel(PeerKeyDialog)
        self.fingerprint_label.setObjectName(u"fingerprint_label")
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fingerprint_label)

        self.name_caption = QLabel(PeerKeyDialog)
        self.name_caption.setObjectName(u"name_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_caption)

        self.name_edit = QLineEdit(PeerKeyDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(128)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_edit)


        self.main_layout.addLayout(self.form_layout)

        self.confirm_check = QCheckBox(PeerKeyDialog)
        self.confirm_check.setObjectName(u"confirm_check")

        self.main_layout.addWidget(self.confirm_check)

        self.info_label = QLabel(PeerKeyDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.main_layout.addWidget(self.info_label)

        self.button_box = QDialogButtonBox(PeerKeyDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(PeerKeyDialog)
    # setupUi

    def retranslateUi(self, PeerKeyDialog):
        PeerKeyDialog.setWindowTitle(QCoreApplication.translate("PeerKeyDialog", u"\u767b\u8bb0\u5bf9\u65b9\u516c\u94a5", None))
        self.file_name_caption.setText(QCoreApplication.translate("PeerKeyDialog", u"\u6587\u4ef6\u4e2d\u7684\u5355\u4f4d\uff1a", None))
        self.fingerprint_caption.setText(QCoreApplication.translate("PeerKeyDialog", u"\u516c\u94a5\u6307\u7eb9\uff1a", None))
        self.name_caption.setText(QCoreApplication.translate("PeerKeyDialog", u"\u767b\u8bb0\u540d\u79f0\uff1a", None))
        self.confirm_check.setText(QCoreApplication.translate("PeerKeyDialog", u"\u5df2\u7535\u8bdd\u5411\u5bf9\u65b9\u5355\u4f4d\u6838\u5bf9\uff0c\u6307\u7eb9\u5b8c\u5168\u4e00\u81f4", None))
        self.info_label.setText(QCoreApplication.translate("PeerKeyDialog", u"\u767b\u8bb0\u540e\uff0c\u8be5\u5355\u4f4d\u7528\u6b64\u5bc6\u94a5\u7b7e\u540d\u7684\u6570\u636e\u5305\u53ef\u76f4\u63a5\u5bfc\u5165\uff1b\u5192\u7528\u8be5\u5355\u4f4d\u540d\u79f0\u6216\u7f16\u53f7\u7684\u6570\u636e\u5305\u4e00\u5f8b\u62d2\u7edd\u3002\u767b\u8bb0\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\u3002", None))
    # retranslateUi

