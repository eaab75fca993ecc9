-- Data packages received by a province register from its communes (DESIGN.md "Data packages
-- between offices"). One row per receipt; ``replaced_by`` points at the receipt that took its
-- place (NULL: what the province holds now from that office). The figures are the package's
-- totals as received, so the tracking shows them without recounting.
CREATE TABLE received_packages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    package_id TEXT NOT NULL,
    office_code TEXT NOT NULL,
    office_name TEXT NOT NULL DEFAULT '',
    data_date TEXT NOT NULL,
    made_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    app_version TEXT NOT NULL DEFAULT '',
    check_code TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    units INTEGER NOT NULL DEFAULT 0,
    staff_total INTEGER NOT NULL DEFAULT 0,
    staff_own INTEGER NOT NULL DEFAULT 0,
    staff_seconded INTEGER NOT NULL DEFAULT 0,
    staff_sent INTEGER NOT NULL DEFAULT 0,
    staff_support INTEGER NOT NULL DEFAULT 0,
    equipment INTEGER NOT NULL DEFAULT 0,
    replaced_by INTEGER REFERENCES received_packages (id)
);
CREATE INDEX received_packages_by_office ON received_packages (office_code, data_date);

-- each receipt is in the change history like any other write
CREATE TRIGGER history_received_packages_insert AFTER INSERT ON received_packages
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('received_packages', NEW.id, 'insert', json_object(
        'office_code', NEW.office_code, 'office_name', NEW.office_name,
        'data_date', NEW.data_date, 'package_id', NEW.package_id, 'file_name', NEW.file_name,
        'staff_total', NEW.staff_total
    ));
END;

-- Packages this office made (motcua submit): the report of the same date prints the check
-- code, so the signed report vouches for the package sent with it.
CREATE TABLE sent_packages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    package_id TEXT NOT NULL,
    data_date TEXT NOT NULL,
    made_at TEXT NOT NULL,
    check_code TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT ''
);
