# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_chooser_dialog.ui'
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
    QDialogButtonBox, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MeetingChooserDialog(object):
    def setupUi(self, MeetingChooserDialog):
        if not MeetingChooserDialog.objectName():
            MeetingChooserDialog.setObjectName(u"MeetingChooserDialog")
        MeetingChooserDialog.resize(520, 240)
        self.dialog_layout = QVBoxLayout(MeetingChooserDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.prompt_label = QLabel(MeetingChooserDialog)
        self.prompt_label.setObjectName(u"prompt_label")
        self.prompt_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.prompt_label)

        self.existing_radio = QRadioButton(MeetingChooserDialog)
        self.existing_radio.setObjectName(u"existing_radio")
        self.existing_radio.setChecked(True)

        self.dialog_layout.addWidget(self.existing_radio)

        self.meeting_combo = QComboBox(MeetingChooserDialog)
        self.meeting_combo.setObjectName(u"meeting_combo")

        self.dialog_layout.addWidget(self.meeting_combo)

        self.new_radio = QRadioButton(MeetingChooserDialog)
        self.new_radio.setObjectName(u"new_radio")

        self.dialog_layout.addWidget(self.new_radio)

        self.spacer_9 = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.spacer_9)

        self.error_label = QLabel(MeetingChooserDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(MeetingChooserDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(MeetingChooserDialog)
    # setupUi

    def retranslateUi(self, MeetingChooserDialog):
        MeetingChooserDialog.setWindowTitle(QCoreApplication.translate("MeetingChooserDialog", u"\u9009\u62e9\u4f1a\u8bae", None))
        self.prompt_label.setText("")
        self.existing_radio.setText(QCoreApplication.translate("MeetingChooserDialog", u"\u5217\u5165\u5df2\u6709\u4f1a\u8bae", None))
        self.new_radio.setText(QCoreApplication.translate("MeetingChooserDialog", u"\u65b0\u5efa\u4f1a\u8bae\u2026", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("MeetingChooserDialog", u"color: #c0392b;", None))
    # retranslateUi

