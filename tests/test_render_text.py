"""The text renderer's frames: the user's own line, carets under the right
characters, whatever the line holds (tabs, 100,000 characters), spans over
several lines, a second place in another file, and the `N more` line."""

from __future__ import annotations

from bkrdsl.diagnostics import Related
from bkrdsl.diagnostics.render import FRAME_WIDTH, render_one_text, render_text
from bkrdsl.source import Source
from bkrdsl.syntax import codes
from bkrdsl.syntax.parser import MAX_REPORTED, parse


def source(name: str, text: str) -> Source:
    return Source.of(name, text)


def marked(frame: str, number: int) -> tuple[str, str]:
    """The source line numbered `number` in a frame, and the caret line under it."""
    lines = frame.splitlines()
    i = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{number} |"))
    return lines[i], lines[i + 1]


def under(frame: str, number: int, marker: str = "^") -> str:
    """The text the carets (or dashes) of line `number` stand under."""
    text, carets = marked(frame, number)
    start = carets.index(marker, carets.index("|") + 1)
    end = start
    while end < len(carets) and carets[end] == marker:
        end += 1
    return text[start:end]


def word_at(src: Source, line: int, word: str):
    column = src.line_text(line).index(word) + 1
    start = src.text.index(word, sum(len(src.line_text(n)) + 1 for n in range(1, line)))
    return src.span(start, start + len(word)), column


def test_a_simple_frame():
    src = source("a.bkr", "cluster A {\n  member M { wokers 2 }\n}\n")
    span, _ = word_at(src, 2, "wokers")
    d = codes.UNKNOWN_KEYWORD("unknown keyword `wokers`", span, help="write `workers`", label="here")
    assert render_one_text(d, {"a.bkr": src}) == (
        "error[BKR012]: unknown keyword `wokers`\n"
        " --> a.bkr:2:14\n"
        "  |\n"
        "2 |   member M { wokers 2 }\n"
        "  |              ^^^^^^ here\n"
        "  = help: write `workers`"
    )


def test_tabs_are_expanded_in_the_line_and_under_it():
    src = source("t.bkr", "cluster A {\n\tmember M {\t\twokers 2 }\n}\n")
    span, _ = word_at(src, 2, "wokers")
    frame = render_one_text(codes.UNKNOWN_KEYWORD("x", span), {"t.bkr": src})
    text, carets = marked(frame, 2)
    assert "\t" not in text and "\t" not in carets
    assert under(frame, 2) == "wokers"


def test_the_carets_stand_under_their_word_after_wide_letters_and_combining_marks():
    # A terminal shows each of 日本語 in two columns and the accent of an `é` written
    # as `e` and U+0301 in none: the carets were put one column per character.
    src = source("w.bkr", 'cluster A {\n  description "日本語 e\u0301" wokers 2\n}\n')
    span, _ = word_at(src, 2, "wokers")
    frame = render_one_text(codes.UNKNOWN_KEYWORD("x", span), {"w.bkr": src})
    text, carets = marked(frame, 2)
    assert text == '2 |   description "日本語 e\u0301" wokers 2'
    # after `  |`: a blank, `  description "` (15), 日本語 (6 columns), ` e\u0301" ` (4)
    assert carets == "  |" + " " * (1 + 15 + 6 + 4) + "^^^^^^"


def test_a_long_line_is_cut_around_the_carets():
    line = "  single group G { " + " ".join(f"U{i:05d}" for i in range(2000)) + " BAD$NAME }"
    src = source("long.bkr", "cluster A {\n" + line + "\n}\n")
    span, _ = word_at(src, 2, "U01500")
    frame = render_one_text(codes.SYNTAX("x", span, label="this one"), {"long.bkr": src})
    text, carets = marked(frame, 2)
    assert text.startswith("2 | ...") and text.endswith("...")
    assert len(text) <= FRAME_WIDTH + 12
    assert under(frame, 2) == "U01500"
    assert carets.endswith("^^^^^^ this one")


def test_a_long_line_cut_only_at_the_end_when_the_carets_are_near_its_start():
    src = source("long.bkr", "cluster A { " + "x " * 5000 + "}\n")
    span, _ = word_at(src, 1, "cluster")
    frame = render_one_text(codes.SYNTAX("x", span), {"long.bkr": src})
    text, _ = marked(frame, 1)
    assert text.startswith("1 | cluster A") and text.endswith("...")
    assert under(frame, 1) == "cluster"


def test_a_100000_character_name_stays_readable():
    name = "N" * 100_000
    src = source("n.bkr", f"cluster A {{\n  member {name} {{ workers 2 }}\n}}\n")
    span, _ = word_at(src, 2, name)
    d = codes.SYNTAX(f"`{name}` is not a member name", span, help=f"shorten `{name}`")
    out = render_text([d], {"n.bkr": src})
    assert max(len(line) for line in out.splitlines()) < 200
    assert len(out) < 1000
    assert "`NNNNN" in out and "...NNNNNNNNNN`" in out


def test_a_help_s_code_is_shown_whole_to_be_copied():
    # A help's quoted code past 60 characters was cut around `...` (`include minidisk
    # * 0100 0191 0192 0193 0194 019... 0300 0301`): copied, it did not check.
    src = source("i.bkr", "cluster A {\n  job J {\n    include 0100\n  }\n}\n")
    span, _ = word_at(src, 3, "include")
    code = "include minidisk * " + " ".join(f"{n:04X}" for n in range(0x100, 0x10E))
    d = codes.SYNTAX("expected `minidisk` or `sfs` after `include`", span, help=f"write `{code}`: then the addresses")
    out = render_one_text(d, {"i.bkr": src})
    assert f"  = help: write `{code}`: then the addresses" in out.splitlines()
    assert "..." not in out


def test_a_help_longer_than_a_line_is_broken_between_words_never_inside_its_code():
    src = source("i.bkr", "cluster A {\n  job J {\n    include 0100\n  }\n}\n")
    span, _ = word_at(src, 3, "include")
    code = "include minidisk * " + " ".join(f"{n:04X}" for n in range(0x100, 0x100 + 50))
    d = codes.SYNTAX("x", span, help="first " * 30 + f"write `{code}`: then the addresses")
    help_lines = render_one_text(d, {"i.bkr": src}).split("= help: ")[1].splitlines()
    assert len(help_lines) == 2 and help_lines[0].endswith(" write")
    assert help_lines[1].strip() == f"`{code}`: then the addresses"


def test_a_huge_name_in_a_help_s_code_is_cut_alone():
    name = "N" * 100_000
    src = source("n.bkr", f"cluster A {{\n  member {name} {{ workers 2 }}\n}}\n")
    span, _ = word_at(src, 2, name)
    d = codes.SYNTAX("x", span, help=f"write `member {name} {{ workers 2 }}`")
    help_line = render_one_text(d, {"n.bkr": src}).splitlines()[-1]
    assert len(help_line) < 100
    assert help_line.startswith("  = help: write `member NNNN") and help_line.endswith("NNN { workers 2 }`")


def test_a_span_over_several_lines_marks_its_first_and_last_line():
    src = source(
        "m.bkr",
        "cluster A {\n  job J {\n    backup G\n    to tape\n  }\n}\n",
    )
    start = src.text.index("job J")
    end = src.text.index("}", start) + 1
    d = codes.SYNTAX("the whole job", src.span(start, end), label="this job")
    assert render_one_text(d, {"m.bkr": src}) == (
        "error[BKR004]: the whole job\n"
        " --> m.bkr:2:3\n"
        "  |\n"
        "2 |   job J {\n"
        "  |   ^^^^^^^\n"
        "...\n"
        "5 |   }\n"
        "  |   ^ this job"
    )


def test_a_span_ending_at_the_start_of_a_line_ends_on_the_line_before():
    src = source("m.bkr", "cluster A {\n  member M { workers 2 }\n}\n")
    start = src.text.index("member")
    end = src.text.index("\n", start) + 1  # just past the newline: line 3, column 1
    span = src.span(start, end)
    assert (span.end_line, span.end_column) == (3, 1)
    frame = render_one_text(codes.SYNTAX("x", span), {"m.bkr": src})
    assert "3 |" not in frame
    assert under(frame, 2) == "member M { workers 2 }"


def test_two_line_span_has_no_ellipsis():
    src = source("m.bkr", "cluster A {\n  member M {\n    workers 2 }\n}\n")
    start = src.text.index("member")
    end = src.text.index("}") + 1
    frame = render_one_text(codes.SYNTAX("x", src.span(start, end)), {"m.bkr": src})
    assert "..." not in frame
    assert under(frame, 2) == "member M {"
    assert under(frame, 3) == "workers 2 }"


def test_a_related_span_in_another_file_shows_that_files_line():
    main = source("prod.bkr", "import ./site\ncluster A {\n  single group G { TCPIP }\n}\n")
    site = source("site/common.bkr", "\n" * 11 + "identity user TCPIP\n")
    use, _ = word_at(main, 3, "TCPIP")
    decl, _ = word_at(site, 12, "TCPIP")
    d = codes.SYNTAX(
        "`TCPIP` is declared identity",
        use,
        label="used as single here",
        related=(Related(decl, "declared here"),),
    )
    out = render_one_text(d, {"prod.bkr": main, "site/common.bkr": site})
    assert " --> prod.bkr:3:20" in out.replace("  -->", " -->")
    assert "::: site/common.bkr:12:15" in out
    assert under(out, 3) == "TCPIP"
    assert under(out, 12, "-") == "TCPIP"
    # One gutter for the whole diagnostic, as wide as the largest line number.
    assert " 3 |   single group G { TCPIP }" in out
    assert "12 | identity user TCPIP" in out


def test_a_related_span_in_a_file_that_is_not_loaded_still_names_it():
    main = source("prod.bkr", "cluster A {\n}\n")
    elsewhere = Source.of("gone.bkr", "x\n").span(0, 1)
    d = codes.SYNTAX("x", main.span(0, 7), related=(Related(elsewhere, "over there"),))
    out = render_one_text(d, {"prod.bkr": main})
    assert "::: gone.bkr:1:1" in out


def test_the_n_more_line_closes_a_long_list():
    text = "cluster A {\n" + "  member { workers 2 }\n" * (MAX_REPORTED + 5) + "}\n"
    result = parse(Source.of("many.bkr", text))
    out = render_text(result.diagnostics, {"many.bkr": result.source})
    blocks = out.strip().split("\n\n")
    assert blocks[-1] == f"{MAX_REPORTED + 1} errors"
    assert blocks[-2].startswith("error[BKR008]: 5 more syntax errors not shown\n")
    assert f"many.bkr:{MAX_REPORTED + 2}:10" in blocks[-2]  # the first error not shown


def test_the_end_of_the_file_is_shown_after_its_last_character():
    src = source("e.bkr", "cluster A {\n  member M { workers 2 }\n\n\n")
    result = parse(src)
    (d,) = result.diagnostics
    out = render_text([d], {"e.bkr": src})
    assert "::: e.bkr:2:25" in out  # just after the last `}`, not on the blank lines
    assert under(out, 2, "-") == ""


def test_colour_only_when_asked():
    src = source("a.bkr", "x\n")
    d = codes.SYNTAX("x", src.span(0, 1), help="h")
    assert "\x1b[" not in render_text([d], {"a.bkr": src})
    assert "\x1b[" in render_text([d], {"a.bkr": src}, color=True)


def test_a_control_or_bidi_character_in_a_comment_is_shown_not_sent_to_the_terminal():
    """A comment may hold what a terminal acts on: `ESC ] 0 ; ... BEL` retitles it,
    `ESC [ 2 J` clears the screen, U+202E shows the rest of the line backwards. The
    frame shows each as one visible character (`␛`, `␇`, `�`), its carets in place."""
    line = "  wokers 2  # \x1b]0;title\x07 \x1b[2J \u202etxet \x7f\x9b"
    src = source("c.bkr", f"cluster A {{\n{line}\n}}\n")
    span, _ = word_at(src, 2, "wokers")
    frame = render_one_text(codes.UNKNOWN_KEYWORD("x", span), {"c.bkr": src})
    assert not any(c in frame for c in "\x1b\x07\u202e\x7f\x9b")
    text, _ = marked(frame, 2)
    assert text == "2 |   wokers 2  # \u241b]0;title\u2407 \u241b[2J \ufffdtxet \u2421\ufffd"
    assert under(frame, 2) == "wokers"
    span, _ = word_at(src, 2, "txet")
    assert under(render_one_text(codes.UNKNOWN_KEYWORD("x", span), {"c.bkr": src}), 2) == "txet"


# --- h4 (stop 66)
def test_a_line_separator_in_a_comment_is_shown_in_the_frame_as_one_visible_character():
    """U+2028, U+2029 and a NEL end a line for some viewers and logs, not for bkrc:
    the frame shows each as `�`, one column, and the carets after it stay in place."""
    line = "  wokers 2  # a\u2028b\u2029c\x85 wokers"
    src = source("c.bkr", f"cluster A {{\n{line}\n}}\n")
    start = src.text.rindex("wokers")
    frame = render_one_text(codes.UNKNOWN_KEYWORD("x", src.span(start, start + 6)), {"c.bkr": src})
    assert not any(c in frame for c in "\u2028\u2029\x85")
    text, _ = marked(frame, 2)
    assert text == "2 |   wokers 2  # a\ufffdb\ufffdc\ufffd wokers"
    assert under(frame, 2) == "wokers"


def test_a_message_help_or_label_quoting_a_comment_sends_the_terminal_no_control():
    """A help may quote the user's comment (`write `days #x...``): an ESC, a BEL or a
    line separator in it is written `<U+XXXX>`, never sent to the terminal (`ESC [ 2 J`
    clears it) nor split into a line of its own; the help's own line ends stay."""
    src = source("c.bkr", "cluster A {\n  x\n}\n")
    span, _ = word_at(src, 2, "x")
    d = codes.UNKNOWN_KEYWORD(
        "`x\x1b[2J` here", span, label="`\u2028`", help="write `days #x\u2028y\x1b[2J`\nthen \u2029`\x85`"
    )
    frame = render_one_text(d, {"c.bkr": src})
    assert not any(c in frame for c in "\x1b\u2028\u2029\x85")
    lines = frame.split("\n")
    assert lines[0] == "error[BKR012]: `x<U+001B>[2J` here"
    assert "`<U+2028>`" in frame
    assert lines[-2:] == ["  = help: write `days #x<U+2028>y<U+001B>[2J`", "          then <U+2029>`<U+0085>`"]


# stop 70, h7: a frame reads a bounded part of a long line
def _repeated_on_one_line(count: int):
    """A diagnostic on one line of `count` repeated member blocks, a related place at each
    one after the first: what BKR322's `declared again here` makes of a file whose line
    ends were lost."""
    import dataclasses

    unit = "member A { workers 2 } "
    src = source("c.bkr", "cluster X { " + unit * count + "}")
    starts = [12 + i * len(unit) for i in range(count)]
    spans = [src.span(s, s + len(unit) - 1) for s in starts]
    d = dataclasses.replace(
        codes.UNKNOWN_KEYWORD("x", spans[0]),
        related=tuple(Related(span, "declared again here") for span in spans[1:]),
    )
    return d, src


def test_each_frame_on_a_long_line_reads_a_bounded_part_of_it(monkeypatch):
    """A file of one line of a million characters with thousands of diagnostics (or
    related places) on it: each frame read, copied and translated the whole line
    (`isprintable`, `translate`), 21,000 frames on a 990 kB line took 150 s; a frame now
    reads at most 4 * FRAME_WIDTH characters of it, so the characters read grow with the
    frames, not with the frames times the line."""
    from bkrdsl.diagnostics import render

    def read(count: int) -> tuple[int, int]:
        seen = []
        window = render._window

        def counted(line, start, end):
            seen.append(len(line))
            return window(line, start, end)

        monkeypatch.setattr(render, "_window", counted)
        d, src = _repeated_on_one_line(count)
        frame = render_one_text(d, {"c.bkr": src})
        monkeypatch.setattr(render, "_window", window)
        assert frame.count("declared again here") == count - 1
        return len(seen), max(seen)

    frames, widest = read(500)
    frames2, widest2 = read(1000)
    assert (frames, frames2) == (500, 1000)
    assert widest == widest2 <= 4 * FRAME_WIDTH


def test_a_long_line_cut_before_its_window_shows_what_the_whole_line_shows(monkeypatch):
    """The part of a long line a frame reads (`_kept`) gives the window, its `...` and
    its carets that the whole line gives, whatever the line holds before and after:
    tabs (four columns), wide and combining characters, controls shown as pictures."""
    import random

    from bkrdsl.diagnostics import render

    rnd = random.Random(70)
    letters = ["a", " ", "\t", "\x00", "\x1b", "é", "界", "😀", "\u0301", "\u202e", "\x9b"]
    cases = []
    for length in (0, 99, 100, 101, 499, 500, 501, 502, 700, 3000):
        for _ in range(60):
            line = "".join(rnd.choice(letters) if rnd.random() < 0.3 else "x" for _ in range(length))
            start = rnd.randint(0, length + 2)
            end = rnd.choice([start + 1, start + rnd.randint(0, length + 3), length, length + 2])
            cases.append((line, start, max(end, start + 1)))
    cut = [render._window(*c) for c in cases]
    monkeypatch.setattr(render, "_kept", lambda length, start: (0, length))
    assert cut == [render._window(*c) for c in cases]
    # and through a whole frame, which copies only that part of the line
    d, src = _repeated_on_one_line(40)
    whole = render_one_text(d, {"c.bkr": src})
    monkeypatch.undo()
    assert render_one_text(d, {"c.bkr": src}) == whole
