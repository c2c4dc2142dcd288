"""Effect preview of devices and signals, against a fake machine: a /sys, /proc and /dev of the
tests' own making under tmp_path, so the disks and processes are known exactly. The fake machine
must be byte-for-byte unchanged afterwards too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nlshell.preview import preview
from treesnap import untouched  # noqa: F401  (the fixture)

ME, ROOT = 1000, 0


def put(root: Path, files: dict) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def disk(name: str, sectors: int, *, model="", vendor="", removable=False, parts=()) -> dict:
    files = {f"sys/block/{name}/size": f"{sectors}\n", f"sys/block/{name}/removable": "1\n" if removable else "0\n"}
    if model:
        files[f"sys/block/{name}/device/model"] = model + "\n"
        files[f"sys/block/{name}/device/vendor"] = vendor + "\n"
    for part, part_sectors in parts:
        files[f"sys/block/{name}/{part}/size"] = f"{part_sectors}\n"
        files[f"sys/block/{name}/{part}/partition"] = "1\n"
    return files


def process(pid: int, name: str, argv: list, uid: int, pgid: int | None = None, ppid: int = 1) -> dict:
    return {
        f"proc/{pid}/comm": name + "\n",
        f"proc/{pid}/cmdline": b"\0".join(a.encode() for a in argv) + (b"\0" if argv else b""),
        f"proc/{pid}/status": f"Name:\t{name}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\n",
        f"proc/{pid}/stat": f"{pid} ({name}) S {ppid} {pgid or pid} {pgid or pid} 0 -1\n",
    }


@pytest.fixture
def machine(tmp_path) -> Path:
    root = tmp_path / "machine"
    put(root, {
        **disk("sda", 500118192, model="Samsung SSD 860", vendor="ATA", parts=[("sda1", 1048576), ("sda2", 209715200), ("sda3", 8388608)]),
        **disk("sdb", 61341696, model="Cruzer Blade", vendor="SanDisk", removable=True, parts=[("sdb1", 61339648)]),
        **disk("nvme0n1", 1953525168, model="WD Blue SN570", parts=[("nvme0n1p1", 1048576), ("nvme0n1p2", 1900000000)]),
        "sys/block/nvme0n1/nvme0n1p2/holders/dm-0/.keep": "",
        **disk("dm-0", 1899999000),
        "sys/block/dm-0/dm/name": "cryptdata\n",
        **disk("loop0", 204800),
        "sys/block/loop0/loop/backing_file": "/home/me/disk.img\n",
        "proc/mounts": "/dev/sda1 / ext4 rw 0 0\n/dev/sda2 /home ext4 rw 0 0\n/dev/mapper/cryptdata /data ext4 rw 0 0\n"
                       "/dev/sdb1 /media/me/USB\\040STICK vfat rw 0 0\nproc /proc proc rw 0 0\n",
        "proc/swaps": "Filename\tType\tSize\tUsed\tPriority\n/dev/sda3\tpartition\t4194300\t0\t-2\n",
        **process(1, "systemd", ["/sbin/init"], ROOT),
        **process(100, "sshd", ["/usr/sbin/sshd", "-D"], ROOT),
        **process(1234, "firefox", ["/usr/lib/firefox/firefox"], ME),
        **process(1240, "Web Content", ["/usr/lib/firefox/firefox", "-contentproc"], ME, ppid=1234),
        **process(2000, "python3", ["python3", "manage.py", "runserver"], ME),
        **process(3000, "kworker/0:1", [], ROOT, ppid=2),
        **process(4000, "bash", ["-bash"], ME),
        **process(4001, "sleep", ["sleep", "100"], ME, pgid=4000, ppid=4000),
    })
    (root / "dev" / "disk" / "by-id").mkdir(parents=True)
    (root / "dev" / "disk" / "by-id" / "usb-SanDisk_Cruzer").symlink_to("../../sdb")
    return root


def run(command: str, machine: Path, uid: int = ME) -> list:
    return preview(command, str(machine.parent / "work"), root=str(machine), uid=uid)


def summaries(effects: list) -> list:
    return [e.summary for e in effects]


# -- devices -------------------------------------------------------------------------------------
@pytest.mark.parametrize("command,summary", [
    ("dd if=image.iso of=/dev/sdb bs=4M",
     "writes over /dev/sdb — sdb: 31 GB (SanDisk Cruzer Blade), removable, mounted at /media/me/USB STICK"),
    ("sudo dd if=/dev/zero of=/dev/sda",
     "writes over /dev/sda — sda: 256 GB (ATA Samsung SSD 860), mounted at /, /home, in use as swap — it holds the running system"),
    ("mkfs.ext4 /dev/sda2", "formats /dev/sda2 — sda2 (a partition of sda): 107 GB (ATA Samsung SSD 860), mounted at /home"),
    ("mkfs -t vfat /dev/sdb1",
     "formats /dev/sdb1 — sdb1 (a partition of sdb): 31 GB (SanDisk Cruzer Blade), removable, mounted at /media/me/USB STICK"),
    ("cat image.iso > /dev/nvme0n1", "writes over /dev/nvme0n1 — nvme0n1: 1.0 TB (WD Blue SN570), mounted at /data"),
    ("wipefs -a /dev/disk/by-id/usb-SanDisk_Cruzer",
     "wipes the signatures on /dev/disk/by-id/usb-SanDisk_Cruzer — sdb: 31 GB (SanDisk Cruzer Blade), removable, mounted at /media/me/USB STICK"),
    ("fdisk /dev/sdb", "can repartition /dev/sdb — sdb: 31 GB (SanDisk Cruzer Blade), removable, mounted at /media/me/USB STICK"),
    ("cp debian.iso /dev/loop0", "writes over /dev/loop0 — loop0: 105 MB (backed by /home/me/disk.img), not mounted"),
    ("mkswap /dev/sda3",
     "formats as swap /dev/sda3 — sda3 (a partition of sda): 4.3 GB (ATA Samsung SSD 860), not mounted, in use as swap"),
    ("dd if=x of=/dev/sdz", "writes over /dev/sdz: no such disk on this machine"),
    ("blkdiscard /dev/mem", "discards every block of /dev/mem: not a disk this machine knows"),
])
def test_a_device_is_named_with_its_size_model_and_mounts(machine, untouched, command, summary):  # noqa: F811
    untouched(machine)
    (e,) = run(command, machine)
    assert (e.kind, e.summary) == ("device", summary)
    written = [w.removeprefix("of=") for w in command.split() if w.startswith(("/dev/", "of=/dev/"))][-1]
    assert (e.count, e.paths) == (0 if summary.endswith(("on this machine", "machine knows")) else 1, [written])


def test_device_numbers_and_what_is_built_on_it(machine, untouched):  # noqa: F811
    untouched(machine)
    (e,) = run("dd if=/dev/zero of=/dev/nvme0n1", machine)
    assert (e.count, e.bytes, e.paths) == (1, 1953525168 * 512, ["/dev/nvme0n1"])
    assert e.details == ["built on it: nvme0n1p1, nvme0n1p2, dm-0, mapper/cryptdata"]


@pytest.mark.parametrize("command", [
    "dd if=/dev/sda of=backup.img", "cp /dev/sdb disk.img", "echo hi > /dev/null", "ls 2> /dev/stderr",
    "fdisk -l /dev/sda", "sfdisk --dump /dev/sda", "parted -l", "wipefs /dev/sdb", "wipefs -n -a /dev/sdb",
    "badblocks /dev/sdb", "cat /dev/urandom | head -c 10 > /dev/tty",
])
def test_reading_a_device_is_not_an_effect(machine, untouched, command):  # noqa: F811
    untouched(machine)
    assert run(command, machine) == []


# -- signals -------------------------------------------------------------------------------------
@pytest.mark.parametrize("command,summary,count", [
    ("kill 1234", "sends TERM to 1 process: 1234 firefox", 1),
    ("kill -9 1234 1240", "sends KILL to 2 processes: 1234 firefox, 1240 Web Content", 2),
    ("kill -s HUP 2000", "sends HUP to 1 process: 2000 python3", 1),
    ("kill -SIGINT -- -4000", "sends INT to 2 processes: 4000 bash, 4001 sleep", 2),
    ("kill 99999", "signals nothing: no process 99999 is running", 0),
    ("pkill firefox", "sends TERM to 1 process: 1234 firefox", 1),
    ("pkill -f firefox", "sends TERM to 2 processes: 1234 firefox, 1240 Web Content", 2),
    ("pkill -9 -f 'manage\\.py'", "sends KILL to 1 process: 2000 python3", 1),
    ("pkill -x fire", "signals nothing: no running process matches fire", 0),
    ("pkill -n -f firefox", "sends TERM to 1 process: 1240 Web Content", 1),
    ("pkill -i FIREFOX", "sends TERM to 1 process: 1234 firefox", 1),
    ("pkill -u 1000 -P 4000", "sends TERM to 1 process: 4001 sleep", 1),
    ("killall firefox", "sends TERM to 1 process: 1234 firefox", 1),
    ("killall -9 python3 sleep", "sends KILL to 2 processes: 2000 python3, 4001 sleep", 2),
    ("killall -r '^fire'", "sends TERM to 1 process: 1234 firefox", 1),
    ("killall nope", "signals nothing: no running process is called nope", 0),
])
def test_signals_reach_the_processes_that_match(machine, untouched, command, summary, count):  # noqa: F811
    untouched(machine)
    (e,) = run(command, machine)
    assert (e.kind, e.summary, e.count) == ("signal", summary, count)


def test_processes_of_other_users_are_set_apart(machine, untouched):  # noqa: F811
    untouched(machine)
    (e,) = run("pkill sshd", machine)
    assert (e.count, e.summary) == (0, "signals nothing it may: the processes matching sshd belong to other users")
    assert e.details == ["1 process of other users, which only root can signal: 100 sshd"]
    (e,) = run("sudo pkill sshd", machine)
    assert (e.count, e.summary) == (1, "sends TERM to 1 process: 100 sshd")
    (e,) = run("kill -9 -1", machine)
    assert e.count == 5 and e.summary.startswith("sends KILL to 5 processes: 1234 firefox, 1240 Web Content, 2000 python3 and 2 more")
    assert "1 process of other users, which only root can signal: 100 sshd" in e.details  # never init


def test_stopping_init_is_named(machine, untouched):  # noqa: F811
    untouched(machine)
    (e,) = run("killall -9 systemd", machine, uid=ROOT)
    assert e.summary == "sends KILL to 1 process: 1 systemd — including pid 1, the init process: stopping it stops the system"


@pytest.mark.parametrize("command,expected", [
    ("kill -0 1234", []),
    ("kill -l", []),
    ("kill %1", ["sends TERM to %1 (a job of the shell that runs it)"]),
    ("kill $(pgrep firefox)", ["sends TERM to $(pgrep firefox) (known only when it runs)"]),
    ("pgrep firefox | xargs kill", ["kill on the names xargs reads from its input (known only when it runs)"]),
])
def test_signals_that_cannot_be_known_or_do_nothing(machine, untouched, command, expected):  # noqa: F811
    untouched(machine)
    assert summaries(run(command, machine)) == expected


def test_kernel_threads_take_no_signal(machine, untouched):  # noqa: F811
    untouched(machine)
    assert summaries(run("pkill kworker", machine)) == ["signals nothing: no running process matches kworker"]


def test_without_a_proc_there_is_nothing_to_match(tmp_path, untouched):  # noqa: F811
    empty = tmp_path / "empty"
    empty.mkdir()
    untouched(empty)
    assert summaries(preview("kill 1", str(tmp_path), root=str(empty))) == ["signals nothing: no process 1 is running"]
    assert os.listdir(empty) == []
