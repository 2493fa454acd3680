"""Every CLI command is documented in the README, and the quick start is two commands."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from qogam.cli import main

REPO = Path(__file__).resolve().parents[1]

README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "qogam") -> list[str]:
    paths: list[str] = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, path))
        else:
            paths.append(path)
    return paths


@pytest.mark.parametrize("command", _command_paths(main))
def test_command_is_documented(command: str) -> None:
    assert f"`{command}" in README, f"{command} is missing from the README's CLI reference"


def test_quick_start_is_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_kaznerd_is_credited() -> None:
    assert "KazNERD" in README and "CC BY 4.0" in README
