"""Một Cửa Desktop: the register of one-stop-shop units and its report."""

__version__ = "0.1.0"
