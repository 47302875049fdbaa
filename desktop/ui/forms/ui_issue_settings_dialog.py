# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_settings_dialog.ui'
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
    QDialogButtonBox, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_IssueSettingsDialog(object):
    def setupUi(self, IssueSettingsDialog):
        if not IssueSettingsDialog.objectName():
            IssueSettingsDialog.setObjectName(u"IssueSettingsDialog")
        IssueSettingsDialog.resize(520, 220)
        self.main_layout = QVBoxLayout(IssueSettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.allow_not_asked_check = QCheckBox(IssueSettingsDialog)
        self.allow_not_asked_check.setObjectName(u"allow_not_asked_check")

        self.main_layout.addWidget(self.allow_not_asked_check)

        self.hint_label = QLabel(IssueSettingsDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.error_label = QLabel(IssueSettingsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(IssueSettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(IssueSettingsDialog)
    # setupUi

    def retranslateUi(self, IssueSettingsDialog):
        IssueSettingsDialog.setWindowTitle(QCoreApplication.translate("IssueSettingsDialog", u"\u95ee\u9898\u529e\u7406\u8bbe\u7f6e", None))
        self.allow_not_asked_check.setText(QCoreApplication.translate("IssueSettingsDialog", u"\u9500\u53f7\u65f6\u5141\u8bb8\u8bb0\u5f55\u201c\u672a\u80fd\u5f81\u6c42\u201d\u4f01\u4e1a\u610f\u89c1\uff08\u987b\u5199\u660e\u539f\u56e0\uff09", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("IssueSettingsDialog", u"color: #555555;", None))
        self.hint_label.setText(QCoreApplication.translate("IssueSettingsDialog", u"\u5173\u95ed\u65f6\uff08\u9ed8\u8ba4\uff09\uff0c\u9500\u53f7\u5fc5\u987b\u8bb0\u5f55\u4f01\u4e1a\u7684\u5b9e\u9645\u7b54\u590d\uff1a\u6ee1\u610f\u3001\u57fa\u672c\u6ee1\u610f\u6216\u4e0d\u6ee1\u610f\u3002\u5f00\u542f\u540e\uff0c\u786e\u5b9e\u65e0\u6cd5\u5f81\u6c42\u4f01\u4e1a\u610f\u89c1\u65f6\uff08\u5982\u4f01\u4e1a\u5df2\u6ce8\u9500\u3001\u8054\u7cfb\u4e0d\u4e0a\uff09\u53ef\u9009\u201c\u672a\u80fd\u5f81\u6c42\u201d\u5e76\u5199\u660e\u539f\u56e0\uff0c\u53f0\u8d26\u548c\u64cd\u4f5c\u65e5\u5fd7\u5982\u5b9e\u8bb0\u8f7d\u3002\u672c\u8bbe\u7f6e\u968f\u6570\u636e\u4fdd\u5b58\uff0c\u5bf9\u672c\u5355\u4f4d\u6240\u6709\u7535\u8111\u751f\u6548\uff0c\u6bcf\u6b21\u66f4\u6539\u90fd\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\u3002", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("IssueSettingsDialog", u"color: #b3261e;", None))
    # retranslateUi

