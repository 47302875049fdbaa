# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_SupervisionDialog(object):
    def setupUi(self, SupervisionDialog):
        if not SupervisionDialog.objectName():
            SupervisionDialog.setObjectName(u"SupervisionDialog")
        SupervisionDialog.resize(640, 560)
        self.main_layout = QVBoxLayout(SupervisionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.kind_label = QLabel(SupervisionDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(SupervisionDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.issued_label = QLabel(SupervisionDialog)
        self.issued_label.setObjectName(u"issued_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issued_label)

        self.issued_edit = DateEdit(SupervisionDialog)
        self.issued_edit.setObjectName(u"issued_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issued_edit)

        self.unit_label = QLabel(SupervisionDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(SupervisionDialog)
        self.unit_combo.setObjectName(u"unit_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.reply_label = QLabel(SupervisionDialog)
        self.reply_label.setObjectName(u"reply_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reply_label)

        self.reply_edit = DateEdit(SupervisionDialog)
        self.reply_edit.setObjectName(u"reply_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reply_edit)


        self.main_layout.addLayout(self.form_layout)

        self.items_label = QLabel(SupervisionDialog)
        self.items_label.setObjectName(u"items_label")

        self.main_layout.addWidget(self.items_label)

        self.item_list = QListWidget(SupervisionDialog)
        self.item_list.setObjectName(u"item_list")
        self.item_list.setMinimumSize(QSize(0, 140))
        self.item_list.setWordWrap(True)

        self.main_layout.addWidget(self.item_list)

        self.requirement_label = QLabel(SupervisionDialog)
        self.requirement_label.setObjectName(u"requirement_label")

        self.main_layout.addWidget(self.requirement_label)

        self.requirement_edit = QPlainTextEdit(SupervisionDialog)
        self.requirement_edit.setObjectName(u"requirement_edit")
        self.requirement_edit.setMaximumSize(QSize(16777215, 90))

        self.main_layout.addWidget(self.requirement_edit)

        self.form_check = QCheckBox(SupervisionDialog)
        self.form_check.setObjectName(u"form_check")

        self.main_layout.addWidget(self.form_check)

        self.error_label = QLabel(SupervisionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(SupervisionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(SupervisionDialog)
    # setupUi

    def retranslateUi(self, SupervisionDialog):
        SupervisionDialog.setWindowTitle(QCoreApplication.translate("SupervisionDialog", u"\u7b7e\u53d1\u7763\u529e\u6587\u4e66", None))
        self.kind_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u6587\u4e66\u7c7b\u578b\uff1a", None))
        self.issued_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u7b7e\u53d1\u65e5\u671f\uff1a", None))
        self.unit_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u7763\u529e\u5355\u4f4d\uff1a", None))
        self.reply_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u56de\u590d\u671f\u9650\uff1a", None))
        self.items_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u5217\u5165\u7684\u95ee\u9898\uff08\u8d85\u671f\u6700\u4e45\u7684\u5728\u524d\uff0c\u53ef\u53d6\u6d88\u52fe\u9009\uff09\uff1a", None))
        self.requirement_label.setText(QCoreApplication.translate("SupervisionDialog", u"\u7763\u529e\u8981\u6c42\uff1a", None))
        self.form_check.setText(QCoreApplication.translate("SupervisionDialog", u"\u968f\u6587\u9644\u53d1\u95ee\u9898\u529e\u7406\u53cd\u9988\u8868\uff08\u56de\u6267\uff0cExcel\uff0c\u4e0e\u6587\u4e66\u5b58\u4e8e\u540c\u4e00\u6587\u4ef6\u5939\uff09", None))
#if QT_CONFIG(tooltip)
        self.form_check.setToolTip(QCoreApplication.translate("SupervisionDialog", u"\u5355\u4f4d\u586b\u5199\u540e\u6309\u539f\u6587\u4ef6\u62a5\u56de\uff0c\u7528\u201c\u6536\u56de\u53cd\u9988\u8868\u201d\u6536\u53d6\uff0c\u767b\u8bb0\u4e3a\u5404\u9879\u95ee\u9898\u7684\u529e\u7406\u8fdb\u5c55", None))
#endif // QT_CONFIG(tooltip)
        self.error_label.setStyleSheet(QCoreApplication.translate("SupervisionDialog", u"color: #b3261e;", None))
    # retranslateUi

