"""Organisation settings: issuing body, place, abbreviation, signer, recipients, the default
"Nơi nhận" list; the equipment norms are one click away (the catalogue editor)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QPushButton, QWidget

from ..domain.fields import SettingsField as S
from ..domain.model import OrgSettings
from ..domain.validation import clean_settings
from .form import FormDialog, plain


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class OrgSettingsDialog(FormDialog):
    def __init__(self, settings: OrgSettings, parent: QWidget | None = None, open_norms=None, open_setup=None):
        super().__init__(self.tr("Thông tin cơ quan"), parent)
        self.setObjectName("orgSettingsDialog")
        self.original = settings
        s = settings
        self.parent_body = self.line(S.PARENT_BODY, s.parent_body)
        self.issuing_body = self.text(S.ISSUING_BODY, "\n".join(s.issuing_body))
        self.issuing_short = self.line(S.ISSUING_BODY_SHORT, s.issuing_body_short)
        self.district = self.line(S.DISTRICT_NAME, s.district_name)
        self.province = self.line(S.PROVINCE_NAME, s.province_name)
        self.place = self.line(S.PLACE_NAME, s.place_name)
        self.abbreviation = self.line(S.DOC_ABBREVIATION, s.doc_abbreviation)
        self.authority = self.line(S.SIGNER_AUTHORITY, s.signer_authority, "KT. CHỦ TỊCH")
        self.signer_title = self.line(S.SIGNER_TITLE, s.signer_title)
        self.signer_name = self.line(S.SIGNER_NAME, s.signer_name)
        self.recipients = self.text(S.RECIPIENTS, "\n".join(s.recipients))
        self.noi_nhan = self.text(S.NOI_NHAN, "\n".join(s.noi_nhan))
        self.noi_nhan.setFixedHeight(110)
        if open_setup is not None:
            setup = QPushButton(self.tr("Chọn từ danh mục đơn vị hành chính…"), self)
            setup.setObjectName("openOfficeSetup")
            setup.clicked.connect(open_setup)
            self.form.insertRow(0, "", setup)
        if open_norms is not None:
            norms = QPushButton(self.tr("Định mức trang thiết bị…"), self)
            norms.clicked.connect(open_norms)
            self.form.addRow("", norms)

    def value(self) -> OrgSettings:
        settings = dataclasses.replace(
            self.original,  # the office code and commune name come from the set-up dialog
            parent_body=plain(self.parent_body),
            issuing_body=_lines(self.issuing_body.toPlainText()),
            issuing_body_short=plain(self.issuing_short),
            district_name=plain(self.district),
            province_name=plain(self.province),
            place_name=plain(self.place),
            doc_abbreviation=plain(self.abbreviation),
            signer_authority=plain(self.authority),
            signer_title=plain(self.signer_title),
            signer_name=plain(self.signer_name),
            recipients=_lines(self.recipients.toPlainText()),
            noi_nhan=_lines(self.noi_nhan.toPlainText()),
        )
        return clean_settings(settings)  # ValidationError names each wrong field
