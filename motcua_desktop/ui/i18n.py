"""Vietnamese for Qt's own widgets (buttons, file/print dialogs, context menus).

Qt ships no ``qtbase_vi.qm``; ours is ``resources/i18n/qtbase_vi.qm`` compiled from the
``.ts`` next to it, loaded at start the way Picard loads Qt's translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from .. import paths

QT_CATALOGUE = "qtbase_vi.qm"


def install_translations(app: QCoreApplication) -> QTranslator | None:
    """Load our Qt translation and make Vietnamese the default locale; returns the
    translator (kept alive by the application as its child) or None when missing."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    existing = app.findChild(QTranslator, "motcuaQtTranslator")
    if existing is not None:
        return existing
    translator = QTranslator(app)
    translator.setObjectName("motcuaQtTranslator")
    if not translator.load(str(paths.i18n_dir() / QT_CATALOGUE)):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
