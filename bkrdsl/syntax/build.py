"""Lark's parse tree to our AST, at once (style: the parse tree is not the AST)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bkrdsl import ast
from bkrdsl.source import Source, Span

if TYPE_CHECKING:
    from bkrdsl.syntax.parser import ParseResult


def doc_line(comment: str) -> str:
    """The text of a `##` doc comment: without the `##` and one blank after it."""
    text = comment[2:]
    return text.removeprefix(" ")


def doc_above(docs: dict[int, str], line: int) -> str | None:
    """The doc comment of a declaration on `line`: the `##` lines right above it
    (`docs`: line number -> text of a `##` line of its own), joined; None if none."""
    lines = []
    line -= 1
    while line in docs:
        lines.append(docs[line])
        line -= 1
    return "\n".join(reversed(lines)) if lines else None


class _Builder:
    def __init__(self, source: Source, comments: list):
        self.source = source
        self.name = source.name
        self.docs: dict[int, str] = {}
        for tok in comments:
            # Only a `##` line of its own documents: after code on its line it is a remark.
            if tok.type == "DOC_COMMENT" and not source.line_text(tok.line)[: tok.column - 1].strip():
                self.docs[tok.line] = doc_line(str(tok.value))

    # ------------------------------------------------------------ positions
    def span_of(self, node) -> Span:
        # Lark already counted lines and columns (1-based, in characters, the same
        # as Source.position): reuse them instead of two bisections per node.
        if hasattr(node, "start_pos"):  # a Token
            if node.end_pos is not None and node.line is not None and node.end_line is not None:
                return Span(self.name, node.line, node.column, node.end_line, node.end_column, node.start_pos, node.end_pos)
            start = node.start_pos or 0
            end = node.end_pos if node.end_pos is not None else start + len(str(node.value))
            return self.source.span(start, end)
        meta = node.meta
        if getattr(meta, "empty", True):
            return self.source.span(0, 0)
        return Span(self.name, meta.line, meta.column, meta.end_line, meta.end_column, meta.start_pos, meta.end_pos)

    def word(self, tok) -> ast.Word:
        # A reopened block left on its own (join_reopened) has no name, as any placeholder.
        return ast.Word("" if tok.value == REOPENED else str(tok.value), self.span_of(tok))

    def doc_for(self, span: Span) -> str | None:
        return doc_above(self.docs, span.line)

    def keyword_span(self, span: Span, keyword_length: int) -> Span:
        return self.source.span(span.start, span.start + keyword_length)

    # ------------------------------------------------------------ helpers
    @staticmethod
    def names(tree) -> tuple:
        return tuple(c for c in tree.children if hasattr(c, "type"))

    def name_list(self, tree) -> tuple[ast.Word, ...]:
        return tuple(self.word(t) for t in tree.children)

    # ------------------------------------------------------------ top level
    def module(self, tree) -> ast.Module:
        imports, users, groups, clusters = [], [], [], []
        for child in tree.children:
            kind = child.data
            if kind == "import_stmt":
                path = child.children[0]
                if path.value:  # empty: a placeholder syntax recovery put in for a missing path
                    imports.append(ast.Import(str(path.value), self.span_of(child)))
            elif kind == "user_decl":
                users.append(self.user_decl(child))
            elif kind == "group_decl":
                groups.append(self.group_decl(child))
            elif kind == "cluster":
                clusters.append(self.cluster(child))
        return ast.Module(
            self.source.name,
            tuple(imports),
            tuple(users),
            tuple(groups),
            tuple(clusters),
        )

    def user_decl(self, tree) -> ast.UserDecl:
        kind_tree, names_tree, *rest = tree.children
        kind = ast.Kind(kind_tree.data)
        span = self.span_of(tree)
        role = self.word(rest[0].children[0]) if rest else None
        return ast.UserDecl(
            kind,
            self.name_list(names_tree),
            role,
            span,
            self.keyword_span(span, len(kind.value)),
            self.doc_for(span),
        )

    def group_decl(self, tree) -> ast.GroupDecl:
        kind_tree, name, *entries = tree.children
        kind = ast.Kind(kind_tree.data)
        span = self.span_of(tree)
        built = tuple(
            ast.GroupEntry(self.word(e.children[0]), e.data == "group_match", self.span_of(e)) for e in entries
        )
        return ast.GroupDecl(
            kind, self.word(name), built, span, self.keyword_span(span, len(kind.value)), self.doc_for(span)
        )

    def setting(self, tree, keyword: str) -> ast.Setting:
        words = tuple(self.word(t) for t in self.names(tree))
        if keyword in ast.VOLUME_LISTS:
            return ast.volume_list(keyword, words, self.span_of(tree))
        return ast.Setting(keyword, words, self.span_of(tree))

    # ------------------------------------------------------------ cluster
    def cluster(self, tree) -> ast.Cluster:
        name, *items = tree.children
        parts: dict[str, list] = {
            k: [] for k in ("member", "catalog", "expire", "tape", "user_decl", "group_decl", "job", "setting", "disk")
        }
        for item in items:
            kind = item.data
            if kind == "member":
                parts["member"].append(self.member(item))
            elif kind == "catalog":
                parts["catalog"].append(self.catalog(item))
            elif kind == "expire":
                parts["expire"].append(self.expire(item))
            elif kind == "tape":
                parts["tape"].append(self.tape(item))
            elif kind == "user_decl":
                parts["user_decl"].append(self.user_decl(item))
            elif kind == "group_decl":
                parts["group_decl"].append(self.group_decl(item))
            elif kind == "job":
                parts["job"].append(self.job(item))
            elif kind in ("description", "shared_volume"):
                parts["setting"].append(self.setting(item, kind.replace("_", "-")))
            elif kind == "link":  # a product machine's CP LINK: its words, `as` dropped (ast.Setting)
                parts["setting"].append(self.setting(item, "link"))
            elif kind == "disk":
                parts["disk"].append(self.disk(item))
        span = self.span_of(tree)
        return ast.Cluster(
            self.word(name),
            tuple(parts["member"]),
            tuple(parts["catalog"]),
            tuple(parts["expire"]),
            tuple(parts["tape"]),
            tuple(parts["user_decl"]),
            tuple(parts["group_decl"]),
            tuple(parts["job"]),
            tuple(parts["setting"]),
            span,
            self.doc_for(span),
            tuple(parts["disk"]),
        )

    def disk(self, tree) -> ast.Disk:
        user, address, size, unit, *place = tree.children
        volume = start = None
        if place:
            volume = self.word(place[0].children[0])
            if len(place[0].children) > 1:
                start = self.word(place[0].children[1])
        return ast.Disk(
            self.word(user), self.word(address), self.word(size), self.word(unit), volume, start, self.span_of(tree)
        )

    def member(self, tree) -> ast.Member:
        name, *items = tree.children
        settings, selections = [], []
        for item in items:
            if item.data in ("minidisk_selection", "sfs_selection"):
                selections.append(self.selection(item))
            else:
                settings.append(self.setting(item, item.data.replace("_", "-")))
        span = self.span_of(tree)
        return ast.Member(self.word(name), tuple(settings), tuple(selections), span, self.doc_for(span))

    def selection(self, tree) -> ast.Selection:
        action_tree, *tokens = tree.children
        words = tuple(self.word(t) for t in tokens)
        if tree.data == "minidisk_selection":
            return ast.Selection(
                ast.Action(action_tree.data), ast.Medium.MINIDISK, words[0], words[1:], self.span_of(tree)
            )
        return ast.Selection(ast.Action(action_tree.data), ast.Medium.SFS, None, words, self.span_of(tree))

    def catalog(self, tree) -> ast.Catalog:
        scope, *opts = tree.children
        found: dict[str, list] = {"catalog_server": [], "catalog_pool": [], "catalog_home": []}
        waits: dict[str, list] = {"catalog_logon_wait": [], "catalog_pool_wait": []}
        for opt in opts:
            if opt.data in waits:
                count, unit = opt.children
                waits[opt.data].append(ast.Wait(self.word(count), self.word(unit), self.span_of(opt)))
            else:
                found[opt.data].append(self.word(opt.children[0]))
        return ast.Catalog(
            ast.Scope(scope.data),
            tuple(found["catalog_server"]),
            tuple(found["catalog_pool"]),
            tuple(found["catalog_home"]),
            self.span_of(tree),
            tuple(waits["catalog_logon_wait"]),
            tuple(waits["catalog_pool_wait"]),
        )

    def placement(self, tree) -> ast.Placement:
        if tree.data == "on_each_member":
            return ast.Placement(True, (), self.span_of(tree))
        return ast.Placement(False, self.name_list(tree.children[0]), self.span_of(tree))

    def schedule(self, tree) -> ast.Schedule:
        kind = tree.data
        span = self.span_of(tree)
        if kind == "manual":
            return ast.Schedule("manual", (), None, span)
        if kind == "daily":
            return ast.Schedule("daily", (), self.word(tree.children[0]), span)
        if kind == "weekly":
            days, time = tree.children
            return ast.Schedule("weekly", self.name_list(days), self.word(time), span)
        if kind == "monthly_weekday":
            ordinal, day, time = tree.children
            at = self.span_of(ordinal)
            written = ast.Word(self.source.text[at.start : at.end], at)
            return ast.Schedule("monthly", (self.word(day),), self.word(time), span, written)
        day, time = tree.children
        return ast.Schedule("monthly", (self.word(day),), self.word(time), span)

    def expire(self, tree) -> ast.Expire:
        placement, *items = tree.children
        previews, purges, retains = [], [], []
        for item in items:
            if item.data == "expire_preview":
                previews.append(self.schedule(item.children[0]))
            elif item.data == "expire_purge":
                purges.append(self.schedule(item.children[0]))
            else:
                retains.append(self.word(item.children[0]))
        return ast.Expire(
            self.placement(placement), tuple(previews), tuple(purges), tuple(retains), self.span_of(tree)
        )

    def tape(self, tree) -> ast.Tape:
        scope, *opts = tree.children
        catalog_nodes, request_nodes, catalog_dmms, request_dmms = ([] for _ in range(4))
        lists = {
            "tape_catalog_node": catalog_nodes,
            "tape_request_node": request_nodes,
            "tape_catalog_dmm": catalog_dmms,
            "tape_request_dmm": request_dmms,
        }
        for opt in opts:
            name, *member = opt.children  # only a catalog node names its member
            node = ast.TapeNode(self.word(name), self.word(member[0]) if member else None, self.span_of(opt))
            lists[opt.data].append(node)
        return ast.Tape(
            ast.Scope(scope.data),
            tuple(catalog_nodes),
            tuple(request_nodes),
            tuple(catalog_dmms),
            tuple(request_dmms),
            self.span_of(tree),
        )

    def job(self, tree) -> ast.Job:
        name, *items = tree.children
        backups, selections, targets, runs, descriptions = [], [], [], [], []
        for item in items:
            kind = item.data
            if kind == "backup":
                groups, *level = item.children
                span = self.span_of(item)
                backups.append(
                    ast.Backup(
                        self.name_list(groups),
                        ast.Level(level[0].data) if level else None,
                        span,
                        self.source.text[span.start : span.start + 6] == "BACKUP",
                    )
                )
            elif kind in ("minidisk_selection", "sfs_selection"):
                selections.append(self.selection(item))
            elif kind == "target":
                medium, *pool = item.children
                targets.append(
                    ast.Target(
                        ast.TargetMedium.TAPE if medium.data == "tape_medium" else ast.TargetMedium.DISK,
                        self.word(pool[0]) if pool else None,
                        self.span_of(item),
                    )
                )
            elif kind == "run":
                placement, *schedule = item.children
                runs.append(
                    ast.Run(
                        self.placement(placement),
                        self.schedule(schedule[0]) if schedule else None,
                        self.span_of(item),
                    )
                )
            elif kind == "description":
                descriptions.append(self.setting(item, "description"))
        span = self.span_of(tree)
        return ast.Job(
            self.word(name),
            tuple(backups),
            tuple(selections),
            tuple(targets),
            tuple(runs),
            tuple(descriptions),
            span,
            self.doc_for(span),
        )


#: The marker on the name of a block that syntax recovery reopened
#: (recovery.REOPENED, kept equal by a test; not imported: that would import Lark's
#: parser machinery with this module).
REOPENED = "\x00reopened"
#: Blocks that can be reopened (recovery.OPENERS) and the trees they are items of.
_JOINED = frozenset({"cluster", "member", "job", "expire", "group_decl"})
_HOLDERS = frozenset({"start", "cluster"})
#: Declarations a file may hold beside its cluster, and a cluster too.
_DECLARATIONS = frozenset({"user_decl", "group_decl"})


def _reopened_header(tree) -> int:
    """How many leading children of `tree` its reopening gave it (its name, or its
    kind and name): 0 when `tree` was not reopened."""
    from lark import Tree

    def marked(node) -> bool:
        if isinstance(node, Tree):
            return any(marked(c) for c in node.children)
        return getattr(node, "type", None) == "NAME" and node.value == REOPENED

    for i, child in enumerate(tree.children[:2]):
        if marked(child):
            return i + 1
    return 0


def join_reopened(tree):
    """The tree with each reopened block joined to the block before it.

    A `}` too many closes its block early; recovery reports it once and reads the
    statements after it in a reopened block of the same kind (`member VMSYS1 {
    workers 4 } }` + `member VMSYS2 ...`: the cluster is reopened). Joined, the
    AST is the one the file would have without that `}`: one cluster, its
    members and jobs, so the model and the language server see the whole file. A
    reopened block with no block of its kind just before it (a `job` outside any
    cluster) stays on its own, nameless."""
    from lark import Tree
    from lark.tree import Meta

    if not isinstance(tree, Tree) or tree.data not in _HOLDERS:
        return tree
    children: list = []
    for child in tree.children:
        child = join_reopened(child) if isinstance(child, Tree) and child.data == "cluster" else child
        header = _reopened_header(child) if isinstance(child, Tree) and child.data in _JOINED else 0
        at = len(children) - 1
        if header and child.data == "cluster":
            # Groups and users declared after the early `}` were read as the file's.
            while at >= 0 and isinstance(children[at], Tree) and children[at].data in _DECLARATIONS:
                at -= 1
        before = children[at] if at >= 0 else None
        if header and isinstance(before, Tree) and before.data == child.data:
            meta = Meta()
            first, last = before.meta, child.meta if not child.meta.empty else before.meta
            meta.empty = False
            meta.line, meta.column, meta.start_pos = first.line, first.column, first.start_pos
            meta.end_line, meta.end_column, meta.end_pos = last.end_line, last.end_column, last.end_pos
            joined = Tree(child.data, before.children + children[at + 1 :] + child.children[header:], meta)
            # The items joined may themselves continue the last item before them.
            children[at:] = [join_reopened(joined) if child.data == "cluster" else joined]
            continue
        children.append(child)
    return Tree(tree.data, children, tree.meta)


def build(result: ParseResult) -> ast.Module | None:
    """The AST of a parse result, or None when nothing could be parsed."""
    if result.tree is None:
        return None
    module = _Builder(result.source, result.comments).module(join_reopened(result.tree))
    comments = tuple((result.source.span(t.start_pos, t.end_pos), str(t.value)) for t in result.comments)
    return ast.Module(module.file, module.imports, module.users, module.groups, module.clusters, comments)
