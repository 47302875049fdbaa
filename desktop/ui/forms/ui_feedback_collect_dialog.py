# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_collect_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_FeedbackCollectDialog(object):
    def setupUi(self, FeedbackCollectDialog):
        if not FeedbackCollectDialog.objectName():
            FeedbackCollectDialog.setObjectName(u"FeedbackCollectDialog")
        FeedbackCollectDialog.resize(1000, 600)
        FeedbackCollectDialog.setAcceptDrops(True)
        self.main_layout = QVBoxLayout(FeedbackCollectDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.files_layout = QHBoxLayout()
        self.files_layout.setObjectName(u"files_layout")
        self.files_label = QLabel(FeedbackCollectDialog)
        self.files_label.setObjectName(u"files_label")

        self.files_layout.addWidget(self.files_label)

        self.add_files_button = QPushButton(FeedbackCollectDialog)
        self.add_files_button.setObjectName(u"add_files_button")

        self.files_layout.addWidget(self.add_files_button)

        self.add_folder_button = QPushButton(FeedbackCollectDialog)
        self.add_folder_button.setObjectName(u"add_folder_button")

        self.files_layout.addWidget(self.add_folder_button)

        self.clear_button = QPushButton(FeedbackCollectDialog)
        self.clear_button.setObjectName(u"clear_button")

        self.files_layout.addWidget(self.clear_button)

        self.files_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.files_layout.addItem(self.files_spacer)


        self.main_layout.addLayout(self.files_layout)

        self.preview_tree = QTreeWidget(FeedbackCollectDialog)
        self.preview_tree.setObjectName(u"preview_tree")
        self.preview_tree.setAlternatingRowColors(True)
        self.preview_tree.setWordWrap(True)
        self.preview_tree.setUniformRowHeights(False)

        self.main_layout.addWidget(self.preview_tree)

        self.summary_label = QLabel(FeedbackCollectDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.error_label = QLabel(FeedbackCollectDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(FeedbackCollectDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(FeedbackCollectDialog)
    # setupUi

    def retranslateUi(self, FeedbackCollectDialog):
        FeedbackCollectDialog.setWindowTitle(QCoreApplication.translate("FeedbackCollectDialog", u"\u6536\u53d6\u53cd\u9988", None))
        self.files_label.setText(QCoreApplication.translate("FeedbackCollectDialog", u"\u628a\u5355\u4f4d\u62a5\u56de\u7684\u53cd\u9988\u8868\uff08\u6216\u6240\u5728\u6587\u4ef6\u5939\uff09\u62d6\u5230\u8fd9\u91cc\uff0c\u6216\uff1a", None))
        self.add_files_button.setText(QCoreApplication.translate("FeedbackCollectDialog", u"\u6dfb\u52a0\u6587\u4ef6\u2026", None))
        self.add_folder_button.setText(QCoreApplication.translate("FeedbackCollectDialog", u"\u6dfb\u52a0\u6587\u4ef6\u5939\u2026", None))
        self.clear_button.setText(QCoreApplication.translate("FeedbackCollectDialog", u"\u6e05\u7a7a", None))
        ___qtreewidgetitem = self.preview_tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("FeedbackCollectDialog", u"\u8bf4\u660e", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("FeedbackCollectDialog", u"\u5224\u5b9a", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("FeedbackCollectDialog", u"\u5f53\u524d\u8bb0\u5f55", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("FeedbackCollectDialog", u"\u5355\u4f4d\u62a5\u544a", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("FeedbackCollectDialog", u"\u95ee\u9898", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("FeedbackCollectDialog", u"\u6587\u4ef6 / \u9879\u76ee", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("FeedbackCollectDialog", u"color: #b3261e;", None))
    # retranslateUi

