-- A random tag naming this register. The export writes it into each row's
-- "Mã dòng (không sửa)" (e.g. PC45@1f2e3d4c), so a re-import finds the very row it came
-- from, and a file exported from another register is never taken for this one's rows.
CREATE TABLE register_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tag TEXT NOT NULL
);
INSERT INTO register_identity (id, tag) VALUES (1, lower(hex(randomblob(4))));
