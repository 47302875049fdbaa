# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QHBoxLayout,
    QHeaderView, QLineEdit, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStatusBar, QTabWidget,
    QTreeView, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1366, 768)
        self.quit_action = QAction(MainWindow)
        self.quit_action.setObjectName(u"quit_action")
        self.refresh_action = QAction(MainWindow)
        self.refresh_action.setObjectName(u"refresh_action")
        self.about_action = QAction(MainWindow)
        self.about_action.setObjectName(u"about_action")
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(4, 4, 4, 4)
        self.main_tabs = QTabWidget(self.central_widget)
        self.main_tabs.setObjectName(u"main_tabs")
        self.issues_tab = QWidget()
        self.issues_tab.setObjectName(u"issues_tab")
        self.issues_layout = QVBoxLayout(self.issues_tab)
        self.issues_layout.setObjectName(u"issues_layout")
        self.issues_layout.setContentsMargins(2, 2, 2, 2)
        self.main_tabs.addTab(self.issues_tab, "")
        self.meetings_tab = QWidget()
        self.meetings_tab.setObjectName(u"meetings_tab")
        self.meetings_layout = QVBoxLayout(self.meetings_tab)
        self.meetings_layout.setObjectName(u"meetings_layout")
        self.meetings_layout.setContentsMargins(2, 2, 2, 2)
        self.main_tabs.addTab(self.meetings_tab, "")

        self.central_layout.addWidget(self.main_tabs)

        MainWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(MainWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.view_menu = QMenu(self.menu_bar)
        self.view_menu.setObjectName(u"view_menu")
        self.help_menu = QMenu(self.menu_bar)
        self.help_menu.setObjectName(u"help_menu")
        MainWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(MainWindow)
        self.status_bar.setObjectName(u"status_bar")
        MainWindow.setStatusBar(self.status_bar)
        self.project_dock = QDockWidget(MainWindow)
        self.project_dock.setObjectName(u"project_dock")
        self.project_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.project_dock_contents = QWidget()
        self.project_dock_contents.setObjectName(u"project_dock_contents")
        self.project_dock_layout = QVBoxLayout(self.project_dock_contents)
        self.project_dock_layout.setObjectName(u"project_dock_layout")
        self.project_dock_layout.setContentsMargins(4, 4, 4, 4)
        self.tree_options_layout = QHBoxLayout()
        self.tree_options_layout.setObjectName(u"tree_options_layout")
        self.grouping_combo = QComboBox(self.project_dock_contents)
        self.grouping_combo.setObjectName(u"grouping_combo")

        self.tree_options_layout.addWidget(self.grouping_combo)

        self.year_combo = QComboBox(self.project_dock_contents)
        self.year_combo.setObjectName(u"year_combo")

        self.tree_options_layout.addWidget(self.year_combo)


        self.project_dock_layout.addLayout(self.tree_options_layout)

        self.project_search_edit = QLineEdit(self.project_dock_contents)
        self.project_search_edit.setObjectName(u"project_search_edit")
        self.project_search_edit.setClearButtonEnabled(True)

        self.project_dock_layout.addWidget(self.project_search_edit)

        self.project_tree_view = QTreeView(self.project_dock_contents)
        self.project_tree_view.setObjectName(u"project_tree_view")
        self.project_tree_view.setHeaderHidden(True)
        self.project_tree_view.setUniformRowHeights(True)
        self.project_tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.project_dock_layout.addWidget(self.project_tree_view)

        self.project_dock.setWidget(self.project_dock_contents)
        MainWindow.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.project_dock)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.view_menu.menuAction())
        self.menu_bar.addAction(self.help_menu.menuAction())
        self.file_menu.addAction(self.quit_action)
        self.view_menu.addAction(self.refresh_action)
        self.help_menu.addAction(self.about_action)

        self.retranslateUi(MainWindow)

        self.main_tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u91cd\u70b9\u9879\u76ee\u5305\u4fdd\u5de5\u4f5c\u53f0", None))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa(&X)", None))
#if QT_CONFIG(shortcut)
        self.quit_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.refresh_action.setText(QCoreApplication.translate("MainWindow", u"\u5237\u65b0(&R)", None))
#if QT_CONFIG(shortcut)
        self.refresh_action.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.about_action.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e(&A)", None))
        self.main_tabs.setTabText(self.main_tabs.indexOf(self.issues_tab), QCoreApplication.translate("MainWindow", u"\u95ee\u9898\u53f0\u8d26", None))
        self.main_tabs.setTabText(self.main_tabs.indexOf(self.meetings_tab), QCoreApplication.translate("MainWindow", u"\u4f1a\u8bae\u4e0e\u8bae\u5b9a\u4e8b\u9879", None))
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", u"\u89c6\u56fe(&V)", None))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
        self.project_dock.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u91cd\u70b9\u9879\u76ee", None))
        self.project_search_edit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\u641c\u7d22\u9879\u76ee\u540d\u79f0\u3001\u7f16\u53f7\u3001\u5efa\u8bbe\u5355\u4f4d\u6216\u62fc\u97f3\u9996\u5b57\u6bcd", None))
    # retranslateUi

