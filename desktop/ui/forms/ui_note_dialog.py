# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'note_dialog.ui'
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
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_NoteDialog(object):
    def setupUi(self, NoteDialog):
        if not NoteDialog.objectName():
            NoteDialog.setObjectName(u"NoteDialog")
        NoteDialog.resize(520, 320)
        self.main_layout = QVBoxLayout(NoteDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.issue_label = QLabel(NoteDialog)
        self.issue_label.setObjectName(u"issue_label")
        self.issue_label.setWordWrap(True)
        self.issue_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.issue_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.text_label = QLabel(NoteDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(NoteDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.on_label = QLabel(NoteDialog)
        self.on_label.setObjectName(u"on_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on_edit = DateEdit(NoteDialog)
        self.on_edit.setObjectName(u"on_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.on_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(NoteDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(NoteDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(NoteDialog)
    # setupUi

    def retranslateUi(self, NoteDialog):
        NoteDialog.setWindowTitle(QCoreApplication.translate("NoteDialog", u"\u6dfb\u52a0\u8fdb\u5c55", None))
        self.text_label.setText(QCoreApplication.translate("NoteDialog", u"\u529e\u7406\u8fdb\u5c55\uff1a", None))
        self.on_label.setText(QCoreApplication.translate("NoteDialog", u"\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("NoteDialog", u"color: #b3261e;", None))
    # retranslateUi

