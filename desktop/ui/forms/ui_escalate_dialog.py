# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'escalate_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_EscalateDialog(object):
    def setupUi(self, EscalateDialog):
        if not EscalateDialog.objectName():
            EscalateDialog.setObjectName(u"EscalateDialog")
        EscalateDialog.resize(520, 320)
        self.main_layout = QVBoxLayout(EscalateDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.issue_label = QLabel(EscalateDialog)
        self.issue_label.setObjectName(u"issue_label")
        self.issue_label.setWordWrap(True)

        self.main_layout.addWidget(self.issue_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.current_caption_label = QLabel(EscalateDialog)
        self.current_caption_label.setObjectName(u"current_caption_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_caption_label)

        self.current_level_label = QLabel(EscalateDialog)
        self.current_level_label.setObjectName(u"current_level_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current_level_label)

        self.level_label = QLabel(EscalateDialog)
        self.level_label.setObjectName(u"level_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level_combo = QComboBox(EscalateDialog)
        self.level_combo.setObjectName(u"level_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.level_combo)

        self.reason_label = QLabel(EscalateDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(EscalateDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.on_label = QLabel(EscalateDialog)
        self.on_label.setObjectName(u"on_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on_edit = DateEdit(EscalateDialog)
        self.on_edit.setObjectName(u"on_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.on_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(EscalateDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(EscalateDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(EscalateDialog)
    # setupUi

    def retranslateUi(self, EscalateDialog):
        EscalateDialog.setWindowTitle(QCoreApplication.translate("EscalateDialog", u"\u6d41\u8f6c/\u4e0a\u62a5", None))
        self.current_caption_label.setText(QCoreApplication.translate("EscalateDialog", u"\u5f53\u524d\u5c42\u7ea7\uff1a", None))
        self.level_label.setText(QCoreApplication.translate("EscalateDialog", u"\u6d41\u8f6c\u81f3\uff1a", None))
        self.reason_label.setText(QCoreApplication.translate("EscalateDialog", u"\u6d41\u8f6c\u539f\u56e0\uff1a", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("EscalateDialog", u"\u8bf4\u660e\u672c\u7ea7\u4e3a\u4f55\u65e0\u6cd5\u89e3\u51b3\u3001\u9700\u8981\u4e0a\u7ea7\u534f\u8c03\u7684\u4e8b\u9879", None))
        self.on_label.setText(QCoreApplication.translate("EscalateDialog", u"\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("EscalateDialog", u"color: #b3261e;", None))
    # retranslateUi

