"""A real SMTP server for tests: aiosmtpd in a process of its own.

    server = SmtpServer.start(spool=tmp_path / "smtp", refuse=1)
    ...  # the first message is refused with 451, later ones are accepted
    server.messages()  # what it accepted, parsed
    server.stop()

The process listens on a free loopback port (it tells the port on its first
line of output) and writes each message it accepts to a file in `spool`.
With `hang=True` it never answers a message (a sender stuck mid-send) and
touches `spool/hung` when one arrives. Run as a script, it is that server:
`python tests/smtp.py SPOOL REFUSE HANG`.
"""

import email
import email.policy
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REFUSAL = "451 4.3.0 Try again later"


@dataclass
class SmtpServer:
    process: subprocess.Popen
    port: int
    spool: Path

    @classmethod
    def start(cls, *, spool: Path, refuse: int = 0, hang: bool = False) -> "SmtpServer":
        spool.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(
            [sys.executable, __file__, str(spool), str(refuse), str(int(hang))],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = process.stdout.readline()
        if not line.strip().isdigit():
            process.kill()
            raise RuntimeError(f"the SMTP server did not start: {line!r}")
        return cls(process=process, port=int(line), spool=spool)

    def messages(self) -> list[email.message.EmailMessage]:
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(self.spool.glob("*.eml"))
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()

    @property
    def hung(self) -> bool:
        """Has a sender got stuck in the middle of a message?"""
        return (self.spool / "hung").exists()


class RefuseFirst:
    """Refuses the first `refuse` messages (a server that is busy), then
    accepts and stores each message as a file; or, told to hang, never answers."""

    def __init__(self, spool: Path, refuse: int, hang: bool):
        self.spool, self.refuse, self.hang, self.seen = spool, refuse, hang, 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        import asyncio

        self.seen += 1
        if self.hang:
            (self.spool / "hung").touch()
            await asyncio.sleep(3600)
        if self.seen <= self.refuse:
            return REFUSAL
        accepted = len(list(self.spool.glob("*.eml"))) + 1
        path = self.spool / f"{accepted:05d}.eml"
        path.with_suffix(".tmp").write_bytes(envelope.original_content)
        path.with_suffix(".tmp").rename(path)  # a reader never sees half a message
        return "250 2.0.0 OK"


def serve(spool: Path, refuse: int, hang: bool) -> None:
    import asyncio

    from aiosmtpd.smtp import SMTP

    handler = RefuseFirst(spool, refuse, hang)
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler), host="127.0.0.1", port=0)
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    loop.run_forever()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1")


@pytest.fixture
def smtp_server(request, tmp_path, settings):
    """A real SMTP server that Django sends to; it refuses the first message
    (or as many as `@pytest.mark.parametrize("smtp_server", [n], indirect=True)`
    says) and accepts the rest."""
    server = SmtpServer.start(spool=tmp_path / "smtp", refuse=getattr(request, "param", 1))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()
