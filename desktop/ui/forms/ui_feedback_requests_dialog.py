# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_requests_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_FeedbackRequestsDialog(object):
    def setupUi(self, FeedbackRequestsDialog):
        if not FeedbackRequestsDialog.objectName():
            FeedbackRequestsDialog.setObjectName(u"FeedbackRequestsDialog")
        FeedbackRequestsDialog.resize(960, 560)
        self.main_layout = QVBoxLayout(FeedbackRequestsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.top_layout = QHBoxLayout()
        self.top_layout.setObjectName(u"top_layout")
        self.summary_label = QLabel(FeedbackRequestsDialog)
        self.summary_label.setObjectName(u"summary_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summary_label.sizePolicy().hasHeightForWidth())
        self.summary_label.setSizePolicy(sizePolicy)
        self.summary_label.setWordWrap(True)

        self.top_layout.addWidget(self.summary_label)

        self.show_all_check = QCheckBox(FeedbackRequestsDialog)
        self.show_all_check.setObjectName(u"show_all_check")

        self.top_layout.addWidget(self.show_all_check)


        self.main_layout.addLayout(self.top_layout)

        self.request_table = QTableWidget(FeedbackRequestsDialog)
        if (self.request_table.columnCount() < 9):
            self.request_table.setColumnCount(9)
        __qtablewidgetitem = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.request_table.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        self.request_table.setObjectName(u"request_table")
        self.request_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.request_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.request_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.request_table.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.request_table)

        self.detail_label = QLabel(FeedbackRequestsDialog)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)

        self.main_layout.addWidget(self.detail_label)

        self.error_label = QLabel(FeedbackRequestsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.approve_button = QPushButton(FeedbackRequestsDialog)
        self.approve_button.setObjectName(u"approve_button")

        self.buttons_layout.addWidget(self.approve_button)

        self.refuse_button = QPushButton(FeedbackRequestsDialog)
        self.refuse_button.setObjectName(u"refuse_button")

        self.buttons_layout.addWidget(self.refuse_button)

        self.escalate_button = QPushButton(FeedbackRequestsDialog)
        self.escalate_button.setObjectName(u"escalate_button")

        self.buttons_layout.addWidget(self.escalate_button)

        self.answer_button = QPushButton(FeedbackRequestsDialog)
        self.answer_button.setObjectName(u"answer_button")

        self.buttons_layout.addWidget(self.answer_button)

        self.undo_button = QPushButton(FeedbackRequestsDialog)
        self.undo_button.setObjectName(u"undo_button")

        self.buttons_layout.addWidget(self.undo_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.button_box = QDialogButtonBox(FeedbackRequestsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)


        self.retranslateUi(FeedbackRequestsDialog)
    # setupUi

    def retranslateUi(self, FeedbackRequestsDialog):
        FeedbackRequestsDialog.setWindowTitle(QCoreApplication.translate("FeedbackRequestsDialog", u"\u5355\u4f4d\u7533\u8bf7", None))
        self.show_all_check.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u663e\u793a\u5df2\u5904\u7406\u7684", None))
        ___qtablewidgetitem = self.request_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u7f16\u53f7", None))
        ___qtablewidgetitem1 = self.request_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u7533\u8bf7", None))
        ___qtablewidgetitem2 = self.request_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u8d23\u4efb\u5355\u4f4d", None))
        ___qtablewidgetitem3 = self.request_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u9879\u76ee", None))
        ___qtablewidgetitem4 = self.request_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u95ee\u9898/\u8bae\u5b9a\u4e8b\u9879", None))
        ___qtablewidgetitem5 = self.request_table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u5355\u4f4d\u586b\u62a5", None))
        ___qtablewidgetitem6 = self.request_table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u73b0\u5b8c\u6210\u65f6\u9650", None))
        ___qtablewidgetitem7 = self.request_table.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u6536\u53d6", None))
        ___qtablewidgetitem8 = self.request_table.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u5904\u7406\u60c5\u51b5", None))
        self.detail_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("FeedbackRequestsDialog", u"color: #b3261e;", None))
        self.approve_button.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u786e\u8ba4\u529e\u7ed3", None))
#if QT_CONFIG(tooltip)
        self.approve_button.setToolTip(QCoreApplication.translate("FeedbackRequestsDialog", u"\u5df2\u529e\u7ed3\uff1a\u6309\u5355\u4f4d\u62a5\u544a\u7684\u529e\u7ed3\u65e5\u671f\u786e\u8ba4\uff1b\u7533\u8bf7\u5ef6\u671f\uff1a\u5b8c\u6210\u65f6\u9650\u6539\u4e3a\u5355\u4f4d\u586b\u5199\u7684\u9884\u8ba1\u5b8c\u6210\u65f6\u95f4", None))
#endif // QT_CONFIG(tooltip)
        self.refuse_button.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u9000\u56de\u2026", None))
#if QT_CONFIG(tooltip)
        self.refuse_button.setToolTip(QCoreApplication.translate("FeedbackRequestsDialog", u"\u9000\u56de\u5355\u4f4d\u62a5\u544a\u7684\u529e\u7ed3\uff08\u7ee7\u7eed\u529e\u7406\uff09\uff0c\u6216\u4e0d\u540c\u610f\u5ef6\u671f\uff08\u5b8c\u6210\u65f6\u9650\u4e0d\u53d8\uff09\uff1b\u987b\u5199\u660e\u539f\u56e0", None))
#endif // QT_CONFIG(tooltip)
        self.escalate_button.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u6d41\u8f6c\u2026", None))
#if QT_CONFIG(tooltip)
        self.escalate_button.setToolTip(QCoreApplication.translate("FeedbackRequestsDialog", u"\u628a\u9700\u4e0a\u7ea7\u534f\u8c03\u7684\u95ee\u9898\u6d41\u8f6c\u5230\u4e0a\u7ea7", None))
#endif // QT_CONFIG(tooltip)
        self.answer_button.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u7b54\u590d\u2026", None))
#if QT_CONFIG(tooltip)
        self.answer_button.setToolTip(QCoreApplication.translate("FeedbackRequestsDialog", u"\u7531\u529e\u516c\u5ba4\u76f4\u63a5\u7b54\u590d\u534f\u8c03\u7533\u8bf7\uff0c\u8bb0\u5165\u529e\u7406\u8fdb\u5c55", None))
#endif // QT_CONFIG(tooltip)
        self.undo_button.setText(QCoreApplication.translate("FeedbackRequestsDialog", u"\u64a4\u9500\u5904\u7406", None))
#if QT_CONFIG(tooltip)
        self.undo_button.setToolTip(QCoreApplication.translate("FeedbackRequestsDialog", u"\u64a4\u9500\u5bf9\u6240\u9009\u7533\u8bf7\u7684\u5904\u7406\uff0c\u7533\u8bf7\u91cd\u65b0\u5f85\u5904\u7406\uff08\u6b64\u540e\u8be5\u4e8b\u9879\u65e0\u4eba\u518d\u529e\u7406\u65f6\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

