"""The ``motcua`` command: the window by default, sub-commands for scripts and IT staff.

Exit status: 0 success, 2 bad input (one-line reason on stderr), 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .. import __version__
from ..domain.validation import ValidationError
from ..errors import KnownProblem
from ..store.errors import InputRejected
from .errors import UserError
from .streams import flush_quietly, force_utf8

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
_PATH_PROBLEMS = {
    FileNotFoundError: "không tìm thấy",
    NotADirectoryError: "một phần của đường dẫn không phải là thư mục",
    IsADirectoryError: "đây là một thư mục, không phải tệp",
    PermissionError: "không có quyền truy cập",
}


# How a value is named in ``--help`` (argparse would print the option's name in capitals).
_METAVARS = {"db": "TỆP", "out": "TỆP_RA", "file": "TỆP", "files": "TỆP", "report": "SỐ",
             "as_of": "NGÀY", "printer": "MÁY_IN", "office": "MÃ"}


class _Parser(argparse.ArgumentParser):
    """argparse in Vietnamese, exiting 2 on a usage error as it does by default."""

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        takes_value = kwargs.get("action") in (None, "store", "append") and "choices" not in kwargs
        if takes_value and "metavar" not in kwargs:
            dest = kwargs.get("dest") or next(
                (a.lstrip("-").replace("-", "_") for a in args if a.startswith("--")), args[0] if args else "")
            kwargs["metavar"] = _METAVARS.get(dest, "GIÁ_TRỊ")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # noqa: D401
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: lỗi: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import commands
    from .argparse_vi import install

    install()  # "cách dùng:", "tùy chọn" and argparse's own errors in Vietnamese
    parser = _Parser(prog="motcua", description="Một Cửa Desktop: quản lý Bộ phận Một cửa và lập báo cáo.")
    parser.add_argument("--version", action="version", version=f"Một Cửa Desktop {__version__}",
                        help="in số phiên bản rồi thoát")
    parser.add_argument("--db", metavar="TỆP", help="tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument("--demo", action="store_true", help="mở một bản sao tạm của dữ liệu mẫu")
    parser.add_argument("--smoke-test", action="store_true",
                        help="tự kiểm tra: mở cửa sổ trên dữ liệu mẫu, in báo cáo ra PDF tạm, rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    commands.register(sub)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    force_utf8()  # before anything is printed: a cp1252 pipe must not fail after the work is done
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.smoke_test:
            from ..smoke import run_smoke_test

            return run_smoke_test()
        if args.command is None:
            from ..ui.app import run_gui

            return run_gui(db=args.db, demo=args.demo)
        return args.handler(args) or EXIT_OK
    except (UserError, ValidationError) as exc:
        print(f"motcua: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputRejected as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        print(f"motcua: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KnownProblem as exc:  # the environment (a locked or full file, a missing font): not a bug
        print(f"motcua: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError) as exc:
        # A path the user gave that cannot be used: their input, not our bug.
        why = _PATH_PROBLEMS.get(type(exc), exc.strerror)
        print(f"motcua: không dùng được đường dẫn {exc.filename}: {why}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"motcua: lỗi hệ thống khi đọc/ghi {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as exc:  # a bug: logged with its traceback, told as a program error
        from .. import errorlog

        path = errorlog.log_exception((type(exc), exc, exc.__traceback__))
        print(f"motcua: {errorlog.BUG_TITLE}. {errorlog.user_message(exc, path)}", file=sys.stderr)
        return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> None:
    from ..running import hold_running_mutex

    hold_running_mutex()  # the installer waits for every running copy to close
    status = run(argv)
    flush_quietly()
    sys.exit(status)


def main_gui() -> None:
    """Entry point of the windowed executable (no console on Windows)."""
    main(sys.argv[1:])
