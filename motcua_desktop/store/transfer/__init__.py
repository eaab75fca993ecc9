"""Import and export of the register as a workbook (``Đơn vị``, ``Cán bộ``, ``Thiết bị`` and the
optional catalogue ``Danh mục thiết bị``)."""

from .exporter import export_workbook
from .importer import import_file
from .summary import ImportSummary

__all__ = ["ImportSummary", "export_workbook", "import_file"]
