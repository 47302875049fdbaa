# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QButtonGroup, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_CloseDialog(object):
    def setupUi(self, CloseDialog):
        if not CloseDialog.objectName():
            CloseDialog.setObjectName(u"CloseDialog")
        CloseDialog.resize(560, 320)
        self.main_layout = QVBoxLayout(CloseDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.issue_label = QLabel(CloseDialog)
        self.issue_label.setObjectName(u"issue_label")
        self.issue_label.setWordWrap(True)

        self.main_layout.addWidget(self.issue_label)

        self.hint_label = QLabel(CloseDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.feedback_label = QLabel(CloseDialog)
        self.feedback_label.setObjectName(u"feedback_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.feedback_label)

        self.feedback_layout = QHBoxLayout()
        self.feedback_layout.setObjectName(u"feedback_layout")
        self.satisfied_radio = QRadioButton(CloseDialog)
        self.feedback_group = QButtonGroup(CloseDialog)
        self.feedback_group.setObjectName(u"feedback_group")
        self.feedback_group.addButton(self.satisfied_radio)
        self.satisfied_radio.setObjectName(u"satisfied_radio")

        self.feedback_layout.addWidget(self.satisfied_radio)

        self.basically_radio = QRadioButton(CloseDialog)
        self.feedback_group.addButton(self.basically_radio)
        self.basically_radio.setObjectName(u"basically_radio")

        self.feedback_layout.addWidget(self.basically_radio)

        self.unsatisfied_radio = QRadioButton(CloseDialog)
        self.feedback_group.addButton(self.unsatisfied_radio)
        self.unsatisfied_radio.setObjectName(u"unsatisfied_radio")

        self.feedback_layout.addWidget(self.unsatisfied_radio)

        self.not_asked_radio = QRadioButton(CloseDialog)
        self.feedback_group.addButton(self.not_asked_radio)
        self.not_asked_radio.setObjectName(u"not_asked_radio")

        self.feedback_layout.addWidget(self.not_asked_radio)

        self.feedback_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.feedback_layout.addItem(self.feedback_spacer)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.feedback_layout)

        self.reason_label = QLabel(CloseDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(CloseDialog)
        self.reason_edit.setObjectName(u"reason_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.remark_label = QLabel(CloseDialog)
        self.remark_label.setObjectName(u"remark_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remark_label)

        self.remark_edit = QLineEdit(CloseDialog)
        self.remark_edit.setObjectName(u"remark_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.remark_edit)

        self.on_label = QLabel(CloseDialog)
        self.on_label.setObjectName(u"on_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on_edit = DateEdit(CloseDialog)
        self.on_edit.setObjectName(u"on_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.on_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(CloseDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(CloseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CloseDialog)
    # setupUi

    def retranslateUi(self, CloseDialog):
        CloseDialog.setWindowTitle(QCoreApplication.translate("CloseDialog", u"\u9500\u53f7", None))
        self.hint_label.setText(QCoreApplication.translate("CloseDialog", u"\u9500\u53f7\u524d\u987b\u786e\u8ba4\u95ee\u9898\u5df2\u5b9e\u9645\u89e3\u51b3\uff0c\u5e76\u8bb0\u5f55\u4f01\u4e1a\u53cd\u9988\uff08\u987b\u9010\u9879\u8be2\u95ee\u540e\u9009\u62e9\uff0c\u4e0d\u9884\u8bbe\u7b54\u6848\uff09\u3002\u53cd\u9988\u201c\u4e0d\u6ee1\u610f\u201d\u65f6\u4e0d\u9500\u53f7\uff0c\u95ee\u9898\u9000\u56de\u8d23\u4efb\u5355\u4f4d\u91cd\u65b0\u529e\u7406\u3002", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("CloseDialog", u"color: #555555;", None))
        self.feedback_label.setText(QCoreApplication.translate("CloseDialog", u"\u4f01\u4e1a\u53cd\u9988\uff1a", None))
        self.satisfied_radio.setText(QCoreApplication.translate("CloseDialog", u"\u6ee1\u610f(&1)", None))
        self.basically_radio.setText(QCoreApplication.translate("CloseDialog", u"\u57fa\u672c\u6ee1\u610f(&2)", None))
        self.unsatisfied_radio.setText(QCoreApplication.translate("CloseDialog", u"\u4e0d\u6ee1\u610f(&3)", None))
        self.not_asked_radio.setText(QCoreApplication.translate("CloseDialog", u"\u672a\u80fd\u5f81\u6c42(&4)", None))
#if QT_CONFIG(tooltip)
        self.not_asked_radio.setToolTip(QCoreApplication.translate("CloseDialog", u"\u786e\u5b9e\u65e0\u6cd5\u5f81\u6c42\u4f01\u4e1a\u610f\u89c1\u65f6\uff08\u5982\u4f01\u4e1a\u5df2\u6ce8\u9500\u3001\u8054\u7cfb\u4e0d\u4e0a\uff09\uff0c\u987b\u5199\u660e\u539f\u56e0", None))
#endif // QT_CONFIG(tooltip)
        self.reason_label.setText(QCoreApplication.translate("CloseDialog", u"\u672a\u80fd\u5f81\u6c42\u539f\u56e0\uff1a", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("CloseDialog", u"\u5982\uff1a\u4f01\u4e1a\u5df2\u6ce8\u9500\uff0c\u6cd5\u5b9a\u4ee3\u8868\u4eba\u8054\u7cfb\u4e0d\u4e0a", None))
        self.remark_label.setText(QCoreApplication.translate("CloseDialog", u"\u5907\u6ce8\uff1a", None))
        self.remark_edit.setPlaceholderText(QCoreApplication.translate("CloseDialog", u"\u53ef\u586b\u5199\u4f01\u4e1a\u610f\u89c1\u3001\u786e\u8ba4\u4eba\u7b49", None))
        self.on_label.setText(QCoreApplication.translate("CloseDialog", u"\u9500\u53f7\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("CloseDialog", u"color: #b3261e;", None))
    # retranslateUi

