"""Pure-Python domain: records, validation, counting and Vietnamese text. No Qt, no SQL."""
