# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_preview_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RestorePreviewDialog(object):
    def setupUi(self, RestorePreviewDialog):
        if not RestorePreviewDialog.objectName():
            RestorePreviewDialog.setObjectName(u"RestorePreviewDialog")
        RestorePreviewDialog.resize(520, 360)
        self.main_layout = QVBoxLayout(RestorePreviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(RestorePreviewDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.contents_edit = QPlainTextEdit(RestorePreviewDialog)
        self.contents_edit.setObjectName(u"contents_edit")
        self.contents_edit.setReadOnly(True)

        self.main_layout.addWidget(self.contents_edit)

        self.warning_label = QLabel(RestorePreviewDialog)
        self.warning_label.setObjectName(u"warning_label")
        self.warning_label.setWordWrap(True)

        self.main_layout.addWidget(self.warning_label)

        self.passphrase_layout = QFormLayout()
        self.passphrase_layout.setObjectName(u"passphrase_layout")
        self.passphrase_label = QLabel(RestorePreviewDialog)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(RestorePreviewDialog)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)


        self.main_layout.addLayout(self.passphrase_layout)

        self.error_label = QLabel(RestorePreviewDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(RestorePreviewDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.passphrase_label.setBuddy(self.passphrase_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RestorePreviewDialog)
    # setupUi

    def retranslateUi(self, RestorePreviewDialog):
        RestorePreviewDialog.setWindowTitle(QCoreApplication.translate("RestorePreviewDialog", u"\u786e\u8ba4\u6062\u590d", None))
        self.title_label.setText("")
        self.warning_label.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u6062\u590d\u524d\u4f1a\u5148\u81ea\u52a8\u5907\u4efd\u5f53\u524d\u6570\u636e\uff1b\u6062\u590d\u662f\u4e00\u6b21\u6027\u5b8c\u6210\u7684\uff0c\u4e2d\u9014\u65ad\u7535\u4e5f\u4e0d\u4f1a\u7559\u4e0b\u4e00\u534a\u65e7\u4e00\u534a\u65b0\u7684\u6570\u636e\u3002", None))
        self.passphrase_label.setText(QCoreApplication.translate("RestorePreviewDialog", u"\u52a0\u5bc6\u53e3\u4ee4\u6216\u6062\u590d\u7801\uff1a", None))
        self.error_label.setText("")
    # retranslateUi

