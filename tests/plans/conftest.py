from tests.datasets.conftest import kashi_editor, world  # noqa: F401 - the same named users and pairings
