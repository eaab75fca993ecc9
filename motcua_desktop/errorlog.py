"""Uncaught exceptions: written with their traceback to a rotating log in the data folder,
and turned into a Vietnamese message naming that log (the dialog itself lives in ui).

A bug is told as a program error; a known problem of the user's environment (a locked or
full data file, a missing font: :class:`~.errors.KnownProblem`) keeps its own message."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from . import userdata
from .errors import is_bug

LOG_FILE = "motcua.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # motcua.log.1 … .5: a few MB at most on an office PC
_handler: RotatingFileHandler | None = None
log = logging.getLogger("motcua_desktop")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def setup_logging() -> Path | None:
    """Send the app's log to ``log_dir()/motcua.log`` (rotating); None when it cannot be
    written (a read-only profile): the app still runs, logging to stderr."""
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    try:
        folder = userdata.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        logging.basicConfig(level=logging.INFO)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _handler = handler
    return Path(handler.baseFilename)


def shutdown_logging() -> None:
    """Close the log file (tests switch data folders; Windows cannot delete an open file)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def log_exception(exc_info: ExcInfo) -> Path | None:
    """Write the exception and its traceback to the log; where it went."""
    path = setup_logging()
    log.error("Lỗi không lường trước", exc_info=exc_info)
    if _handler is not None:
        _handler.flush()
    return path


BUG_TITLE = "Lỗi chương trình"
PROBLEM_TITLE = "Không thực hiện được"


def user_title(exc: BaseException) -> str:
    return BUG_TITLE if is_bug(exc) else PROBLEM_TITLE


def user_message(exc: BaseException, log_path: Path | None) -> str:
    """What the user is told: what happened, that their data is safe, where the details are."""
    if isinstance(exc, MemoryError):
        head = "Máy tính không đủ bộ nhớ để làm việc vừa yêu cầu."
    elif isinstance(exc, OSError):
        head = f"Không đọc hoặc ghi được tệp ({exc.strerror or exc})."
    elif not is_bug(exc):
        head = str(exc)
    else:
        head = (
            "Chương trình gặp một lỗi không lường trước khi làm việc vừa yêu cầu. Đây là lỗi "
            "của chương trình, không phải do tệp dữ liệu hay thao tác của bạn."
        )
    where = (
        f"Chi tiết kỹ thuật đã được ghi vào tệp nhật ký:\n{log_path}\n"
        "Hãy gửi tệp này cho người hỗ trợ kỹ thuật."
        if log_path
        else "Không ghi được tệp nhật ký (thư mục dữ liệu chỉ cho phép đọc)."
    )
    return (
        f"{head}\n\nDữ liệu đã lưu không bị ảnh hưởng: mỗi thay đổi được ghi trọn vẹn hoặc "
        f"không ghi gì. Bạn có thể tiếp tục làm việc.\n\n{where}"
    )


Show = Callable[[BaseException, str, Path | None], None]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_excepthook(show: Show | None = None) -> ExceptHook:
    """Route uncaught exceptions to the log and to ``show(exc, message, log_path)``; returns
    the previous hook. Ctrl+C keeps its usual meaning."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        path = log_exception((exc_type, exc, tb))
        message = user_message(exc, path)
        if show is None:
            print(f"motcua: {message}", file=sys.stderr)
        else:
            try:
                show(exc, message, path)
            except Exception:  # the dialog itself failing must not loop back here
                log.exception("Không hiện được hộp thoại báo lỗi")
                print(f"motcua: {message}", file=sys.stderr)

    sys.excepthook = hook
    return previous
