"""Config: defaults, key-by-key overrides, and clear errors."""

from __future__ import annotations

import pytest

from storytrace.config import load_config
from storytrace.errors import ConfigError


def test_defaults() -> None:
    config = load_config()
    assert config.store_path == "storytrace.db"
    assert config.stages == ("entities", "attributions", "times", "events")
    assert config.parse.batch_size == 32


def test_user_file_overrides_only_its_keys(tmp_path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[parse]\nbatch_size = 8\n[fetch]\ntimeout = 3\n", encoding="utf-8")
    config = load_config(path)
    assert config.parse.batch_size == 8
    assert config.parse.model == "auto"
    assert config.fetch.timeout == 3.0
    assert config.fetch.max_redirects == 5


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[parse]\nbatchsize = 8\n", "unknown key 'batchsize'"),
        ("[parse]\nbatch_size = 'x'\n", "'batch_size' must be int, not str"),
        ("[parse]\nbatch_size = 0\n", "parse.batch_size must be positive, got 0"),
        ("parse = 3\n", "'parse' must be a table"),
        ("[parse\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, body: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_missing_config_file(tmp_path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "absent.toml")
