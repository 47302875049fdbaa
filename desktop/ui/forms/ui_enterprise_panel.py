# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'enterprise_panel.ui'
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
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_EnterprisePanel(object):
    def setupUi(self, EnterprisePanel):
        if not EnterprisePanel.objectName():
            EnterprisePanel.setObjectName(u"EnterprisePanel")
        EnterprisePanel.resize(1100, 700)
        self.panel_layout = QVBoxLayout(EnterprisePanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.search_edit = QLineEdit(EnterprisePanel)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)

        self.toolbar_layout.addWidget(self.search_edit)

        self.size_combo = QComboBox(EnterprisePanel)
        self.size_combo.setObjectName(u"size_combo")

        self.toolbar_layout.addWidget(self.size_combo)

        self.open_issues_check = QCheckBox(EnterprisePanel)
        self.open_issues_check.setObjectName(u"open_issues_check")

        self.toolbar_layout.addWidget(self.open_issues_check)

        self.count_label = QLabel(EnterprisePanel)
        self.count_label.setObjectName(u"count_label")

        self.toolbar_layout.addWidget(self.count_label)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.new_button = QPushButton(EnterprisePanel)
        self.new_button.setObjectName(u"new_button")

        self.toolbar_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(EnterprisePanel)
        self.edit_button.setObjectName(u"edit_button")

        self.toolbar_layout.addWidget(self.edit_button)

        self.demand_button = QPushButton(EnterprisePanel)
        self.demand_button.setObjectName(u"demand_button")

        self.toolbar_layout.addWidget(self.demand_button)


        self.panel_layout.addLayout(self.toolbar_layout)

        self.main_splitter = QSplitter(EnterprisePanel)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Orientation.Vertical)
        self.enterprise_table = QTableView(self.main_splitter)
        self.enterprise_table.setObjectName(u"enterprise_table")
        self.main_splitter.addWidget(self.enterprise_table)
        self.issues_widget = QWidget(self.main_splitter)
        self.issues_widget.setObjectName(u"issues_widget")
        self.issues_layout = QVBoxLayout(self.issues_widget)
        self.issues_layout.setObjectName(u"issues_layout")
        self.issues_layout.setContentsMargins(0, 0, 0, 0)
        self.issues_title_label = QLabel(self.issues_widget)
        self.issues_title_label.setObjectName(u"issues_title_label")

        self.issues_layout.addWidget(self.issues_title_label)

        self.issue_table = QTableView(self.issues_widget)
        self.issue_table.setObjectName(u"issue_table")

        self.issues_layout.addWidget(self.issue_table)

        self.main_splitter.addWidget(self.issues_widget)

        self.panel_layout.addWidget(self.main_splitter)


        self.retranslateUi(EnterprisePanel)
    # setupUi

    def retranslateUi(self, EnterprisePanel):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("EnterprisePanel", u"\u641c\u7d22\u4f01\u4e1a\u540d\u79f0\u3001\u4fe1\u7528\u4ee3\u7801\u3001\u884c\u4e1a\u3001\u5730\u5740\u3001\u5305\u8054\u5e72\u90e8\uff08\u652f\u6301\u62fc\u97f3\u9996\u5b57\u6bcd\uff09", None))
        self.open_issues_check.setText(QCoreApplication.translate("EnterprisePanel", u"\u4ec5\u6709\u672a\u529e\u7ed3\u8bc9\u6c42", None))
        self.count_label.setText("")
        self.new_button.setText(QCoreApplication.translate("EnterprisePanel", u"\u65b0\u589e\u4f01\u4e1a\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("EnterprisePanel", u"\u4fee\u6539\u2026", None))
        self.demand_button.setText(QCoreApplication.translate("EnterprisePanel", u"\u767b\u8bb0\u8bc9\u6c42\u2026", None))
        self.issues_title_label.setText(QCoreApplication.translate("EnterprisePanel", u"\u4f01\u4e1a\u8bc9\u6c42", None))
        pass
    # retranslateUi

