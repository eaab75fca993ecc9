"""A form dialog whose every field has its own error line, filled from ``ValidationError``.

Each input is added under its field's key (``UnitField.NAME``), the key a ``FieldError``
carries, so an error lands next to the field it is about; the label beside the input comes
from the record's label registry (``domain.fields``). An error about a field the form does
not show goes at the top of the form, with its label.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import FieldKey
from ..domain.text import clean_line, format_date, format_number, nfc, parse_date, parse_number
from ..domain.validation import FieldError, ValidationError
from ..store.errors import StoreError

ERROR_STYLE = "color: #b00020;"

# Where an input sits in a form: its record type, its key, and the entry of a field that
# holds one value per something (a norm per level). A person's and an assignment's ``notes``
# are two slots.
Slot = tuple[type[FieldKey], str, str]


def slot(key: FieldKey, item: str = "") -> Slot:
    return (type(key), str(key), item)


class FormDialog(QDialog):
    """Fields in a form layout; ``submit`` (given by the caller) stores the result and may
    raise ``ValidationError``/``StoreError``: the dialog then stays open showing why."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._layout = QVBoxLayout(self)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("formError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self._layout.addWidget(self.general_error)
        self.form = QFormLayout()
        self._layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.fields: dict[Slot, QWidget] = {}
        self.errors: dict[Slot, QLabel] = {}
        self.submit: Callable[[], None] | None = None

    # building ------------------------------------------------------------------------------
    def add_field(self, key: FieldKey, widget: QWidget, *, label: str | None = None,
                  item: str = "") -> QWidget:
        """Add ``widget`` for the field ``key`` under its registered label, or under ``label``
        where this form names the field for its purpose ("Ngày kết thúc" for an end)."""
        label = label or key.label
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.form.addRow(label, holder)
        self.fields[slot(key, item)] = widget
        self.errors[slot(key, item)] = error
        widget.setAccessibleName(label)
        return widget

    def line(self, key: FieldKey, value: str = "", placeholder: str = "", *,
             label: str | None = None, item: str = "") -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setPlaceholderText(placeholder)
        self.add_field(key, edit, label=label, item=item)
        return edit

    def text(self, key: FieldKey, value: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        self.add_field(key, edit)
        return edit

    def combo(self, key: FieldKey, choices: list[tuple[str, object]], current: object = None, *,
              label: str | None = None) -> QComboBox:
        box = QComboBox(self)
        for text, data in choices:
            box.addItem(text, data)
        if current is not None:
            i = box.findData(current)
            box.setCurrentIndex(max(i, 0))
        self.add_field(key, box, label=label)
        return box

    # errors -------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.general_error.hide()
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.clear_errors()
        general = []
        first: QWidget | None = None
        for err in errors:
            where = slot(err.key, err.item)
            label = self.errors.get(where)
            if label is None:
                general.append(str(err))
                continue
            label.setText((label.text() + "\n" if label.text() else "") + err.message)
            label.show()
            first = first or self.fields[where]
        if general:
            self.show_general("\n".join(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def has_field(self, key: FieldKey, item: str = "") -> bool:
        return slot(key, item) in self.fields

    def error_line(self, key: FieldKey, item: str = "") -> QLabel:
        return self.errors[slot(key, item)]

    def error_text(self, key: FieldKey, item: str = "") -> str:
        return self.error_line(key, item).text()

    def _try_accept(self) -> None:
        if self.submit is None:
            self.accept()
            return
        try:
            self.submit()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except StoreError as exc:
            self.clear_errors()
            self.show_general(str(exc))
            return
        self.accept()


class FieldParser:
    """Collects parse errors of typed fields (numbers, years, dates) as ``FieldError``s."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def number(self, key: FieldKey, text: str) -> float | None:
        if not clean_line(text):
            return None
        try:
            return parse_number(text)
        except ValueError as exc:
            self.errors.append(FieldError(key, str(exc)))
            return None

    def integer(self, key: FieldKey, text: str, *, default: int | None = None,
                item: str = "") -> int | None:
        raw = clean_line(text)
        if not raw:
            return default
        if not raw.lstrip("-").isdigit():
            self.errors.append(FieldError(key, f"'{raw}' không phải là số nguyên", item))
            return default
        return int(raw)

    def day(self, key: FieldKey, text: str) -> date | None:
        if not clean_line(text):
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            self.errors.append(FieldError(key, str(exc)))
            return None

    def raise_if_any(self, more: list[FieldError] | None = None) -> None:
        errors = self.errors + list(more or [])
        if errors:
            raise ValidationError(errors)


def show_number(value: float | None) -> str:
    return format_number(value) if value is not None else ""


def show_date(value: date | None) -> str:
    return format_date(value)


def plain(widget: QPlainTextEdit | QLineEdit) -> str:
    return nfc(widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text())
