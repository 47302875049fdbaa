# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project_page.ui'
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
    QDialog, QDialogButtonBox, QDoubleSpinBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_ProjectPage(object):
    def setupUi(self, ProjectPage):
        if not ProjectPage.objectName():
            ProjectPage.setObjectName(u"ProjectPage")
        ProjectPage.resize(960, 640)
        self.main_layout = QVBoxLayout(ProjectPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(ProjectPage)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)

        self.main_layout.addWidget(self.title_label)

        self.page_tabs = QTabWidget(ProjectPage)
        self.page_tabs.setObjectName(u"page_tabs")
        self.basic_tab = QWidget()
        self.basic_tab.setObjectName(u"basic_tab")
        self.basic_tab_layout = QVBoxLayout(self.basic_tab)
        self.basic_tab_layout.setObjectName(u"basic_tab_layout")
        self.fields_layout = QGridLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.code_label = QLabel(self.basic_tab)
        self.code_label.setObjectName(u"code_label")

        self.fields_layout.addWidget(self.code_label, 0, 0, 1, 1)

        self.code_edit = QLineEdit(self.basic_tab)
        self.code_edit.setObjectName(u"code_edit")

        self.fields_layout.addWidget(self.code_edit, 0, 1, 1, 1)

        self.name_label = QLabel(self.basic_tab)
        self.name_label.setObjectName(u"name_label")

        self.fields_layout.addWidget(self.name_label, 1, 0, 1, 1)

        self.name_edit = QLineEdit(self.basic_tab)
        self.name_edit.setObjectName(u"name_edit")

        self.fields_layout.addWidget(self.name_edit, 1, 1, 1, 1)

        self.list_year_label = QLabel(self.basic_tab)
        self.list_year_label.setObjectName(u"list_year_label")

        self.fields_layout.addWidget(self.list_year_label, 2, 0, 1, 1)

        self.list_year_spin = QSpinBox(self.basic_tab)
        self.list_year_spin.setObjectName(u"list_year_spin")
        self.list_year_spin.setMinimum(2000)
        self.list_year_spin.setMaximum(2100)

        self.fields_layout.addWidget(self.list_year_spin, 2, 1, 1, 1)

        self.category_label = QLabel(self.basic_tab)
        self.category_label.setObjectName(u"category_label")

        self.fields_layout.addWidget(self.category_label, 3, 0, 1, 1)

        self.category_combo = QComboBox(self.basic_tab)
        self.category_combo.setObjectName(u"category_combo")

        self.fields_layout.addWidget(self.category_combo, 3, 1, 1, 1)

        self.task_force_label = QLabel(self.basic_tab)
        self.task_force_label.setObjectName(u"task_force_label")

        self.fields_layout.addWidget(self.task_force_label, 4, 0, 1, 1)

        self.task_force_combo = QComboBox(self.basic_tab)
        self.task_force_combo.setObjectName(u"task_force_combo")

        self.fields_layout.addWidget(self.task_force_combo, 4, 1, 1, 1)

        self.lead_unit_label = QLabel(self.basic_tab)
        self.lead_unit_label.setObjectName(u"lead_unit_label")

        self.fields_layout.addWidget(self.lead_unit_label, 5, 0, 1, 1)

        self.lead_unit_combo = QComboBox(self.basic_tab)
        self.lead_unit_combo.setObjectName(u"lead_unit_combo")
        self.lead_unit_combo.setEditable(True)

        self.fields_layout.addWidget(self.lead_unit_combo, 5, 1, 1, 1)

        self.owner_label = QLabel(self.basic_tab)
        self.owner_label.setObjectName(u"owner_label")

        self.fields_layout.addWidget(self.owner_label, 6, 0, 1, 1)

        self.owner_edit = QLineEdit(self.basic_tab)
        self.owner_edit.setObjectName(u"owner_edit")

        self.fields_layout.addWidget(self.owner_edit, 6, 1, 1, 1)

        self.location_label = QLabel(self.basic_tab)
        self.location_label.setObjectName(u"location_label")

        self.fields_layout.addWidget(self.location_label, 0, 2, 1, 1)

        self.location_edit = QLineEdit(self.basic_tab)
        self.location_edit.setObjectName(u"location_edit")

        self.fields_layout.addWidget(self.location_edit, 0, 3, 1, 1)

        self.stage_label = QLabel(self.basic_tab)
        self.stage_label.setObjectName(u"stage_label")

        self.fields_layout.addWidget(self.stage_label, 1, 2, 1, 1)

        self.stage_combo = QComboBox(self.basic_tab)
        self.stage_combo.setObjectName(u"stage_combo")

        self.fields_layout.addWidget(self.stage_combo, 1, 3, 1, 1)

        self.total_investment_label = QLabel(self.basic_tab)
        self.total_investment_label.setObjectName(u"total_investment_label")

        self.fields_layout.addWidget(self.total_investment_label, 2, 2, 1, 1)

        self.total_investment_spin = QDoubleSpinBox(self.basic_tab)
        self.total_investment_spin.setObjectName(u"total_investment_spin")
        self.total_investment_spin.setDecimals(2)
        self.total_investment_spin.setMaximum(99999999.989999994635582)

        self.fields_layout.addWidget(self.total_investment_spin, 2, 3, 1, 1)

        self.annual_plan_label = QLabel(self.basic_tab)
        self.annual_plan_label.setObjectName(u"annual_plan_label")

        self.fields_layout.addWidget(self.annual_plan_label, 3, 2, 1, 1)

        self.annual_plan_spin = QDoubleSpinBox(self.basic_tab)
        self.annual_plan_spin.setObjectName(u"annual_plan_spin")
        self.annual_plan_spin.setDecimals(2)
        self.annual_plan_spin.setMaximum(99999999.989999994635582)

        self.fields_layout.addWidget(self.annual_plan_spin, 3, 3, 1, 1)

        self.planned_start_label = QLabel(self.basic_tab)
        self.planned_start_label.setObjectName(u"planned_start_label")

        self.fields_layout.addWidget(self.planned_start_label, 4, 2, 1, 1)

        self.planned_start_edit = DateEdit(self.basic_tab)
        self.planned_start_edit.setObjectName(u"planned_start_edit")

        self.fields_layout.addWidget(self.planned_start_edit, 4, 3, 1, 1)

        self.planned_end_label = QLabel(self.basic_tab)
        self.planned_end_label.setObjectName(u"planned_end_label")

        self.fields_layout.addWidget(self.planned_end_label, 5, 2, 1, 1)

        self.planned_end_edit = DateEdit(self.basic_tab)
        self.planned_end_edit.setObjectName(u"planned_end_edit")

        self.fields_layout.addWidget(self.planned_end_edit, 5, 3, 1, 1)

        self.started_on_label = QLabel(self.basic_tab)
        self.started_on_label.setObjectName(u"started_on_label")

        self.fields_layout.addWidget(self.started_on_label, 6, 2, 1, 1)

        self.started_on_edit = DateEdit(self.basic_tab)
        self.started_on_edit.setObjectName(u"started_on_edit")

        self.fields_layout.addWidget(self.started_on_edit, 6, 3, 1, 1)


        self.basic_tab_layout.addLayout(self.fields_layout)

        self.content_label = QLabel(self.basic_tab)
        self.content_label.setObjectName(u"content_label")

        self.basic_tab_layout.addWidget(self.content_label)

        self.content_edit = QPlainTextEdit(self.basic_tab)
        self.content_edit.setObjectName(u"content_edit")
        self.content_edit.setTabChangesFocus(True)

        self.basic_tab_layout.addWidget(self.content_edit)

        self.page_tabs.addTab(self.basic_tab, "")
        self.leaders_tab = QWidget()
        self.leaders_tab.setObjectName(u"leaders_tab")
        self.leaders_tab_layout = QVBoxLayout(self.leaders_tab)
        self.leaders_tab_layout.setObjectName(u"leaders_tab_layout")
        self.assignments_caption_label = QLabel(self.leaders_tab)
        self.assignments_caption_label.setObjectName(u"assignments_caption_label")

        self.leaders_tab_layout.addWidget(self.assignments_caption_label)

        self.assignment_table_view = QTableView(self.leaders_tab)
        self.assignment_table_view.setObjectName(u"assignment_table_view")
        self.assignment_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assignment_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assignment_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assignment_table_view.setWordWrap(False)

        self.leaders_tab_layout.addWidget(self.assignment_table_view)

        self.assignment_buttons_layout = QHBoxLayout()
        self.assignment_buttons_layout.setObjectName(u"assignment_buttons_layout")
        self.add_leader_button = QPushButton(self.leaders_tab)
        self.add_leader_button.setObjectName(u"add_leader_button")

        self.assignment_buttons_layout.addWidget(self.add_leader_button)

        self.end_assignment_button = QPushButton(self.leaders_tab)
        self.end_assignment_button.setObjectName(u"end_assignment_button")

        self.assignment_buttons_layout.addWidget(self.end_assignment_button)

        self.assignment_buttons_layout_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assignment_buttons_layout.addItem(self.assignment_buttons_layout_spacer)


        self.leaders_tab_layout.addLayout(self.assignment_buttons_layout)

        self.units_caption_label = QLabel(self.leaders_tab)
        self.units_caption_label.setObjectName(u"units_caption_label")

        self.leaders_tab_layout.addWidget(self.units_caption_label)

        self.unit_table_view = QTableView(self.leaders_tab)
        self.unit_table_view.setObjectName(u"unit_table_view")
        self.unit_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unit_table_view.setWordWrap(False)

        self.leaders_tab_layout.addWidget(self.unit_table_view)

        self.page_tabs.addTab(self.leaders_tab, "")
        self.milestones_tab = QWidget()
        self.milestones_tab.setObjectName(u"milestones_tab")
        self.milestones_tab_layout = QVBoxLayout(self.milestones_tab)
        self.milestones_tab_layout.setObjectName(u"milestones_tab_layout")
        self.milestones_hint_label = QLabel(self.milestones_tab)
        self.milestones_hint_label.setObjectName(u"milestones_hint_label")
        self.milestones_hint_label.setWordWrap(True)

        self.milestones_tab_layout.addWidget(self.milestones_hint_label)

        self.milestone_table_view = QTableView(self.milestones_tab)
        self.milestone_table_view.setObjectName(u"milestone_table_view")
        self.milestone_table_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.milestone_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestone_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestone_table_view.setWordWrap(False)

        self.milestones_tab_layout.addWidget(self.milestone_table_view)

        self.milestone_buttons_layout = QHBoxLayout()
        self.milestone_buttons_layout.setObjectName(u"milestone_buttons_layout")
        self.add_milestone_button = QPushButton(self.milestones_tab)
        self.add_milestone_button.setObjectName(u"add_milestone_button")

        self.milestone_buttons_layout.addWidget(self.add_milestone_button)

        self.remove_milestone_button = QPushButton(self.milestones_tab)
        self.remove_milestone_button.setObjectName(u"remove_milestone_button")

        self.milestone_buttons_layout.addWidget(self.remove_milestone_button)

        self.milestone_buttons_layout_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.milestone_buttons_layout.addItem(self.milestone_buttons_layout_spacer)


        self.milestones_tab_layout.addLayout(self.milestone_buttons_layout)

        self.page_tabs.addTab(self.milestones_tab, "")
        self.issues_tab = QWidget()
        self.issues_tab.setObjectName(u"issues_tab")
        self.issues_tab_layout = QVBoxLayout(self.issues_tab)
        self.issues_tab_layout.setObjectName(u"issues_tab_layout")
        self.project_issue_table_view = QTableView(self.issues_tab)
        self.project_issue_table_view.setObjectName(u"project_issue_table_view")
        self.project_issue_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.project_issue_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.project_issue_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.project_issue_table_view.setWordWrap(False)

        self.issues_tab_layout.addWidget(self.project_issue_table_view)

        self.page_tabs.addTab(self.issues_tab, "")
        self.visits_tab = QWidget()
        self.visits_tab.setObjectName(u"visits_tab")
        self.visits_tab_layout = QVBoxLayout(self.visits_tab)
        self.visits_tab_layout.setObjectName(u"visits_tab_layout")
        self.visit_table_view = QTableView(self.visits_tab)
        self.visit_table_view.setObjectName(u"visit_table_view")
        self.visit_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visit_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visit_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visit_table_view.setWordWrap(False)

        self.visits_tab_layout.addWidget(self.visit_table_view)

        self.page_tabs.addTab(self.visits_tab, "")
        self.investment_tab = QWidget()
        self.investment_tab.setObjectName(u"investment_tab")
        self.investment_tab_layout = QVBoxLayout(self.investment_tab)
        self.investment_tab_layout.setObjectName(u"investment_tab_layout")
        self.investment_summary_label = QLabel(self.investment_tab)
        self.investment_summary_label.setObjectName(u"investment_summary_label")
        self.investment_summary_label.setWordWrap(True)
        self.investment_summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.investment_tab_layout.addWidget(self.investment_summary_label)

        self.investment_table_view = QTableView(self.investment_tab)
        self.investment_table_view.setObjectName(u"investment_table_view")
        self.investment_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.investment_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.investment_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.investment_table_view.setWordWrap(False)

        self.investment_tab_layout.addWidget(self.investment_table_view)

        self.page_tabs.addTab(self.investment_tab, "")

        self.main_layout.addWidget(self.page_tabs)

        self.error_label = QLabel(ProjectPage)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ProjectPage)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProjectPage)

        self.page_tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, ProjectPage):
        ProjectPage.setWindowTitle(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u4fe1\u606f", None))
        self.code_label.setText(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u7f16\u53f7\uff1a", None))
        self.name_label.setText(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u540d\u79f0\uff1a", None))
        self.list_year_label.setText(QCoreApplication.translate("ProjectPage", u"\u5e74\u5ea6\uff1a", None))
        self.category_label.setText(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u7c7b\u522b\uff1a", None))
        self.task_force_label.setText(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u4e13\u73ed\uff1a", None))
        self.lead_unit_label.setText(QCoreApplication.translate("ProjectPage", u"\u7275\u5934\u8d23\u4efb\u5355\u4f4d\uff1a", None))
        self.owner_label.setText(QCoreApplication.translate("ProjectPage", u"\u5efa\u8bbe\u5355\u4f4d\uff1a", None))
        self.location_label.setText(QCoreApplication.translate("ProjectPage", u"\u6240\u5728\u8857\u4e61\uff1a", None))
        self.stage_label.setText(QCoreApplication.translate("ProjectPage", u"\u9879\u76ee\u9636\u6bb5\uff1a", None))
        self.total_investment_label.setText(QCoreApplication.translate("ProjectPage", u"\u603b\u6295\u8d44\uff1a", None))
        self.total_investment_spin.setSuffix(QCoreApplication.translate("ProjectPage", u" \u4e07\u5143", None))
        self.annual_plan_label.setText(QCoreApplication.translate("ProjectPage", u"\u5e74\u5ea6\u8ba1\u5212\u6295\u8d44\uff1a", None))
        self.annual_plan_spin.setSuffix(QCoreApplication.translate("ProjectPage", u" \u4e07\u5143", None))
        self.planned_start_label.setText(QCoreApplication.translate("ProjectPage", u"\u8ba1\u5212\u5f00\u5de5\uff1a", None))
        self.planned_start_edit.setSpecialValueText(QCoreApplication.translate("ProjectPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.planned_start_edit.setToolTip(QCoreApplication.translate("ProjectPage", u"\u53ef\u7559\u7a7a\uff08\u663e\u793a\u201c\u672a\u586b\u201d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.planned_end_label.setText(QCoreApplication.translate("ProjectPage", u"\u8ba1\u5212\u7ae3\u5de5\uff1a", None))
        self.planned_end_edit.setSpecialValueText(QCoreApplication.translate("ProjectPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.planned_end_edit.setToolTip(QCoreApplication.translate("ProjectPage", u"\u53ef\u7559\u7a7a\uff08\u663e\u793a\u201c\u672a\u586b\u201d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.started_on_label.setText(QCoreApplication.translate("ProjectPage", u"\u5b9e\u9645\u5f00\u590d\u5de5\uff1a", None))
        self.started_on_edit.setSpecialValueText(QCoreApplication.translate("ProjectPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.started_on_edit.setToolTip(QCoreApplication.translate("ProjectPage", u"\u53ef\u7559\u7a7a\uff08\u663e\u793a\u201c\u672a\u586b\u201d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.content_label.setText(QCoreApplication.translate("ProjectPage", u"\u5efa\u8bbe\u5185\u5bb9\uff1a", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.basic_tab), QCoreApplication.translate("ProjectPage", u"\u57fa\u672c\u4fe1\u606f", None))
        self.assignments_caption_label.setText(QCoreApplication.translate("ProjectPage", u"\u5305\u4fdd\u9886\u5bfc\uff08\u542b\u5386\u53f2\u8c03\u6574\u8bb0\u5f55\uff1b\u589e\u52a0\u3001\u7ed3\u675f\u5305\u4fdd\u5373\u65f6\u4fdd\u5b58\uff0c\u4e0d\u9700\u518d\u70b9\u201c\u4fdd\u5b58\u201d\uff09", None))
        self.add_leader_button.setText(QCoreApplication.translate("ProjectPage", u"\u589e\u52a0\u5305\u4fdd\u9886\u5bfc\u2026", None))
        self.end_assignment_button.setText(QCoreApplication.translate("ProjectPage", u"\u7ed3\u675f\u5305\u4fdd\u2026", None))
        self.units_caption_label.setText(QCoreApplication.translate("ProjectPage", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.leaders_tab), QCoreApplication.translate("ProjectPage", u"\u5305\u4fdd\u9886\u5bfc\u4e0e\u8d23\u4efb\u5355\u4f4d", None))
        self.milestones_hint_label.setText(QCoreApplication.translate("ProjectPage", u"\u5f62\u8c61\u8fdb\u5ea6\u8282\u70b9\uff1a\u53cc\u51fb\u5355\u5143\u683c\u4fee\u6539\uff0c\u65e5\u671f\u683c\u5f0f 2026-06-30\uff0c\u7559\u7a7a\u8868\u793a\u672a\u586b\u3002\u4fdd\u5b58\u65f6\u4e0e\u57fa\u672c\u4fe1\u606f\u4e00\u5e76\u4fdd\u5b58\u3002", None))
        self.add_milestone_button.setText(QCoreApplication.translate("ProjectPage", u"\u6dfb\u52a0\u8282\u70b9", None))
        self.remove_milestone_button.setText(QCoreApplication.translate("ProjectPage", u"\u5220\u9664\u8282\u70b9", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.milestones_tab), QCoreApplication.translate("ProjectPage", u"\u5f62\u8c61\u8fdb\u5ea6\u8282\u70b9", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.issues_tab), QCoreApplication.translate("ProjectPage", u"\u95ee\u9898", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.visits_tab), QCoreApplication.translate("ProjectPage", u"\u8d70\u8bbf", None))
        self.page_tabs.setTabText(self.page_tabs.indexOf(self.investment_tab), QCoreApplication.translate("ProjectPage", u"\u6295\u8d44\u8fdb\u5ea6", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("ProjectPage", u"color: #b3261e;", None))
    # retranslateUi

