-- Change history, continued: adds, edits and deletes of the equipment catalogue, its norms,
-- the organisation's settings and saved reports, written by triggers in the same style as
-- 0003 (so a rolled-back write records nothing, and an edit that changes nothing is skipped).
-- - equipment_types: record_id is the type's id. name_key is left out: it is derived from
--   the name (store/equipment.py type_key) and recomputed when a type is restored.
-- - equipment_norms: filed under their catalogue entry (record_id = type_id); the level is
--   in the JSON. Norms removed by the ON DELETE CASCADE of a deleted type are recorded too.
-- - settings: record_id is the row's rowid; the JSON holds the key and the value, the value
--   nested as JSON when it is valid JSON (it always is when the app wrote it).
-- - reports: record_id is the report's id. updated_at is left out: the history row has its
--   own time, and a save that changes nothing but that stamp is not an edit.

CREATE TRIGGER history_equipment_types_insert AFTER INSERT ON equipment_types
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('equipment_types', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'name', NEW.name,
        'sort_order', NEW.sort_order
    ));
END;

CREATE TRIGGER history_equipment_types_update AFTER UPDATE ON equipment_types
WHEN json_object(
        'id', OLD.id,
        'name', OLD.name,
        'sort_order', OLD.sort_order
    ) IS NOT json_object(
        'id', NEW.id,
        'name', NEW.name,
        'sort_order', NEW.sort_order
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('equipment_types', NEW.id, 'update', json_object(
        'id', OLD.id,
        'name', OLD.name,
        'sort_order', OLD.sort_order
    ), json_object(
        'id', NEW.id,
        'name', NEW.name,
        'sort_order', NEW.sort_order
    ));
END;

CREATE TRIGGER history_equipment_types_delete AFTER DELETE ON equipment_types
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('equipment_types', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'name', OLD.name,
        'sort_order', OLD.sort_order
    ));
END;

CREATE TRIGGER history_equipment_norms_insert AFTER INSERT ON equipment_norms
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('equipment_norms', NEW.type_id, 'insert', json_object(
        'type_id', NEW.type_id,
        'level', NEW.level,
        'quantity', NEW.quantity
    ));
END;

CREATE TRIGGER history_equipment_norms_update AFTER UPDATE ON equipment_norms
WHEN json_object(
        'type_id', OLD.type_id,
        'level', OLD.level,
        'quantity', OLD.quantity
    ) IS NOT json_object(
        'type_id', NEW.type_id,
        'level', NEW.level,
        'quantity', NEW.quantity
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('equipment_norms', NEW.type_id, 'update', json_object(
        'type_id', OLD.type_id,
        'level', OLD.level,
        'quantity', OLD.quantity
    ), json_object(
        'type_id', NEW.type_id,
        'level', NEW.level,
        'quantity', NEW.quantity
    ));
END;

CREATE TRIGGER history_equipment_norms_delete AFTER DELETE ON equipment_norms
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('equipment_norms', OLD.type_id, 'delete', json_object(
        'type_id', OLD.type_id,
        'level', OLD.level,
        'quantity', OLD.quantity
    ));
END;

CREATE TRIGGER history_settings_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('settings', NEW.rowid, 'insert', json_object(
        'key', NEW.key,
        'value', CASE WHEN json_valid(NEW.value) THEN json(NEW.value) ELSE NEW.value END
    ));
END;

CREATE TRIGGER history_settings_update AFTER UPDATE ON settings
WHEN json_object(
        'key', OLD.key,
        'value', CASE WHEN json_valid(OLD.value) THEN json(OLD.value) ELSE OLD.value END
    ) IS NOT json_object(
        'key', NEW.key,
        'value', CASE WHEN json_valid(NEW.value) THEN json(NEW.value) ELSE NEW.value END
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('settings', NEW.rowid, 'update', json_object(
        'key', OLD.key,
        'value', CASE WHEN json_valid(OLD.value) THEN json(OLD.value) ELSE OLD.value END
    ), json_object(
        'key', NEW.key,
        'value', CASE WHEN json_valid(NEW.value) THEN json(NEW.value) ELSE NEW.value END
    ));
END;

CREATE TRIGGER history_settings_delete AFTER DELETE ON settings
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('settings', OLD.rowid, 'delete', json_object(
        'key', OLD.key,
        'value', CASE WHEN json_valid(OLD.value) THEN json(OLD.value) ELSE OLD.value END
    ));
END;

CREATE TRIGGER history_reports_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO change_history (table_name, record_id, action, after)
    VALUES ('reports', NEW.id, 'insert', json_object(
        'id', NEW.id,
        'number', NEW.number,
        'report_date', NEW.report_date,
        'place', NEW.place,
        'recipients', NEW.recipients,
        'title', NEW.title,
        'body', NEW.body,
        'signer_authority', NEW.signer_authority,
        'signer_title', NEW.signer_title,
        'signer_name', NEW.signer_name,
        'noi_nhan', NEW.noi_nhan,
        'appendices', NEW.appendices,
        'as_of', NEW.as_of
    ));
END;

CREATE TRIGGER history_reports_update AFTER UPDATE ON reports
WHEN json_object(
        'id', OLD.id,
        'number', OLD.number,
        'report_date', OLD.report_date,
        'place', OLD.place,
        'recipients', OLD.recipients,
        'title', OLD.title,
        'body', OLD.body,
        'signer_authority', OLD.signer_authority,
        'signer_title', OLD.signer_title,
        'signer_name', OLD.signer_name,
        'noi_nhan', OLD.noi_nhan,
        'appendices', OLD.appendices,
        'as_of', OLD.as_of
    ) IS NOT json_object(
        'id', NEW.id,
        'number', NEW.number,
        'report_date', NEW.report_date,
        'place', NEW.place,
        'recipients', NEW.recipients,
        'title', NEW.title,
        'body', NEW.body,
        'signer_authority', NEW.signer_authority,
        'signer_title', NEW.signer_title,
        'signer_name', NEW.signer_name,
        'noi_nhan', NEW.noi_nhan,
        'appendices', NEW.appendices,
        'as_of', NEW.as_of
    )
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before, after)
    VALUES ('reports', NEW.id, 'update', json_object(
        'id', OLD.id,
        'number', OLD.number,
        'report_date', OLD.report_date,
        'place', OLD.place,
        'recipients', OLD.recipients,
        'title', OLD.title,
        'body', OLD.body,
        'signer_authority', OLD.signer_authority,
        'signer_title', OLD.signer_title,
        'signer_name', OLD.signer_name,
        'noi_nhan', OLD.noi_nhan,
        'appendices', OLD.appendices,
        'as_of', OLD.as_of
    ), json_object(
        'id', NEW.id,
        'number', NEW.number,
        'report_date', NEW.report_date,
        'place', NEW.place,
        'recipients', NEW.recipients,
        'title', NEW.title,
        'body', NEW.body,
        'signer_authority', NEW.signer_authority,
        'signer_title', NEW.signer_title,
        'signer_name', NEW.signer_name,
        'noi_nhan', NEW.noi_nhan,
        'appendices', NEW.appendices,
        'as_of', NEW.as_of
    ));
END;

CREATE TRIGGER history_reports_delete AFTER DELETE ON reports
BEGIN
    INSERT INTO change_history (table_name, record_id, action, before)
    VALUES ('reports', OLD.id, 'delete', json_object(
        'id', OLD.id,
        'number', OLD.number,
        'report_date', OLD.report_date,
        'place', OLD.place,
        'recipients', OLD.recipients,
        'title', OLD.title,
        'body', OLD.body,
        'signer_authority', OLD.signer_authority,
        'signer_title', OLD.signer_title,
        'signer_name', OLD.signer_name,
        'noi_nhan', OLD.noi_nhan,
        'appendices', OLD.appendices,
        'as_of', OLD.as_of
    ));
END;
