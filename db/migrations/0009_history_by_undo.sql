-- Rows of the change history written while an import (or a received data package) was taken
-- back with Ctrl+Z. Undoing an import deletes the rows it added; those deletions stay in the
-- history, but the rows were never records the user deleted, so the trash does not offer
-- them back (store/trash.py lists only deletions with by_undo = 0). Marked by
-- store/transfer/journal.py, in the undo's own transaction. Existing rows keep 0.
ALTER TABLE change_history ADD COLUMN by_undo INTEGER NOT NULL DEFAULT 0 CHECK (by_undo IN (0, 1));
