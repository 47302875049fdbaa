# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visits_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_VisitsPanel(object):
    def setupUi(self, VisitsPanel):
        if not VisitsPanel.objectName():
            VisitsPanel.setObjectName(u"VisitsPanel")
        VisitsPanel.resize(1100, 700)
        self.panel_layout = QVBoxLayout(VisitsPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.year_combo = QComboBox(VisitsPanel)
        self.year_combo.setObjectName(u"year_combo")

        self.toolbar_layout.addWidget(self.year_combo)

        self.leader_combo = QComboBox(VisitsPanel)
        self.leader_combo.setObjectName(u"leader_combo")

        self.toolbar_layout.addWidget(self.leader_combo)

        self.search_edit = QLineEdit(VisitsPanel)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.toolbar_layout.addWidget(self.search_edit)

        self.count_label = QLabel(VisitsPanel)
        self.count_label.setObjectName(u"count_label")

        self.toolbar_layout.addWidget(self.count_label)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.new_button = QPushButton(VisitsPanel)
        self.new_button.setObjectName(u"new_button")

        self.toolbar_layout.addWidget(self.new_button)

        self.to_issue_button = QPushButton(VisitsPanel)
        self.to_issue_button.setObjectName(u"to_issue_button")

        self.toolbar_layout.addWidget(self.to_issue_button)


        self.panel_layout.addLayout(self.toolbar_layout)

        self.main_splitter = QSplitter(VisitsPanel)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.visit_table = QTableView(self.main_splitter)
        self.visit_table.setObjectName(u"visit_table")
        self.main_splitter.addWidget(self.visit_table)
        self.detail_widget = QWidget(self.main_splitter)
        self.detail_widget.setObjectName(u"detail_widget")
        self.detail_layout = QVBoxLayout(self.detail_widget)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_label = QLabel(self.detail_widget)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.detail_layout.addWidget(self.detail_label)

        self.issues_title_label = QLabel(self.detail_widget)
        self.issues_title_label.setObjectName(u"issues_title_label")

        self.detail_layout.addWidget(self.issues_title_label)

        self.issue_table = QTableView(self.detail_widget)
        self.issue_table.setObjectName(u"issue_table")

        self.detail_layout.addWidget(self.issue_table)

        self.photos_title_label = QLabel(self.detail_widget)
        self.photos_title_label.setObjectName(u"photos_title_label")

        self.detail_layout.addWidget(self.photos_title_label)

        self.photo_list = QListWidget(self.detail_widget)
        self.photo_list.setObjectName(u"photo_list")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setMaximumHeight(150)

        self.detail_layout.addWidget(self.photo_list)

        self.main_splitter.addWidget(self.detail_widget)

        self.panel_layout.addWidget(self.main_splitter)


        self.retranslateUi(VisitsPanel)
    # setupUi

    def retranslateUi(self, VisitsPanel):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("VisitsPanel", u"\u641c\u7d22\u5bf9\u8c61\u3001\u5185\u5bb9\uff08\u652f\u6301\u62fc\u97f3\u9996\u5b57\u6bcd\uff09", None))
        self.count_label.setText("")
        self.new_button.setText(QCoreApplication.translate("VisitsPanel", u"\u767b\u8bb0\u8d70\u8bbf\u2026", None))
        self.to_issue_button.setText(QCoreApplication.translate("VisitsPanel", u"\u767b\u8bb0\u53d1\u73b0\u7684\u95ee\u9898\u2026", None))
        self.detail_label.setText(QCoreApplication.translate("VisitsPanel", u"\u9009\u62e9\u4e00\u6b21\u8d70\u8bbf\u67e5\u770b\u8be6\u60c5", None))
        self.issues_title_label.setText(QCoreApplication.translate("VisitsPanel", u"\u53d1\u73b0\u7684\u95ee\u9898", None))
        self.photos_title_label.setText(QCoreApplication.translate("VisitsPanel", u"\u73b0\u573a\u7167\u7247", None))
        pass
    # retranslateUi

