"""Offline answers as users get them: intent, values filled in, never a harmful answer to a harmless
question, the everyday tables, and the offline matches given to the model.

The index is the session's (tests/conftest.py); `which` is a typical Linux desktop's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from nlshell.errors import NoOfflineAnswerError, NoReadOnlyAnswerError
from nlshell.offline import OfflineIndex, answer, rank, references
from nlshell.offline.answer import answers
from nlshell.offline.commands import writes_files
from nlshell.offline.intent import CHANGE, READ
from nlshell.offline.described import destructive_description
from nlshell.assess import assess
from nlshell.offline.rating import risk_of
from nlshell.offline.value import Value

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent / "benchmarks"))

import eval_everyday  # noqa: E402


def first(index: OfflineIndex, request: str, **kwargs) -> str:
    return answers(index, request, **kwargs)[0].command


# -- the issue's requests, and what a person accepts ----------------------------------------


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("make a directory called photos", "mkdir photos"),
        ("make a folder named logs", "mkdir logs"),
        ("show the last 20 lines of app.log", "tail -n 20 app.log"),
        ("which process uses port 5432", "lsof -i :5432"),
        ("find every javascript file below here", "find . -name '*.js'"),
        ("undo last git commit", "git reset --soft HEAD~1"),  # one commit, its changes kept
        ("gerp for foo in bar.txt", 'grep "foo" bar.txt'),  # a misspelt program still finds it
        # nlshell's own everyday examples (nlshell/data/examples.tsv) in a person's words
        ("show the kernel messages", "dmesg"),
        # what is asked, no more: a column shown, not summed; a CSV split on commas
        ("second column of users.txt", "awk '{print $2}' users.txt"),
        ("4th column of stats.csv", "awk -F , '{print $4}' stats.csv"),
        ("add up column 3 of nums.txt", "awk '{sum += $3} END {print sum}' nums.txt"),
        ("gzip all the .json files in dumps", "gzip dumps/*.json"),  # the files in the folder, not the folder
        ("count the pdfs in Downloads", "find ~/Downloads -type f -name '*.pdf' | wc -l"),
        ("make config.yml read only for everyone", "chmod a-w config.yml"),
        ("set dave's shell to zsh", 'sudo chsh -s "$(which zsh)" dave'),
        ("top ips in access.log by number of hits", "awk '{print $1}' access.log | sort | uniq -c | sort -rn | head -n 10"),
        ("most common status codes in access.log", "awk '{print $9}' access.log | sort | uniq -c | sort -rn"),
        ("list the disks and partitions", "lsblk"),
        ("show who last changed each line of main.c", "git blame main.c"),
        ("make a folder named logs inside /srv", "mkdir /srv/logs"),  # "inside" is no search word
        ("pip install requests", "pip install requests"),  # the program first, then its verb
        ("show the system logs", "journalctl"),  # nlshell's own examples say what a page is for
        ("kill process 1234", "kill 1234"),  # not -9 unless asked
        ("force kill process 1234", "kill -9 1234"),
        ("show disk partitions", "lsblk"),
        ("download https://example.com/index.html", "curl -O https://example.com/index.html"),  # not `pip download`
        ("find directories named cache", "find {{path/to/directory}} -type d -name 'cache'"),  # says no more
        # jobs of a desktop that no tldr or NL2Bash example does in these words (nlshell/data/examples-*.tsv)
        ("list the wireless networks available", "nmcli device wifi list"),
        ("turn off bluetooth", "bluetoothctl power off"),
        ("what is my mac address", "ip link show"),
        ("what's the time", "date +%T"),
        ("follow the log file app.log", "tail -f app.log"),
        ("list all fonts", "fc-list"),
        ("show which users have sudo rights", "getent group sudo"),
        ("fix broken packages", "sudo apt --fix-broken install"),
        ("clear old journal logs", "sudo journalctl --vacuum-time=2weeks"),
        ("create a docker network called backend", "docker network create backend"),
        ("login to docker hub", "docker login"),
        ("test backup.zip for errors", "unzip -t backup.zip"),
        ("see the encoding of notes.txt", "file -i notes.txt"),
        ("make a random file of 1GB", "head -c 1G /dev/urandom > {{path/to/file}}"),
        # the words of questions people ask in forums (nlshell/data/examples-*.tsv)
        ("how do i see hidden files in terminal", "ls -a {{path/to/directory}}"),
        ("check which graphics card i have", "lspci | grep -iE 'vga|3d'"),
        ("check battery status", "upower -i $(upower -e | grep -m1 BAT)"),
        ("list all docker containers", "docker ps -a"),
        ("add all files and commit", "git add -A && git commit -m '{{message}}'"),
        ("delete a folder that is not empty", "rm -r {{path/to/directory}}"),
        ("find files containing the word TODO", "grep -rl 'TODO' {{path/to/directory}}"),
        # the system, processes, services, users and time, asked in people's words (examples-system.tsv,
        # examples-users.tsv): a symptom, a fragment, a goal, a question
        ("the fan is loud, what's using the cpu", "ps aux --sort=-%cpu | head"),  # the situation told first is left out
        ("how long since the last reboot", "uptime -p"),
        ("port 3000 is already in use, who has it", "lsof -i :3000"),
        ("disk hogs in /var", "du -h --max-depth=1 /var | sort -rh | head -n 20"),
        ("what is this box doing, show all the processes", "ps aux"),
        ("full command line of pid 2222", "ps -o args= -p 2222"),
        ("my most used commands", "history | awk '{print $2}' | sort | uniq -c | sort -rn | head -n 20"),
        ("shrink the journal logs to 500M", "sudo journalctl --vacuum-size=500M"),
        ("which daemons are up right now", "systemctl list-units --type=service --state=running"),
        ("i changed nginx.conf, make nginx pick it up", "sudo systemctl reload nginx"),
        ("list pending at jobs", "atq"),
        # files, text, archives and media asked the way people type them (examples-*.tsv, their
        # blocks "in the words people type at a terminal")
        ("find huge files over 500mb", "find {{path/to/directory}} -type f -size +500M"),
        ("how much room does /var/log take", "du -sh /var/log"),
        ("dupe config.yaml as config.yaml.orig", "cp config.yaml config.yaml.orig"),
        ("keep a .bak copy of settings.py before editing it", "cp settings.py{,.bak}"),
        ("untar backup.tar into /tmp/restore", "tar -xf backup.tar -C /tmp/restore"),
        ("make archive.tar smaller", "xz -k archive.tar"),
        ("grep recursively for TODO but only in js files", "grep -rn --include='*.js' 'TODO' ."),
        ("display the contents of hosts file", "cat /etc/hosts"),
        ("mute a video", "ffmpeg -i {{path/to/input.mp4}} -an -c:v copy {{path/to/output.mp4}}"),
        ("convert logo.svg to png", "convert logo.svg logo.png"),
        # everyday network, package, git and docker jobs in the words people type (examples-net/-dev.tsv)
        ("which ip do websites see me as", "curl -s https://icanhazip.com"),
        ("address already in use on port 8000, which process", "lsof -i :8000"),
        ("uncommit but keep my edits", "git reset --soft HEAD~1"),
        ("unstash my work", "git stash pop"),
        ("history of changes to app.py", "git log -p --follow -- app.py"),
        ("find the commit that added the word TODO", "git log -S 'TODO'"),
        ("check disk space on server.example.com remotely", "ssh server.example.com 'df -h'"),
        # a job asked of another machine: ssh around the job's own answer, not another job's
        ("see free memory on cache1 remotely", "ssh cache1 'free -h'"),
        ("check disk space on web1 without logging in", "ssh web1 'df -h'"),
        ("run df -h on web01 without logging in", "ssh web01 'df -h'"),  # a command named whole: it got `df -i | grep -v logging`
        ("log into 172.16.4.9 as deploy over ssh", "ssh deploy@172.16.4.9"),  # the session itself
        # a login refused is the job done there ("to log" was a host called log); a log is no login
        ("disk space on web01, dont want to log in interactively", "ssh web01 'df -h'"),
        ("tail the app log on prod-2 over ssh", "ssh prod-2 'tail -f {{path/to/file}}'"),  # a template goes there too
        ("i need to log on to web3 via ssh", "ssh web3"),
        # "new X" makes one; the example that says its key type and takes the address wins
        ("new ed25519 key, comment it with dana@corp.io", 'ssh-keygen -t ed25519 -C "dana@corp.io"'),
        ("last 100 lines of the worker container's logs", "docker logs --tail 100 worker"),
        ("who logged into this server recently", "last"),
        ("where is the git binary coming from", "which git"),
        ("make a script executable", "chmod +x {{path/to/file}}"),  # "a script executable" names no program `script`
        ("show the 3 newest commits as one-liners", "git log --oneline -n 3"),  # "one-liners" is no file (`-- one-liners`)  # the program said with "binary" is what `which` finds
        ("turn off the cups printing service for now", "sudo systemctl stop cups"),  # no `disable --now`: "for now"
        ("am i behind origin/develop", "git rev-list --left-right --count HEAD...origin/develop"),  # it got `ssh -T git@origin/develop`
        ("reset hard to origin/main", "git reset --hard origin/main"),  # not `origin/origin/main`
        ("hunt down large files over 500M i can delete", "find . -type f -size +500M -exec ls -lh {} +"),  # not `-size ++500M`
        # values the request names that were left as placeholders
        ("old-feature got merged, remove the branch locally", "git branch -d old-feature"),  # the situation names it
        ("dump the shop postgres db to shop.sql before i mess with it", "pg_dump shop > shop.sql"),  # "shop" is no misspelt "chop"; a .sql file holds plain SQL (`-f` writes it too, rated alike)
        ("let the devs group edit everything under /opt/app", "chgrp -R devs /opt/app"),
        ("add https://github.com/acme/widget.git as upstream", "git remote add upstream https://github.com/acme/widget.git"),
        ("add https://github.com/acme/tool.git as remote upstream", "git remote add upstream https://github.com/acme/tool.git"),
        ("cherry pick abc123 into this branch", "git cherry-pick abc123"),  # a hash, though no word says commit
        ("delete key session:abc123 from redis", "redis-cli DEL session:abc123"),
        ("ttl on the redis key rate:user:991", "redis-cli TTL rate:user:991"),
        ("build target release with make", "make release"),
        ("pid 48213 is stuck at 100% cpu, kill it", "kill -9 48213"),
        ("rip the audio from interview.mp4 to mp3", "ffmpeg -i interview.mp4 -vn interview.mp3"),  # the output named after the input
        ("cut the first 30 seconds off talk.mp4", "ffmpeg -ss 30 -i talk.mp4 -c copy {{path/to/output.mp4}}"),  # `-ss {{30}}` took no value
        # a JSON field said as a noun is the key (it got `jq 'length'`), "where X is Y" selects
        ("just the names from the users.json array", "jq '.[].name' users.json"),
        ("users.json is an array, just give me the ids", "jq '.[].id' users.json"),
        ("whats the name in package.json", "jq '.name' package.json"),
        ("only the entries in config.json where enabled is true", "jq '.[] | select(.enabled == true)' config.json"),
        # "status" there is a field, no systemctl action (it got `systemctl status --failed`)
        ("entries in events.json where status is failed", "jq '.[] | select(.status == \"failed\")' events.json"),
        ("from events.json only the ones with status failed", "jq -c 'select(.status == \"failed\")' events.json"),
        ("users.json is an array of objects, I just need the ids", "jq '.[].id' users.json"),  # the wish is no aside
        ("what folders are in my $PATH", 'echo "$PATH"'),  # a shell variable is a value, and still what it is about
        # a file said in a folder is that folder's file (and "old.log in" is no `login`: it got a curl)
        ("delete old.log in /tmp", "rm /tmp/old.log"),
        ("delete app.log in /var/log/myapp", "rm /var/log/myapp/app.log"),
        ("make an empty .env in api/", "touch api/.env"),
        ("show me notes.txt in docs", "cat docs/notes.txt"),  # it got `2to3 notes.txt`
        # after the round's held-out table was answered: its read-only requests that got a change
        # "write" is which traffic (it got `badblocks -n`); each disk's own since round twenty-eight (was `vmstat 1`)
        ("read and write speed of the disk right now", "iostat -dx 2"),
        ("timestamp like 2024-05-01_13-45 for a filename", "date +%Y-%m-%d_%H-%M"),  # a format by example (it got a touch)
        ("branches sorted by most recent commit", "git branch --sort=-committerdate"),  # it got `git rebase --skip`
        ("run flake8 on src only", "flake8 src"),  # what a checker runs on (it left `{{path/to/file_or_directory}}`)
        # a file by its usual name, no extension (it was a pattern: `sha256sum -c {{path/to/SHA256SUMS}}`)
        ("check the downloads against SHA256SUMS", "sha256sum -c --ignore-missing SHA256SUMS"),
        ("lint my Dockerfile", "hadolint Dockerfile"),
        # the size to reach, not the one it is ("journal is 4G": `--vacuum-size=4G`)
        ("journal logs take 4G, cap them at 500M", "sudo journalctl --disk-usage --vacuum-size=500M"),
        ("chop video.mp4 (8 gigs) into 1G pieces", "split -b 1G video.mp4"),
        ("how many times does timeout show up in server.log", "grep -o 'timeout' server.log | wc -l"),  # it was `{{search_pattern}}`
        ("count how many times timeout shows up in error.log", "grep -o 'timeout' error.log | wc -l"),
        ("make clean then build with 4 jobs", "make -j 4 clean"),  # a target said after make (it was `{{target}}`)
        ("clean build with make, 4 jobs", "make -j 4 clean"),
        ("what weekday is christmas this year", "date -d 'dec 25' +%A"),  # a holiday is its day (it was `{{2000-01-01}}`)
        ("what's the date 90 days from now", "date -d '+90 days'"),  # in the units said, not `+3 months`
        # a person's first name, said first or after the verb, is the user (it was `{{username}}`)
        ("give alice sudo", "sudo usermod -aG sudo alice"),
        ("take jake out of the docker group", "sudo gpasswd -d jake docker"),  # "jake" is no misspelt "make"
        ("make sam change his password next time he logs in", "sudo chage -d 0 sam"),
        ("grep for alice in auth.log", 'grep "alice" auth.log'),  # looked for: a text
        ("give bob read access to /srv/reports without touching the group", "setfacl -R -m u:bob:rX /srv/reports"),  # "read" is no group
        ("give sam sudo rights", "sudo usermod -aG sudo sam"),
        ("GET localhost:8000/api/users with bearer token abc123", "curl -H 'Authorization: Bearer abc123' localhost:8000/api/users"),
        ("restart only the worker service in compose", "docker compose restart worker"),  # "only" names no service
        ("search for the word error in log.txt", "grep 'error' log.txt"),  # it got `zgrep`: a gzip file's program
        # two jobs joined by "and": the example that does both, the value in each place (it got the push alone)
        ("tag v1.4.0 and push the tag", "git tag v1.4.0 && git push origin v1.4.0"),
        # "into the current dir" is where it goes, though another place is said (it was `{{path/to/…_on_host}}`)
        ("grab /var/log/nginx/error.log out of the proxy container into the current dir", "docker cp proxy:/var/log/nginx/error.log ."),  # "recently" is when, no server named so (`ssh recently who`)
        # a site a key is for is no machine to reach (it got `ssh-keygen -R github.com`)
        ("generate me an ed25519 keypair for github", 'ssh-keygen -t ed25519 -C "{{email}}"'),
        ("new tmux session named work", "tmux new -s work"),  # "new" makes one: no `tmux attach`
        # an address goes where a host goes before a word read as one ("the scary host" got `-R scary`)
        ("getting the scary host key warning for 192.168.1.40, remove the old key", "ssh-keygen -R 192.168.1.40"),
        # the startup file the request names is the one written to (the example says ~/.bashrc)
        ("set LANG to en_US.UTF-8 in my zshrc", "echo 'export LANG=en_US.UTF-8' >> ~/.zshrc"),
        ("make an alias ll for ls -la in my zshrc", "echo \"alias ll='ls -la'\" >> ~/.zshrc"),
        ("reload my zshrc", "source ~/.zshrc"),  # "reload bashrc" got `systemctl reload bashrc`: no service
        ("edit my bashrc", "nano ~/.bashrc"),  # it got `source ~/.bashrc` ("Reload .bashrc after editing it")
        # an alias's command ends where the request says how long it lasts (it got `alias gs="git status that sticks around"`)
        ("make an alias gs for git status that sticks around", "echo \"alias gs='git status'\" >> ~/.bashrc"),
        # a situation told first is no search words ("disk almost full" found `df -h ~/Downloads`)
        ("laptop disk almost full, whats the biggest stuff in ~/Downloads", "du -ah ~/Downloads | sort -rh | head -n 20"),
        ("journal is huge, trim it to 500M", "sudo journalctl --vacuum-size=500M"),
        ("grab /var/log/app.log from prod01", "scp prod01:/var/log/app.log ."),
        ("grab the page at example.org and save it as page.html", "curl -L -o page.html https://example.org"),
        ("when did 812 start", "ps -o pid,etime,lstart,cmd -p 812"),  # a number said to start: a process id
        ("resume a download that got cut off", "wget -c {{https://example.com/file}}"),
        ("who contributed the most commits", "git shortlog -sn"),
        ("i lost a commit, find it", "git reflog"),
        # everyday jobs in a person's register: files, text, archives, git, packages, sums
        # (the blocks "in the words people type at a terminal" of examples-*.tsv)
        ("keep a spare copy of .bashrc as .bashrc.old", "cp .bashrc .bashrc.old"),
        ("shove invoice.pdf into ~/Documents", "mv invoice.pdf ~/Documents"),
        ("./start.sh: Permission denied", "chmod +x ./start.sh"),
        ("lock down secrets.env so nobody else can read it", "chmod 600 secrets.env"),
        ("gimme the header line of sales.csv", "head -n 1 sales.csv"),
        ("what did commit abc123 change", "git show abc123"),
        ("remove untracked files from the repo", "git clean -fd"),
        ("where is this repo's remote", "git remote -v"),
        ("save my python dependencies to requirements.txt", "pip freeze > requirements.txt"),
        ("how much is 1234 divided by 7", "echo 'scale=2; 1234/7' | bc"),
        ("extract everything from archive.zip", "unzip archive.zip"),
        # the machine, processes, services, the network, containers and the shell asked as questions,
        # fragments and symptoms (examples-system/-net/-users/-dev.tsv, their blocks "asked as people ask")
        ("how long have i been running without a reboot", "uptime -p"),
        ("what time did it last restart", "uptime -s"),
        ("is anybody else on this server", "who"),
        ("why does boot take forever", "systemd-analyze blame"),
        ("my terminal is garbled, fix it", "reset"),
        ("last 100 lines of syslog", "tail -n 100 /var/log/syslog"),
        ("nameservers for example.com", "dig +short NS example.com"),
        ("what language is my terminal set to", "locale"),
        ("reboot at 3am", "sudo shutdown -r 03:00"),
        ("what is JAVA_HOME set to", "printenv JAVA_HOME"),
        ("list containers", "docker ps"),
        ("filesystem types of my partitions", "lsblk -f"),
    ],
)
def test_answers_a_person_accepts(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # the right program used to come with the wrong value, or none
        ("change the owner of the www directory to nginx recursively", "sudo chown -R nginx www"),
        ("change the owner of report.pdf to alice", "sudo chown alice report.pdf"),  # not `chown -h`: no link
        ("create a new git branch called feature-login", "git branch feature-login"),
        ("delete the local branch old-feature", "git branch -d old-feature"),
        ("create the git tag v1.2 for the current commit", "git tag v1.2"),
        ("show the manual of rsync", "man rsync"),
        ("find the process id of nginx", "pgrep nginx"),
        ("print the first column of users.csv separated by commas", "cut -d , -f 1 users.csv"),
        ("rename the folder drafts to archive", "mv drafts archive"),
        ("make the nested folders src/main/java", "mkdir -p src/main/java"),
        ("show where the symlink current points to", "readlink -f current"),
        ("schedule a shutdown in 30 minutes", "sudo shutdown +30"),
        ("copy report.pdf to my home folder on host backup", "scp report.pdf backup:~"),
        ("show the ip address of eth0", "ip address show eth0"),
        ("append the line hello to notes.txt", "echo 'hello' >> notes.txt"),
        ("find files in /tmp not accessed for 30 days", "find /tmp -type f -atime +30"),
        ("delete log files older than 30 days in /var/log/myapp",
         "find /var/log/myapp -type f -mtime +30 -name '*.log' -delete"),
        ("make a tar.gz of the folder project", "tar -czf project.tar.gz project"),
        # values stated in words: who, which group, which folder, which commit, when, what text
        ("ssh into 10.0.0.5 as user deploy", "ssh deploy@10.0.0.5"),
        ("copy report.pdf to the Desktop", "cp report.pdf ~/Desktop"),
        ("move notes.txt up one level", "mv notes.txt .."),
        ("copy the whole photos folder to /mnt/backup", "cp -r photos /mnt/backup"),
        ("list files in Downloads changed in the last 2 days", "find ~/Downloads -type f -mtime -2"),
        ("clean out the .log files in /var/log/myapp that are more than a month old",
         "find /var/log/myapp -type f -mtime +30 -name '*.log' -delete"),
        ("give the developers group ownership of shared/", "chgrp developers shared/"),
        ("make a new branch called feature/login and switch to it", "git switch -c feature/login"),
        ("add a remote called upstream pointing to https://github.com/acme/tool.git",
         "git remote add upstream https://github.com/acme/tool.git"),
        ("force kill every firefox process", "killall -9 firefox"),
        ("show what changed in commit a1b2c3d", "git show a1b2c3d"),
        ("run backup.sh once at 11pm tonight", "echo './backup.sh' | at 23:00"),
        ("create an alias gs for git status", 'alias gs="git status"'),
        ("set JAVA_HOME to /opt/jdk-21 for this session", "export JAVA_HOME=/opt/jdk-21"),
        ("base64 encode the text hello world", "echo -n 'hello world' | base64"),
        ("decompress backup.tar.bz2", "tar -xjf backup.tar.bz2"),
        # which way a copy goes, by the words around its host or container
        ("grab /var/log/app.log from the container web", "docker cp web:/var/log/app.log ."),
        ("copy /app/out.log out of container worker to here", "docker cp worker:/app/out.log ."),
        ("copy config.yml into container api at /etc/app", "docker cp config.yml api:/etc/app"),
        # names with versions and tags
        ("pull the postgres 16 image", "docker pull postgres:16"),
        ("build the Dockerfile here, tag it myapp:1.0", "docker build -t myapp:1.0 ."),
        ("run nginx in docker on port 8080", "docker run -d -p 8080:80 nginx"),
        ("pip install django 4.2", "pip install django==4.2"),
        # a release number is no file; said with "tag", a tag (it was `git push origin tag {{tag_name}}`)
        ("release time: tag HEAD v2.3.0 and push the tag", "git tag v2.3.0 && git push origin v2.3.0"),
        ("tag this as v2.3.0 and push the tag", "git tag v2.3.0 && git push origin v2.3.0"),
        ("switch to node 18", "nvm use 18"),  # a runtime's number is its version (it was `{{node_version}}`)
        ("pull the latest nginx image", "docker pull nginx"),  # "latest" says which, names nothing
        ("make me the owner of everything in uploads", "sudo chown -R $USER: uploads"),  # "everything in X": the folder
        # "as X" with basic auth is the user (it was `{{user}}`)
        ("curl localhost:9200/_cat/indices as admin with basic auth", "curl -u admin:{{password}} localhost:9200/_cat/indices"),
        ("send HUP to gunicorn so it reloads config", "pkill -HUP gunicorn"),  # a signal sent to a name: pkill
        ("split huge.csv into 1 million line pieces", "split -l 1000000 huge.csv"),  # it was `split -n 1`
        ("pin requests to 2.31.0", "pip install requests==2.31.0"),  # a package pinned, no manager named
        ("restore backup.dump into newdb", "pg_restore -d newdb backup.dump"),  # the database it goes into
        ("only run the login tests with pytest", "pytest -k login"),  # it was `pytest`
        # a first name, not "hire"; the account's home is its own, never yours (it was `useradd -k ~`, a copy of your home)
        ("new hire maria needs an account, with home directory", "sudo useradd -m maria"),
        ("create user bob with a home dir", "sudo useradd -m bob"),  # it was `sudo chown -R bob ~`
        ("restart just nginx in the compose setup", "docker compose restart nginx"),
        ("what does this makefile's test target do, dont run it", "make -n test"),  # a look at what it would run
        ("count the items in the results array of data.json", "jq '.results | length' data.json"),  # the array by its key
        ("count the objects in the top-level array of data.json", "jq 'length' data.json"),  # "top-level" names no key
        ("find the commit whose message mentions payment timeout", "git log --oneline --grep='payment timeout'"),  # no `{{search_pattern}}`
        ("point DATABASE_URL at postgres://localhost/dev for this session", "export DATABASE_URL={{value}}"),  # a variable to set
        # a download's own file is no list of addresses to fetch (it was `wget -i ubuntu.iso`)
        ("resume the ubuntu.iso download that died halfway", "wget -c -O ubuntu.iso {{https://example.com/file}}"),
        ("download every url listed in urls.txt", "wget -i urls.txt"),
        ("resume the download of https://releases.example.org/ubuntu.iso", "curl -C - -O https://releases.example.org/ubuntu.iso"),
        ("where did i put that invoice pdf, somewhere under ~/Documents", "find ~/Documents -name '*invoice*.pdf'"),
        ("tests pass on v1.8 but fail now, bisect it", "git bisect start HEAD v1.8"),  # a tag where a commit goes
        ("run nginx with port 8080 on my side going to 80", "docker run -d -p 8080:80 nginx"),  # "going to 80": a port
        ("upload report.csv to the s3 bucket acme-reports", "s3cmd put report.csv s3://acme-reports/{{file}}"),
        ("watch the nginx errors come in live", "tail -f /var/log/nginx/error.log"),  # the file it is by what it is
        ("sort users.csv by 2nd column numerically", "sort -t , -n -k 2 users.csv"),
        ("install lodash as a dev dependency", "npm install --save-dev lodash"),
        ("tree of src but only 2 levels deep", "tree -L 2 src"),
        ("which package owns /usr/bin/convert", "dpkg -S /usr/bin/convert"),  # "owns" is no package name
        ("what filesystem type is /dev/nvme0n1p2", "df -T /dev/nvme0n1p2"),
        ("what changed in /etc in the last 24h", "find /etc -type f -mtime -1"),  # 24h is one day, not two
        ("show the partitions of my disks", "lsblk"),  # df -T's example is about a path's filesystem type
        ("open up the backup.tar.gz archive into this folder", "tar -xf backup.tar.gz -C ."),  # here is where it opens, never the archive made (`tar -czf .`)
        # "instead of the system-wide location" says what "not system wide" says
        ("pip install requests just for my user, not system wide", "pip install --user requests"),
        ("ssh says my private key is too open, fix it", "chmod 400 ~/.ssh/id_rsa"),  # the user's own key
        ("get /var/log/syslog off 10.1.1.1", "scp -r 10.1.1.1:/var/log/syslog ."),  # verbless: a copy from there
        ("zip reports folder", "zip -r reports.zip reports"),
    ],
)
def test_the_values_a_request_states_go_where_they_belong(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # the name before the kind word; a verb is no service
        ("why did the postgresql service fail to start", "systemctl status postgresql"),
        ("I need sshd's PID", "pgrep sshd"),  # the PID alone, what pgrep prints (ps -C ties)
        # a variable everyone knows, not a file or a pattern
        ("what directories are on my PATH", 'echo "$PATH"'),
        ("what's my PATH set to", 'echo "$PATH"'),
        # arithmetic is one expression for a calculator
        ("what's 1234 * 56", "echo $((1234*56))"),
        ("what's 1512 divided by 8", "echo $((1512/8))"),
        # the phrase around a name says what it is
        ("make www-data the owner of /var/www/site and everything inside it", "sudo chown -R www-data /var/www/site"),
        ("connect to pi@raspberrypi.local, ssh on port 2222", "ssh -p 2222 pi@raspberrypi.local"),
        ("add an account for maria on this server", "sudo useradd -m maria"),
        ("restart the network manager", "service NetworkManager restart"),
        ("add a line saying buy milk to the end of todo.txt", "echo 'buy milk' >> todo.txt"),
        ("how many times does timeout appear in worker.log", "grep -o 'timeout' worker.log | wc -l"),
        ("show the line numbers where main appears in app.c", "grep -n 'main' app.c"),
        ("add express to my node project", "npm install express"),
        ("firefox is frozen, kill it", "pkill -9 firefox"),
        ("follow the nginx error log as it grows", "tail -f /var/log/nginx/error.log"),
        ("get the version field out of package.json", "jq '.version' package.json"),
        ("get the value of version from package.json", "jq '.version' package.json"),
        # a date in the format or on the day asked for; files of a type from a folder
        ("show today's date as YYYY-MM-DD", "date +%Y-%m-%d"),
        ("show the date in a week", "date -d '+1 week'"),
        ("copy all the jpgs from the camera folder to Pictures", "cp camera/*.jpg ~/Pictures"),
        ("count the pdfs in Downloads", "find ~/Downloads -type f -name '*.pdf' | wc -l"),
    ],
)
def test_ordinary_words_are_no_values_and_phrases_say_what_is(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "accept"),
    [
        ("pack the src folder into a tar.gz file", "tar c*f|-c*f src|src/|./src *.tar.gz"),
        ("how many files are in this directory", "ls wc ; find wc"),
        ("show a file with numbered lines", "cat -n ; nl"),
        ("show the 10 biggest files", "ls -S *10* ; du sort *10* ; find sort *10*"),
        ("download a file", "curl -O|-o ; wget"),
        ("search for text in files ignoring case", "grep -i ; rg -i"),
        ("find files bigger than 1 gigabyte", "find -size +1G"),
        ("find files older than 7 days", "find -mtime +7"),
        ("delete the file junk.txt", "rm junk.txt"),
        ("kill process 1234", "kill 1234"),
        # the value the request states is in the answer, whatever else the ranking picks
        ("clone the repository https://github.com/user/repo.git", "git:clone https://github.com/user/repo.git"),
        ("connect to the server db.example.com with ssh as root", "ssh root@db.example.com"),
        ("open the manual page for grep", "man grep"),
    ],
)
def test_the_issues_examples_do_what_was_asked(index, request_text, accept):
    row = eval_everyday.Row(request_text, "", eval_everyday.parse_accept(accept), True)
    assert eval_everyday.acceptable(row, first(index, request_text)), first(index, request_text)


@pytest.mark.parametrize("request_text", ["list files", "list the files in the src folder", "please list all files"])
def test_listing_files_lists_their_names(index, request_text):
    """"list" is not "print": `cat` ("Print files") prints contents; `ls` lists names."""
    assert answers(index, request_text)[0].hit.program == "ls"


def test_nothing_found_is_an_error(index):
    with pytest.raises(NoOfflineAnswerError):
        answers(index, "zzqxv qqqzzx")


# -- intent: a question that only looks never gets an answer that changes things -------------


def hit(command: str, page: str, score: float, description: str = "Show it") -> rank.OfflineHit:
    return rank.OfflineHit(command, description, "tldr", command.split()[0], score, page, "", command)


def test_a_read_only_request_skips_answers_that_change_things(monkeypatch, index):
    ranked = [
        hit("kill -9 $(lsof -t -i :5432)", "kill", 3.0),
        hit("fuser -k 5432/tcp", "fuser", 2.5, "Kill all processes using a port"),  # the rater may not see it
        hit("ss -ltnp", "ss", 2.0),
        hit("lsof -i :5432", "lsof", 1.0),
    ]
    monkeypatch.setattr(answer, "rank", lambda *args, **kwargs: ranked)
    assert [a.command for a in answers(index, "which process uses port 5432", limit=3)] == ["ss -ltnp", "lsof -i :5432"]
    # a request that asks to change things gets the ranking's best, rated as usual later
    assert first(index, "kill what uses port 5432") == "kill -9 $(lsof -t -i :5432)"


def test_a_safe_example_of_the_same_page_comes_first(monkeypatch, index):
    ranked = [
        hit("sort -o data.txt data.txt", "sort", 3.0),
        hit("uniq data.txt", "uniq", 2.9),
        hit("sort data.txt", "sort", 2.0),
    ]
    monkeypatch.setattr(answer, "rank", lambda *args, **kwargs: ranked)
    assert first(index, "show data.txt sorted") == "sort data.txt"


def test_when_only_changes_match_a_read_only_request_says_so(monkeypatch, index):
    ranked = [hit("rm -rf ~/old", "rm", 3.0), hit("shred -u secret.txt", "shred", 2.0)]
    monkeypatch.setattr(answer, "rank", lambda *args, **kwargs: ranked)
    with pytest.raises(NoReadOnlyAnswerError) as raised:
        answers(index, "show my old files")
    assert "only reads" in str(raised.value)


# A held-out table is not answered, not even by this check, until the ranking changes of its round
# are done; then it is answered once, reported, and joins the others.
NOT_YET_ANSWERED: frozenset[str] = frozenset()


# Read-only requests of round twenty-nine's held-out tables still answered with a change after the
# mends that followed its figures (benchmarks/RESULTS.md): known, and strict, so that a mend shows.
STILL_RISKY: frozenset[str] = frozenset({
    "scripts in the daily cron folder",  # a crontab addition: the ranking never reaches /etc/cron.daily
    "partitions on /dev/sda",  # `mount`: "on" reads as where a partition is mounted
    "used_memory of the local redis",  # an `nc` listener where redis-cli is not installed
})


def read_rows() -> list:
    return [pytest.param(name, row.request, marks=pytest.mark.xfail(strict=True, reason="known risky look"))
            if row.request in STILL_RISKY else (name, row.request)
            for name, path in eval_everyday.TABLES.items() if name not in NOT_YET_ANSWERED
            for row in eval_everyday.load(path) if row.read_only]


@pytest.mark.parametrize(("table", "request_text"), read_rows())
def test_no_read_only_request_in_any_table_gets_a_risky_answer(index, table, request_text):
    try:
        found = answers(index, request_text)[0]
    except NoOfflineAnswerError:
        return  # said so (no match, or no safe match), and offered nothing
    # Root-only state is read as root: `sudo` is caution by design.md, so what it runs must be safe
    # ("ufw rules with their numbers": `sudo ufw status numbered`, a request with no verb to read).
    runs = found.command.removeprefix("sudo ")
    assert risk_of(runs)[0] == "safe", found.command
    assert assess(runs).risk == "safe", found.command  # what the menu shows beside it
    assert not writes_files(found.command), found.command  # nor one that makes a file (`mkdir`, `>> x`)


@pytest.mark.parametrize(
    ("command", "writes"),
    [
        ("echo '~/Downloads' >> .gitignore", True),
        ("mkdir /etc/shadow", True),
        ("sudo touch notes.txt", True),
        ("ps aux | tee procs.txt", True),
        ("ls &> log.txt", True),
        ("ls -l /etc/shadow", False),
        ("find / -name passwd 2>/dev/null", False),
        ("du -sh * | sort -h > /dev/stdout", False),
        ("grep -c '>' notes.txt", False),
        ('git commit -m "mentions payment bug"', True),  # a commit made, for a look at commits
        ("git add -i", True),
        ("git log --grep='payment'", False),
        ("git stash list", False),
        ("git apply --check fix.patch", False),  # applies nothing
        ("git apply --stat --apply fix.patch", True),
        ("docker build -t app .", True),
        # a converter writes the file it names last; mogrify changes its operands in place
        ("ffmpeg -i movie.mkv -c copy {{path/to/output_video}}.mp4", True),
        ("ffmpeg -i in.mp4 -t 5 out.gif", True),
        ("convert a.png -resize 50% b.jpg", True),
        ("mogrify -format jpg assets/*.png", True),
        ("ffmpeg -hide_banner -i movie.mkv", False),
        ("ffmpeg -i in.mp4 -f null -", False),
        ("magick identify photo.jpg", False),
        ("ffprobe -show_streams movie.mkv", False),
        # a build writes what its recipes make: no answer to "what make targets are there"
        ("make -f Makefile", True),
        ("sudo make install", True),
        ("gcc -o hello hello.c", True),
        ("cargo build --release", True),
        ("make -n", False),
        ("make -qp | grep '^[a-z].*:'", False),
        ("gcc --version", False),
        ("cargo check", False),
    ],
)
def test_what_makes_or_writes_a_file(command, writes):
    assert writes_files(command) is writes


def test_a_look_is_never_answered_by_a_command_that_writes(index):
    """A page that came first by an example that appends or creates is not what a look asks for."""
    found = answers(index, "show me what's in my Documents")[0]
    assert found.command == "ls ~/Documents"


def test_what_the_rater_cannot_read_is_not_safe_for_a_read_only_request():
    """`${{variable}}` is no parameter expansion the parser can read: the menu rates the template
    dangerous, so the read-only check must not call it safe."""
    assert risk_of('echo "${{variable}}"')[0] == "dangerous"
    assert risk_of('echo "$PATH"')[0] == "safe"


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("run cleanup.sh every day at 2am", '(crontab -l 2>/dev/null; echo "0 2 * * * $(realpath cleanup.sh)") | crontab -'),
        ("schedule report.py to run every hour", '(crontab -l 2>/dev/null; echo "0 * * * * $(realpath report.py)") | crontab -'),
    ],
)
def test_a_schedule_asks_for_the_scheduler_at_the_time_it_says(index, request_text, command):
    """"every day at 2am" is a schedule: cron, at that time (`watch` repeats, it does not schedule);
    cron runs a script from the home directory, so the line names it by its whole path."""
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [("convert report.md to pdf", "pandoc report.md -o report.pdf"), ("convert song.wav to mp3", "ffmpeg -i song.wav song.mp3"),
     ("screen.mov to mp4 pls", "ffmpeg -i screen.mov screen.mp4")],  # no verb: it got a remux's template
)
def test_the_extension_of_the_file_to_convert_says_which_converter(index, request_text, command):
    """`.md` is markdown (pandoc), `.wav` audio (ffmpeg): without the hint a PDF tool converted report.md."""
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("print lines 20 to 30 of script.py", "sed -n '20,30p' script.py"),
        ("peek at main.c from line 20 through 30", "sed -n '20,30p' main.c"),
        ("show line 5 of input.txt", "sed -n '5p' input.txt"),
        # one line said alone is no range left open (it was `sed -n '240,{{last_line}}p'`)
        ("line 240 of big_dump.sql, just that line", "sed -n '240p' big_dump.sql"),
    ],
)
def test_a_line_range_asks_for_those_lines(index, request_text, command):
    """The numbers are the range; "lines" stays a word to search by (taken with the numbers, it left
    "print" alone, and `ls -l script.py` won)."""
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [("search for the word error in log.txt", "grep 'error' log.txt"), ("look for TODO in main.go", 'grep "TODO" main.go')],
)
def test_the_example_that_takes_the_stated_values_beats_one_that_ignores_them(index, request_text, command):
    """Pages that say "search" equally well (grep; echo's "the directories searched for programs")
    are told apart by whether their example has a place for the pattern and the file."""
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [("I need a new empty directory called tmp2", "mkdir tmp2")],
)
def test_a_request_without_a_verb_gets_the_best_answer_not_a_far_weaker_safe_one(index, request_text, command):
    """No verb says whether it only looks: the safe way wins only when it is nearly as good
    (it was `find tmp2 -type d -empty`)."""
    answer = answers(index, request_text)[0]
    assert answer.intent == "" and answer.command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [("new folder named drafts", "mkdir drafts"), ("new ed25519 key, comment it with dana@corp.io",
                                                   'ssh-keygen -t ed25519 -C "dana@corp.io"')],
)
def test_a_request_that_opens_with_new_makes_one(index, request_text, command):
    """"new folder named drafts" was read as saying neither look nor change (it got `diff drafts
    {{path/to/new_file}}` once); "new ed25519 key" got the RSA example, whose description has no
    verb of change."""
    answer = answers(index, request_text)[0]
    assert answer.intent == "change" and answer.command == command


@pytest.mark.parametrize(
    ("request_text", "program"),
    [("what are the biggest directories in /var", "du"), ("print the current time", "date")],
)
def test_the_page_whose_description_says_the_request_and_little_else_wins(index, request_text, program):
    """"List the files of the current directory by modification time, newest first" says "current"
    and "time" too, and much else; date's "Set or display the system date" is also a look."""
    assert first(index, request_text).split()[0] == program


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # to print out a file is to show what is in it, not to see whether it is there
        ("print out todo.txt", "cat todo.txt"),
        ("display notes.txt", "cat notes.txt"),
        # what a program does is in its manual
        ("what does the ls command do", "man ls"),
        ("what does grep do", "man grep"),
        # "top 5" ranks, it names no program; the top lines of a file are its first
        ("top 5 processes by memory", "ps aux --sort=-%mem --no-headers | head -n 5"),
        ("print the top 3 lines of list.csv", "head -n 3 list.csv"),
        # "up to date" asks for an upgrade, not for `date`
        ("bring all my system packages up to date", "sudo apt update && sudo apt upgrade"),
        # what a file says is searched in it, not found on a page that mentions saying
        ("does config.ini say anything about debug", 'grep "debug" config.ini'),
        ("what version does package.json say", 'grep "version" package.json'),
        # a wish for a thing in a state is a change: the decompression, not a look at the archive
        ("I need data.csv.gz uncompressed", "gzip -d data.csv.gz"),
        # who I am logged in as is who I am, not who else is
        ("which user am i logged in as", "whoami"),
        ("what kind of file is mystery.bin", "file mystery.bin"),
        # a denial is read: lines that do not contain it, the text filled in (nlshell/offline/pipes.py)
        ("show lines in access.log that don't have 200 in them", "grep -v 200 access.log"),
        ("which python packages do i have", "pip list"),
        # a service that is up is asked of systemd (nlshell/offline/software.py); UTC is a time zone, no text to count
        ("is the caddy server up", "systemctl status caddy"),
        ("check whether nginx is up", "systemctl status nginx"),
        ("what time is it in UTC", "date -u"),
        ("what's the time right now", "date +%T"),  # the system date is also the time, not `who -b`
        ("shutdown now", "sudo shutdown now"),  # one word or two: "shut down" is shutdown, never `-c` (cancel)
        ("shutdown the computer", "sudo shutdown now"),
        ("where does the python3 binary live", "which python3"),  # where it lives: the program asked about
        ("search the git history for a commit mentioning typo", "git log --oneline --grep='typo'"),  # what it mentions
        ("how full is the /home partition", "df -h /home"),  # it got `sudo mount … /home`
        ("link ~/.vimrc to the one in ~/dotfiles/vimrc", "ln -s ~/dotfiles/vimrc ~/.vimrc"),  # it got `curl -E … --key …`
        ("any files over 1G anywhere on the box", "find / -type f -size +1G"),  # "the box" named `box validate`
        ("show the cron jobs for www-data", "crontab -l -u www-data"),  # the owner said after what they have
        ("docker service logs since this morning", "journalctl -u docker --since today"),
        ("show everything the ssh service logged in the past hour", "journalctl -u ssh --since '1 hour ago'"),  # not a unit "logged"
        ("get .name of every item in items.json, its an array", "jq '.[].name' items.json"),
        ("which ports are listening", "lsof -i -P -n | grep LISTEN"),  # not the template `lsof -i :{{port}}`
        ("is port 5432 open on db01", "nc -zv db01 5432"),
        ("run the lint script from package.json", "npm run lint"),  # it got the template, then `npm start`
        ("files changed in the last commit", "git show --stat"),  # it got `git commit -a -m …`
        ("copy dump.sql.gz up to backup01:/srv/backups", "scp dump.sql.gz backup01:/srv/backups"),  # it got ssh-copy-id
        ("unset http_proxy and https_proxy", "unset http_proxy https_proxy"),  # it got `shopt -u http_proxy`
        ("push ./site to www1:/var/www/html", "rsync -avz ./site/ www1:/var/www/html"),  # it got `aws ecr delete-repository`
    ],
)
def test_plain_words_pick_the_page_and_example_that_do_what_was_asked(index, request_text, command):
    """Each was answered from another page: `ls -l todo.txt` ("See if a file is there"), `alias ll='ls
    -la'`, `top -b …`, `date -d …`, `python -m pdb config.ini`, `gzip -l`, `who`, `find … | wc -l`,
    `sort access.log | uniq`, `python -m pdb …`, `dig …`, `gixy-next …`, `grep -o 'UTC' … | wc -l`."""
    assert first(index, request_text) == command


def test_a_page_is_not_made_to_win_by_an_example_that_does_something_else():
    """python's "Update pip when it says it is outdated" says "say"; for a request that only looks
    it counts as little as it does within its page, where it is never offered."""
    from nlshell.offline.index import PageRow
    from nlshell.offline.request import Request
    from nlshell.offline.vocabulary import stem_text, stems

    def page(*described: str) -> PageRow:
        return PageRow(1, "python", "python", "python", "", " / ".join(described), "", "", stem_text("python"),
                       " / ".join(stem_text(one) for one in described), "", 0.0)

    read = Request(terms=["say"], searched=["say"], weights={"say": 9.0}, named=[], words={"say"}, intent=READ)
    names = stems("python")
    changing = rank._says(read, stems("Update pip when it says it is outdated"), names)
    looking = rank._says(read, stems("Show what a base64 string says"), names)
    assert rank._best_description(read, page("Update pip when it says it is outdated", "Start a REPL")) == pytest.approx(
        rank.OTHER_ACTION * changing)
    assert rank._best_description(read, page("Show what a base64 string says", "Start a REPL")) == pytest.approx(looking)
    asking = Request(terms=["say"], searched=["say"], weights={"say": 9.0}, named=[], words={"say"}, intent="change")
    assert rank._best_description(asking, page("Update pip when it says it is outdated")) == pytest.approx(changing)


@pytest.mark.parametrize(
    ("request_text", "command"),
    [("is nginx running", "systemctl status nginx"), ("where is the python3 program installed", "which python3")],
)
def test_a_program_the_request_asks_about_goes_into_the_answer(index, request_text, command):
    """Not `nginx -t` (nginx's own page, because the request named it) nor `hashid`."""
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "wanted"),
    [
        ("download https://example.com/file.iso", {"curl -O https://example.com/file.iso", "wget https://example.com/file.iso"}),
        ("unzip archive.zip", {"unzip archive.zip"}),  # not `unzip -l` ("Peek inside"): peeking only looks
        ("what's my ip address", {"hostname -I", "ip address show"}),  # "my": this machine, not a DNS lookup
        ("restart nginx", {"service nginx restart", "sudo service nginx restart", "sudo systemctl restart nginx"}),
        ("restart the computer", {"sudo reboot", "reboot"}),
        ("restart this machine", {"sudo reboot", "reboot"}),
        ("grab the last 50 lines of app.log", {"tail -n 50 app.log"}),  # grabbing lines only looks
        ("replace every foo with bar in config.ini", {"sed -i 's/foo/bar/g' config.ini"}),
        ("is there a java process running", {"pgrep -a java", "ps aux | grep -i java"}),
        ("start a 10 minute timer", {"sleep 600 && echo 'Time is up'"}),  # was a caution-rated systemd-run
        ("word count for notes.md", {"wc -w notes.md"}),  # "count" is no word to search for (was no answer)
        ("delete old.pdf", {"rm old.pdf"}),  # the file's type says which file, not a PDF tool (was pdfcrop)
        ("move report.pdf to ~/Documents", {"mv report.pdf ~/Documents"}),
        ("create a symlink to /opt/app called app", {"ln -s /opt/app app"}),  # it points at /opt/app
        ("make a shortcut to ~/Documents named docs", {"ln -s ~/Documents docs"}),
    ],
)
def test_everyday_words_about_what_to_act_on(index, request_text, wanted):
    """A URL's file type says nothing about the job; "restart X" restarts the service X."""
    assert first(index, request_text) in wanted


@pytest.mark.parametrize(
    ("request_text", "command", "wanted"),
    [("delte build.log", "rm build.log", "change"), ("kil process 4821", "kill 4821", "change")],
)
def test_a_misspelt_verb_is_read_as_the_verb_not_as_a_program_one_edit_away(index, request_text, command, wanted):
    """"delte" was the program `delta` (`xdelta delta build.log …`), "kil" too short to correct."""
    answer = answers(index, request_text)[0]
    assert (answer.command, answer.intent) == (command, wanted)


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("deleted files still held open", "lsof +L1"),  # "deleted" was read as "delete": `rm -r {{…}}`
        ("installed packages with python in the name", None),
    ],
)
def test_a_past_participle_names_things_to_look_at(index, request_text, command):
    """A change's participle before a plural noun says which things; it is no verb, nor a misspelt one."""
    answer = answers(index, request_text)[0]
    assert (answer.intent, risk_of(answer.command)[0]) == ("read", "safe")
    assert command is None or answer.command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("commit everything as wip", 'git add -A && git commit -m "wip"'), ("make a folder called wip", "mkdir wip"),
        ("remove the folder shop", "rm -r shop"),  # "shop" was "chop": a type noun names it
        ("export the orders table from shop db to orders.csv", "psql shop -c \"\\copy orders TO 'orders.csv' CSV HEADER\""),
    ],
)
def test_a_word_the_user_names_is_no_misspelt_verb(index, request_text, command):
    """"wip" is one edit from "wipe", but after "as" or "called" it is the value the user named, as is
    a word beside a type noun ("the folder shop", "from shop db")."""
    assert first(index, request_text) == command


def test_a_question_about_what_happened_gets_no_change(index):
    """"did nginx come up after the reboot" asks; it got `sudo systemctl enable nginx` (caution)."""
    answer = answers(index, "did nginx come up after the reboot")[0]
    assert (answer.intent, risk_of(answer.command)[0]) == ("read", "safe")


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("empty folders here", "find . -type d -empty"),  # it got `rm -r ./*`
        ("open ports on this machine", "ss -tulnp"),  # it got an ssh tunnel
    ],
)
def test_things_named_by_an_adjective_are_looked_at(index, request_text, command):
    answer = answers(index, request_text)[0]
    assert (answer.command, answer.intent, risk_of(answer.command)[0]) == (command, "read", "safe")


@pytest.mark.parametrize(
    ("request_text", "not_first"),
    [
        ("start nightly_sync.sh and give me my prompt back", "rm "),  # it got `rm -i nightly_sync.sh`
        ("pip keeps warning that its old, upgrade it", "find "),  # it got a `find … -delete` of old logs
        ("create folders build and dist", "rm "),  # it got `rm -rf {{path/to/directory}}` ("Force delete …")
    ],
)
def test_a_request_that_asks_no_removal_gets_none_first(index, request_text, not_first):
    assert not first(index, request_text).startswith(not_first)


@pytest.mark.parametrize("request_text", ["create folders build and dist", "make folders src tests and docs in one go"])
def test_what_destroys_is_no_answer_to_a_request_that_asks_no_removal(index, request_text):
    """Not second behind a better answer, but gone: when every example that matched removes, a
    request to make folders gets none of them."""
    assert not any(destructive_description(a.hit.description) for a in answers(index, request_text, limit=5))


def test_an_upgrade_is_not_a_clean_up(index):
    assert first(index, "pip keeps warning that its old, upgrade it") == "pip install --upgrade pip"


def test_a_change_the_request_rules_out_is_never_offered(index):
    """"without deleting it" got `rm -rf debug.log`: an answer that does what the request rules out goes."""
    found = [a.command for a in answers(index, "empty out debug.log without deleting it", limit=3)]
    assert found[0] == "truncate -s 0 debug.log"
    assert not any(command.startswith("rm ") for command in found)


@pytest.mark.parametrize("request_text", ["get rid of build.log", "get rid of build.log, I don't need it"])
def test_a_word_of_a_phrase_is_no_misspelt_verb(index, request_text):
    """"rid" is one edit from "did", a verb of the table: a word of the table's phrases is known."""
    assert first(index, request_text) == "rm build.log"


def test_a_request_to_delete_gets_the_delete_rated_as_usual(index):
    command = first(index, "delete the file junk.txt")
    assert command == "rm junk.txt"
    assert risk_of(command)[0] == "caution"


# -- quality on the everyday tables -----------------------------------------------------------


def table_score(index: OfflineIndex, name: str) -> eval_everyday.Score:
    rows = eval_everyday.load(eval_everyday.TABLES[name])
    found = []
    for row in rows:
        try:
            found.append(first(index, row.request))
        except NoOfflineAnswerError:
            found.append(None)
    return eval_everyday.score(rows, found)


@pytest.mark.parametrize(
    ("request_", "program"),
    [("permissions of /etc/shadow", "ls"), ("the owner of /var/www", "ls"), ("size of /var/log", "du"),
     ("cpu and mem of the api container", "docker"),  # it got `docker container update -m {{limit}}M api`
     ("all the zombie processes?", "ps")],
)
def test_an_attribute_named_with_no_verb_gets_a_look(index, request_, program):
    """Before, "permissions of /etc/shadow" got `mkdir -m … /etc/shadow` and "owner of /var/www"
    `sudo chown -R $USER: /var/www`: a request with no verb is no licence to change things."""
    answer = answers(index, request_)[0]
    assert answer.command.split()[0] == program, answer.command
    assert risk_of(answer.command)[0] == "safe" and not writes_files(answer.command)


@pytest.mark.parametrize(
    ("request_", "command"),
    [("open notes.txt in vim", "vim notes.txt"),  # "open notes" read as "open ports": `vim <(history)`
     ("open notes.txt in vim at line 40", "vim +40 notes.txt"),
     ("empty debug.log", "truncate -s 0 debug.log"),  # "empty" as "blank": `nl debug.log`
     ("empty the file debug.log", "truncate -s 0 debug.log"),
     ("give the group read and write access to shared", "chmod g+rw shared")],  # was `mount -o gid=read`
)
def test_a_file_name_and_what_access_is_given_to_are_read_as_said(index, request_, command):
    assert first(index, request_) == command


def test_an_adjective_verb_before_a_plural_still_names_things_to_see(index):
    """The file-name reading above leaves "open ports" and "empty folders in src" looks."""
    assert first(index, "empty folders in src") == "find src -type d -empty"
    assert risk_of(first(index, "open ports"))[0] == "safe"


@pytest.mark.parametrize(
    ("request_", "command"),
    [("find .log files under /var/log bigger than 100M", "find /var/log -type f -size +100M -name '*.log'"),  # "under" said where, not -100M
     ("files below src bigger than 1M", "find src -type f -size +1M"),
     ("files in /tmp smaller than 10k", "find /tmp -type f -size -10k"),
     ("build an image tagged myapp:dev from the current dir", "docker build -t myapp:dev ."),  # was `-t tagged`
     ("copy backup.sql to deploy@web1:/tmp", "scp backup.sql deploy@web1:/tmp"),  # was `cp`: a place on another machine
     ("copy the whole configs folder to admin@nas:/backups/", "scp -r configs admin@nas:/backups/"),
     ("copy report.pdf to my home dir on box1", "scp report.pdf box1:~"),
     ("on which lines does 'def main' appear in cli.py", "grep -n 'def main' cli.py"),
     ("show everything between line 100 and 120 of huge.sql", "sed -n '100,120p' huge.sql"),  # was `tail -n +2`
     ("delete lines 3 to 7 of notes.txt", "sed -i '3,7d' notes.txt"),  # was the print of those lines
     ("sort names.txt alphabetically and save it back into the same file", "sort -o names.txt names.txt"),  # no -u
     ("set the system clock to 2024-06-01 10:00", "sudo date -s '2024-06-01 10:00'"),  # the time was left out
     ("current time in iso 8601", "date -Iseconds"),  # was `date -d @8601`
     ("system logs since 2024-06-01", "journalctl --since '2024-06-01'"),  # was `-S {{now}} -U "2024-06-01"`
     ("symlink 'current' -> releases/v2.3", "ln -s releases/v2.3 current"),  # was `readlink releases/v2.3`
     ("make a symlink current pointing to releases/v2.3", "ln -s releases/v2.3 current"),  # was a hard link, backwards
     ("create a symlink called latest to builds/42", "ln -s builds/42 latest"),  # was backwards
     ("log into web3", "ssh web3"),  # was `ssh -i web3 {{user}}@{{host}}`
     ("i need to log on to web3", "ssh web3"),
     ("put my public key on bastion", "ssh-copy-id -i {{path/to/key.pub}} bastion"),
     ("search the apt repos for something to do with pdf", "apt search pdf"),  # was `{{keyword}}`
     ("rsync src/ to deploy@host:/srv/app over ssh on port 2200", "rsync -avz -e 'ssh -p 2200' src/ deploy@host:/srv/app"),
     ("umount says target is busy, whats using /mnt/data", "lsof /mnt/data"),  # was `sudo umount -l`: what umount said is no order
     ("whats using /mnt/data", "lsof /mnt/data"),  # was no answer: no search word left
     ("what is keeping /mnt/usb busy", "lsof /mnt/usb"),
     ("curl http://10.0.0.5/api with basic auth admin / s3cret", "curl -u admin:s3cret http://10.0.0.5/api"),  # was a download into `/`
     ("curl http://10.0.0.5/api with basic auth admin:s3cret", "curl -u admin:s3cret http://10.0.0.5/api"),
     ("call http://10.0.0.5/api as user admin with password s3cret", "curl -u admin:s3cret http://10.0.0.5/api"),
     ("run prettier over all the .ts files and rewrite them in place", "prettier --write '*.ts'"),  # "in place" was a folder
     ("image dimensions of banner.png", "identify -format '%wx%h\\n' banner.png"),  # was a docker image "dimensions"
     ("cherry-pick a1b2c3d onto the branch i'm on", "git cherry-pick a1b2c3d"),  # was `git branch cherry-pick a1b2c3d`
     ("drop the old host key for 192.168.1.50 from known_hosts", "ssh-keygen -f ~/.ssh/known_hosts -R 192.168.1.50"),  # was scp
     ("forget web-2 in my known hosts", "ssh-keygen -f ~/.ssh/known_hosts -R web-2"),
     ("live disk i/o per process", "pidstat -d 1"),  # "i/o" was a path: `journalctl --disk-usage -f i/o`
     ("zip up dist as dist.zip", "zip -r dist.zip dist"),  # was `echo 'dist.zip' >> .gitignore`
     ("extract pages 3-7 of book.pdf into chapter.pdf", "qpdf book.pdf --pages . 3-7 -- chapter.pdf")],
)
def test_round_eighteen_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    ("request_", "command"),
    [("something's squatting on 5432, what is it", "lsof -i :5432"),  # was no answer: a service's own port, said bare
     ("how fat is node_modules in this repo", "du -sh node_modules"),  # was `find node_modules -type f -empty`
     ("send deploy.sh to the box at 192.168.1.20", "scp deploy.sh 192.168.1.20:~"),  # was `curl -T`
     ("my jupyter kernels are stuck, kill all of them", "pkill jupyter"),  # was `killall {{process_name}}`
     ("kill the gunicorn workers", "pkill gunicorn"),
     ("force a stuck process to quit", "kill -9 {{pid}}"),  # no process called "stuck"
     ("gzip the csvs in exports/ but keep originals", "gzip -k exports/*.csv"),  # was a sed over exports/
     ("search all the gzipped logs in /var/log for 'segfault'", "zgrep 'segfault' /var/log/*.gz"),  # "logs in" was "login"
     ("zip up dist so i can send it", "zip -r dist.zip dist"),  # was `npm dist-tag ls`
     ("tar it up", "tar -czf {{path/to/target.tar.gz}} {{path/to/directory}}"),  # was `tar -xzf`: the other way
     ("which user and group own /mnt/backups", "ls -ld /mnt/backups"),  # was `chown :own`
     ("hand /var/www/blog to www-data", "sudo chown -R www-data /var/www/blog"),  # was `--reference` the other way
     ("which files have API_KEY in them", "grep -rl 'API_KEY' ."),  # was `grep -v`, then `cat … | API_KEY`
     ("docker ps but include the stopped ones", "docker ps -a"),  # was `sudo systemctl stop docker` for a look
     ("get rid of every .pyc file under src", "rm src/*.pyc"),  # was `rm .pyc`: one file by that name
     ("open the current folder in finder", "xdg-open ."),  # was `tar -xzf finder`
     ("www-data needs to own /var/www/html, recursively", "sudo chown -R www-data /var/www/html"),  # was `find -user`: a look
     ("need the UUID of /dev/sda2 for fstab", "blkid /dev/sda2"),  # was no answer: "for fstab" was a file to act on
     ("get rid of the left-pad npm package", "npm uninstall left-pad"),  # was `pkcon remove npm`
     ("is deploy in the sudo group", "groups deploy"),  # was the current user's groups
     ("where's a file named docker-compose.override.yml somewhere in home", "find ~ -name 'docker-compose.override.yml'"),
     ("pull postgres:16", "docker pull postgres:16"),  # was `pg_dump`: an image by its tag, no docker word said
     ("find the commit that added parseConfig", "git log --oneline -S parseConfig"),  # was `-S '{{search_string}}'`
     ("which commit introduced the string API_TIMEOUT", "git log -S 'API_TIMEOUT'"),  # was `git bisect start`
     ("add eslint as a dev dep", "bun add -d eslint"),  # was `{{package}}`: "dep" is a dependency
     ("downgrade pydantic to 1.10.13, v2 breaks us", "pip install pydantic==1.10.13"),  # was `fold`: "pedantic", digits as words
     ("in nginx.conf change 'listen 80' to 'listen 8080'", "sed -i 's/listen 80/listen 8080/g' nginx.conf"),  # was `{{replacement}}`
     ("3 lines before each Exception in app.log", "grep -C 3 'Exception' app.log"),  # was `rm -rf node_modules && npm install`
     ("run the test target of the Makefile in ./backend", "make -C ./backend test"),  # was `make -f ./backend/Makefile`
     ("clean up go.mod / go.sum", "go mod tidy"),  # was `find / -type d -empty -delete`: "/" between two files is no folder
     ("which kernel am i booted into, exact release", "uname -r"),  # a release is no verb: it got `sudo mkinitcpio`
     ("layer sizes of nginx:alpine", "docker history nginx:alpine"),  # was `ls -lSR`
     ("list every file the curl package put on disk", "dpkg -L curl"),  # was `dpkg -L put`
     ("what cron jobs does root have", "crontab -l -u root"),  # was `-u cron`
     ("show me the message and diff of HEAD~2", "git show HEAD~2"),  # "and diff of HEAD~2" was a commit message
     ("mask apache2 so nothing can start it", "systemctl mask apache2"),  # was `sudo systemctl start apache2`
     ("running containers?", "docker ps"),  # was `docker exec -it {{container_name}} sh`: a look read as a run
     ("remove olduser completely, home folder too", "sudo userdel -r olduser"),  # was `{{username}}` and `~`
     # found by the read-only check once holdout20 and holdout20b were answered at the round's end (see RESULTS.md)
     ("re-run `curl -s localhost/health` every 5 seconds and show me the output", "watch -n 5 curl -s localhost/health"),
     ("dig up a command from my shell history", "HISTTIMEFORMAT='%F %T ' history")],  # "dig up" finds: it got `history -d`
)
def test_round_nineteen_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    ("request_", "command"),
    [("how do i install htop", "sudo apt install htop"),  # was `npm install --save-dev htop`: asking how is asking it
     ("how can i upgrade flask", "pip install --upgrade flask"),  # was `pip install flask`: no upgrade
     ("set process 2231 to the lowest priority", "renice -n 19 -p 2231"),  # was `renice --priority {{3}}`
     ("find files in /tmp that belong to root", "find /tmp -user root"),  # was `-user {{user}}`
     # the clause that says boot asks; "doesn't come back" only tells what goes wrong (it got `disable --now`)
     ("docker doesn't come back after a reboot, make it start at boot", "sudo systemctl enable docker"),
     ("don't start apache at boot, i'll start it by hand", "sudo systemctl disable --now apache2"),
     ("mount deploy@nas:/volume1/media at ~/nas over sshfs", "sshfs deploy@nas:/volume1/media ~/nas"),  # was `…/media:~/nas {{mountpoint}}`
     ("what ssh settings actually get applied for host gitlab", "ssh -G gitlab"),  # was `{{host}}`: gitlab has a page, and is no .com here
     # the folder said after the host and its login is there (was `deploy@staging:{{path/to/remote_directory}}`)
     ("scp dump.sql to the staging box as deploy, into /tmp", "scp dump.sql deploy@staging:/tmp"),
     ("send backup.tar.gz over to 192.168.1.50 (user deploy) into /opt/backups", "scp backup.tar.gz deploy@192.168.1.50:/opt/backups"),
     ("start ./server in a detached tmux session called api", "tmux new-session -d -s api './server'"),  # was `'{{command}}'`
     ("what's user deploy running", "ps -u deploy -o pid,etime,cmd"),  # was `{{user}}`: "deploy" is also a verb
     ("show the first 64 bytes of firmware.img", "head -c 64 firmware.img"),  # was `head -n 1`
     ("hexdump the first 64 bytes of firmware.img", "hexdump -C -n 64 firmware.img"),  # was `-n {{64}}`
     ("flush redis db 2", "redis-cli -n 2 FLUSHDB"),  # was `-n {{2}}`
     ("kill 1234", "kill 1234"),  # was NL2Bash's `kill `pstree -p 1234 | sed …``
     ("pause 2200", "kill -STOP 2200"),  # was `{{pid}}`
     # a name as only code writes it is what a log's lines say; "either side" is around (was `grep -A 5 '{{search_pattern}}'`)
     ("app crashed w/ OutOfMemory, show 5 lines either side of each hit in app.log", "grep -C 5 'OutOfMemory' app.log"),
     ("OutOfMemory in app.log with 5 lines before and after", "grep -C 5 'OutOfMemory' app.log"),
     ("count the NullPointerException lines in server.log", "grep -c 'NullPointerException' server.log"),  # was `wc -l server.log`
     ("get .data.id out of whatever localhost:9000/jobs returns", "curl -s localhost:9000/jobs | jq '.data.id'"),  # was `curl -E .data.id`
     ("count the documents in the orders collection (mongo, db shop)", "mongosh shop --quiet --eval 'db.orders.countDocuments()'"),
     ("remove the docker network test-net", "docker network rm test-net"),  # was `{{network_name}}`
     ("delete all .tmp files in this dir and all subdirs", "find . -type f -name '*.tmp' -delete"),  # was `rm *.tmp`: here only
     ("list the subfolders of src", "find src -type d"),  # was `{{path/to/directory}}`
     ("delete empty subdirectories in build", "find build -type d -empty -delete"),  # was `{{path/to/directory}}`: "build" is a verb too
     ("completely remove nginx", "sudo apt purge nginx"),  # was `ls --full-time -a ~`
     ("dump the mysql database blog to blog.sql", "mysqldump blog > blog.sql"),  # was the import, `mysql … < blog.sql`
     ("stop nginx from being upgraded by apt", "sudo apt-mark hold nginx"),  # was `sudo systemctl stop nginx`
     ("restart nginx after it was upgraded", "sudo service nginx restart"),
     ("tag the current commit as v1.2.0", "git tag v1.2.0"),  # was `git tag -a {{tag_name}} -m "v1.2.0"`
     ("systemctl daemon reload", "sudo systemctl daemon-reload"),  # was `systemctl reload systemctl`
     ("list the files that changed between main and develop", "git diff --name-only main..develop"),  # was `{{branch_1}}`
     # a new container of the image said; the clause after the comma says how it is, and is no request the first told of
     ("throwaway ubuntu container with a shell, deleted when i exit", "docker run -it --rm ubuntu sh"),  # was `set -e`
     ("is gs an alias, a function or a real binary?", "type gs"),  # was `alias {{alias_name}}`
     ("is ll an alias, a function or a real binary?", "type ll"),  # "ll" is no stop word here
     ("force kill every python process", "killall -9 python"),  # was `pkill -f *.py`: a process, no file type
     # found by the all-tables runs of this round: answers the round's rows or readings had made worse
     ("kill the process with id 2222", "kill 2222"),  # was `kill -2222 {{pid}}`: the id took the place of a signal
     ("48213 won't die, force kill it", "kill -9 48213"),
     ("kill -9 4321", "kill -9 4321"),
     ("connect to server.example.com, ssh runs on 2222 there", "ssh -p 2222 server.example.com"),
     ("list collections in the mongo db analytics", "mongosh analytics --quiet --eval 'db.getCollectionNames()'"),
     ("back up the postgres db orders in custom format", "pg_dump -Fc orders -f {{path/to/file.dump}}"),
     ("clean out stopped containers and dangling images", "docker system prune"),
     ("need an ed25519 ssh key for my github account", "ssh-keygen -f {{~/.ssh/filename}} -t ed25519 -a 32"),
     ("list files by modification date newest first", "ls -lt"),  # was `find -user modification`: a sort key, no owner
     ("how long has this computer been on", "uptime -p"),
     ("how long has this box been up", "uptime -p"),
     ("show me all the python processes", "ps aux | grep -i python"),
     ("show the process tree under pid 4242", "pstree -p 4242"),  # was `pgrep -f tree`: no process called tree
     ("which python is first on my PATH", "which python3"),
     ("which containers died / exited", "docker ps -f status=exited"),  # "/" between two words was the root folder
     # found by the read-only check once holdout21 and holdout21b were answered at the round's end (see RESULTS.md)
     ("run select count(*) from users against postgres db crm", "psql crm -c 'select count(*) from users'"),  # was `-f users/'count(*'`
     # a question about a thing: NL2Bash's `crontab -` rewrite was offered; then `crontab -l`, now at's own
     ("what command will at job 12 run", "at -c 12"),
     # a request with no verb that opens with a command as written runs it, no safe sibling (was `npm audit --json`)
     ("npm audit fix", "npm audit fix"),
     ("docker compose up in background", "docker compose up -d"),  # was `docker compose config`
     # a stash by its place is that stash (`git stash drop` dropped the latest for "drop stash@{1}")
     ("drop stash@{1}", "git stash drop 'stash@{1}'"),
     ("show what's in stash@{0}", "git stash show -p 'stash@{0}'"),
     ("drop the latest stash", "git stash drop"),
     # a key said as what logs in is no file to copy (was `scp ~/.ssh/deploy_key server1:`, dangerous)
     ("ssh with key ~/.ssh/deploy_key to server1", "ssh -i ~/.ssh/deploy_key server1"),
     # `git apply --check` applies nothing, and "cleanly" says how, no cleaning (an unrelated NL2Bash `find` was offered)
     ("does fix.patch apply cleanly?", "git apply --check fix.patch"),
     ("which folders under /home hold the most files", "du --inodes -x /home | sort -n | tail -n 20"),  # was `grep -rl`
     ("run ./deploy.sh 30 minutes from now", "sleep 1800 && ./deploy.sh"),  # once, later: was `watch -n 1800 ./deploy.sh`
     # a number after ", like" is what the answer looks like: no value, nor a word to search by (`chmod 644` took it)
     ("octal permissions of deploy.sh, like 644", "stat -c '%a' deploy.sh"),
     ("kill whatever process is called gunicorn", "killall gunicorn"),  # "whatever" says nothing (was `kill -10 -gunicorn`)
     # a key's or certificate's place takes no device, folder or JSON file (was `curl -E /dev/nvme0 --key …`)
     ("SMART health of /dev/nvme0", "smartctl -H /dev/nvme0"),
     ("curl https://api.acme.io with client cert client.pem and key client.key",
      "curl -E client.pem --key client.key -k https://api.acme.io"),
     # a jq path as jq writes it is the whole filter (was `curl -E items.json --key '.items[].id'`, then `jq '.[].version'`)
     ("pull out .items[].id from items.json", "jq '.items[].id' items.json"),
     ("print .version from package.json", "jq -r '.version' package.json"),
     # "pinned to", "exactly" stand between a package and its version (was `pip install exactly==2.31.0`)
     ("pin requests to exactly 2.31.0", "pip install requests==2.31.0"),
     ("pip install requests, pinned to 2.31.0", "pip install requests==2.31.0"),
     # the branch said after "onto" is the new base (was `git rebase feature`)
     ("rebase my feature branch onto the latest main", "git rebase main"),
     ("rebase my feature branch onto main", "git rebase main"),
     # "one line per commit" says how each is shown, no count (was `git log --oneline -n 1`)
     ("git log, one line per commit", "git log --oneline"),
     ("show the last one line of app.log", "tail -n 1 app.log"),
     # a full path fetched "off" a machine is on that machine (was `curl -s {{https://example.com/api}} | jq .`)
     ("grab /var/log/app.log off prod1 into the current dir", "scp prod1:/var/log/app.log ."),
     # the keys that become a CSV's columns, said after "with"/"just" (was `jq -c 'select(.just == "id")'`)
     ("accounts.json → csv with just id and email", "jq -r '.[] | [.id, .email] | @csv' accounts.json"),
     ("users.json → csv with name and email columns", "jq -r '.[] | [.name, .email] | @csv' users.json"),
     ("list every port this box is listening on, with the program behind it", "ss -tlnp"),  # was `lsof -c behind`
     # both ends of a window, as clock times or said (was `--since '14:00 15:00'`: one date and time took both)
     ("myapp.service logs between 09:00 and 10:00 today", "journalctl -u myapp.service --since 09:00 --until 10:00"),
     ("what did nginx log between 2pm and 3pm today (journald)", "journalctl -u nginx --since 14:00 --until 15:00"),
     # a port with its protocol: a firewall rule keeps it, anything else takes the port (was `ufw allow {{port}}`)
     ("open 8443/tcp in ufw", "sudo ufw allow 8443/tcp"),
     ("what is listening on 8443/tcp", "lsof -i :8443"),
     ("resize all the jpgs in this folder to 800px wide", "mogrify -resize 800x *.jpg"),  # was `-resize {{1024}}x`
     ("sniff http traffic on eth0 port 80", "ngrep -d eth0 port 80"),  # a capture filter's port (was `port {{80}}`)
     ("make an alias called gs for git status", "alias gs='{{command}}'"),  # was `alias {{alias_name}}=…`
     # "log in to" a database is its client's login, no log of its service (was `journalctl -u mysql`)
     ("log in to mysql as root", "mysql -u root -p"),
     ("log in to postgres as postgres", "psql -U postgres {{database_name}}"),
     ("show mysql logs", "journalctl -u mysql"),
     # places in a recording, as said (was `-ss {{00:01:00}}`, and "1:00–2:30" no value at all)
     ("cut talk.mp4 down to 1:00–2:30, save as clip.mp4", "ffmpeg -ss 1:00 -to 2:30 -i talk.mp4 -c copy clip.mp4"),
     ("save one frame of movie.mp4 at 00:01:00 as a png", "ffmpeg -ss 00:01:00 -i movie.mp4 -frames:v 1 {{path/to/frame.png}}"),
     ("cut clip.mp4 from 0:30 to 1:15", "ffmpeg -ss 00:30 -to 01:15 -i clip.mp4 -c copy {{path/to/output.mp4}}"),
     # one file's lines against another's, nothing left out of a search (was `tail -n +2 emails_a.txt`)
     ("which lines are in emails_a.txt but not in emails_b.txt", "comm -23 <(sort emails_a.txt) <(sort emails_b.txt)"),
     ("grep TODO in src but not in node_modules", "grep -rn TODO . --exclude-dir=node_modules"),
     # a length of time as systemd writes one (was `--vacuum-size=4G`: the size that said how it is)
     ("journal is 4GB, delete everything older than 2 weeks", "sudo journalctl --vacuum-time=2weeks"),
     ("clean journal logs older than 10 days", "sudo journalctl --vacuum-time=10d"),
     # a locale is no file (was `sudo date en_US.UTF-8`)
     ("set the system locale to en_US.UTF-8", "localectl set-locale {{LANG}}=en_US.UTF-8"),
     ("generate the de_DE.UTF-8 locale", "sudo locale-gen de_DE.UTF-8"),
     # a message pasted in capitals is read as words (was `ssh -J 192.168.1.50 IDENTIFICATION`)
     ("REMOTE HOST IDENTIFICATION HAS CHANGED for 192.168.1.50, remove the old key", "ssh-keygen -R 192.168.1.50"),
     # a whole date said with its month's name (was `touch -c -r old.txt jan`)
     ("set old.txt's modified date to jan 1 2020", "touch -d '2020-01-01' old.txt"),
     ("what day of the week was 1 jan 2000", "date -d 2000-01-01 +%A"),
     # "to move to another host" says why, no place called move (was `docker save -o move myapp:1.4`)
     ("export image myapp:1.4 to a tarball to move to another host", "docker save -o image.tar myapp:1.4"),
     # found by the read-only check once holdout24 was answered at the round's end: a look answered with a
     # deletion (`docker system prune`: "build cache" read as the verb build) and a rehearsal with the real copy
     ("how much space is docker taking? images, containers, build cache", "docker system df"),
     ("dry run: what would rsync send from music/ to nas:/volume1/music", "rsync -avn music/ nas:/volume1/music"),
     ("rsync music/ to nas:/music", "rsync -avz music/ nas:/music"),
     # the load average's windows are no division nor path (the tests' index answered `crontab {{path/to/file}}`)
     ("box feels sluggish, what are the 1/5/15 minute load averages", "uptime"),
     ("what is 10/2/5", "echo $((10/2/5))")],
)
def test_round_twenty_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # "the sudoers group" is `sudo` (was `usermod -aG sudoers bob`: no such group)
     ("put bob in sudoers group", "sudo usermod -aG sudo bob"),
     ("add alice to the sudoers group", "sudo usermod -aG sudo alice"),
     # files where the example acts on folders, or the other way, do something else (was `rmdir photos`)
     ("delete empty files in photos", "find photos -type f -empty -delete"),
     ("clean out the broken symlinks in ~/bin", "find ~/bin -xtype l -delete"),  # was `find ~/bin -type d -empty -delete`
     ("allow ssh from 10.0.0.0/8 with ufw", "sudo ufw allow from 10.0.0.0/8 to any port 22 proto tcp"),  # was `ufw deny from …`: the other way
     ("block postgres from the outside with ufw", "sudo ufw deny 5432"),  # a firewall's port by its service's name
     ("allow bob to use docker", "sudo usermod -aG docker bob"),  # was `-aG sudo bob`
     ("follow the logs for sshd", "journalctl -u sshd -f"),  # was `tail -f {{path/to/file}}`
     # an at job is at's ("at" is a stop word: it was any job, `systemctl cancel`); a job's number fills its place
     ("cancel at job 7", "atrm 7"),
     ("how many subfolders in docs", "find docs -mindepth 1 -type d | wc -l"),  # was `find docs -type f | wc -l`
     ("count the directories under src", "find src -mindepth 1 -type d | wc -l"),
     # a folder a description says only as where ("under a folder, not the directories") turns nothing around (was `-type d`)
     ("make only the files in site 640, not the directories", "find site -type f -exec chmod 640 {} +"),
     ("set the files in www to 600 but leave folders alone", "find www -type f -exec chmod 600 {} +"),
     # an SQL file applied to a database is its client's job, never a reload of its service (was `systemctl reload mysql`)
     ("apply migrations.sql to the mysql db inventory as root", "mysql -u root -p inventory < migrations.sql"),
     ("apply migration.sql to mydb on mysql", "mysql -u {{user}} -p mydb < migration.sql"),
     # a database's software after "on" is no machine (was `scp migration.sql mysql:mydb`)
     ("load migration.sql into mydb on mysql", "mysql -u {{user}} -p mydb < migration.sql"),
     # a database by its name's shape, or said to be one (was `{{database_name}}`)
     ("how many rows in users? mysql db is app", "mysql app -e 'SELECT count(*) FROM users'"),
     ("list the tables in orders_db on postgres", "psql orders_db -c '\\dt'"),
     # a first clause that only says what was done, and words that only open, ask nothing (was `cp /mnt/backup ~/Desktop`)
     ("done copying, unmount /mnt/backup", "sudo umount /mnt/backup"),
     ("okay so what's on port 80", "lsof -i :80"),  # was `kill $(lsof -t -i :80 -sTCP:LISTEN)`: no look was read
     # a session said with its everyday name (was `{{session_name}}`)
     ("attach to tmux session work", "tmux attach -t work"),
     ("kill tmux session work", "tmux kill-session -t work"),
     # a width by a height fills the size; a crop keeps its offset, without which it cuts tiles (was `-crop {{640x480+0+0}} 400x300`)
     ("crop image.png to 400x300", "convert image.png -crop 400x300+0+0 {{path/to/output.png}}"),
     ("set the screen resolution to 1920x1080", "xrandr --output {{HDMI-1}} --mode 1920x1080"),
     ("create a system user for myapp", "sudo useradd -r myapp"),  # was `useradd -m system`: a sort of user, no name
     # a time zone by the place people name it by (was `{{Europe/Berlin}}`); elsewhere the place is a name
     ("switch this server to tokyo time", "sudo timedatectl set-timezone Asia/Tokyo"),
     ("switch the clock to New York time", "sudo timedatectl set-timezone America/New_York"),
     ("what time is it in london", "TZ=Europe/London date"),
     ("copy notes.txt to tokyo", "cp notes.txt tokyo"),
     # a deployment is kubectl's, said before or after its name (was `service api restart`, `rm web`)
     ("restart the deployment api", "kubectl rollout restart deployment api"),
     ("restart the api deployment", "kubectl rollout restart deployment api"),
     ("roll back the payments deployment", "kubectl rollout undo deployment payments"),
     ("delete the deployment web", "kubectl delete deployments web"),
     ("restart the api service", "sudo service api restart"),
     # "set the upstream" is the branch's tracking, no remote called upstream (was `git push -u upstream fix/typo`)
     ("push my new branch fix/typo and set the upstream", "git push -u origin fix/typo"),
     ("pull from upstream main", "git pull upstream main"),
     # a well-known account said where the request gives a group is the group (was `chown -R www-data:{{group}}`)
     ("change the group of uploads/ to www-data, recursively", "chgrp -R www-data uploads/"),
     ("upgrade only openssl", "sudo apt install openssl"),  # was `openssl passwd -5`
     # a folder said after "and put it" is on the host the copy goes to (was `scp dump.sql db1:`)
     ("scp dump.sql to db1 and put it in /tmp", "scp dump.sql db1:/tmp"),
     ("send backup.sql to my server 10.0.0.5, drop it in /tmp", "scp backup.sql 10.0.0.5:/tmp"),
     # a suite's subcommand said only inside a file's name is not said (was `git log --follow -- logs/app.log`)
     ("git log of app.py", "git log --follow -- app.py")],
)
def test_round_twenty_one_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


def test_a_subcommand_said_inside_a_file_name_names_no_suite(index):
    """"follow logs/app.log" says `log` only inside the file's name: no `git log --follow -- logs/app.log`."""
    assert not first(index, "follow logs/app.log but only show ERROR lines").startswith("git ")


def test_an_ip_placeholder_takes_the_address_whichever_order_the_request_says_them():
    """"map api.local to 127.0.0.1" wrote `echo 'api.local 127.0.0.1'` into /etc/hosts: a line it cannot read."""
    from nlshell.offline.slots import fill

    two = [Value("host", "myapp.local", 1), Value("host", "10.0.0.5", 3)]
    assert fill("echo '{{ip_address}} {{hostname}}' | sudo tee -a /etc/hosts", two).command == (
        "echo '10.0.0.5 myapp.local' | sudo tee -a /etc/hosts"
    )


def test_files_said_for_a_list_never_fill_the_output_too():
    """"merge a.pdf and b.pdf" was `pdfunite a.pdf b.pdf`, which writes over b.pdf, rated safe; "concatenate
    part1.mp4 and part2.mp4" was `cat part1.mp4 > part2.mp4`. The output, never said, stays to edit."""
    from nlshell.offline.slots import fill

    two = [Value("file", "a.pdf", 1), Value("file", "b.pdf", 3)]
    merged = fill("pdfunite {{path/to/file1.pdf path/to/file2.pdf ...}} {{path/to/output.pdf}}", two).command
    assert merged == "pdfunite a.pdf b.pdf {{path/to/output.pdf}}"
    assert fill("cp {{path/to/source}} {{path/to/target}}", two).command == "cp a.pdf b.pdf"  # two places: the last is where


def test_what_a_person_just_made_is_an_aside():
    """"the commit message i just made" put "i just made" into `git commit -m`."""
    from nlshell.offline.asides import without_asides

    assert without_asides("typo in the commit message i just made") == "typo in the commit message"


def test_a_bunch_or_lots_names_nothing():
    """"jupyter left a bunch hanging" got `killall bunch`."""
    from nlshell.offline.values import request_values

    for request_ in ("kill all my python processes, jupyter left a bunch hanging", "kill node, there are lots of them"):
        assert not {"bunch", "lots"} & {v.text for v in request_values(request_)}, request_


def test_a_placeholder_said_twice_takes_one_value_and_a_backup_keeps_its_suffix():
    """`cp {{path/to/file}} {{path/to/file}}.bak` given nginx.conf was `cp nginx.conf nginx.conf` (the
    value's extension took the place of `.bak`), and given two files put the second in the copy."""
    from nlshell.offline.slots import fill

    assert fill("cp {{path/to/file}} {{path/to/file}}.bak", [Value("file", "nginx.conf", 0)]).command == "cp nginx.conf nginx.conf.bak"
    two = [Value("file", "a.txt", 0), Value("file", "b.txt", 1)]
    assert fill("cp {{path/to/file}} {{path/to/file}}.bak", two).command == "cp a.txt a.txt.bak"


def test_the_account_of_the_web_server_is_a_user_wherever_it_stands(index):
    from nlshell.offline.request import read_request

    read = read_request(index, "what is www-data running right now")
    assert [(v.kind, v.text) for v in read.values] == [("user", "www-data")]  # was none: `curl www.google.com | md5`


@pytest.mark.parametrize("request_", ["print the sshd unit as systemd reads it, with drop-ins", "list the vscode add-ons"])
def test_a_noun_made_of_a_verb_and_a_particle_asks_no_change(request_):
    """"…, with drop-ins" read "drop" as a clause's verb: a look got `sudo systemctl edit nginx` (caution)."""
    from nlshell.offline.intent import intent

    assert intent(request_) == READ


@pytest.mark.parametrize("request_", ["new to ubuntu: how can i see which partitions i have", "new here, how do i list my disks"])
def test_a_person_new_to_something_asks_no_change(request_):
    """"new to linux: how do i see …" read as "new X" (a thing to create), so a look could get a remount."""
    from nlshell.offline.intent import intent

    assert intent(request_) == READ


@pytest.mark.parametrize(
    ("request_", "intended"),
    [
        # a step said for later is not this one's (got `sudo ufw delete {{rule_number}}`)
        ("I want to delete the ufw rule 'allow 8080' later, first show it with its index", READ),
        ("delete old logs later tonight", CHANGE),  # one clause: the step is the one asked
        # what a program would do, asked before running it (got `shred -u site.zip`, dangerous)
        ("would unzip clobber anything? list site.zip's contents first", READ),
        ("would you delete old.log?", CHANGE),  # asked of the tool: an order
        # a question whose one changing word is ruled out ("not attached") asks to see
        ("volumes not attached to any container - which ones?", READ),
        # a spaced dash parts clauses; the look is the one verb left once "don't clear" is ruled out
        ("chattr flags on /var/log/audit/audit.log - show them, don't clear", READ),
    ],
)
def test_what_a_request_only_mentions_doing_is_not_what_it_asks(request_, intended):
    """Round twenty-five's read-only development table (everyday_dev10.tsv): read-only requests that
    mention a change got answers that make it."""
    from nlshell.offline.intent import intent

    assert intent(request_) == intended


@pytest.mark.parametrize(
    "request_",
    ["I want to delete the ufw rule 'allow 8080' later, first show it with its index",
     "would unzip clobber anything? list site.zip's contents first",
     "chattr flags on /var/log/audit/audit.log - show them, don't clear",
     "running time of podcast_ep12.m4a in seconds"],  # "running time" is how long it plays (was `sudo date …`)
)
def test_a_look_that_mentions_a_change_gets_a_safe_answer(index, request_):
    try:
        found = answers(index, request_)[0]
    except NoOfflineAnswerError:
        return
    assert risk_of(found.command)[0] == "safe", found.command


def test_a_value_with_its_own_sign_replaces_the_examples():
    """`-size +{{1G}}` given -1k is `-size -1k`, never `+-1k`."""
    from nlshell.offline.slots import fill

    assert "-size -1k" in fill("find . -type f -size +{{1G}}", [Value("size", "-1k", 0)]).command


def test_an_option_placeholder_takes_no_value():
    """tldr's `grep {{--context}} 3`: which option to give; "con*text*" made it take a pattern (`grep -n def 3`)."""
    from nlshell.offline.slots import placeholder_kind

    assert placeholder_kind("--context") == "" and placeholder_kind("-1k") == "size"


@pytest.mark.timeout(600)  # some 3,500 requests answered: minutes on a loaded machine
def test_held_out_everyday_requests_are_answered_as_a_person_would_accept(index):
    """tests/data/everyday_holdout30.tsv and everyday_holdout30b.tsv (185 and 154 requests, checked by
    their writers against every other table: the long tail, most everyday wordings being taken) were
    written blind before the twenty-ninth round and never tuned on (see benchmarks/RESULTS.md for their
    figures at the round's base and end; 75% / 49% and 78% / 60% with the tests' typical desktop at its
    end). holdout29 and holdout29b (round twenty-eight's) were measured, not tuned on, this round;
    holdout28 and holdout28b are tuned on from it. everyday_dev10.tsv: read-only requests phrased near
    changing ones, for tuning. The goals are 90% and 85%: the floors only catch a collapse."""
    floors = {
        "everyday-holdout30": (0.71, 0.45),
        "everyday-holdout30b": (0.74, 0.55),
        "everyday-holdout29": (0.75, 0.47),
        "everyday-holdout29b": (0.73, 0.54),
        "everyday-holdout28": (0.71, 0.46),
        "everyday-holdout28b": (0.72, 0.46),
        "everyday-holdout27": (0.72, 0.55),
        "everyday-holdout27b": (0.74, 0.50),
        "everyday-holdout26": (0.66, 0.46),
        "everyday-holdout26b": (0.63, 0.38),
        "everyday-dev10": (0.70, 0.62),
        "everyday-holdout25": (0.83, 0.72),
        "everyday-holdout25b": (0.80, 0.67),
        "everyday-holdout24": (0.85, 0.70),
        "everyday-holdout24b": (0.86, 0.72),
        "everyday-holdout23": (0.88, 0.83),
        "everyday-holdout23b": (0.90, 0.83),
        "everyday-holdout22": (0.91, 0.85),
        "everyday-holdout22b": (0.88, 0.85),
        "everyday-holdout21": (0.88, 0.80),
        "everyday-holdout21b": (0.87, 0.82),
        "everyday-holdout20": (0.91, 0.86),
        "everyday-holdout20b": (0.91, 0.84),
        "everyday-dev9": (0.91, 0.86),
        "everyday-holdout19": (0.93, 0.90),
        "everyday-holdout19b": (0.90, 0.87),
        "everyday-dev8": (0.95, 0.93),
        "everyday-holdout18": (0.92, 0.86),
        "everyday-dev7": (0.89, 0.80),
        "everyday-holdout17": (0.81, 0.72),
        "everyday-dev6": (0.90, 0.82),
        "everyday-holdout16": (0.92, 0.80),
        "everyday-dev5": (0.91, 0.86),
        "everyday-holdout15": (0.90, 0.85),
        "everyday-holdout15b": (0.86, 0.75),
        "everyday-dev4": (0.89, 0.80),
        "everyday-holdout14": (0.89, 0.78),
        "everyday-holdout14b": (0.87, 0.80),
        "everyday-dev3": (0.83, 0.71),
        "everyday-holdout13": (0.82, 0.70),
        "everyday-dev2": (0.86, 0.77),
        "everyday-holdout12": (0.90, 0.83),
        "everyday-holdout11": (0.90, 0.88),
        "everyday-holdout10": (0.89, 0.82),
        "everyday-holdout9": (0.88, 0.80),
        "everyday-holdout8": (0.85, 0.75),
        "everyday-holdout7": (0.85, 0.8),
        "everyday-holdout6": (0.85, 0.8),
        "everyday-holdout5": (0.82, 0.75),
        "everyday-holdout4": (0.85, 0.8),
    }
    for name, (program, acceptable) in floors.items():
        score = table_score(index, name)
        assert score.n >= 125
        assert score.right_program >= program and score.acceptable >= acceptable, (name, score)


def test_the_earlier_held_out_table_stays_answered(index):
    """everyday_holdout3.tsv, held out in round two (73% and 53% then), tuned on since (87%, 84%)."""
    score = table_score(index, "everyday-holdout3")
    assert score.right_program >= 0.8 and score.acceptable >= 0.75, score


def test_the_tables_tuned_on_give_acceptable_commands(index):
    """everyday_accept.tsv, held out in the first round and tuned on since (measured: 92%, 72%)."""
    score = table_score(index, "everyday-accept")
    assert score.right_program >= 0.85 and score.acceptable >= 0.65, score


@pytest.mark.parametrize(("name", "floor"), [("everyday", 0.85), ("everyday-dev", 0.85)])
def test_the_tables_tuned_on_stay_right(index, name, floor):
    assert table_score(index, name).right_program >= floor


# -- the offline matches given to the model ---------------------------------------------------


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("tail -n {{count}} {{path/to/file}}", "tail -n COUNT FILE"),
        ("cat {{path/to/file1 path/to/file2 ...}}", "cat FILES"),
        ("find {{path/to/directory}} -name '{{*.ext}}' -mtime {{+7}} -type {{f}}", "find DIRECTORY -name '*.ext' -mtime +7 -type f"),
        ("curl -O {{https://example.com/file.zip}}", "curl -O URL"),
        ("lsof -i :{{port}}", "lsof -i :PORT"),
        ("sudo shutdown +{{minutes}}", "sudo shutdown +MINUTES"),  # a length of time, named by its unit
        ("readlink -f {{path/to/symlink}}", "readlink -f LINK"),
        ("ls", "ls"),
    ],
)
def test_references_use_the_prompts_placeholders(command, shown):
    assert references.capitals(command) == shown


def test_references_are_few_distinct_and_short(index):
    found = references.references(index, "find files older than 7 days and delete them")
    assert 1 <= len(found) <= references.MAX_REFERENCES
    assert len({r.program for r in found}) == len(found)
    assert sum(len(r.line()) for r in found) // references.CHARS_PER_TOKEN <= references.TOKEN_BUDGET
    assert found[0].program == "find" and "-mtime +7" in found[0].command and "{{" not in found[0].line()
    assert references.references(index, "zzqxv qqqzzx") == []


def test_references_come_from_three_pages_even_when_the_first_has_many_safe_examples(index):
    """`ps` alone has a dozen safe examples for "show running processes"; the model still gets
    the best of three different pages."""
    found = references.references(index, "show running processes")
    assert len({r.program for r in found}) == references.MAX_REFERENCES == 3


def test_references_for_a_read_only_request_only_read(index):
    for reference in references.references(index, "which process uses port 5432"):
        assert risk_of(reference.command)[0] == "safe", reference


# -- through the CLI and the pipeline ----------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [("make a directory called photos", "mkdir photos\n"), ("show the last 20 lines of app.log", "tail -n 20 app.log\n")],
)
def test_with_no_key_the_cli_prints_what_was_asked(nlshell, request_text, printed):
    r = nlshell("-p", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r
    assert "offline suggestion" in r.stderr


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("rename the folder drafts to archive", "mv drafts archive\n"),
        ("make the nested folders src/main/java", "mkdir -p src/main/java\n"),
        ("find files in /tmp not accessed for 30 days", "find /tmp -type f -atime +30\n"),
        ("print the first column of users.csv separated by commas", "cut -d , -f 1 users.csv\n"),
        ("ssh into 10.0.0.5 as the user deploy", "ssh deploy@10.0.0.5\n"),
        ("show what changed in commit a1b2c3d", "git show a1b2c3d\n"),
        ("create an alias gs for git status", 'alias gs="git status"\n'),
        ("move notes.txt to the parent folder", "mv notes.txt ..\n"),
        # the words people use at a terminal (nlshell/data/words.tsv) meet the descriptions' words
        ("get rid of build.log, I don't need it", "rm build.log\n"),
        ("whats my username", "whoami\n"),
        ("peek into logs.gz without decompressing it", "zcat logs.gz\n"),
        ("what's the difference between a.txt and b.txt", "diff a.txt b.txt\n"),
        ("can I reach 192.168.1.1?", "ping -c 4 192.168.1.1\n"),
        ("print file.txt backwards", "tac file.txt\n"),
        ("keep an eye on app.log", "tail -f app.log\n"),
        ("add up the numbers in values.txt", "awk '{sum += $1} END {print sum}' values.txt\n"),
        ("whats eating all the space in /var", "du -h --max-depth=1 /var | sort -rh | head -n 10\n"),
        ("what's 1512 divided by 8", "echo $((1512/8))\n"),
        ("make www-data the owner of /var/www/site and everything inside it", "sudo chown -R www-data /var/www/site\n"),
        ("add a line saying buy milk to the end of todo.txt", "echo 'buy milk' >> todo.txt\n"),
        ("get the version field out of package.json", "jq '.version' package.json\n"),
        ("show the date in a week", "date -d '+1 week'\n"),
        # plain words that read otherwise: a file printed out, a program's use, a rank, a wish, a denial
        ("print out todo.txt", "cat todo.txt\n"),
        ("what does the ls command do", "man ls\n"),
        ("top 5 processes by memory", "ps aux --sort=-%mem --no-headers | head -n 5\n"),
        ("I need data.csv.gz uncompressed", "gzip -d data.csv.gz\n"),
        ("does config.ini say anything about debug", 'grep "debug" config.ini\n'),
        # jobs only nlshell's own examples do, or do in the words people ask in (nlshell/data/examples-*.tsv)
        ("print out readme.txt", "cat readme.txt\n"),
        ("which version of git do i have", "git --version\n"),
        ("show the git log as a graph", "git log --oneline --graph --all\n"),
        ("list files tracked by git", "git ls-files\n"),
        ("show the commits since yesterday", "git log --since=yesterday\n"),
        ("drop a stash", "git stash drop\n"),
        ("create a patch from the last commit", "git format-patch -1 HEAD\n"),
        ("show memory info in detail", "cat /proc/meminfo\n"),
        ("strip the color codes from build.log", "sed 's/\\x1b\\[[0-9;]*[mK]//g' build.log\n"),
        ("show the compression ratio of logs.gz", "gzip -l logs.gz\n"),
        ("print every other line of data.txt", "awk 'NR % 2 == 1' data.txt\n"),
        ("extract the urls from page.html", "grep -oE 'https?://[^[:space:]\"<>]+' page.html\n"),
        ("count the processes of each user", "ps -eo user= | sort | uniq -c | sort -rn\n"),
        # the words of questions people ask in forums
        ("check sha256 of ubuntu.iso", "sha256sum ubuntu.iso\n"),
        ("which folders take the most space", "du -sh */ | sort -rh | head\n"),
        ("view the large file server.log page by page", "less server.log\n"),
        # a pattern is never where things go: the loop that renames each file, not `mv *.txt *.md`
        ("rename all .txt files to .md", 'for f in *.txt; do mv -- "$f" "${f%.txt}.md"; done\n'),
        # how hard to compress, and the files one operand placeholder lists
        ("compres huge.csv as small as posible", "gzip -9 huge.csv\n"),
        ("zip up report.docx and slides.pptx into handout.zip", "zip handout.zip report.docx slides.pptx\n"),
        ("move src and docs into old", "mv src docs old\n"),
        ("replace tabs with spaces in data.tsv", "tr < data.tsv '\\t' ' '\n"),
        ("stage all my changes and commit them as fix typo", 'git add -A && git commit -m "fix typo"\n'),  # both jobs, new files too
        ("what day of the week was 2000-01-01", "date -d 2000-01-01 +%A\n"),
        # everyday text jobs in the words people type them (nlshell/data/examples-text.tsv)
        ("count duplicate lines in log.txt", "sort log.txt | uniq -c | sort -nr\n"),
        ("lowercase the file shout.txt", "tr '[:upper:]' '[:lower:]' < shout.txt\n"),
        ("lines in access.log that contain 404", "grep '404' access.log\n"),
        ("how many unique lines in users.txt", "sort -u users.txt | wc -l\n"),
        ("show lines not matching INFO in app.log", "grep -v 'INFO' app.log\n"),
        ("make names.txt all caps", "tr '[:lower:]' '[:upper:]' < names.txt\n"),
        # everyday git jobs in the words people type (nlshell/data/examples-dev.tsv)
        ("uncommit but keep my edits", "git reset --soft HEAD~1\n"),
        ("history of changes to app.py", "git log -p --follow -- app.py\n"),
        ("find the commit that added the word TODO", "git log -S 'TODO'\n"),
        ("i lost a commit, find it", "git reflog\n"),
        # everyday jobs in a person's register (the blocks "in the words people type at a terminal")
        ("look for the string connect_db across the codebase", "grep -rn 'connect_db' .\n"),
        ("how many megs is the project folder", "du -sh project\n"),
        ("what did commit abc123 change", "git show abc123\n"),
        # the machine and the shell asked as people ask (examples-system/-users.tsv)
        ("what time did it last restart", "uptime -s\n"),
        ("is anybody else on this server", "who\n"),
        ("last 100 lines of syslog", "tail -n 100 /var/log/syslog\n"),
        ("what is JAVA_HOME set to", "printenv JAVA_HOME\n"),
    ],
)
def test_the_cli_puts_the_requests_values_where_they_belong(nlshell, request_text, printed):
    """Values in their places, and requests in everyday words answered as the descriptions' words."""
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


def test_names_in_the_current_directory_fill_the_command(nlshell, isolated_home):
    (isolated_home.parent / "work" / "notes").write_text("a\nb\n")
    r = nlshell("--json", "--offline", "count the lines in notes")
    shown = json.loads(r.stdout)
    assert (shown["command"], shown["risk"], shown["valid"]) == ("wc -l notes", "safe", True), r


def test_an_unfilled_placeholder_stays_for_the_edit_step(nlshell):
    from nlshell.offline import first_placeholder

    command = json.loads(nlshell("--json", "--offline", "find files bigger than 1 gigabyte").stdout)["command"]
    assert command.startswith("find {{path/to/directory}}") and "-size +1G" in command
    assert first_placeholder(command) == (5, 5 + len("{{path/to/directory}}"))


def test_a_read_only_request_with_only_changing_answers_is_refused(monkeypatch):
    from nlshell import config
    from nlshell.errors import EXIT_REFUSED
    from nlshell.pipeline import Pipeline

    monkeypatch.setattr(answer, "rank", lambda *args, **kwargs: [hit("rm -rf ~/old", "rm", 1.0)])
    pipeline = Pipeline(config.load({}))
    with pytest.raises(NoReadOnlyAnswerError) as raised:
        pipeline.offline("show my old files")
    pipeline.close()
    assert raised.value.exit_code == EXIT_REFUSED
    assert pipeline.offline_hint("show my old files") is None  # the network-down hint offers nothing either


def model_request(fake_server, nlshell, server_env, request_text: str, **env) -> str:
    fake_server.reply("tail -n 20 app.log")
    r = nlshell("-p", "--no-cache", request_text, env={**server_env, **env})
    assert r.returncode == 0, r
    return fake_server.chat_requests[-1].json["messages"][0]["content"]


def test_the_model_gets_the_best_offline_matches(fake_server, nlshell, server_env):
    system = model_request(fake_server, nlshell, server_env, "show the last 20 lines of app.log")
    heading, _, lines = system.partition("Documented commands that may fit this request")
    assert heading and lines
    listed = [line for line in lines.splitlines()[1:] if line.startswith("- ")]
    assert 1 <= len(listed) <= 3
    assert listed[0].startswith("- tail") and listed[0].endswith("tail -n 20 app.log")
    assert len("\n".join(listed)) // 4 <= 300


def test_a_setting_turns_the_offline_matches_off(fake_server, nlshell, server_env, tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text("[prompt]\noffline_examples = false\n")
    system = model_request(fake_server, nlshell, server_env, "show the last 20 lines of app.log",
                           NLSHELL_CONFIG=str(config_file))
    assert "Documented commands" not in system


def test_the_first_model_request_builds_the_index_it_needs(fake_server, nlshell, server_env, offline_index):
    offline_index.unlink()
    system = model_request(fake_server, nlshell, server_env, "show the last 20 lines of app.log")
    assert "tail -n 20 app.log" in system and offline_index.exists() and not offline_index.is_symlink()


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("take the compose stack down", "docker compose down"),  # "take … down" was no verb: it got `compose restart`
        ("pop my stash back", "git stash pop"),  # "pop" was no verb: a safe `git stash show -p` came first
        ("server uptime", "uptime -p"),  # "uptime" after "server" was a host: `ssh uptime 'df -h'`
        ("when was notes.txt last modified", "stat -c '%y' notes.txt"),  # "when" was a stop word: `ls -tl`
        ("how many 404s in access.log", "grep -c '404' access.log"),  # it got `wc -w access.log`
        ("grep the 502s out of /var/log/nginx/access.log", 'grep "502" /var/log/nginx/access.log'),  # was `grep -v '^$'`
        # whether an address answers: a web address by a request, a machine by a ping
        ("is localhost:3000 up", "curl -I http://localhost:3000"),  # it got `stripe logs tail`
        ("is 10.0.0.5 reachable", "ping -c 4 10.0.0.5"),
        # a file to edit opens in the editor every machine has ("edit /etc/hosts" got `find -mmin`)
        ("edit /etc/hosts", "nano /etc/hosts"),
        ("need to edit config.yaml", "nano config.yaml"),
        ("back up app.conf as app.conf.bak before I edit it", "cp app.conf app.conf.bak"),
        ("edit my crontab", "crontab -e"),
    ],
)
def test_everyday_words_that_say_the_job(index, request_text, command):
    assert first(index, request_text) == command


def test_asking_whether_a_variable_is_set_never_sets_or_unsets_it(index):
    """"is DATABASE_URL set" asks; "set" after the name names no variable to set (it got `export -n DATABASE_URL`)."""
    assert "export" not in answers(index, "is DATABASE_URL set in this shell")[0].command


@pytest.mark.parametrize(("request_", "wanted"), [
    ("dry run: what would rsync copy from a/ to b/", "read"),
    ("do a dry-run of the cleanup", "read"),
    ("what would git clean delete", "read"),
    ("images, volumes, build cache: what takes the space", "read"),
    ("build the docker image", "change"),
    ("clear the build cache", "change"),
    ("rsync photos/ to nas:/photos", "change"),
])
def test_a_rehearsal_is_a_look_and_a_name_made_with_a_verb_is_no_verb(request_, wanted):
    """A dry run changes nothing ("dry run: what would rsync copy" got the copy itself), "build
    cache" in a list is a name (a look got `docker system prune`), and a copy program said as the
    verb copies (so its dry run is no safer way of it)."""
    from nlshell.offline.intent import intent

    assert intent(request_) == wanted



@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # two words joined by a slash are no file: no client certificate `curl -E rx/tx` for interface counters
     ("rx/tx errors and drops on wlp2s0?", "ip -s link show wlp2s0"),
     # a home folder said whole is a folder: no archive listing `tar -tf ~/Downloads | wc -l`; "top level only"
     ("number of files in ~/Downloads, top level only", "find ~/Downloads -maxdepth 1 -type f | wc -l"),
     ("list the top level keys of data.json", "jq 'keys' data.json"),  # was `jq '.level'`: "top level" names no key
     # "chars" are characters: lines longer than N, not the first N lines (was `head -n 120 parser.c`)
     ("lines longer than 120 chars in parser.c", "awk 'length > 120' parser.c"),
     ("lines in app.py longer than 100 chars", "awk 'length > 100' app.py"),
     # a program said first is the program, and the word after it its database: no `rm -r pg_dump` ("crm" no misspelt rm)
     ("pg_dump crm in custom format to crm.dump", "pg_dump -Fc crm -f crm.dump"),
     ("measure bandwidth to 10.0.0.9 with iperf3", "iperf3 -c 10.0.0.9"),  # was `curl -o /dev/null … https://10.0.0.9`
     # a crontab's sample line is no command (was `30 2 * * Fri /etc/crontab`, a program named 30)
     ("what's scheduled in /etc/crontab", "crontab -l"),
     # a look whose top page only writes (ffmpeg's forty-odd examples) sees the best of each other page (was no answer)
     ("which audio tracks does movie.mkv have", "ffprobe -hide_banner -show_streams movie.mkv"),
     # the program said first answers, in its own safe way (was `jq '.level = "error"'`, a change, after
     # "pg_dump …" was made to keep pg_dump over pg_restore)
     ("jq filter events.json to the entries where level is error", "jq '.[] | select(.level == \"error\")' events.json"),
     # what an archive is "of" goes into it (was `zip -r {{path/to/target.zip}} {{path/to/directory}}`)
     ("create a zip archive of docs", "zip -r docs.zip docs"),
     ("create a tarball of docs", "tar -czf docs.tar.gz docs"),
     ("extract movies.rar", "unrar x movies.rar"),  # was `rar a -v{{50M}} -R movies.rar …`: rar's "self-extracting"
     ("log in to postgres as postgres", "psql -U postgres {{database_name}}"),  # the server's name is no database
     # a file copied or deleted whole asks nothing of its format (was `gzip -{{1..9}} -c backup.tar.gz > /mnt/backup`,
     # `zip -d old.zip …`); one taken out of an archive does
     ("copy backup.tar.gz to /mnt/backup", "cp backup.tar.gz /mnt/backup"),
     ("delete old.zip", "rm old.zip"),
     ("remove notes.txt from old.zip", "zip -d old.zip notes.txt"),
     ("ssh into web1 using deploy_key", "ssh -i deploy_key web1"),  # a key by its name (was `ssh deploy_key@web1`)
     # "to include" says what PATH gains, no value `include` (was `export PATH=include`); a home folder
     # beside an expanded variable is $HOME: in quotes a tilde stays a tilde
     ("set PATH to include ~/bin", 'export PATH="$PATH:$HOME/bin"'),
     ("add ~/bin to my PATH", 'echo \'export PATH="$PATH:$HOME/bin"\' >> ~/.bashrc'),
     ("show docker logs for web", "docker logs {{container_name}}"),  # docker's own logs command (was `journalctl -u docker`)
     # a find that picks what is then deleted asks the deletion (was the example that gzips them)
     ("find all .log files older than 7 days and delete them", "find {{path/to/directory}} -type f -mtime +7 -name '*.log' -delete"),
     # a folder "called" a snake_case name is the folder's name, no name in code (was `unzip site.zip`,
     # `sed -i '/old_stuff/d' {{path/to/file}}`)
     ("unzip site.zip into a folder called site_old", "unzip site.zip -d site_old"),
     ("delete the folder called old_stuff", "rm -r old_stuff"),
     ("cancel at job number 4", "atrm 4"),  # was `atrm {{job_number}}`
     # a share said with % (was `find {{path/to/directory}} -perm 240`); a sum with decimals is bc's, not an
     # NL2Bash row of echo's page (was `echo "a" | md5sum`)
     ("calculate 15% of 240", "echo $((15*240/100))"),
     ("whats 12.5% of 80", "echo '12.5*80/100' | bc -l"),
     ("what is 7.5 * 6", "echo '7.5*6' | bc -l"),
     # folders every tool makes are folders (was `rm node_modules`, which refuses a folder)
     ("nuke node_modules", "rm -r node_modules"),
     ("remove .venv", "rm -r .venv"),
     # a situation before one thing to see (was `ps aux --sort=-%mem`: "slow" stayed a search word)
     ("my laptop is slow, what's using cpu", "ps aux --sort=-%cpu | head"),
     ("make it so nginx starts on boot", "sudo systemctl enable nginx"),  # "make it so" opens, asks nothing
     ("copy the id_rsa.pub to clipboard", "wl-copy < id_rsa.pub"),  # the clipboard is no file (was `cp id_rsa.pub clipboard`)
     # "the python script scraper.py" names that script, no pattern of every python script (was `pkill -f *.py`,
     # once a script of one language stopped filling another's interpreter place)
     ("stop the python script scraper.py", "pkill -f scraper.py"),
     ("start nightly_sync.sh and give me my prompt back", "nohup ./nightly_sync.sh &"),  # not `nohup python3 nightly_sync.sh`
     # a dotted extension after "every" is a pattern, and "should end in .jpg" the new one (was
     # `rename 's/\.jpg$/.jpg/' .jpeg`)
     ("rename every .jpeg in here to .jpg", "rename 's/\\.jpeg$/.jpg/' *.jpeg"),
     ("bulk rename: every .jpeg in this folder should end in .jpg", "rename 's/\\.jpeg$/.jpg/' *.jpeg"),
     ("nuke node_modules in every project under ~/code", "find ~/code -type d -name node_modules -prune -exec rm -rf {} +"),
     ("boot takes forever, what's slow", "systemd-analyze blame")],  # how the situation's own thing is
)
def test_round_twenty_four_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    "typed",
    ["chown -R www-data /var/www", "docker compose up -d", "tail -f app.log", "sudo apt install -y nginx curl",
     "find . -name '*.py' -mtime -7", "git log -p main", "rm -rf ./build",
     # a suite's subcommand said second needs no option (was `git push --tags`, `git status -s`)
     "git push", "git status", "git checkout main", "kubectl get pods"],
)
def test_a_request_that_is_a_command_is_answered_as_typed(index, typed):
    """"chown -R www-data /var/www" was answered `sudo chown www-data /var/www`: the nearest example
    without the -R the user typed. The caller rates and confirms it as any answer."""
    found = answers(index, typed)
    assert [a.command for a in found] == [typed] and found[0].hit.source == "typed"


@pytest.mark.parametrize(
    ("request_", "not_typed"),
    [("ls -lt newest first", "ls -lt newest first"), ("grep -r TODO in src", "grep -r TODO in src"),
     ("ls -la but only directories", "ls -la but only directories"), ("tail -f app.log, only errors", None),
     ("what does ls -la do?", None), ("frobnicate -x widget", None),
     ("git log last week", "git log last week"), ("docker ps all", "docker ps all"),
     ("pip install django 4.2", "pip install django 4.2")],  # a version said as a word: `django==4.2`
)
def test_a_request_that_only_mentions_options_is_read_as_words(index, request_, not_typed):
    """Two plain words besides the program's own, a word of the language, a question, a comma, or a
    program nobody has: a request, answered from the examples."""
    from nlshell.offline.typedcommand import typed_command

    assert typed_command(index, request_) is None
    try:
        found = answers(index, request_)
    except NoOfflineAnswerError:
        return
    assert found[0].hit.source != "typed" and found[0].command != not_typed


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # a dashed name with a number is a name (was `git push -u origin {{branch_name}}`); a host "on" one is
     # still the host, and "sha-256" a word
     ("push hotfix-22 to origin and set it as upstream", "git push -u origin hotfix-22"),
     ("tail the app log on prod-2 over ssh", "ssh prod-2 'tail -f {{path/to/file}}'"),
     ("hash it with sha-256", "sha256sum {{path/to/file}}"),
     # a dotted name before "service" is the service, no file (was `sudo service {{service}} restart`)
     ("restart the php8.2-fpm service", "sudo service php8.2-fpm restart"),
     ("pandas is acting weird, what version got installed in this venv", "pip show pandas"),
     ("mask snapd so nothing can start it", "systemctl mask snapd"),  # a daemon is no misspelt `snap`
     ("apt keeps saying unmet dependencies, try to fix the broken packages", "sudo apt --fix-broken install"),
     # what a package manager keeps is no package (was `sudo apt remove cache`)
     ("clear out the apt package cache", "sudo apt clean"),
     # output kept in a file: the job, written there (was `make > etc.txt 2>&1`); a download writes itself
     ("list the files in /etc and save the output to etc.txt", "ls /etc > etc.txt"),
     ("grep ERROR in app.log and save the results to errors.txt", 'grep "ERROR" app.log > errors.txt'),
     ("download https://example.com/a.json and save it to a.json", "curl -L -o a.json https://example.com/a.json"),
     # a grep over a type's files "in the repo" goes down the tree (was `grep -n 'TODO' *.py`, the top folder's)
     ("grep TODO in every python file in the repo, with line numbers", "grep -rn --include='*.py' 'TODO' ."),
     ("find every TODO in the python files under src, with line numbers", "grep -rn --include='*.py' 'TODO' src"),
     # commits on one branch and not another (was `git switch -`); this branch's past another
     ("what commits are on develop but not on main", "git log --oneline main..develop"),
     ("which commits do I have that origin/main doesn't", "git log --oneline origin/main..HEAD"),
     ("what would git rebase main replay - list my commits that arent on main", "git log --oneline main..HEAD")],
)
def test_round_twenty_five_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


def test_a_look_whose_output_is_kept_writes_and_is_no_look(index):
    """"list the files in /etc and save the output to etc.txt" writes etc.txt: rated as a write and
    said as a change, never offered as a safe look."""
    found = answers(index, "list the files in /etc and save the output to etc.txt")[0]
    assert found.intent == CHANGE and found.risk is None
    assert risk_of(found.command)[0] != "safe" and writes_files(found.command)


def test_a_fact_asked_with_give_me_the_is_a_look(index):
    """"give me the exact date+time the machine came up" was read as a change ("give", as in "give bob
    sudo") and got `rsync -avz --delete {{path/to/source}}/ came:{{path/to/target}}`, dangerous; found
    when round twenty-four's held-out tables joined the read-only check."""
    found = answers(index, "give me the exact date+time the machine came up")[0]
    assert risk_of(found.command)[0] == "safe" and found.intent == READ
    assert first(index, "give me the last 20 lines of app.log") == "tail -n 20 app.log"


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # the screen or the terminal is wiped clean, no file (was `shred -vu {{path/to/file}}`, dangerous)
     ("wipe the screen", "clear"),
     ("wipe the terminal", "clear"),
     ("wipe the terminal history", "history -c && history -w"),
     # a state after a thing's noun is no name (was `lsmod | grep loaded`; `echo $?` for br_netfilter)
     ("is the nvidia module loaded", "lsmod | grep nvidia"),
     ("is the br_netfilter module loaded", "lsmod | grep br_netfilter"),
     # a step said to come only comments (was `service nginx status`: "reloading" outweighed the check)
     ("verify the nginx config syntax before reloading", "nginx -t"),
     ("stop nginx before upgrading it", "sudo systemctl stop nginx"),  # what is asked first stays asked
     # a check that a thing is not in a state finds it either way (was `unzip -l`: the negation turned the test away)
     ("check that archive.zip isn't corrupted", "unzip -t archive.zip"),
     # a process's role is no name (was `pgrep -a master`); a service account named by a verb is named
     ("pid of the nginx master process?", "pgrep -a nginx"),
     ("which groups is the deploy user in", "groups deploy"),
     ("is the deploy account a member of docker already?", "groups deploy"),
     # a rehearsal of pkill is the pgrep that finds the same processes (was `pkill`'s page's `pgrep '{{process_name}}'`)
     ("what would pkill -f gunicorn hit", "pgrep gunicorn"),
     # a rehearsal already written is the one asked for (was a pull from `{{host}}:photos/`, rehearsed)
     ("dry run: rsync photos/ to /mnt/backup/photos, show what would change", "rsync -avn photos/ /mnt/backup/photos"),
     # a name made in every folder under a place is no path in it (was `find assets/.gitkeep -type d …`)
     # a command with nothing left to fill goes first only if it keeps what was said (was `scp backup.tar.gz 10.1.1.9:`)
     ("copy backup.tar.gz to ops@10.1.1.9", "scp backup.tar.gz ops@10.1.1.9:{{path/to/directory}}"),
     # a database named like a gerund, last in the request, is named (was `{{database_name}}`)
     ("dump just the schema of the postgres db billing", "pg_dump --schema-only billing > {{path/to/file.sql}}"),
     # things named with no verb and an attribute of theirs are a look (found by the read-only check once
     # holdout27b was answered at the round's end: "… and their permissions" got `chmod +x`, caution)
     ("files in /var/www and their owners", "ls -l /var/www"),
     ("make a file called .gitkeep in every empty folder under assets", "find assets -type d -empty -exec touch {}/.gitkeep \\;")],
)
def test_round_twenty_six_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # a name said by how it begins or ends is a pattern of names (was `find ~ -name 'starts'`)
     ("find folders ending with _old under /srv", "find /srv -type d -name '*_old'"),
     ("list files in /tmp that begin with cache", "ls /tmp/cache*"),
     ("delete the files in /tmp starting with cache", "rm /tmp/cache*"),
     ("copy the files beginning with IMG_ to photos/", "cp IMG_* photos/"),  # was a `sed -i` over photos/
     # … a line's start or end, grep's anchor (was `grep -i ERROR …`: "with ERROR" read as lines containing it)
     ("count lines starting with # in config.ini", "grep -c '^#' config.ini"),
     ("lines of urls.txt ending with .pdf", "grep '\\.pdf$' urls.txt"),
     # a thing the index knows by its letters is no text to look for (was a curl of the GitHub API)
     ("SMART health of /dev/nvme0", "smartctl -H /dev/nvme0"),
     # a value said for one placeholder fills it (were `{{rule_number}}`, `'7,{{last_line}}d'`, `{{new_name}}`)
     ("delete ufw rule number 3", "sudo ufw delete 3"),
     ("delete line 7 of hosts.ini", "sed -i '7d' hosts.ini"),
     ("rename container old_web to web", "docker container rename old_web web"),
     # a verb after "package" is no package's name (was `sudo apt remove needs` once new rows moved a tie)
     ("clean out leftover dependencies that no package needs", "sudo apt autoremove"),
    ],
)
def test_round_twenty_seven_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


def test_lines_with_a_text_are_never_the_lines_without_it(index):
    """"show lines with ERROR in app.log" got `grep -v 'ERROR' app.log`: "Show all the lines of a file
    except those with a word" was the nearest description, its negation unweighed."""
    for request_ in ("show lines with ERROR in app.log", "print lines with TODO in main.py"):
        assert first(index, request_).startswith("grep ") and " -v" not in first(index, request_)


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # read-only requests of holdout28/28b answered with a change at the round's end, mended after its
     # figures (were `sudo mount /dev/nvme0 …` and an `scp -P 3128 …`), asked here in other words
     ("wear level of the ssd /dev/sda", "smartctl -A /dev/sda"),
     ("fetch https://example.com through the proxy 10.0.0.1:3128", "curl https://example.com -x http://10.0.0.1:3128"),
    ],
)
def test_looks_answered_with_a_change_at_round_twenty_seven_end_are_looks(index, request_, command):
    assert first(index, request_) == command


def test_unban_is_a_change():
    """"unban 1.2.3.4 …" was read as a look and answered `fail2ban-client banned`."""
    from nlshell.offline.intent import intent

    assert intent("unban 1.2.3.4 in fail2ban jail sshd") == CHANGE


def test_messages_that_come_in_are_followed_where_they_are_written(index):
    """"watch kernel messages as they come in" got `tail -f {{path/to/file}}`: "they" and "come"
    weighed as search words and found "Watch a log as new lines come in"."""
    assert first(index, "watch kernel messages as they come in").split()[0] in ("dmesg", "journalctl")


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # "without prompting" says how ssh runs, not a text to leave out (was `… | grep -v prompting`)
     ("test ssh login to build7 in batch mode without prompting", "ssh -o BatchMode=yes build7 true"),
     ("install curl without asking", "sudo apt-get install -y curl"),
     # what "disable" stops a description says cannot happen: the same job, not the request turned around
     # (the lock went last and `sudo usermod -aG sudo intern2`, root rights, came first)
     ("disable password login for the account intern2 by locking it", "sudo usermod -L intern2"),
     # a verb after "service" names no service (was `systemctl status take`)
     ("how long did each service take to start during boot", "systemd-analyze blame"),
     # the example's own number, said as it stands, is the request's (was `ServerAliveInterval={{60}}`)
     ("ssh to mybox and send a keepalive every 60 seconds", "ssh -o ServerAliveInterval=60 mybox"),
     # a pin is an install: the venv row that uninstalls no longer ties with it ("Take a library out …")
     ("pin requests at 2.31.0 in the venv", "pip install requests==2.31.0"),
    ],
)
def test_round_twenty_eight_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # looks that needed root were answered `sudo …` and rated caution: the rows look without sudo
     ("attach strace to pid 2244", "strace -p 2244"),
     ("how fast can /dev/sda read? quick hdparm benchmark", "hdparm -tT /dev/sda"),
     ("wireguard peers and their last handshake", "wg show"),
    ],
)
def test_round_twenty_eight_looks_that_need_root_are_answered_safe(index, request_, command):
    assert first(index, request_) == command
    assert risk_of(command)[0] == "safe"


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # read-only requests of holdout29/29b answered with a change at the round's end, mended after its
     # figures, asked here in other words: a pid's ancestry had got `kill 7777` ("End a process …" was no
     # destructive description), a download speed test `rm {{path/to/file}}`, a unit's environment
     # `systemctl edit`, leftover *.orig files `pkill -f /*.orig`
     ("show the parents of pid 4321 up to init", "pstree -s -p 4321"),
     ("measure the download speed of https://mirror.example.org/1G.bin, throw the data away",
      "curl -s -o /dev/null -w '%{speed_download} bytes/s\\n' https://mirror.example.org/1G.bin"),
     ("environment variables of the worker service", "systemctl show worker -p Environment"),
     ("size of https://dl.example.org/big.iso from its headers, no download",
      "curl -sI https://dl.example.org/big.iso | grep -i content-length"),
     ("which camera and lens took IMG_0042.CR2", "exiftool -Model -LensModel IMG_0042.CR2"),
     ("leftover *.bak files anywhere below here", "find . -type f -name '*.bak'"),
    ],
)
def test_looks_answered_with_a_change_at_round_twenty_eight_end_are_looks(index, request_, command):
    assert first(index, request_) == command
    assert risk_of(command)[0] == "safe"


def test_ending_a_process_is_destructive():
    assert destructive_description("End a process by its process ID, letting it clean up")


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # a list of packages is installed or removed whole (was `sudo apt install curl`, and for two
     # names `fd "{{regex}}"`, `cmake {{path/to/project_directory}} …`: a list read as no install)
     ("install curl, jq and htop", "sudo apt install curl jq htop"),
     ("install ripgrep and fd-find", "sudo apt install ripgrep fd-find"),
     ("install the packages build-essential and cmake", "sudo apt install build-essential cmake"),
     ("uninstall nginx and apache2", "sudo apt remove nginx apache2"),
     ("pip install flask and gunicorn", "pip install flask gunicorn"),
     ("npm install express and cors", "npm install express cors"),
     # one package stays one; a version pins one
     ("install htop", "sudo apt install htop"),
    ],
)
def test_a_list_of_packages_is_installed_whole(index, request_, command):
    assert first(index, request_) == command


def test_a_verb_after_and_ends_a_list_of_packages():
    """"install nginx and start it": "start" is the next clause's verb, no second package."""
    from nlshell.offline.values import request_values

    assert [v.text for v in request_values("install nginx and start it") if v.kind == "package"] == ["nginx"]
    assert [v.text for v in request_values("install curl, jq and htop please") if v.kind == "package"] == ["curl", "jq", "htop"]
    # one comma goes on about the first: no list (was `pip install requests==2.31.0 pinned`)
    assert [v.text for v in request_values("pip install requests, pinned to 2.31.0") if v.kind == "package"] == ["requests"]


@pytest.mark.parametrize(
    ("request_", "command"),
    [
     # packets are counted: "100 packets" was the capture filter's port (`tcpdump -c {{count}} … port 100`)
     ("capture 100 packets on eth0 port 53 into dns.pcap", "tcpdump -c 100 -i eth0 port 53"),
     ("send 3 pings to 8.8.8.8", "ping -c 3 8.8.8.8"),
     # a transient timer's delay is a length of time, not megabytes (was `--on-active={{10m}}`)
     ("run /opt/ping.sh once in 30 minutes with systemd-run", "sudo systemd-run --on-active=30min /opt/ping.sh"),
     # ignoring a certificate is curl's -k, no text to leave out (was `curl -L … | grep -v self-signed`)
     ("fetch https://192.168.1.10:8443/ ignoring the self-signed cert", "curl -k https://192.168.1.10:8443/"),
     ("raise this shell's open files limit to 65535", "ulimit -n 65535"),
     # a level said as a number is that level (was `gzip -l big.log`, a listing; `zstd -{{19}}` left open)
     ("gzip big.log at compression level 9", "gzip -9 big.log"),
     ("zstd compress notes.txt at level 3", "zstd -3 notes.txt"),
     ("compress big.log with zstd at maximum level", "zstd -19 big.log"),
     # "expire" is a change: the look `chage -l` was no answer to it
     ("expire temp1's password so they must change it at next login", "sudo chage -d 0 temp1"),
     # a start ruled out for good is a mask (was `sudo systemctl start postfix`, the opposite)
     ("prevent postfix from ever being started", "systemctl mask postfix"),
     # an alias named after the word "alias" is that alias (was `unalias {{alias_name}}`)
     ("remove the alias ll", "unalias ll"),
     ("what does the alias ll do", "alias ll"),
     # "for all repos" is --global (the rows for one repo took it)
     ("set my git email to me@example.com for all repos", 'git config --global user.email "me@example.com"'),
     # an acronym in capitals is a thing, no text to look for (was `cat /data/reports`)
     ("show the ACL of /data/reports", "getfacl /data/reports"),
    ],
)
def test_round_twenty_nine_readings_answer_as_asked(index, request_, command):
    assert first(index, request_) == command


def test_raising_a_limit_is_no_answer_to_a_look(index):
    """"Raise …" is a change: a look at the processes with the most open files never gets `ulimit -n 10`."""
    assert not first(index, "show the ten processes with the most open files").startswith("ulimit -n")


@pytest.mark.parametrize(
    "request_",
    [
     # read-only requests of holdout30/30b answered with a change at the round's end, mended after its
     # figures, asked here in other words (was `docker network disconnect`, `chmod a+w /etc`,
     # `journalctl --vacuum-time=30min`: a row, now `journalctl --since=-30min`)
     "network settings of the container web",
     "anything under /srv writable by everyone?",
     "journal entries since 10 minutes ago",
     "network settings of the container proxy",
    ],
)
def test_things_named_at_round_twenty_nine_end_get_a_look(index, request_):
    command = first(index, request_)
    assert risk_of(command)[0] == "safe", command


def test_a_containers_network_settings_and_world_writable_things_are_looked_up(index):
    assert first(index, "network settings of the container web") == "docker inspect -f '{{json .NetworkSettings.Networks}}' web"
    assert first(index, "anything under /srv writable by everyone?") == "find /srv -perm -o+w"
    assert first(index, "journal entries since 30 minutes ago") == "journalctl --since=-30min"
    assert first(index, "start time of pid 4242") == "ps -o lstart= -p 4242"  # was `sudo strace -p`
