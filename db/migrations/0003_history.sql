-- Change history: every add, edit, end of assignment and delete of a unit, person,
-- assignment or equipment row, with the values before and after as JSON.
-- Triggers write it, so the record of a change is part of the change's own transaction:
-- a write that is rolled back (or cut by a crash) leaves no history, and none is missed.
-- Deleted records stay here; the trash (motcua_desktop/store/trash.py) lists them from
-- this table and re-inserts one on request, marking the deletion row as restored.

CREATE TABLE change_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    before TEXT,
    after TEXT,
    restored_at TEXT
);
CREATE INDEX change_history_by_record ON change_history (table_name, record_id);
CREATE INDEX change_history_deletions ON change_history (action, restored_at);

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
        'sort_order', NEW.sort_order
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
        'sort_order', OLD.sort_order
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
        'sort_order', NEW.sort_order
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
        'sort_order', OLD.sort_order
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
        'sort_order', NEW.sort_order
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
        'sort_order', OLD.sort_order
    ));
END;

CREATE TRIGGER history_people_insert AFTER INSERT ON people
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('people', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'code', NEW.code,
        'full_name', NEW.full_name,
        'birth_year', NEW.birth_year,
        'gender', NEW.gender,
        'phone', NEW.phone,
        'qualification', NEW.qualification,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_people_update AFTER UPDATE ON people
WHEN json_object(
        'id', OLD.id,
        'code', OLD.code,
        'full_name', OLD.full_name,
        'birth_year', OLD.birth_year,
        'gender', OLD.gender,
        'phone', OLD.phone,
        'qualification', OLD.qualification,
        'notes', OLD.notes
    ) IS NOT json_object(
        'id', NEW.id,
        'code', NEW.code,
        'full_name', NEW.full_name,
        'birth_year', NEW.birth_year,
        'gender', NEW.gender,
        'phone', NEW.phone,
        'qualification', NEW.qualification,
        'notes', NEW.notes
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('people', NEW.id, 'update', json_object(
        'id', OLD.id,
        'code', OLD.code,
        'full_name', OLD.full_name,
        'birth_year', OLD.birth_year,
        'gender', OLD.gender,
        'phone', OLD.phone,
        'qualification', OLD.qualification,
        'notes', OLD.notes
    ), json_object(
        'id', NEW.id,
        'code', NEW.code,
        'full_name', NEW.full_name,
        'birth_year', NEW.birth_year,
        'gender', NEW.gender,
        'phone', NEW.phone,
        'qualification', NEW.qualification,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_people_delete AFTER DELETE ON people
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('people', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'code', OLD.code,
        'full_name', OLD.full_name,
        'birth_year', OLD.birth_year,
        'gender', OLD.gender,
        'phone', OLD.phone,
        'qualification', OLD.qualification,
        'notes', OLD.notes
    ));
END;

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

CREATE TRIGGER history_equipment_insert AFTER INSERT ON equipment
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('equipment', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'unit_id', NEW.unit_id,
        'type_id', NEW.type_id,
        'quantity', NEW.quantity,
        'condition', NEW.condition,
        'year_in_service', NEW.year_in_service,
        'serial', NEW.serial,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_equipment_update AFTER UPDATE ON equipment
WHEN json_object(
        'id', OLD.id,
        'unit_id', OLD.unit_id,
        'type_id', OLD.type_id,
        'quantity', OLD.quantity,
        'condition', OLD.condition,
        'year_in_service', OLD.year_in_service,
        'serial', OLD.serial,
        'notes', OLD.notes
    ) IS NOT json_object(
        'id', NEW.id,
        'unit_id', NEW.unit_id,
        'type_id', NEW.type_id,
        'quantity', NEW.quantity,
        'condition', NEW.condition,
        'year_in_service', NEW.year_in_service,
        'serial', NEW.serial,
        'notes', NEW.notes
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('equipment', NEW.id, 'update', json_object(
        'id', OLD.id,
        'unit_id', OLD.unit_id,
        'type_id', OLD.type_id,
        'quantity', OLD.quantity,
        'condition', OLD.condition,
        'year_in_service', OLD.year_in_service,
        'serial', OLD.serial,
        'notes', OLD.notes
    ), json_object(
        'id', NEW.id,
        'unit_id', NEW.unit_id,
        'type_id', NEW.type_id,
        'quantity', NEW.quantity,
        'condition', NEW.condition,
        'year_in_service', NEW.year_in_service,
        'serial', NEW.serial,
        'notes', NEW.notes
    ));
END;

CREATE TRIGGER history_equipment_delete AFTER DELETE ON equipment
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('equipment', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'unit_id', OLD.unit_id,
        'type_id', OLD.type_id,
        'quantity', OLD.quantity,
        'condition', OLD.condition,
        'year_in_service', OLD.year_in_service,
        'serial', OLD.serial,
        'notes', OLD.notes
    ));
END;

