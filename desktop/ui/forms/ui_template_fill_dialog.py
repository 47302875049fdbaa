# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'template_fill_dialog.ui'
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
    QDialog, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_TemplateFillDialog(object):
    def setupUi(self, TemplateFillDialog):
        if not TemplateFillDialog.objectName():
            TemplateFillDialog.setObjectName(u"TemplateFillDialog")
        TemplateFillDialog.resize(960, 640)
        self.main_layout = QVBoxLayout(TemplateFillDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.template_group = QGroupBox(TemplateFillDialog)
        self.template_group.setObjectName(u"template_group")
        self.template_layout = QGridLayout(self.template_group)
        self.template_layout.setObjectName(u"template_layout")
        self.saved_label = QLabel(self.template_group)
        self.saved_label.setObjectName(u"saved_label")

        self.template_layout.addWidget(self.saved_label, 0, 0, 1, 1)

        self.saved_combo = QComboBox(self.template_group)
        self.saved_combo.setObjectName(u"saved_combo")

        self.template_layout.addWidget(self.saved_combo, 0, 1, 1, 1)

        self.delete_button = QPushButton(self.template_group)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setEnabled(False)

        self.template_layout.addWidget(self.delete_button, 0, 2, 1, 1)

        self.file_label = QLabel(self.template_group)
        self.file_label.setObjectName(u"file_label")

        self.template_layout.addWidget(self.file_label, 1, 0, 1, 1)

        self.file_edit = QLineEdit(self.template_group)
        self.file_edit.setObjectName(u"file_edit")
        self.file_edit.setReadOnly(True)

        self.template_layout.addWidget(self.file_edit, 1, 1, 1, 1)

        self.browse_button = QPushButton(self.template_group)
        self.browse_button.setObjectName(u"browse_button")

        self.template_layout.addWidget(self.browse_button, 1, 2, 1, 1)

        self.info_label = QLabel(self.template_group)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.template_layout.addWidget(self.info_label, 2, 0, 1, 3)


        self.main_layout.addWidget(self.template_group)

        self.mapping_label = QLabel(TemplateFillDialog)
        self.mapping_label.setObjectName(u"mapping_label")
        self.mapping_label.setWordWrap(True)

        self.main_layout.addWidget(self.mapping_label)

        self.mapping_table = QTableWidget(TemplateFillDialog)
        if (self.mapping_table.columnCount() < 3):
            self.mapping_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.mapping_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.mapping_table.setObjectName(u"mapping_table")
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setColumnCount(3)

        self.main_layout.addWidget(self.mapping_table)

        self.rows_group = QGroupBox(TemplateFillDialog)
        self.rows_group.setObjectName(u"rows_group")
        self.rows_layout = QGridLayout(self.rows_group)
        self.rows_layout.setObjectName(u"rows_layout")
        self.purpose_label = QLabel(self.rows_group)
        self.purpose_label.setObjectName(u"purpose_label")

        self.rows_layout.addWidget(self.purpose_label, 0, 0, 1, 1)

        self.purpose_combo = QComboBox(self.rows_group)
        self.purpose_combo.setObjectName(u"purpose_combo")

        self.rows_layout.addWidget(self.purpose_combo, 0, 1, 1, 1)

        self.year_label = QLabel(self.rows_group)
        self.year_label.setObjectName(u"year_label")

        self.rows_layout.addWidget(self.year_label, 0, 2, 1, 1)

        self.year_spin = QSpinBox(self.rows_group)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.rows_layout.addWidget(self.year_spin, 0, 3, 1, 1)

        self.month_label = QLabel(self.rows_group)
        self.month_label.setObjectName(u"month_label")

        self.rows_layout.addWidget(self.month_label, 0, 4, 1, 1)

        self.month_spin = QSpinBox(self.rows_group)
        self.month_spin.setObjectName(u"month_spin")
        self.month_spin.setMinimum(1)
        self.month_spin.setMaximum(12)

        self.rows_layout.addWidget(self.month_spin, 0, 5, 1, 1)

        self.scope_label = QLabel(self.rows_group)
        self.scope_label.setObjectName(u"scope_label")

        self.rows_layout.addWidget(self.scope_label, 1, 0, 1, 1)

        self.scope_combo = QComboBox(self.rows_group)
        self.scope_combo.setObjectName(u"scope_combo")

        self.rows_layout.addWidget(self.scope_combo, 1, 1, 1, 1)

        self.group_label = QLabel(self.rows_group)
        self.group_label.setObjectName(u"group_label")

        self.rows_layout.addWidget(self.group_label, 1, 2, 1, 1)

        self.group_combo = QComboBox(self.rows_group)
        self.group_combo.setObjectName(u"group_combo")

        self.rows_layout.addWidget(self.group_combo, 1, 3, 1, 3)

        self.filter_label = QLabel(self.rows_group)
        self.filter_label.setObjectName(u"filter_label")

        self.rows_layout.addWidget(self.filter_label, 2, 0, 1, 1)

        self.filter_combo = QComboBox(self.rows_group)
        self.filter_combo.setObjectName(u"filter_combo")

        self.rows_layout.addWidget(self.filter_combo, 2, 1, 1, 1)

        self.meeting_label = QLabel(self.rows_group)
        self.meeting_label.setObjectName(u"meeting_label")

        self.rows_layout.addWidget(self.meeting_label, 2, 2, 1, 1)

        self.meeting_combo = QComboBox(self.rows_group)
        self.meeting_combo.setObjectName(u"meeting_combo")

        self.rows_layout.addWidget(self.meeting_combo, 2, 3, 1, 3)


        self.main_layout.addWidget(self.rows_group)

        self.save_layout = QHBoxLayout()
        self.save_layout.setObjectName(u"save_layout")
        self.save_check = QCheckBox(TemplateFillDialog)
        self.save_check.setObjectName(u"save_check")

        self.save_layout.addWidget(self.save_check)

        self.name_edit = QLineEdit(TemplateFillDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.save_layout.addWidget(self.name_edit)


        self.main_layout.addLayout(self.save_layout)

        self.error_label = QLabel(TemplateFillDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c00000;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.fill_button = QPushButton(TemplateFillDialog)
        self.fill_button.setObjectName(u"fill_button")
        self.fill_button.setEnabled(False)

        self.button_layout.addWidget(self.fill_button)

        self.close_button = QPushButton(TemplateFillDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(TemplateFillDialog)

        self.fill_button.setDefault(True)

    # setupUi

    def retranslateUi(self, TemplateFillDialog):
        TemplateFillDialog.setWindowTitle(QCoreApplication.translate("TemplateFillDialog", u"\u6309\u4e0a\u7ea7\u6a21\u677f\u586b\u62a5", None))
        self.template_group.setTitle(QCoreApplication.translate("TemplateFillDialog", u"\u6a21\u677f", None))
        self.saved_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5df2\u4fdd\u5b58\u7684\u6a21\u677f\uff1a", None))
        self.delete_button.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5220\u9664\u6a21\u677f", None))
        self.file_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u6a21\u677f\u6587\u4ef6\uff1a", None))
        self.file_edit.setPlaceholderText(QCoreApplication.translate("TemplateFillDialog", u"\u9009\u62e9\u4e0a\u7ea7\u4e0b\u53d1\u7684\u7a7a\u767d\u6a21\u677f\uff08.xlsx\uff0c\u4e5f\u53ef\u8bfb .xls\uff09", None))
        self.browse_button.setText(QCoreApplication.translate("TemplateFillDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.info_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u8bf7\u9009\u62e9\u5df2\u4fdd\u5b58\u7684\u6a21\u677f\uff0c\u6216\u9009\u62e9\u4e0a\u7ea7\u4e0b\u53d1\u7684\u7a7a\u767d\u6a21\u677f\u6587\u4ef6\u3002", None))
        self.mapping_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5217\u5bf9\u5e94\uff1a\u6bcf\u4e00\u5217\u586b\u5165\u4ec0\u4e48\uff08\u672a\u80fd\u8bc6\u522b\u7684\u5217\u9ed8\u8ba4\u7559\u7a7a\uff0c\u53ef\u5728\u53f3\u4fa7\u9009\u62e9\uff09", None))
        ___qtablewidgetitem = self.mapping_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("TemplateFillDialog", u"\u6a21\u677f\u4e2d\u7684\u5217", None))
        ___qtablewidgetitem1 = self.mapping_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("TemplateFillDialog", u"\u586b\u5165\u7684\u6570\u636e", None))
        ___qtablewidgetitem2 = self.mapping_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("TemplateFillDialog", u"\u8bf4\u660e", None))
        self.rows_group.setTitle(QCoreApplication.translate("TemplateFillDialog", u"\u586b\u54ea\u4e9b\u884c", None))
        self.purpose_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u586b\u5165\u5185\u5bb9\uff1a", None))
        self.year_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5e74\u5ea6\uff1a", None))
        self.year_spin.setSuffix(QCoreApplication.translate("TemplateFillDialog", u"\u5e74", None))
        self.month_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u622a\u81f3\uff1a", None))
        self.month_spin.setPrefix(QCoreApplication.translate("TemplateFillDialog", u"1\u2014", None))
        self.month_spin.setSuffix(QCoreApplication.translate("TemplateFillDialog", u"\u6708", None))
        self.scope_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u8303\u56f4\uff1a", None))
        self.group_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5206\u7ec4\uff1a", None))
        self.filter_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u95ee\u9898/\u4e8b\u9879\uff1a", None))
        self.meeting_label.setText(QCoreApplication.translate("TemplateFillDialog", u"\u4f1a\u8bae\uff1a", None))
        self.save_check.setText(QCoreApplication.translate("TemplateFillDialog", u"\u586b\u62a5\u540e\u4fdd\u5b58\u4e3a\u6a21\u677f\uff0c\u540d\u79f0\uff1a", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("TemplateFillDialog", u"\u5982 \u5e02\u91cd\u70b9\u529e\u6708\u62a5\uff08\u4e0b\u6708\u4e00\u952e\u586b\u62a5\uff09", None))
        self.error_label.setText("")
        self.fill_button.setText(QCoreApplication.translate("TemplateFillDialog", u"\u586b\u62a5\u2026", None))
        self.close_button.setText(QCoreApplication.translate("TemplateFillDialog", u"\u5173\u95ed", None))
    # retranslateUi

