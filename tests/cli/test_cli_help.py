"""``motcua --help`` and its usage errors are in Vietnamese, sub-commands included."""

from __future__ import annotations

import re

import pytest

from motcua_desktop.cli.main import EXIT_BAD_INPUT, build_parser, run

ENGLISH = re.compile(r"\b(usage|options|optional|positional|arguments?|show|help message|error|"
                     r"required|invalid|choose|unrecognized|expected)\b", re.IGNORECASE)


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return list(sub.choices)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_is_vietnamese(command, capsys):
    with pytest.raises(SystemExit) as stop:
        run([command, "--help"] if command else ["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: motcua")
    assert "tùy chọn:" in out and "in hướng dẫn này rồi thoát" in out
    # the help text is ours; argparse's own words must not show through
    assert not ENGLISH.findall(out.replace("--help", "")), ENGLISH.findall(out)


def test_usage_errors_are_vietnamese_and_exit_2(capsys):
    with pytest.raises(SystemExit) as stop:
        run(["report", "--format", "doc"])
    assert stop.value.code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "lỗi: tham số --format: lựa chọn không hợp lệ: 'doc'" in err
    with pytest.raises(SystemExit):
        run(["import"])
    assert "thiếu tham số bắt buộc: TỆP" in capsys.readouterr().err
