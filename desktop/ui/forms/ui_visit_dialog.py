# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.resize(620, 640)
        self.dialog_layout = QVBoxLayout(VisitDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.date_label = QLabel(VisitDialog)
        self.date_label.setObjectName(u"date_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.visited_on_edit = DateEdit(VisitDialog)
        self.visited_on_edit.setObjectName(u"visited_on_edit")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visited_on_edit)

        self.leader_label = QLabel(VisitDialog)
        self.leader_label.setObjectName(u"leader_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.leader_label)

        self.leader_combo = QComboBox(VisitDialog)
        self.leader_combo.setObjectName(u"leader_combo")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leader_combo)

        self.companions_label = QLabel(VisitDialog)
        self.companions_label.setObjectName(u"companions_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companions_label)

        self.companions_edit = QLineEdit(VisitDialog)
        self.companions_edit.setObjectName(u"companions_edit")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companions_edit)

        self.target_label = QLabel(VisitDialog)
        self.target_label.setObjectName(u"target_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_layout = QHBoxLayout()
        self.target_layout.setObjectName(u"target_layout")
        self.project_radio = QRadioButton(VisitDialog)
        self.project_radio.setObjectName(u"project_radio")
        self.project_radio.setChecked(True)

        self.target_layout.addWidget(self.project_radio)

        self.enterprise_radio = QRadioButton(VisitDialog)
        self.enterprise_radio.setObjectName(u"enterprise_radio")

        self.target_layout.addWidget(self.enterprise_radio)

        self.project_combo = QComboBox(VisitDialog)
        self.project_combo.setObjectName(u"project_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.project_combo.sizePolicy().hasHeightForWidth())
        self.project_combo.setSizePolicy(sizePolicy)

        self.target_layout.addWidget(self.project_combo)

        self.enterprise_edit = QLineEdit(VisitDialog)
        self.enterprise_edit.setObjectName(u"enterprise_edit")

        self.target_layout.addWidget(self.enterprise_edit)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.target_layout)

        self.content_label = QLabel(VisitDialog)
        self.content_label.setObjectName(u"content_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content_edit = QPlainTextEdit(VisitDialog)
        self.content_edit.setObjectName(u"content_edit")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.content_edit)

        self.problems_label = QLabel(VisitDialog)
        self.problems_label.setObjectName(u"problems_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.problems_label)

        self.problems_edit = QPlainTextEdit(VisitDialog)
        self.problems_edit.setObjectName(u"problems_edit")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.problems_edit)

        self.photos_label = QLabel(VisitDialog)
        self.photos_label.setObjectName(u"photos_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.photos_label)

        self.photos_layout = QHBoxLayout()
        self.photos_layout.setObjectName(u"photos_layout")
        self.photos_list = QListWidget(VisitDialog)
        self.photos_list.setObjectName(u"photos_list")
        self.photos_list.setMaximumHeight(90)

        self.photos_layout.addWidget(self.photos_list)

        self.photo_buttons_layout = QVBoxLayout()
        self.photo_buttons_layout.setObjectName(u"photo_buttons_layout")
        self.add_photo_button = QPushButton(VisitDialog)
        self.add_photo_button.setObjectName(u"add_photo_button")

        self.photo_buttons_layout.addWidget(self.add_photo_button)

        self.remove_photo_button = QPushButton(VisitDialog)
        self.remove_photo_button.setObjectName(u"remove_photo_button")

        self.photo_buttons_layout.addWidget(self.remove_photo_button)


        self.photos_layout.addLayout(self.photo_buttons_layout)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.photos_layout)


        self.dialog_layout.addLayout(self.fields_layout)

        self.error_label = QLabel(VisitDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(VisitDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"\u767b\u8bb0\u8d70\u8bbf\uff08\u5305\u4fdd\u6d3b\u52a8\uff09", None))
        self.date_label.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u65e5\u671f", None))
        self.leader_label.setText(QCoreApplication.translate("VisitDialog", u"\u5305\u4fdd\u9886\u5bfc", None))
        self.companions_label.setText(QCoreApplication.translate("VisitDialog", u"\u966a\u540c\u4eba\u5458", None))
        self.companions_edit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982\uff1a\u533a\u53d1\u6539\u5c40\u3001\u6240\u5728\u8857\u9053\u8d1f\u8d23\u540c\u5fd7", None))
        self.target_label.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u5bf9\u8c61", None))
        self.project_radio.setText(QCoreApplication.translate("VisitDialog", u"\u9879\u76ee", None))
        self.enterprise_radio.setText(QCoreApplication.translate("VisitDialog", u"\u4f01\u4e1a", None))
        self.enterprise_edit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u8f93\u5165\u4f01\u4e1a\u540d\u79f0\u6216\u62fc\u97f3\u9996\u5b57\u6bcd", None))
        self.content_label.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u5185\u5bb9", None))
        self.content_edit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u770b\u5230\u4e86\u4ec0\u4e48\u3001\u542c\u53d6\u4e86\u54ea\u4e9b\u6c47\u62a5\u3001\u4f5c\u4e86\u54ea\u4e9b\u90e8\u7f72", None))
        self.problems_label.setText(QCoreApplication.translate("VisitDialog", u"\u53d1\u73b0\u95ee\u9898", None))
        self.problems_edit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u6bcf\u884c\u4e00\u4e2a\u95ee\u9898\uff0c\u4fdd\u5b58\u65f6\u5404\u81ea\u767b\u8bb0\u4e3a\u95ee\u9898\u53f0\u8d26\u4e2d\u7684\u4e00\u6761", None))
        self.photos_label.setText(QCoreApplication.translate("VisitDialog", u"\u73b0\u573a\u7167\u7247", None))
        self.add_photo_button.setText(QCoreApplication.translate("VisitDialog", u"\u6dfb\u52a0\u7167\u7247\u2026", None))
        self.remove_photo_button.setText(QCoreApplication.translate("VisitDialog", u"\u79fb\u9664", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("VisitDialog", u"color: #b3261e;", None))
        self.error_label.setText("")
    # retranslateUi

