"""Devices: `dd of=/dev/…`, `> /dev/…`, `mkfs`, `wipefs -a`, `fdisk`/`parted`, `blkdiscard`,
`shred /dev/…` — which disk that is here: "sdb: 500 GB (Samsung SSD 860), mounted at /home".

Read from /sys/block (size, model, removable, partitions, holders such as LVM or LUKS),
/proc/mounts and /proc/swaps, all under the context's root so tests can bring their own machine.
"""

from __future__ import annotations

import os
import re

from nlshell.preview.context import Context, literal_text, targets
from nlshell.preview.effect import DEVICE, Effect, listing, shown, size, unknown
from nlshell.preview.walk import read_small
from nlshell.shell.patterns import lazy

_HARMLESS = lazy(r"^/dev/(null|zero|full|u?random|std(in|out|err)|tty\w*|pts/.*|fd/.*|console|ptmx|shm/.*|mqueue/.*)$")
_DISKLIKE = lazy(r"^(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+|mmcblk\d+|loop\d+|md\d+|dm-\d+|nbd\d+)(p?\d+)?$")


def _read(path: str) -> str:
    return read_small(path).decode("utf-8", "replace").strip()


def _unescape_mount(text: str) -> str:
    """/proc/mounts writes spaces and tabs in mount points as octal (`\\040`)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def _table(ctx: Context, path: str) -> list:
    rows = []
    for line in _read(ctx.system(path)).splitlines():
        parts = line.split()
        if parts:
            rows.append([_unescape_mount(p) for p in parts])
    return rows


class Disk:
    """What /sys says about one block device name (a disk or a partition)."""

    def __init__(self, ctx: Context, name: str) -> None:
        self.ctx = ctx
        self.name = name
        self.disk, self.part = self._locate(name)

    def _locate(self, name: str) -> tuple:
        blocks = self.ctx.system("/sys/block")
        if os.path.isdir(os.path.join(blocks, name)):
            return name, None
        try:
            disks = sorted(os.listdir(blocks))
        except OSError:
            return None, None
        for disk in disks:
            if os.path.isdir(os.path.join(blocks, disk, name)):
                return disk, name
        return None, None

    def sys(self, *parts: str) -> str:
        return os.path.join(self.ctx.system("/sys/block"), self.disk, *parts)

    @property
    def size(self) -> int | None:
        text = _read(self.sys(self.part, "size") if self.part else self.sys("size"))
        return int(text) * 512 if text.isdigit() else None

    @property
    def model(self) -> str:
        vendor, model = _read(self.sys("device", "vendor")), _read(self.sys("device", "model"))
        if self.disk.startswith("loop"):
            backing = _read(self.sys("loop", "backing_file"))
            return f"backed by {backing}" if backing else ""
        if self.disk.startswith("dm-"):
            return _read(self.sys("dm", "name"))
        return " ".join(p for p in (vendor, model) if p and not model.startswith(vendor)) or model

    def members(self) -> list:
        """This device's names and everything built on it: partitions (for a disk) and holders."""
        names = [self.part] if self.part else [self.disk]
        if not self.part:
            try:
                names += sorted(n for n in os.listdir(self.sys()) if n.startswith(self.disk) and n != self.disk)
            except OSError:
                pass
        for name in list(names):
            base = self.sys(name, "holders") if name != self.disk else self.sys("holders")
            try:
                holders = sorted(os.listdir(base))
            except OSError:
                holders = []
            for holder in holders:
                names.append(holder)
                mapped = _read(os.path.join(self.ctx.system("/sys/block"), holder, "dm", "name"))
                if mapped:
                    names.append(f"mapper/{mapped}")
        return names

    def uses(self) -> tuple:
        """(mount points, swap devices) of this device and what is built on it."""
        devices = {f"/dev/{n}" for n in self.members()}
        mounts = [row[1] for row in _table(self.ctx, "/proc/mounts") if len(row) > 1 and row[0] in devices]
        swaps = [row[0] for row in _table(self.ctx, "/proc/swaps")[1:] if row and row[0] in devices]
        return mounts, swaps


def describe(path: str, ctx: Context, verb: str) -> Effect | None:
    """The effect of writing `path` (under /dev), or None for /dev/null and friends."""
    if _HARMLESS.match(path):
        return None
    name = os.path.basename(_resolve(path, ctx))
    disk = Disk(ctx, name)
    if disk.disk is None:
        what = "no such disk on this machine" if _DISKLIKE.match(name) else "not a disk this machine knows"
        return Effect(DEVICE, f"{verb} {shown(path)}: {what}", 0, None, [path])
    label = disk.part and f"{disk.part} (a partition of {disk.disk})" or disk.disk
    facts = []
    if disk.size is not None:
        facts.append(size(disk.size))
    if disk.model:
        facts[-1:] = [f"{facts[-1]} ({disk.model})" if facts else disk.model]
    if _read(disk.sys("removable")) == "1":
        facts.append("removable")
    mounts, swaps = disk.uses()
    facts.append(f"mounted at {listing([shown(m) for m in mounts], 4)}" if mounts else "not mounted")
    if swaps:
        facts.append("in use as swap")
    text = f"{verb} {shown(path)} — {label}: " + ", ".join(facts)
    if "/" in mounts:
        text += " — it holds the running system"
    details = [f"{m}: mounted" for m in mounts[4:]]
    details += [f"built on it: {listing(disk.members()[1:], 8)}"] if len(disk.members()) > 1 else []
    return Effect(DEVICE, text, 1, disk.size, [path], False, details)


def _resolve(path: str, ctx: Context) -> str:
    """Follow /dev/disk/by-id/… and /dev/mapper/… links inside the context's root."""
    real = os.path.realpath(ctx.system(path))
    root = os.path.realpath(ctx.root)
    if root != "/" and real.startswith(root):
        real = real[len(root):] or "/"
    return real


def _device_words(words: list, ctx: Context) -> list:
    found = []
    for word in words:
        for t in targets(word, ctx, glob_ok=False):
            if t.path is None:
                found.append((t.written, t.why))
            elif t.path.startswith("/dev/"):
                found.append((t.path, None))
    return found


def _effects(found: list, ctx: Context, verb: str) -> list:
    out = []
    for path, why in found:
        if why is not None:
            if why and "/dev/" in path:
                out.append(unknown(DEVICE, f"{verb} {shown(path)}", why))
            continue
        effect = describe(path, ctx, verb)
        if effect is not None:
            out.append(effect)
    return out


def redirects(cmd, ctx: Context) -> list:
    words = [r.target for r in cmd.redirects if r.target is not None and r.op in (">", ">>", ">|", "&>", "&>>")]
    return _effects(_device_words(words, ctx), ctx, "writes over")


def dd(cmd, ctx: Context) -> list:
    found = []
    for word in cmd.args:
        text = literal_text(word, ctx)
        if text is not None and text.startswith("of=/dev/"):
            found.append((text[3:], None))
    return _effects(found, ctx, "writes over")


# program -> (verb, option letters that make it only read, long options that do)
_TOOLS = {
    "mkfs": ("formats", "", ()), "mke2fs": ("formats", "", ()), "mkswap": ("formats as swap", "", ()),
    "wipefs": ("wipes the signatures on", None, ()), "fdisk": ("can repartition", "lsV", ("--list", "--version")),
    "sfdisk": ("repartitions", "ldsVJ", ("--list", "--dump", "--show-size", "--json", "--verify")),
    "cfdisk": ("can repartition", "", ()), "gdisk": ("can repartition", "l", ()),
    "sgdisk": ("repartitions", "piv", ("--print", "--info", "--verify")),
    "parted": ("can repartition", "l", ("--list",)), "blkdiscard": ("discards every block of", "", ()),
    "shred": ("shreds", "", ()), "badblocks": ("writes test patterns over", None, ()),
    "cp": ("writes over", "", ()), "tee": ("writes over", "", ()),
}


def tools(cmd, ctx: Context) -> list:
    name = cmd.name
    verb, read_only, read_only_long = _TOOLS["mkfs" if name.startswith("mkfs") else name]
    flags = [w.text for w in cmd.args if w.literal and w.text.startswith("-") and w.text != "-"]
    letters = {c for f in flags if not f.startswith("--") for c in f[1:]}
    longs = {f.partition("=")[0] for f in flags if f.startswith("--")}
    if letters & set(read_only or "") or longs & set(read_only_long):
        return []
    if name == "wipefs" and (not (letters & {"a", "o"} or longs & {"--all", "--offset"}) or "n" in letters
                             or "--no-act" in longs):
        return []  # without -a or -o, wipefs only lists signatures
    if name == "badblocks" and "w" not in letters:
        return []  # read-only test unless -w
    words = [w for w in cmd.args if not (w.literal and w.text.startswith("-") and w.text != "-")]
    if name == "cp":
        words = words[-1:] if len(words) >= 2 else []  # `cp /dev/sdb disk.img` reads the disk
    return _effects(_device_words(words, ctx), ctx, verb)
