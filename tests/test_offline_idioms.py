"""Idioms with a hole in them are read as the plain request they mean (nlshell/offline/idioms.py)."""

from __future__ import annotations

import pytest

from nlshell.offline.idioms import plain

PROGRAMS = {"ls", "grep", "rsync", "tee"}


@pytest.mark.parametrize(
    ("request_text", "meant"),
    [
        # what a program does: its manual, not a page that mentions it
        ("what does the ls command do", "show the manual of ls"),
        ("what does grep do?", "show the manual of grep"),
        ("what is rsync for", "show the manual of rsync"),
        ("whats tee used for", "show the manual of tee"),
        ("what does this command do", "what does this command do"),  # "this" is no program
        ("what does the frobnicate tool do", "what does the frobnicate tool do"),  # nor an unknown word
        # "top 5" ranks; "the top 3 lines" of a file are its first lines
        ("top 5 processes by memory", "most 5 processes by memory"),
        ("show the top ten biggest files", "show the most ten biggest files"),
        ("print the top 3 lines of list.csv", "print the top 3 lines of list.csv"),
        ("show the top 15 rows of sales.csv", "show the top 15 rows of sales.csv"),
        ("run top", "run top"),
        ("top", "top"),
        # "bring … up to date" upgrades; "date" is no file
        ("bring all my system packages up to date", "upgrade all my system packages"),
        ("keep node up-to-date", "upgrade node"),
        ("is my system up to date", "is my system up to date"),  # a question: the word table reads it
        # what a file says is what is written in it
        ("does config.ini say anything about debug", "search config.ini for debug"),
        ("does notes.txt mention the meeting?", "search notes.txt for the meeting"),
        ("what version does package.json say", "search package.json for version"),
        ("install.sh says permission denied, let me run it", "install.sh says permission denied, let me run it"),
        # a program that is up is running; a service stays a service; a machine that is up answers a
        # ping, a web address a request
        ("is the caddy server up", "is caddy running"),
        ("check whether nginx is up", "is nginx running"),
        ("check if the redis daemon is alive?", "is redis running"),
        ("is the docker service up", "is docker service running"),
        ("is example.com up", "test whether the server example.com answers a ping"),
        ("is 10.0.0.5 reachable", "test whether the server 10.0.0.5 answers a ping"),
        ("is localhost:3000 up", "check whether the website http://localhost:3000 is up"),
        ("is https://api.example.com/health down?", "check whether the website https://api.example.com/health is up"),
        # a verb and its particle said apart are one verb again
        ("shut the computer down in 10 minutes", "shut down the computer in 10 minutes"),
        ("turn the wifi off", "turn off the wifi"),
        ("back the thesis folder up to /mnt/bak", "back up the thesis folder to /mnt/bak"),
        ("show the logs up to yesterday", "show the logs up to yesterday"),  # "show" has no particle
        ("look the word up", "look the word up"),
        # the biggest folders take the most space; the biggest files are still files
        ("biggest subfolders of the current dir", "subfolders that take the most space of the current dir"),
        ("which folders under home are the fattest", "which folders under home take the most space"),
        ("what's the largest directory on the disk", "what's the directory that take the most space on the disk"),
        ("show the biggest files here", "show the biggest files here"),
    ],
)
def test_an_idiom_is_read_as_what_it_means(request_text, meant):
    assert plain(request_text, PROGRAMS.__contains__) == meant
