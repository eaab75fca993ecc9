-- The register: units, people and their dated assignments, equipment and its catalogue,
-- and the organisation's settings. Value lists (levels, kinds of unit) are data, so a
-- province on the two-tier model can add its own without a code change.

CREATE TABLE unit_levels (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO unit_levels (code, label, sort_order) VALUES ('huyen', 'Huyện', 1), ('xa', 'Xã', 2);

CREATE TABLE unit_kinds (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO unit_kinds (code, label, sort_order) VALUES
    ('huyen', 'huyện', 1), ('thi_tran', 'thị trấn', 2), ('xa', 'xã', 3), ('phuong', 'phường', 4);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    level TEXT NOT NULL REFERENCES unit_levels (code),
    kind TEXT NOT NULL REFERENCES unit_kinds (code),
    admin_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    area_m2 REAL CHECK (area_m2 IS NULL OR area_m2 >= 0),
    founding_decision TEXT NOT NULL DEFAULT '',
    staffing_decision TEXT NOT NULL DEFAULT '',
    rules TEXT NOT NULL DEFAULT '',
    hotline TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    code TEXT UNIQUE,
    full_name TEXT NOT NULL,
    birth_year INTEGER,
    gender TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    qualification TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    kind TEXT NOT NULL CHECK (kind IN ('bien_che', 'biet_phai', 'cu_den')),
    position TEXT NOT NULL DEFAULT '',
    sending_agency TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    end_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX assignments_by_unit ON assignments (unit_id);
CREATE INDEX assignments_by_person ON assignments (person_id);

CREATE TABLE equipment_types (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE equipment_norms (
    type_id INTEGER NOT NULL REFERENCES equipment_types (id) ON DELETE CASCADE,
    level TEXT NOT NULL REFERENCES unit_levels (code),
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (type_id, level)
);

CREATE TABLE equipment (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    type_id INTEGER NOT NULL REFERENCES equipment_types (id),
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    condition TEXT NOT NULL DEFAULT 'tot' CHECK (condition IN ('tot', 'hong', 'cho_thanh_ly')),
    year_in_service INTEGER,
    serial TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX equipment_by_unit ON equipment (unit_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
