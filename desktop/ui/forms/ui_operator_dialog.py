# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'operator_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OperatorDialog(object):
    def setupUi(self, OperatorDialog):
        if not OperatorDialog.objectName():
            OperatorDialog.setObjectName(u"OperatorDialog")
        OperatorDialog.resize(420, 240)
        self.main_layout = QVBoxLayout(OperatorDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(OperatorDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.known_label = QLabel(OperatorDialog)
        self.known_label.setObjectName(u"known_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.known_label)

        self.known_combo = QComboBox(OperatorDialog)
        self.known_combo.setObjectName(u"known_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.known_combo)

        self.name_label = QLabel(OperatorDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(OperatorDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(20)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)


        self.main_layout.addLayout(self.form_layout)

        self.add_check = QCheckBox(OperatorDialog)
        self.add_check.setObjectName(u"add_check")

        self.main_layout.addWidget(self.add_check)

        self.error_label = QLabel(OperatorDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(OperatorDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(OperatorDialog)
    # setupUi

    def retranslateUi(self, OperatorDialog):
        OperatorDialog.setWindowTitle(QCoreApplication.translate("OperatorDialog", u"\u64cd\u4f5c\u4eba", None))
        self.intro_label.setText(QCoreApplication.translate("OperatorDialog", u"\u8bf7\u9009\u62e9\u6216\u586b\u5199\u60a8\u7684\u59d3\u540d\u3002\u4e4b\u540e\u6bcf\u4e00\u5904\u4fee\u6539\u90fd\u4f1a\u4ee5\u8fd9\u4e2a\u540d\u5b57\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff0c\u4fbf\u4e8e\u6838\u5bf9\u662f\u8c01\u5728\u4f55\u65f6\u6539\u4e86\u4ec0\u4e48\u3002\u64cd\u4f5c\u4eba\u53ea\u80fd\u4ece\u672c\u5355\u4f4d\u7684\u540d\u5355\u4e2d\u9009\u62e9\uff1b\u65b0\u7684\u540c\u4e8b\u9700\u52fe\u9009\u201c\u6dfb\u52a0\u201d\uff0c\u6dfb\u52a0\u672c\u8eab\u4e5f\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\u3002", None))
        self.known_label.setText(QCoreApplication.translate("OperatorDialog", u"\u540d\u5355\u4e2d\u7684\u64cd\u4f5c\u4eba\uff1a", None))
        self.name_label.setText(QCoreApplication.translate("OperatorDialog", u"\u64cd\u4f5c\u4eba\u59d3\u540d\uff1a", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("OperatorDialog", u"\u4f8b\u5982\uff1a\u5f20\u4e09", None))
        self.add_check.setText(QCoreApplication.translate("OperatorDialog", u"\u8fd9\u662f\u65b0\u7684\u64cd\u4f5c\u4eba\uff1a\u6dfb\u52a0\u5230\u672c\u5355\u4f4d\u7684\u64cd\u4f5c\u4eba\u540d\u5355\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
        self.error_label.setText("")
    # retranslateUi

