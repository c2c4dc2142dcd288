"""What each kind of placeholder takes from a request, best first: `{{path/to/file}}` a file, then any
path, a glob, a name or a link; `{{pid}}` a pid or a process by its number. nlshell/offline/slots.py
puts the request's values where they fit; the ranking asks which kinds an example takes.
"""

ACCEPTS = {
    "file": ("file", "path", "glob", "name", "link", "identity"),  # `ssh -i {{path/to/key}}` takes a key said as one
    "dir": ("dir", "path", "name", "glob"),
    "path": ("path", "file", "dir", "glob", "name", "link"),
    # A link is what the request calls one ("the symlink current") or names ("called latest"):
    # `chown -h {{user}} {{path/to/symlink}}` is no answer for report.pdf.
    "link": ("link", "name"),
    "shell": ("shell", "file", "path"),  # "change frank's shell to zsh" (nlshell/offline/shells.py)
    "glob": ("glob", "name"),  # a file the request only names is no pattern to search by (`find -name`)
    "url": ("url", "host"),  # "the page at example.org": `https://example.org`
    "host": ("host", "remote"),
    "port": ("port",),
    "pid": ("pid", "process"),  # "pid 48213 is stuck": a process by its number
    "stash": ("stash",),
    "job": ("job",),  # "cancel at job 7", "bring job 2 to the foreground"; 5432 said alone is no job
    "process": ("process", "pattern", "name"),
    "user": ("user", "name"),
    "group": ("group", "name"),
    "package": ("package", "name"),
    "version": ("version",),
    "service": ("service", "name", "process"),  # "is the docker service running": its process is the service
    "timezone": ("timezone",),
    "device": ("device", "interface"),  # `ip link set {{device}} up` takes eth0
    "branch": ("branch", "name"),
    "container": ("container", "name"),
    "image": ("image",),  # "the image alpine": a script or a name said otherwise is no image to run
    "database": ("database", "name"),  # "the database shop", "the shop db"
    "table": ("table", "name"),  # "the users table", "the orders collection"
    "network": ("network", "name"),  # "the docker network test-net"
    "bucket": ("bucket", "name"),  # "the s3 bucket acme-reports"
    "pod": ("pod", "name"),  # "the pod api-7f9": kubectl's
    "deployment": ("deployment", "name"),  # "the deployment web": kubectl's too
    "tag": ("tag", "name"),
    "message": ("message", "text"),
    "email": ("email",),
    "password": ("password",),  # "with basic auth admin:s3cret" (nlshell/offline/credentials.py)
    "pages": ("pages",),  # "pages 3-7 of book.pdf"
    "data": ("data",),  # a JSON body the request says
    "variable": ("variable",),
    "pattern": ("pattern", "text"),
    "count": ("count",),
    "locale": ("locale",),  # `localectl set-locale LANG={{locale}}`: "en_US.UTF-8"
    "span": ("age", "seconds"),  # `journalctl --vacuum-time={{2weeks}}`: "older than 2 weeks"
    "seconds": ("seconds", "position"),  # ffmpeg's `-ss {{30}}` takes "at 1:30" too
    "position": ("position", "seconds"),  # `-ss {{00:01:00}}`: a place in a recording (nlshell/offline/positions.py)
    "size": ("size",),
    "days": ("age",),
    "minutes": ("age",),
    "window": ("age",),  # a log's stated window (nlshell/offline/extend.py)
    "method": ("method",),  # an HTTP method, taken by a curl example (nlshell/offline/extend.py)
    "name": ("name",),
    "action": ("action",),
    "replacement": ("replacement",),
    "character": ("character",),  # "newlines": `\n`, which sed's `s/…/…/` never meets
    "command": ("command", "file"),  # "run backup.sh at 11pm": a script it runs is the command (see _fits)
    "gitremote": ("gitremote",),
    "repository": ("url", "remote", "path", "dir"),
    "interface": ("interface",),
    "field": ("field",),
    "geometry": ("geometry",),  # "400x300": `convert … -crop {{640x480+0+0}}`, `xrandr --mode {{1920x1080}}`
    "record": ("record",),
    "commit": ("commit", "tag", "branch"),  # a tag names a commit (`git bisect start HEAD v1.8`), a branch where one starts
    "checksum": ("checksum",),  # a hash the request pastes; nothing reads one yet, so it stays to edit
    "time": ("time",),
    "date": ("date",),
    "datetime": ("date", "time"),
    "month": ("month",),
    "year": ("year",),
    "schedule": ("schedule", "seconds"),  # "every 5 minutes": `*/5 * * * *`
    "alias": ("alias", "name"),  # "an alias called gs"
    "value": ("value", "expansion", "version"),  # "set .version to 2.0.0": a version is the value to set
    "expression": ("expression", "keyword"),  # `pytest -k {{expression}}`: "the login tests"
    "keyword": ("keyword", "pattern", "text"),  # `apropos {{keyword}}`: a pattern, as before, or the tests a word selects
    "key": ("key",),
    "token": ("token", "expansion"),  # "with bearer token abc123"
    "extension": ("glob",),  # "all .txt files": `*.txt` names the extension txt
    "level": ("level",),  # "as small as possible": the compression level (nlshell/offline/levels.py)
    "length": ("length", "count"),
    "width": ("width",),
    "first_line": ("first_line",),
    "script": ("script", "name"),
    "target": ("target", "name"),  # "the docs target": `make docs`
    "timestamp": ("number",),  # "convert 1715600000 to a date": seconds since 1970
    "numbered": ("number",),  # "delete ufw rule number 3": `ufw delete {{rule_number}}`
    "last_line": ("last_line",),
    "in_minutes": ("seconds",),
    "in_hours": ("seconds",),
}
