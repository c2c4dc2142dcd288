"""Services and the running system: systemctl and service, shutting down or rebooting, runlevels,
kexec, kernel settings (sysctl) and host settings (hostname, time, locale, resolver)."""

from __future__ import annotations

from nlshell.risk.book import Row, has_operands, unlisted
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import classify

_FIREWALLS = frozenset({"firewalld", "ufw", "iptables", "nftables", "netfilter-persistent", "ip6tables"})
_CHANGES = (
    "stop|kill|disable|mask|restart|try-restart|reload-or-restart|start|enable|reload|daemon-reload|"
    "daemon-reexec|reset-failed|set-default|unmask|edit|revert|preset|set-property|link|freeze|thaw|clean"
)
_NOT_CANCELLED = "--when"  # `systemctl reboot --when=cancel` cancels a scheduled reboot
# What systemctl only reads; any other verb (a new one, a typo, one only known at run time) is
# caution: what the rater does not know is never safe. With no verb, systemctl lists the units.
_SYSTEMCTL_READS = frozenset(
    """
    status show cat help list-units list-sockets list-timers list-jobs list-unit-files list-dependencies
    list-machines list-automounts list-paths is-active is-failed is-enabled is-system-running get-default
    show-environment whoami
    """.split()
)
# Verbs that only print a setting when given no value: the words they take before the value.
_SYSTEMCTL_QUERIES = {"log-level": 1, "log-target": 1, "service-watchdogs": 1, "service-log-level": 2,
                      "service-log-target": 2}


def _scheduled(cmd, parsed) -> bool:
    return parsed.long.get("--when") != "cancel"


def _units(cmd, parsed) -> list:
    return [w.text for w in parsed.operands[1:]]


def _every_unit(cmd, parsed) -> bool:
    return any("*" in unit for unit in _units(cmd, parsed))


# Services that protect the system: turning one off is turning a protection off.
_PROTECTIONS = frozenset({
    "apparmor", "auditd", "fail2ban", "crowdsec", "clamav-daemon", "clamav-freshclam", "falco", "wazuh-agent",
    "ossec", "aide", "selinux-autorelabel", "firewalld-protection", "osqueryd", "sshguard", "usbguard",
})


def _protection_unit(cmd, parsed) -> dict | None:
    unit = next((u for u in _units(cmd, parsed) if u.split(".")[0] in _PROTECTIONS), None)
    return {"unit": unit} if unit else None


def _protection_service(parsed) -> dict | None:
    name = parsed.operands[0].text if parsed.operands else ""
    return {"unit": name} if name in _PROTECTIONS else None


def _critical_setting(cmd) -> dict | None:
    """`sysctl -w kernel.randomize_va_space=0` is `echo 0 > /proc/sys/kernel/randomize_va_space`: judged as that write."""
    for a in cmd.args:
        key, eq, _value = a.text.partition("=")
        if eq and not key.startswith("-"):
            path = "/proc/sys/" + key.replace(".", "/")
            if classify(path).critical:
                return {"key": key, "path": path}
    return None


def _firewall_unit(cmd, parsed) -> dict | None:
    unit = next((u for u in _units(cmd, parsed) if u.split(".")[0] in _FIREWALLS), None)
    return {"unit": unit} if unit else None


# Units the running system needs: stopping one cuts sessions, devices or the network off now.
_LIFELINES = frozenset({"dbus", "dbus-broker", "systemd-logind", "systemd-udevd", "udev", "NetworkManager",
                        "systemd-networkd", "networking", "network"})
# Masked, these stop the machine from logging, or from being logged into, after the next boot too.
_BOOT_NEEDS = _LIFELINES | {"systemd-journald", "sshd", "ssh", "getty", "systemd-tmpfiles-setup", "systemd-remount-fs"}


def _core_unit(cmd, parsed) -> dict | None:
    verb = parsed.operands[0].text
    wanted = _BOOT_NEEDS if verb == "mask" else _LIFELINES
    if verb == "disable" and "--now" not in parsed.long:
        return None
    unit = next((u for u in _units(cmd, parsed) if u.split("@")[0].split(".")[0] in wanted), None)
    return {"unit": unit} if unit else None


def _rescue_target(cmd, parsed) -> bool:
    units = _units(cmd, parsed)
    return bool(units) and units[0].startswith(("rescue", "emergency", "poweroff", "reboot", "halt"))


def _unlisted_verb(cmd, parsed) -> dict | None:
    verb = parsed.operands[0] if parsed.operands else None
    if verb is None or (verb.literal and verb.text in _SYSTEMCTL_READS) or not _scheduled(cmd, parsed):
        return None  # `--when=cancel` cancels a scheduled shutdown
    if verb.literal and len(parsed.operands) <= _SYSTEMCTL_QUERIES.get(verb.text, 0):
        return None  # `systemctl log-level` prints the level
    return {"verb": verb.text}


def _service(cmd, parsed) -> dict:
    return {"unit": parsed.operands[0].text, "verb": parsed.operands[1].text}


def _service_action(cmd, parsed) -> dict | None:
    """`service NAME ACTION` with an action other than `status`, or any option but `--status-all`:
    the service's own script decides what it does, and only `status` is known to only read.
    With nothing after the name, the script prints how to use it."""
    words = [a.text if a.literal else None for a in cmd.args]
    if not words or words == ["--status-all"]:
        return None
    if not cmd.args[0].text.startswith("-") and words[1:] in ([], ["status"]):
        return None  # the name may be only known at run time: `service "$svc" status`
    return {"what": " ".join(a.text for a in cmd.args[:3])}


def _runlevel(cmd, parsed) -> dict:
    level = parsed.operands[0].text
    return {"what": "shuts down" if level == "0" else "reboots" if level == "6" else "single-user mode"}


_NO_SHUTDOWN = "-c --show -k -w --wtmp-only"

_LAUNCHCTL_READS = frozenset(
    "list print print-cache print-disabled blame procinfo hostinfo dumpstate dumpjpcategory resolveport examine "
    "getenv version help managerpid manageruid managername error variant".split()
)

ROWS = [
    # systemctl
    Row("services.systemctl-stop-system", DANGEROUS, "systemctl {sub} stops the system", "systemctl",
        "poweroff|halt", when=_scheduled),
    Row("services.systemctl-restart-system", DANGEROUS, "systemctl {sub} restarts the system", "systemctl",
        "reboot|kexec|soft-reboot", when=_scheduled),
    Row("services.systemctl-rescue", DANGEROUS, "systemctl {sub} drops the system to {sub} mode", "systemctl",
        "rescue|emergency"),
    Row("services.isolate", DANGEROUS, "systemctl isolate stops every service not needed by {first}", "systemctl",
        "isolate"),
    Row("services.sleep", CAUTION, "puts the machine to sleep ({sub})", "systemctl",
        "suspend|hibernate|hybrid-sleep|suspend-then-hibernate|sleep"),
    Row("services.stop-every-service", DANGEROUS, "systemctl {sub} matches every service", "systemctl",
        "stop|kill|disable|mask", when=_every_unit),
    Row("services.stop-firewall", DANGEROUS, "turns off the firewall ({unit})", "systemctl", "stop|disable|mask|kill",
        when=_firewall_unit),
    Row("services.stop-protection", DANGEROUS, "turns off a system protection ({unit})", "systemctl",
        "stop|disable|mask|kill", when=_protection_unit),
    Row("services.stop-core", DANGEROUS, "systemctl {sub} {unit} cuts off what the system needs to run or be "
        "reached (sessions, devices, network, logs)", "systemctl", "stop|kill|disable|mask", when=_core_unit),
    Row("services.boot-target", DANGEROUS, "makes the system boot into {first}", "systemctl", "set-default",
        when=_rescue_target),
    Row("services.systemctl-stop-system", DANGEROUS, "systemctl {sub} stops the system", "systemctl", "exit",
        unless="--user"),  # outside a container, the system manager's exit is a poweroff
    Row("services.change", CAUTION, "systemctl {sub} {rest}", "systemctl", _CHANGES),
    Row("services.systemctl-unknown", CAUTION, "systemctl {verb} is not known to only read", "systemctl",
        when=_unlisted_verb),
    # service NAME VERB
    Row("services.stop-protection", DANGEROUS, "turns off a system protection ({unit})", "service",
        "* stop|force-stop", when=lambda cmd, parsed: _protection_service(parsed)),
    Row("services.stop-firewall", DANGEROUS, "turns off the firewall ({unit})", "service",
        "firewalld|ufw|iptables|nftables stop|force-stop", when=_service),
    Row("services.service", CAUTION, "{verb}s the service {unit}", "service",
        "* stop|restart|start|reload|force-reload|force-stop", when=_service),
    Row("services.service-restart", CAUTION, "restarts the service {first} (stops it, then starts it)", "service",
        flags="--full-restart", when=has_operands),
    Row("services.service-action", CAUTION, "`service {what}` runs an action of the service's script that is not "
        "known to only read", "service", when=_service_action),
    # launchctl (macOS): what only reads is listed; any other verb loads, stops or changes services
    Row("services.reboot", DANGEROUS, "reboots the system", "launchctl", "reboot"),
    Row("services.launchctl", CAUTION, "launchctl {verb} is not known to only read: it may stop, remove or change "
        "a service", "launchctl", when=unlisted(_LAUNCHCTL_READS, "verb")),
    # the whole system
    Row("services.reboot", DANGEROUS, "reboots the system", "shutdown", flags="-r", unless=_NO_SHUTDOWN),
    Row("services.shutdown", DANGEROUS, "shuts the system down", "shutdown", unless=_NO_SHUTDOWN),
    Row("services.reboot", DANGEROUS, "reboots the system", "reboot", unless=_NO_SHUTDOWN),
    Row("services.halt", DANGEROUS, "halts the system", "halt", unless=_NO_SHUTDOWN),
    Row("services.poweroff", DANGEROUS, "powers the system off", "poweroff", unless=_NO_SHUTDOWN),
    Row("services.kexec", DANGEROUS, "kexec reboots into another kernel now", "kexec", flags="-e --exec -f --force"),
    Row("services.kexec-load", CAUTION, "loads a kernel to boot into later", "kexec",
        flags="-l --load -p --load-panic -s --kexec-file-syscall"),
    Row("services.runlevel", DANGEROUS, "switches the system to runlevel {sub} ({what})", "init telinit",
        "0|6|1|s|S|emergency|rescue", when=_runlevel),
    Row("services.init-reload", CAUTION, "reloads init", "init telinit", "q|Q|u|U"),
    # settings
    Row("services.sysctl-critical", DANGEROUS, "changes the kernel setting {key} (as writing {path} does)", "sysctl",
        when=lambda cmd, parsed: _critical_setting(cmd)),
    Row("services.sysctl", CAUTION, "changes kernel settings (sysctl)", "sysctl",
        when=lambda cmd, parsed: parsed.has("wp", "--write", "--load", "--system") or any("=" in a.text for a in cmd.args)),
    Row("services.settings", CAUTION, "{tool} changes system or network settings",
        "hostnamectl timedatectl localectl resolvectl",
        when=lambda cmd, parsed: any(a.text.startswith("set") or a.text in ("revert", "flush-caches") for a in cmd.args)),
]

EXAMPLES = [
    ("launchctl bootout system/com.example.agent", CAUTION, "services.launchctl"),
    ("launchctl unload -w ~/Library/LaunchAgents/x.plist", CAUTION, "services.launchctl"),
    ("launchctl list", SAFE, "not services.launchctl"),
    ("launchctl reboot", DANGEROUS, "services.reboot"),
    ("systemctl poweroff", DANGEROUS, "services.systemctl-stop-system"),
    ("systemctl poweroff --when=cancel", SAFE, "not services.systemctl-stop-system"),
    ("systemctl reboot", DANGEROUS, "services.systemctl-restart-system"),
    ("systemctl status", SAFE, "not services.systemctl-restart-system"),
    ("systemctl rescue", DANGEROUS, "services.systemctl-rescue"),
    ("systemctl is-system-running", SAFE, "not services.systemctl-rescue"),
    ("systemctl isolate multi-user.target", DANGEROUS, "services.isolate"),
    ("systemctl get-default", SAFE, "not services.isolate"),
    ("systemctl suspend", CAUTION, "services.sleep"),
    ("systemctl status sleep.target", SAFE, "not services.sleep"),
    ("systemctl stop '*'", DANGEROUS, "services.stop-every-service"),
    ("systemctl stop nginx", CAUTION, "not services.stop-every-service"),
    ("systemctl stop firewalld", DANGEROUS, "services.stop-firewall"),
    ("service ufw stop", DANGEROUS, "services.stop-firewall"),
    ("sudo systemctl disable --now apparmor", DANGEROUS, "services.stop-protection"),
    ("systemctl mask auditd.service", DANGEROUS, "services.stop-protection"),
    ("service fail2ban stop", DANGEROUS, "services.stop-protection"),
    ("systemctl restart fail2ban", CAUTION, "not services.stop-protection"),
    ("systemctl status auditd", SAFE, "not services.stop-protection"),
    ("systemctl restart firewalld", CAUTION, "not services.stop-firewall"),
    ("systemctl set-default rescue.target", DANGEROUS, "services.boot-target"),
    ("systemctl set-default graphical.target", CAUTION, "not services.boot-target"),
    ("systemctl exit", DANGEROUS, "services.systemctl-stop-system"),
    ("systemctl --user exit", CAUTION, "not services.systemctl-stop-system"),
    ("sudo systemctl restart nginx", CAUTION, "services.change"),
    ("systemctl stop sshd", CAUTION, "services.change"),
    ("systemctl mask systemd-journald", DANGEROUS, "services.stop-core"),
    ("systemctl mask dbus.service", DANGEROUS, "services.stop-core"),
    ("sudo systemctl stop NetworkManager", DANGEROUS, "services.stop-core"),
    ("systemctl disable --now systemd-networkd", DANGEROUS, "services.stop-core"),
    ("systemctl mask sshd", DANGEROUS, "services.stop-core"),
    ("systemctl stop sshd", CAUTION, "not services.stop-core"),
    ("systemctl restart NetworkManager", CAUTION, "not services.stop-core"),
    ("systemctl disable systemd-networkd", CAUTION, "not services.stop-core"),
    ("systemctl status dbus", SAFE, "not services.stop-core"),
    ("systemctl status sshd", SAFE, "not services.change"),
    ("service nginx restart", CAUTION, "services.service"),
    ("service nginx status", SAFE, "not services.service"),
    ("systemctl frobnicate nginx", CAUTION, "services.systemctl-unknown"),
    ("systemctl $ACTION nginx", CAUTION, "services.systemctl-unknown"),
    ("systemctl reload-or-try-restart nginx", CAUTION, "services.systemctl-unknown"),
    ("systemctl list-units --type=service", SAFE, "not services.systemctl-unknown"),
    ("systemctl", SAFE, "not services.systemctl-unknown"),
    ("systemctl log-level debug", CAUTION, "services.systemctl-unknown"),
    ("systemctl log-level", SAFE, "not services.systemctl-unknown"),
    ("systemctl service-log-level nginx", SAFE, "not services.systemctl-unknown"),
    ("service ssh --full-restart", CAUTION, "services.service-restart"),
    ("service ssh status", SAFE, "not services.service-restart"),
    ("service ssh frobnicate", CAUTION, "services.service-action"),
    ("service ssh $ACTION", CAUTION, "services.service-action"),
    ("service ssh status --verbose", CAUTION, "services.service-action"),
    ("service --status-all", SAFE, "not services.service-action"),
    ("service ssh", SAFE, "not services.service-action"),
    ('service "$svc" status', SAFE, "not services.service-action"),
    ("shutdown -r now", DANGEROUS, "services.reboot"),
    ("reboot", DANGEROUS, "services.reboot"),
    ("reboot -w", SAFE, "not services.reboot"),
    ("shutdown now", DANGEROUS, "services.shutdown"),
    ("shutdown -c", SAFE, "not services.shutdown"),
    ("halt", DANGEROUS, "services.halt"),
    ("halt --wtmp-only", SAFE, "not services.halt"),
    ("poweroff", DANGEROUS, "services.poweroff"),
    ("poweroff --help", SAFE, "not services.poweroff"),
    ("kexec -e", DANGEROUS, "services.kexec"),
    ("kexec -l /boot/vmlinuz", CAUTION, "not services.kexec"),
    ("kexec -l /boot/vmlinuz", CAUTION, "services.kexec-load"),
    ("kexec --version", SAFE, "not services.kexec-load"),
    ("init 0", DANGEROUS, "services.runlevel"),
    ("telinit 6", DANGEROUS, "services.runlevel"),
    ("init 3", SAFE, "not services.runlevel"),
    ("telinit q", CAUTION, "services.init-reload"),
    ("runlevel", SAFE, "not services.init-reload"),
    ("sysctl -w kernel.randomize_va_space=0", DANGEROUS, "services.sysctl-critical"),
    ("sudo sysctl kernel.panic=1", DANGEROUS, "services.sysctl-critical"),
    ("sudo sysctl -w vm.swappiness=10", CAUTION, "not services.sysctl-critical"),
    ("sudo sysctl -w vm.swappiness=10", CAUTION, "services.sysctl"),
    ("sysctl vm.swappiness", SAFE, "not services.sysctl"),
    ("hostnamectl set-hostname box", CAUTION, "services.settings"),
    ("hostnamectl status", SAFE, "not services.settings"),
]
