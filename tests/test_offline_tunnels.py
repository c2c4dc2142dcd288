"""A forwarded port is drawn whole from the request (nlshell/offline/tunnels.py)."""

import pytest

from nlshell.offline.answer import answers
from nlshell.offline.tunnels import asks_tunnel, drawn
from nlshell.offline.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # it got `ssh -p 5433 -T git@db.prod:5432`: the port went to -p, the address became git's
        ("tunnel local 5433 to db.prod:5432 through bastion", "ssh -N -L 5433:db.prod:5432 bastion"),
        ("forward local 5433 to db-internal:5432 through the jump box", "ssh -N -L 5433:db-internal:5432 {{jump_host}}"),
        # a service said for its port, on the host ssh reaches
        ("tunnel postgres on db1 (5432) to my local 15432", "ssh -N -L 15432:localhost:5432 db1"),
        ("tunnel local 5433 to postgres on the bastion host", "ssh -N -L 5433:localhost:5432 bastion"),
        ("ssh tunnel to redis on cache1", "ssh -N -L 6379:localhost:6379 cache1"),  # one port: both ends
        ("port forward 8080 from web1 so i can see it on localhost:9000", "ssh -N -L 9000:localhost:8080 web1"),
        # "the db" names no host: a placeholder, not `db`
        ("forward local 5433 to port 5432 on the db through bastion.corp", "ssh -N -L 5433:{{remote_host}}:5432 bastion.corp"),
        ("set up an ssh tunnel", "ssh -N -L {{local_port}}:localhost:{{remote_port}} {{host}}"),
    ],
)
def test_the_tunnel_a_request_draws(request_text, command):
    assert drawn(request_text).command() == command


@pytest.mark.parametrize(
    "request_text",
    [
        "forward port 3000 of pod web to my machine",  # kubectl's
        "forward port 8080 to 80 with iptables",
        "forward this mail to bob",
        "expose my local 3000 on my server with a reverse tunnel",  # -R: not drawn here
        "which ports are open",
    ],
)
def test_requests_that_ask_no_local_forward(request_text):
    assert drawn(request_text) is None


def test_the_forwarding_example_carries_the_drawn_command(index):
    answer = answers(index, "tunnel local 5433 to db.prod:5432 through bastion")[0]
    assert answer.command == "ssh -N -L 5433:db.prod:5432 bastion"
    assert " -L " in answer.hit.template


def test_services_say_their_ports():
    ports = vocabulary().ports
    assert ports["postgres"] == "5432" and ports["redis"] == "6379" and ports["mysql"] == "3306"
    assert asks_tunnel("tunnel postgres from db1") and not asks_tunnel("postgres on db1")
