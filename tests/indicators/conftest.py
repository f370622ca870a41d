from tests.web.conftest import world  # noqa: F401 - the named users and pairings of the web and API tests
