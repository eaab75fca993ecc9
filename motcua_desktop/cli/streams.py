"""The command line writes UTF-8, whatever the console or the redirection says.

Redirected or piped on Windows, Python writes in the ANSI code page (cp1258 on a Vietnamese
PC, cp1252 on many others), which has no "ạ" or "ệ": every command would end with a
UnicodeEncodeError after its work was done (a scheduled backup reported failed, a scripted
print retried and printed twice). The windowed executable has no streams at all.
"""

from __future__ import annotations

import io
import os
import sys


def _utf8(stream: io.TextIOBase) -> io.TextIOBase:
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if encoding == "utf8":
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
        return stream
    if isinstance(stream, io.TextIOWrapper):
        try:
            stream.flush()
            stream.reconfigure(encoding="utf-8", errors="replace")
            return stream
        except (ValueError, OSError):  # already written to in another encoding: wrap its bytes
            return io.TextIOWrapper(stream.buffer, encoding="utf-8", errors="replace", line_buffering=True)
    return stream  # something a caller installed on purpose (a test's capture): leave it


def force_utf8() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` UTF-8 (source and frozen alike); give the
    windowed executable, which has none, streams that go nowhere instead of crashing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives with the process
        else:
            setattr(sys, name, _utf8(stream))


def flush_quietly() -> None:
    """At exit: a console or pipe that went away must not turn success into failure."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            _to_devnull(stream)


def _to_devnull(stream: object) -> None:
    """Point a dead stream's descriptor at the null device, so Python's own flush at exit
    does not fail too (it would turn the exit status into 120)."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
