"""The site's CP source directory, read (bkrdsl/cpdirectory.py, BKR501-BKR505).

examples/prodssi.direct is examples/prodssi.bkr's directory as a site keeps it
(IBM's format: `*` comments, DIRECTORY and GLOBALDEFS statements, a PROFILE
with INCLUDE, USER and IDENTITY entries with BUILD ON ... USING SUBCONFIG and
their SUBCONFIGs, sequence numbers in columns 73-80). What `bkrc check
--directory` makes of it: tests/test_directory_checks.py.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
from hypothesis import example, given
from hypothesis import strategies as st

from bkrdsl.cpdirectory import MAX_FILE_SIZE, read_directory
from bkrdsl.diagnostics.core import Severity
from bkrdsl.diagnostics.render import MESSAGE_WIDTH, render_text
from bkrdsl.source import Source

DIRECT = EXAMPLES / "prodssi.direct"


def test_prodssi_s_directory_reads_clean_with_every_entry_and_build():
    found = read_directory(str(DIRECT), DIRECT.read_bytes())
    assert found.diagnostics == () and found.readable
    kinds = {e.id: e.kind for e in found.entries}
    assert kinds["MAINT"] == "IDENTITY" and kinds["PMAINT"] == "USER" and kinds["MAINT-1"] == "SUBCONFIG"
    assert kinds["BKRSVSFS"] == "USER" and kinds["TRTMM"] == "IDENTITY"
    maint = found.entry("maint")
    assert [(b.member, b.subconfig) for b in maint.builds] == [
        (f"VMSYS{n}", f"MAINT-{n}") for n in (1, 2, 3, 4)
    ]
    assert [b.member for b in found.entry("BKRWRK03").builds] == ["VMSYS1", "VMSYS2"]
    # The sequence numbers in columns 73-80 are not read: no entry, no word cut.
    assert all(not e.id.isdigit() for e in found.entries)


def test_passwords_never_reach_the_text_a_diagnostic_shows():
    raw = DIRECT.read_text()
    found = read_directory(str(DIRECT), raw.encode())
    assert "WD5JU8QP" in raw and "WD5JU8QP" not in found.source.text
    assert "RPASS" in raw and "RPASS" not in found.source.text
    # Masked in place: every column stays where it is.
    assert [len(x) for x in found.source.text.splitlines()] == [len(x) for x in raw.splitlines()]
    assert "USER PMAINT ******** 128M" in found.source.text


MALFORMED = [
    # (directory text, code, line, column): the first diagnostic
    ("USER\n", "BKR502", 1, 1),
    ("USER LNXWEB001 PW 1M 1M G\n", "BKR502", 1, 6),
    ("USER LNX.WEB PW 1M 1M G\n", "BKR502", 1, 6),
    ("IDENTITY\n", "BKR502", 1, 1),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 SUBCONFIG A-1\nSUBCONFIG A-1\n", "BKR502", 2, 1),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG\nSUBCONFIG A-1\n", "BKR502", 2, 1),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1X2Y USING SUBCONFIG A-1\nSUBCONFIG A-1\n", "BKR502", 2, 11),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG AAAAAAA-1\n", "BKR502", 2, 34),
    ("USER A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n", "BKR502", 2, 1),
    (" MDISK 0191 3390 1 10 VMCOM1 MR\nUSER A PW 1M 1M G\n", "BKR502", 1, 2),
    ("USER A PW 1M 1M G\nUSER A PW 1M 1M G\n", "BKR503", 2, 6),
    ("IDENTITY A PW 1M 1M G\nSUBCONFIG A\n", "BKR503", 2, 11),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n", "BKR504", 2, 34),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG B\nUSER B PW 1M 1M G\n", "BKR504", 2, 34),
    ("USER A PW 1M 1M G\n" + " " * 68 + "LINK MAINT 0190 0190 RR\n", "BKR505", 2, 69),
]


@pytest.mark.parametrize(("text", "code", "line", "column"), MALFORMED)
def test_a_malformed_directory_is_reported_where_it_is(text, code, line, column):
    found = read_directory("site.direct", text.encode())
    first = found.diagnostics[0]
    assert (first.code, first.span.line, first.span.column) == (code, line, column), found.diagnostics
    assert first.span.file == "site.direct" and first.help
    assert found.readable  # the rest of the file is read, and checked against


def test_a_statement_s_own_words_are_read_and_the_rest_passed_over():
    text = (
        "* comment\n"
        "DIRECTORY 0123 3390 M1RES VMSYS1\n"
        "GLOBALDEFS\n GLOBALOPTS MACHINE ESA\n"
        "PROFILE IBMDFLT\n SPOOL 000C 2540 READER *\n\n"
        "user lnxweb01 pw 1m 1m g\n INCLUDE IBMDFLT\n"
        "IDENTITY A PW 1M 1M G\n BUILD ON * USING SUBCONFIG A-1\nSUBCONFIG A-1\n MDISK 0191 3390 1 1 V MR\n"
    )
    found = read_directory("site.direct", text.encode())
    assert found.diagnostics == ()
    assert [(e.kind, e.id) for e in found.entries] == [
        ("USER", "LNXWEB01"),
        ("IDENTITY", "A"),
        ("SUBCONFIG", "A-1"),
    ]
    assert found.entry("A").builds[0].member == "*"


def test_an_entry_s_other_statements_are_read_again_unknown_ones_too():
    """What BKR524 compares: every statement of an entry but its first, BUILD and MDISK,
    read again from the text; a statement no release of CP knows is read, not refused."""
    text = (
        "PROFILE IBMDFLT\n SPOOL 000C 2540 READER *\n"
        "USER BKRADMIN SECRETPW 64M 128M G\n INCLUDE IBMDFLT\n OPTION APPCVM\n FROBNICATE 7\n"
        " MDISK 0191 3390 1 10 VMCOM1 MR\n LINK MAINT 0190 0190 RR\n"
    )
    found = read_directory("site.direct", text.encode())
    assert found.diagnostics == ()
    said = list(found.other_statements(found.entry("BKRADMIN")))
    assert [" ".join(words) for words, _ in said] == ["INCLUDE IBMDFLT", "OPTION APPCVM", "FROBNICATE 7", "LINK MAINT 0190 0190 RR"]
    assert [(span.line, span.column, span.end_column) for _, span in said][1] == (5, 1, 15)
    assert [link.address for link in found.entry("BKRADMIN").links] == [0x190]
    assert [words for words, _ in found.other_statements(found.profiles[0])] == [("SPOOL", "000C", "2540", "READER", "*")]


def test_each_entry_counts_its_minidisks_that_hold_data():
    """For `bkrc init --directory` (docs/init.md): a user with no minidisk has nothing
    to back up. A T-DISK or V-DISK is empty at each logon; a PROFILE's statements and
    a LINK are no minidisk of the entry."""
    text = (
        "PROFILE IBMDFLT\n MDISK 0291 3390 1 1 V MR\n LINK MAINT 0190 0190 RR\n"
        "USER NODISK PW 1M 1M G\n INCLUDE IBMDFLT\n LINK MAINT 0191 0191 RR\n"
        "USER TEMP PW 1M 1M G\n MDISK 0291 3390 T-DISK 10 MR\n MDISK 0292 FB-512 V-DISK 128 MR\n"
        "USER LNX PW 1M 1M G\n MDISK 0100 3390 1 3338 LXP001 MR\n MDISK 0191 3390 DEVNO 1234 MR\n"
        "IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n MDISK 0192 3390 T-DISK 1 MR\n"
        "SUBCONFIG A-1\n MDISK 0191 3390 1 1 M1PRV1 MR\n"
    )
    found = read_directory("site.direct", text.encode())
    assert found.diagnostics == ()
    assert {e.id: e.minidisks for e in found.entries} == {"NODISK": 0, "TEMP": 0, "LNX": 2, "A": 0, "A-1": 1}
    assert [b.subconfig for b in found.entry("A").builds] == ["A-1"]
    assert [e.minidisks for e in read_directory(str(DIRECT), DIRECT.read_bytes()).entries][:2] == [0, 2]


def test_a_word_cut_at_column_71_is_read_cut_as_directxa_reads_it():
    text = "USER A PW 1M 1M G\n" + " " * 62 + "LINK MAINT 0190 0190 RR\n"
    (cut,) = read_directory("site.direct", text.encode()).diagnostics
    assert cut.severity is Severity.WARNING and (cut.span.column, cut.span.end_column) == (68, 73)
    assert "`MAINT` runs past column 71: DIRECTXA reads `MAIN`" in cut.message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"USER A PW 1M 1M G\n\0\0\0", "NUL byte at line 2, column 1"),
        ("USER LNXWEB01 LBYONLY 4G 8G G\n MDISK 0100 3390 1 3338 LXP001 MR\n".encode("cp037") * 4, "EBCDIC"),
    ],
)
def test_a_directory_that_is_not_text_is_bkr501(data, words):
    found = read_directory("site.direct", data)
    (problem,) = found.diagnostics
    assert problem.code == "BKR501" and words in problem.message and problem.help
    assert not found.readable and found.entries == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_directory_saved_as_utf16_is_named_so(encoding):
    """Saved as "Unicode" by a Windows editor: it was "a NUL byte at line 1, column 2:
    it is binary", with the help to transfer it again in text mode."""
    text = "USER LNXWEB01 LBYONLY 4G 8G G\n MDISK 0100 3390 1 3338 LXP001 MR\n"
    data = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    found = read_directory("site.direct", data)
    (problem,) = found.diagnostics
    assert problem.code == "BKR501"
    assert problem.message == "the CP directory file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8"
    assert problem.help == (
        "save it as UTF-8: `iconv -f UTF-16 -t UTF-8 site.direct > site.utf8.direct`, then give that file to `--directory`"
    )
    assert not found.readable and found.entries == ()


@pytest.mark.parametrize(
    ("data", "line", "column", "shown"),
    [
        # in the middle of a record, after a character of two bytes (columns count characters)
        ("USER A PW 1M 1M G\n MDISK 0191 3390 1 10 VÖL\0 MR\n".encode(), 2, 26, " MDISK 0191 3390 1 10 VÖL␀ MR"),
        # in a password: masked with it, its column still shown
        (b"\xef\xbb\xbfUSER A\r\nUSER B PA\0SS 1M 1M G\r\n", 2, 10, "USER B ***** 1M 1M G"),
        # Latin-1, as a text transfer leaves a byte outside ASCII
        (b"USER A P\xacW 1M 1M G\n\0", 2, 1, "␀"),
    ],
)
def test_a_nul_byte_s_bkr501_points_at_it_with_its_record_shown(data, line, column, shown):
    """BKR501 for a NUL byte is at the byte's own line and column (the first NUL's),
    not at 1:1, and the frame shows its record, the byte made visible as `␀`."""
    found = read_directory("site.direct", data)
    (problem,) = found.diagnostics
    assert problem.code == "BKR501"
    assert (problem.span.line, problem.span.column, problem.span.end_line, problem.span.end_column) == (
        line, column, line, column + 1,
    )
    assert f"at line {line}, column {column}" in problem.message
    assert found.source.line_text(line) == shown and "SS" not in found.source.text
    rendered = render_text(found.diagnostics, {"site.direct": found.source})
    assert f" --> site.direct:{line}:{column}\n" in rendered
    assert f"| {shown}\n" in rendered and "|" + " " * column + "^\n" in rendered


def test_a_directory_too_large_is_bkr501(monkeypatch):
    monkeypatch.setattr("bkrdsl.cpdirectory.MAX_FILE_SIZE", 100)
    (problem,) = read_directory("site.direct", b"USER A PW 1M 1M G\n" * 10).diagnostics
    assert problem.code == "BKR501" and "180 bytes" in problem.message
    assert MAX_FILE_SIZE >= 100_000_000  # a real directory of 50,000 guests fits


def test_bytes_that_are_not_utf8_are_read_as_latin1():
    found = read_directory("site.direct", b"USER A P\xacW 1M 1M G\nUSER B PW 1M 1M G\r\n")
    assert found.diagnostics == () and [e.id for e in found.entries] == ["A", "B"]


@given(st.binary(max_size=400))
def test_no_bytes_crash_the_reader(data):
    found = read_directory("site.direct", data)
    assert all(d.code.startswith("BKR50") and d.span is not None and d.help for d in found.diagnostics)


_WORDS = st.sampled_from(
    ["USER", "IDENTITY", "SUBCONFIG", "BUILD", "ON", "USING", "*", "A", "A-1", "VMSYS1", "PROFILE"]
)


@given(st.lists(st.lists(_WORDS, max_size=7).map(" ".join), max_size=12))
def test_no_statements_crash_the_reader(lines):
    found = read_directory("site.direct", "\n".join(lines).encode())
    # an empty file's BKR501 is at its 1:1 (`lines` may be none)
    assert all(d.code.startswith("BKR50") and d.span.line <= max(len(lines), 1) for d in found.diagnostics)


def test_each_entry_keeps_its_minidisks_links_and_profile():
    text = (
        "PROFILE IBMDFLT\n LINK MAINT 0190 0190 RR\n"
        "USER LNXWEB01 PW 4G 8G G\n INCLUDE IBMDFLT\n"
        " MDISK 0100 3390 1500 3338 LXP001 MR RPASS WPASS\n"
        " MDISK 0191 3390 AUTOV 10 LXP001 MR\n"  # DirMaint's allocation form: a permanent minidisk
        " MDISK 0200 3390 DEVNO 1A2B MR\n"
        " MDISK 0300 FB-512 V-DISK 2097152 MR\n"
        " MDISK 0400 3390 T-DISK 10 MR\n"
        " LINK TCPMAINT 0592 0592 RR\n"
        "IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n MDISK 0193 3390 1 1 VMCOM1 MR\n"
        "SUBCONFIG A-1\n MDISK 191 3390 1 1 M1PRV1 MR\n"
    )
    found = read_directory("site.direct", text.encode())
    assert found.diagnostics == ()
    web = found.entry("LNXWEB01")
    assert [(d.address, d.form, d.temporary) for d in web.disks] == [
        (0x100, "MDISK", False),
        (0x191, "MDISK", False),
        (0x200, "DEVNO", False),
        (0x300, "V-DISK", True),
        (0x400, "T-DISK", True),
    ]
    assert web.profile == "IBMDFLT" and [(k.owner, k.address) for k in found.links_of(web)] == [
        ("TCPMAINT", 0x592),
        ("MAINT", 0x190),
    ]
    assert [d.address for d in found.entry("A").disks] == [0x193]
    assert found.entry("A-1").disks[0].address == 0x191 and found.entry("A-1").follows == "A"
    assert found.entry("LNXWEB01").follows is None and found.built_subconfigs == {"A-1"}
    # What the product machines' minidisks are compared on (BKR519): type, size, volume, start.
    assert [(d.devtype, d.size, d.volume, d.start) for d in web.disks] == [
        ("3390", 3338, "LXP001", 1500),
        ("3390", 10, "LXP001", None),  # AUTOV: DirMaint places it on its volume
        ("3390", None, None, None),  # DEVNO: a real device
        ("FB-512", 2097152, None, None),
        ("3390", 10, None, None),
    ]


@pytest.mark.parametrize(
    ("operands", "extent"),
    [
        ("0001 END M1PRV1", (None, "M1PRV1", 1)),  # to the volume's end: its size not known here
        ("0001 0010 &SYSRES", (10, None, 1)),  # the system residence volume, whichever it is
        ("AUTOG 10 POOL1", (10, None, None)),  # a DirMaint group, not a volume
        ("AUTOR 10 REGION1", (10, None, None)),
        ("AUTOV 10 VMCOM1", (10, "VMCOM1", None)),
    ],
)
def test_an_mdisk_keeps_only_the_size_and_volume_it_states(operands, extent):
    found = read_directory("site.direct", f"USER A PW 1M 1M G\n MDISK 0191 3390 {operands} MR\n".encode())
    (disk,) = found.entry("A").disks
    assert found.diagnostics == () and (disk.size, disk.volume, disk.start) == extent


@pytest.mark.parametrize(
    ("statement", "column"),
    [
        (" MDISK\n", 1),
        (" MDISK 019G 3390 1 10 VMCOM1 MR\n", 1),
        (" MDISK 0191 3390 1\n", 1),
        (" MDISK 0191 3390 ONE 10 VMCOM1 MR\n", 1),
        (" MDISK 0200 3390 DEVNO\n", 1),
        (" MDISK 0300 FB-512 V-DISK MR\n", 1),
        (" LINK MAINT 0190\n", 1),
        (" LINK MAINT 0190 X190 RR\n", 1),
    ],
)
def test_a_malformed_mdisk_or_link_is_bkr502_and_the_entry_read_on(statement, column):
    text = "USER A PW 1M 1M G\n" + statement + " MDISK 0191 3390 1 10 VMCOM1 MR\n"
    found = read_directory("site.direct", text.encode())
    (bad,) = found.diagnostics
    assert (bad.code, bad.span.line, bad.span.column) == ("BKR502", 2, column) and bad.help
    assert [d.address for d in found.entry("A").disks] == [0x191]


@pytest.mark.parametrize(
    ("statement", "help_", "fixed"),
    [
        (" MDISK 0300 V-DISK 512000 MR RPASS WPASS", "`MDISK 0300 FB-512 V-DISK 512000 MR` (a V-DISK is an FB-512 disk)",
         " MDISK 0300 FB-512 V-DISK 512000 MR RPASS WPASS"),
        (" MDISK 0191 T-DISK 10 MR", ("`MDISK 0191 3390 T-DISK 10 MR` (or the type the temporary disk is made as:"
         " 3380, 9336, FB-512)"), " MDISK 0191 3390 T-DISK 10 MR"),
        (" MDISK 0200 DEVNO 1A2B MR SECRETR", "`MDISK 0200 3390 DEVNO 1A2B MR` (or the real device's type)",
         " MDISK 0200 3390 DEVNO 1A2B MR SECRETR"),
    ],
)
def test_h1s78_an_mdisk_without_its_device_type_says_so_and_the_help_writes_it(statement, help_, fixed):
    """A sysprog's `MDISK 0300 V-DISK 512000 MR` (the device type left out, as a V-DISK
    needs none to be sized): BKR502 said "an MDISK statement without its extent (`start
    count volid`: two numbers and a volume)" at the whole record, of a form that has no
    extent, and the link passwords after its mode were shown in clear, the masking
    counting words from a device type there was none of. It says the device type is
    missing, at the word where it goes, and the help writes the statement with one, up
    to its mode; the passwords are masked. The help's statement reads clean."""
    found = read_directory("site.direct", f"USER A PW 1M 1M G\n{statement}\n".encode())
    (bad,) = found.diagnostics
    form = statement.split()[2]
    assert bad.code == "BKR502" and (bad.span.line, bad.span.column) == (2, 13)
    assert bad.message == f"an MDISK statement without its device type: `{form}` stands where the device type goes"
    assert bad.help == f"write the device type before `{form}`: {help_}"
    assert len(bad.help) <= MESSAGE_WIDTH
    for secret in ("RPASS", "WPASS", "SECRETR"):
        assert secret not in found.source.text and secret not in bad.help
    fixed_found = read_directory("site.direct", f"USER A PW 1M 1M G\n{fixed}\n".encode())
    assert fixed_found.diagnostics == ()
    (disk,) = fixed_found.entry("A").disks
    assert disk.form == form


@pytest.mark.parametrize(
    "statement",
    [
        " MDISK 0191 3390 \u00b2 10 VMCOM1 MR\n",  # `²`: str.isdigit holds it a digit, int refuses it
        " MDISK 0191 3390 1 \u00b20 VMCOM1 MR\n",
        " MDISK 0191 3390 AUTOV \u00b3 VMCOM1 MR\n",
        " MDISK 0300 FB-512 V-DISK \u00b3 MR\n",
        " MDISK 0400 3390 T-DISK \u0661\u0662 MR\n",  # Arabic-Indic digits: none DIRECTXA reads
    ],
)
def test_a_number_of_other_digits_than_0_to_9_is_bkr502_not_a_crash(statement):
    text = "USER A PW 1M 1M G\n" + statement + " MDISK 0191 3390 1 10 VMCOM1 MR\n"
    found = read_directory("site.direct", text.encode())
    (bad,) = found.diagnostics
    assert (bad.code, bad.span.line, bad.span.column) == ("BKR502", 2, 1)
    assert [d.address for d in found.entry("A").disks] == [0x191]


def test_a_v_disk_in_an_identity_entry_itself_is_bkr502_and_not_kept():
    # IBM's "MDISK Directory Statement": a virtual disk in storage only in a user or subconfiguration entry.
    text = (
        "IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n"
        " MDISK 0300 FB-512 V-DISK 2097152 MR\n MDISK 0400 3390 T-DISK 10 MR\n"
        "SUBCONFIG A-1\n MDISK 0301 FB-512 V-DISK 2097152 MR\n"
        "USER B PW 1M 1M G\n MDISK 0300 FB-512 V-DISK 2097152 MR\n"
    )
    found = read_directory("site.direct", text.encode())
    (bad,) = found.diagnostics
    assert (bad.code, bad.span.line, bad.span.column) == ("BKR502", 3, 1)
    assert "V-DISK" in bad.message and "IDENTITY" in bad.message and "SUBCONFIG" in bad.help
    assert [d.address for d in found.entry("A").disks] == [0x400]  # a T-DISK is allowed there
    assert [d.address for d in found.entry("A-1").disks] == [0x301]
    assert [d.address for d in found.entry("B").disks] == [0x300]


def test_the_one_operand_mdisk_forms_have_their_passwords_masked_too():
    text = "USER A PW 1M 1M G\n MDISK 0200 3390 DEVNO 1A2B MR RSECRET WSECRET MSECRET\n"
    shown = read_directory("site.direct", text.encode()).source.text
    assert "SECRET" not in shown and " MDISK 0200 3390 DEVNO 1A2B MR ******* ******* *******" in shown


def test_an_mdisk_s_volume_is_a_volume_label_or_bkr502():
    """An MDISK's volume (of an extent, or DirMaint's AUTOV) is 1-6 of A-Z 0-9 @ # $,
    or a symbol CP resolves (`&SYSRES`): any other is BKR502 at its record and the
    minidisk is not kept, since `bkrc init --directory` and `check --fix` write the
    labels into a `.bkr` file (tests/test_init_directory.py)."""
    text = (
        "USER A LBYONLY 1M 1M G\n"
        " MDISK 0191 3390 1 10 M1PRV1 MR\n"
        " MDISK 0192 3390 1 10 &SYSRES MR\n"
        " MDISK 0193 3390 AUTOV 10 M1#$@ MR\n"
        " MDISK 0194 3390 1 10 M1}X MR\n"
        " MDISK 0195 3390 AUTOV 10 M1PRV1X MR\n"
        " MDISK 0196 3390 AUTOG 10 POOL-1 MR\n"  # a DirMaint group's name, no volume
    )
    found = read_directory("site.direct", text.encode())
    assert [(d.code, d.span.line) for d in found.diagnostics] == [("BKR502", 5), ("BKR502", 6)]
    assert "volume `M1}X` is not a volume label" in found.diagnostics[0].message
    assert [d.address for d in found.entry("A").disks] == [0x191, 0x192, 0x193, 0x196]


def test_a_password_that_runs_past_column_71_is_masked_whole():
    """BKR505 shows a record whose word runs past column 71, and says the word: a
    password there is masked to its last character, not to column 71 only (before:
    `USER LNX02 ... *****E02`, its characters past column 71 shown in clear)."""
    text = "".join(
        [
            "USER LNX01 LBYONLY 1M 1M G\n",
            "USER LNX02".ljust(66) + "SECRET02\n",
            " MDISK 0191 3390 1 10 VOL MR RPASS".ljust(64) + "SECRETW2 M\n",
            "USER LNX03 " + " " * 53 + "SECRET03\tX\n",
        ]
    )
    found = read_directory("site.direct", text.encode())
    shown = found.source.text.split("\n")
    assert shown[1] == "USER LNX02".ljust(66) + "********"
    assert shown[2] == " MDISK 0191 3390 1 10 VOL MR *****".ljust(64) + "******** M"
    assert shown[3] == "USER LNX03 " + " " * 53 + "********\tX"
    cut = [d for d in found.diagnostics if d.code == "BKR505"]
    assert [d.span.line for d in cut] == [2, 3, 4]
    for diagnostic in found.diagnostics:
        assert "SECRET" not in diagnostic.message and "ECRET" not in diagnostic.message
    assert "SECRET" not in found.source.text and "ET0" not in found.source.text and "TW2" not in found.source.text


def test_a_password_the_site_meant_behind_a_no_break_space_is_masked_too():
    """A no-break space (X'41' in code page 1047) or a form feed where a blank was meant
    joins two words for DIRECTXA: `USER LNX01\xa0SECRET01 1M` has the ID `LNX01\xa0SECRET01`
    (BKR502) and the password `1M`. The password the site meant is masked too, in the
    record shown and in BKR502's message (before: shown in
    clear in both); an MDISK's mode beside such a blank in another word stays as read."""
    text = (
        "USER LNX01\xa0SECRET01 1M 1M G\n"
        "USER LNX02 LBYONLY 1M 1M G\n"
        " MDISK 0191 3390 1 10 VOL MR\xa0SECRETR2 SECRETW2\n"
        " MDISK 0192 3390 1 10 V\x0cL MR SECRETR3\n"
    )
    found = read_directory("site.direct", text.encode())
    shown = found.source.text.split("\n")
    assert shown[0] == "USER LNX01\xa0******** ** 1M G"
    assert shown[2] == " MDISK 0191 3390 1 10 VOL MR\xa0******** ********"
    assert shown[3] == " MDISK 0192 3390 1 10 V\x0cL MR ********"
    assert "SECRET" not in found.source.text
    (bad, *_) = found.diagnostics
    assert (bad.code, bad.span.line) == ("BKR502", 1)
    assert bad.message == "USER ID `LNX01\xa0********` is 14 characters; a z/VM user ID has at most 8"


def test_words_are_split_at_spaces_and_tabs_only_as_directxa_splits_them():
    """The reader splits a record with `str.split`, which splits at every blank; DIRECTXA
    splits at a space or a tab only. A form feed or a no-break space is part of its
    word (this ID is refused, and the password masked is the word after it, and so is
    the part of the ID `str.split` would take for the password: `B`, `D`), and a
    letter longer in upper case (`ß`) leaves the columns as the record has them."""
    text = (
        "USER\tLNX01\tSECRET1 1M 1M G\n MDISK\t0191 3390 1 10 V MR RPASS\n"
        "USER A\x0cB PW 1M 1M G\n"
        "USER C\xa0D SECRET2 1M 1M G\n"
        "USER ßA SECRET3 1M 1M G\n MDISK 0192 3390 1 10 V MR ßRPASS WPASS\n"
    )
    found = read_directory("site.direct", text.encode())
    shown = found.source.text.split("\n")
    assert shown[:2] == ["USER\tLNX01\t******* 1M 1M G", " MDISK\t0191 3390 1 10 V MR *****"]
    assert shown[2:4] == ["USER A\x0c* ** 1M 1M G", "USER C\xa0* ******* 1M 1M G"]
    assert shown[4:6] == ["USER ßA ******* 1M 1M G", " MDISK 0192 3390 1 10 V MR ****** *****"]
    assert [(d.code, d.span.line, d.span.column, d.span.end_column) for d in found.diagnostics] == [
        ("BKR502", 3, 6, 9),
        ("BKR502", 4, 6, 9),
    ]
    assert "holds `\x0c`" in found.diagnostics[0].message
    assert "holds `\xa0`" in found.diagnostics[1].message  # the blank, not the mask's `*`
    lnx, sharp = found.entry("LNX01"), found.entry("SSA")
    assert (lnx.span.column, lnx.span.end_column, lnx.disks[0].span.column) == (6, 11, 8)
    assert (sharp.span.column, sharp.span.end_column, sharp.span.start) == (6, 8, text.index("ßA"))
    assert [(d.address, d.span.column, d.span.end_column) for d in sharp.disks] == [(0x192, 8, 12)]


@given(st.lists(st.text(st.sampled_from("AB ß\t\x0c"), max_size=6), min_size=1, max_size=6))
def test_a_source_of_lines_is_the_source_of_their_text(lines):
    text = "\n".join(lines)
    of_lines, of_text = Source.of_lines("f", lines), Source.of("f", text)
    assert of_lines == of_text and of_lines._line_starts == of_text._line_starts


def test_the_blanks_str_split_splits_at_and_directxa_does_not_are_every_one():
    from bkrdsl.cpdirectory import ODD_BLANKS

    every = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \t\n")
    assert ODD_BLANKS == every


def test_an_entry_the_reader_makes_is_the_entry_its_fields_make():
    """The reader makes its entries without `Entry.__init__` (`_entry_of`): the same objects."""
    import dataclasses

    from bkrdsl.cpdirectory import Entry

    found = read_directory("prodssi.direct", DIRECT.read_bytes())
    names = [f.name for f in dataclasses.fields(Entry)]
    for entry in found.entries + found.profiles:
        made = Entry(*(getattr(entry, name) for name in names))
        assert type(entry) is Entry and entry == made and hash(entry) == hash(made) and repr(entry) == repr(made)
        assert list(vars(entry).items()) == list(vars(made).items())  # every field, none more, in order
    assert {e.kind for e in found.entries + found.profiles} == {"USER", "IDENTITY", "SUBCONFIG", "PROFILE"}


_RECORD_WORDS = st.sampled_from(
    ["USER", "IDENTITY", "SUBCONFIG", "PROFILE", "BUILD", "ON", "USING", "MDISK", "LINK", "INCLUDE", "IPL", "*",
     "A", "ß", "0191", "3390", "V-DISK", "DEVNO", "1A2B", "10", "END", "AUTOV", "VOL", "MR", "PW", "VMSYS1", "A-1"]
)  # fmt: skip
_RECORD_BLANKS = st.sampled_from([" ", " ", "  ", "\t", "\x0c", "\xa0", "\u3000", "\x1c"])


@given(
    st.lists(
        st.tuples(st.lists(st.tuples(_RECORD_WORDS, _RECORD_BLANKS), max_size=11), st.integers(0, 66), st.booleans()),
        max_size=14,
    )
)
@example([([("USER", " "), ("ß", "\t"), ("PW", " ")], 0, False), ([("MDISK", " "), ("0191", " ")], 0, False)])
@example([([("USER", "\xa0"), ("A", " "), ("PW", " ")], 60, True)])
def test_records_split_in_c_read_as_records_checked_one_by_one(records):
    """`_Reader.read` splits each record with `str.split` unless `_doubtful` names it,
    which it checks first (a blank but a space or tab; a longer upper case): every
    record checked gives the same directory, the masked text, spans and diagnostics."""
    from unittest import mock

    from bkrdsl import cpdirectory

    lines = []
    for words, indent, lower in records:
        line = " " * (indent if indent > 56 else indent % 4) + "".join(w + b for w, b in words)
        lines.append(line.lower() if lower else line)
    data = "\n".join(lines).encode()
    fast = read_directory("site.direct", data)
    with mock.patch.object(cpdirectory, "_doubtful", lambda lines, *_: frozenset(range(len(lines)))):
        checked = read_directory("site.direct", data)
    assert repr(fast) == repr(checked) and fast.source._line_starts == checked.source._line_starts


def _mdisk_places(found) -> list[tuple[int, tuple, tuple]]:
    return [
        (disk.address, tuple(disk.span), tuple(disk.statement))
        for entry in found.entries
        for disk in entry.disks
    ]


def test_a_minidisk_is_placed_when_asked_where_the_reader_found_it():
    """A minidisk's places (`span`, `statement`) are worked out from its record when
    asked, not as it is read: the address as DIRECTXA splits the record (at a space or
    tab), its statement to its last word by column 71, the masked text's columns."""
    text = (
        "USER A PW 1M 1M G\n"
        " MDISK 0191 3390 1 10 VOL MR\n"
        "  MDISK\t0192 3390 1 10 VOL MR RPASS WPASS\n"  # a tab; passwords masked, same columns
        " MDISK\xa00193 3390 1 10 VOL MR\n"  # a no-break space: one word, BKR502
        " MDISK 0194\x0c3390 V-DISK 200 MR\n"  # a form feed inside the second word as DIRECTXA reads it
        " MDISK 0195 3390 1 10 VOLß MR   \n"  # a longer upper case, trailing blanks
        + " " * 40 + "MDISK 0196 3390 T-DISK 10 MR" + " " * 3 + "00010000\n"  # a sequence number in 72-79
    )
    found = read_directory("site.direct", text.encode())
    source = found.source
    places = _mdisk_places(found)
    assert [a for a, _, _ in places] == [0x191, 0x192, 0x195, 0x196]
    assert places[0][1:] == (
        ("site.direct", 2, 8, 2, 12, 25, 29),
        ("site.direct", 2, 1, 2, 29, 18, 46),
    )
    assert places[1][1] == ("site.direct", 3, 9, 3, 13, 55, 59)
    assert source.text[55:59] == "0192" and "RPASS" not in source.text
    assert places[2][1][2:5] == (8, 6, 12) and places[2][2][4] == 30  # the statement ends at `MR`, not the blanks
    assert places[3][1][2:5] == (47, 7, 51) and places[3][2][4] == 69
    for _, span, statement in places:
        assert source.span(span[5], span[6]) == span and source.span(statement[5], statement[6]) == statement


@given(
    st.lists(
        st.tuples(st.lists(st.tuples(_RECORD_WORDS, _RECORD_BLANKS), max_size=11), st.integers(0, 66), st.booleans()),
        max_size=14,
    )
)
@example([([("USER", " "), ("A", " "), ("PW", " ")], 0, False), ([("MDISK", "\t"), ("0191", "\x0c"), ("3390", " "), ("V-DISK", " "), ("10", " ")], 1, False)])  # fmt: skip
@example([([("USER", " "), ("A", " ")], 0, False), ([("MDISK", " "), ("0191", " "), ("ß", " "), ("T-DISK", " "), ("10", " ")], 60, True)])  # fmt: skip
def test_a_minidisk_s_places_are_its_address_and_statement_in_the_masked_text(records):
    """Whatever the record's blanks and case, a minidisk's `span` is its second word as
    DIRECTXA splits it (the address it was read from) and its `statement` the record to
    its last word by column 71, both in the text a diagnostic shows (`Source.span`
    gives the same spans); two reads of one text give equal, equally hashed minidisks."""
    lines = []
    for words, indent, lower in records:
        line = " " * (indent if indent > 56 else indent % 4) + "".join(w + b for w, b in words)
        lines.append(line.lower() if lower else line)
    data = "\n".join(lines).encode()
    found, again = read_directory("site.direct", data), read_directory("site.direct", data)
    source = found.source
    for entry in found.entries:
        for disk in entry.disks:
            span, statement = disk.span, disk.statement
            record = source.line_text(disk.line)
            head = record[: span.column - 1]
            assert span.line == statement.line == disk.line and statement.column == 1
            assert int(record[span.column - 1 : span.end_column - 1], 16) == disk.address
            assert head.strip(" \t").upper() == "MDISK" and head[-1] in " \t"
            assert record[span.end_column - 1 : span.end_column] in ("", " ", "\t")
            assert statement.end_column - 1 == len(record[:71].rstrip()) and span.end_column <= 72
            assert source.span(span.start, span.end) == span and source.span(statement.start, statement.end) == statement
    assert found.entries == again.entries and [hash(e) for e in found.entries] == [hash(e) for e in again.entries]
    assert repr(found) == repr(again)


def test_a_minidisk_compares_shows_and_sorts_as_with_its_places_as_fields():
    """Equality, hashing, order and repr of a minidisk are those of the named tuple it
    was when its spans were its third and fourth fields."""
    text = "USER A PW 1M 1M G\n MDISK 0191 3390 1 10 VOL MR\n MDISK 0191 3390 1 10 VOL MR\n"
    one, other = read_directory("a.direct", text.encode()), read_directory("a.direct", text.encode())
    first, second = one.entry("A").disks
    assert first != second and first < second and sorted([second, first]) == [first, second]
    assert first == other.entry("A").disks[0] and hash(first) == hash(other.entry("A").disks[0])
    assert first != read_directory("b.direct", text.encode()).entry("A").disks[0]  # another file's
    assert repr(first) == (
        "Minidisk(address=401, form='MDISK', span=Span(file='a.direct', line=2, column=8, end_line=2,"
        " end_column=12, start=25, end=29), statement=Span(file='a.direct', line=2, column=1, end_line=2,"
        " end_column=29, start=18, end=46), devtype='3390', size=10, volume='VOL', start=1, allocation=None)"
    )


_OPERANDS = st.sampled_from(
    ["1", "0010", "3338", "0", "²", "١٢", "12A", "END", "AUTOV", "AUTOG", "DEVNO", "V-DISK", "&SYSRES", "VOL"]
)


@given(st.lists(st.tuples(_OPERANDS, _OPERANDS, _OPERANDS), min_size=1, max_size=6))
def test_an_mdisk_read_inline_is_read_as_extent_reads_it(operands):
    """The reader reads `MDISK vdev devtype start count volid` inline once it knows the
    address (`_mdisk`'s first branch): each minidisk, its address seen before or not,
    is what `_extent` reads of its operands, and one it refuses is BKR502."""
    from bkrdsl.cpdirectory import _extent

    records = [f" MDISK 0191 3390 {first} {count} {volume} MR" for first, count, volume in operands]
    found = read_directory("site.direct", ("USER A PW 1M 1M G\n" + "\n".join(records * 2) + "\n").encode())
    disks = iter(found.entry("A").disks if found.entry("A") is not None else ())
    malformed = 0
    for first, count, volume in operands * 2:
        if first in ("DEVNO", "V-DISK"):
            expected, form = _extent(first, [first, count]), first
        else:
            expected, form = _extent("MDISK", [first, count, volume]), "MDISK"
        if expected is None:
            malformed += 1
            continue
        disk = next(disks)
        assert (disk.address, disk.form, disk.devtype, disk.size, disk.volume, disk.start, disk.allocation) == (
            0x191, form, "3390", *expected
        )
    assert next(disks, None) is None and sum(d.code == "BKR502" for d in found.diagnostics) == malformed


_ENTRY_WORDS = st.sampled_from(["A", "ON", "USING", "BUILD", "USER", "SUBCONFIG", "PW", "VMSYS1", "A-1", "AA", "*"])
_GAPS = st.sampled_from([" ", "  ", "\t", " \t "])


@st.composite
def _directories(draw) -> list[str]:
    """Records of USER, IDENTITY and SUBCONFIG entries with their IDs and passwords,
    BUILD, MDISK (their addresses seen again), INCLUDE, IPL and MACHINE statements, some
    with sequence numbers past column 72 or a word across column 71, and lower case:
    where `_Reader.read` takes its shortcuts (an entry's ID and password, a BUILD's two
    words found without `_place`; a statement only placed, an MDISK read, inline)."""
    records = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["USER", "IDENTITY", "SUBCONFIG", "BUILD", "MDISK", "INCLUDE", "IPL", "MACHINE", "LINK"]))
        gap = draw(_GAPS)
        if kind in ("USER", "IDENTITY"):
            words = [kind, draw(_ENTRY_WORDS), draw(_ENTRY_WORDS), "1M", "1M", "G"][: draw(st.integers(2, 6))]
        elif kind == "SUBCONFIG":
            words = [kind, draw(_ENTRY_WORDS)]
        elif kind == "BUILD":
            words = ["BUILD", "ON", draw(_ENTRY_WORDS), "USING", "SUBCONFIG", draw(_ENTRY_WORDS)]
        elif kind == "MDISK":
            words = ["MDISK", draw(st.sampled_from(["0191", "191", "0200"])), "3390", *draw(
                st.sampled_from([["1", "10", "VOL"], ["0", "5", "&SYSRES"], ["1", "X", "VOL"], ["V-DISK", "10"]])
            ), "MR", *draw(st.sampled_from([[], ["RPW"], ["RPW", "WPW", "MPW"]]))]  # fmt: skip
        elif kind == "LINK":
            words = ["LINK", "MAINT", "0190", "0190", "RR"]
        else:
            words = [kind, *draw(st.lists(_ENTRY_WORDS, max_size=2))]
        line = " " * draw(st.integers(0, 2)) * (kind not in ("USER", "IDENTITY", "SUBCONFIG")) + gap.join(words)
        tail = draw(st.sampled_from(["", "", " " * (72 - len(line)) + "00010000", " " * (68 - len(line)) + "LONGWORD"]))
        line += tail if len(line) < 66 else ""
        records.append(line.lower() if draw(st.booleans()) and kind != "LINK" else line)
    return records


@given(_directories())
@example(["IDENTITY ON PW", "BUILD ON ON USING SUBCONFIG USING", "SUBCONFIG USING", " MDISK 0191 3390 1 10 VOL MR"])
@example(["USER A A 1M", "user aa\ta", " BUILD ON A USING SUBCONFIG A", " IPL CMS" + " " * 63 + "00010000"])
def test_entries_and_builds_are_placed_at_their_words_as_directxa_splits_them(records):
    """Each entry's `span` is its record's second word as DIRECTXA splits it (at a space
    or tab) in the text a diagnostic shows, its `statement` the record to its last word
    by column 71; a BUILD's places are its third and sixth words; a USER's or IDENTITY's
    third word is masked; and every record read as `_doubtful` would check it gives the
    same directory (its shortcuts are the general reading's)."""
    import re
    from unittest import mock

    from bkrdsl import cpdirectory

    data = "\n".join(records).encode()
    found = read_directory("site.direct", data)
    source = found.source

    def word(span, index: int) -> None:
        record = source.line_text(span.line)
        words = list(re.finditer(r"[^ \t]+", record[:71]))
        assert (span.column - 1, span.end_column - 1) == words[index].span() and span.line == span.end_line
        assert source.span(span.start, span.end) == span
        return words

    for entry in found.entries + found.profiles:
        words = word(entry.span, 1)
        assert words[1].group().upper() == entry.id
        if entry.kind in ("USER", "IDENTITY") and len(words) > 2:
            assert set(words[2].group()) == {"*"}
        statement, record = entry.statement, source.line_text(entry.statement.line)
        assert (statement.column, statement.end_column - 1) == (1, len(record[:71].rstrip()))
        for build in entry.builds:
            assert word(build.span, 2)[2].group().upper() == build.member
            assert word(build.subconfig_span, 5)[5].group().upper() == build.subconfig
    with mock.patch.object(cpdirectory, "_doubtful", lambda lines, *_: frozenset(range(len(lines)))):
        checked = read_directory("site.direct", data)
    assert repr(found) == repr(checked) and found.source.text == checked.source.text


def test_an_mdisk_s_device_type_is_kept_as_written_in_upper_case_whatever_it_is():
    """`MDISK vdev devtype ...`: the device type is the statement's second word, kept
    in upper case without a check of its own (DIRECTXA checks it); `bkrc show
    --directory` sizes the minidisk by it (`GEOMETRY`), and one it has no geometry of
    (9345, a made-up XYZ) is read all the same, its count kept, no diagnostic."""
    from bkrdsl.cpdirectory import BYTES_PER_UNIT, GEOMETRY

    text = (
        "USER TESTX LBYONLY 512M 1G G\n"
        " MDISK 0191 3390 0001 0010 V1 MR\n"
        " MDISK 0192 3380 0001 0020 V2 MR\n"
        " mdisk 0193 fb-512 0064 8192 F1 MR\n"
        " MDISK 0194 9336 0032 4096 F2 MR\n"
        " MDISK 0195 9345 0001 0030 V3 MR\n"
        " MDISK 0196 XYZ 0001 0040 V4 MR\n"
    )
    directory = read_directory("t.direct", text.encode())
    assert not directory.diagnostics
    disks = [(d.devtype, d.size) for d in directory.by_id["TESTX"].disks]
    assert disks == [("3390", 10), ("3380", 20), ("FB-512", 8192), ("9336", 4096), ("9345", 30), ("XYZ", 40)]
    # IBM's geometry: 15 tracks of 56,664 bytes (3390) or 47,476 (3380) a cylinder; FBA blocks of 512
    assert GEOMETRY == {
        "3390": ("cylinders", 849_960),
        "3380": ("cylinders", 712_140),
        "FB-512": ("blocks", 512),
        "9336": ("blocks", 512),
    }
    assert BYTES_PER_UNIT == {devtype: size for devtype, (_unit, size) in GEOMETRY.items()}
