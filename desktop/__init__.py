"""重点项目包保工作台 — offline desktop workbench for key-project service offices."""

APP_NAME = "重点项目包保工作台"
APP_ID = "KeyProj"
__version__ = "0.2.0"
