# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leader_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_LeaderDialog(object):
    def setupUi(self, LeaderDialog):
        if not LeaderDialog.objectName():
            LeaderDialog.setObjectName(u"LeaderDialog")
        LeaderDialog.resize(420, 220)
        self.main_layout = QVBoxLayout(LeaderDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.leader_label = QLabel(LeaderDialog)
        self.leader_label.setObjectName(u"leader_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.leader_label)

        self.leader_combo = QComboBox(LeaderDialog)
        self.leader_combo.setObjectName(u"leader_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leader_combo)

        self.role_label = QLabel(LeaderDialog)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(LeaderDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.start_label = QLabel(LeaderDialog)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = DateEdit(LeaderDialog)
        self.start_edit.setObjectName(u"start_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.start_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(LeaderDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(LeaderDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(LeaderDialog)
    # setupUi

    def retranslateUi(self, LeaderDialog):
        LeaderDialog.setWindowTitle(QCoreApplication.translate("LeaderDialog", u"\u589e\u52a0\u5305\u4fdd\u9886\u5bfc", None))
        self.leader_label.setText(QCoreApplication.translate("LeaderDialog", u"\u5305\u4fdd\u9886\u5bfc\uff1a", None))
        self.role_label.setText(QCoreApplication.translate("LeaderDialog", u"\u89d2\u8272\uff1a", None))
        self.start_label.setText(QCoreApplication.translate("LeaderDialog", u"\u5f00\u59cb\u65e5\u671f\uff1a", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("LeaderDialog", u"color: #b3261e;", None))
    # retranslateUi

