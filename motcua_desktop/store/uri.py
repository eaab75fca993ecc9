"""The one place a register's path becomes an SQLite ``file:`` URI, on every platform.

``Path.resolve().as_uri()`` is wrong on Windows in two ways: ``resolve()`` turns a mapped
drive (``S:\\dữ liệu``) into its UNC target, and ``as_uri()`` writes a UNC path as
``file://server/share/...``, whose authority Windows SQLite refuses ("invalid uri
authority"). Here the path is made absolute without following links or drive mappings,
and written in the forms SQLite documents:

- ``C:\\a\\b.sqlite``            → ``file:///C:/a/b.sqlite``
- ``\\\\server\\share\\b.sqlite``  → ``file:////server/share/b.sqlite`` (empty authority; the
  path keeps its two leading slashes, which Windows reads as UNC)
- ``/home/x/b.sqlite``           → ``file:///home/x/b.sqlite``

Every character SQLite or a URI would read specially (``?``, ``#``, ``%``, spaces) and every
non-ASCII one (Vietnamese folder names) is percent-encoded as UTF-8, which SQLite decodes.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote

# Characters left as they are in the path part: separators and the drive colon.
_SAFE = "/:"


def _windows_path_text(path: str) -> str:
    """An absolute Windows path with forward slashes, ``\\\\?\\`` prefixes removed."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[len("\\\\?\\UNC\\"):]
    elif text.startswith("\\\\?\\"):
        text = text[len("\\\\?\\"):]
    if not PureWindowsPath(text).is_absolute():
        text = ntpath.abspath(text) if os.name == "nt" else text
    if not PureWindowsPath(text).is_absolute():
        raise ValueError(f"đường dẫn {path} không đầy đủ (thiếu ổ đĩa hoặc máy chủ)")
    return text.replace("\\", "/")


def _uri_path(path: str | PurePath, windows: bool) -> str:
    if windows:
        text = _windows_path_text(str(path))
        if text.startswith("//"):  # UNC: file: + // (empty authority) + //server/share/...
            return "//" + quote(text, safe=_SAFE)
        return "///" + quote(text, safe=_SAFE)  # a drive letter: file:///C:/...
    # abspath, not resolve(): no symlink or mount is followed, the name stays the user's
    text = posixpath.abspath(os.fspath(path))
    return "//" + quote(text, safe=_SAFE)


def sqlite_uri(
    path: str | PurePath, *, mode: str = "ro", immutable: bool = False, windows: bool | None = None
) -> str:
    """The URI opening ``path`` with ``mode`` (``ro`` or ``rw``; ``rw`` never creates a file).

    ``windows`` picks the path rules (default: this machine's); tests pass True on Linux.
    """
    if mode not in ("ro", "rw", "rwc"):
        raise ValueError(f"mode {mode!r}")
    if windows is None:
        windows = os.name == "nt"
    uri = f"file:{_uri_path(path, windows)}?mode={mode}"
    if immutable:
        uri += "&immutable=1"
    return uri

