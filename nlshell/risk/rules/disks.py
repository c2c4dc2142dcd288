"""Disks, filesystems and devices: dd, mkfs, partition tables, secure erase, RAID, volumes,
mounting and kernel modules, and reads of /dev/port (which can hang the machine)."""

from __future__ import annotations

from nlshell.risk.book import Row, Rule, all_of, given, has_operands, hook, program
from nlshell.risk.facts import ENDLESS_SOURCES, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import DEVICE, KERNEL, NULLDEV, SYSTEM, classify, overwrite_level, worst
from nlshell.shell.model import Word
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options


def _device(cmd, parsed) -> dict:
    """The first /dev/ path a command names, for its reason (always true as a `when`)."""
    return {"device": next((a.text for a in cmd.args if a.text.startswith("/dev/")), "the device")}


def _device_named(cmd, parsed) -> dict | None:
    """A `when`: the command names a device (a /dev/ path, or a word known only at run time)."""
    device = next((w.text for w in parsed.operands if w.text.startswith("/dev/") or not w.literal), None)
    return {"device": device} if device else None


def _devices_after_name(cmd, parsed) -> dict | None:
    """`vgcreate NAME DEVICE...`, `vgextend NAME DEVICE...`: the devices after the group's name."""
    devices = [w.text for w in parsed.operands[1:] if w.text.startswith("/dev/") or not w.literal]
    return {"device": " ".join(devices[:3])} if devices else None


def is_block_device(text: str) -> bool:
    """Does `text` name a block device (`/dev/sdb1`, `/dev/nvme0n1`, `/dev/vg0/data`)?"""
    return text.startswith("/dev/") and classify(text).cls == DEVICE


_HDPARM_READS = frozenset({"-I", "-i", "-t", "-T", "-g", "-C", "-tT", "-Tt", "-H"})


def _hdparm_settings(cmd, parsed) -> bool:
    return any(w.startswith("-") and w not in _HDPARM_READS for w in parsed.words)


_PARTED_WRITES = "mklabel mktable rm mkpart resizepart rescue mkpartfs mkfs move resize"


def _parted_writes(cmd, parsed) -> bool:
    return any(a.text in _PARTED_WRITES.split() for a in cmd.args)


def _only_snapshots(parsed) -> dict | None:
    """`zfs destroy tank/data@snap1`: snapshots only, the dataset stays."""
    names = [w.text for w in parsed.operands[1:]]
    return {"first": names[0]} if names and all("@" in n for n in names) else None


ROWS = [
    Row("disks.blkdiscard", DANGEROUS, "blkdiscard discards every block on {device}", "blkdiscard", when=_device),
    Row("disks.flash-firmware", DANGEROUS, "flashrom overwrites the firmware (a bad write can brick the machine)",
        "flashrom", flags="-w --write -E --erase"),
    Row("disks.hdparm-erase", DANGEROUS, "hdparm erases or rewrites {device}", "hdparm",
        flags="--security-erase --security-erase-enhanced --trim-sector-ranges --write-sector --dco-restore "
        "--make-bad-sector --fwdownload", when=_device),
    Row("disks.hdparm-settings", CAUTION, "changes settings of {device}", "hdparm",
        when=all_of(_hdparm_settings, _device)),
    Row("disks.badblocks-write", DANGEROUS, "badblocks -w overwrites every block of {device}", "badblocks",
        flags="-w", when=_device),
    Row("disks.luks-destroy", DANGEROUS, "cryptsetup {sub} destroys the data or keys on {device}", "cryptsetup",
        "luksFormat|erase|luksErase|reencrypt|luksKillSlot|tcryptDump", when=_device),
    Row("disks.luks-change", CAUTION, "changes an encrypted volume", "cryptsetup",
        "open|close|luksOpen|luksClose|luksAddKey|resize"),
    Row("disks.zfs-snapshot-destroy", CAUTION, "zfs destroy deletes the snapshot {first}", "zfs", "destroy",
        unless="-r -R", when=lambda cmd, parsed: _only_snapshots(parsed)),
    Row("disks.zfs-destroy", DANGEROUS, "{tool} destroy deletes the pool or dataset and its data", "zpool zfs",
        "destroy|labelclear"),
    Row("disks.subvolume-delete", DANGEROUS, "btrfs subvolume delete deletes the subvolume {rest} and its data",
        "btrfs", "subvolume|subvol delete|del"),
    Row("disks.pool-delete", DANGEROUS, "ceph {sub} deletes the storage pool and every object in it", "ceph",
        "osd pool delete|rm"),
    Row("disks.zfs-change", CAUTION, "changes a {tool} pool or dataset", "zpool zfs",
        "rollback|export|offline|detach|remove|set|create|import|rename"),
    Row("disks.volume-remove", DANGEROUS, "{tool} deletes a volume and the data on it", "lvremove vgremove pvremove",
        when=has_operands),
    Row("disks.raid-rewrite", DANGEROUS, "mdadm rewrites RAID metadata on the disks", "mdadm",
        flags="--zero-superblock --create -C"),
    Row("disks.raid-change", CAUTION, "changes a RAID array", "mdadm",
        flags="--fail -f --remove -r --stop -S --grow -G --add -a"),
    Row("disks.nvme-erase", DANGEROUS, "nvme {sub} erases the drive", "nvme", "format|sanitize|delete-ns"),
    Row("disks.dm-remove", CAUTION, "removes device-mapper devices", "dmsetup", "remove_all|remove|wipe_table"),
    Row("disks.wipefs", DANGEROUS, "wipefs erases the filesystem signatures on {first}", "wipefs",
        flags="-a --all -o --offset", unless="-n --no-act"),
    Row("disks.wipefs-inspect", CAUTION, "inspects the signatures on {first} (wipefs -a would erase them)", "wipefs",
        unless="-n --no-act", when=has_operands),
    Row("disks.sfdisk", DANGEROUS, "sfdisk rewrites the partition table of {device}", "sfdisk",
        flags="--delete --wipe", unless="-n --no-act", when=_device_named),
    Row("disks.sfdisk", DANGEROUS, "sfdisk rewrites the partition table of {device}", "sfdisk",
        unless="-l -d -s -V -g -J -v -h -F -n --list --dump --show-size --verify --show-geometry --json --list-free "
        "--backup-pt-sectors --version --help --no-act", when=_device_named),
    Row("disks.volume-init", DANGEROUS, "{tool} writes LVM metadata over {device} (what is on it is lost)", "pvcreate",
        unless="-t --test", when=_device_named),
    Row("disks.volume-init", DANGEROUS, "{tool} writes LVM metadata over {device} (what is on it is lost)",
        "vgcreate vgextend", unless="-t --test", when=_devices_after_name),
    Row("disks.volume-change", CAUTION, "{tool} changes LVM volumes", "lvcreate lvextend lvresize lvreduce lvchange "
        "lvrename lvconvert vgreduce vgchange vgrename vgsplit vgmerge pvmove pvresize pvchange vgcreate vgextend",
        unless="-t --test", when=has_operands),
    Row("disks.sgdisk", DANGEROUS, "sgdisk rewrites the partition table of {device}", "sgdisk",
        flags="-Z -z -o -d -n -N -x -t -c -C -G -R --zap-all --zap --clear --delete --new --largest-new "
        "--typecode --change-name --replicate --mbrtogpt --load-backup", when=_device),
    Row("disks.parted", DANGEROUS, "parted rewrites the partition table of {device}", "parted",
        when=all_of(_parted_writes, _device)),
    Row("disks.partition-edit", CAUTION, "edits the partition table of {device} (changes are written only "
        "when you confirm)", "fdisk", unless="-l -x --list --list-details",
        when=all_of(has_operands, _device)),
    Row("disks.partition-open", CAUTION, "opens the partition table of {device} for editing", "parted",
        unless="-l --list", when=all_of(has_operands, lambda cmd, parsed: not given("print")(cmd, parsed), _device)),
    Row("disks.partition-open", CAUTION, "opens the partition table of {device} for editing", "cfdisk gdisk cgdisk",
        unless="-l", when=all_of(has_operands, _device)),
    Row("disks.diskutil-erase", DANGEROUS, "diskutil {sub} erases a disk or volume", "diskutil",
        "eraseDisk|eraseVolume|partitionDisk|zeroDisk|randomDisk|secureErase|reformat|splitPartition|"
        "mergePartitions|deleteVolume"),
    Row("disks.diskutil-change", CAUTION, "diskutil {sub} changes a disk", "diskutil",
        "unmount|unmountDisk|mount|eject|rename|enableJournal|repairVolume|repairDisk|resizeVolume"),
]

RULES = [
    Rule("disks.read-port", DANGEROUS, "reads /dev/port, which can hang the machine"),
    Rule("disks.read-memory", CAUTION, "reads {file} (raw memory)"),
    Rule("disks.dd-device", DANGEROUS, "dd writes raw data over {what} (everything on it is lost)"),
    Rule("disks.dd-critical", DANGEROUS, "dd overwrites {what}"),
    Rule("disks.dd-fill", DANGEROUS, "dd writes endless data to {file} until the disk is full"),
    Rule("disks.dd-overwrite", CAUTION, "dd overwrites {file}"),
    Rule("disks.format", DANGEROUS, "{tool} formats {target}: everything on it is erased"),
    Rule("disks.format-image", CAUTION, "{tool} writes a new filesystem into {file} (overwrites it)"),
    Rule("disks.system-change", CAUTION, "{tool} changes disks, filesystems or kernel modules"),
]


@hook("redirect")
def read_port(ctx, cmd, r) -> None:
    """`cat < /dev/port`: reading it pokes I/O ports."""
    if r.op == "<" and r.target is not None and any(p.path == "/dev/port" for p in ctx.places(r.target)):
        ctx.add("disks.read-port", cmd)


@program("cat", "head", "od", "hexdump", "xxd")
def reads_device(ctx, cmd) -> None:
    for a in cmd.args:
        if a.text == "/dev/port":
            ctx.add("disks.read-port", cmd)
        elif a.text in ("/dev/mem", "/dev/kmem"):
            ctx.add("disks.read-memory", cmd, file=a.text)


@program("dd")
def dd(ctx, cmd) -> None:
    ops = {}
    for a in cmd.args:
        key, eq, value = a.text.partition("=")
        if eq:
            ops[key] = (value, a)
    if "of" not in ops:
        if ops.get("if", ("",))[0] == "/dev/port":
            ctx.add("disks.read-port", cmd)
        return
    value, word = ops["of"]
    p = worst(ctx.places(Word(value, literal=word.literal)))
    source = ops.get("if", ("",))[0]
    if p.cls == NULLDEV:
        return
    if p.cls == DEVICE:
        ctx.add("disks.dd-device", cmd, what=p.desc)
    elif p.cls == KERNEL or (p.cls == SYSTEM and p.critical):
        ctx.add("disks.dd-critical", cmd, what=p.desc)
    elif source in ENDLESS_SOURCES and "count" not in ops and "iflag" not in ops:
        ctx.add("disks.dd-fill", cmd, file=value)
    elif overwrite_level(p) == DANGEROUS:
        ctx.add("disks.dd-critical", cmd, what=p.desc)
    else:
        ctx.add("disks.dd-overwrite", cmd, file=value)


# Each filesystem's mkfs reads its own options: `-F` forces mke2fs but sets the FAT size of
# mkfs.vfat, `-n` is mke2fs's dry run but mkfs.vfat's volume name. Options that take a value:
_MKE2FS = Grammar(short="bCEgGiIJlLmMNoOrtTUde", long=frozenset({"--help"}))
_MKFS_GRAMMARS = {
    "ext": _MKE2FS,
    "xfs": Grammar(short="bdilLmnNprs"),
    "btrfs": Grammar(short="bdLmnOrsUR", long=frozenset("--data --metadata --label --nodesize --sectorsize --features "
                                                         "--uuid --rootdir --checksum --csum".split())),
    "fat": Grammar(short="aAbcCDfFghiIlmMnrRsS"),
    "swap": Grammar(short="LpUe", long=frozenset("--label --pagesize --uuid --endianness".split())),
    "ntfs": Grammar(short="cspHSzLU", long=frozenset("--cluster-size --sector-size --label".split())),
}
_MKFS_KINDS = {
    "ext2": "ext", "ext3": "ext", "ext4": "ext", "mke2fs": "ext", "xfs": "xfs", "btrfs": "btrfs", "vfat": "fat",
    "fat": "fat", "msdos": "fat", "mkdosfs": "fat", "mkswap": "swap", "ntfs": "ntfs", "mkntfs": "ntfs",
}
_MKFS_DRY = {"ext": "-n", "xfs": "-N", "ntfs": "-n"}  # report what would be done, write nothing


def _mkfs_kind(cmd) -> str | None:
    """ext, xfs, fat, ...: from `mkfs.TYPE`, or `mkfs -t TYPE` (mkfs's default is ext2); None for a
    filesystem whose mkfs options are not declared here (`mkfs.cramfs`)."""
    name = cmd.name
    if "." in name:
        return _MKFS_KINDS.get(name.split(".", 1)[1])
    if name == "mkfs":
        texts = [a.text for a in cmd.args]
        for k, t in enumerate(texts):
            if t == "-t" and k + 1 < len(texts):
                return _MKFS_KINDS.get(texts[k + 1])
            if t.startswith("-t") and len(t) > 2:
                return _MKFS_KINDS.get(t[2:])
            if t.startswith("--type="):
                return _MKFS_KINDS.get(t.split("=", 1)[1])
        return "ext"
    return _MKFS_KINDS.get(name)


@program("mkswap", "mke2fs", "mkdosfs", "mkntfs", prefix="mkfs")
@program(prefix="newfs")
def mkfs(ctx, cmd) -> None:
    kind = _mkfs_kind(cmd)
    args = list(cmd.args)
    if cmd.name == "mkfs":  # `mkfs -t TYPE`: the type's own options follow
        args = [a for k, a in enumerate(args) if a.text != "-t" and (k == 0 or args[k - 1].text != "-t")]
    o = parse_options(args, _MKFS_GRAMMARS.get(kind, _MKE2FS))
    dry = _MKFS_DRY.get(kind)  # (none for a filesystem not declared: its -n may be a volume name)
    if (dry and dry[1] in o.short) or (o.has("V", "--version") and not o.operands):
        return
    devices = [w for w in o.operands if w.text.startswith("/dev/") or not w.literal]
    if not devices:  # a device given where another mkfs reads an option's value is still formatted
        devices = [a for a in cmd.args if a.literal and is_block_device(a.text)]
    if devices:
        ctx.add("disks.format", cmd, tool=cmd.name, target=shown(devices[-1]))
    elif o.operands:
        ctx.add("disks.format-image", cmd, tool=cmd.name, file=shown(o.operands[0]))


_READ_ONLY_OPTIONS = frozenset({"-l", "-a", "--all", "-t", "--show", "-s", "--summary"})
_BTRFS_CHANGES = frozenset({"delete", "remove", "balance", "rescue", "check", "zero-log", "replace"})
_BTRFS_READS = frozenset({"list", "show", "get-default", "df", "usage", "du", "stats", "find-new"})


@program(
    "mount", "umount", "swapoff", "swapon", "modprobe", "rmmod", "insmod", "depmod", "losetup", "fsck", "e2fsck",
    "tune2fs", "resize2fs", "xfs_repair", "btrfs", "quotaoff", "update-grub", "grub-install", "grub2-install",
    "update-initramfs", "dracut", "efibootmgr", "kpartx",
)
def system_change(ctx, cmd) -> None:
    name = cmd.name
    words = [a.text for a in cmd.args]
    if name in ("mount", "losetup", "btrfs", "swapon") and all(w in _READ_ONLY_OPTIONS for w in words):
        return  # listing
    if name == "modprobe" and any(w in ("-n", "--dry-run", "-c", "--showconfig", "--show-depends") for w in words):
        return
    if name == "efibootmgr" and not any(w.startswith("-") and w != "-v" for w in words):
        return
    if name == "btrfs" and words[1:2] and words[1] in _BTRFS_READS:
        return  # `btrfs subvolume list /mnt`, `btrfs filesystem df /`
    if name == "btrfs" and not any(w in _BTRFS_CHANGES for w in words) and words[:1] not in (
        ["subvolume"], ["filesystem"], ["device"]
    ):
        return
    ctx.add("disks.system-change", cmd, tool=name)


EXAMPLES = [
    ("blkdiscard /dev/sda", DANGEROUS, "disks.blkdiscard"),
    ("blkdiscard --help", SAFE, "not disks.blkdiscard"),
    ("flashrom -w bios.bin", DANGEROUS, "disks.flash-firmware"),
    ("flashrom -r backup.bin", SAFE, "not disks.flash-firmware"),
    ("hdparm --security-erase NULL /dev/sda", DANGEROUS, "disks.hdparm-erase"),
    ("hdparm -I /dev/sda", SAFE, "not disks.hdparm-erase"),
    ("hdparm -S 120 /dev/sda", CAUTION, "disks.hdparm-settings"),
    ("hdparm -tT /dev/sda", SAFE, "not disks.hdparm-settings"),
    ("badblocks -wsv /dev/sdb", DANGEROUS, "disks.badblocks-write"),
    ("badblocks -sv /dev/sdb", SAFE, "not disks.badblocks-write"),
    ("cryptsetup luksFormat /dev/sdb1", DANGEROUS, "disks.luks-destroy"),
    ("cryptsetup -q luksFormat /dev/sdb1", DANGEROUS, "disks.luks-destroy"),
    ("cryptsetup luksDump /dev/sdb1", SAFE, "not disks.luks-destroy"),
    ("cryptsetup open /dev/sdb1 vault", CAUTION, "disks.luks-change"),
    ("cryptsetup status vault", SAFE, "not disks.luks-change"),
    ("zfs destroy tank/data", DANGEROUS, "disks.zfs-destroy"),
    ("zfs destroy tank/data@snap1", CAUTION, "disks.zfs-snapshot-destroy"),
    ("zfs destroy -r tank/data@snap1", DANGEROUS, "not disks.zfs-snapshot-destroy"),
    ("btrfs subvolume delete /mnt/data", DANGEROUS, "disks.subvolume-delete"),
    ("btrfs subvolume list /mnt", SAFE, "not disks.subvolume-delete"),
    ("ceph osd pool delete p p --yes-i-really-really-mean-it", DANGEROUS, "disks.pool-delete"),
    ("ceph osd pool ls", SAFE, "not disks.pool-delete"),
    ("zfs list", SAFE, "not disks.zfs-destroy"),
    ("zpool export tank", CAUTION, "disks.zfs-change"),
    ("zpool status", SAFE, "not disks.zfs-change"),
    ("lvremove /dev/vg0/data", DANGEROUS, "disks.volume-remove"),
    ("lvs", SAFE, "not disks.volume-remove"),
    ("mdadm --zero-superblock /dev/sdb", DANGEROUS, "disks.raid-rewrite"),
    ("mdadm --detail /dev/md0", SAFE, "not disks.raid-rewrite"),
    ("mdadm /dev/md0 --fail /dev/sdb", CAUTION, "disks.raid-change"),
    ("mdadm --examine /dev/sdb", SAFE, "not disks.raid-change"),
    ("nvme format /dev/nvme0n1", DANGEROUS, "disks.nvme-erase"),
    ("nvme list", SAFE, "not disks.nvme-erase"),
    ("dmsetup remove_all", CAUTION, "disks.dm-remove"),
    ("dmsetup ls", SAFE, "not disks.dm-remove"),
    ("wipefs -a /dev/sda", DANGEROUS, "disks.wipefs"),
    ("wipefs -n -a /dev/sda", SAFE, "not disks.wipefs"),
    ("wipefs /dev/sda", CAUTION, "disks.wipefs-inspect"),
    ("wipefs --no-act /dev/sda", SAFE, "not disks.wipefs-inspect"),
    ("sfdisk /dev/sda < layout.txt", DANGEROUS, "disks.sfdisk"),
    ("sfdisk --delete /dev/sda 2", DANGEROUS, "disks.sfdisk"),
    ("sfdisk -l /dev/sda", SAFE, "not disks.sfdisk"),
    ("sfdisk -v", SAFE, "not disks.sfdisk"),
    ("pvcreate /dev/sdb", DANGEROUS, "disks.volume-init"),
    ("vgcreate data /dev/sdb /dev/sdc", DANGEROUS, "disks.volume-init"),
    ("vgextend data /dev/nvme1n1", DANGEROUS, "disks.volume-init"),
    ("pvcreate --test /dev/sdb", SAFE, "not disks.volume-init"),
    ("pvs", SAFE, "not disks.volume-init"),
    ("lvcreate -L 10G -n data vg0", CAUTION, "disks.volume-change"),
    ("lvs -a", SAFE, "not disks.volume-change"),
    ("sgdisk --zap-all /dev/sda", DANGEROUS, "disks.sgdisk"),
    ("sgdisk -p /dev/sda", SAFE, "not disks.sgdisk"),
    ("parted /dev/sda mklabel gpt", DANGEROUS, "disks.parted"),
    ("parted -l", SAFE, "not disks.parted"),
    ("fdisk /dev/sda", CAUTION, "disks.partition-edit"),
    ("fdisk -l", SAFE, "not disks.partition-edit"),
    ("parted /dev/sda", CAUTION, "disks.partition-open"),
    ("cfdisk /dev/sda", CAUTION, "disks.partition-open"),
    ("parted /dev/sda print", SAFE, "not disks.partition-open"),
    ("diskutil eraseDisk JHFS+ X /dev/disk2", DANGEROUS, "disks.diskutil-erase"),
    ("diskutil list", SAFE, "not disks.diskutil-erase"),
    ("diskutil unmountDisk /dev/disk2", CAUTION, "disks.diskutil-change"),
    ("diskutil info /dev/disk2", SAFE, "not disks.diskutil-change"),
    ("cat /dev/port", DANGEROUS, "disks.read-port"),
    ("dd if=/dev/port bs=1 count=1", DANGEROUS, "disks.read-port"),
    ("od -c < /dev/port", DANGEROUS, "disks.read-port"),
    ("cat /dev/null", SAFE, "not disks.read-port"),
    ("head -c 64 /dev/mem", CAUTION, "disks.read-memory"),
    ("head -c 64 /dev/urandom", SAFE, "not disks.read-memory"),
    ("dd if=/dev/zero of=/dev/sda", DANGEROUS, "disks.dd-device"),
    ("sudo dd if=image.iso of=/dev/sdb", DANGEROUS, "disks.dd-device"),
    ("dd if=/dev/sda of=/dev/null bs=1M count=100", SAFE, "not disks.dd-device"),
    ("dd if=x of=/etc/passwd", DANGEROUS, "disks.dd-critical"),
    ("dd if=x of=./passwd", CAUTION, "not disks.dd-critical"),
    ("dd if=/dev/zero of=bigfile bs=1M", DANGEROUS, "disks.dd-fill"),
    ("dd if=/dev/zero of=swapfile bs=1M count=1024", CAUTION, "not disks.dd-fill"),
    ("dd if=a of=b", CAUTION, "disks.dd-overwrite"),
    ("dd if=/dev/sda bs=512 count=1", SAFE, "not disks.dd-overwrite"),
    ("mkfs.ext4 /dev/sda1", DANGEROUS, "disks.format"),
    ("mkfs -t xfs /dev/vdb", DANGEROUS, "disks.format"),
    ("mkswap /dev/sda2", DANGEROUS, "disks.format"),
    ("mkfs.ext4 disk.img", CAUTION, "not disks.format"),
    ("mkfs.ext4 disk.img", CAUTION, "disks.format-image"),
    ("mkfs.ext4 -V", SAFE, "not disks.format-image"),
    ("mkfs.ext4 -F /dev/sdb1", DANGEROUS, "disks.format"),
    ("mkfs -t vfat -F 32 -n USB /dev/sdc1", DANGEROUS, "disks.format"),
    ("mkfs.xfs -f /dev/nvme0n1p2", DANGEROUS, "disks.format"),
    ("mkfs.ext4 -n /dev/sdb1", SAFE, "not disks.format"),
    ("mkfs.cramfs -n rescue ./root /dev/sdc1", DANGEROUS, "disks.format"),
    ("sudo mount /dev/sdb1 /mnt", CAUTION, "disks.system-change"),
    ("modprobe -r nvidia", CAUTION, "disks.system-change"),
    ("mount -l", SAFE, "not disks.system-change"),
    ("modprobe -n nvidia", SAFE, "not disks.system-change"),
]
