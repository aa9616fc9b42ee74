"""What a new user met trying every command on their own sources.yaml: each test is one thing
that went wrong for them, through the real CLI (a real HTTP server, a real SMTP server)."""

from __future__ import annotations

import os
from pathlib import Path

from .conftest import PERIOD, REPO, Site, digest_cli, http_config


def _without_psycopg(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import psycopg` fails as it does on an install without the
    `postgres` extra (`make demo` installs none), whatever this test environment has."""
    stub = tmp_path / "no-extras" / "psycopg"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n",
        encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join((str(stub.parent), str(REPO)))}


def test_build_works_on_sqlite_without_the_postgres_extra(tmp_path: Path,
                                                          sample_site: Site) -> None:
    """`digest build` after `digest fetch` said "internal error: ModuleNotFoundError: No module
    named 'psycopg'" on every SQLite install: it asked the (PostgreSQL) queue what was
    pending."""
    config = http_config(tmp_path, sample_site.base)
    env = _without_psycopg(tmp_path)
    fetched = digest_cli("fetch", "--config", str(config), env=env)
    assert fetched.returncode == 0, fetched.stderr
    built = digest_cli("build", "--config", str(config), "--period", PERIOD, env=env)
    assert built.returncode == 0, built.stderr
    assert "internal error" not in built.stderr
    assert "Built China AI Watch" in built.stdout
    assert (tmp_path / "out" / "issues" / PERIOD / "issue.json").is_file()
