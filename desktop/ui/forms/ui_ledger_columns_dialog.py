# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ledger_columns_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_LedgerColumnsDialog(object):
    def setupUi(self, LedgerColumnsDialog):
        if not LedgerColumnsDialog.objectName():
            LedgerColumnsDialog.setObjectName(u"LedgerColumnsDialog")
        LedgerColumnsDialog.resize(420, 520)
        self.main_layout = QVBoxLayout(LedgerColumnsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.kind_label = QLabel(LedgerColumnsDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(LedgerColumnsDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)


        self.main_layout.addLayout(self.form_layout)

        self.hint_label = QLabel(LedgerColumnsDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.column_list = QListWidget(LedgerColumnsDialog)
        self.column_list.setObjectName(u"column_list")

        self.main_layout.addWidget(self.column_list)

        self.error_label = QLabel(LedgerColumnsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(LedgerColumnsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok|QDialogButtonBox.StandardButton.RestoreDefaults)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(LedgerColumnsDialog)
    # setupUi

    def retranslateUi(self, LedgerColumnsDialog):
        LedgerColumnsDialog.setWindowTitle(QCoreApplication.translate("LedgerColumnsDialog", u"\u53f0\u8d26\u6253\u5370\u5217", None))
        self.kind_label.setText(QCoreApplication.translate("LedgerColumnsDialog", u"\u53f0\u8d26\uff1a", None))
        self.hint_label.setText(QCoreApplication.translate("LedgerColumnsDialog", u"\u52fe\u9009\u8981\u6253\u5370\u7684\u5217\uff0c\u6309\u53f0\u8d26\u5206\u522b\u4fdd\u5b58\uff0c\u5bfc\u51faExcel\u3001\u6253\u5370\u9884\u89c8\u548cPDF\u90fd\u6309\u6b64\u6253\u5370\u3002\u672a\u52fe\u9009\u7684\u5217\u548c\u6bcf\u884c\u90fd\u4e3a\u7a7a\u7684\u5217\u4ecd\u5199\u5165Excel\uff08\u9690\u85cf\u5217\uff09\uff0c\u4e0d\u4f1a\u4e22\u5931\u3002\u5217\u591a\u65f6\u81ea\u52a8\u6539\u7528A3\u6a2a\u5411\u7eb8\uff0c\u4fdd\u8bc1\u5b57\u53f7\u4e0d\u5c0f\u4e8e9\u78c5\u3002", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("LedgerColumnsDialog", u"color: #b3261e;", None))
    # retranslateUi

