"""Report templates: the built-in ones (``resources/templates/*.json``, one per era and level)
and the narratives users saved as their own templates (table ``report_templates``)."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

from .. import paths
from ..domain.fields import TemplateField
from ..domain.templates import ReportTemplate, UserTemplate, template_from_dict
from ..domain.text import clean_line, fold, nfc
from ..domain.validation import FieldError, ValidationError
from .connection import Database
from .database import transaction
from .errors import NotFoundError
from .writes import upsert_row

USER_PREFIX = "rieng-"


def templates_dir() -> Path:
    return paths.resources_dir() / "templates"


@cache
def builtin_templates() -> tuple[ReportTemplate, ...]:
    """Every built-in template, in file-name order (district, province, commune)."""
    out = []
    for file in sorted(templates_dir().glob("*.json")):
        out.append(template_from_dict(json.loads(file.read_text(encoding="utf-8"))))
    return tuple(out)


def user_key(name: str) -> str:
    """The key of the user's template of that name (saving under a name again replaces it)."""
    return USER_PREFIX + "-".join(fold(clean_line(name or "")).split())[:60]


class TemplateRepository:
    def __init__(self, db: Database):
        self.db = db

    def user_templates(self) -> list[UserTemplate]:
        rows = self.db.conn.execute(
            "SELECT id, key, name, base, title, body, noi_nhan FROM report_templates ORDER BY id"
        )
        return [UserTemplate(key, name, base, title, body, tuple(json.loads(nn)), id=i)
                for i, key, name, base, title, body, nn in rows]

    def user_template(self, key: str) -> UserTemplate | None:
        return next((t for t in self.user_templates() if t.key == key), None)

    def all(self) -> list[ReportTemplate]:
        """Built-in templates first, then the user's (each on its base's appendix)."""
        builtin = list(builtin_templates())
        by_key = {t.key: t for t in builtin}
        out = list(builtin)
        for u in self.user_templates():
            base = by_key.get(u.base) or builtin[0]
            out.append(dataclasses.replace(
                base, key=u.key, name=u.name, title=u.title, opening="", body=u.body,
                noi_nhan=u.noi_nhan or base.noi_nhan, builtin=False, base=base.key))
        return out

    def get(self, key: str) -> ReportTemplate:
        for t in self.all():
            if t.key == key:
                return t
        raise NotFoundError(f"Không có mẫu báo cáo '{key}'.")

    def save_user(self, name: str, base: str, title: str, body: str,
                  noi_nhan: tuple[str, ...] = ()) -> ReportTemplate:
        """Keep a narrative as the user's own template (a new one, or replacing the one of the
        same name)."""
        name = clean_line(name or "")
        errors: list[FieldError] = []
        if not name:
            errors.append(FieldError(TemplateField.NAME, "không được để trống"))
        elif len(name) > 200:
            errors.append(FieldError(TemplateField.NAME, "dài quá 200 ký tự"))
        if base not in {t.key for t in builtin_templates()}:
            errors.append(FieldError(TemplateField.BASE, f"không có mẫu '{base}'"))
        if errors:
            raise ValidationError(errors)
        key = user_key(name)
        with transaction(self.db):
            noi_nhan_json = json.dumps([clean_line(x) for x in noi_nhan if clean_line(x)], ensure_ascii=False)
            upsert_row(self.db.conn, "report_templates", {
                "key": key, "name": name, "base": base, "title": clean_line(title),
                "body": nfc(body).strip(), "noi_nhan": noi_nhan_json}, ["key"])
        return self.get(key)

    def delete_user(self, key: str) -> None:
        with transaction(self.db):
            if not self.db.conn.execute("DELETE FROM report_templates WHERE key = ?", [key]).rowcount:
                raise NotFoundError(f"Không có mẫu riêng '{key}'.")
