# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_preview_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTreeView, QVBoxLayout, QWidget)

from desktop.ui.widgets.fitting import ElidedLabel

class Ui_MergePreviewDialog(object):
    def setupUi(self, MergePreviewDialog):
        if not MergePreviewDialog.objectName():
            MergePreviewDialog.setObjectName(u"MergePreviewDialog")
        MergePreviewDialog.resize(1180, 640)
        self.main_layout = QVBoxLayout(MergePreviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.header_label = QLabel(MergePreviewDialog)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.header_label)

        self.trust_label = QLabel(MergePreviewDialog)
        self.trust_label.setObjectName(u"trust_label")
        self.trust_label.setWordWrap(True)
        self.trust_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.trust_label)

        self.accept_untrusted_check = QCheckBox(MergePreviewDialog)
        self.accept_untrusted_check.setObjectName(u"accept_untrusted_check")

        self.main_layout.addWidget(self.accept_untrusted_check)

        self.summary_label = QLabel(MergePreviewDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.items_view = QTreeView(MergePreviewDialog)
        self.items_view.setObjectName(u"items_view")
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setUniformRowHeights(True)
        self.items_view.setWordWrap(False)

        self.main_layout.addWidget(self.items_view)

        self.decision_layout = QHBoxLayout()
        self.decision_layout.setObjectName(u"decision_layout")
        self.theirs_button = QPushButton(MergePreviewDialog)
        self.theirs_button.setObjectName(u"theirs_button")

        self.decision_layout.addWidget(self.theirs_button)

        self.ours_button = QPushButton(MergePreviewDialog)
        self.ours_button.setObjectName(u"ours_button")

        self.decision_layout.addWidget(self.ours_button)

        self.accept_all_button = QPushButton(MergePreviewDialog)
        self.accept_all_button.setObjectName(u"accept_all_button")

        self.decision_layout.addWidget(self.accept_all_button)

        self.decision_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decision_layout.addItem(self.decision_spacer)

        self.pending_label = ElidedLabel(MergePreviewDialog)
        self.pending_label.setObjectName(u"pending_label")

        self.decision_layout.addWidget(self.pending_label)


        self.main_layout.addLayout(self.decision_layout)

        self.undo_hint_label = QLabel(MergePreviewDialog)
        self.undo_hint_label.setObjectName(u"undo_hint_label")
        self.undo_hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.undo_hint_label)

        self.button_box = QDialogButtonBox(MergePreviewDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(MergePreviewDialog)
    # setupUi

    def retranslateUi(self, MergePreviewDialog):
        MergePreviewDialog.setWindowTitle(QCoreApplication.translate("MergePreviewDialog", u"\u5bfc\u5165\u6570\u636e\u5305 \u2014 \u5408\u5e76\u9884\u89c8", None))
        self.accept_untrusted_check.setText(QCoreApplication.translate("MergePreviewDialog", u"\u6211\u5df2\u5411\u5bf9\u65b9\u6838\u5b9e\uff0c\u786e\u8ba4\u6b64\u6570\u636e\u5305\u6765\u6e90\u53ef\u9760\uff0c\u4ecd\u8981\u5408\u5e76\uff08\u5c06\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
        self.theirs_button.setText(QCoreApplication.translate("MergePreviewDialog", u"\u91c7\u7528\u5bf9\u65b9(&T)", None))
#if QT_CONFIG(tooltip)
        self.theirs_button.setToolTip(QCoreApplication.translate("MergePreviewDialog", u"\u6240\u9009\u51b2\u7a81\u6216\u5220\u9664\uff1a\u91c7\u7528\u5bf9\u65b9\u6570\u636e\u5305\u4e2d\u7684\u503c\uff08\u6216\u63a5\u53d7\u5220\u9664\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.ours_button.setText(QCoreApplication.translate("MergePreviewDialog", u"\u4fdd\u7559\u672c\u65b9(&O)", None))
#if QT_CONFIG(tooltip)
        self.ours_button.setToolTip(QCoreApplication.translate("MergePreviewDialog", u"\u6240\u9009\u51b2\u7a81\u6216\u5220\u9664\uff1a\u4fdd\u7559\u672c\u5e93\u73b0\u6709\u7684\u503c\uff08\u6216\u4e0d\u5220\u9664\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.accept_all_button.setText(QCoreApplication.translate("MergePreviewDialog", u"\u5168\u90e8\u51b2\u7a81\u91c7\u7528\u5bf9\u65b9(&A)", None))
#if QT_CONFIG(tooltip)
        self.accept_all_button.setToolTip(QCoreApplication.translate("MergePreviewDialog", u"\u6240\u6709\u51b2\u7a81\u91c7\u7528\u5bf9\u65b9\u7684\u503c\uff1b\u5bf9\u65b9\u5220\u9664\u7684\u8bb0\u5f55\u4e0d\u5728\u5176\u5185\uff0c\u987b\u9010\u6761\u9009\u4e2d\u63a5\u53d7", None))
#endif // QT_CONFIG(tooltip)
        self.undo_hint_label.setText(QCoreApplication.translate("MergePreviewDialog", u"\u5408\u5e76\u5728\u4e00\u4e2a\u4e8b\u52a1\u4e2d\u5b8c\u6210\uff0c\u5408\u5e76\u524d\u81ea\u52a8\u5907\u4efd\u6570\u636e\u5e93\uff1b\u4e4b\u540e\u5982\u672a\u505a\u5176\u4ed6\u4fee\u6539\uff0c\u53ef\u5728\u201c\u6587\u4ef6 \u2192 \u6570\u636e\u4ea4\u6362\u8bb0\u5f55\u201d\u4e2d\u64a4\u9500\u672c\u6b21\u5408\u5e76\u3002\u672a\u51b3\u5b9a\u7684\u51b2\u7a81\u548c\u5220\u9664\u4e0d\u4f1a\u5e94\u7528\u3002", None))
    # retranslateUi

