"""What the generated files obey that the checks must know before any is generated.

Both consumers of the model read these: the emitters, which write the files,
and the checks, which report a `.bkr` file that would break them (BKR319, a
selection record over 72 columns; BKR328, a member whose folder would be the
cluster-wide one), and the dialect table, whose literal text is held to the
same characters. Neither consumer imports the other (docs/architecture.md, "Layers"),
so the facts live here, beside the model. The EXECs' own return codes are
here too: the emitter writes them, and the dialect table's CP return codes
are checked against them when it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: The characters every common EBCDIC code page maps alike (domain.md "EBCDIC"): the
#: only ones a generated file holds, but for NAME_EXTRA inside names. The dialect table's
#: literal text is held to them too.
INVARIANT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 +<=>%&*\"'(),_-./:;?")

#: The EXECs `bkrc compile` writes for each member (docs/rexx.md): the emitter names its
#: files by them, and the syntax's helps name them where a line pasted from a PROFILE
#: EXEC or an operator's console does what they do (`XAUTOLOG BKRBKUP`, `SMSG BKRBKUP SUBMIT`).
SUBMIT_FILE = "BKRSUBMT"
EXPIRE_FILE = "BKREXPIR"
START_FILE = "BKRSTART"

#: Longest line of any generated file (safe for F 80 records and every editor).
MAX_COLUMNS = 72

#: The columns the opening comment line's text may take in every file: what
#: `/* text */`, the widest frame (an EXEC's, a Tape Manager file's), leaves.
#: A site table's comment entries leave at least this much (bkrdsl.dialect).
HEADER_ROOM = MAX_COLUMNS - len("/*  */")

#: Longest line a generated EXEC says: a 3270 console is 80 columns wide and
#: CMS wraps a longer line mid-word there; one column is left free, as CMS
#: writes a line of exactly 80 columns and then an empty one on some
#: consoles. The EXECs' routine TELL folds each message to fit
#: (bkrdsl/emit/rexx.py, docs/rexx.md).
SAY_COLUMNS = 79

#: The last column of a CP source directory record that DIRECTXA reads: a
#: statement is in columns 1-71, columns 72-80 hold sequence numbers (z/VM CP
#: Planning and Administration, "Source Directory File Formats"). The site's
#: directory is read so (`bkrdsl.cpdirectory`), and every line of a generated
#: `ID DIRECT` file ends by it, comments too.
DIRECTORY_COLUMNS = 71
#: A word of a CP directory record as DIRECTXA splits it: blanks are spaces and tabs.
DIRECTORY_WORD = re.compile(r"[^ \t]+")
#: Where each statement keeps a password: USER and IDENTITY the word after the
#: ID; MDISK its read, write and multiple-write passwords, after the mode
#: (`MDISK vdev devtype start count volid mode pr pw pm`). A generated DIRECT
#: file holds none (`mdisk_link_passwords`); the site's are masked where a
#: diagnostic shows its text (`bkrdsl.cpdirectory`).
PASSWORD_WORDS = {"USER": slice(2, 3), "IDENTITY": slice(2, 3), "MDISK": slice(7, 10)}
#: The MDISK forms with one operand, not two, between the device type and the
#: mode (`MDISK 0200 3390 DEVNO 1A2B MR`, `MDISK 0300 FB-512 V-DISK 2097152 MR`,
#: `MDISK 0400 3390 T-DISK 10 MR`): their passwords come one word earlier.
ONE_OPERAND_FORMS = ("DEVNO", "V-DISK", "T-DISK")

#: The folder of cluster-wide files (lower case: never a member's folder, which is upper
#: case, on a case-sensitive file system; a member CLUSTER shares it elsewhere, BKR328).
CLUSTER_FOLDER = "cluster"

#: The return codes the generated EXECs set themselves, each with what it
#: means (docs/rexx.md, "Return codes"); any other rc an EXEC ends with is a
#: CP or CMS command's own, passed on. The CP return codes of the dialect
#: table (`dialect.CP_RETURN_CODES`) may be none of these: an EXEC that ends
#: with one could not be told from one that ends with CP's.
RC_USAGE = 24
RC_UNKNOWN = 28
#: BKRSTART: a single-configuration machine is logged on at another member
#: of the SSI cluster (QUERY USER answered `id - SSI`): XAUTOLOG here cannot
#: start it while it runs there.
RC_ELSEWHERE = 36
RC_WRONG_MEMBER = 40
#: The EXEC runs on a system that is no member of the cluster as its compile
#: knows it (a member removed since, or a system outside the cluster): not the
#: wrong member's rc, as no EXEC of that compile is the right one there.
RC_NOT_MEMBER = 52
#: BKRSTART: the catalog's SFS server did not log on, or its file pool did
#: not serve, within the time allowed.
RC_NOT_UP = 44
#: DIAGRC gave no return code (an empty answer included), or BKRSTART's
#: QUERY USER answered rc 0 without the machine's user ID first: CP's answer
#: cannot be read, and is not taken for one that says all is well.
RC_UNREADABLE = 48
#: BKRSUBMT and BKREXPIR DUE read off the clock: minutes after the record of
#: the last minute handled went by with no DUE; what was due in them is named,
#: with the command that sends each, and this minute's entries are sent.
RC_MISSED = 4
#: BKRSUBMT and BKREXPIR DUE read off the clock: the record of the last minute
#: handled cannot be written (read back), is not a minute, or is more than an
#: hour ahead of the clock; nothing is sent.
RC_RECORD = 32
EXEC_RETURN_CODES = {
    RC_MISSED: "DUE: minutes missed, named",
    RC_USAGE: "bad operands",
    RC_UNKNOWN: "no such job or action",
    RC_ELSEWHERE: "a single-configuration machine logged on at another member",
    RC_WRONG_MEMBER: "wrong member",
    RC_NOT_MEMBER: "no member of the cluster as compiled",
    RC_NOT_UP: "the SFS server or its file pool not up in time",
    RC_UNREADABLE: "CP's answer unreadable",
    RC_RECORD: "DUE: the record of the last minute handled not written or not sound",
}


def password_slice(shape: Sequence[str]) -> slice | None:
    """Which of a record's words (as DIRECTXA splits columns 1-71, in upper case; the
    first four will do) are passwords (`PASSWORD_WORDS`); None: its statement has none."""
    which = PASSWORD_WORDS.get(shape[0])
    if which is not None and shape[0] == "MDISK":
        if len(shape) > 3 and shape[3] in ONE_OPERAND_FORMS:
            return slice(which.start - 1, which.stop - 1)
        if len(shape) > 2 and shape[2] in ONE_OPERAND_FORMS:
            # Its device type left out (`MDISK 0300 V-DISK 512000 MR RPASS WPASS`, BKR502):
            # the words after the mode are its passwords all the same, masked as such.
            return slice(which.start - 2, which.stop - 2)
    return which


def masked_record(text: str) -> str:
    """A directory statement with its password words (an MDISK's link passwords, a
    USER's or IDENTITY's password: `password_slice`) written as `*`s of their length,
    for a message or a frame that quotes a site's dialect table (a `{placeholder}`
    is no password)."""
    words = list(re.finditer(r"\S+", text))
    which = password_slice([w.group(0).upper() for w in words[:4]]) if words else None
    if which is None:
        return text
    chars = list(text)
    for word in words[which]:
        if not word.group(0).startswith("{"):
            chars[word.start() : word.end()] = "*" * (word.end() - word.start())
    return "".join(chars)


def mdisk_link_passwords(record: str) -> int:
    """How many link passwords (read, write, multiple-write: 0 to 3) an MDISK record
    gives after its mode, as DIRECTXA splits it (columns 1-71); 0 for any other record.
    The emitter refuses a DIRECT file that would hold one (`emit/directory.py`);
    BKR534 counts them in the site's (`bkrdsl.cpdirectory`)."""
    read = record[:DIRECTORY_COLUMNS]
    # Most records are no MDISK (a directory entry's statements, its comments): one
    # search in C answers them without splitting the record. A first word that
    # reads MDISK in upper case leaves MDISK in the record's upper case too.
    if "MDISK" not in read.upper():
        return 0
    words = DIRECTORY_WORD.findall(read)
    if not words or words[0].upper() != "MDISK":
        return 0
    return len(words[password_slice([word.upper() for word in words[:4]])])
