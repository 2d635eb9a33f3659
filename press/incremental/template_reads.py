"""What one template file reads of the posts it lists or names, from its syntax tree.

A page shows its own post in full, but of the posts it lists or names only a
few fields; its render key counts those by what the templates can read
(render_keys.py). Found without types: every attribute read on anything but
the page's own post or list page, every subscript and every field a filter
names. What the syntax cannot tell makes the answer "anything" (None).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import nodes

from socratic_blog.api import TEMPLATE_HELPERS

# The page's own post or page (in full), and its own page of a list.
OWN_POSTS = frozenset({"article", "page"})
OWN_LISTS = frozenset({"articles_page", "dates_page"})
OWN_NAMES = OWN_POSTS | OWN_LISTS
# Filters whose string arguments name fields (`map(attribute="date")`).
FIELD_FILTERS = frozenset(
    {"attr", "map", "sort", "groupby", "selectattr", "rejectattr", "sum", "min"}
) | {"max", "unique", "join"}
# Filters that call another filter or test by name, and where its name is.
PASSED_ON = {"select": (0, "tests"), "reject": (0, "tests"), "map": (0, "filters")}
PASSED_ON |= {"selectattr": (1, "tests"), "rejectattr": (1, "tests")}
# Methods called with arguments that read nothing of a post (dicts, text).
METHODS = frozenset({"get", "format", "join", "split", "replace", "startswith"})
# Jinja's filters and tests that read no field but those their arguments name.
PLAIN_FILTERS_NAMES = (
    "abs attr batch capitalize center count d default dictsort e escape first float"
    " forceescape format groupby indent int items join last length list lower map"
    " max min replace reject rejectattr reverse round safe select selectattr slice"
    " sort string striptags sum title tojson trim truncate unique upper urlencode"
    " urlize wordcount wordwrap xmlattr"
)
PLAIN_FILTERS = frozenset(PLAIN_FILTERS_NAMES.split())
PLAIN_TESTS_NAMES = (
    "boolean callable defined divisibleby eq equalto escaped even false filter float"
    " ge gt in integer iterable le lower lt mapping ne none number odd sameas"
    " sequence string test true undefined upper"
)
PLAIN_TESTS = frozenset(PLAIN_TESTS_NAMES.split())
# Jinja's own globals, and what a template always has.
PLAIN_GLOBALS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace"})
LOOP_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "self", "super"})
# The tags that pull in another template.
REFERENCES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


@dataclass
class FileReads:
    """One template file's reads: of the own post, of other values, and its includes."""

    own: set[str] = field(default_factory=set)
    others: set[str] | None = field(default_factory=set)
    # Templates it pulls in, and whether the own post's names are rebound there.
    references: list[tuple[str | None, bool]] = field(default_factory=list)
    # A block where the own post's names are rebound: a child's block sees them.
    blocks_rebound: bool = False


def file_reads(tree: nodes.Template, helpers=TEMPLATE_HELPERS) -> FileReads:
    """Find what a parsed template reads of posts other than the page's own."""
    found = FileReads()
    macros = {m.name for m in tree.find_all(nodes.Macro)}
    for imported in tree.find_all(nodes.FromImport):
        macros |= {n if isinstance(n, str) else n[-1] for n in imported.names}
    assigned = tree.find_all((nodes.Assign, nodes.AssignBlock))
    rebound = frozenset().union(*(names_in(a.target) for a in assigned))
    Walk(found, macros, helpers).visit(tree, rebound & OWN_NAMES)
    return found


class Walk:
    """A walk of one syntax tree, knowing which names each scope binds."""

    def __init__(self, found: FileReads, macros: set[str], helpers: dict):
        """Collect into `found`; `macros` and `helpers` may be called freely."""
        self.found = found
        self.callable = macros | PLAIN_GLOBALS | LOOP_NAMES
        self.helpers = helpers

    def unsure(self) -> None:
        """Say this template may read anything of any post."""
        self.found.others = None

    def other(self, name: str) -> None:
        """Count a field read on something that may be another post."""
        if name.startswith("__"):  # `__dict__` and the like: every field
            self.unsure()
        elif self.found.others is not None:
            self.found.others.add(name)

    def read(self, owner: nodes.Node, name: str, bound: frozenset) -> None:
        """Count a field read on `owner`: the own post's apart."""
        if own_post(owner, bound):
            self.found.own.add(name)
        else:
            self.other(name)

    def visit(self, node: nodes.Node, bound: frozenset) -> None:
        """Visit a node and its children; `bound` names rebound in this scope."""
        if isinstance(node, REFERENCES):
            self.reference(node.template, bound)
            return
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is not None and method(node, bound):
            return
        for child in node.iter_child_nodes():
            self.visit(child, bound)

    def scope(self, outside: list, names, inside: list, bound: frozenset) -> bool:
        """Visit `outside` in this scope, and `inside` with `names` bound too."""
        for child in outside:
            self.visit(child, bound)
        for child in inside:
            self.visit(child, bound | frozenset(names))
        return True

    def visit_For(self, node: nodes.For, bound: frozenset) -> bool:
        """Bind a loop's target in its body and its filter."""
        body = [*node.body, *([node.test] if node.test else [])]
        self.scope([node.iter, *node.else_], names_in(node.target), body, bound)
        return True

    def visit_Macro(self, node: nodes.Macro, bound: frozenset) -> bool:
        """Bind a macro's arguments in its body."""
        return self.scope(node.defaults, [a.name for a in node.args], node.body, bound)

    def visit_CallBlock(self, node: nodes.CallBlock, bound: frozenset) -> bool:
        """Bind a call block's arguments in its body."""
        return self.scope([node.call], [a.name for a in node.args], node.body, bound)

    def visit_With(self, node: nodes.With, bound: frozenset) -> bool:
        """Bind a with block's targets in its body."""
        names = [n for target in node.targets for n in names_in(target)]
        return self.scope(node.values, names, node.body, bound)

    def visit_Getattr(self, node: nodes.Getattr, bound: frozenset) -> bool:
        """Count `x.name`, unless x is the page's own post."""
        self.read(node.node, node.attr, bound)
        self.visit(node.node, bound)
        return True

    def visit_Getitem(self, node: nodes.Getitem, bound: frozenset) -> bool:
        """Count `x["name"]`; a key chosen at render time may read any field."""
        key = node.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str):
            self.read(node.node, key.value, bound)
        elif not isinstance(key, nodes.Slice | nodes.Const) and not settings_name(
            node.node
        ):
            self.unsure()
        self.visit(node.node, bound)
        self.visit(key, bound)
        return True

    def visit_Filter(self, node: nodes.Filter, bound: frozenset) -> bool:
        """Count a filter's reads; one nobody vouches for may read anything."""
        self.called(node.name, PLAIN_FILTERS)
        self.spread(node)
        if node.name in FIELD_FILTERS:  # `attribute="author.name"`: both names
            named = [k.value for k in node.kwargs if k.key == "attribute"]
            for argument in [*node.args, *named]:
                for name in filter(None, self.constant(argument).split(".")):
                    self.other(name)
        place, kind = PASSED_ON.get(node.name, (len(node.args), ""))
        if place < len(node.args) and (name := self.constant(node.args[place])):
            # `map("upper")`, `select("odd")`: the filter or test they call.
            self.called(name, PLAIN_TESTS if kind == "tests" else PLAIN_FILTERS)
        return False

    def constant(self, argument: nodes.Expr) -> str:
        """Return an argument's text; give up on one chosen at render time."""
        if not isinstance(argument, nodes.Const):
            self.unsure()
            return ""
        return argument.value if isinstance(argument.value, str) else ""

    def visit_Test(self, node: nodes.Test, bound: frozenset) -> bool:
        """Count a test's reads; one nobody vouches for may read anything."""
        self.called(node.name, PLAIN_TESTS)
        self.spread(node)
        return False

    def visit_Call(self, node: nodes.Call, bound: frozenset) -> bool:
        """Count a helper's reads; one nobody vouches for may read anything."""
        if isinstance(node.node, nodes.Name):
            self.called(node.node.name, self.callable)
        elif (node.args or node.kwargs) and getattr(
            node.node, "attr", ""
        ) not in METHODS:
            self.unsure()  # a function reached through an object: any field
        return False

    def visit_Block(self, node: nodes.Block, bound: frozenset) -> bool:
        """Note a block that sees the own post's names rebound."""
        if bound & OWN_NAMES:
            self.found.blocks_rebound = True
        return False

    def spread(self, node: nodes.Filter | nodes.Test) -> None:
        """Give up on a filter's `*args`, `**kwargs`: what they name is chosen later."""
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            self.unsure()

    def called(self, name: str, plain: frozenset | set) -> None:
        """Count what a named filter, test or helper reads, or give up."""
        if name in plain:
            return
        if name not in self.helpers:
            self.unsure()
            return
        for read in self.helpers[name]:
            self.other(read)

    def reference(self, template: nodes.Expr, bound: frozenset) -> None:
        """Record a template pulled in; one chosen at render time is unknown."""
        name = template.value if isinstance(template, nodes.Const) else None
        self.found.references.append((name, bool(bound & OWN_NAMES)))


def own_post(node: nodes.Node, bound: frozenset) -> bool:
    """Tell whether `node` is the page's own post or list page, under its name."""
    if not isinstance(node, nodes.Name):
        return False
    return node.name in OWN_NAMES and node.name not in bound


def settings_name(node: nodes.Node) -> bool:
    """Tell whether `node` names a setting (capitals): settings hold no posts."""
    return isinstance(node, nodes.Name) and node.name.isupper()


def names_in(target: nodes.Node) -> frozenset[str]:
    """Name the variables an assignment or loop target binds."""
    if isinstance(target, nodes.Name):
        return frozenset({target.name})
    return frozenset(n.name for n in target.find_all(nodes.Name))
