# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meetings_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QTableView, QToolButton,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.fitting import ElidedLabel
from desktop.ui.widgets.minutes_edit import MinutesEdit

class Ui_MeetingsPanel(object):
    def setupUi(self, MeetingsPanel):
        if not MeetingsPanel.objectName():
            MeetingsPanel.setObjectName(u"MeetingsPanel")
        MeetingsPanel.resize(1200, 700)
        self.panel_layout = QVBoxLayout(MeetingsPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.toolbar_layout.setContentsMargins(0, 0, 0, 0)
        self.new_meeting_button = QPushButton(MeetingsPanel)
        self.new_meeting_button.setObjectName(u"new_meeting_button")

        self.toolbar_layout.addWidget(self.new_meeting_button)

        self.edit_meeting_button = QPushButton(MeetingsPanel)
        self.edit_meeting_button.setObjectName(u"edit_meeting_button")

        self.toolbar_layout.addWidget(self.edit_meeting_button)

        self.delete_meeting_button = QPushButton(MeetingsPanel)
        self.delete_meeting_button.setObjectName(u"delete_meeting_button")

        self.toolbar_layout.addWidget(self.delete_meeting_button)

        self.spacer_1 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.spacer_1)

        self.masthead_check = QCheckBox(MeetingsPanel)
        self.masthead_check.setObjectName(u"masthead_check")
        self.masthead_check.setChecked(True)

        self.toolbar_layout.addWidget(self.masthead_check)

        self.table_check = QCheckBox(MeetingsPanel)
        self.table_check.setObjectName(u"table_check")
        self.table_check.setChecked(True)

        self.toolbar_layout.addWidget(self.table_check)

        self.print_preview_button = QPushButton(MeetingsPanel)
        self.print_preview_button.setObjectName(u"print_preview_button")

        self.toolbar_layout.addWidget(self.print_preview_button)

        self.export_pdf_button = QPushButton(MeetingsPanel)
        self.export_pdf_button.setObjectName(u"export_pdf_button")

        self.toolbar_layout.addWidget(self.export_pdf_button)

        self.export_word_button = QPushButton(MeetingsPanel)
        self.export_word_button.setObjectName(u"export_word_button")

        self.toolbar_layout.addWidget(self.export_word_button)


        self.panel_layout.addLayout(self.toolbar_layout)

        self.summary_label = ElidedLabel(MeetingsPanel)
        self.summary_label.setObjectName(u"summary_label")

        self.panel_layout.addWidget(self.summary_label)

        self.main_splitter = QSplitter(MeetingsPanel)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.meeting_view = QTableView(self.main_splitter)
        self.meeting_view.setObjectName(u"meeting_view")
        self.meeting_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meeting_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.main_splitter.addWidget(self.meeting_view)
        self.detail_widget = QWidget(self.main_splitter)
        self.detail_widget.setObjectName(u"detail_widget")
        self.detail_layout = QVBoxLayout(self.detail_widget)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel(self.detail_widget)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.TextFormat.RichText)

        self.detail_layout.addWidget(self.header_label)

        self.detail_tabs = QTabWidget(self.detail_widget)
        self.detail_tabs.setObjectName(u"detail_tabs")
        self.agenda_tab = QWidget()
        self.agenda_tab.setObjectName(u"agenda_tab")
        self.agenda_layout = QVBoxLayout(self.agenda_tab)
        self.agenda_layout.setObjectName(u"agenda_layout")
        self.agenda_buttons_layout = QHBoxLayout()
        self.agenda_buttons_layout.setObjectName(u"agenda_buttons_layout")
        self.add_issues_button = QPushButton(self.agenda_tab)
        self.add_issues_button.setObjectName(u"add_issues_button")

        self.agenda_buttons_layout.addWidget(self.add_issues_button)

        self.add_topic_button = QPushButton(self.agenda_tab)
        self.add_topic_button.setObjectName(u"add_topic_button")

        self.agenda_buttons_layout.addWidget(self.add_topic_button)

        self.move_up_button = QPushButton(self.agenda_tab)
        self.move_up_button.setObjectName(u"move_up_button")

        self.agenda_buttons_layout.addWidget(self.move_up_button)

        self.move_down_button = QPushButton(self.agenda_tab)
        self.move_down_button.setObjectName(u"move_down_button")

        self.agenda_buttons_layout.addWidget(self.move_down_button)

        self.remove_agenda_button = QPushButton(self.agenda_tab)
        self.remove_agenda_button.setObjectName(u"remove_agenda_button")

        self.agenda_buttons_layout.addWidget(self.remove_agenda_button)

        self.spacer_2 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agenda_buttons_layout.addItem(self.spacer_2)


        self.agenda_layout.addLayout(self.agenda_buttons_layout)

        self.agenda_view = QTableView(self.agenda_tab)
        self.agenda_view.setObjectName(u"agenda_view")
        self.agenda_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.agenda_layout.addWidget(self.agenda_view)

        self.agenda_layout.setStretch(1, 1)
        self.detail_tabs.addTab(self.agenda_tab, "")
        self.minutes_tab = QWidget()
        self.minutes_tab.setObjectName(u"minutes_tab")
        self.minutes_layout = QVBoxLayout(self.minutes_tab)
        self.minutes_layout.setObjectName(u"minutes_layout")
        self.format_layout = QHBoxLayout()
        self.format_layout.setObjectName(u"format_layout")
        self.bold_button = QToolButton(self.minutes_tab)
        self.bold_button.setObjectName(u"bold_button")
        self.bold_button.setCheckable(True)

        self.format_layout.addWidget(self.bold_button)

        self.heading1_button = QToolButton(self.minutes_tab)
        self.heading1_button.setObjectName(u"heading1_button")

        self.format_layout.addWidget(self.heading1_button)

        self.heading2_button = QToolButton(self.minutes_tab)
        self.heading2_button.setObjectName(u"heading2_button")

        self.format_layout.addWidget(self.heading2_button)

        self.heading3_button = QToolButton(self.minutes_tab)
        self.heading3_button.setObjectName(u"heading3_button")

        self.format_layout.addWidget(self.heading3_button)

        self.body_button = QToolButton(self.minutes_tab)
        self.body_button.setObjectName(u"body_button")

        self.format_layout.addWidget(self.body_button)

        self.ordered_list_button = QToolButton(self.minutes_tab)
        self.ordered_list_button.setObjectName(u"ordered_list_button")

        self.format_layout.addWidget(self.ordered_list_button)

        self.bullet_list_button = QToolButton(self.minutes_tab)
        self.bullet_list_button.setObjectName(u"bullet_list_button")

        self.format_layout.addWidget(self.bullet_list_button)

        self.spacer_3 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.format_layout.addItem(self.spacer_3)

        self.save_state_label = ElidedLabel(self.minutes_tab)
        self.save_state_label.setObjectName(u"save_state_label")

        self.format_layout.addWidget(self.save_state_label)


        self.minutes_layout.addLayout(self.format_layout)

        self.minutes_splitter = QSplitter(self.minutes_tab)
        self.minutes_splitter.setObjectName(u"minutes_splitter")
        self.minutes_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.minutes_edit = MinutesEdit(self.minutes_splitter)
        self.minutes_edit.setObjectName(u"minutes_edit")
        self.minutes_edit.setAcceptRichText(True)
        self.minutes_splitter.addWidget(self.minutes_edit)
        self.side_widget = QWidget(self.minutes_splitter)
        self.side_widget.setObjectName(u"side_widget")
        self.side_layout = QVBoxLayout(self.side_widget)
        self.side_layout.setObjectName(u"side_layout")
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_label = QLabel(self.side_widget)
        self.side_label.setObjectName(u"side_label")

        self.side_layout.addWidget(self.side_label)

        self.side_decision_list = QListWidget(self.side_widget)
        self.side_decision_list.setObjectName(u"side_decision_list")
        self.side_decision_list.setWordWrap(True)

        self.side_layout.addWidget(self.side_decision_list)

        self.decision_from_selection_button = QPushButton(self.side_widget)
        self.decision_from_selection_button.setObjectName(u"decision_from_selection_button")

        self.side_layout.addWidget(self.decision_from_selection_button)

        self.add_decision_inline_button = QPushButton(self.side_widget)
        self.add_decision_inline_button.setObjectName(u"add_decision_inline_button")

        self.side_layout.addWidget(self.add_decision_inline_button)

        self.minutes_splitter.addWidget(self.side_widget)

        self.minutes_layout.addWidget(self.minutes_splitter)

        self.minutes_layout.setStretch(1, 1)
        self.detail_tabs.addTab(self.minutes_tab, "")
        self.decisions_tab = QWidget()
        self.decisions_tab.setObjectName(u"decisions_tab")
        self.decisions_layout = QVBoxLayout(self.decisions_tab)
        self.decisions_layout.setObjectName(u"decisions_layout")
        self.rate_layout = QHBoxLayout()
        self.rate_layout.setObjectName(u"rate_layout")
        self.rate_label = ElidedLabel(self.decisions_tab)
        self.rate_label.setObjectName(u"rate_label")

        self.rate_layout.addWidget(self.rate_label)

        self.spacer_4 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rate_layout.addItem(self.spacer_4)

        self.open_only_check = QCheckBox(self.decisions_tab)
        self.open_only_check.setObjectName(u"open_only_check")

        self.rate_layout.addWidget(self.open_only_check)


        self.decisions_layout.addLayout(self.rate_layout)

        self.decision_view = QTableView(self.decisions_tab)
        self.decision_view.setObjectName(u"decision_view")
        self.decision_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decision_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.decisions_layout.addWidget(self.decision_view)

        self.decision_buttons_layout = QVBoxLayout()
        self.decision_buttons_layout.setSpacing(4)
        self.decision_buttons_layout.setObjectName(u"decision_buttons_layout")
        self.decision_edit_buttons_layout = QHBoxLayout()
        self.decision_edit_buttons_layout.setObjectName(u"decision_edit_buttons_layout")
        self.add_decision_button = QPushButton(self.decisions_tab)
        self.add_decision_button.setObjectName(u"add_decision_button")

        self.decision_edit_buttons_layout.addWidget(self.add_decision_button)

        self.edit_decision_button = QPushButton(self.decisions_tab)
        self.edit_decision_button.setObjectName(u"edit_decision_button")

        self.decision_edit_buttons_layout.addWidget(self.edit_decision_button)

        self.delete_decision_button = QPushButton(self.decisions_tab)
        self.delete_decision_button.setObjectName(u"delete_decision_button")

        self.decision_edit_buttons_layout.addWidget(self.delete_decision_button)

        self.carry_button = QPushButton(self.decisions_tab)
        self.carry_button.setObjectName(u"carry_button")

        self.decision_edit_buttons_layout.addWidget(self.carry_button)

        self.spacer_5 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decision_edit_buttons_layout.addItem(self.spacer_5)


        self.decision_buttons_layout.addLayout(self.decision_edit_buttons_layout)

        self.decision_work_buttons_layout = QHBoxLayout()
        self.decision_work_buttons_layout.setObjectName(u"decision_work_buttons_layout")
        self.progress_button = QPushButton(self.decisions_tab)
        self.progress_button.setObjectName(u"progress_button")

        self.decision_work_buttons_layout.addWidget(self.progress_button)

        self.phase_button = QPushButton(self.decisions_tab)
        self.phase_button.setObjectName(u"phase_button")

        self.decision_work_buttons_layout.addWidget(self.phase_button)

        self.resolve_button = QPushButton(self.decisions_tab)
        self.resolve_button.setObjectName(u"resolve_button")

        self.decision_work_buttons_layout.addWidget(self.resolve_button)

        self.close_button = QPushButton(self.decisions_tab)
        self.close_button.setObjectName(u"close_button")

        self.decision_work_buttons_layout.addWidget(self.close_button)

        self.reopen_button = QPushButton(self.decisions_tab)
        self.reopen_button.setObjectName(u"reopen_button")

        self.decision_work_buttons_layout.addWidget(self.reopen_button)

        self.spacer_6 = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decision_work_buttons_layout.addItem(self.spacer_6)


        self.decision_buttons_layout.addLayout(self.decision_work_buttons_layout)


        self.decisions_layout.addLayout(self.decision_buttons_layout)

        self.history_label = QLabel(self.decisions_tab)
        self.history_label.setObjectName(u"history_label")

        self.decisions_layout.addWidget(self.history_label)

        self.history_edit = QPlainTextEdit(self.decisions_tab)
        self.history_edit.setObjectName(u"history_edit")
        self.history_edit.setReadOnly(True)
        self.history_edit.setMaximumSize(QSize(16777215, 150))

        self.decisions_layout.addWidget(self.history_edit)

        self.decisions_layout.setStretch(1, 3)
        self.decisions_layout.setStretch(4, 1)
        self.detail_tabs.addTab(self.decisions_tab, "")

        self.detail_layout.addWidget(self.detail_tabs)

        self.detail_layout.setStretch(1, 1)
        self.main_splitter.addWidget(self.detail_widget)

        self.panel_layout.addWidget(self.main_splitter)

        self.panel_layout.setStretch(2, 1)

        self.retranslateUi(MeetingsPanel)

        self.detail_tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, MeetingsPanel):
        self.new_meeting_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u65b0\u5efa\u4f1a\u8bae\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_meeting_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u65b0\u5efa\u63a8\u8fdb\u4f1a\u3001\u8c03\u5ea6\u4f1a\u3001\u4e13\u9898\u4f1a\u3001\u73b0\u573a\u4f1a\u6216\u5468\u4f1a\u5546", None))
#endif // QT_CONFIG(tooltip)
        self.edit_meeting_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4f1a\u8bae\u4fe1\u606f\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_meeting_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u4fee\u6539\u4f1a\u8bae\u65f6\u95f4\u3001\u5730\u70b9\u3001\u4e3b\u6301\u3001\u53c2\u4f1a\u4eba\u5458\u548c\u7248\u8bb0", None))
#endif // QT_CONFIG(tooltip)
        self.delete_meeting_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u5220\u9664\u4f1a\u8bae", None))
#if QT_CONFIG(tooltip)
        self.delete_meeting_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u5220\u9664\u8bef\u5efa\u7684\u4f1a\u8bae\uff08\u5df2\u6709\u8bae\u5b9a\u4e8b\u9879\u7684\u4f1a\u8bae\u4e0d\u80fd\u5220\u9664\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.masthead_check.setText(QCoreApplication.translate("MeetingsPanel", u"\u7ea2\u5934\u7248\u5f0f", None))
#if QT_CONFIG(tooltip)
        self.masthead_check.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u7eaa\u8981\u4f7f\u7528\u7ea2\u8272\u7248\u5934\uff1b\u4e0d\u52fe\u9009\u5219\u53ea\u7528\u6807\u9898", None))
#endif // QT_CONFIG(tooltip)
        self.table_check.setText(QCoreApplication.translate("MeetingsPanel", u"\u9644\u8bae\u5b9a\u4e8b\u9879\u5206\u89e3\u8868", None))
        self.print_preview_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u6253\u5370\u9884\u89c8\u2026", None))
        self.export_pdf_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u5bfc\u51faPDF\u2026", None))
        self.export_word_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u5bfc\u51fa\u7eaa\u8981(Word)\u2026", None))
        self.summary_label.setText("")
        self.header_label.setText("")
        self.add_issues_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4ece\u95ee\u9898\u53f0\u8d26\u9009\u62e9\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_issues_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u6309\u9879\u76ee\u3001\u5305\u4fdd\u9886\u5bfc\u3001\u662f\u5426\u8d85\u671f\u7b5b\u9009\u672a\u529e\u7ed3\u95ee\u9898\uff0c\u5217\u5165\u8bae\u9898", None))
#endif // QT_CONFIG(tooltip)
        self.add_topic_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u65b0\u589e\u8bae\u9898\u2026", None))
        self.move_up_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4e0a\u79fb", None))
        self.move_down_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4e0b\u79fb", None))
        self.remove_agenda_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u79fb\u51fa\u8bae\u9898", None))
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.agenda_tab), QCoreApplication.translate("MeetingsPanel", u"\u8bae\u9898", None))
        self.bold_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u52a0\u7c97", None))
#if QT_CONFIG(tooltip)
        self.bold_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u52a0\u7c97\uff08Ctrl+B\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.heading1_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4e00\u3001", None))
#if QT_CONFIG(tooltip)
        self.heading1_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u4e00\u7ea7\u6807\u9898\uff08\u9ed1\u4f53\uff09\uff0c\u81ea\u52a8\u7f16\u53f7\u201c\u4e00\u3001\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.heading2_button.setText(QCoreApplication.translate("MeetingsPanel", u"\uff08\u4e00\uff09", None))
#if QT_CONFIG(tooltip)
        self.heading2_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u4e8c\u7ea7\u6807\u9898\uff08\u6977\u4f53\uff09\uff0c\u81ea\u52a8\u7f16\u53f7\u201c\uff08\u4e00\uff09\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.heading3_button.setText(QCoreApplication.translate("MeetingsPanel", u"1.", None))
#if QT_CONFIG(tooltip)
        self.heading3_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u4e09\u7ea7\u6807\u9898\uff08\u4eff\u5b8b\uff09\uff0c\u81ea\u52a8\u7f16\u53f7\u201c1.\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.body_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u6b63\u6587", None))
#if QT_CONFIG(tooltip)
        self.body_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u6062\u590d\u4e3a\u6b63\u6587\u6bb5\u843d", None))
#endif // QT_CONFIG(tooltip)
        self.ordered_list_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u7f16\u53f7\u5217\u8868", None))
#if QT_CONFIG(tooltip)
        self.ordered_list_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u7f16\u53f7\u5217\u8868 1. 2. 3.", None))
#endif // QT_CONFIG(tooltip)
        self.bullet_list_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u9879\u76ee\u7b26\u53f7", None))
#if QT_CONFIG(tooltip)
        self.bullet_list_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u9879\u76ee\u7b26\u53f7\u5217\u8868", None))
#endif // QT_CONFIG(tooltip)
        self.save_state_label.setText("")
        self.minutes_edit.setPlaceholderText(QCoreApplication.translate("MeetingsPanel", u"\u5728\u6b64\u64b0\u5199\u4f1a\u8bae\u7eaa\u8981\u6b63\u6587\u3002\u6807\u9898\u7528\u4e0a\u65b9\u6309\u94ae\u8bbe\u7f6e\uff1b\u8bae\u5b9a\u4e8b\u9879\u5728\u53f3\u4fa7\u8bb0\u5f55\uff0c\u5bfc\u51fa\u65f6\u81ea\u52a8\u7f16\u53f7\u5e76\u5217\u51fa\u8d23\u4efb\u5355\u4f4d\u548c\u5b8c\u6210\u65f6\u9650\u3002", None))
        self.side_label.setText(QCoreApplication.translate("MeetingsPanel", u"\u672c\u6b21\u4f1a\u8bae\u8bae\u5b9a\u4e8b\u9879", None))
        self.decision_from_selection_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u9009\u4e2d\u6587\u5b57\u8bbe\u4e3a\u8bae\u5b9a\u4e8b\u9879\u2026", None))
#if QT_CONFIG(tooltip)
        self.decision_from_selection_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u628a\u6b63\u6587\u4e2d\u9009\u4e2d\u7684\u6587\u5b57\u4f5c\u4e3a\u4e00\u9879\u8bae\u5b9a\u4e8b\u9879\uff0c\u8865\u5145\u8d23\u4efb\u5355\u4f4d\u3001\u8d23\u4efb\u4eba\u548c\u5b8c\u6210\u65f6\u9650", None))
#endif // QT_CONFIG(tooltip)
        self.add_decision_inline_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u6dfb\u52a0\u8bae\u5b9a\u4e8b\u9879\u2026", None))
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.minutes_tab), QCoreApplication.translate("MeetingsPanel", u"\u7eaa\u8981", None))
        self.rate_label.setText("")
        self.open_only_check.setText(QCoreApplication.translate("MeetingsPanel", u"\u53ea\u770b\u672a\u5b8c\u6210", None))
        self.add_decision_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u6dfb\u52a0\u2026", None))
        self.edit_decision_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u4fee\u6539\u2026", None))
        self.delete_decision_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u5220\u9664", None))
        self.carry_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u8f6c\u5165\u4e0b\u6b21\u4f1a\u8bae\u2026", None))
#if QT_CONFIG(tooltip)
        self.carry_button.setToolTip(QCoreApplication.translate("MeetingsPanel", u"\u628a\u672a\u5b8c\u6210\u7684\u4e8b\u9879\u5217\u5165\u4e0b\u4e00\u6b21\u4f1a\u8bae\u7684\u8bae\u9898", None))
#endif // QT_CONFIG(tooltip)
        self.progress_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u6dfb\u52a0\u8fdb\u5c55\u2026", None))
        self.phase_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u9636\u6bb5\u6027\u63a8\u8fdb\u2026", None))
        self.resolve_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u529e\u7ed3\u2026", None))
        self.close_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u9500\u53f7\u2026", None))
        self.reopen_button.setText(QCoreApplication.translate("MeetingsPanel", u"\u91cd\u65b0\u6253\u5f00\u2026", None))
        self.history_label.setText(QCoreApplication.translate("MeetingsPanel", u"\u529e\u7406\u8bb0\u5f55", None))
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.decisions_tab), QCoreApplication.translate("MeetingsPanel", u"\u8bae\u5b9a\u4e8b\u9879", None))
        pass
    # retranslateUi

