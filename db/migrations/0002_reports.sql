-- Saved reports (BÁO CÁO): everything the user edits; the figures are not stored but
-- computed from the register as of `as_of` (or the report's date) each time it is printed.
-- Lists (recipients, Nơi nhận, appendices) are JSON arrays of strings.

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL DEFAULT '',
    report_date TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    noi_nhan TEXT NOT NULL DEFAULT '[]',
    appendices TEXT NOT NULL DEFAULT '["staff"]',
    as_of TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX reports_by_date ON reports (report_date);
