# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_DashboardPanel(object):
    def setupUi(self, DashboardPanel):
        if not DashboardPanel.objectName():
            DashboardPanel.setObjectName(u"DashboardPanel")
        DashboardPanel.resize(1366, 900)
        self.panel_layout = QVBoxLayout(DashboardPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.period_label = QLabel(DashboardPanel)
        self.period_label.setObjectName(u"period_label")

        self.toolbar_layout.addWidget(self.period_label)

        self.period_combo = QComboBox(DashboardPanel)
        self.period_combo.setObjectName(u"period_combo")

        self.toolbar_layout.addWidget(self.period_combo)

        self.start_date_edit = DateEdit(DashboardPanel)
        self.start_date_edit.setObjectName(u"start_date_edit")

        self.toolbar_layout.addWidget(self.start_date_edit)

        self.to_label = QLabel(DashboardPanel)
        self.to_label.setObjectName(u"to_label")

        self.toolbar_layout.addWidget(self.to_label)

        self.end_date_edit = DateEdit(DashboardPanel)
        self.end_date_edit.setObjectName(u"end_date_edit")

        self.toolbar_layout.addWidget(self.end_date_edit)

        self.scope_label = QLabel(DashboardPanel)
        self.scope_label.setObjectName(u"scope_label")

        self.toolbar_layout.addWidget(self.scope_label)

        self.scope_combo = QComboBox(DashboardPanel)
        self.scope_combo.setObjectName(u"scope_combo")

        self.toolbar_layout.addWidget(self.scope_combo)

        self.refresh_button = QPushButton(DashboardPanel)
        self.refresh_button.setObjectName(u"refresh_button")

        self.toolbar_layout.addWidget(self.refresh_button)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)


        self.panel_layout.addLayout(self.toolbar_layout)

        self.card_bar_layout = QHBoxLayout()
        self.card_bar_layout.setObjectName(u"card_bar_layout")
        self.card_label = QLabel(DashboardPanel)
        self.card_label.setObjectName(u"card_label")

        self.card_bar_layout.addWidget(self.card_label)

        self.card_leader_combo = QComboBox(DashboardPanel)
        self.card_leader_combo.setObjectName(u"card_leader_combo")

        self.card_bar_layout.addWidget(self.card_leader_combo)

        self.card_preview_button = QPushButton(DashboardPanel)
        self.card_preview_button.setObjectName(u"card_preview_button")

        self.card_bar_layout.addWidget(self.card_preview_button)

        self.card_pdf_button = QPushButton(DashboardPanel)
        self.card_pdf_button.setObjectName(u"card_pdf_button")

        self.card_bar_layout.addWidget(self.card_pdf_button)

        self.card_bar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.card_bar_layout.addItem(self.card_bar_spacer)


        self.panel_layout.addLayout(self.card_bar_layout)

        self.content_scroll = QScrollArea(DashboardPanel)
        self.content_scroll.setObjectName(u"content_scroll")
        self.content_scroll.setWidgetResizable(True)
        self.content_widget = QWidget()
        self.content_widget.setObjectName(u"content_widget")
        self.content_layout = QVBoxLayout(self.content_widget)
        self.content_layout.setObjectName(u"content_layout")
        self.heading_label = QLabel(self.content_widget)
        self.heading_label.setObjectName(u"heading_label")

        self.content_layout.addWidget(self.heading_label)

        self.headline_layout = QGridLayout()
        self.headline_layout.setObjectName(u"headline_layout")

        self.content_layout.addLayout(self.headline_layout)

        self.rates_layout = QHBoxLayout()
        self.rates_layout.setObjectName(u"rates_layout")

        self.content_layout.addLayout(self.rates_layout)

        self.middle_layout = QHBoxLayout()
        self.middle_layout.setObjectName(u"middle_layout")
        self.investment_group = QGroupBox(self.content_widget)
        self.investment_group.setObjectName(u"investment_group")
        self.investment_layout = QVBoxLayout(self.investment_group)
        self.investment_layout.setObjectName(u"investment_layout")
        self.investment_table = QTableView(self.investment_group)
        self.investment_table.setObjectName(u"investment_table")

        self.investment_layout.addWidget(self.investment_table)

        self.lights_layout = QHBoxLayout()
        self.lights_layout.setObjectName(u"lights_layout")

        self.investment_layout.addLayout(self.lights_layout)


        self.middle_layout.addWidget(self.investment_group)

        self.status_group = QGroupBox(self.content_widget)
        self.status_group.setObjectName(u"status_group")
        self.status_layout = QVBoxLayout(self.status_group)
        self.status_layout.setObjectName(u"status_layout")

        self.middle_layout.addWidget(self.status_group)

        self.level_group = QGroupBox(self.content_widget)
        self.level_group.setObjectName(u"level_group")
        self.level_layout = QVBoxLayout(self.level_group)
        self.level_layout.setObjectName(u"level_layout")

        self.middle_layout.addWidget(self.level_group)


        self.content_layout.addLayout(self.middle_layout)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.overdue_group = QGroupBox(self.content_widget)
        self.overdue_group.setObjectName(u"overdue_group")
        self.overdue_layout = QVBoxLayout(self.overdue_group)
        self.overdue_layout.setObjectName(u"overdue_layout")

        self.bottom_layout.addWidget(self.overdue_group)

        self.feedback_group = QGroupBox(self.content_widget)
        self.feedback_group.setObjectName(u"feedback_group")
        self.feedback_layout = QVBoxLayout(self.feedback_group)
        self.feedback_layout.setObjectName(u"feedback_layout")

        self.bottom_layout.addWidget(self.feedback_group)

        self.decisions_group = QGroupBox(self.content_widget)
        self.decisions_group.setObjectName(u"decisions_group")
        self.decisions_layout = QVBoxLayout(self.decisions_group)
        self.decisions_layout.setObjectName(u"decisions_layout")

        self.bottom_layout.addWidget(self.decisions_group)

        self.visits_group = QGroupBox(self.content_widget)
        self.visits_group.setObjectName(u"visits_group")
        self.visits_layout = QVBoxLayout(self.visits_group)
        self.visits_layout.setObjectName(u"visits_layout")

        self.bottom_layout.addWidget(self.visits_group)


        self.content_layout.addLayout(self.bottom_layout)

        self.content_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.content_layout.addItem(self.content_spacer)

        self.content_scroll.setWidget(self.content_widget)

        self.panel_layout.addWidget(self.content_scroll)


        self.retranslateUi(DashboardPanel)
    # setupUi

    def retranslateUi(self, DashboardPanel):
        self.period_label.setText(QCoreApplication.translate("DashboardPanel", u"\u7edf\u8ba1\u671f\u95f4", None))
        self.to_label.setText(QCoreApplication.translate("DashboardPanel", u"\u81f3", None))
        self.scope_label.setText(QCoreApplication.translate("DashboardPanel", u"\u8303\u56f4", None))
        self.refresh_button.setText(QCoreApplication.translate("DashboardPanel", u"\u5237\u65b0", None))
        self.card_label.setText(QCoreApplication.translate("DashboardPanel", u"\u5305\u4fdd\u5361", None))
        self.card_preview_button.setText(QCoreApplication.translate("DashboardPanel", u"\u6253\u5370\u9884\u89c8\u2026", None))
        self.card_pdf_button.setText(QCoreApplication.translate("DashboardPanel", u"\u5bfc\u51faPDF\u2026", None))
        self.heading_label.setStyleSheet(QCoreApplication.translate("DashboardPanel", u"font-size: 16px; font-weight: bold;", None))
        self.heading_label.setText("")
        self.investment_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u6295\u8d44\u5b8c\u6210\u4e0e\u5e8f\u65f6\u8fdb\u5ea6\uff08\u6309\u7c7b\u522b\uff09", None))
        self.status_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u95ee\u9898\u6309\u72b6\u6001", None))
        self.level_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u95ee\u9898\u6309\u5c42\u7ea7", None))
        self.overdue_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u8d85\u671f\u95ee\u9898\u6309\u8d23\u4efb\u5355\u4f4d", None))
        self.feedback_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u53cd\u9988\u8868\u66f4\u65b0\u4e8b\u9879\uff08\u6309\u8d23\u4efb\u5355\u4f4d\uff0c\u6df1\u8272\u4e3a\u5df2\u66f4\u65b0\uff09", None))
        self.decisions_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u8bae\u5b9a\u4e8b\u9879\u529e\u7ed3\uff08\u6309\u4f1a\u8bae\uff0c\u6df1\u8272\u4e3a\u5df2\u529e\u7ed3\uff09", None))
        self.visits_group.setTitle(QCoreApplication.translate("DashboardPanel", u"\u5305\u4fdd\u6d3b\u52a8\uff08\u6309\u9886\u5bfc\uff09", None))
        pass
    # retranslateUi

