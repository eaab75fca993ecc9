"""Data packages between offices: a commune sends its figures (``submit``), the province
receives them (``receive``), tracks who has sent for a period and consolidates the report."""

from .info import INFO_SHEET, PackageInfo
from .receive import Receipt, receive_packages
from .submit import submit_package
from .tracking import TrackingRow, export_tracking, tracking

__all__ = ["INFO_SHEET", "PackageInfo", "Receipt", "TrackingRow", "export_tracking", "receive_packages",
           "submit_package", "tracking"]
