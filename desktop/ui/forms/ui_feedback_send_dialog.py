# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_send_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_FeedbackSendDialog(object):
    def setupUi(self, FeedbackSendDialog):
        if not FeedbackSendDialog.objectName():
            FeedbackSendDialog.setObjectName(u"FeedbackSendDialog")
        FeedbackSendDialog.resize(600, 520)
        self.main_layout = QVBoxLayout(FeedbackSendDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.month_label = QLabel(FeedbackSendDialog)
        self.month_label.setObjectName(u"month_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.month_label)

        self.month_layout = QHBoxLayout()
        self.month_layout.setObjectName(u"month_layout")
        self.year_spin = QSpinBox(FeedbackSendDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.month_layout.addWidget(self.year_spin)

        self.month_spin = QSpinBox(FeedbackSendDialog)
        self.month_spin.setObjectName(u"month_spin")
        self.month_spin.setMinimum(1)
        self.month_spin.setMaximum(12)

        self.month_layout.addWidget(self.month_spin)

        self.by_label = QLabel(FeedbackSendDialog)
        self.by_label.setObjectName(u"by_label")

        self.month_layout.addWidget(self.by_label)

        self.by_combo = QComboBox(FeedbackSendDialog)
        self.by_combo.setObjectName(u"by_combo")

        self.month_layout.addWidget(self.by_combo)

        self.month_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.month_layout.addItem(self.month_spacer)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.month_layout)

        self.round_label = QLabel(FeedbackSendDialog)
        self.round_label.setObjectName(u"round_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.round_label)

        self.round_edit = QLineEdit(FeedbackSendDialog)
        self.round_edit.setObjectName(u"round_edit")
        self.round_edit.setMaxLength(64)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.round_edit)

        self.deadline_label = QLabel(FeedbackSendDialog)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_edit = DateEdit(FeedbackSendDialog)
        self.deadline_edit.setObjectName(u"deadline_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deadline_edit)

        self.folder_label = QLabel(FeedbackSendDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(FeedbackSendDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.folder_button = QPushButton(FeedbackSendDialog)
        self.folder_button.setObjectName(u"folder_button")

        self.folder_layout.addWidget(self.folder_button)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folder_layout)


        self.main_layout.addLayout(self.form_layout)

        self.notice_check = QCheckBox(FeedbackSendDialog)
        self.notice_check.setObjectName(u"notice_check")

        self.main_layout.addWidget(self.notice_check)

        self.units_head_layout = QHBoxLayout()
        self.units_head_layout.setObjectName(u"units_head_layout")
        self.units_label = QLabel(FeedbackSendDialog)
        self.units_label.setObjectName(u"units_label")
        self.units_label.setWordWrap(True)

        self.units_head_layout.addWidget(self.units_label)

        self.all_button = QPushButton(FeedbackSendDialog)
        self.all_button.setObjectName(u"all_button")

        self.units_head_layout.addWidget(self.all_button)

        self.none_button = QPushButton(FeedbackSendDialog)
        self.none_button.setObjectName(u"none_button")

        self.units_head_layout.addWidget(self.none_button)


        self.main_layout.addLayout(self.units_head_layout)

        self.unit_list = QListWidget(FeedbackSendDialog)
        self.unit_list.setObjectName(u"unit_list")
        self.unit_list.setMinimumSize(QSize(0, 160))

        self.main_layout.addWidget(self.unit_list)

        self.error_label = QLabel(FeedbackSendDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(FeedbackSendDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.month_label.setBuddy(self.year_spin)
        self.by_label.setBuddy(self.by_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FeedbackSendDialog)
    # setupUi

    def retranslateUi(self, FeedbackSendDialog):
        FeedbackSendDialog.setWindowTitle(QCoreApplication.translate("FeedbackSendDialog", u"\u53d1\u51fa\u53cd\u9988\u8868", None))
        self.month_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u586b\u62a5\u6708\u4efd\uff1a", None))
        self.year_spin.setSuffix(QCoreApplication.translate("FeedbackSendDialog", u"\u5e74", None))
        self.month_spin.setSuffix(QCoreApplication.translate("FeedbackSendDialog", u"\u6708", None))
        self.by_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u3000\u53d1\u7ed9\uff1a", None))
        self.round_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u8f6e\u6b21\u540d\u79f0\uff1a", None))
        self.deadline_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u53cd\u9988\u622a\u6b62\uff1a", None))
        self.folder_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u4fdd\u5b58\u5230\u6587\u4ef6\u5939\uff1a", None))
        self.folder_button.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u9009\u62e9\u2026", None))
        self.notice_check.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u540c\u65f6\u4e3a\u6bcf\u4e2a\u5355\u4f4d\u751f\u6210\u4e00\u4efd\u4ea4\u529e\u901a\u77e5\uff08Word\uff09", None))
        self.units_label.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u53d1\u7ed9\u8fd9\u4e9b\u5355\u4f4d\uff08\u6bcf\u4e2a\u5355\u4f4d\u4e00\u4e2a .xlsx\uff0c\u5217\u51fa\u5176\u7275\u5934\u7684\u672a\u529e\u7ed3\u95ee\u9898\uff09\uff1a", None))
        self.all_button.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u5168\u9009", None))
        self.none_button.setText(QCoreApplication.translate("FeedbackSendDialog", u"\u5168\u4e0d\u9009", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("FeedbackSendDialog", u"color: #b3261e;", None))
    # retranslateUi

