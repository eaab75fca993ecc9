"""Reading the spreadsheets offices send, whatever made them: ``.xlsx``, ``.xls``, ``.ods``
through calamine, ``.csv`` through a strict decoder; then finding a table in a sheet (its
header under title rows, over one or two rows, and where a footer ends it).

Nothing here knows the import template: a caller describes the headers it recognises
(:class:`.headers.Vocabulary`) and gets positions back.
"""

from .book import Grid, read_book
from .headers import Header, Vocabulary, find_footer, find_header

__all__ = ["Grid", "Header", "Vocabulary", "find_footer", "find_header", "read_book"]
