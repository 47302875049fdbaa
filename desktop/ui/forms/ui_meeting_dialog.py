# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTimeEdit,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.fitting import ElidedLabel

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(560, 560)
        self.dialog_layout = QVBoxLayout(MeetingDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.kind_label = QLabel(MeetingDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.addWidget(self.kind_label, 0, 0, 1, 1)

        self.kind_combo = QComboBox(MeetingDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.addWidget(self.kind_combo, 0, 1, 1, 1)

        self.number_label = QLabel(MeetingDialog)
        self.number_label.setObjectName(u"number_label")

        self.form_layout.addWidget(self.number_label, 1, 0, 1, 1)

        self.number_layout = QHBoxLayout()
        self.number_layout.setObjectName(u"number_layout")
        self.number_spin = QSpinBox(MeetingDialog)
        self.number_spin.setObjectName(u"number_spin")
        self.number_spin.setMinimum(1)
        self.number_spin.setMaximum(999)

        self.number_layout.addWidget(self.number_spin)

        self.number_hint_label = ElidedLabel(MeetingDialog)
        self.number_hint_label.setObjectName(u"number_hint_label")

        self.number_layout.addWidget(self.number_hint_label)

        self.spacer_6 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.number_layout.addItem(self.spacer_6)


        self.form_layout.addLayout(self.number_layout, 1, 1, 1, 1)

        self.title_label = QLabel(MeetingDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.addWidget(self.title_label, 2, 0, 1, 1)

        self.title_edit = QLineEdit(MeetingDialog)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaxLength(200)

        self.form_layout.addWidget(self.title_edit, 2, 1, 1, 1)

        self.held_at_label = QLabel(MeetingDialog)
        self.held_at_label.setObjectName(u"held_at_label")

        self.form_layout.addWidget(self.held_at_label, 3, 0, 1, 1)

        self.held_at_layout = QHBoxLayout()
        self.held_at_layout.setObjectName(u"held_at_layout")
        self.held_on_edit = DateEdit(MeetingDialog)
        self.held_on_edit.setObjectName(u"held_on_edit")

        self.held_at_layout.addWidget(self.held_on_edit)

        self.held_time_edit = QTimeEdit(MeetingDialog)
        self.held_time_edit.setObjectName(u"held_time_edit")

        self.held_at_layout.addWidget(self.held_time_edit)

        self.held_at_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.held_at_layout.addItem(self.held_at_spacer)


        self.form_layout.addLayout(self.held_at_layout, 3, 1, 1, 1)

        self.place_label = QLabel(MeetingDialog)
        self.place_label.setObjectName(u"place_label")

        self.form_layout.addWidget(self.place_label, 4, 0, 1, 1)

        self.place_edit = QLineEdit(MeetingDialog)
        self.place_edit.setObjectName(u"place_edit")
        self.place_edit.setMaxLength(128)

        self.form_layout.addWidget(self.place_edit, 4, 1, 1, 1)

        self.chair_label = QLabel(MeetingDialog)
        self.chair_label.setObjectName(u"chair_label")

        self.form_layout.addWidget(self.chair_label, 5, 0, 1, 1)

        self.chair_combo = QComboBox(MeetingDialog)
        self.chair_combo.setObjectName(u"chair_combo")
        self.chair_combo.setEditable(True)

        self.form_layout.addWidget(self.chair_combo, 5, 1, 1, 1)

        self.attendees_label = QLabel(MeetingDialog)
        self.attendees_label.setObjectName(u"attendees_label")

        self.form_layout.addWidget(self.attendees_label, 6, 0, 1, 1)

        self.attendees_layout = QVBoxLayout()
        self.attendees_layout.setObjectName(u"attendees_layout")
        self.attendees_edit = QPlainTextEdit(MeetingDialog)
        self.attendees_edit.setObjectName(u"attendees_edit")

        self.attendees_layout.addWidget(self.attendees_edit)

        self.attendee_pick_layout = QHBoxLayout()
        self.attendee_pick_layout.setObjectName(u"attendee_pick_layout")
        self.attendee_pick_layout.setContentsMargins(0, 0, 0, 0)
        self.attendee_combo = QComboBox(MeetingDialog)
        self.attendee_combo.setObjectName(u"attendee_combo")
        self.attendee_combo.setEditable(True)

        self.attendee_pick_layout.addWidget(self.attendee_combo)

        self.add_attendee_button = QPushButton(MeetingDialog)
        self.add_attendee_button.setObjectName(u"add_attendee_button")

        self.attendee_pick_layout.addWidget(self.add_attendee_button)


        self.attendees_layout.addLayout(self.attendee_pick_layout)


        self.form_layout.addLayout(self.attendees_layout, 6, 1, 1, 1)

        self.on_leave_label = QLabel(MeetingDialog)
        self.on_leave_label.setObjectName(u"on_leave_label")

        self.form_layout.addWidget(self.on_leave_label, 7, 0, 1, 1)

        self.on_leave_edit = QPlainTextEdit(MeetingDialog)
        self.on_leave_edit.setObjectName(u"on_leave_edit")
        self.on_leave_edit.setMaximumSize(QSize(16777215, 52))

        self.form_layout.addWidget(self.on_leave_edit, 7, 1, 1, 1)

        self.observers_label = QLabel(MeetingDialog)
        self.observers_label.setObjectName(u"observers_label")

        self.form_layout.addWidget(self.observers_label, 8, 0, 1, 1)

        self.observers_edit = QPlainTextEdit(MeetingDialog)
        self.observers_edit.setObjectName(u"observers_edit")
        self.observers_edit.setMaximumSize(QSize(16777215, 52))

        self.form_layout.addWidget(self.observers_edit, 8, 1, 1, 1)

        self.recorder_label = QLabel(MeetingDialog)
        self.recorder_label.setObjectName(u"recorder_label")

        self.form_layout.addWidget(self.recorder_label, 9, 0, 1, 1)

        self.recorder_edit = QLineEdit(MeetingDialog)
        self.recorder_edit.setObjectName(u"recorder_edit")
        self.recorder_edit.setMaxLength(64)

        self.form_layout.addWidget(self.recorder_edit, 9, 1, 1, 1)

        self.cc_label = QLabel(MeetingDialog)
        self.cc_label.setObjectName(u"cc_label")

        self.form_layout.addWidget(self.cc_label, 10, 0, 1, 1)

        self.cc_edit = QLineEdit(MeetingDialog)
        self.cc_edit.setObjectName(u"cc_edit")

        self.form_layout.addWidget(self.cc_edit, 10, 1, 1, 1)

        self.issuer_label = QLabel(MeetingDialog)
        self.issuer_label.setObjectName(u"issuer_label")

        self.form_layout.addWidget(self.issuer_label, 11, 0, 1, 1)

        self.issuer_edit = QLineEdit(MeetingDialog)
        self.issuer_edit.setObjectName(u"issuer_edit")
        self.issuer_edit.setMaxLength(128)

        self.form_layout.addWidget(self.issuer_edit, 11, 1, 1, 1)

        self.issued_on_label = QLabel(MeetingDialog)
        self.issued_on_label.setObjectName(u"issued_on_label")

        self.form_layout.addWidget(self.issued_on_label, 12, 0, 1, 1)

        self.issued_on_layout = QHBoxLayout()
        self.issued_on_layout.setObjectName(u"issued_on_layout")
        self.issued_on_check = QCheckBox(MeetingDialog)
        self.issued_on_check.setObjectName(u"issued_on_check")

        self.issued_on_layout.addWidget(self.issued_on_check)

        self.issued_on_edit = DateEdit(MeetingDialog)
        self.issued_on_edit.setObjectName(u"issued_on_edit")
        self.issued_on_edit.setEnabled(False)

        self.issued_on_layout.addWidget(self.issued_on_edit)

        self.spacer_7 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.issued_on_layout.addItem(self.spacer_7)


        self.form_layout.addLayout(self.issued_on_layout, 12, 1, 1, 1)


        self.dialog_layout.addLayout(self.form_layout)

        self.error_label = QLabel(MeetingDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(MeetingDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u4fe1\u606f", None))
        self.kind_label.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7c7b\u578b", None))
        self.number_label.setText(QCoreApplication.translate("MeetingDialog", u"\u7b2c\u51e0\u6b21", None))
        self.number_spin.setPrefix(QCoreApplication.translate("MeetingDialog", u"\u7b2c", None))
        self.number_spin.setSuffix(QCoreApplication.translate("MeetingDialog", u"\u6b21", None))
        self.number_hint_label.setText("")
        self.title_label.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u540d\u79f0", None))
        self.held_at_label.setText(QCoreApplication.translate("MeetingDialog", u"\u65f6\u95f4", None))
        self.held_time_edit.setDisplayFormat(QCoreApplication.translate("MeetingDialog", u"HH:mm", None))
        self.place_label.setText(QCoreApplication.translate("MeetingDialog", u"\u5730\u70b9", None))
        self.chair_label.setText(QCoreApplication.translate("MeetingDialog", u"\u4e3b\u6301", None))
        self.attendees_label.setText(QCoreApplication.translate("MeetingDialog", u"\u51fa\u5e2d", None))
        self.attendees_edit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u51fa\u5e2d\u7684\u9886\u5bfc\u3001\u5355\u4f4d\u548c\u4eba\u5458\uff0c\u7167\u7eaa\u8981\u7684\u5199\u6cd5\uff0c\u5982\uff1a\u533a\u653f\u5e9c\u526f\u533a\u957f\u5f20\u67d0\u67d0\uff0c\u533a\u4f4f\u5efa\u5c40\u5c40\u957f\u674e\u67d0\u67d0", None))
#if QT_CONFIG(tooltip)
        self.attendee_combo.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u4ece\u901a\u8baf\u5f55\u9009\u62e9\u5355\u4f4d\u6216\u4eba\u5458\uff0c\u4e5f\u53ef\u4ee5\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.add_attendee_button.setText(QCoreApplication.translate("MeetingDialog", u"\u52a0\u5165\u51fa\u5e2d", None))
        self.on_leave_label.setText(QCoreApplication.translate("MeetingDialog", u"\u8bf7\u5047", None))
        self.on_leave_edit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u8bf7\u5047\u7684\u9886\u5bfc\u548c\u5355\u4f4d\uff08\u4e0d\u586b\u5219\u7eaa\u8981\u4e0d\u5370\u201c\u8bf7\u5047\u201d\u4e00\u884c\uff09", None))
        self.observers_label.setText(QCoreApplication.translate("MeetingDialog", u"\u5217\u5e2d", None))
        self.observers_edit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5217\u5e2d\u7684\u5355\u4f4d\u548c\u4eba\u5458\uff08\u4e0d\u586b\u5219\u7eaa\u8981\u4e0d\u5370\u201c\u5217\u5e2d\u201d\u4e00\u884c\uff09", None))
        self.recorder_label.setText(QCoreApplication.translate("MeetingDialog", u"\u8bb0\u5f55", None))
        self.cc_label.setText(QCoreApplication.translate("MeetingDialog", u"\u6284\u9001", None))
        self.cc_edit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u7248\u8bb0\u6284\u9001\u673a\u5173\uff0c\u7528\u9017\u53f7\u5206\u9694", None))
        self.issuer_label.setText(QCoreApplication.translate("MeetingDialog", u"\u5370\u53d1\u673a\u5173", None))
        self.issued_on_label.setText(QCoreApplication.translate("MeetingDialog", u"\u5370\u53d1\u65e5\u671f", None))
        self.issued_on_check.setText(QCoreApplication.translate("MeetingDialog", u"\u586b\u5199", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("MeetingDialog", u"color: #c0392b;", None))
    # retranslateUi

