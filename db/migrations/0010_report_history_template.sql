-- The history of saved reports records their template too. The column came in 0005 after the
-- triggers of 0004 were written, so a report restored from the trash lost the template it was
-- made from. Same triggers as 0004 otherwise (updated_at still left out).

DROP TRIGGER history_reports_insert;
DROP TRIGGER history_reports_update;
DROP TRIGGER history_reports_delete;

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
        'as_of', NEW.as_of,
        'template', NEW.template
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
        'as_of', OLD.as_of,
        'template', OLD.template
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
        'as_of', NEW.as_of,
        'template', NEW.template
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
        'as_of', OLD.as_of,
        'template', OLD.template
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
        'as_of', NEW.as_of,
        'template', NEW.template
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
        'as_of', OLD.as_of,
        'template', OLD.template
    ));
END;
