from tests.smtp import smtp_server  # noqa: F401 (a fixture, used by name)
