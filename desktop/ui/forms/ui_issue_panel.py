# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableView, QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_IssuePanel(object):
    def setupUi(self, IssuePanel):
        if not IssuePanel.objectName():
            IssuePanel.setObjectName(u"IssuePanel")
        IssuePanel.resize(900, 600)
        self.main_layout = QVBoxLayout(IssuePanel)
        self.main_layout.setSpacing(4)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_row_layout = QHBoxLayout()
        self.filter_row_layout.setObjectName(u"filter_row_layout")
        self.search_edit = QLineEdit(IssuePanel)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumSize(QSize(180, 0))

        self.filter_row_layout.addWidget(self.search_edit)

        self.status_combo = QComboBox(IssuePanel)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_row_layout.addWidget(self.status_combo)

        self.level_combo = QComboBox(IssuePanel)
        self.level_combo.setObjectName(u"level_combo")

        self.filter_row_layout.addWidget(self.level_combo)

        self.unit_combo = QComboBox(IssuePanel)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.setMinimumContentsLength(8)

        self.filter_row_layout.addWidget(self.unit_combo)

        self.leader_combo = QComboBox(IssuePanel)
        self.leader_combo.setObjectName(u"leader_combo")
        self.leader_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.leader_combo.setMinimumContentsLength(6)

        self.filter_row_layout.addWidget(self.leader_combo)


        self.main_layout.addLayout(self.filter_row_layout)

        self.filter_row2_layout = QHBoxLayout()
        self.filter_row2_layout.setObjectName(u"filter_row2_layout")
        self.due_combo = QComboBox(IssuePanel)
        self.due_combo.setObjectName(u"due_combo")

        self.filter_row2_layout.addWidget(self.due_combo)

        self.due_days_spin = QSpinBox(IssuePanel)
        self.due_days_spin.setObjectName(u"due_days_spin")
        self.due_days_spin.setMinimum(1)
        self.due_days_spin.setMaximum(365)
        self.due_days_spin.setValue(7)

        self.filter_row2_layout.addWidget(self.due_days_spin)

        self.date_range_check = QCheckBox(IssuePanel)
        self.date_range_check.setObjectName(u"date_range_check")

        self.filter_row2_layout.addWidget(self.date_range_check)

        self.found_from_edit = DateEdit(IssuePanel)
        self.found_from_edit.setObjectName(u"found_from_edit")
        self.found_from_edit.setEnabled(False)

        self.filter_row2_layout.addWidget(self.found_from_edit)

        self.range_to_label = QLabel(IssuePanel)
        self.range_to_label.setObjectName(u"range_to_label")

        self.filter_row2_layout.addWidget(self.range_to_label)

        self.found_to_edit = DateEdit(IssuePanel)
        self.found_to_edit.setObjectName(u"found_to_edit")
        self.found_to_edit.setEnabled(False)

        self.filter_row2_layout.addWidget(self.found_to_edit)

        self.clear_filters_button = QPushButton(IssuePanel)
        self.clear_filters_button.setObjectName(u"clear_filters_button")

        self.filter_row2_layout.addWidget(self.clear_filters_button)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_row2_layout.addItem(self.filter_spacer)


        self.main_layout.addLayout(self.filter_row2_layout)

        self.issue_table_view = QTableView(IssuePanel)
        self.issue_table_view.setObjectName(u"issue_table_view")
        self.issue_table_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.issue_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issue_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issue_table_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.issue_table_view.setSortingEnabled(True)
        self.issue_table_view.setWordWrap(False)

        self.main_layout.addWidget(self.issue_table_view)

        self.footer_layout = QHBoxLayout()
        self.footer_layout.setObjectName(u"footer_layout")
        self.count_label = QLabel(IssuePanel)
        self.count_label.setObjectName(u"count_label")

        self.footer_layout.addWidget(self.count_label)

        self.footer_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer_layout.addItem(self.footer_spacer)

        self.legend_label = QLabel(IssuePanel)
        self.legend_label.setObjectName(u"legend_label")

        self.footer_layout.addWidget(self.legend_label)


        self.main_layout.addLayout(self.footer_layout)


        self.retranslateUi(IssuePanel)
    # setupUi

    def retranslateUi(self, IssuePanel):
        self.search_edit.setPlaceholderText(QCoreApplication.translate("IssuePanel", u"\u641c\u7d22\u95ee\u9898\u3001\u9879\u76ee\u3001\u8d23\u4efb\u5355\u4f4d\u3001\u8d23\u4efb\u4eba\uff08\u652f\u6301\u62fc\u97f3\u9996\u5b57\u6bcd\uff09", None))
#if QT_CONFIG(tooltip)
        self.status_combo.setToolTip(QCoreApplication.translate("IssuePanel", u"\u6309\u72b6\u6001\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.level_combo.setToolTip(QCoreApplication.translate("IssuePanel", u"\u6309\u5f53\u524d\u5c42\u7ea7\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.unit_combo.setToolTip(QCoreApplication.translate("IssuePanel", u"\u6309\u8d23\u4efb\u5355\u4f4d\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.leader_combo.setToolTip(QCoreApplication.translate("IssuePanel", u"\u6309\u5305\u4fdd\u9886\u5bfc\u7b5b\u9009\uff08\u8be5\u9886\u5bfc\u5f53\u524d\u5305\u4fdd\u9879\u76ee\u7684\u95ee\u9898\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.due_combo.setToolTip(QCoreApplication.translate("IssuePanel", u"\u6309\u5b8c\u6210\u65f6\u9650\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.due_days_spin.setToolTip(QCoreApplication.translate("IssuePanel", u"\u201c\u4e34\u671f\u201d\u6307\u591a\u5c11\u5929\u5185\u5230\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.due_days_spin.setSuffix(QCoreApplication.translate("IssuePanel", u" \u5929\u5185", None))
        self.date_range_check.setText(QCoreApplication.translate("IssuePanel", u"\u53d1\u73b0\u65e5\u671f", None))
        self.range_to_label.setText(QCoreApplication.translate("IssuePanel", u"\u81f3", None))
        self.clear_filters_button.setText(QCoreApplication.translate("IssuePanel", u"\u6e05\u9664\u7b5b\u9009", None))
        pass
    # retranslateUi

