# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_status_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_FeedbackStatusDialog(object):
    def setupUi(self, FeedbackStatusDialog):
        if not FeedbackStatusDialog.objectName():
            FeedbackStatusDialog.setObjectName(u"FeedbackStatusDialog")
        FeedbackStatusDialog.resize(760, 560)
        self.main_layout = QVBoxLayout(FeedbackStatusDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.round_layout = QHBoxLayout()
        self.round_layout.setObjectName(u"round_layout")
        self.round_label = QLabel(FeedbackStatusDialog)
        self.round_label.setObjectName(u"round_label")

        self.round_layout.addWidget(self.round_label)

        self.round_combo = QComboBox(FeedbackStatusDialog)
        self.round_combo.setObjectName(u"round_combo")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.round_layout.addWidget(self.round_combo)

        self.round_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.round_layout.addItem(self.round_spacer)


        self.main_layout.addLayout(self.round_layout)

        self.summary_label = QLabel(FeedbackStatusDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.unit_table = QTableWidget(FeedbackStatusDialog)
        if (self.unit_table.columnCount() < 5):
            self.unit_table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.unit_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.unit_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.unit_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.unit_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.unit_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.unit_table.setObjectName(u"unit_table")
        self.unit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table.setAlternatingRowColors(True)
        self.unit_table.setSortingEnabled(True)

        self.main_layout.addWidget(self.unit_table)

        self.error_label = QLabel(FeedbackStatusDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.chase_button = QPushButton(FeedbackStatusDialog)
        self.chase_button.setObjectName(u"chase_button")

        self.buttons_layout.addWidget(self.chase_button)

        self.second_round_button = QPushButton(FeedbackStatusDialog)
        self.second_round_button.setObjectName(u"second_round_button")

        self.buttons_layout.addWidget(self.second_round_button)

        self.undo_button = QPushButton(FeedbackStatusDialog)
        self.undo_button.setObjectName(u"undo_button")

        self.buttons_layout.addWidget(self.undo_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.button_box = QDialogButtonBox(FeedbackStatusDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)


        self.retranslateUi(FeedbackStatusDialog)
    # setupUi

    def retranslateUi(self, FeedbackStatusDialog):
        FeedbackStatusDialog.setWindowTitle(QCoreApplication.translate("FeedbackStatusDialog", u"\u53cd\u9988\u60c5\u51b5", None))
        self.round_label.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u8f6e\u6b21\uff1a", None))
        ___qtablewidgetitem = self.unit_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u8d23\u4efb\u5355\u4f4d", None))
        ___qtablewidgetitem1 = self.unit_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u5e94\u53cd\u9988\u4e8b\u9879", None))
        ___qtablewidgetitem2 = self.unit_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u62a5\u56de\u65e5\u671f", None))
        ___qtablewidgetitem3 = self.unit_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u5df2\u66f4\u65b0", None))
        ___qtablewidgetitem4 = self.unit_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u60c5\u51b5", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("FeedbackStatusDialog", u"color: #b3261e;", None))
        self.chase_button.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u5199\u50ac\u62a5\u901a\u77e5\uff08Word\uff09\u2026", None))
        self.second_round_button.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u7ed9\u903e\u671f\u672a\u62a5\u7684\u5355\u4f4d\u518d\u53d1\u4e00\u8f6e\u2026", None))
        self.undo_button.setText(QCoreApplication.translate("FeedbackStatusDialog", u"\u64a4\u9500\u6700\u8fd1\u4e00\u6b21\u6536\u53d6\u2026", None))
#if QT_CONFIG(tooltip)
        self.undo_button.setToolTip(QCoreApplication.translate("FeedbackStatusDialog", u"\u628a\u6700\u8fd1\u4e00\u6b21\u6536\u53d6\u53cd\u9988\u8bb0\u5165\u7684\u5185\u5bb9\u6574\u4f53\u64a4\u9500\uff08\u5148\u81ea\u52a8\u5907\u4efd\uff09\uff1b\u4e4b\u540e\u529e\u516c\u5ba4\u53c8\u4fee\u6539\u8fc7\u7684\u95ee\u9898\u4e0d\u80fd\u64a4\u9500", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

