# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_sheet_dialog.ui'
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
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RecoverySheetDialog(object):
    def setupUi(self, RecoverySheetDialog):
        if not RecoverySheetDialog.objectName():
            RecoverySheetDialog.setObjectName(u"RecoverySheetDialog")
        RecoverySheetDialog.resize(520, 400)
        self.main_layout = QVBoxLayout(RecoverySheetDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(RecoverySheetDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.sheet_edit = QPlainTextEdit(RecoverySheetDialog)
        self.sheet_edit.setObjectName(u"sheet_edit")
        self.sheet_edit.setReadOnly(True)

        self.main_layout.addWidget(self.sheet_edit)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.print_button = QPushButton(RecoverySheetDialog)
        self.print_button.setObjectName(u"print_button")

        self.button_layout.addWidget(self.print_button)

        self.button_box = QDialogButtonBox(RecoverySheetDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Ok)

        self.button_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(RecoverySheetDialog)
    # setupUi

    def retranslateUi(self, RecoverySheetDialog):
        RecoverySheetDialog.setWindowTitle(QCoreApplication.translate("RecoverySheetDialog", u"\u52a0\u5bc6\u6062\u590d\u9875", None))
        self.intro_label.setText(QCoreApplication.translate("RecoverySheetDialog", u"\u6062\u590d\u7801\u53ea\u663e\u793a\u8fd9\u4e00\u6b21\uff0c\u672c\u673a\u4e0d\u4fdd\u5b58\u3002\u8bf7\u73b0\u5728\u6253\u5370\u8fd9\u4e00\u9875\uff08\u6216\u6284\u5199\u6062\u590d\u7801\uff09\uff0c\u4e0e\u7535\u8111\u5206\u5f00\u59a5\u5584\u4fdd\u7ba1\uff1a\u5fd8\u8bb0\u52a0\u5bc6\u53e3\u4ee4\u65f6\uff0c\u7528\u6062\u590d\u7801\u6062\u590d\u5907\u4efd\u3001\u66f4\u6362\u53e3\u4ee4\u3002", None))
        self.print_button.setText(QCoreApplication.translate("RecoverySheetDialog", u"\u6253\u5370(&P)\u2026", None))
    # retranslateUi

