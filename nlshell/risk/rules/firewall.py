"""Firewalls: flushing the rules or a default DROP policy leaves the machine open or locks you
out; any other rule change is caution. (Stopping the firewall service: services.py.)"""

from __future__ import annotations

import re

from nlshell.risk.book import Row, has_arguments
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

_IPTABLES = "iptables ip6tables iptables-legacy iptables-nft ip6tables-legacy ebtables arptables"
_LISTING = "-L --list -S --list-rules -C --check -h"


def _drop_policy(cmd, parsed) -> bool:
    return any(a.text in ("DROP", "REJECT") for a in cmd.args)


def _nft_changes(cmd, parsed) -> bool:
    text = " ".join(a.text for a in cmd.args)
    return bool(cmd.args) and not re.search(r"\b(?:list|monitor|describe)\b", text)


def _ufw_verb(cmd, parsed) -> dict | None:
    verb = next((a.text for a in cmd.args if not a.text.startswith("-")), "")
    return None if verb in ("status", "show", "app", "version", "") else {"verb": verb}


def _firewall_cmd_changes(cmd, parsed) -> bool:
    reads = ("--list", "--get", "--query", "--state", "--info")
    return bool(cmd.args) and not any(a.text.startswith(reads) for a in cmd.args)


ROWS = [
    Row("firewall.flush", DANGEROUS, "{tool} flushes the firewall rules", _IPTABLES, flags="-F --flush",
        unless=_LISTING),
    Row("firewall.drop-policy", DANGEROUS, "{tool} -P ... DROP blocks all traffic by default (can lock you out)",
        _IPTABLES, flags="-P --policy", unless=_LISTING, when=_drop_policy),
    Row("firewall.delete-chains", CAUTION, "{tool} deletes firewall chains or counters", _IPTABLES,
        flags="-X --delete-chain -Z --zero", unless=_LISTING),
    Row("firewall.change", CAUTION, "changes the firewall rules ({tool})", _IPTABLES, unless=_LISTING,
        when=has_arguments),
    Row("firewall.flush", DANGEROUS, "{tool} flushes the firewall rules", "nft", "flush ruleset"),
    Row("firewall.flush", DANGEROUS, "{tool} flushes the firewall rules", "nft", "delete table"),
    Row("firewall.change", CAUTION, "changes the firewall rules ({tool})", "nft", when=_nft_changes),
    Row("firewall.ufw-off", DANGEROUS, "ufw {sub} turns the firewall off", "ufw", "disable|reset",
        unless="--dry-run"),
    Row("firewall.ufw-change", CAUTION, "changes the firewall (ufw {verb})", "ufw", unless="--dry-run",
        when=_ufw_verb),
    Row("firewall.panic", DANGEROUS, "firewall-cmd --panic-on drops all network traffic", "firewall-cmd",
        flags="--panic-on"),
    Row("firewall.cmd-change", CAUTION, "changes the firewall (firewall-cmd)", "firewall-cmd",
        when=_firewall_cmd_changes),
]

EXAMPLES = [
    ("iptables -F", DANGEROUS, "firewall.flush"),
    ("sudo iptables --flush", DANGEROUS, "firewall.flush"),
    ("nft flush ruleset", DANGEROUS, "firewall.flush"),
    ("iptables -L -n", SAFE, "not firewall.flush"),
    ("nft list ruleset", SAFE, "not firewall.flush"),
    ("iptables -P INPUT DROP", DANGEROUS, "firewall.drop-policy"),
    ("iptables -P INPUT ACCEPT", CAUTION, "not firewall.drop-policy"),
    ("iptables -X", CAUTION, "firewall.delete-chains"),
    ("iptables -S", SAFE, "not firewall.delete-chains"),
    ("iptables -A INPUT -p tcp --dport 22 -j ACCEPT", CAUTION, "firewall.change"),
    ("nft add rule inet filter input tcp dport 22 accept", CAUTION, "firewall.change"),
    ("iptables -L -n", SAFE, "not firewall.change"),
    ("ufw disable", DANGEROUS, "firewall.ufw-off"),
    ("ufw --dry-run disable", SAFE, "not firewall.ufw-off"),
    ("ufw allow 22/tcp", CAUTION, "firewall.ufw-change"),
    ("ufw status", SAFE, "not firewall.ufw-change"),
    ("firewall-cmd --panic-on", DANGEROUS, "firewall.panic"),
    ("firewall-cmd --panic-off", CAUTION, "not firewall.panic"),
    ("firewall-cmd --add-port=80/tcp", CAUTION, "firewall.cmd-change"),
    ("firewall-cmd --list-all", SAFE, "not firewall.cmd-change"),
]
