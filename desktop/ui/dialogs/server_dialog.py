"""The shared PostgreSQL server: address kept in QSettings (per computer), the password never stored — it is
asked at each start and lives only in memory."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from desktop.ui.forms.ui_server_dialog import Ui_ServerDialog
from desktop.ui.widgets.fitting import fit_to_screen


@dataclass(frozen=True)
class ServerSettings:
    enabled: bool
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None) -> str:
        from sqlalchemy.engine import (
            URL,  # not at import: the start-up reads these settings before SQLAlchemy loads
        )

        return URL.create("postgresql+psycopg", username=self.user or None, password=password or None,
                          host=self.host, port=self.port, database=self.database).render_as_string(
                              hide_password=False)

    def display(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def load(settings: QSettings) -> ServerSettings:
    return ServerSettings(
        enabled=str(settings.value("server/enabled", "false")).lower() == "true",
        host=str(settings.value("server/host", "") or ""),
        port=int(settings.value("server/port", 5432) or 5432),
        database=str(settings.value("server/database", "keyproj") or "keyproj"),
        user=str(settings.value("server/user", "") or ""),
    )


def save(settings: QSettings, server: ServerSettings) -> None:
    settings.setValue("server/enabled", "true" if server.enabled else "false")
    settings.setValue("server/host", server.host)
    settings.setValue("server/port", server.port)
    settings.setValue("server/database", server.database)
    settings.setValue("server/user", server.user)
    settings.sync()


def ask_password(server: ServerSettings, parent: QWidget | None = None) -> str | None:
    password, ok = QInputDialog.getText(parent, "连接数据库服务器", f"请输入 {server.display()} 的密码：",
                                        QLineEdit.EchoMode.Password)
    return password if ok else None


class ServerDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.settings = settings
        self.form = Ui_ServerDialog()
        self.form.setupUi(self)
        current = load(settings)
        f = self.form
        f.use_server_check.setChecked(current.enabled)
        f.host_edit.setText(current.host)
        f.port_spin.setValue(current.port)
        f.database_edit.setText(current.database)
        f.user_edit.setText(current.user)
        f.use_server_check.toggled.connect(self._on_toggled)
        f.button_box.accepted.connect(self._save)
        f.button_box.rejected.connect(self.reject)
        self._on_toggled(current.enabled)

    def _on_toggled(self, checked: bool) -> None:
        for w in (self.form.host_edit, self.form.port_spin, self.form.database_edit, self.form.user_edit):
            w.setEnabled(checked)

    def value(self) -> ServerSettings:
        f = self.form
        return ServerSettings(f.use_server_check.isChecked(), f.host_edit.text().strip(), f.port_spin.value(),
                              f.database_edit.text().strip(), f.user_edit.text().strip())

    def _save(self) -> None:
        server = self.value()
        if server.enabled:
            missing = [name for name, v in (("服务器地址", server.host), ("数据库名", server.database),
                                             ("用户名", server.user)) if not v]
            if missing:
                self.form.error_label.setText("；".join(f"「{m}」：请填写" for m in missing) + "。")
                return
        save(self.settings, server)
        self.accept()
