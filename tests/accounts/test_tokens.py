"""API tokens: shown once, stored hashed, revocable."""

from __future__ import annotations

from pairaid.accounts.models import ApiToken
from pairaid.accounts.services import token_authenticate, token_create, token_hash, token_revoke
from tests.web.factories import World


def test_a_token_is_stored_only_as_its_hash_and_authenticates_its_user(world: World) -> None:
    issued = token_create(username="owner", name="ci")
    stored = ApiToken.objects.get()
    assert issued.token.startswith("pat_") and len(issued.token) > 40
    assert stored.token_hash == token_hash(issued.token) != issued.token
    assert issued.token not in {stored.prefix, stored.token_hash}
    assert token_authenticate(token=issued.token) == world.owner
    assert token_authenticate(token=issued.token + "x") is None


def test_a_revoked_token_or_an_inactive_user_no_longer_authenticates(world: World) -> None:
    issued = token_create(username="owner")
    assert token_revoke(prefix=issued.api_token.prefix) == 1
    assert token_authenticate(token=issued.token) is None
    other = token_create(username="viewer")
    world.viewer.is_active = False
    world.viewer.save()
    assert token_authenticate(token=other.token) is None


def test_pairaid_token_create_prints_a_token_that_works(world: World) -> None:
    from typer.testing import CliRunner

    from pairaid.cli.main import app

    result = CliRunner().invoke(app, ["token", "create", "owner", "--name", "laptop"])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert token_authenticate(token=token) == world.owner
    assert ApiToken.objects.get().name == "laptop"
    missing = CliRunner().invoke(app, ["token", "create", "nobody"])
    assert missing.exit_code == 1 and "no user named 'nobody'" in missing.output
