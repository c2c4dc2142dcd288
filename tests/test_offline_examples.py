"""nlshell's own examples (nlshell/data/examples*.tsv) are data a person reviewed: each row must be a
real command of its page, readable by the shell, and honest about what it does, so a request that
only looks is never offered a command that changes things."""

from __future__ import annotations

import pytest

import os
from pathlib import Path

from nlshell.offline import data
from nlshell.offline.commands import PLACEHOLDER, example_programs
from nlshell.offline.intent import READ, intent
from nlshell.offline.rating import risk_of
from nlshell.shell.parser import parse

ROWS = [
    (name, number, row)
    for name in data.own_example_files()
    for number, row in enumerate(data.read_tsv(name), start=1)
]


def test_the_examples_are_split_by_area_and_all_read():
    names = data.own_example_files()
    assert names[0] == "examples.tsv"
    assert all(data.EXAMPLES_GLOB.match(name) for name in names)
    assert len(ROWS) >= 100


def test_a_new_area_file_is_read_and_changes_the_index_version(tmp_path, monkeypatch):
    for name in os.listdir(data.DATA_DIR):
        if data.EXAMPLES_GLOB.match(name):
            (tmp_path / name).write_bytes((Path(data.DATA_DIR) / name).read_bytes())
    monkeypatch.setattr(data, "DATA_DIR", str(tmp_path))
    before = data.own_examples_digest()
    (tmp_path / "examples-extra.tsv").write_text("# area\npage\tdescription\tcommand\nmkdir\tMake a folder\tmkdir x\n")
    (tmp_path / "examples.tsv.orig").write_text("not read\n")
    assert "examples-extra.tsv" in data.own_example_files()
    assert "examples.tsv.orig" not in data.own_example_files()
    assert data.own_examples_digest() != before


def test_each_own_example_is_a_readable_command_of_its_page():
    wrong = []
    for name, number, row in ROWS:
        where = f"{name}:{number}"
        if len(row) != 3:
            wrong.append(f"{where}: not page, description, command")
            continue
        page, description, command = row
        literal = PLACEHOLDER.sub("x", command)
        if not (page and description[:1].isupper() and command.strip() == command):
            wrong.append(f"{where}: empty page, lower-case description or spaces around the command")
        elif command.count("{{") != command.count("}}") or parse(literal).root_node.has_error:
            wrong.append(f"{where}: bash cannot read {command!r}")
        elif not any(p == page or p.startswith(page.split("-")[0]) for p in example_programs(page, command)):  # python: python3
            wrong.append(f"{where}: {command!r} does not run {page}")
    assert wrong == []


def test_no_two_own_examples_say_the_same_thing():
    seen: dict[tuple[str, str], str] = {}
    repeated = []
    for name, number, (page, description, _command) in ROWS:
        key = (page, description.lower())
        if key in seen:
            repeated.append(f"{name}:{number} repeats {seen[key]}")
        seen[key] = f"{name}:{number}"
    assert repeated == []


def test_an_example_described_as_looking_is_rated_safe():
    """The description is what the ranker matches a read-only request against: a row that says it
    only looks and does more would be offered to a request that only looks. Root-only state is read
    as root ("Password expiry of a user": `sudo chage -l`): what sudo runs must be safe, as the
    read-only check of the tables asks (`sudo` alone is caution by design)."""
    unsafe = []
    for name, number, (_page, description, command) in ROWS:
        if intent(description) == READ:
            risk, reasons = risk_of(PLACEHOLDER.sub("x", command).removeprefix("sudo "))
            if risk != "safe":
                unsafe.append(f"{name}:{number}: {description!r} → {command!r} is {risk}: {reasons}")
    assert unsafe == []


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("dedupe names.txt", "sort names.txt | uniq"),  # `uniq` alone only squeezes neighbours
        ("how long has pid 4242 been running", "ps -o pid,etime,cmd -p 4242"),
        ("open up old.7z", "7z x old.7z"),
        ("any errors logged since yesterday", "journalctl -p err --since yesterday"),
        ("what process is thrashing the disk", "pidstat -d 1"),
        ("7z the secrets/ folder with a password", "7z a -p -mhe=on secrets.7z secrets/"),
        ("zip up taxes/ with a password", "zip -er taxes.zip taxes/"),
    ],
)
def test_round_fifteen_second_pass_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("remove the immutable flag from notes.txt", "sudo chattr -i notes.txt"),
        ("add user carol with a home dir", "sudo useradd -m carol"),
    ],
)
def test_round_sixteen_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("would black change any files", "black --diff ."),
        ("check if torch can see cuda", "python3 -c 'import torch; print(torch.cuda.is_available())'"),
        ("how many github api calls do i have left", "gh api rate_limit"),
        ("which commit deleted setup.py", "git log --diff-filter=D --oneline -- setup.py"),
        ("compile prog.c with warnings and debug symbols", "gcc -Wall -Wextra -g prog.c -o {{path/to/output_executable}}"),
        ("show the state and exit code of the worker container", "docker inspect worker"),
        ("which node binary is being used", "which node"),
    ],
)
def test_round_seventeen_dev_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("count all files in src, subfolders included", "find src -type f | wc -l"),
        ("disk usage of /var, human readable", "du -sh /var"),
        ("free some space by clearing the apt cache", "sudo apt clean"),  # the space is why, the clearing the job
        ("set up a 2G swap file", "sudo fallocate -l 2G /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile"),
        ("block 203.0.113.9, it's hammering us", "sudo ufw deny from 203.0.113.9"),
        ("chmod 755 only the directories under site/, leave files alone", "find site/ -type d -exec chmod 755 {} +"),
        ("how much ram does this thing have", "free -h"),  # what "this thing" has is the machine's
        ("how much ram do i have", "free -h"),  # what "I" have of a resource is the machine's, not a process's
        ("how many cores do i have", "nproc"),
        ("point the current symlink at releases/v2", "ln -sfn releases/v2 current"),  # the link's name before its noun
        ("upgrade requests to latest with pip", "pip install --upgrade requests"),  # was `pip install --upgrade -r latest`
        ("tables in the sqlite db app.db?", "sqlite3 app.db .tables"),  # sqlite is the software, no database of that name (was psql)
        ("export the shop database from mysql", "mysqldump shop > {{path/to/file.sql}}"),  # the software is no login (was `-u mysql`)
        ("slides.pptx -> pdf", "libreoffice --headless --convert-to pdf slides.pptx"),
        ("loud.wav is too loud, halve the volume", "ffmpeg -i loud.wav -filter:a 'volume=0.5' {{path/to/output_file}}"),
        ("which process keeps /mnt/usb busy", "lsof /mnt/usb"),
        ("take the network interface down", "sudo ip link set {{interface}} down"),
    ],
)
def test_round_eighteen_rows_a_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("show me the diff of what's staged, nothing else", "git diff --staged"),
        ("apply commit 9f8e7d6 to the branch i have checked out", "git cherry-pick 9f8e7d6"),
        ("cargo: add serde with the derive feature", "cargo add serde --features derive"),
        ("install ripgrep through cargo", "cargo install ripgrep"),
        ("rebuild the images and bring compose up in the background", "docker compose up -d --build"),
        ("kill all containers", "docker kill $(docker ps -q)"),
        ("pytest only the test named test_login, verbose pls", "pytest -vk test_login"),
        ("typecheck the project w/ mypy", "mypy ."),
        ("start server.js and auto restart it whenever files change", "node --watch server.js"),
        ("format all .css files with prettier", "prettier --write '*.css'"),
        ("hold linux-image-generic so upgrades dont touch it", "sudo apt-mark hold linux-image-generic"),
        ("show upgradable packages", "apt list --upgradable"),
        ("rsync dist/ to web1:/srv/www and delete anything extra on the remote", "rsync -avz --delete dist/ web1:/srv/www"),
        ("ssh service logs since boot", "journalctl -u ssh -b"),
        ("restart my user-level pipewire service", "systemctl --user restart pipewire"),
        ("add an override for nginx.service", "sudo systemctl edit nginx.service"),
        ("flush the redis cache, db 0 only", "redis-cli -n 0 FLUSHDB"),
        ("show the system-wide crontab", "cat /etc/crontab"),
        ("wipe all my cron jobs", "crontab -r"),
        ("install the crontab from jobs.cron", "crontab jobs.cron"),
        ("check that github.com lets me log in with my ssh key", "ssh -T git@github.com"),
    ],
)
def test_round_eighteen_dev_services_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("gpu model and is anyone using it", "nvidia-smi"),
        ("is the machine swapping", "vmstat 1 5"),
        ("clean up journal logs older than 2 weeks", "sudo journalctl --vacuum-time=2weeks"),
        ("what's in my crontab right now", "crontab -l"),  # my crontab is no system crontab
        ("what did apt install today", "grep \"^$(date +%F) .* install \" /var/log/dpkg.log"),
        ("release time: tag HEAD v2.3.0 and push the tag", "git tag v2.3.0 && git push origin v2.3.0"),
        ("lines of python code in the repo", "cloc ."),
        ("put a link to /opt/node-v20/bin/node in /usr/local/bin so its on my path", "ln -s /opt/node-v20/bin/node /usr/local/bin"),
        ("why is this repo so big, size of .git", "du -sh .git"),
        ("make gunicorn reload its workers with a HUP", "pkill -HUP gunicorn"),
    ],
)
def test_round_eighteen_second_pass_b_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("need an empty logs/.gitkeep so git keeps the folder", "touch logs/.gitkeep"),
        ("show processes as a tree so i see what spawned what", "pstree -p"),
        ("what jobs do I have running in this terminal", "jobs -l"),
        ("need my laptop's LAN ip so the phone can connect", "hostname -I"),
        ("numeric perms of each file in config/", "stat -c '%a %n' config/*"),
        ("check the mode on ~/.ssh/id_rsa", "stat -c '%a' ~/.ssh/id_rsa"),
        ("switch reports/ group to analysts", "chgrp -R analysts reports/"),
        ("make public/ readable by everybody", "chmod -R a+r public/"),
        ("who logged in over the past few days", "last"),
        ("usb related kernel messages", "dmesg | grep -i usb"),
        ("PATH is unreadable, split it one entry per line", "echo \"$PATH\" | tr ':' '\\n'"),
        ("need the fix from commit a1b2c3d here too", "git cherry-pick a1b2c3d"),
        ("update my branch from the remote without a merge commit", "git pull --rebase"),
        ("are any of my npm dependencies behind the latest", "npm outdated"),
        ("shut down the compose services for this project", "docker compose down"),
        ("docker is eating the disk, prune the unused images", "docker image prune"),
        ("token.txt is base64, what does it say", "base64 -d token.txt"),
        ("delete the blank lines from notes.md, edit it in place", "sed -i '/^$/d' notes.md"),
        ("tarball of ~/project without node_modules", "tar --exclude=node_modules -czf project.tar.gz ~/project"),
        ("what can be upgraded? don't install anything yet", "apt list --upgradable"),
        ("just cloned the repo, set up deps from requirements.txt", "pip install -r requirements.txt"),
        ("turn orders.csv into orders.json", "csvjson orders.csv > orders.json"),
        ("make backup.timer start on boot", "sudo systemctl enable backup.timer"),
        ("what's stored under session:abc123 in redis", "redis-cli GET session:abc123"),
    ],
)
def test_round_eighteen_second_pass_a_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("cpu and mem of the api container", "docker stats --no-stream api"),
        ("what env vars does the web container have", "docker exec web env"),
        ("what branches are on origin", "git branch -r"),
        ("who committed the most since january", "git shortlog -sn --since='{{date}}'"),
        ("log timestamps look off, what tz is this machine on", "timedatectl show -p Timezone --value"),
        ("something already grabbed port 8080, what is it", "lsof -i :8080"),
        ("./release.sh gives permission denied, chmod it so i can run it", "chmod +x ./release.sh"),
        ("my laptop's ip on the wifi", "ip -4 addr show"),
        ("did someone change /etc/passwd? last modified time", "stat /etc/passwd"),
        ("set up a fresh virtualenv in .venv for this repo", "python3 -m venv .venv"),
    ],
)
def test_round_nineteen_older_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("just the folders directly inside /usr, not the files", "ls -d /usr/*/"),
        ("clear out everything in dist/ but keep the dist folder", "rm -r dist/*"),
        ("count unique IPs in /var/log/nginx/access.log", "awk '{print $1}' /var/log/nginx/access.log | sort -u | wc -l"),
        ("show line 42 of app.py", "sed -n '42p' app.py"),
        ("port 3000 is still held by an old dev server, free it up", "kill $(lsof -t -i :3000 -sTCP:LISTEN)"),
        ("what's www-data running at the moment", "ps -u www-data -o pid,etime,cmd"),
        ("format the sd card /dev/sdc1 as fat32", "sudo mkfs.vfat -F 32 /dev/sdc1"),
        ("what address does the internet see me coming from", "curl -s ifconfig.me"),
        ("set the umask so new files are not readable by others", "umask 027"),
        ("exact kernel release i'm running", "uname -r"),
        ("print JAVA_HOME", "printenv JAVA_HOME"),
        ("set swappiness to 20 until reboot", "sudo sysctl vm.swappiness=20"),
        ("unix time in milliseconds", "date +%s%3N"),
        ("list files in logs/ with full timestamps", "ls -l --full-time logs/"),
        ("show the time with the utc offset", "date '+%F %T %z'"),
        ("look through access.log.1.gz without gunzipping it", "zless access.log.1.gz"),
        ("how many jobs can make -j run on this machine", "nproc"),
        ("what model of computer is this", "cat /sys/class/dmi/id/product_name"),
        ("was 2023-07-04 a tuesday?", "date -d 2023-07-04 +%A"),
        ("screenshot the whole desktop", "gnome-screenshot"),
    ],
)
def test_round_nineteen_files_text_system_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("oops, take back my last commit but leave the changes staged", "git reset --soft HEAD~1"),
        ("find the commit that introduced the string MAX_RETRIES", "git log -S 'MAX_RETRIES'"),
        ("set user.email to sam@example.org for this repo only", "git config user.email \"sam@example.org\""),
        ("print the final compose config with the variables filled in", "docker compose config"),
        ("run the build target of the Makefile in ./frontend", "make -C ./frontend build"),
        ("rerun only the tests that failed last time", "pytest --lf"),
        ("clean up go.mod and go.sum", "go mod tidy"),
        ("go tests with the race detector and verbose output", "go test -race -v ./..."),
        ("profile main.py with cProfile, sorted by cumulative time", "python3 -m cProfile -s cumtime main.py"),
        ("run the test suite with coverage", "pytest --cov"),
        ("run every pre-commit hook over the whole repo", "pre-commit run --all-files"),
        ("enable my user-level pipewire service", "systemctl --user enable pipewire"),
        ("only the status code from https://example.com/health", "curl -s -o /dev/null -w '%{http_code}\\n' https://example.com/health"),
        ("drop http_proxy and https_proxy from this shell", "unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY"),
        ("start ~/sync.sh at every reboot via cron", "(crontab -l 2>/dev/null; echo \"@reboot $(realpath ~/sync.sh)\") | crontab -"),
        ("what depends on libssl3, why is it on here", "apt-cache rdepends --installed libssl3"),
    ],
)
def test_round_nineteen_dev_services_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        (
            "save https://api.example.com/export to export.json, no progress bar",
            "curl -s -o export.json https://api.example.com/export",
        ),
        (
            "need data.zip off https://example.com/data.zip on this box",
            "curl -L -o data.zip https://example.com/data.zip",
        ),
        ("nobody outside the group should be able to write anything in public/", "chmod -R o-w public/"),
        ("files touched since yesterday in ~/projects", "find ~/projects -type f -mtime -1"),
        ("find the commit where i wrote 'fix login timeout'", "git log --oneline --grep='fix login timeout'"),
        ("what's the timezone on this server", "timedatectl show -p Timezone --value"),
        ("is ntp sync on?", "timedatectl show -p NTP -p NTPSynchronized"),
        ("how big is backup.tar.gz", "ls -lh backup.tar.gz"),
        ("node_modules feels huge, how big is it", "du -sh node_modules"),
        ("add 10.0.0.5 gitlab.local to /etc/hosts", "echo '10.0.0.5 gitlab.local' | sudo tee -a /etc/hosts"),
    ],
)
def test_round_nineteen_older_dev_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("remove branch hotfix from the remote", "git push origin --delete hotfix"),
        ("who changed line 40 of app.py", "git blame -L 40,+1 app.py"),
        ("bisect to find the bad commit", "git bisect start"),
        ("mark v2.1 as good in the bisect", "git bisect good v2.1"),
        ("list installed apt packages", "apt list --installed"),
        ("clean up packages that are no longer needed", "sudo apt autoremove"),
        ("prevent docker-ce from updating", "sudo apt-mark hold docker-ce"),
        ("upgrade all brew packages", "brew upgrade"),
        ("follow the logs of container api", "docker logs -f api"),
        ("clean up unused docker images", "docker image prune"),
        ("stop and remove compose containers and volumes", "docker compose down --volumes"),
        ("remove volume pgdata", "docker volume rm pgdata"),
        ("edit the unit file of nginx with an override", "sudo systemctl edit nginx"),
        ("list the running systemd services", "systemctl list-units --type=service --state=running"),
        ("show logs of the nginx service since an hour ago", "journalctl -u nginx --since '1 hour ago'"),
        ("upload report.pdf to bob@10.0.0.5 home dir", "scp report.pdf bob@10.0.0.5:~"),
        ("copy a folder site/ to host web2 recursively with scp", "scp -r site/ web2:"),
        ("remove the old host key for 10.0.0.7 from known_hosts", "ssh-keygen -f ~/.ssh/known_hosts -R 10.0.0.7"),
        ("get the first element of array in data.json", "jq '.[0]' data.json"),
        ("is docker an alias or a binary", "type docker"),
        ("psql into database shop on host db1", "psql -h db1 shop"),
        ("dump the postgres database shop to shop.sql", "pg_dump -f shop.sql shop"),
        ("connect to mysql as root", "mysql -u root -p"),
        ("flush all redis keys", "redis-cli FLUSHALL"),
        ("list all redis keys matching user:*", "redis-cli --scan --pattern 'user:*'"),
        ("mongosh into database shop", "mongosh shop"),
    ],
)
def test_round_twenty_coverage_dev_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("delete all .tmp files in this dir and all subdirs", "find . -type f -name '*.tmp' -delete"),
        ("print names.txt all lowercase", "tr '[:upper:]' '[:lower:]' < names.txt"),
        ("how many records in the orders table of the mysql db shop", "mysql shop -e 'SELECT count(*) FROM orders'"),
        ("dump the postgres db mydb to mydb.sql before the migration", "pg_dump mydb -f mydb.sql"),
        ("create a postgres role reporter that logs in with a password", "createuser --login --pwprompt reporter"),
        ("process 48213 is hung and ignores ctrl-c, force kill it", "kill -9 48213"),
        ("new to linux: how do i see my disks and what filesystem each one uses?", "lsblk -f"),
        ("add a route to 10.20.0.0/16 via 192.168.1.254", "sudo ip route add 10.20.0.0/16 via 192.168.1.254"),
        ("how mnay cpu cores does this machine have", "nproc"),
        ("what version of openssl do we have installed", "openssl version"),
        (
            "download big.iso from http://mirror.local/big.iso, the connection keeps dropping so make it resumable",
            "curl -C - -o big.iso http://mirror.local/big.iso",
        ),
        ("which files differ between the staging and main branches", "git diff --name-only staging..main"),
    ],
)
def test_round_twenty_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what am i about to commit", "git diff --staged"),
        ("put config.yaml back to the committed version", "git restore config.yaml"),
        ("fresh python venv called myenv", "python3 -m venv myenv"),
        ("run tests/test_api.py verbose", "pytest -v tests/test_api.py"),
        ("lint deploy.sh for bugs", "bash -n deploy.sh"),
        ("set FOO=bar for all users system-wide", "echo 'FOO=bar' | sudo tee -a /etc/environment"),
        ("stop tracking build/ but keep it on disk", "git rm -r --cached build/"),
        ("socks proxy through bastion.example.com on port 9050", "ssh -D 9050 -N bastion.example.com"),
        ("am i on a 32 or 64 bit system", "uname -m | grep '64'"),
    ],
)
def test_round_twenty_dev_and_eighteen_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("lowercase everything in words.txt", "tr '[:upper:]' '[:lower:]' < words.txt"),
        ("get the third field of a colon separated file /etc/passwd", "cut -d: -f3 /etc/passwd"),
        ("change priority of pid 4242 to 12", "renice -n 12 -p 4242"),
        ("list open files of nginx", "lsof -c nginx"),
        ("wait for pid 3000 to finish", "tail --pid=3000 -f /dev/null"),
        ("trace system calls of a running process 1234", "strace -p 1234"),
        ("which program is using /dev/video0", "fuser -v /dev/video0"),
        ("what is taking up space in this directory", "du -sh * | sort -h"),
        ("list block devices and partitions", "lsblk"),
        ("show filesystem type of each partition", "lsblk -f"),
        ("is my ssd failing", "smartctl -H {{/dev/sda}}"),
        ("interactive disk usage browser", "ncdu {{path/to/directory}}"),
        ("look up the dns records for github.com", "dig github.com"),
        ("take eth1 down", "sudo ip link set eth1 down"),
        ("which ports are open on 10.0.0.5", "nmap 10.0.0.5"),
        ("append notes.txt to backup.tar", "tar -rf backup.tar notes.txt"),
        ("give user frank read access to report.pdf with acl", "setfacl -m u:frank:r report.pdf"),
        ("which binaries are suid", "find / -perm -4000 -type f 2>/dev/null"),
        ("extract pages 3 to 5 from report.pdf", "qpdf report.pdf --pages . 3-5 -- {{path/to/output.pdf}}"),
        ("find duplicate files in ~/Pictures", "find ~/Pictures -type f -exec md5sum {} + | sort | uniq -w32 -dD"),
        (
            "delete duplicate files in photos",
            "find photos -type f -exec md5sum {} + | sort | awk 'seen[$1]++ {print substr($0, 35)}' | xargs -d '\\n' rm --",
        ),
        ("who is logged in right now", "who"),
        ("decrypt secret.txt.gpg", "gpg -o {{path/to/output_file}} -d secret.txt.gpg"),
        ("make a file immutable", "sudo chattr +i {{path/to/file}}"),
        ("extract config.yml from backup.tar", "tar -xf backup.tar config.yml"),
    ],
)
def test_round_twenty_coverage_system_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what time zone am i in", "timedatectl"),
        ("check integrity of archive.zip", "unzip -t archive.zip"),
        ("serve current folder over http", "python3 -m http.server 8000"),
        ("kill all processes of user bob", "sudo pkill -u bob"),
        ("working directory of pid 4242", "pwdx 4242"),
        ("extract backup.tar.bz2", "tar -xjf backup.tar.bz2"),
        ("extract gz to a different name", "gunzip -c {{path/to/file.gz}} > {{path/to/output_file}}"),
        ("unzip all zip files in folder", 'for f in folder/*.zip; do unzip "$f" -d "${f%.zip}"; done'),
        ("tar but exclude node_modules", "tar --exclude=node_modules -czf {{path/to/target.tar.gz}} {{path/to/directory}}"),
        ("diff two files in vim", "vimdiff {{path/to/file1}} {{path/to/file2}}"),
        ("split the window vertically in tmux", "tmux split-window -h"),
        ("send a command to a tmux session", "tmux send-keys -t {{session_name}} '{{command}}' Enter"),
        ("end every tmux session", "tmux kill-server"),
        ("open connections to my server", "ss -tunp"),
        ("force dan to change his password at next login", "sudo passwd -e dan"),
        ("add system user myapp with no login shell", "sudo useradd -r -s /usr/sbin/nologin myapp"),
        ("convert photo.jpg to grayscale", "convert photo.jpg -colorspace Gray {{path/to/output.jpg}}"),
        ("compare two folders", "diff -rq {{path/to/directory1}} {{path/to/directory2}}"),
    ],
)
def test_round_twenty_one_coverage_system_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("uncommit the last commit, keep files staged", "git reset --soft HEAD~1"),
        ("pin nginx so apt won't upgrade it", "sudo apt-mark hold nginx"),
        ("logs since yesterday", "journalctl --since yesterday"),
        ("run only test_login with pytest", "pytest -k test_login"),
        ("run pytest and show print output", "pytest -s"),
        ("list pods in namespace prod", "kubectl get pods -n prod"),
        ("describe pod web-1", "kubectl describe pod web-1"),
        ("scale deployment web to 3 replicas", "kubectl scale deployment web --replicas=3"),
        ("get a shell in pod api-123", "kubectl exec -it api-123 -- sh"),
        ("forward local port 5432 to pod db-0", "kubectl port-forward db-0 5432:5432"),
        ("kubectl restart deployment api", "kubectl rollout restart deployment api"),
    ],
)
def test_round_twenty_one_coverage_dev_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("ls my home dir incl. dotfiles, long format", "ls -la ~"),
        ("zip up the reports folder with all its subfolders", "zip -r reports.zip reports"),
        ("only error-level stuff from the current boot in the journal", "journalctl -b -p err"),
        ("send a HUP to gunicorn master pid 2200 so it reloads workers", "kill -HUP 2200"),
        ("the ffmpeg job (pid 7710) is slowing everything, drop it to the lowest priority", "renice -n 19 -p 7710"),
        ("show the child processes of pid 900", "pgrep -P 900 -a"),
        ("list disks and partitions with mountpoints", "lsblk"),
        ("done copying, unmount /mnt/backup", "sudo umount /mnt/backup"),
        ("what groups am i a member of", "groups"),
        ("what cpu model is in this server", "lscpu"),
        ("which process owns the connection to 10.1.1.9", "ss -tnp dst 10.1.1.9"),
        ("bump the memory limit of myapp.service with an override", "sudo systemctl edit myapp.service"),
        ("i changed ~/.zshrc, apply it to this shell", "source ~/.zshrc"),
        ("which python3 am i actually running", "which python3"),
        ("use vim as EDITOR in this shell", "export EDITOR=vim"),
        (
            "forgot config.yml in the last commit, add it without changing the message",
            "git add config.yml && git commit --amend --no-edit",
        ),
        ("VACUUM ANALYZE the orders table in postgres db shop", "psql shop -c 'VACUUM ANALYZE orders'"),
        ("vacuum the sqlite db cache.db", "sqlite3 cache.db 'VACUUM'"),
        ("drop lodash from this project", "npm uninstall lodash"),
        (
            "export the orders table from postgres db shop as orders.csv",
            "psql shop -c \"\\copy orders TO 'orders.csv' CSV HEADER\"",
        ),
    ],
)
def test_round_twenty_one_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("gzip data.csv but keep the original", "gzip -k data.csv"),
        ("copy /var/log/app.log out of the api container onto my machine", "docker cp api:/var/log/app.log ."),
        ("did this box reboot lately? how long has it been up", "uptime -p"),
        ("cp .env.example to .env but don't clobber it", "cp -n .env.example .env"),
    ],
)
def test_round_twenty_one_older_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("who handles mail for example.org", "dig +short MX example.org"),
        ("which interface would traffic to 10.2.3.4 go out of", "ip route get 10.2.3.4"),
        ("what's the ip of eth0", "ip address show eth0"),
        ("show open udp sockets", "ss -uan"),
        ("scan for available wireless networks", "nmcli device wifi list"),
        ("show the current dns resolver configuration", "resolvectl status"),
        ("list iptables rules", "iptables -L -n -v"),
        ("show all iptables rules with line numbers", "iptables -L -n --line-numbers"),
        ("drop incoming traffic from 192.0.2.9 with iptables", "sudo iptables -A INPUT -s 192.0.2.9 -j DROP"),
        ("iptables block port 23", "sudo iptables -A INPUT -p tcp --dport 23 -j DROP"),
        ("list nft rules", "nft list ruleset"),
        ("list open ports in firewalld", "firewall-cmd --list-all"),
        ("open port 443 in firewalld permanently", "sudo firewall-cmd --permanent --add-port=443/tcp"),
        ("list ufw rules with numbers", "ufw status numbered"),
        ("allow port 5432 only from 10.0.0.0/24", "sudo ufw allow from 10.0.0.0/24 to any port 5432"),
        ("block 203.0.113.7 with ufw", "sudo ufw deny from 203.0.113.7"),
        ("take user erin out of group developers", "sudo gpasswd -d erin developers"),
        ("which sudo commands is user ci allowed to run", "sudo -l -U ci"),
        ("what can I run with sudo", "sudo -l"),
        ("list installed locales", "locale -a"),
        ("how much ram can this board take and what dimms are installed", "dmidecode -t memory"),
        ("show filesystems and uuids of all disks", "lsblk -f"),
        ("remount /data read only", "sudo mount -o remount,ro /data"),
        ("which packages are held back from upgrades", "apt-mark showhold"),
        ("show the changelog of package openssl", "apt changelog openssl"),
        ("search apt for a package about pdf", "apt search pdf"),
        ("journal entries between 9am and 10am today", "journalctl --since 09:00 --until 10:00"),
        ("force logrotate to rotate now", "sudo logrotate -f /etc/logrotate.conf"),
        ("logs for pid 4242", "journalctl _PID=4242"),
        ("list the boots the journal knows about", "journalctl --list-boots"),
        ("show the journal in reverse, newest first", "journalctl -r"),
    ],
)
def test_round_twenty_two_coverage_admin_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("hold nginx so apt stops upgrading it", "sudo apt-mark hold nginx"),
        ("peek at the files inside bar_2.0_all.deb", "dpkg -c bar_2.0_all.deb"),
        ("clean out the broken symlinks in ~/scripts", "find ~/scripts -xtype l -delete"),
        ("how many files are in /etc, recursively? just the number", "find /etc -type f | wc -l"),
        ("gzip every .csv file in this folder", "gzip *.csv"),
        ("size of every folder in /opt, biggest last", "du -sh /opt/* | sort -h"),
        ("which files in /srv/app are not owned by deploy", "find /srv/app ! -user deploy"),
        ("which files under src mention TODO? names only", "grep -rl 'TODO' src"),
        ("resolve the A record for www.example.org", "dig +short A www.example.org"),
        ("block 198.51.100.7 with iptables", "sudo iptables -A INPUT -s 198.51.100.7 -j DROP"),
        (
            "firewall: let ssh in only from 192.168.1.0/24",
            "sudo ufw allow from 192.168.1.0/24 to any port 22 proto tcp",
        ),
        ("orders.json is an array, give me the id of each one", "jq '.[].id' orders.json"),
        ("which containers are up and what ports do they publish", "docker ps"),
        ("has DB_PASSWORD ever been committed on any branch", "git log --all -S 'DB_PASSWORD' --oneline"),
    ],
)
def test_round_twenty_two_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("init and update git submodules", "git submodule update --init --recursive"),
        ("git submodules are empty after clone, fetch them", "git submodule update --init --recursive"),
        ("tell bisect this commit is broken", "git bisect bad"),
        ("apply patch.diff", "git apply patch.diff"),
        ("inspect container web", "docker inspect web"),
        ("format rust code", "cargo fmt"),
        ("run clippy", "cargo clippy"),
        ("build the go binary", "go build"),
        ("dump mongo database shop", "mongodump --db shop"),
        ("restore mongo dump from dump/", "mongorestore dump/"),
        ("list tables in the sqlite database app.db", "sqlite3 app.db .tables"),
        ("show the schema of app.db", "sqlite3 app.db .schema"),
        ("run query.sql on app.db", "sqlite3 app.db < query.sql"),
        ("dump sqlite database app.db to app.sql", "sqlite3 app.db .dump > app.sql"),
        ("run eslint via npx", "npx eslint ."),
        ("sort file.txt numerically", "sort -n file.txt"),
        ("extract the name field from each object in users.json", "jq '.[].name' users.json"),
        ("remove audio from video.mp4", "ffmpeg -i video.mp4 -an -c:v copy {{path/to/output.mp4}}"),
    ],
)
def test_round_twenty_two_coverage_dev_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("grab a thumbnail from video.mp4 at 5 seconds", "ffmpeg -ss 5 -i video.mp4 -frames:v 1 {{path/to/thumbnail.jpg}}"),
        (
            "concatenate part1.mp4 and part2.mp4",
            "ffmpeg -i part1.mp4 -i part2.mp4 -filter_complex 'concat=n=2:v=1:a=1' {{path/to/output.mp4}}",
        ),
        ("shrink all the jpgs in this folder to 50%", "mogrify -resize 50% *.jpg"),
        ("join all the pdfs in this directory into one", "pdfunite *.pdf {{path/to/output.pdf}}"),
        ("get the text out of invoice.pdf", "pdftotext -layout invoice.pdf -"),
        ("rotate every page of scan.pdf 90 degrees", "qpdf scan.pdf {{path/to/output.pdf}} --rotate=+90"),
        (
            "convert data.csv to json",
            "python3 -c 'import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1]))), indent=2))' data.csv",
        ),
        ("turn config.yaml into json", "yq -o=json config.yaml > config.json"),
        ("read .spec.replicas from deploy.yaml", "yq '.spec.replicas' deploy.yaml"),
        ("show sales.csv as an aligned table", "column -s, -t < sales.csv"),
        ("flush the redis cache", "redis-cli FLUSHALL"),
        ("load my ssh key into the agent", "ssh-add {{~/.ssh/id_ed25519}}"),
    ],
)
def test_round_twenty_three_coverage_data_media_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("clean up empty directories under ./data", "find ./data -type d -empty -delete"),
        ("interactive view of what's using space in my home dir", "ncdu ~"),
        ("make group devs own /opt/builds and everything under it", "chgrp -R devs /opt/builds"),
        ("switch the console keyboard layout to german", "sudo localectl set-keymap de"),
        ("boot takes forever, which services are slowest", "systemd-analyze blame"),
        (
            "what did nginx log between 2pm and 3pm today (journald)",
            "journalctl -u nginx --since 14:00 --until 15:00",
        ),
        (
            "bump the version field in package.json to 2.0.0 using jq",
            'jq \'.version = "2.0.0"\' package.json',
        ),
        (
            "turn the first 10 seconds of demo.mp4 into a gif",
            "ffmpeg -t 10 -i demo.mp4 -vf 'fps=10,scale=480:-1' demo.gif",
        ),
        ("strip all the metadata from the photos in upload/", "exiftool -all= upload/"),
        ("keep re-running df -h every 5 seconds so i can watch the disk fill", "watch -n 5 df -h"),
        (
            "top client ips in access.log by number of requests",
            "awk '{print $1}' access.log | sort | uniq -c | sort -rn | head -n 10",
        ),
        ("which file under /etc sets PermitRootLogin", "grep -rl PermitRootLogin /etc"),
        ("which user owns pid 31337", "ps -o user= -p 31337"),
        ("run ./reindex.sh with idle io priority", "ionice -c 3 ./reindex.sh"),
        ("check /dev/sdb for bad blocks, read-only", "badblocks -sv /dev/sdb"),
        (
            "root partition is filling up, what dir is it, don't cross into other mounts",
            "du -xh --max-depth=1 / 2>/dev/null | sort -h",
        ),
        ("which process is talking to 10.1.4.22", "ss -tnp dst 10.1.4.22"),
        ("block everything coming from 203.0.113.9", "sudo iptables -A INPUT -s 203.0.113.9 -j DROP"),
        ("mtu of wlan0?", "ip link show wlan0"),
        ("7z raw/ with maximum compression", "7z a -mx=9 raw.7z raw/"),
        ("what pip packages are in this venv", "pip list"),
        ("list the names of shell functions defined in this session", "declare -F"),
        ("run make and send stdout AND stderr into build.log", "make > build.log 2>&1"),
        ("put all the png screenshots into a single pdf", "img2pdf *.png -o screenshots.pdf"),
        (
            "export the orders collection from mongo db shop to orders.json",
            "mongoexport --db=shop --collection=orders --out=orders.json",
        ),
        ("set vm.swappiness to 10 on the running kernel", "sudo sysctl vm.swappiness=10"),
    ],
)
def test_round_twenty_three_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("kill everything owned by user bob", "pkill -u bob"),
        ("renice process 999 to 5", "renice -n 5 -p 999"),
        ("keep train.py running after i close the terminal", "nohup python3 train.py > nohup.out 2>&1 &"),
        ("detach the last background job from the shell", "disown"),
        ("disown job 1 so closing the shell doesn't kill it", "disown %1"),
        ("show the command line of pid 4321 from /proc", "ps -o args= -p 4321"),
        ("encrypt a zip archive of the folder keys", "zip -er keys.zip keys"),
        ("update files in bundle.zip that changed", "zip -f bundle.zip"),
        ("compress huge.csv with xz using all cores", "xz -T0 huge.csv"),
        ("find files between 10M and 100M under /data", "find /data -type f -size +10M -size -100M"),
        ("create a temp directory", "mktemp -d"),
        (
            "replace foo with bar in config.ini in place keeping a backup",
            "sed -i.bak 's/foo/bar/g' config.ini",
        ),
        ("sort du output by human readable sizes", "du -sh * | sort -h"),
        ("recover a lost commit after reset", "git reflog"),
        ("clone submodules after cloning", "git submodule update --init --recursive"),
        ("remove file.txt from the staging area", "git restore --staged file.txt"),
        ("clean up dangling volumes", "docker volume prune"),
        ("rebuild the image without cache", "docker build --no-cache -t {{image_name}} ."),
        ("compose up only the db service", "docker compose up -d db"),
        ("tear down compose and remove volumes", "docker compose down -v"),
        ("what has container web logged in the last 10 minutes", "docker logs --since 10m web"),
    ],
)
def test_round_twenty_three_coverage_everyday_tools_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what groups is jenkins in", "groups jenkins"),
        ("verbose ssh to web1, login fails", "ssh -v web1"),
        ("export each page of doc.pdf as png", "pdftoppm -png doc.pdf doc"),
        ("describe the orders table in mysql database shop", "mysql shop -e 'DESCRIBE orders'"),
        (
            "print the events table from logs.db as csv with headers",
            "sqlite3 -header -csv logs.db 'SELECT * FROM events'",
        ),
        ("reboot the server in 10 minutes", "sudo shutdown -r +10"),
        ("which connections on port 22 are established", "ss -tn state established '( sport = :22 or dport = :22 )'"),
        ("grab the host keys github.com is presenting", "ssh-keyscan github.com"),
        ("undo my changes to package-lock.json only", "git restore package-lock.json"),
        ("add the deadsnakes PPA so i can get newer pythons", "sudo add-apt-repository ppa:deadsnakes/ppa"),
        ("migrate django in container web", "docker exec web python manage.py migrate"),
        ("cron keeps not running my job, is the cron daemon even alive", "systemctl status cron"),
        ("first lines of app.log.gz", "zcat app.log.gz | head"),
        ("ten biggest files in this tree", "find . -type f -exec du -h {} + | sort -rh | head -n 10"),
        (
            "start train.py so it keeps going after i log out, output in train.log",
            "nohup python3 train.py > train.log 2>&1 &",
        ),
        ("lines in errors.txt that arent warnings", "grep -vi 'warn' errors.txt"),
        ("follow app.log and only show errors", "tail -f app.log | grep --line-buffered 'ERROR'"),
        ("is nginx enabled at boot", "systemctl is-enabled nginx"),
    ],
)
def test_round_twenty_four_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("stop linux-image-generic from being upgraded", "sudo apt-mark hold linux-image-generic"),
        ("what went wrong during last boot", "journalctl -b -1 -p err"),
        ("show kernel messages from the journal", "journalctl -k"),
        ("how long did boot take", "systemd-analyze"),
        ("rotate logs now", "sudo logrotate -f /etc/logrotate.conf"),
        ("linux kernel version on this host", "uname -r"),
        ("switch the system clock to UTC timezone", "sudo timedatectl set-timezone UTC"),
        ("time zones i can choose from", "timedatectl list-timezones"),
        ("list failed units", "systemctl --failed"),
        ("query 1.1.1.1 for example.org", "dig @1.1.1.1 example.org"),
        ("remove the user olduser including home directory", "sudo userdel -r olduser"),
        ("only the owner can read id_rsa", "chmod 600 id_rsa"),
        ("permissions acl on /data/shared", "getfacl /data/shared"),
        ("install requirements.txt with pip", "pip install -r requirements.txt"),
        ("check the disk /dev/sdb for errors", "smartctl -a /dev/sdb"),
        ("enable swapfile /swapfile", "sudo swapon /swapfile"),
    ],
)
def test_round_twenty_four_coverage_admin_rows_answer_their_jobs(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ('copy just the folder structure of media/ into media_empty/, no files', "rsync -a --include='*/' --exclude='*' media/ media_empty/"),
        ('interactive rebase of everything since i branched off develop', 'git rebase -i develop'),
        ('delete the tag v0.9-rc1 locally and on origin', 'git tag -d v0.9-rc1 && git push origin --delete v0.9-rc1'),
        ('warnings and worse from the previous boot', 'journalctl -b -1 -p warning'),
        ('pretty print what https://api.example.com/status returns', 'curl -s https://api.example.com/status | jq .'),
        ('show the headers for http://bit.ly/xyz, following redirects', 'curl -sIL http://bit.ly/xyz'),
        ('is /usr/local/go/bin on my PATH?', 'echo "$PATH" | tr \':\' \'\\n\' | grep -x \'/usr/local/go/bin\''),
        ('make bash remember 10000 lines of history, permanently', 'echo HISTSIZE=10000 >> ~/.bashrc'),
        ('unpack node-v20.tar.xz into /usr/local, dropping the top-level folder', 'tar -xf node-v20.tar.xz -C /usr/local --strip-components=1'),
        ('stash everything incl. new files, message wip-login', 'git stash push -u -m "wip-login"'),
        ("undo the merge i haven't pushed yet, go back to before it", 'git reset --hard ORIG_HEAD'),
        ('bounce the container named proxy', 'docker restart proxy'),
        ("show github.com's host key entry from my known_hosts", 'ssh-keygen -F github.com'),
        ('which of my containers is using the most memory rn', 'docker stats --no-stream'),
        ('unmount the camera card at /media/kim/CAMERA', 'sudo umount /media/kim/CAMERA'),
        ('clock is off by minutes, sync it once against pool.ntp.org', 'sudo ntpdate pool.ntp.org'),
        ('follow redirects and show only the headers for http://short.ly/abc', 'curl -sIL http://short.ly/abc'),
        ('make API_BASE=https://staging.local a permanent env var in my shell', "echo 'export API_BASE=https://staging.local' >> ~/.bashrc"),
        ('what jobs are dropped in /etc/cron.d', 'ls /etc/cron.d'),
        ('fingerprint of my ed25519 key?', 'ssh-keygen -lf ~/.ssh/id_ed25519.pub'),
        ('what options does ssh actually end up using when i connect to gitlab.corp? (after ~/.ssh/config)', 'ssh -G gitlab.corp'),
        ('npm: add zod to the deps, exact version, no caret', 'npm install --save-exact zod'),
        ('what host ports is container web01 mapped to', 'docker port web01'),
        ('what did commit 9f3e2a1 change, just the stats', 'git show --stat 9f3e2a1'),
        ('live tail of ssh login attempts', 'journalctl -u ssh -f'),
        ('which file is the grafana-server unit actually loaded from', 'systemctl cat grafana-server'),
        ('tell gunicorn to reload its workers, the master pid is in /run/gunicorn.pid', 'kill -HUP "$(cat /run/gunicorn.pid)"'),
        ('lazy unmount /mnt/backup, it keeps saying target is busy', 'sudo umount -l /mnt/backup'),
        ("what's the public ip of this box", 'curl -s https://icanhazip.com'),
        ("verify dump.sql.gz isn't truncated or corrupt", 'gzip -t dump.sql.gz'),
        ('dual boot with windows keeps messing up the clock, make the rtc use local time', 'sudo timedatectl set-local-rtc 1'),
        ('delete all __pycache__ folders in the project', 'find . -type d -name __pycache__ -exec rm -r {} +'),
    ],
)
def test_round_twenty_six_fresh_tables_rows_answer_their_jobs(index, request_text, command):
    """Round twenty-six's reviewed rows, written for the jobs holdout24, 24b, 25 and 25b asked that
    the index did not reach (`umount -l`, `ssh -G`, `docker port`, `gzip -t`, `timedatectl set-local-rtc`)."""
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("does config.ini have windows line endings? don't convert it", 'file config.ini'),
        ("what's the OOM score of the java process, would it be killed first?", 'choom -p "$(pidof -s java)"'),
        ("how much would gzip shrink big.log? don't write the .gz", 'gzip -c big.log | wc -c'),
        ('verify the xz stream in db-dump.sql.xz is intact', 'xz -t db-dump.sql.xz'),
        ('compare the tarball release.tar against the files on disk, report differences only', 'tar -df release.tar'),
        ('list every binary under /usr that has file capabilities set', 'getcap -r /usr'),
        ("how many days until I'm forced to change my password", 'chage -l {{username}}'),
        ("which system accounts could actually log in - shell isn't nologin or false", "grep -vE 'nologin|false' /etc/passwd"),
        ("show carol's previous logins with their source IPs", 'last -i carol'),
        ('how many times did someone fail to su to root today', "journalctl _COMM=su | grep -ci 'authentication failure'"),
        ('before rebooting, which kernel will grub boot by default?', 'grub-editenv list'),
        ('does the box need a reboot after the updates', 'cat /var/run/reboot-required'),
        ("is this the same boot as yesterday? what's the boot time", 'who -b'),
        ('check for broken deps without fixing them', 'apt-get -s check'),
        ('which old snap revisions are kept around (the disabled ones) before I clean them', 'snap list --all'),
        ('which reverse dependencies would break if I removed libpq5', 'apt-cache rdepends --installed libpq5'),
        ('show the build cache entries before I prune the builder', 'docker buildx du'),
        ('has the docker unit been overridden with a drop-in', 'systemctl cat docker'),
        ('which host keys have I saved for git.example.com', 'ssh-keygen -F git.example.com'),
        ('validity window of the signed key ~/.ssh/id_ed25519-cert.pub', 'ssh-keygen -L -f ~/.ssh/id_ed25519-cert.pub'),
        ('what ciphers does the ssh server on 10.0.0.8 offer', 'nmap --script ssh2-enum-algos -p 22 10.0.0.8'),
        ("which methods does https://api.example.com/v1/users allow? ask with OPTIONS, I don't want to DELETE anything", 'curl -i -X OPTIONS https://api.example.com/v1/users'),
        ('did the rip of track07.flac finish cleanly? verify the md5 inside the flac', 'flac -t track07.flac'),
        ("how loud is podcast.wav - measure it, don't normalize", 'ffmpeg -i podcast.wav -af volumedetect -f null -'),
        ('what would pg_restore do with dump.custom - list its table of contents', 'pg_restore -l dump.custom'),
        ("show today's cron log entries", 'journalctl -u cron --since today'),
        ('when will the anacron weekly jobs run? show the anacrontab', 'cat /etc/anacrontab'),
        ('test /etc/fstab for errors without mounting anything', 'findmnt --verify'),
        ('is /tmp mounted with noexec or nosuid?', 'findmnt -o TARGET,SOURCE,FSTYPE,OPTIONS /tmp'),
        ('mount options of /boot/efi?', 'findmnt -o TARGET,SOURCE,FSTYPE,OPTIONS /boot/efi'),
    ],
)
def test_round_twenty_six_dev_rows_answer_their_jobs(index, request_text, command):
    """Round twenty-six's reviewed rows for the looks everyday_dev10 and holdout23/23b asked that the
    index did not reach (`getcap -r`, `xz -t`, `findmnt --verify`, `pg_restore -l`, `snap list --all`)."""
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ('ciphers my ssh client supports', 'ssh -Q cipher'),
        ('what files changed inside container scratch since it started', 'docker diff scratch'),
        ('resume the stopped job with pid 5120', 'kill -CONT 5120'),
        ('watch the uploads/ folder and print new files as they appear', "inotifywait -m -e create -e moved_to --format '%f' uploads/"),
        ('back up my crontab into mycron.bak', 'crontab -l > mycron.bak'),
        ('partition table of /dev/sdb', 'lsblk -d -o NAME,PTTYPE /dev/sdb'),
        ('show stats.tsv with the columns lined up', "column -t -s $'\\t' stats.tsv"),
        ('extract only the .csv files from export.zip', "unzip export.zip '*.csv'"),
        ('clear the setuid bit on /usr/local/bin/legacy', 'chmod u-s /usr/local/bin/legacy'),
        ('which systemd unit does pid 2700 belong to', 'ps -o unit= -p 2700'),
        ('extend the logical volume /dev/vg0/data by 20G', 'sudo lvextend -r -L +20G /dev/vg0/data'),
        ('make a sparse 10G file disk.img', 'truncate -s 10G disk.img'),
        ('cap worker.service at 1G of memory without editing files', 'sudo systemctl set-property worker.service MemoryMax=1G'),
        ('enable and start syncthing as a user service', 'systemctl --user enable --now syncthing'),
        ('kill all processes of stuck.service', 'sudo systemctl kill stuck.service'),
        ('turn off password login in sshd_config', "sudo sed -i 's/^#\\?PasswordAuthentication .*/PasswordAuthentication no/' /etc/ssh/sshd_config"),
        ('save the response headers of https://example.net to headers.txt', 'curl -s -D headers.txt -o /dev/null https://example.net'),
        ('strace pid 4411 and show only the files it opens', 'strace -f -e trace=open,openat -p 4411'),
        ('which cpu core is pid 3030 on', 'ps -o pid,psr,comm -p 3030'),
        ('kill the oldest sleep process', 'pkill -o sleep'),
        ('continue the stopped job with pid 7710', 'kill -CONT 7710'),
        ("insert 'set -euo pipefail' as the second line of run.sh", "sed -i '2i set -euo pipefail' run.sh"),
        ('print the text between the BEGIN and END markers in cert.txt', "sed -n '/BEGIN/,/END/p' cert.txt"),
        ('last path component of each line in paths.txt', "awk -F / '{print $NF}' paths.txt"),
        ('watch /var/spool/in and print the name of each new file', "inotifywait -m -e create -e moved_to --format '%f' /var/spool/in"),
        ('how many files of each extension are in assets/', "find assets/ -type f -name '*.*' | sed 's/.*\\.//' | sort | uniq -c | sort -rn"),
        ('lvm volume groups and their free space', 'vgs'),
        ('mount /dev/sdc1 read-only at /mnt/evidence', 'sudo mount -o ro /dev/sdc1 /mnt/evidence'),
        ('live bandwidth usage on eth0', 'nload eth0'),
        ("list vendor.tgz with sizes and dates, don't extract", 'tar -tvf vendor.tgz'),
        ('what umask would new files get in this shell, in symbolic form', 'umask -S'),
        ('who is the owner and group of /opt/tools/bin/run, numeric ids', "stat -c '%u:%g' /opt/tools/bin/run"),
        ('config.yml as it looks on the release branch', 'git show release:config.yml'),
        ('check out branch hotfix in a separate worktree at ../hotfix', 'git worktree add ../hotfix hotfix'),
        ("stop git from noticing my edits to local.env, it's tracked", 'git update-index --skip-worktree local.env'),
        ('commits that touched docs/ since the tag v3.1', 'git log --oneline v3.1..HEAD -- docs/'),
        ('which tags contain commit 9fceb02', 'git tag --contains 9fceb02'),
        ('unstaged changes in api.go shown word by word', 'git diff --word-diff -- api.go'),
        ('run redis capped at 256MB of memory', 'docker run -d --memory 256M redis'),
        ('files changed in container web1 since it started', 'docker diff web1'),
        ('status of my user service pipewire', 'systemctl --user status pipewire'),
        ('clear the failed state of the worker unit', 'sudo systemctl reset-failed worker'),
        ('how much memory is the mysql service using', 'systemctl show -p MemoryCurrent mysql'),
        ('when did the nginx service last (re)start', 'systemctl show -p ActiveEnterTimestamp nginx'),
        ('let user ci keep its user services running after logout', 'loginctl enable-linger ci'),
        ("add git.acme.io's host key to known_hosts", 'ssh-keyscan git.acme.io >> ~/.ssh/known_hosts'),
        ('turn off password logins in /etc/ssh/sshd_config', "sudo sed -i 's/^#\\?PasswordAuthentication .*/PasswordAuthentication no/' /etc/ssh/sshd_config"),
        ('Host entries in my ~/.ssh/config', "grep -i '^Host ' ~/.ssh/config"),
        ('curl https://status.acme.io but give up after 5 seconds', 'curl --max-time 5 https://status.acme.io'),
        ('10 commands i use the most according to history', "history | awk '{print $2}' | sort | uniq -c | sort -rn | head -n 10"),
        ('ocr receipt.png and print the text', 'tesseract receipt.png stdout'),
        ('dpi and colour space of print.tif', "identify -format '%x x %y %U, %[colorspace]\\n' print.tif"),
        ('mysql user accounts and their hosts', "mysql -u root -p -e 'SELECT user, host FROM mysql.user'"),
        ('what type is the redis key queue:jobs', 'redis-cli TYPE queue:jobs'),
        ('add a last_login timestamp column to the users table in app.db (sqlite)', "sqlite3 app.db 'ALTER TABLE users ADD COLUMN last_login TEXT'"),
        ('dump every postgres database, roles included, into all.sql', 'pg_dumpall > all.sql'),
        ('which NUMA nodes does this server have', 'numactl --hardware'),
        ('is the slow query log turned on in mysql', 'mysql -u root -p -e "SHOW VARIABLES LIKE \'slow_query%\'"'),
        ('is /dev/sdb partitioned gpt or mbr', 'lsblk -d -o NAME,PTTYPE /dev/sdb'),
        ('did anyone edit /etc/nginx/sites-available/shop after friday? show its mtime and ctime', 'stat /etc/nginx/sites-available/shop'),
        ('does the lvm volume group vg0 have free extents to grow root?', 'vgdisplay vg0'),
        ('which router does traffic to 8.8.8.8 leave through from this box', 'ip route get 8.8.8.8'),
        ('after the vpn came up, which nameserver is wg0 using', 'resolvectl status wg0'),
        ('who else is on the lan? show the neighbour cache with mac addresses', 'ip neigh'),
        ('test the iptables rules in rules.v4 without loading them', 'iptables-restore --test rules.v4'),
        ('is fail2ban banning 198.51.100.23 right now', 'fail2ban-client banned 198.51.100.23'),
        ('compare the permissions of deploy.sh and deploy.sh.bak', "stat -c '%A %a %U:%G %n' deploy.sh deploy.sh.bak"),
        ("is intern2's account locked?", 'passwd -S intern2'),
        ("find containers whose last exit code wasn't 0", "docker ps -a --filter status=exited | grep -v 'Exited (0)'"),
        ('check sshd_config for mistakes without restarting ssh', 'sshd -t'),
        ('which shell options are on? like noclobber, errexit', 'set -o'),
        ("what does my .bashrc export? don't source it, just show the export lines", 'grep -nw export .bashrc'),
        ('preview the first page of report.pdf as text', 'pdftotext -f 1 -l 1 -layout report.pdf -'),
        ('show the EXIF date of IMG_2041.JPG without editing it', 'exiftool -DateTimeOriginal IMG_2041.JPG'),
        ("ttl left on the redis key cart:9001? don't expire it", 'redis-cli TTL cart:9001'),
    ],
)
def test_round_twenty_seven_reviewed_rows_answer_their_jobs(index, request_text, command):
    """Round twenty-seven's reviewed rows, written for the jobs holdout26, 26b and everyday_dev10 asked
    that the index did not reach (`docker diff`, `ssh -Q cipher`, `kill -CONT`, `crontab -l >`,
    `ps -o psr`, `loginctl enable-linger`, `git update-index --skip-worktree`, `ip route get`, …)."""
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ('does nightly-2024-05-01.tgz contain etc/ssl? list it, no extracting', "tar -tf nightly-2024-05-01.tgz | grep 'etc/ssl'"),
        ('stop backup.sh, its still running from last nights cron', 'pkill -f backup.sh'),
        ("what's inside logs.zip, dont extract it", 'unzip -v logs.zip'),
        ('stop the scraper.py i left running with nohup', 'pkill -f scraper.py'),
        ('mongo: list the databases', "mongosh --quiet --eval 'db.adminCommand({listDatabases: 1})'"),
        ('check free disk on db3 over ssh, no interactive login', 'ssh db3 df -h'),
        ('lock the account of tempcontractor so they cant log in', 'sudo usermod -L tempcontractor'),
        ('set the mtu of eth1 to 9000', 'sudo ip link set eth1 mtu 9000'),
        ('ARP-ping 192.168.1.77 from eth0 to see if the ip is taken', 'arping -c 3 -I eth0 192.168.1.77'),
        ('record 60 seconds of traffic on eth0 into capture.pcap', 'sudo tcpdump -i eth0 -G 60 -W 1 -w capture.pcap'),
        ('swap the first two columns of pairs.tsv', 'awk \'BEGIN {FS=OFS="\\t"} {t=$1; $1=$2; $2=t} 1\' pairs.tsv'),
        ('save the unique client IPs from access.log into ips.txt', "awk '{print $1}' access.log | sort -u > ips.txt"),
        ('list processes started from /opt/legacy', 'pgrep -af /opt/legacy'),
        ('quick read speed benchmark of /dev/nvme0n1', 'hdparm -tT /dev/nvme0n1'),
        ("list what's in image.iso without mounting it", '7z l image.iso'),
        ("name of this host's default gateway interface", 'ip route show default'),
        ('max inotify watches allowed', 'sysctl fs.inotify.max_user_watches'),
        ('forget remote branches that were deleted on origin', 'git fetch --prune'),
        ('which git config values are set and where from', 'git config --list --show-origin'),
        ('make container web restart automatically unless i stop it', 'docker update --restart unless-stopped web'),
        ('kill the stuck ssh master connection to build7', 'ssh -O exit build7'),
        ('which of my aliases mention git', "alias | grep 'git'"),
        ('print every command before it runs in this shell', 'set -x'),
        ('which mongo databases exist', "mongosh --quiet --eval 'db.adminCommand({listDatabases: 1})'"),
        ('remove the crontab of user olddev', 'sudo crontab -r -u olddev'),
        ('make a 1G file full of zeros called zero.img', 'fallocate -l 1G zero.img'),
        ('autoremove unused dependencies and purge their config too', 'sudo apt autoremove --purge'),
        ('stop and remove the container named redis-old', 'docker stop redis-old && docker rm redis-old'),
        ('check disk space on web2 over ssh, sshd there listens on port 2222', 'ssh -p 2222 web2 df -h'),
        ('re-read my .bashrc in the current terminal', 'source .bashrc'),
        ('how deeply nested is this shell (SHLVL)', 'printenv SHLVL'),
        ('save just the first 30 seconds of lecture.mp4 as intro.mp4', 'ffmpeg -i lecture.mp4 -t 30 -c copy intro.mp4'),
        ('does q3-reports.tar.bz2 contain a file called summary.xlsx', "tar -tf q3-reports.tar.bz2 | grep 'summary.xlsx'"),
        ('compression ratio of each file inside bundle-v4.zip', 'unzip -v bundle-v4.zip'),
        ("verify mirror.tar.zst isn't truncated", 'zstd -t mirror.tar.zst'),
        ('send SIGHUP to the gunicorn master process', 'pkill -HUP -o gunicorn'),
        ('which mounted filesystems are more than 90% full', "df -hP | awk 'NR==1 || $5+0 > 90'"),
        ('per-disk read/write throughput, refreshing every 2 seconds', 'iostat -dx 2'),
        ('what hostname does 203.0.113.7 resolve back to', 'dig +short -x 203.0.113.7'),
        ('cap the running container web at 512MB of memory', 'docker update --memory 512M web'),
        ('sshd settings actually in effect on this server', 'sshd -T'),
        ('timing breakdown (dns, connect, total) for a request to https://shop.example.com', "curl -s -o /dev/null -w 'dns: %{time_namelookup}\\nconnect: %{time_connect}\\ntls: %{time_appconnect}\\nfirst byte: %{time_starttransfer}\\ntotal: %{time_total}\\n' https://shop.example.com"),
        ('sample rate and bitrate of voice-memo.m4a', 'ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate,channels,bit_rate -of default=noprint_wrappers=1 voice-memo.m4a'),
        ("i need to see what env a running daemon got, it's pid 31337", "tr '\\0' '\\n' < /proc/31337/environ"),
        ('thread count for the java process with pid 48213', 'ps -o nlwp= -p 48213'),
        ('apply the mailbox patch 0001-add-cache.patch keeping its author', 'git am 0001-add-cache.patch'),
        ('where does https://t.co/Ab12 redirect to in the end', "curl -sL -o /dev/null -w '%{url_effective}\\n' https://t.co/Ab12"),
        ('how is the command gst defined in my shell', 'type gst'),
        ('print the 25 most recent entries of my shell history', 'history 25'),
        ('non-comment lines of /etc/anacrontab', "grep -v '^\\s*#' /etc/anacrontab"),
        ('whats in notes.zip? dont extract it', 'unzip -v notes.zip'),
    ],
)
def test_round_twenty_eight_reviewed_rows_answer_their_jobs(index, request_text, command):
    """Round twenty-eight's reviewed rows, written for the jobs holdout27 and 27b asked that the index did
    not reach (`wg show`, `arping`, `tcpdump -w`, `7z l` of an ISO, `git fetch --prune`, `--show-origin`,
    `docker update`, `ssh -O exit`, `set -x`, `git am`, `sshd -T`, `ps -o nlwp=`, curl's final URL, …)."""
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command
