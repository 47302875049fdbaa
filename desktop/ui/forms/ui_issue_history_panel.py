# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_history_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QSizePolicy, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_IssueHistoryPanel(object):
    def setupUi(self, IssueHistoryPanel):
        if not IssueHistoryPanel.objectName():
            IssueHistoryPanel.setObjectName(u"IssueHistoryPanel")
        IssueHistoryPanel.resize(340, 600)
        self.main_layout = QVBoxLayout(IssueHistoryPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(4, 4, 4, 4)
        self.history_browser = QTextBrowser(IssueHistoryPanel)
        self.history_browser.setObjectName(u"history_browser")
        self.history_browser.setOpenLinks(False)

        self.main_layout.addWidget(self.history_browser)


        self.retranslateUi(IssueHistoryPanel)
    # setupUi

    def retranslateUi(self, IssueHistoryPanel):
        pass
    # retranslateUi

