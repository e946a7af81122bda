"""`bkrc fmt`: the canonical layout, rule by rule, as data; then the command line.

Each case is an input and the canonical text it must become (docs/fmt.md
states the same rules in words). Every expected text is also checked to be a
fixed point: formatting canonical text changes nothing.
"""

from __future__ import annotations

import os
import stat
import textwrap

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.fmt import format_bytes, format_text
from bkrdsl.pipeline import analyse


def _d(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


CASES = [
    (
        "keywords-lower-names-upper",
        "CLUSTER prod { MEMBER vmsys1 { WORKERS 2 Private-Volume m1prv1 } }\n",
        """
        cluster PROD {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
        }
        """,
    ),
    (
        "values-spelled-lower-roles-days-units",
        """
        IDENTITY USER bkrwrk* ROLE Worker
        cluster C {
          DISK bkrbkup 191 SIZE 10 CYL on vmcom1 AT 1000
          JOB j { RUN ON m1 WEEKLY MON , Thu 21:00 }
        }
        """,
        """
        identity user BKRWRK* role worker
        cluster C {
          disk BKRBKUP 191 size 10 cyl on VMCOM1 at 1000
          job J {
            run on M1 weekly mon,thu 21:00
          }
        }
        """,
    ),
    (
        "strings-and-import-paths-verbatim",
        """
        import ./Site/Common
        cluster c { description   "Mixed Case, kept"  }
        """,
        """
        import ./Site/Common
        cluster C {
          description "Mixed Case, kept"
        }
        """,
    ),
    (
        "blank-lines-collapse-and-vanish-at-block-edges",
        """


        import std/zvm73



        cluster C {


          member M1 { workers 1 }



          member M2 { workers 1 }


        }


        """,
        """
        import std/zvm73

        cluster C {
          member M1 { workers 1 }

          member M2 { workers 1 }
        }
        """,
    ),
    (
        "one-statement-per-line",
        (
            "cluster C { catalog shared server S pool P on M1 expire on M1 { preview daily 01:00 purge weekly"
            " sun 03:00 retain 35 days } tape manager shared catalog-node TC on M1 request-node TR }\n"
        ),
        """
        cluster C {
          catalog shared server S pool P on M1
          expire on M1 {
            preview daily 01:00
            purge weekly sun 03:00
            retain 35 days
          }
          tape manager shared catalog-node TC on M1 request-node TR
        }
        """,
    ),
    (
        "tape-options-in-canonical-case-order-kept",
        (
            "cluster C {\n  TAPE Manager SHARED Request-DMM trdmm   CATALOG-NODE TC ON M1 catalog-Dmm TCDMM\n"
            "  request-node TR }\n"
        ),
        """
        cluster C {
          tape manager shared request-dmm TRDMM catalog-node TC on M1 catalog-dmm TCDMM
                              request-node TR
        }
        """,
    ),
    (
        "member-on-one-line-only-with-plain-settings",
        """
        cluster C {
          member M1 {
            workers 4
            private-volume V1   job-suffix A
          }
          member M2 { workers 2  exclude minidisk * 0192 }
          member M3 { description "third" }
        }
        """,
        """
        cluster C {
          member M1 { workers 4  private-volume V1  job-suffix A }
          member M2 {
            workers 2
            exclude minidisk * 0192
          }
          member M3 {
            description "third"
          }
        }
        """,
    ),
    (
        "member-too-wide-for-one-line",
        "cluster C { member VMSYS1 { workers 4 private-volume M1PRV1 M1PRV2 M1PRV3 M1PRV4 M1PRV5 M1PRV6 } }\n",
        """
        cluster C {
          member VMSYS1 {
            workers 4
            private-volume M1PRV1 M1PRV2 M1PRV3 M1PRV4 M1PRV5 M1PRV6
          }
        }
        """,
    ),
    (
        "group-inline-patterns-set-apart",
        "single group G {\n a\n b\n match c*\n match D%\n e }\n",
        """
        single group G { A B  match C*  match D%  E }
        """,
    ),
    (
        "group-filled-when-too-wide",
        "single group LINUXGUESTS { LNXWEB01 LNXWEB02 LNXWEB03 LNXWEB04 LNXDB01 LNXDB02 LNXDB03 match LNXAPP* }\n",
        """
        single group LINUXGUESTS {
          LNXWEB01 LNXWEB02 LNXWEB03 LNXWEB04 LNXDB01 LNXDB02 LNXDB03  match LNXAPP*
        }
        """,
    ),
    (
        "empty-blocks",
        "cluster C {\n\n member M { }  job J {\n} }\n",
        """
        cluster C {
          member M {}
          job J {}
        }
        """,
    ),
    (
        "trailing-comments-aligned-in-runs",
        """
        cluster C {
          job J {
            backup G full # what
            include minidisk * 0191    # which disks
            to tape

            run on each member daily 03:00 #   when
          }
        }
        """,
        """
        cluster C {
          job J {
            backup G full            # what
            include minidisk * 0191  # which disks
            to tape

            run on each member daily 03:00  #   when
          }
        }
        """,
    ),
    (
        "a-closing-brace-starts-its-own-run-of-trailing-comments",
        # The comment after a block's `}` speaks of the block: it was pushed to
        # the column of the longer line inside, far to the right.
        """
        cluster C {
          member VMSYS1 {
            workers 2
            private-volume M1PRV1 M1PRV2  # the volumes of the private minidisks
          }  # end of member VMSYS1
          member VMSYS2 { workers 2 } # next
          job J {
            backup G full
            run on each member daily 03:00  # nightly
          }  # end of job J
        }  # end of cluster C
        """,
        """
        cluster C {
          member VMSYS1 {
            workers 2
            private-volume M1PRV1 M1PRV2  # the volumes of the private minidisks
          }                            # end of member VMSYS1
          member VMSYS2 { workers 2 }  # next
          job J {
            backup G full
            run on each member daily 03:00  # nightly
          }  # end of job J
        }  # end of cluster C
        """,
    ),
    (
        "a-block-s-opening-line-ends-its-run-of-trailing-comments",
        # The comment after a block's `{` speaks of the block too: it was pushed to
        # the column of the longer lines inside, far to the right.
        """
        cluster C {  # production
          member VMSYS1 { workers 2  private-volume M1PRV1 }  # the first member
          job J {  # nightly
            backup G full  # the Linux guests
            include minidisk * 0100-0FFF  # every user disk
          }
        }
        """,
        """
        cluster C {  # production
          member VMSYS1 { workers 2  private-volume M1PRV1 }  # the first member
          job J {                                             # nightly
            backup G full                 # the Linux guests
            include minidisk * 0100-0FFF  # every user disk
          }
        }
        """,
    ),
    (
        "comments-keep-their-place-and-text",
        """
        # header comment, not a doc   
        import std/zvm73 # why

          # before the cluster
        cluster C {   ## after the brace

            # first item
          member M1 { workers 1 }
          # before the close
        }
        # at the end
        """,
        """
        # header comment, not a doc
        import std/zvm73  # why

        # before the cluster
        cluster C {  ## after the brace
          # first item
          member M1 { workers 1 }
          # before the close
        }
        # at the end
        """,
    ),
    (
        "a-comment-in-a-block-writes-it-one-item-per-line",
        "single group G { A # the first\n B }\ncluster C { member M { workers 1 # one\n } }\n",
        """
        single group G {
          A  # the first
          B
        }
        cluster C {
          member M {
            workers 1  # one
          }
        }
        """,
    ),
    (
        "a-comment-before-a-block-s-brace-goes-after-it",
        """
        cluster C {
          member VMSYS2  # the second member
          {
            workers 2
          }
          job J  # nightly
          {}
          job K  # kept: the brace has a comment of its own
          {  # its own
          }
          job L  # kept: a comment line before the brace
          # the line
          {}
        }
        """,
        """
        cluster C {
          member VMSYS2 {  # the second member
            workers 2
          }
          job J {  # nightly
          }
          job K  # kept: the brace has a comment of its own
              {  # its own
          }
          job L  # kept: a comment line before the brace
              # the line
              {
          }
        }
        """,
    ),
    (
        "a-comment-inside-a-statement-breaks-it-there",
        "cluster C { job J { backup A, # first\n B full\n include minidisk\n # owner next\n * 0191 } }\n",
        """
        cluster C {
          job J {
            backup A,  # first
                   B full
            include minidisk
                # owner next
                * 0191
          }
        }
        """,
    ),
    (
        # gofmt's way: every comment stays, in its order, with the value it follows
        # (on its line) or precedes (on the line above it); between comments the list
        # is filled as it is without them, continuation lines under its first value.
        "a-long-list-broken-by-comments-is-still-filled",
        (
            "identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD, SNMPQE,\n"
            "# the NFS server\nVMNFS, MPROUTE, LDAPSRV, UFTD, SNMPQE2, RSCS, RSCSDNS, RSCSAUTH, PVM, GCS,\n"
            "  VSMGUARD, VSMWORK1 role worker\n"
            "cluster C {\n  job J {\n"
            "    exclude minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A  # CMS\n"
            "    019B 019C 019D 019E 019F 01A0 01A1 01A2 01A3 01A4 01A5 01A6 01A7 01A8 01A9 01AA\n"
            "  }\n"
            "  tape manager shared  # one catalog\n"
            "  catalog-node TCTMM on VMSYS1  # the catalog node\n"
            "  request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM\n}\n"
        ),
        """
        identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD,
                      SNMPQE,
                      # the NFS server
                      VMNFS, MPROUTE, LDAPSRV, UFTD, SNMPQE2, RSCS, RSCSDNS, RSCSAUTH,
                      PVM, GCS, VSMGUARD, VSMWORK1 role worker
        cluster C {
          job J {
            exclude minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A  # CMS
                               019B 019C 019D 019E 019F 01A0 01A1 01A2 01A3 01A4 01A5
                               01A6 01A7 01A8 01A9 01AA
          }
          tape manager shared               # one catalog
              catalog-node TCTMM on VMSYS1  # the catalog node
              request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM
        }
        """,
    ),
    (
        "long-name-lists-fill-under-the-first-name",
        (
            "identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD, SNMPQE, VMNFS,"
            " MPROUTE role worker\n"
        ),
        """
        identity user TCPIP, FTPSERVE, SMTP, LPSERVE, PORTMAP, REXECD, RXAGENT1, SNMPD,
                      SNMPQE, VMNFS, MPROUTE role worker
        """,
    ),
    (
        # `BACKUP` at the start of the second line would be read as the keyword `backup`
        # (a statement cut short after `SECURITY,`): a name spelled like a keyword stays
        # on the line before, with the name before it.
        "a-name-spelled-like-a-keyword-never-starts-a-continuation-line",
        (
            "cluster C {\n  job J {\n    backup LINUX, APPS, CICS, DB2, WEBSERV, NETWORK, MONITOR, SECURITY,"
            " BACKUP, TAPE, BATCH full\n  }\n}\n"
        ),
        """
        cluster C {
          job J {
            backup LINUX, APPS, CICS, DB2, WEBSERV, NETWORK, MONITOR,
                   SECURITY, BACKUP, TAPE, BATCH full
          }
        }
        """,
    ),
    (
        "long-value-lists-fill-under-the-first-value",
        (
            "cluster C {\n  member M1 {\n    workers 2\n"
            "    private-volume M1RES M1SPL M1PAG M1PRV1 M1PRV2 M1PRV3 M1PRV4 M1PRV5 M1PRV6 M1PRV7\n"
            "    exclude minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A 019B 019C\n  }\n"
            "  job J {\n"
            "    include sfs BKRPOOL:CICSPRD.* BKRPOOL:DB2PRD.* BKRPOOL:LNXWEB01.* BKRPOOL:LNX02.*\n"
            "    to disk\n  }\n"
            "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM"
            " request-dmm TRDMM\n}\n"
        ),
        """
        cluster C {
          member M1 {
            workers 2
            private-volume M1RES M1SPL M1PAG M1PRV1 M1PRV2 M1PRV3 M1PRV4 M1PRV5 M1PRV6
                           M1PRV7
            exclude minidisk * 0190 0191 0192 0193 0194 0195 0196 0197 0198 0199 019A
                               019B 019C
          }
          job J {
            include sfs BKRPOOL:CICSPRD.* BKRPOOL:DB2PRD.* BKRPOOL:LNXWEB01.*
                        BKRPOOL:LNX02.*
            to disk
          }
          tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM
                              catalog-dmm TCDMM request-dmm TRDMM
        }
        """,
    ),
    (
        # At the start of a line after a list, `NAMESAVE` would be read as the CP
        # directory statement written by mistake (BKR012): a word of letters only is
        # never put at the start (or the end) of a continuation line.
        "a-value-of-letters-only-stays-inside-its-line",
        (
            "cluster C {\n  shared-volume VMCOM1 VMCOM2 VMCOM3 VMCOM4 VMCOM5 VMCOM6 VMCOM7 VMCOM8 VMCOM9"
            " NAMESAVE VMCOM10\n}\n"
        ),
        """
        cluster C {
          shared-volume VMCOM1 VMCOM2 VMCOM3 VMCOM4 VMCOM5 VMCOM6 VMCOM7 VMCOM8
                        VMCOM9 NAMESAVE VMCOM10
        }
        """,
    ),
    (
        "a-long-list-in-an-empty-block-header-fills-too",
        (
            "cluster C {\n  expire on VMSYS1, VMSYS2, VMSYS3, VMSYS4, VMSYS5, VMSYS6, VMSYS7, VMSYS8,"
            " VMSYS9A {}  # later\n}\n"
        ),
        """
        cluster C {
          expire on VMSYS1, VMSYS2, VMSYS3, VMSYS4, VMSYS5, VMSYS6, VMSYS7, VMSYS8,
                    VMSYS9A {}  # later
        }
        """,
    ),
    (
        "doc-comments-stay-on-their-declaration",
        """
        ## The Linux guests.
        ##   (two lines)
        single group LINUX { LNX1 }   ## a remark, not a doc

        ## Not a doc: a blank line follows.

        single user A ## remark
        """,
        """
        ## The Linux guests.
        ##   (two lines)
        single group LINUX { LNX1 }  ## a remark, not a doc

        ## Not a doc: a blank line follows.

        single user A  ## remark
        """,
    ),
    (
        "a-declaration-after-another-on-its-line-keeps-its-doc",
        "single user A,\n## documents B\nX single user B\n",
        """
        single user A, X
        ## documents B
        single user B
        """,
    ),
    (
        "a-doc-comment-after-a-brace-does-not-start-documenting",
        "cluster C {\n## alone\n\n member M {}\n}\n",
        """
        cluster C {
          ## alone

          member M {}
        }
        """,
    ),
    (
        "a-volume-list-read-on-into-a-statement-keeps-its-lines-as-written",
        # BKR021: upper case the labels would read as meant, and the warning would
        # go; so the list's lines stay, under its first label, and a run that starts
        # after a label on its line (m2prv2 retain, m3prv1 purge weekly m3prv2) keeps
        # its labels as written; labels out of a run take upper case (m4prv2).
        """
        CLUSTER c {
        Shared-Volume vmcom1
          retain 30 DAYS
        member vmsys1 { WORKERS 2 private-volume m1prv1 m1prv2
        Purge manual
          m1prv3
        }
        member vmsys2 { workers 2 private-volume m2prv1
        m2prv2 retain }
        member vmsys3 { workers 2 private-volume m3prv1 purge weekly m3prv2 }
        member vmsys4 { workers 2 private-volume m4prv1 m4prv2 }
        }
        """,
        """
        cluster C {
          shared-volume VMCOM1
                        retain 30 DAYS
          member VMSYS1 {
            workers 2
            private-volume M1PRV1 M1PRV2
                           Purge manual
                           M1PRV3
          }
          member VMSYS2 {
            workers 2
            private-volume M2PRV1
                           M2PRV2 retain
          }
          member VMSYS3 { workers 2  private-volume M3PRV1 purge weekly m3prv2 }
          member VMSYS4 { workers 2  private-volume M4PRV1 M4PRV2 }
        }
        """,
    ),
    (
        "a-keyword-first-in-a-volume-list-keeps-its-spelling",
        # BKR021: a keyword that starts no statement, first in the list, is read as a
        # label and warned of; upper case would hide the warning, so it stays as
        # written; the labels after it take upper case as ever (vmcom1). A statement's
        # keyword first is warned of as the list's first label too, its help quoting
        # its line, which stays as written, as a run's does (`job vmcom2`).
        """
        cluster c {
        shared-volume on vmcom1
        shared-volume job vmcom2
        member vmsys1 { workers 2 private-volume Days }
        }
        """,
        """
        cluster C {
          shared-volume on VMCOM1
          shared-volume job vmcom2
          member VMSYS1 { workers 2  private-volume Days }
        }
        """,
    ),
    (
        "a-run-read-on-into-a-statement-is-not-wrapped",
        # BKR021 names the run's first line and counts its volumes: a wrap inside
        # the run would end it before M2PRV7 (a line that starts with no keyword).
        """
        cluster C { member VMSYS2 { workers 2  private-volume M2PRV1 retain 30 days M2PRV2 M2PRV3 M2PRV4 M2PRV5 M2PRV6 M2PRV7 M2PRV8 } }
        """,
        """
        cluster C {
          member VMSYS2 {
            workers 2
            private-volume M2PRV1 retain 30 days M2PRV2 M2PRV3 M2PRV4 M2PRV5 M2PRV6 M2PRV7 M2PRV8
          }
        }
        """,
    ),
    (
        "a-group-body-read-on-into-a-statement-keeps-its-lines-as-written",
        # BKR021: a group body whose IDs run on into words spelled like a statement
        # keeps its lines, one statement each, and the IDs of the run as written;
        # the IDs out of a run take upper case (cicsprd), and a group without such
        # a run is laid out on one line as ever (OTHERS).
        """
        single group apps {
          cicsprd  DB2PRD
            identity user foo
          match LIN*   Retain x
        }
        single group others {
          a
          b
        }
        """,
        """
        single group APPS {
          CICSPRD DB2PRD
          identity user foo
          match LIN* Retain x
        }
        single group OTHERS { A B }
        """,
    ),
    (
        "a-keyword-starting-no-statement-in-a-group-body-keeps-its-spelling",
        # BKR021: `full`, `on` in small or mixed letters are user IDs with a warning;
        # upper-cased they would be the users FULL and ON, meant, and the warning
        # would go. The other IDs take upper case. A body with an ID after such a word
        # keeps its lines (two warnings here: joined, `full On` would be one phrase,
        # one warning); one whose such word is its last (`LINUX01 full`), or that has
        # none, is laid out as any other.
        """
        single group apps {
          cicsprd  full
          On
        }
        single group others { FULL x }
        single group last {
          linux01 full
        }
        """,
        """
        single group APPS {
          CICSPRD full
          On
        }
        single group OTHERS { FULL X }
        single group LAST { LINUX01 full }
        """,
    ),
    (
        "a-keyword-begun-alone-in-a-group-body-keeps-its-line-as-written",
        # BKR021: `desc` alone on its line, `description` being typed (three letters or
        # more), keeps its line and spelling, so that the warning stays; `b`, too short
        # to say which keyword, is a user ID, upper-cased
        """
        single group apps {
          cicsprd
          desc
          b
        }
        """,
        """
        single group APPS {
          CICSPRD
          desc
          B
        }
        """,
    ),
    (
        "a-group-body-whose-first-word-reads-like-a-statement-keeps-it-on-the-brace-line",
        # BKR021: `private-volume` after the `{` is a user ID; first on a line of its own,
        # the parser reads it as the statement misplaced in the group (BKR013), so the
        # words of the `{` line stay there, the `{` alone below the name or not. Before,
        # `bkrc fmt` stopped with an internal error (FormatterBug) on the texts
        # `.ci/explore 40020` and `40021` found.
        """
        single group apps { private-volume # note
          cicsprd description
        }
        single group sys { description LNX01 # x
        }
        identity group ids
        { shared-volume 0 # x
          LNX01
        }
        """,
        """
        single group APPS { private-volume  # note
          CICSPRD description
        }
        single group SYS { description LNX01  # x
        }
        identity group IDS { shared-volume 0  # x
          LNX01
        }
        """,
    ),
    (
        "a-group-body-read-on-after-a-pattern-keeps-its-lines-as-written",
        # The same, in a body the fast parser reads (so tests/test_fmt_outline.py
        # compares both outline builders on it): a run after a pattern on its line.
        """
        identity group sysids {  tcpip
        match LIN*  job
          ftpserve }
        """,
        """
        identity group SYSIDS {
          TCPIP
          match LIN* job
          FTPSERVE
        }
        """,
    ),
    (
        "a-catalog-s-waits-keep-their-units-in-small-letters",
        # `logon-wait 3 MINUTES`: a unit is a value written in small letters, as a disk's `cyl`
        """
        cluster c {
        CATALOG SHARED SERVER bkrsvsfs POOL bkrpool   LOGON-WAIT 3 MINUTES
            Pool-Wait  300 Seconds
        }
        """,
        """
        cluster C {
          catalog shared server BKRSVSFS pool BKRPOOL logon-wait 3 minutes
                         pool-wait 300 seconds
        }
        """,
    ),
    (
        "a-last-label-spelled-like-a-keyword-keeps-the-member-one-statement-per-line",
        # `private-volume M1PRV1 JOB` is read with JOB as its last label because the
        # next statement starts the next line (docs/language.md); the one-line member
        # would put `workers 2` after it on its line, where JOB reads as the keyword:
        # `bkrc fmt` stopped with an internal error (FormatterBug, exit 2).
        """
        cluster C {
          member VMSYS1 { private-volume M1PRV1 JOB
            workers 2 }
          member VMSYS2 { private-volume M2PRV1 disk
            job-suffix B }
          member VMSYS3 { workers 2  private-volume M3PRV1 JOB }
        }
        """,
        """
        cluster C {
          member VMSYS1 {
            private-volume M1PRV1 JOB
            workers 2
          }
          member VMSYS2 {
            private-volume M2PRV1 disk
            job-suffix B
          }
          member VMSYS3 { workers 2  private-volume M3PRV1 JOB }
        }
        """,
    ),
    ("empty-file", "\n\n  \n", ""),
    ("comments-only", "\n# one\n\n\n## two   \n\n", "# one\n\n## two\n"),
]


@pytest.mark.parametrize("name,given,expected", CASES, ids=[c[0] for c in CASES])
def test_canonical_layout(name, given, expected):
    expected = _d(expected)
    assert format_text(_d(given)) == expected
    assert format_text(expected) == expected


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "case",
    [
        "BKR021.fail.bkr",
        "BKR021.fail-own-line.bkr",
        "BKR021.fail-shared.bkr",
        "BKR021.fail-group.bkr",
        "BKR021.fail-brace-on-line.bkr",
        "BKR021.fail-group-keyword.bkr",
        "BKR021.fail-keyword-first.bkr",
        "BKR021.fail-keyword-first-private.bkr",
    ],
)
def test_a_volume_list_read_on_warns_as_before_after_fmt(monkeypatch, parser, case):
    """`bkrc fmt` keeps BKR021's file reading as it did: same warnings, same
    labels, whichever parser reads it (docs/fmt.md)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = ROOT / "tests" / "data" / "rules" / case
    text = path.read_text(encoding="utf-8")

    def warned(source: str) -> list[tuple[str, str]]:
        found = analyse("read-on.bkr", source.encode(), path=path).diagnostics
        return [(d.code, d.message) for d in found]

    before = warned(text)
    assert [code for code, _ in before] == ["BKR021"] * text.count("# expect: BKR021")
    assert warned(format_text(text)) == before


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("given", "expected", "warnings"),
    [
        (
            "single group A\n{ Full Full  # x\n}\n",
            "single group A {\n  Full Full  # x\n}\n",
            1,
        ),
        (
            "single group A { LNX1 Full\nFull }\n",
            "single group A {\n  LNX1 Full\n  Full\n}\n",
            2,
        ),
        (
            (
                "import std/backup-manager\ncluster C {\n  member VM1 { workers 1 }\n"
                "  catalog shared server BKRSVSFS pool BKRPOOL\n"
                "  single group A {\n    CICSPRD server BKRSVSFS  # x\n  }\n}\n"
            ),
            None,
            1,
        ),
    ],
    ids=["a-keyword-twice", "a-keyword-on-two-lines", "the-catalog-server"],
)
def test_a_keyword_phrase_in_a_group_body_keeps_its_line(monkeypatch, parser, given, expected, warnings):
    """A keyword's phrase in a group body, `Full Full` or `server BKRSVSFS` on one
    line, is one BKR021 (runon.keyword_phrases), and the catalog's server no BKR208
    besides. A comment in the body broke it one entry per line: two warnings for
    `Full Full`, and for `server` and `BKRSVSFS` a warning and an error, the
    catalog's server read as a user; and a body without one joined `Full` and
    `Full` of two lines on one, one warning for two (`.ci/explore 202612041`
    found both). `bkrc fmt` keeps the body's lines, and the file reads as it did."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)

    def read(source: str) -> list[tuple[str, str]]:
        return [(d.code, d.message) for d in analyse("phrase.bkr", source.encode()).diagnostics]

    out = format_text(given)
    assert out == (expected or given)
    assert read(out) == read(given)
    assert [code for code, _ in read(given)].count("BKR021") == warnings
    assert "BKR208" not in [code for code, _ in read(given)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_disk_alone_below_a_volume_list_formats_as_the_label_it_is_read_as(monkeypatch, parser):
    """`disk` alone on the line after `shared-volume V`, before the `}`: one more
    label (BKR021), kept under the list. With the fast parser, `bkrc fmt` stopped
    with an internal error (FormatterBug, exit 2): it read the formatted text as a
    disk whose owner is missing (seen by bench/mutate.py's oracle on the text
    `.ci/explore 106` found)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "cluster C {\n  shared-volume V\n  disk\n}\n"
    result = run_cli(["fmt", "-"], input=text, expect=0)
    assert result.stdout == "cluster C {\n  shared-volume V\n                disk\n}\n"


def test_crlf_and_byte_order_mark_become_plain_lf():
    done = format_bytes("x.bkr", b"\xef\xbb\xbfsingle user a\r\nsingle user b\r\n")
    assert done.text == "single user A\nsingle user B\n"
    assert format_bytes("x.bkr", b"single user A\r\n").changed
    assert not format_bytes("x.bkr", b"single user A\n").changed


def test_syntax_errors_stop_formatting_with_diagnostics():
    done = format_bytes("x.bkr", b"cluster C { member M { workers } }\n")
    assert done.text is None
    assert [d.code for d in done.diagnostics] == ["BKR010"]


def test_binary_input_is_not_formatted():
    done = format_bytes("x.bkr", b"\x00\x01")
    assert done.text is None and done.diagnostics[0].code == "BKR001"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "line",
    ["  shared-volume V. member N { workers 2 }", "  expire on M { purge daily 23:30. retain 9 days }"],
)
def test_a_word_ending_in_a_full_stop_before_more_of_its_line_is_refused(line, monkeypatch, parser):
    """On a line of its own the `.` would end a sentence (BKR003): BKR091 at the
    `.`, not an internal error, and the file left as it is (both parsers)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = f"cluster C {{\n  member M {{ workers 2 }}\n{line}\n}}\n"
    done = format_bytes("x.bkr", text.encode())
    assert done.text is None
    column = line.index(". ") + 1
    assert [(d.code, d.span.line, d.span.column) for d in done.diagnostics] == [("BKR091", 3, column)]


def test_a_word_ending_in_a_full_stop_the_layout_keeps_where_it_is_formats():
    """`shared-volume A. B`: the layout keeps `A.` before `B`, and the proof holds."""
    text = "cluster C {\n  member M { workers 2 }\n  shared-volume A.  B\n}\n"
    assert format_bytes("x.bkr", text.encode()).text == text.replace(".  B", ". B")


def test_a_doc_comment_shared_by_two_declarations_is_refused():
    done = format_bytes("x.bkr", b"## both\nsingle user A single user B\n")
    assert done.text is None
    assert [(d.code, d.span.line, d.span.column) for d in done.diagnostics] == [("BKR090", 2, 15)]


# ----------------------------------------------------------------- the examples
# Every example (the broken one too: its mistakes are in what it says, not in its
# layout), the site module they import and the standard library are kept canonical.
CANONICAL = (
    sorted(EXAMPLES.glob("*.bkr"))
    + sorted(EXAMPLES.glob("*/*.bkr"))
    + sorted((ROOT / "stdlib").glob("*.bkr"))
)


def scramble(text: str) -> str:
    """Indentation stripped, blank lines doubled."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        out.append(stripped if stripped else "\n")
    return "\n".join(out)


@pytest.mark.parametrize("path", CANONICAL, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_and_stdlib_are_canonical(path):
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)) == text


@pytest.mark.parametrize("path", CANONICAL, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_scrambled_copy_formats_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    scrambled = scramble(text)
    assert scrambled != text
    assert format_text(scrambled, str(path)) == text


# ----------------------------------------------------------------- command line
UGLY = "cluster c {\nmember m { workers 1 }\n\n\n}\n"
PRETTY = "cluster C {\n  member M { workers 1 }\n}\n"


def test_check_passes_on_the_examples():
    run_cli(["fmt", "--check", *CANONICAL], expect=0)


def test_rewrites_in_place_and_keeps_permissions(tmp_path):
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    path.chmod(0o640)
    result = run_cli(["fmt", path], expect=0)
    assert path.read_text() == PRETTY
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "reformatted" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bkr"]  # no temporary file left
    run_cli(["fmt", path], expect=0)
    assert path.read_text() == PRETTY


def test_a_symbolic_link_stays_a_link_and_its_target_is_rewritten(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "a.bkr"
    target.write_text(UGLY)
    link = tmp_path / "link.bkr"
    link.symlink_to(target)
    run_cli(["fmt", link], expect=0)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text() == PRETTY
    assert sorted(p.name for p in real.iterdir()) == ["a.bkr"]


def test_check_names_the_files_that_would_change_and_changes_nothing(tmp_path):
    ugly, pretty = tmp_path / "ugly.bkr", tmp_path / "pretty.bkr"
    ugly.write_text(UGLY)
    pretty.write_text(PRETTY)
    result = run_cli(["fmt", "--check", ugly, pretty], expect=1)
    assert f"would reformat {ugly}" in result.output
    assert str(pretty) not in result.output
    assert ugly.read_text() == UGLY


def test_diff_prints_a_unified_diff_and_changes_nothing(tmp_path, snapshot):
    path = tmp_path / "ugly.bkr"
    path.write_text(UGLY)
    result = run_cli(["fmt", "--diff", path], expect=0)
    assert result.output.replace(str(path), "ugly.bkr") == snapshot
    assert path.read_text() == UGLY
    checked = run_cli(["fmt", "--diff", "--check", path], expect=1)
    assert checked.stdout == result.stdout and f"would reformat {path}" in checked.stderr


def test_check_with_diff_in_a_pipeline_prints_the_diff_and_exits_1(tmp_path):
    """A CI step: the diff on standard output, the file named on standard error, exit 1;
    a canonical file prints nothing and exits 0. In its own process, output to pipes."""
    import subprocess
    import sys

    (tmp_path / "ugly.bkr").write_text(UGLY)
    (tmp_path / "pretty.bkr").write_text(PRETTY)
    def fmt(*files):
        command = [sys.executable, "-m", "bkrdsl", "fmt", "--check", "--diff", *files]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    run = fmt("ugly.bkr", "pretty.bkr")
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("--- ugly.bkr\n+++ ugly.bkr (formatted)\n")
    assert "pretty.bkr" not in run.stdout and run.stderr == "would reformat ugly.bkr\n"
    assert (tmp_path / "ugly.bkr").read_text() == UGLY
    run = fmt("pretty.bkr")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_check_in_github_format_annotates_each_file_that_would_change(tmp_path, monkeypatch):
    """`bkrc fmt --check --format github` failed its step (exit 1) with nothing in the
    pull request: `would reformat FILE` is a log line, not an annotation. Each such
    file now gets one `::error` (the step fails for it, as for check's errors) at
    its first line that changes, besides that line; a canonical file gets none."""
    monkeypatch.chdir(tmp_path)
    minimal = (EXAMPLES / "minimal.bkr").read_bytes()
    lines = minimal.split(b"\n")
    n = next(i for i, line in enumerate(lines) if line.startswith(b"  "))
    (tmp_path / "indented.bkr").write_bytes(minimal.replace(b"\n  ", b"\n      ", 1))
    (tmp_path / "crlf.bkr").write_bytes(minimal.replace(b"\n", b"\r\n"))
    (tmp_path / "my, file.bkr").write_bytes(minimal.replace(b"\n  ", b"\n      ", 1))
    (tmp_path / "pretty.bkr").write_bytes(minimal)
    result = run_cli(["fmt", "--check", "--format", "github", "indented.bkr", "pretty.bkr", "crlf.bkr", "my, file.bkr"], expect=1)
    assert result.stderr == (
        "would reformat indented.bkr\n"
        f"::error file=indented.bkr,line={n + 1},title=bkrc fmt::would reformat indented.bkr:"
        " `bkrc fmt indented.bkr` rewrites it in the canonical layout\n"
        "would reformat crlf.bkr\n"
        "::error file=crlf.bkr,line=1,title=bkrc fmt::would reformat crlf.bkr:"
        " `bkrc fmt crlf.bkr` rewrites it in the canonical layout\n"
        "would reformat my, file.bkr\n"
        f"::error file=my%2C file.bkr,line={n + 1},title=bkrc fmt::would reformat my, file.bkr:"
        " `bkrc fmt 'my, file.bkr'` rewrites it in the canonical layout\n"
    )
    assert result.stdout == ""
    assert "::" not in run_cli(["fmt", "--check", "indented.bkr"], expect=1).stderr  # text: the line alone
    assert run_cli(["fmt", "--check", "--format", "github", "pretty.bkr"], expect=0).output == ""


def test_stdin_to_stdout():
    result = run_cli(["fmt", "-"], input=UGLY, expect=0)
    assert result.stdout == PRETTY


def test_stdin_with_errors_is_echoed_untouched():
    broken = "cluster c { member m { workers } }\n"
    result = run_cli(["fmt", "-"], input=broken, expect=1)
    assert result.stdout == broken
    assert "error[BKR010]" in result.stderr


def test_a_file_with_errors_is_left_untouched(tmp_path):
    path = tmp_path / "broken.bkr"
    path.write_text("cluster c {\n   member m { workers 1 }\n")
    result = run_cli(["fmt", path, "--format", "short"], expect=1)
    assert path.read_text() == "cluster c {\n   member m { workers 1 }\n"
    assert "BKR005" in result.output


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_file_with_syntax_errors_reports_them_as_check_does(parser, monkeypatch):
    """The same errors, messages and spans as `bkrc check`, with homed.py's last pass
    (`bkrdsl.syntax.reported`): `retain 35` misplaced in a job, its `days` left out,
    its slip said as its home block says it ("found the end of the line"), and its
    BKR013's help writing it whole (both parsers)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = ROOT / "tests" / "data" / "malformed" / "misplaced-statement-with-a-slip-of-its-own.bkr"
    check = run_cli(["check", "--color", "never", path], expect=1)
    fmt = run_cli(["fmt", "--check", "--color", "never", path], expect=1)
    assert "expected `days` after `35`, found the end of the line" in check.stdout
    assert fmt.stderr == check.stdout


def test_a_missing_file_is_exit_2_and_the_others_are_still_formatted(tmp_path):
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    result = run_cli(["fmt", tmp_path / "nope.bkr", path], expect=2)
    assert "no such file" in result.output
    assert path.read_text() == PRETTY


def test_the_example_in_the_docs_is_what_bkrc_fmt_does():
    import re

    doc = (ROOT / "docs" / "fmt.md").read_text(encoding="utf-8")
    section = doc[doc.index("## The layout") :]
    given, expected = re.findall(r"```bkr\n(.*?)```", section, re.DOTALL)[:2]
    assert format_text(given) == expected
    # It shows a layout, not a diagnostic: both texts check clean, warnings included.
    for text in (given, expected):
        analysis = analyse("fmt.md", text.encode("utf-8"))
        assert [d.code for d in analysis.diagnostics] == []


def _meaning_by_fields(value, field: str = ""):
    """`fmt.equivalence.meaning` as it was written before it kept each type's field
    names: `dataclasses.is_dataclass` and `fields` asked of each node, a field not
    compared (how a value was written: `ast.Backup.capitals`) left out, as it leaves it."""
    import dataclasses
    import enum

    from bkrdsl import ast
    from bkrdsl.fmt.equivalence import _text, _word
    from bkrdsl.source import Span

    if isinstance(value, Span):
        return None
    if isinstance(value, ast.Word):
        return ("Word", _word(value))
    if isinstance(value, ast.Module):
        return (
            "Module",
            value.file,
            _meaning_by_fields(value.imports),
            _meaning_by_fields(value.users),
            _meaning_by_fields(value.groups),
            _meaning_by_fields(value.clusters),
            tuple(_text(text) for _, text in value.comments),
        )
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, _meaning_by_fields(getattr(value, f.name), f.name))
                for f in dataclasses.fields(value)
                if f.compare and not isinstance(getattr(value, f.name), Span)
            ),
        )
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return tuple(_meaning_by_fields(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _meaning_by_fields(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(_meaning_by_fields(v)) for v in value))
    if isinstance(value, str) and field == "doc":
        return _text(value)
    return value


def test_meaning_keeps_each_types_fields_and_says_what_it_said_of_each_field():
    """`meaning` looks each type's dataclass fields up once (a table), and gives of the
    examples' modules (and their imports), and of dataclass classes, what asking
    `dataclasses` of each node gave."""
    from bkrdsl import ast
    from bkrdsl.fmt.equivalence import meaning

    compared = 0
    for path in sorted(EXAMPLES.glob("**/*.bkr")):
        analysis = analyse(str(path), path.read_bytes(), path=path)
        for module in analysis.program.modules:
            assert meaning(module) == _meaning_by_fields(module)
            compared += 1
    assert compared > 5
    assert meaning([ast.Module, ast.Word]) == _meaning_by_fields([ast.Module, ast.Word])


# --- h5 (stop 64)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written",
    [
        "  member VMSYS3 { workers 2  private-volume M3PRV1  suffix C }\n",
        "  member VMSYS3 {\n    workers 2\n    private-volume M3PRV1\n      suffix C\n      M3PRV2 worker 3\n  }\n",
    ],
)
def test_a_member_setting_misspelt_after_labels_warns_as_before_after_fmt(monkeypatch, parser, written):
    """`private-volume M3PRV1 suffix C`: BKR021 warns that `suffix C` is read as two
    more volumes (`job-suffix C` meant). `bkrc fmt` wrote them in capitals, `SUFFIX C`,
    after which the file checked clean, the volumes SUFFIX and C taken as meant; now it
    keeps them, and their lines, as written, and the file warns as before."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    clean = "  member VMSYS3 { workers 2  private-volume M3PRV1 }\n"
    assert clean in base
    text = base.replace(clean, written, 1)

    def warned(source: str) -> list[str]:
        return [d.message for d in analyse("prodssi.bkr", source.encode()).diagnostics if d.code == "BKR021"]

    before = warned(text)
    assert len(before) == written.count("suffix") + written.count("worker ")
    formatted = format_text(text)
    assert "suffix C" in formatted and "SUFFIX" not in formatted
    assert warned(formatted) == before


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_backup_keyword_in_capitals_formats_to_small_letters(monkeypatch, parser):
    """`BACKUP GUESTS FULL`, a line typed in capitals as on CMS: the AST notes how the
    keyword is written (`ast.Backup.capitals`, for BKR331's `BACKUP BACKUP`), which is not
    what the line means; `bkrc fmt` writes `backup` and keeps the meaning. With the note
    compared, fmt stopped with an internal error, FormatterBug "would change its meaning"
    (test_fmt_properties' recased examples, the merged tree of stop 65)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    given = (EXAMPLES / "minimal.bkr").read_text()
    assert "    backup GUESTS full\n" in given
    shouted = given.replace("    backup GUESTS full\n", "    BACKUP GUESTS FULL\n")
    result = run_cli(["fmt", "-"], input=shouted, expect=0)
    assert result.stdout == given


# --- h4 (stop 66)
@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_diff_counts_lines_at_line_feeds_only(tmp_path, char):
    """A U+2028, a NEL or a form feed in a comment is no line end to bkrc, nor to
    `diff` and `patch`: `bkrc fmt --diff` split its lines with str.splitlines, and
    gave hunks of five lines for a file of four, a "No newline at end of file" note
    inside the file. The diff applied gives `bkrc fmt`'s output."""
    text = f"cluster A {{\n  # a{char}b\n  member M {{   workers 2 }}\n}}\n"
    path = tmp_path / "d.bkr"
    path.write_text(text, encoding="utf-8")
    result = run_cli(["fmt", "--diff", path], expect=0)
    diff = result.stdout_bytes.decode("utf-8")
    assert diff.split("\n")[2:] == [
        "@@ -1,4 +1,4 @@",
        " cluster A {",
        f"   # a{char}b",
        "-  member M {   workers 2 }",
        "+  member M { workers 2 }",
        " }",
        "",
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_ending_a_comment_stays_and_so_does_its_warning(parser, char, monkeypatch):
    """`bkrc fmt` removed blanks at a comment's end with str.rstrip, a U+2028 or a NEL
    among them: BKR023 then went with it, and the formatted file reported less than
    its input (bench/mutate.py's oracle: the same codes). The character stays, and
    the blanks before it; ordinary blanks after it go."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = f"cluster A {{\n  member M {{   workers 2 }}  # end {char}  \n  # x{char}\n}}\n"
    formatted = format_text(text, "t.bkr")
    assert formatted == f"cluster A {{\n  member M {{ workers 2 }}  # end {char}\n  # x{char}\n}}\n"
    assert format_text(formatted, "t.bkr") == formatted

    def codes(t):
        return sorted(d.code for d in analyse("t.bkr", t.encode("utf-8")).diagnostics)

    assert codes(formatted) == codes(text) and codes(text).count("BKR023") == 2


# --- h4 (stop 67)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_form_feed_is_a_blank_to_both_parsers_and_to_fmt(monkeypatch, parser):
    """A form feed (U+000C), a page break of a file printed or listed on CMS, at a
    line's start, on a line of its own or between two words: no diagnostic, the
    same AST as with blanks, and `bkrc fmt` writes the layout of the file without
    it; in a comment it is kept (docs/language.md, BKR003)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    from bkrdsl.source import Source
    from bkrdsl.syntax import read_module

    base = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    text = (
        "\f" + base.replace("  job SYSFU {", "\f\n\f  job SYSFU {")
        .replace("workers 2  private-volume D1PRV1", "workers 2\fprivate-volume D1PRV1")
        .replace("retain 30 days", "retain\f30 days\f")
        .replace("# each member's", "# each\fmember's")
    )
    assert analyse("m.bkr", text.encode()).diagnostics == []
    plain = text.replace("# each\fmember's", "# each member's").replace("\f", " ")
    assert read_module(Source.of("m.bkr", text))[0] == read_module(Source.of("m.bkr", plain))[0]
    formatted = format_text(text)
    assert formatted == format_text(plain).replace("# each member's", "# each\fmember's")
    assert "\f" not in formatted.replace("# each\fmember's", "")
    assert analyse("m.bkr", formatted.encode()).diagnostics == []


# --- h6 (stop 68)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6s68_words_in_small_letters_after_sfs_paths_keep_their_case(monkeypatch, parser):
    """`include sfs BKRPOOL:CICSPRD.LOGS nightly copy of the logs`: a run of words in small
    letters after the paths reads as prose, one BKR318 for the run (a comment without its
    `#`). `bkrc fmt` wrote them in capitals, paths each without its pool: five BKR318 after
    it, where one was before, and the mend the run's help points to gone. They stay as
    written; a word alone there (a path, its pool left out) is a name, in capitals."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (
        "cluster C {\n  member VM1 { workers 2 }\n  single group APPS { CICSPRD }\n  job NOTES {\n"
        "    backup APPS full\n    include sfs BKRPOOL:CICSPRD.LOGS nightly copy of the logs\n"
        "    exclude sfs BKRPOOL:CICSPRD.TMP tmp\n    run on VM1 daily 01:00\n  }\n}\n"
    )
    formatted = format_text(text, "t.bkr")
    assert "include sfs BKRPOOL:CICSPRD.LOGS nightly copy of the logs\n" in formatted
    assert "exclude sfs BKRPOOL:CICSPRD.TMP TMP\n" in formatted
    assert format_text(formatted, "t.bkr") == formatted

    def codes(t):
        return sorted(d.code for d in analyse("t.bkr", t.encode("utf-8")).diagnostics)

    assert codes(formatted) == codes(text) and codes(text).count("BKR318") == 2


# stop 71, h8: a `catalog` statement too wide for its line is filled at its options
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h8s71_a_wide_catalog_statement_is_filled_at_its_options(monkeypatch, parser):
    """`catalog shared server BKRSVSFS pool BKRPOOL on VM1 logon-wait 2 minutes
    pool-wait 15 minutes` is 94 columns: it stayed on one line, the one statement of a
    cluster `bkrc fmt` left wider than 80 columns but for a description. It is filled at
    its options (`server`, `pool`, `on`, `logon-wait`, `pool-wait`), as `tape manager`
    is, the continuation under the first option; a wait keeps its number and unit."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (
        "import std/backup-manager\ncluster C {\n  member VM1 { workers 2 }\n  member VM2 { workers 2 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on VM1 logon-wait 2 minutes pool-wait 15 minutes\n"
        "  expire on VM1 {\n    purge weekly sun 06:00\n    retain 30 days\n  }\n"
        "  identity group SYSTEM { RSCS }\n  job SYS {\n    backup SYSTEM full\n"
        "    include minidisk * 0191\n    to disk\n    run on each member daily 02:00\n  }\n}\n"
    )
    formatted = format_text(text, "c.bkr")
    assert (
        "  catalog shared server BKRSVSFS pool BKRPOOL on VM1 logon-wait 2 minutes\n"
        "                 pool-wait 15 minutes\n  expire on VM1 {\n"
    ) in formatted
    assert max(len(line) for line in formatted.splitlines()) <= 80
    assert format_text(formatted, "c.bkr") == formatted
    assert analyse("c.bkr", text.encode()).diagnostics == []
    assert analyse("c.bkr", formatted.encode()).diagnostics == []
    # a local catalog aligns under its own first option; a comment inside breaks it there
    local = (
        "cluster C {\n  member VM1 { workers 2 }\n  catalog local server BKRSVSFS  # each member's\n"
        "  pool BKRPOOL logon-wait 2 minutes pool-wait 15 minutes logon-wait 30 seconds\n}\n"
    )
    assert format_text(local, "l.bkr") == (
        "cluster C {\n  member VM1 { workers 2 }\n  catalog local server BKRSVSFS  # each member's\n"
        "                pool BKRPOOL logon-wait 2 minutes pool-wait 15 minutes\n"
        "                logon-wait 30 seconds\n}\n"
    )


# stop 74, h6: a group too wide for its line is filled, not one ID a line
def _h6s74_guests(n: int) -> str:
    return " ".join(f"LNXG{i:04d}" for i in range(n))


def _h6s74_cluster(body: str) -> str:
    return (
        "import std/backup-manager\ncluster C {\n  member VM1 { workers 2 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on VM1\n"
        "  expire on VM1 {\n    purge weekly sun 06:00\n    retain 30 days\n  }\n"
        f"{body}"
        "  job LNX {\n    backup LINUX full\n    include minidisk * 0191\n    to disk\n    run on VM1 daily 02:00\n  }\n}\n"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6s74_a_wide_group_is_filled_several_ids_to_a_line(monkeypatch, parser):
    """A group body too wide for its line went one user ID per line: 40 guests made 42
    lines, where `single user` of the same IDs fills two. The IDs are filled inside the
    braces, indented one level, as many on a line as fit in 80 columns (rustfmt's
    short-item arrays), a `match` set apart by two spaces as on one line."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _h6s74_cluster(f"  single group linux {{ {_h6s74_guests(40)} match LNXAPP* LNXT01 }}\n")
    formatted = format_text(text, "c.bkr")
    rows = [" ".join(f"LNXG{i:04d}" for i in range(r, r + 8)) for r in range(0, 40, 8)]
    group = "  single group LINUX {\n" + "".join(f"    {r}\n" for r in rows) + "    match LNXAPP*  LNXT01\n  }\n"
    assert group in formatted
    assert len(group.splitlines()) == 8
    assert max(len(line) for line in formatted.splitlines()) <= 80
    assert format_text(formatted, "c.bkr") == formatted
    assert analyse("c.bkr", text.encode()).diagnostics == []
    assert analyse("c.bkr", formatted.encode()).diagnostics == []
    # the one-per-line layout of before formats to the same text
    before = "  single group LINUX {\n" + "".join(f"    LNXG{i:04d}\n" for i in range(40))
    before += "    match LNXAPP*\n    LNXT01\n  }\n"
    assert format_text(formatted.replace(group, before), "c.bkr") == formatted


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6s74_comments_and_blank_lines_break_a_group_s_fill(monkeypatch, parser):
    """An ID with a comment after it ends its line (the comment still follows it); a
    comment line stays its own line, and the fill starts again after it; a blank line
    between IDs stays (a run of them becomes one); a `match` broken by its comment is
    a statement on lines of its own; each stays where it was among the tokens."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _d(
        """
        single group LINUX {
          lnxweb01 LNXWEB02 LNXWEB03  # the web servers
          LNXWEB04 LNXWEB05 LNXWEB06 LNXWEB07 LNXWEB08 LNXWEB09 LNXWEB10 LNXWEB11 LNXWEB12 LNXWEB13
          # the databases
          LNXDB01
          LNXDB02



          match LNXAPP*  LNXT01 match  # any test guest
          LNXT*  LNXT02
          # the end
        }
        """
    )
    expected = _d(
        """
        single group LINUX {
          LNXWEB01 LNXWEB02 LNXWEB03  # the web servers
          LNXWEB04 LNXWEB05 LNXWEB06 LNXWEB07 LNXWEB08 LNXWEB09 LNXWEB10 LNXWEB11
          LNXWEB12 LNXWEB13
          # the databases
          LNXDB01 LNXDB02

          match LNXAPP*  LNXT01
          match  # any test guest
              LNXT*
          LNXT02
          # the end
        }
        """
    )
    assert format_text(text) == expected
    assert format_text(expected) == expected
    from test_fmt_properties import assert_properties

    assert assert_properties(text) == expected


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6s74_an_entry_wider_than_a_line_stands_alone(monkeypatch, parser):
    """A pattern longer than a line holds is never broken: it stands alone on its line,
    and the IDs after it are filled on the next."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    long = "LNX" + "X" * 80 + "*"
    text = f"single group G {{ A1 A2 match {long} A3 A4 }}\n"
    expected = f"single group G {{\n  A1 A2\n  match {long}\n  A3 A4\n}}\n"
    assert format_text(text) == expected
    assert format_text(expected) == expected


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h6s74_a_last_id_that_alone_reads_as_a_keyword_typed_keeps_its_company(monkeypatch, parser):
    """`shared`, the last ID (BKR021: a user SHARED), alone on its line would read as
    `shared-volume` being typed, and BKR021 would say that instead: it stays after the
    ID before it, even past 80 columns, and the file warns as it did."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    ids = " ".join(f"LNXWEB{i:02d}" for i in range(1, 9))
    text = f"single group G {{ {ids} LNXT01 shared }}\n"
    expected = f"single group G {{\n  {ids} LNXT01 shared\n}}\n"
    assert format_text(text) == expected
    assert format_text(expected) == expected

    def said(t):
        return [(d.code, d.message) for d in analyse("g.bkr", t.encode()).diagnostics]

    assert said(expected) == said(text) and [code for code, _ in said(text)] == ["BKR021"]


# stop 75, h1: `# bkrc: allow` kept where it is by `bkrc fmt`, idempotent, and still
# covering the same warnings: a one-line block laid out over several lines keeps its
# trailing allow after its `}`, which covers the block whole.
H1_75_SHARED = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge daily 01:00  retain 35 days }   # bkrc: allow BKR403 the purge waits on a lock
  identity group SYSIDS { TCPIP }
     # bkrc: allow BKR227 our own template names
  job SYSINC {
    backup SYSIDS incremental
    include minidisk   *   *
    to disk
    run on each member daily 01:00
  }
  job SYSINCF {    # bkrc: allow BKR227 ours too
    backup SYSIDS full
    include minidisk * *
    to disk
    run on each member daily 01:00   # bkrc: allow BKR402 a lock orders them
  }
}
"""


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_fmt_keeps_each_allow_where_it_is_and_what_it_covers(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    before = analyse("site.bkr", H1_75_SHARED.encode())
    assert before.diagnostics == []
    assert sorted(a.diagnostic.code for a in before.allowed) == ["BKR227", "BKR227", "BKR402", "BKR403"]
    once = format_text(H1_75_SHARED, "site.bkr")
    assert format_text(once, "site.bkr") == once
    lines = once.splitlines()
    assert "  }  # bkrc: allow BKR403 the purge waits on a lock" in lines
    assert lines[lines.index("  # bkrc: allow BKR227 our own template names") + 1] == "  job SYSINC {"
    assert "  job SYSINCF {  # bkrc: allow BKR227 ours too" in lines
    assert "    run on each member daily 01:00  # bkrc: allow BKR402 a lock orders them" in lines
    after = analyse("site.bkr", once.encode())
    assert after.diagnostics == []
    assert sorted(a.diagnostic.code for a in after.allowed) == ["BKR227", "BKR227", "BKR402", "BKR403"]


# stop 75, h6: a line under a selection's addresses that reads as a statement keeps its line
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("job", "above", "line", "codes"),
    [
        # bench/mutate.py --seed 50761 --case 34, reduced: `exclude` misspelt as another word
        ("APPSFULL", "    exclude minidisk * 0190 019D 019E\n", "one minidisk * 0190", ["BKR310", "BKR312"]),
        # a tape's own setting, as JCL writes it, in small letters
        ("SYSIN", "    include minidisk * 0191\n", "density 6250", ["BKR310"]),
        # words after the first that are no addresses either are the same one slip
        ("APPSFULL", "    exclude minidisk * 0190 019D 019E\n", "frob x1 35 days", ["BKR310"]),
    ],
)
def test_h6s75_a_statement_read_as_addresses_keeps_its_line_after_fmt(monkeypatch, parser, job, above, line, codes):
    """A word that starts a line under a minidisk selection's addresses, no address and
    spelled as a statement's first (`one minidisk * 0190`), is one BKR310 for its line
    (the addresses run on over line breaks). `bkrc fmt` joined the line to the one above,
    `exclude minidisk * 0190 019D 019E ONE MINIDISK * 0190`, where ONE and MINIDISK are
    each an error of their own (and `DENSITY 6250` no longer a tape's setting). It now
    keeps the line, its first word first on it and the words that are no addresses as
    written, so the file reports what it did, and the output is a fixed point."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    assert f"  job {job} {{" in base and above in base
    text = base.replace(above, f"{above}    {line}\n", 1)

    def said(source: str) -> list[tuple[str, str, int]]:
        return [(d.code, d.message, d.span.line) for d in analyse("prodssi.bkr", source.encode()).diagnostics]

    before = said(text)
    assert sorted(code for code, _, _ in before) == codes
    formatted = format_text(text)
    align = " " * len(above.rstrip("\n").split(" * ")[0] + " * ")
    assert f"{above}{align}{line}\n" in formatted
    assert format_text(formatted) == formatted
    assert said(formatted) == before


# stop 76, h1: lining up a run of trailing comments never pushes one past 80 columns
def _h1s76_job(*lines: str) -> str:
    return (
        "import std/backup-manager\ncluster C {\n  member VM1 { workers 2 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on VM1\n"
        "  expire on VM1 {\n    purge weekly sun 06:00\n    retain 30 days\n  }\n"
        "  single group APPS { MAINT LNX01 }\n"
        "  job APPSFULL {\n    backup APPS full\n" + "".join(f"    {line}\n" for line in lines) + "  }\n}\n"
    )


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1s76_a_comment_the_run_s_column_would_push_past_80_starts_a_new_run(monkeypatch, parser):
    """`bkrc init --directory`'s full job of IDENTITY users: the `run on` line's
    statement is the widest, and its column pushed the MAINT line's comment to
    column 84. A run of trailing comments is now split where a comment would pass
    80 columns (clang-format's rule): the lines above it line up at their own
    widest statement, and the `run on` line's comment starts a run of its own."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _h1s76_job(
        "include minidisk * 0191  # your minidisk addresses",
        "include minidisk MAINT 0CF1  # in prodssi.direct: `* 0191` leaves it out",
        "to disk pool BKUPPOOL  # your backup disk pool",
        "run on VM1 weekly mon,tue,wed 03:30  # your schedule",
    )
    formatted = format_text(text, "c.bkr")
    assert (
        "    include minidisk * 0191      # your minidisk addresses\n"
        "    include minidisk MAINT 0CF1  # in prodssi.direct: `* 0191` leaves it out\n"
        "    to disk pool BKUPPOOL        # your backup disk pool\n"
        "    run on VM1 weekly mon,tue,wed 03:30  # your schedule\n"
    ) in formatted
    assert max(len(line) for line in formatted.splitlines()) <= 80
    assert format_text(formatted, "c.bkr") == formatted
    # Where every comment fits at the widest statement's column, the run is one, as before.
    short = text.replace("# in prodssi.direct: `* 0191` leaves it out", "# MAINT's")
    assert "    include minidisk MAINT 0CF1          # MAINT's\n" in format_text(short, "c.bkr")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1s76_a_comment_past_80_even_two_spaces_after_stands_alone_there(monkeypatch, parser):
    """A comment that passes 80 columns even two spaces after its statement stays
    there (fmt never moves a comment to another line) in a run of its own: the lines
    before it and those after it each line up among themselves, neither pushed
    out to it nor pushing it further."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    long = "# " + "a comment too long for any line of this file, " * 2
    text = _h1s76_job(
        "include minidisk * 0191  # one",
        "include minidisk * 0100-0FFF  # two",
        f"exclude minidisk MAINT 0CF1  {long.rstrip()}",
        "to disk  # three",
        "run on VM1 weekly sun 03:30  # four",
    )
    formatted = format_text(text, "c.bkr")
    assert (
        "    include minidisk * 0191       # one\n"
        "    include minidisk * 0100-0FFF  # two\n"
        f"    exclude minidisk MAINT 0CF1  {long.rstrip()}\n"
        "    to disk                      # three\n"
        "    run on VM1 weekly sun 03:30  # four\n"
    ) in formatted
    assert format_text(formatted, "c.bkr") == formatted


# stop 77, h12: `bkrc fmt --check --format gitlab`, an issue per file that would change
def test_check_in_gitlab_format_reports_each_file_that_would_change(tmp_path, monkeypatch):
    """As github's annotation: each file `--check` would reformat is an issue of the
    Code Quality report on standard error (`bkrc fmt`, major: the job fails for it),
    at its first line that changes; `would reformat FILE` lines go to standard
    output, as with json. Its fingerprint is the file's and the check's alone, so it
    stays one issue while the file's text changes; a canonical file gives `[]`."""
    import json

    monkeypatch.chdir(tmp_path)
    minimal = (EXAMPLES / "minimal.bkr").read_bytes()
    n = next(i for i, line in enumerate(minimal.split(b"\n")) if line.startswith(b"  "))
    (tmp_path / "indented.bkr").write_bytes(minimal.replace(b"\n  ", b"\n      ", 1))
    (tmp_path / "crlf.bkr").write_bytes(minimal.replace(b"\n", b"\r\n"))
    (tmp_path / "pretty.bkr").write_bytes(minimal)
    result = run_cli(["fmt", "--check", "--format", "gitlab", "indented.bkr", "pretty.bkr", "crlf.bkr"], expect=1)
    assert result.stdout == "would reformat indented.bkr\nwould reformat crlf.bkr\n"
    issues = json.loads(result.stderr)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("indented.bkr", n + 1),
        ("crlf.bkr", 1),
    ]
    assert {i["check_name"] for i in issues} == {"bkrc fmt"} and {i["severity"] for i in issues} == {"major"}
    assert issues[0]["description"] == "would reformat indented.bkr: `bkrc fmt indented.bkr` rewrites it in the canonical layout"
    assert len({i["fingerprint"] for i in issues}) == 2
    (tmp_path / "indented.bkr").write_bytes(b"# a comment\n" + minimal.replace(b"\n  ", b"\n        ", 1))
    again = json.loads(run_cli(["fmt", "--check", "--format", "gitlab", "indented.bkr"], expect=1).stderr)
    assert again[0]["fingerprint"] == issues[0]["fingerprint"]
    assert run_cli(["fmt", "--check", "--format", "gitlab", "pretty.bkr"], expect=0).stderr == "[]\n"


# stop 78, h9: `bkrc fmt --check --format json|sarif`, a finding per file that would change
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_check_in_json_and_sarif_reports_each_file_that_would_change(tmp_path, monkeypatch, fmt):
    """`fmt --check` exits 1 for a file it would reformat; its json and sarif
    documents said a clean run (no finding, SARIF no result) while the step
    failed. Each such file is a finding now, as gitlab's issue and github's
    annotation: `fmt/would-reformat`, an error, at its first line that changes;
    the run did its job (`execution_successful` true); a canonical file has none."""
    import json

    from test_cli_contract import SARIF_SCHEMA

    monkeypatch.chdir(tmp_path)
    minimal = (EXAMPLES / "minimal.bkr").read_bytes()
    n = next(i for i, line in enumerate(minimal.split(b"\n")) if line.startswith(b"  "))
    (tmp_path / "indented.bkr").write_bytes(minimal.replace(b"\n  ", b"\n      ", 1))
    (tmp_path / "pretty.bkr").write_bytes(minimal)
    result = run_cli(["fmt", "--check", "--format", fmt, "indented.bkr", "pretty.bkr"], expect=1)
    assert result.stdout == "would reformat indented.bkr\n"
    document = json.loads(result.stderr)
    help_ = "`bkrc fmt indented.bkr` rewrites it in the canonical layout"
    if fmt == "json":
        assert document["execution_successful"] is True and document["failures"] == []
        assert document["unformatted"] == [
            {
                "check": "fmt/would-reformat", "severity": "error", "message": "would reformat indented.bkr",
                "file": "indented.bkr", "line": n + 1, "help": help_,
            }
        ]
    else:
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
        (run,) = document["runs"]
        (rule,) = run["tool"]["driver"]["rules"]
        assert rule["id"] == "fmt/would-reformat" and rule["defaultConfiguration"]["level"] == "error"
        assert [
            (r["ruleId"], r["level"], r["message"]["text"], r["locations"][0]["physicalLocation"]) for r in run["results"]
        ] == [
            (
                "fmt/would-reformat", "error", f"would reformat indented.bkr\nhelp: {help_}",
                {"artifactLocation": {"uri": "indented.bkr"}, "region": {"startLine": n + 1}},
            )
        ]
    clean = json.loads(run_cli(["fmt", "--check", "--format", fmt, "pretty.bkr"], expect=0).stderr)
    assert "unformatted" not in clean if fmt == "json" else clean["runs"][0]["results"] == []
