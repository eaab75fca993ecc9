-- Offices after the 2025 reform (two-tier local government, Nghị định 118/2025/NĐ-CP):
-- - value lists gain the levels Tỉnh (and keeps Huyện, Xã) and the kinds tỉnh, thành phố,
--   đặc khu; the user may add more (Danh mục);
-- - a unit may belong to a parent unit (a điểm tiếp nhận under its commune centre, a chi
--   nhánh under a province centre) and keeps its official code (Mã ĐVHC, QĐ 19/2025/QĐ-TTg);
--   both nullable so the trash can bring back units deleted before this step;
-- - the staff group Hỗ trợ (postal staff, service providers, contract support): SQLite cannot
--   change a CHECK, so assignments is rebuilt row for row with the same ids, and its history
--   triggers are made again unchanged;
-- - a saved report names the template it was made from; users may save their own narrative
--   as a template (report_templates).

INSERT INTO unit_levels (code, label, sort_order) VALUES ('tinh', 'Tỉnh', 0)
    ON CONFLICT (code) DO NOTHING;
INSERT INTO unit_kinds (code, label, sort_order) VALUES
    ('tinh', 'tỉnh', 5), ('thanh_pho', 'thành phố', 6), ('dac_khu', 'đặc khu', 7)
    ON CONFLICT (code) DO NOTHING;

ALTER TABLE units ADD COLUMN parent_id INTEGER REFERENCES units (id);
ALTER TABLE units ADD COLUMN official_code TEXT;
CREATE INDEX units_by_parent ON units (parent_id);

DROP TRIGGER history_units_insert;
DROP TRIGGER history_units_update;
DROP TRIGGER history_units_delete;

CREATE TRIGGER history_units_insert AFTER INSERT ON units
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('units', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'code', NEW.code,
        'name', NEW.name,
        'level', NEW.level,
        'kind', NEW.kind,
        'admin_name', NEW.admin_name,
        'address', NEW.address,
        'area_m2', NEW.area_m2,
        'founding_decision', NEW.founding_decision,
        'staffing_decision', NEW.staffing_decision,
        'rules', NEW.rules,
        'hotline', NEW.hotline,
        'notes', NEW.notes,
        'sort_order', NEW.sort_order,
        'parent_id', NEW.parent_id,
        'official_code', NEW.official_code
    ));
END;

CREATE TRIGGER history_units_update AFTER UPDATE ON units
WHEN json_object(
        'id', OLD.id,
        'code', OLD.code,
        'name', OLD.name,
        'level', OLD.level,
        'kind', OLD.kind,
        'admin_name', OLD.admin_name,
        'address', OLD.address,
        'area_m2', OLD.area_m2,
        'founding_decision', OLD.founding_decision,
        'staffing_decision', OLD.staffing_decision,
        'rules', OLD.rules,
        'hotline', OLD.hotline,
        'notes', OLD.notes,
        'sort_order', OLD.sort_order,
        'parent_id', OLD.parent_id,
        'official_code', OLD.official_code
    ) IS NOT json_object(
        'id', NEW.id,
        'code', NEW.code,
        'name', NEW.name,
        'level', NEW.level,
        'kind', NEW.kind,
        'admin_name', NEW.admin_name,
        'address', NEW.address,
        'area_m2', NEW.area_m2,
        'founding_decision', NEW.founding_decision,
        'staffing_decision', NEW.staffing_decision,
        'rules', NEW.rules,
        'hotline', NEW.hotline,
        'notes', NEW.notes,
        'sort_order', NEW.sort_order,
        'parent_id', NEW.parent_id,
        'official_code', NEW.official_code
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('units', NEW.id, 'update', json_object(
        'id', OLD.id,
        'code', OLD.code,
        'name', OLD.name,
        'level', OLD.level,
        'kind', OLD.kind,
        'admin_name', OLD.admin_name,
        'address', OLD.address,
        'area_m2', OLD.area_m2,
        'founding_decision', OLD.founding_decision,
        'staffing_decision', OLD.staffing_decision,
        'rules', OLD.rules,
        'hotline', OLD.hotline,
        'notes', OLD.notes,
        'sort_order', OLD.sort_order,
        'parent_id', OLD.parent_id,
        'official_code', OLD.official_code
    ), json_object(
        'id', NEW.id,
        'code', NEW.code,
        'name', NEW.name,
        'level', NEW.level,
        'kind', NEW.kind,
        'admin_name', NEW.admin_name,
        'address', NEW.address,
        'area_m2', NEW.area_m2,
        'founding_decision', NEW.founding_decision,
        'staffing_decision', NEW.staffing_decision,
        'rules', NEW.rules,
        'hotline', NEW.hotline,
        'notes', NEW.notes,
        'sort_order', NEW.sort_order,
        'parent_id', NEW.parent_id,
        'official_code', NEW.official_code
    ));
END;

CREATE TRIGGER history_units_delete AFTER DELETE ON units
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('units', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'code', OLD.code,
        'name', OLD.name,
        'level', OLD.level,
        'kind', OLD.kind,
        'admin_name', OLD.admin_name,
        'address', OLD.address,
        'area_m2', OLD.area_m2,
        'founding_decision', OLD.founding_decision,
        'staffing_decision', OLD.staffing_decision,
        'rules', OLD.rules,
        'hotline', OLD.hotline,
        'notes', OLD.notes,
        'sort_order', OLD.sort_order,
        'parent_id', OLD.parent_id,
        'official_code', OLD.official_code
    ));
END;

DROP TRIGGER history_assignments_insert;
DROP TRIGGER history_assignments_update;
DROP TRIGGER history_assignments_delete;

CREATE TABLE assignments_new (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    kind TEXT NOT NULL CHECK (kind IN ('bien_che', 'biet_phai', 'cu_den', 'ho_tro')),
    position TEXT NOT NULL DEFAULT '',
    sending_agency TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    end_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
INSERT INTO assignments_new (id, person_id, unit_id, kind, position, sending_agency, fields,
                             decision, start_date, end_date, notes)
    SELECT id, person_id, unit_id, kind, position, sending_agency, fields,
           decision, start_date, end_date, notes FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_new RENAME TO assignments;
CREATE INDEX assignments_by_unit ON assignments (unit_id);
CREATE INDEX assignments_by_person ON assignments (person_id);

CREATE TRIGGER history_assignments_insert AFTER INSERT ON assignments
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('assignments', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'person_id', NEW.person_id,
        'unit_id', NEW.unit_id,
        'kind', NEW.kind,
        'position', NEW.position,
        'sending_agency', NEW.sending_agency,
        'fields', NEW.fields,
        'decision', NEW.decision,
        'start_date', NEW.start_date,
        'end_date', NEW.end_date,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_assignments_update AFTER UPDATE ON assignments
WHEN json_object(
        'id', OLD.id,
        'person_id', OLD.person_id,
        'unit_id', OLD.unit_id,
        'kind', OLD.kind,
        'position', OLD.position,
        'sending_agency', OLD.sending_agency,
        'fields', OLD.fields,
        'decision', OLD.decision,
        'start_date', OLD.start_date,
        'end_date', OLD.end_date,
        'notes', OLD.notes
    ) IS NOT json_object(
        'id', NEW.id,
        'person_id', NEW.person_id,
        'unit_id', NEW.unit_id,
        'kind', NEW.kind,
        'position', NEW.position,
        'sending_agency', NEW.sending_agency,
        'fields', NEW.fields,
        'decision', NEW.decision,
        'start_date', NEW.start_date,
        'end_date', NEW.end_date,
        'notes', NEW.notes
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('assignments', NEW.id, 'update', json_object(
        'id', OLD.id,
        'person_id', OLD.person_id,
        'unit_id', OLD.unit_id,
        'kind', OLD.kind,
        'position', OLD.position,
        'sending_agency', OLD.sending_agency,
        'fields', OLD.fields,
        'decision', OLD.decision,
        'start_date', OLD.start_date,
        'end_date', OLD.end_date,
        'notes', OLD.notes
    ), json_object(
        'id', NEW.id,
        'person_id', NEW.person_id,
        'unit_id', NEW.unit_id,
        'kind', NEW.kind,
        'position', NEW.position,
        'sending_agency', NEW.sending_agency,
        'fields', NEW.fields,
        'decision', NEW.decision,
        'start_date', NEW.start_date,
        'end_date', NEW.end_date,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_assignments_delete AFTER DELETE ON assignments
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('assignments', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'person_id', OLD.person_id,
        'unit_id', OLD.unit_id,
        'kind', OLD.kind,
        'position', OLD.position,
        'sending_agency', OLD.sending_agency,
        'fields', OLD.fields,
        'decision', OLD.decision,
        'start_date', OLD.start_date,
        'end_date', OLD.end_date,
        'notes', OLD.notes
    ));
END;

ALTER TABLE reports ADD COLUMN template TEXT;

CREATE TABLE report_templates (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    base TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    noi_nhan TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
