# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_PlanDialog(object):
    def setupUi(self, PlanDialog):
        if not PlanDialog.objectName():
            PlanDialog.setObjectName(u"PlanDialog")
        PlanDialog.resize(1000, 620)
        self.main_layout = QHBoxLayout(PlanDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.left_layout = QVBoxLayout()
        self.left_layout.setObjectName(u"left_layout")
        self.versions_group = QGroupBox(PlanDialog)
        self.versions_group.setObjectName(u"versions_group")
        self.versions_layout = QVBoxLayout(self.versions_group)
        self.versions_layout.setObjectName(u"versions_layout")
        self.version_list = QListWidget(self.versions_group)
        self.version_list.setObjectName(u"version_list")

        self.versions_layout.addWidget(self.version_list)


        self.left_layout.addWidget(self.versions_group)

        self.add_group = QGroupBox(PlanDialog)
        self.add_group.setObjectName(u"add_group")
        self.add_layout = QFormLayout(self.add_group)
        self.add_layout.setObjectName(u"add_layout")
        self.name_label = QLabel(self.add_group)
        self.name_label.setObjectName(u"name_label")

        self.add_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.add_group)
        self.name_edit.setObjectName(u"name_edit")

        self.add_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.number_label = QLabel(self.add_group)
        self.number_label.setObjectName(u"number_label")

        self.add_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_edit = QLineEdit(self.add_group)
        self.number_edit.setObjectName(u"number_edit")

        self.add_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.number_edit)

        self.date_label = QLabel(self.add_group)
        self.date_label.setObjectName(u"date_label")

        self.add_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = DateEdit(self.add_group)
        self.date_edit.setObjectName(u"date_edit")

        self.add_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.reason_label = QLabel(self.add_group)
        self.reason_label.setObjectName(u"reason_label")

        self.add_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(self.add_group)
        self.reason_edit.setObjectName(u"reason_edit")

        self.add_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.add_button = QPushButton(self.add_group)
        self.add_button.setObjectName(u"add_button")

        self.add_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.add_button)


        self.left_layout.addWidget(self.add_group)


        self.main_layout.addLayout(self.left_layout)

        self.right_layout = QVBoxLayout()
        self.right_layout.setObjectName(u"right_layout")
        self.show_layout = QHBoxLayout()
        self.show_layout.setObjectName(u"show_layout")
        self.on_label = QLabel(PlanDialog)
        self.on_label.setObjectName(u"on_label")

        self.show_layout.addWidget(self.on_label)

        self.on_edit = DateEdit(PlanDialog)
        self.on_edit.setObjectName(u"on_edit")

        self.show_layout.addWidget(self.on_edit)

        self.show_button = QPushButton(PlanDialog)
        self.show_button.setObjectName(u"show_button")

        self.show_layout.addWidget(self.show_button)

        self.print_button = QPushButton(PlanDialog)
        self.print_button.setObjectName(u"print_button")

        self.show_layout.addWidget(self.print_button)

        self.show_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.show_layout.addItem(self.show_spacer)


        self.right_layout.addLayout(self.show_layout)

        self.compare_layout = QHBoxLayout()
        self.compare_layout.setObjectName(u"compare_layout")
        self.compare_label = QLabel(PlanDialog)
        self.compare_label.setObjectName(u"compare_label")

        self.compare_layout.addWidget(self.compare_label)

        self.before_combo = QComboBox(PlanDialog)
        self.before_combo.setObjectName(u"before_combo")

        self.compare_layout.addWidget(self.before_combo)

        self.arrow_label = QLabel(PlanDialog)
        self.arrow_label.setObjectName(u"arrow_label")

        self.compare_layout.addWidget(self.arrow_label)

        self.after_combo = QComboBox(PlanDialog)
        self.after_combo.setObjectName(u"after_combo")

        self.compare_layout.addWidget(self.after_combo)

        self.compare_button = QPushButton(PlanDialog)
        self.compare_button.setObjectName(u"compare_button")

        self.compare_layout.addWidget(self.compare_button)

        self.print_diff_button = QPushButton(PlanDialog)
        self.print_diff_button.setObjectName(u"print_diff_button")

        self.compare_layout.addWidget(self.print_diff_button)

        self.compare_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.compare_layout.addItem(self.compare_spacer)


        self.right_layout.addLayout(self.compare_layout)

        self.text_view = QPlainTextEdit(PlanDialog)
        self.text_view.setObjectName(u"text_view")
        self.text_view.setReadOnly(True)

        self.right_layout.addWidget(self.text_view)

        self.error_label = QLabel(PlanDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.right_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(PlanDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.right_layout.addWidget(self.button_box)

        self.right_layout.setStretch(2, 1)

        self.main_layout.addLayout(self.right_layout)


        self.retranslateUi(PlanDialog)
    # setupUi

    def retranslateUi(self, PlanDialog):
        PlanDialog.setWindowTitle(QCoreApplication.translate("PlanDialog", u"\u5305\u4fdd\u65b9\u6848", None))
        self.versions_group.setTitle(QCoreApplication.translate("PlanDialog", u"\u65b9\u6848\u7248\u672c\uff08\u6bcf\u6b21\u5370\u53d1\u6216\u52a8\u6001\u8c03\u6574\u8bb0\u4e00\u7248\uff09", None))
        self.add_group.setTitle(QCoreApplication.translate("PlanDialog", u"\u8bb0\u5f55\u65b0\u7248\u672c", None))
        self.name_label.setText(QCoreApplication.translate("PlanDialog", u"\u65b9\u6848\u540d\u79f0", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("PlanDialog", u"\u5982 2022\u5e74\u533a\u7ea7\u9886\u5bfc\u5305\u4fdd\u91cd\u70b9\u9879\u76ee\u5de5\u4f5c\u65b9\u6848", None))
        self.number_label.setText(QCoreApplication.translate("PlanDialog", u"\u6587\u53f7", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("PlanDialog", u"\u5982 \u5c0f\u5e97\u59d4\u529e\u5b57\u30142022\u30156\u53f7\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.date_label.setText(QCoreApplication.translate("PlanDialog", u"\u5370\u53d1\u65e5\u671f", None))
        self.reason_label.setText(QCoreApplication.translate("PlanDialog", u"\u8c03\u6574\u539f\u56e0", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("PlanDialog", u"\u7b2c\u4e8c\u7248\u8d77\u5fc5\u586b\uff0c\u5982 2\u4e2a\u9879\u76ee\u7ae3\u5de5\u300110\u4e2a\u9879\u76ee\u4e0d\u5177\u5907\u6761\u4ef6\u8c03\u51fa\uff0c\u65b0\u589e35\u4e2a", None))
        self.add_button.setText(QCoreApplication.translate("PlanDialog", u"\u8bb0\u5f55\u6b64\u7248\u672c", None))
        self.on_label.setText(QCoreApplication.translate("PlanDialog", u"\u67e5\u770b\u67d0\u65e5\u7684\u65b9\u6848\uff1a", None))
        self.show_button.setText(QCoreApplication.translate("PlanDialog", u"\u67e5\u770b", None))
        self.print_button.setText(QCoreApplication.translate("PlanDialog", u"\u6253\u5370\u5305\u4fdd\u8d23\u4efb\u8868\uff08Word\uff09\u2026", None))
        self.compare_label.setText(QCoreApplication.translate("PlanDialog", u"\u6bd4\u8f83\uff1a", None))
        self.arrow_label.setText(QCoreApplication.translate("PlanDialog", u"\u2192", None))
        self.compare_button.setText(QCoreApplication.translate("PlanDialog", u"\u6bd4\u8f83", None))
        self.print_diff_button.setText(QCoreApplication.translate("PlanDialog", u"\u6253\u5370\u8c03\u6574\u5bf9\u7167\u8868\uff08Word\uff09\u2026", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("PlanDialog", u"color: #b3261e;", None))
    # retranslateUi

