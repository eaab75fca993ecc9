"""A named mutex held while any copy of the app runs, so the installer and the uninstaller
can tell (they check it in .onInit / un.onInit: installer/motcua.nsi) and ask the user to
close the app instead of replacing files under it. Windows only; nothing elsewhere.

``Global\\``: one name for every session on the PC, so an all-users upgrade also sees a
copy another user left open. Creating a mutex there needs no special right.
"""

from __future__ import annotations

import os

MUTEX_NAME = "Global\\MotCuaDesktop.DangChay"

_held: list[int] = []  # the handle, kept for the life of the process (closed by Windows at exit)


def hold_running_mutex(name: str = MUTEX_NAME) -> bool:
    """Create (or open) the mutex and keep it; True when it is held. Never raises."""
    if os.name != "nt" or _held:
        return bool(_held)
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        create = kernel32.CreateMutexW
        create.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR]
        create.restype = wintypes.HANDLE
        handle = create(None, False, name)
    except (OSError, AttributeError):
        return False
    if not handle:
        return False
    _held.append(int(handle))
    return True
