# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'investment_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_InvestmentPanel(object):
    def setupUi(self, InvestmentPanel):
        if not InvestmentPanel.objectName():
            InvestmentPanel.setObjectName(u"InvestmentPanel")
        InvestmentPanel.resize(1100, 700)
        self.panel_layout = QVBoxLayout(InvestmentPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.year_label = QLabel(InvestmentPanel)
        self.year_label.setObjectName(u"year_label")

        self.toolbar_layout.addWidget(self.year_label)

        self.year_spin = QSpinBox(InvestmentPanel)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.toolbar_layout.addWidget(self.year_spin)

        self.month_label = QLabel(InvestmentPanel)
        self.month_label.setObjectName(u"month_label")

        self.toolbar_layout.addWidget(self.month_label)

        self.month_combo = QComboBox(InvestmentPanel)
        self.month_combo.setObjectName(u"month_combo")

        self.toolbar_layout.addWidget(self.month_combo)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.revert_button = QPushButton(InvestmentPanel)
        self.revert_button.setObjectName(u"revert_button")

        self.toolbar_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(InvestmentPanel)
        self.save_button.setObjectName(u"save_button")

        self.toolbar_layout.addWidget(self.save_button)


        self.panel_layout.addLayout(self.toolbar_layout)

        self.summary_label = QLabel(InvestmentPanel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.panel_layout.addWidget(self.summary_label)

        self.error_label = QLabel(InvestmentPanel)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.panel_layout.addWidget(self.error_label)

        self.pages_tabs = QTabWidget(InvestmentPanel)
        self.pages_tabs.setObjectName(u"pages_tabs")
        self.grid_page = QWidget()
        self.grid_page.setObjectName(u"grid_page")
        self.grid_layout = QVBoxLayout(self.grid_page)
        self.grid_layout.setObjectName(u"grid_layout")
        self.grid_hint_label = QLabel(self.grid_page)
        self.grid_hint_label.setObjectName(u"grid_hint_label")
        self.grid_hint_label.setWordWrap(True)

        self.grid_layout.addWidget(self.grid_hint_label)

        self.grid_table = QTableView(self.grid_page)
        self.grid_table.setObjectName(u"grid_table")

        self.grid_layout.addWidget(self.grid_table)

        self.pages_tabs.addTab(self.grid_page, "")
        self.rollup_page = QWidget()
        self.rollup_page.setObjectName(u"rollup_page")
        self.rollup_layout = QVBoxLayout(self.rollup_page)
        self.rollup_layout.setObjectName(u"rollup_layout")
        self.rollup_bar_layout = QHBoxLayout()
        self.rollup_bar_layout.setObjectName(u"rollup_bar_layout")
        self.grouping_combo = QComboBox(self.rollup_page)
        self.grouping_combo.setObjectName(u"grouping_combo")

        self.rollup_bar_layout.addWidget(self.grouping_combo)

        self.rollup_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rollup_bar_layout.addItem(self.rollup_spacer)


        self.rollup_layout.addLayout(self.rollup_bar_layout)

        self.rollup_table = QTableView(self.rollup_page)
        self.rollup_table.setObjectName(u"rollup_table")

        self.rollup_layout.addWidget(self.rollup_table)

        self.pages_tabs.addTab(self.rollup_page, "")
        self.milestone_page = QWidget()
        self.milestone_page.setObjectName(u"milestone_page")
        self.milestone_layout = QVBoxLayout(self.milestone_page)
        self.milestone_layout.setObjectName(u"milestone_layout")
        self.milestone_bar_layout = QHBoxLayout()
        self.milestone_bar_layout.setObjectName(u"milestone_bar_layout")
        self.overdue_only_check = QCheckBox(self.milestone_page)
        self.overdue_only_check.setObjectName(u"overdue_only_check")
        self.overdue_only_check.setChecked(True)

        self.milestone_bar_layout.addWidget(self.overdue_only_check)

        self.milestone_summary_label = QLabel(self.milestone_page)
        self.milestone_summary_label.setObjectName(u"milestone_summary_label")

        self.milestone_bar_layout.addWidget(self.milestone_summary_label)

        self.milestone_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.milestone_bar_layout.addItem(self.milestone_spacer)

        self.milestone_done_button = QPushButton(self.milestone_page)
        self.milestone_done_button.setObjectName(u"milestone_done_button")

        self.milestone_bar_layout.addWidget(self.milestone_done_button)


        self.milestone_layout.addLayout(self.milestone_bar_layout)

        self.milestone_table = QTableView(self.milestone_page)
        self.milestone_table.setObjectName(u"milestone_table")

        self.milestone_layout.addWidget(self.milestone_table)

        self.pages_tabs.addTab(self.milestone_page, "")
        self.starts_page = QWidget()
        self.starts_page.setObjectName(u"starts_page")
        self.starts_layout = QVBoxLayout(self.starts_page)
        self.starts_layout.setObjectName(u"starts_layout")
        self.starts_label = QLabel(self.starts_page)
        self.starts_label.setObjectName(u"starts_label")

        self.starts_layout.addWidget(self.starts_label)

        self.starts_table = QTableView(self.starts_page)
        self.starts_table.setObjectName(u"starts_table")

        self.starts_layout.addWidget(self.starts_table)

        self.pages_tabs.addTab(self.starts_page, "")

        self.panel_layout.addWidget(self.pages_tabs)


        self.retranslateUi(InvestmentPanel)
    # setupUi

    def retranslateUi(self, InvestmentPanel):
        self.year_label.setText(QCoreApplication.translate("InvestmentPanel", u"\u5e74\u5ea6", None))
        self.year_spin.setSuffix(QCoreApplication.translate("InvestmentPanel", u"\u5e74", None))
        self.month_label.setText(QCoreApplication.translate("InvestmentPanel", u"\u6708\u4efd", None))
        self.revert_button.setText(QCoreApplication.translate("InvestmentPanel", u"\u653e\u5f03\u4fee\u6539", None))
        self.save_button.setText(QCoreApplication.translate("InvestmentPanel", u"\u4fdd\u5b58\u672c\u6708\u6570\u636e", None))
        self.summary_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("InvestmentPanel", u"color: #b3261e;", None))
        self.error_label.setText("")
        self.grid_hint_label.setText(QCoreApplication.translate("InvestmentPanel", u"\u53cc\u51fb\u201c\u76ee\u6807\u201d\u201c\u5b8c\u6210\u201d\u5355\u5143\u683c\u8f93\u5165\u91d1\u989d\uff08\u4e07\u5143\uff09\uff0c\u5e74\u5ea6\u7d2f\u8ba1\u548c\u5e8f\u65f6\u8fdb\u5ea6\u968f\u5373\u66f4\u65b0\uff1b\u70b9\u51fb\u201c\u4fdd\u5b58\u672c\u6708\u6570\u636e\u201d\u4e00\u6b21\u5199\u5165\u3002", None))
        self.pages_tabs.setTabText(self.pages_tabs.indexOf(self.grid_page), QCoreApplication.translate("InvestmentPanel", u"\u6708\u5ea6\u586b\u62a5", None))
        self.pages_tabs.setTabText(self.pages_tabs.indexOf(self.rollup_page), QCoreApplication.translate("InvestmentPanel", u"\u5206\u7ec4\u6c47\u603b", None))
        self.overdue_only_check.setText(QCoreApplication.translate("InvestmentPanel", u"\u53ea\u770b\u8d85\u671f\u672a\u5b8c\u6210\u8282\u70b9", None))
        self.milestone_summary_label.setText("")
        self.milestone_done_button.setText(QCoreApplication.translate("InvestmentPanel", u"\u767b\u8bb0\u5b9e\u9645\u5b8c\u6210\u2026", None))
        self.pages_tabs.setTabText(self.pages_tabs.indexOf(self.milestone_page), QCoreApplication.translate("InvestmentPanel", u"\u5f62\u8c61\u8fdb\u5ea6\u8282\u70b9", None))
        self.starts_label.setText("")
        self.pages_tabs.setTabText(self.pages_tabs.indexOf(self.starts_page), QCoreApplication.translate("InvestmentPanel", u"\u5f00\u590d\u5de5", None))
        pass
    # retranslateUi

