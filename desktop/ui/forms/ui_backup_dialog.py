# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(760, 480)
        self.main_layout = QVBoxLayout(BackupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(BackupDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.backups_table = QTableWidget(BackupDialog)
        self.backups_table.setObjectName(u"backups_table")
        self.backups_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.main_layout.addWidget(self.backups_table)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.backup_now_button = QPushButton(BackupDialog)
        self.backup_now_button.setObjectName(u"backup_now_button")

        self.actions_layout.addWidget(self.backup_now_button)

        self.restore_selected_button = QPushButton(BackupDialog)
        self.restore_selected_button.setObjectName(u"restore_selected_button")

        self.actions_layout.addWidget(self.restore_selected_button)

        self.restore_file_button = QPushButton(BackupDialog)
        self.restore_file_button.setObjectName(u"restore_file_button")

        self.actions_layout.addWidget(self.restore_file_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.main_layout.addLayout(self.actions_layout)

        self.mirror_group = QGroupBox(BackupDialog)
        self.mirror_group.setObjectName(u"mirror_group")
        self.mirror_layout = QHBoxLayout(self.mirror_group)
        self.mirror_layout.setObjectName(u"mirror_layout")
        self.mirror_edit = QLineEdit(self.mirror_group)
        self.mirror_edit.setObjectName(u"mirror_edit")
        self.mirror_edit.setReadOnly(True)

        self.mirror_layout.addWidget(self.mirror_edit)

        self.mirror_choose_button = QPushButton(self.mirror_group)
        self.mirror_choose_button.setObjectName(u"mirror_choose_button")

        self.mirror_layout.addWidget(self.mirror_choose_button)

        self.mirror_clear_button = QPushButton(self.mirror_group)
        self.mirror_clear_button.setObjectName(u"mirror_clear_button")

        self.mirror_layout.addWidget(self.mirror_clear_button)


        self.main_layout.addWidget(self.mirror_group)

        self.status_label = QLabel(BackupDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(BackupDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
        self.intro_label.setText(QCoreApplication.translate("BackupDialog", u"\u7a0b\u5e8f\u6bcf\u5929\u7b2c\u4e00\u6b21\u542f\u52a8\u65f6\u3001\u5347\u7ea7\u6570\u636e\u7ed3\u6784\u524d\u3001\u5bfc\u5165\u548c\u6062\u590d\u524d\u90fd\u4f1a\u81ea\u52a8\u5b8c\u6574\u5907\u4efd\uff08\u6570\u636e\u5e93\u3001\u9644\u4ef6\u548c\u6e05\u5355\uff09\uff0c\u4fdd\u7559\u6700\u8fd17\u5929\u30014\u5468\u300112\u4e2a\u6708\u7684\u5907\u4efd\u3002\u4e5f\u53ef\u4ee5\u968f\u65f6\u624b\u52a8\u5907\u4efd\u5230\u6307\u5b9a\u6587\u4ef6\u3002", None))
        self.backup_now_button.setText(QCoreApplication.translate("BackupDialog", u"\u7acb\u5373\u5907\u4efd\u5230\u6587\u4ef6\u2026", None))
        self.restore_selected_button.setText(QCoreApplication.translate("BackupDialog", u"\u4ece\u9009\u4e2d\u7684\u5907\u4efd\u6062\u590d\u2026", None))
        self.restore_file_button.setText(QCoreApplication.translate("BackupDialog", u"\u4ece\u5176\u4ed6\u5907\u4efd\u6587\u4ef6\u6062\u590d\u2026", None))
        self.mirror_group.setTitle(QCoreApplication.translate("BackupDialog", u"\u7b2c\u4e8c\u5907\u4efd\u4f4d\u7f6e\uff08U\u76d8\u3001\u79fb\u52a8\u786c\u76d8\u6216\u53e6\u4e00\u5757\u78c1\u76d8\uff09", None))
        self.mirror_edit.setPlaceholderText(QCoreApplication.translate("BackupDialog", u"\u672a\u8bbe\u7f6e\uff1a\u81ea\u52a8\u5907\u4efd\u53ea\u4fdd\u5b58\u5728\u6570\u636e\u6587\u4ef6\u5939\u7684 backups \u4e2d", None))
        self.mirror_choose_button.setText(QCoreApplication.translate("BackupDialog", u"\u9009\u62e9\u6587\u4ef6\u5939\u2026", None))
        self.mirror_clear_button.setText(QCoreApplication.translate("BackupDialog", u"\u4e0d\u4f7f\u7528", None))
        self.status_label.setText("")
    # retranslateUi

