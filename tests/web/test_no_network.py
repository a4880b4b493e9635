import socket

import pytest

from threshold.testing.plugin import NetworkRefused


def test_it_refuses_connections_that_leave_the_machine():
    with socket.socket() as sock, pytest.raises(NetworkRefused):
        sock.connect(("192.0.2.10", 80))


def test_it_allows_loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.socket() as client:
            client.connect(server.getsockname())
