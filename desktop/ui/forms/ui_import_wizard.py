# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_wizard.ui'
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
    QFormLayout, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget, QWizard,
    QWizardPage)

class Ui_ImportWizard(object):
    def setupUi(self, ImportWizard):
        if not ImportWizard.objectName():
            ImportWizard.setObjectName(u"ImportWizard")
        ImportWizard.resize(1100, 640)
        ImportWizard.setWizardStyle(QWizard.ClassicStyle)
        ImportWizard.setOptions(QWizard.NoBackButtonOnLastPage|QWizard.NoCancelButtonOnLastPage)
        self.file_page = QWizardPage()
        self.file_page.setObjectName(u"file_page")
        self.file_form = QFormLayout(self.file_page)
        self.file_form.setObjectName(u"file_form")
        self.file_label = QLabel(self.file_page)
        self.file_label.setObjectName(u"file_label")

        self.file_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_edit = QLineEdit(self.file_page)
        self.file_edit.setObjectName(u"file_edit")

        self.file_row.addWidget(self.file_edit)

        self.browse_button = QPushButton(self.file_page)
        self.browse_button.setObjectName(u"browse_button")

        self.file_row.addWidget(self.browse_button)


        self.file_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.kind_label = QLabel(self.file_page)
        self.kind_label.setObjectName(u"kind_label")

        self.file_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(self.file_page)
        self.kind_combo.setObjectName(u"kind_combo")

        self.file_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.year_label = QLabel(self.file_page)
        self.year_label.setObjectName(u"year_label")

        self.file_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_spin = QSpinBox(self.file_page)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(1999)
        self.year_spin.setMaximum(2100)
        self.year_spin.setValue(1999)

        self.file_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.year_spin)

        self.month_label = QLabel(self.file_page)
        self.month_label.setObjectName(u"month_label")

        self.file_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.month_label)

        self.month_spin = QSpinBox(self.file_page)
        self.month_spin.setObjectName(u"month_spin")
        self.month_spin.setMinimum(0)
        self.month_spin.setMaximum(12)
        self.month_spin.setValue(0)

        self.file_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.month_spin)

        self.file_hint_label = QLabel(self.file_page)
        self.file_hint_label.setObjectName(u"file_hint_label")
        self.file_hint_label.setWordWrap(True)

        self.file_form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.file_hint_label)

        ImportWizard.addPage(self.file_page)
        self.mapping_page = QWizardPage()
        self.mapping_page.setObjectName(u"mapping_page")
        self.mapping_layout = QVBoxLayout(self.mapping_page)
        self.mapping_layout.setObjectName(u"mapping_layout")
        self.header_label = QLabel(self.mapping_page)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)

        self.mapping_layout.addWidget(self.header_label)

        self.mapping_table = QTableWidget(self.mapping_page)
        self.mapping_table.setObjectName(u"mapping_table")
        self.mapping_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.NoSelection)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.verticalHeader().setVisible(False)

        self.mapping_layout.addWidget(self.mapping_table)

        self.save_mapping_check = QCheckBox(self.mapping_page)
        self.save_mapping_check.setObjectName(u"save_mapping_check")
        self.save_mapping_check.setChecked(True)

        self.mapping_layout.addWidget(self.save_mapping_check)

        ImportWizard.addPage(self.mapping_page)
        self.preview_page = QWizardPage()
        self.preview_page.setObjectName(u"preview_page")
        self.preview_layout = QVBoxLayout(self.preview_page)
        self.preview_layout.setObjectName(u"preview_layout")
        self.summary_scroll = QScrollArea(self.preview_page)
        self.summary_scroll.setObjectName(u"summary_scroll")
        self.summary_scroll.setMaximumSize(QSize(16777215, 110))
        self.summary_scroll.setFrameShape(QFrame.NoFrame)
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.summary_holder = QWidget()
        self.summary_holder.setObjectName(u"summary_holder")
        self.summary_holder_layout = QVBoxLayout(self.summary_holder)
        self.summary_holder_layout.setObjectName(u"summary_holder_layout")
        self.summary_holder_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(self.summary_holder)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.summary_holder_layout.addWidget(self.summary_label)

        self.summary_scroll.setWidget(self.summary_holder)

        self.preview_layout.addWidget(self.summary_scroll)

        self.policy_row = QHBoxLayout()
        self.policy_row.setObjectName(u"policy_row")
        self.policy_label = QLabel(self.preview_page)
        self.policy_label.setObjectName(u"policy_label")

        self.policy_row.addWidget(self.policy_label)

        self.policy_combo = QComboBox(self.preview_page)
        self.policy_combo.setObjectName(u"policy_combo")

        self.policy_row.addWidget(self.policy_combo)

        self.policy_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.policy_row.addItem(self.policy_spacer)


        self.preview_layout.addLayout(self.policy_row)

        self.preview_view = QTableView(self.preview_page)
        self.preview_view.setObjectName(u"preview_view")
        self.preview_view.setMinimumSize(QSize(0, 140))
        self.preview_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.preview_view.setAlternatingRowColors(False)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_view.verticalHeader().setVisible(False)

        self.preview_layout.addWidget(self.preview_view)

        self.skipped_label = QLabel(self.preview_page)
        self.skipped_label.setObjectName(u"skipped_label")

        self.preview_layout.addWidget(self.skipped_label)

        self.skipped_list = QListWidget(self.preview_page)
        self.skipped_list.setObjectName(u"skipped_list")
        self.skipped_list.setMaximumSize(QSize(16777215, 64))

        self.preview_layout.addWidget(self.skipped_list)

        self.check_label = QLabel(self.preview_page)
        self.check_label.setObjectName(u"check_label")
        self.check_label.setWordWrap(True)

        self.preview_layout.addWidget(self.check_label)

        self.check_list = QListWidget(self.preview_page)
        self.check_list.setObjectName(u"check_list")
        self.check_list.setMaximumSize(QSize(16777215, 96))
        self.check_list.setWordWrap(True)

        self.preview_layout.addWidget(self.check_list)

        self.preview_layout.setStretch(2, 1)
        ImportWizard.addPage(self.preview_page)
        self.result_page = QWizardPage()
        self.result_page.setObjectName(u"result_page")
        self.result_layout = QVBoxLayout(self.result_page)
        self.result_layout.setObjectName(u"result_layout")
        self.result_text = QPlainTextEdit(self.result_page)
        self.result_text.setObjectName(u"result_text")
        self.result_text.setReadOnly(True)

        self.result_layout.addWidget(self.result_text)

        self.result_buttons = QHBoxLayout()
        self.result_buttons.setObjectName(u"result_buttons")
        self.undo_button = QPushButton(self.result_page)
        self.undo_button.setObjectName(u"undo_button")

        self.result_buttons.addWidget(self.undo_button)

        self.result_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.result_buttons.addItem(self.result_spacer)


        self.result_layout.addLayout(self.result_buttons)

        ImportWizard.addPage(self.result_page)

        self.retranslateUi(ImportWizard)
    # setupUi

    def retranslateUi(self, ImportWizard):
        ImportWizard.setWindowTitle(QCoreApplication.translate("ImportWizard", u"\u5bfc\u5165\u53f0\u8d26", None))
        self.file_page.setTitle(QCoreApplication.translate("ImportWizard", u"\u7b2c\u4e00\u6b65\uff1a\u9009\u62e9\u53f0\u8d26\u6587\u4ef6", None))
        self.file_page.setSubTitle(QCoreApplication.translate("ImportWizard", u"\u652f\u6301 Excel \u5de5\u4f5c\u7c3f\uff08.xlsx\u3001.xls\uff09\u548c WPS/\u5176\u4ed6\u7cfb\u7edf\u5bfc\u51fa\u7684 CSV \u6587\u4ef6\u3002\u6587\u4ef6\u53ea\u4f1a\u88ab\u8bfb\u53d6\uff0c\u4e0d\u4f1a\u88ab\u4fee\u6539\u3002", None))
        self.file_label.setText(QCoreApplication.translate("ImportWizard", u"\u53f0\u8d26\u6587\u4ef6\uff1a", None))
        self.file_edit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"\u9009\u62e9\u6216\u7c98\u8d34\u6587\u4ef6\u8def\u5f84", None))
        self.browse_button.setText(QCoreApplication.translate("ImportWizard", u"\u6d4f\u89c8\u2026", None))
        self.kind_label.setText(QCoreApplication.translate("ImportWizard", u"\u53f0\u8d26\u5185\u5bb9\uff1a", None))
        self.year_label.setText(QCoreApplication.translate("ImportWizard", u"\u5e74\u5ea6\uff1a", None))
        self.year_spin.setSpecialValueText(QCoreApplication.translate("ImportWizard", u"\u81ea\u52a8\u8bc6\u522b\uff08\u6807\u9898\u6216\u6587\u4ef6\u540d\u4e2d\u7684\u5e74\u5ea6\uff09", None))
        self.month_label.setText(QCoreApplication.translate("ImportWizard", u"\u622a\u81f3\u6708\u4efd\uff1a", None))
#if QT_CONFIG(tooltip)
        self.month_spin.setToolTip(QCoreApplication.translate("ImportWizard", u"\u6295\u8d44\u8fdb\u5ea6\u8868\u7684\u622a\u81f3\u6708\u4efd\uff1b\u8868\u5934\u5199\u660e\u201c1-10\u6708\u5b8c\u6210\u6295\u8d44\u201d\u65f6\u81ea\u52a8\u8bc6\u522b", None))
#endif // QT_CONFIG(tooltip)
        self.month_spin.setSpecialValueText(QCoreApplication.translate("ImportWizard", u"\u81ea\u52a8\u8bc6\u522b\uff08\u6295\u8d44\u8fdb\u5ea6\u8868\u8868\u5934\u4e2d\u7684\u6708\u4efd\uff09", None))
        self.month_spin.setSuffix(QCoreApplication.translate("ImportWizard", u"\u6708", None))
        self.file_hint_label.setText(QCoreApplication.translate("ImportWizard", u"\u4e0b\u4e00\u6b65\u5c06\u81ea\u52a8\u67e5\u627e\u8868\u5934\u884c\u5e76\u8bc6\u522b\u5404\u5217\u7684\u542b\u4e49\uff0c\u60a8\u53ef\u4ee5\u5728\u4e0b\u4e00\u9875\u6838\u5bf9\u548c\u4fee\u6539\u3002", None))
        self.mapping_page.setTitle(QCoreApplication.translate("ImportWizard", u"\u7b2c\u4e8c\u6b65\uff1a\u6838\u5bf9\u5217\u5bf9\u5e94\u5173\u7cfb", None))
        self.mapping_page.setSubTitle(QCoreApplication.translate("ImportWizard", u"\u5de6\u4fa7\u662f\u6587\u4ef6\u4e2d\u7684\u8868\u5934\uff0c\u53f3\u4fa7\u9009\u62e9\u5b83\u5bf9\u5e94\u7684\u6570\u636e\u9879\uff1b\u4e0d\u9700\u8981\u5bfc\u5165\u7684\u5217\u9009\u201c\uff08\u4e0d\u5bfc\u5165\uff09\u201d\u3002", None))
        self.save_mapping_check.setText(QCoreApplication.translate("ImportWizard", u"\u4fdd\u5b58\u6b64\u5217\u5bf9\u5e94\u5173\u7cfb\uff0c\u4ee5\u540e\u5bfc\u5165\u8868\u5934\u76f8\u540c\u7684\u6587\u4ef6\u65f6\u81ea\u52a8\u4f7f\u7528", None))
        self.preview_page.setTitle(QCoreApplication.translate("ImportWizard", u"\u7b2c\u4e09\u6b65\uff1a\u9884\u89c8\u5e76\u5bfc\u5165", None))
        self.preview_page.setSubTitle(QCoreApplication.translate("ImportWizard", u"\u7ea2\u8272\u5355\u5143\u683c\u6709\u5fc5\u987b\u4fee\u6b63\u7684\u95ee\u9898\uff0c\u8be5\u884c\u4e0d\u4f1a\u5bfc\u5165\uff1b\u9ec4\u8272\u5355\u5143\u683c\u7684\u503c\u65e0\u6cd5\u8bc6\u522b\uff0c\u5bfc\u5165\u65f6\u7559\u7a7a\uff1b\u7070\u8272\u4e3a\u4e0e\u5df2\u6709\u8bb0\u5f55\u91cd\u590d\u7684\u884c\u3002\u9f20\u6807\u505c\u5728\u5355\u5143\u683c\u4e0a\u53ef\u67e5\u770b\u539f\u56e0\u3002", None))
        self.policy_label.setText(QCoreApplication.translate("ImportWizard", u"\u4e0e\u5df2\u6709\u8bb0\u5f55\u91cd\u590d\u7684\u884c\uff1a", None))
        self.skipped_label.setText(QCoreApplication.translate("ImportWizard", u"\u8df3\u8fc7\u7684\u884c\u53ca\u539f\u56e0\uff1a", None))
        self.check_label.setText(QCoreApplication.translate("ImportWizard", u"\u8bf7\u6838\u5bf9\uff1a", None))
        self.result_page.setTitle(QCoreApplication.translate("ImportWizard", u"\u5bfc\u5165\u5b8c\u6210", None))
        self.result_page.setSubTitle(QCoreApplication.translate("ImportWizard", u"\u5982\u53d1\u73b0\u5bfc\u5165\u6709\u8bef\uff0c\u53ef\u4ee5\u6574\u4f53\u64a4\u9500\u672c\u6b21\u5bfc\u5165\uff1b\u4ee5\u540e\u4e5f\u53ef\u4ee5\u5728\u201c\u6587\u4ef6 \u2192 \u5bfc\u5165\u8bb0\u5f55\u201d\u4e2d\u64a4\u9500\u3002", None))
        self.undo_button.setText(QCoreApplication.translate("ImportWizard", u"\u64a4\u9500\u672c\u6b21\u5bfc\u5165", None))
    # retranslateUi

