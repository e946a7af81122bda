"""What the language server answers, as pure functions of an analysed Document.

Hover, completion, definitions, references, the outline, formatting, code
actions and the placement of diagnostics. Positions are 0-based (line, column
in code points); bkrdsl.lsp.server converts them to and from LSP types.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from bkrdsl import ast
from bkrdsl.ast import Kind
from bkrdsl.diagnostics import Diagnostic, Edit
from bkrdsl.lsp.document import CLUSTER, GROUP, JOB, MEMBER, USER, Document, Occurrence
from bkrdsl.resolve.model import ROLE_TEXT, ROLES
from bkrdsl.source import Span

KIND_TEXT = {
    Kind.SINGLE: "single-configuration user (a USER entry: logged on to one member at a time)",
    Kind.IDENTITY: "IDENTITY user (multiconfiguration: one instance on every member)",
}
CODE_WORD = re.compile(r"BKR[0-9]{3}\b", re.IGNORECASE)
NAME_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$#@_*%?+-:.")


# ================================================================ shared helpers
def where(doc: Document, span: Span) -> str:
    """`line N` in this document, else `file:N` (a path shown relative to this document's folder)."""
    if span.file == doc.name:
        return f"line {span.line}"
    shown = span.file
    if os.path.isabs(shown) and os.path.isabs(doc.name):
        try:
            shown = os.path.relpath(shown, os.path.dirname(doc.name))
        except ValueError:  # pragma: no cover - another drive on Windows
            pass
    return f"{shown}:{span.line}"


def contains(span: Span, line: int, column: int) -> bool:
    at = (line + 1, column + 1)
    return (span.line, span.column) <= at <= (span.end_line, span.end_column)


def _docs_by_place(doc: Document) -> dict[tuple[str, int], str]:
    """Doc comments of user and group declarations, keyed by the (file, offset) of each name."""
    out: dict[tuple[str, int], str] = {}
    model = doc.model
    if model is None:
        return out
    for module in model.modules:
        users = list(module.users) + [u for c in module.clusters for u in c.users]
        groups = list(module.groups) + [g for c in module.clusters for g in c.groups]
        for d in users:
            for w in d.names:
                if d.doc:
                    out[(w.span.file, w.span.start)] = d.doc
        for g in groups:
            if g.doc:
                out[(g.name.span.file, g.name.span.start)] = g.doc
    return out


# ================================================================ hover
def _user_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    defs = model.user_defs_of(name)
    patterns = [p for p in model.pattern_defs if p.pattern == name]
    docs = _docs_by_place(doc)
    lines: list[str] = []
    if patterns:
        p = patterns[0]
        lines.append(f"**{name}**: pattern; every user it matches is a {KIND_TEXT[p.kind]}")
        lines += [f"- declared by `{q.origin}` ({where(doc, q.span)})" for q in patterns]
        return lines
    kind = model.kind_of(name)
    if kind is None:
        return [f"**{name}**: a user ID bkrc knows nothing about"]
    lines.append(f"**{name}**: {KIND_TEXT[kind]}")
    for d in defs:
        origin = "declared" if d.origin == "user" else f"listed in {d.origin}"
        role = f", role `{d.role}`" if d.role else ""
        lines.append(f"- {origin} {d.kind.value} ({where(doc, d.span)}){role}")
    if not defs:
        p = model.pattern_for(name)
        if p is not None:
            lines.append(f"- matched by `{p.pattern}` in `{p.origin}` ({where(doc, p.span)})")
        else:
            role = model.machine_roles().get(name)
            what = ROLE_TEXT.get(role or "")
            if what:
                lines.append(f"- {what}: its place in the cluster gives its kind; bkrc writes its directory entry")
            else:
                lines.append(
                    "- not declared: its place in the cluster gives its kind (catalog server or Tape Manager node)"
                )
    for d in defs:
        text = docs.get((d.span.file, d.span.start))
        if text:
            lines += ["", text]
            break
    return lines


def _group_hover(doc: Document, name: str) -> list[str]:
    group = doc.model.group(name)
    if group is None:
        return []
    counted = f"{len(group.users)} user{'s' if len(group.users) != 1 else ''}"
    if group.patterns:
        counted += f", {len(group.patterns)} pattern{'s' if len(group.patterns) != 1 else ''}"
    lines = [f"**{name}**: {group.kind.value} group ({counted}), declared {where(doc, group.decl.name.span)}"]
    if group.users:
        lines.append("- users: " + ", ".join(f"`{u}`" for u in group.users))
    if group.patterns:
        lines.append("- match: " + ", ".join(f"`{p}`" for p in group.patterns))
    if group.decl.doc:
        lines += ["", group.decl.doc]
    return lines


def _member_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    member = model.member(name)
    if member is None:
        return [f"**{name}**: not a member of cluster `{model.name}`"]
    lines = [
        f"**{name}**: member {member.ordinal} of cluster `{model.name}`, declared {where(doc, member.decl.name.span)}"
    ]
    if member.workers is not None:
        workers = model.workers_of(member)
        shown = f" ({', '.join(workers)})" if workers else ""
        lines.append(f"- workers: {member.workers}{shown}")
    if member.private_volumes:
        lines.append("- private volumes: " + ", ".join(member.private_volumes))
    lines.append(f"- job suffix: `{member.job_suffix}`")
    if member.decl.doc:
        lines += ["", member.decl.doc]
    return lines


def _job_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    job = next((j for j in model.jobs if j.name == name), None)
    if job is None:
        return []
    kind = {Kind.SINGLE: "single-configuration users", Kind.IDENTITY: "IDENTITY users"}.get(
        job.kind, "mixed or unknown users"
    )
    placed = (
        "on each member"
        if job.each_member
        else ("on " + ", ".join(job.members) if job.members else "nowhere yet")
    )
    lines = [f"**{name}**: {job.level.value} backup of {kind}, runs {placed}"]
    derived = model.derived_names(job)
    if derived:
        lines += ["", "| member | job name |", "|---|---|"] + [f"| {m} | `{n}` |" for m, n in derived]
    if job.description:
        lines += ["", job.description]
    if job.decl.doc:
        lines += ["", job.decl.doc]
    return lines


def _cluster_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    cluster = next((c for c in model.clusters if c.name.upper == name), None)
    if cluster is None:
        return []
    members = ", ".join(m.name for m in model.members) if cluster is model.cluster else ""
    lines = [f"**{name}**: SSI cluster" + (f" of {members}" if members else "")]
    if cluster.doc:
        lines += ["", cluster.doc]
    return lines


_HOVERS = {
    USER: _user_hover,
    GROUP: _group_hover,
    MEMBER: _member_hover,
    JOB: _job_hover,
    CLUSTER: _cluster_hover,
}


def explain(code: str) -> list[str]:
    from bkrdsl.diagnostics.registry import lookup

    entry = lookup(code)
    if entry is None:
        return []
    return [
        f"**{entry.code}** `{entry.name}` ({entry.severity.value}): {entry.summary}",
        "",
        entry.explanation.rstrip(),
    ]


def _word_at(doc: Document, line: int, column: int) -> tuple[int, int]:
    """Offsets of the run of name characters around a position."""
    at = doc.offset(line, column)
    start = end = at
    text = doc.text
    while start > 0 and text[start - 1] in NAME_CHARS:
        start -= 1
    while end < len(text) and text[end] in NAME_CHARS:
        end += 1
    return start, end


@dataclass
class Hover:
    markdown: str
    span: Span | None


def hover(doc: Document, line: int, column: int) -> Hover | None:
    """What the cursor is on: a name (kind, members, derived names...) and any diagnostic's explanation."""
    parts: list[list[str]] = []
    span = None
    occ = doc.occurrence_at(line, column)
    if occ is not None and doc.model is not None:
        found = _HOVERS[occ.kind](doc, occ.name)
        if found:
            parts.append(found)
            span = occ.span
    codes: list[str] = []
    for d in doc.diagnostics:
        if (
            d.span is not None
            and d.span.file == doc.name
            and contains(d.span, line, column)
            and d.code not in codes
        ):
            codes.append(d.code)
    start, end = _word_at(doc, line, column)
    if CODE_WORD.fullmatch(doc.text[start:end]) and doc.text[start:end].upper() not in codes:
        codes.append(doc.text[start:end].upper())
    for code in codes:
        text = explain(code)
        if text:
            parts.append(text)
    if not parts:
        return None
    return Hover("\n\n---\n\n".join("\n".join(p) for p in parts), span)


# ================================================================ completion
@dataclass
class Completion:
    label: str
    kind: str  # keyword | member | group | user | value
    detail: str = ""
    start: int = 0  # offset of the text the completion replaces (the word typed so far)
    end: int = 0


def _in_comment_or_string(line_text: str) -> bool:
    quotes = 0
    for n, c in enumerate(line_text):
        if c == '"' and (n == 0 or line_text[n - 1] != "\\"):
            quotes += 1
        elif c == "#" and quotes % 2 == 0 and (n == 0 or not (line_text[n - 1] in NAME_CHARS)):
            return True
    return quotes % 2 == 1


def parser_state(prefix: str):
    """(terminals the parser accepts after `prefix`, the tokens it read).

    Repairs what it can, as the parser's own recovery does: a missing name is
    assumed, a token that fits nowhere is skipped, so a mistake earlier in the
    file does not stop completion further down.
    """
    from lark import Token
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    from bkrdsl.syntax.parser import parser

    ip = parser().parse_interactive(prefix)
    tokens: list = []

    def feed(tok) -> None:
        try:
            ip.feed_token(tok)
            tokens.append(tok)
            return
        except UnexpectedToken:
            pass
        if "NAME" in ip.accepts():  # `workers }`: assume the name, then take the token
            ip.feed_token(Token.new_borrow_pos("NAME", "", tok))
            try:
                ip.feed_token(tok)
                tokens.append(tok)
            except UnexpectedToken:
                pass

    lexer = ip.lexer_thread.lex(ip.parser_state)
    for _ in range(len(prefix) + 1):
        try:
            tok = next(lexer)
        except StopIteration:
            break
        except UnexpectedToken as err:  # lexed, but not a token this context expects
            feed(err.token)
            lexer = ip.lexer_thread.lex(ip.parser_state)
            continue
        except UnexpectedCharacters:
            line_ctr = ip.lexer_thread.state.line_ctr
            line_ctr.feed(prefix[line_ctr.char_pos : line_ctr.char_pos + 1])
            lexer = ip.lexer_thread.lex(ip.parser_state)
            continue
        feed(tok)
    return set(ip.accepts()), tokens


def keyword_texts(accepted: set[str]) -> list[str]:
    from bkrdsl.syntax.parser import parser

    lark = parser()
    out = []
    for name in accepted:
        try:
            pattern = lark.get_terminal(name).pattern
        except KeyError:  # $END
            continue
        if type(pattern).__name__ == "PatternStr" and pattern.value[:1].isalpha():
            out.append(pattern.value)
    return sorted(out)


def _context(tokens, accepted: set[str]) -> str | None:
    """What kind of name fits here, from the keyword that governs the position."""
    if "MATCH" in accepted:
        return "group-entry"
    for tok in reversed(tokens):
        if tok.type in ("NAME", "COMMA"):
            continue
        value = str(tok.value).lower()
        return {
            "backup": "backup",
            "on": "member",
            "server": "user",
            "minidisk": "user",
            "disk": "user",
            "role": "role",
            "weekly": "day",
        }.get(value)
    return None


def _name_completions(doc: Document, context: str | None) -> list[Completion]:
    model = doc.model
    if context in ("role",):
        return [Completion(r, "value", "role") for r in sorted(ROLES)]
    if context == "day":
        return [Completion(d, "value", "day") for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    if model is None:
        return []
    out: list[Completion] = []
    if context == "member":
        out += [Completion(m.name, "member", f"member {m.ordinal}") for m in model.members]
    if context == "backup":
        out += [Completion(g.name, "group", f"{g.kind.value} group") for g in model.groups]
    if context in ("backup", "user", "group-entry"):
        seen = set()
        for u in model.user_defs:
            if u.id not in seen and not (context == "backup" and u.role):
                seen.add(u.id)
                out.append(Completion(u.id, "user", f"{u.kind.value} user"))
    return out


def complete(doc: Document, line: int, column: int) -> list[Completion]:
    """Keywords the grammar accepts at the cursor, and the names that fit there."""
    at = doc.offset(line, column)
    line_start = doc.text.rfind("\n", 0, at) + 1
    if _in_comment_or_string(doc.text[line_start:at]):
        return []
    start = at
    while start > line_start and doc.text[start - 1] in NAME_CHARS:
        start -= 1
    accepted, tokens = parser_state(doc.text[:start])
    items = [Completion(k, "keyword") for k in keyword_texts(accepted)]
    if "NAME" in accepted:
        items += _name_completions(doc, _context(tokens, accepted))
    for item in items:
        item.start, item.end = start, at
    return items


# ================================================================ navigation
def _targets(doc: Document, occ: Occurrence) -> list[Occurrence]:
    found = [o for o in doc.occurrences_of(occ.kind, occ.name) if o.definition]
    if not found and occ.kind == USER and doc.model is not None:
        pattern = doc.model.pattern_for(occ.name)
        if pattern is not None:
            found = [o for o in doc.occurrences_of(USER, pattern.pattern) if o.definition]
    return found


def definition(doc: Document, line: int, column: int) -> list[Span]:
    occ = doc.occurrence_at(line, column)
    if occ is None:
        return []
    return [o.span for o in _targets(doc, occ)]


def references(doc: Document, line: int, column: int, include_declaration: bool) -> list[Span]:
    occ = doc.occurrence_at(line, column)
    if occ is None:
        return []
    return [o.span for o in doc.occurrences_of(occ.kind, occ.name) if include_declaration or not o.definition]


# ================================================================ outline
@dataclass
class Symbol:
    name: str
    kind: str  # cluster | member | group | user | job | catalog | expire | tape | import
    detail: str
    span: Span
    selection: Span
    children: list[Symbol] = field(default_factory=list)


def _user_symbols(decls) -> list[Symbol]:
    return [Symbol(w.upper, USER, f"{d.kind.value} user", d.span, w.span) for d in decls for w in d.names]


def _group_symbols(decls) -> list[Symbol]:
    return [
        Symbol(
            g.name.upper,
            GROUP,
            f"{g.kind.value} group",
            g.span,
            g.name.span,
            [
                Symbol(e.word.upper, USER, "match" if e.is_pattern else "user", e.span, e.word.span)
                for e in g.entries
            ],
        )
        for g in decls
    ]


def _cluster_symbol(c: ast.Cluster) -> Symbol:
    children = [Symbol(m.name.upper, MEMBER, "member", m.span, m.name.span) for m in c.members]
    children += [Symbol("catalog", "catalog", k.scope.value, k.span, k.span) for k in c.catalogs]
    children += [Symbol("expire", "expire", "", e.span, e.span) for e in c.expires]
    children += [Symbol("tape manager", "tape", t.scope.value, t.span, t.span) for t in c.tapes]
    children += _user_symbols(c.users) + _group_symbols(c.groups)
    children += [Symbol(j.name.upper, JOB, "job", j.span, j.name.span) for j in c.jobs]
    children.sort(key=lambda s: (s.span.line, s.span.column))
    return Symbol(c.name.upper, CLUSTER, "cluster", c.span, c.name.span, children)


def outline(doc: Document) -> list[Symbol]:
    main = doc.analysis.program.main
    if main is None:
        return []
    out = [Symbol(i.path, "import", "import", i.span, i.span) for i in main.imports]
    out += (
        _user_symbols(main.users) + _group_symbols(main.groups) + [_cluster_symbol(c) for c in main.clusters]
    )
    out.sort(key=lambda s: (s.span.line, s.span.column))
    return out


# ================================================================ formatting
def formatted(doc: Document) -> str | None:
    """The canonical text, or None when it is the same or the file cannot be formatted."""
    from bkrdsl.fmt import FormatterBug, format_source
    from bkrdsl.source import Source

    try:
        done = format_source(Source.of(doc.name, doc.text))
    except FormatterBug:
        return None
    return done.text if done.changed else None


# ================================================================ code actions
@dataclass
class QuickFix:
    """A diagnostic's fix (`Diagnostic.fix`, made where the diagnostic is) as a code
    action: its title, and the edits to this document."""

    title: str
    diagnostic: Diagnostic
    edits: tuple[Edit, ...]
    preferred: bool = True


def _fix_for(doc: Document, d: Diagnostic) -> QuickFix | None:
    """The quick fix of `d`, when it has one that edits this document only (a fix is
    never guessed here from the help line: the stage that knew the text made it)."""
    fix = d.fix
    if fix is None or not fix.edits or any(e.span.file != doc.name for e in fix.edits):
        return None
    return QuickFix(fix.title, d, fix.edits)


def fixes(doc: Document, first_line: int, last_line: int) -> list[QuickFix]:
    """Unambiguous fixes for the diagnostics on lines first_line..last_line (0-based)."""
    out = []
    for d in doc.diagnostics:
        s = d.span
        if s is None or s.file != doc.name or s.end_line - 1 < first_line or s.line - 1 > last_line:
            continue
        fix = _fix_for(doc, d)
        if fix is not None:
            out.append(fix)
    return out


# ================================================================ diagnostics
@dataclass
class Placed:
    """A diagnostic where the editor shows it: in this document, at `span`."""

    diagnostic: Diagnostic
    span: Span
    message: str


def _import_span(doc: Document, file: str) -> Span:
    """The import that leads to `file` (a module's own diagnostics show there), else line 1."""
    main = doc.analysis.program.main
    imports = main.imports if main is not None else ()
    for imp in imports:
        spec = imp.path if imp.path.endswith(".bkr") else imp.path + ".bkr"
        if file == spec or file.endswith("/" + spec.lstrip("./")):
            return imp.span
    if imports:
        return imports[0].span
    return Span.point(doc.name, 1, 1)


def message_of(d: Diagnostic) -> str:
    return d.message + (f"\nhelp: {d.help}" if d.help else "")


def placed(doc: Document) -> list[Placed]:
    out = []
    for d in doc.diagnostics:
        message = message_of(d)
        if d.span is not None and d.span.file == doc.name:
            out.append(Placed(d, d.span, message))
        elif d.span is not None:
            out.append(Placed(d, _import_span(doc, d.span.file), f"in {where(doc, d.span)}: {message}"))
        else:
            out.append(Placed(d, Span.point(doc.name, 1, 1), message))
    return out
