"""What one template file reads of the posts it lists or names, from its syntax tree.

A post page shows its own post (`article`, `page`) in full, but of the posts
it names (related posts, neighbours) or a list page lists, only a few fields:
a title, an address, a date. A page's render key counts those posts by the
fields the templates can read of them (render_keys.py), so editing a post's
text does not re-render every page that links to it.

Reading is found without knowing types: every attribute read on anything but
the page's own post or its page of a list, every subscript and every string
a filter takes as a field's name (`attribute="date"`) counts. What cannot be
seen this way makes the answer "anything" (None): a helper or filter nobody
vouches for, a subscript chosen at render time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import nodes

from socratic_blog.api import TEMPLATE_HELPERS

# The variables that hold the page's own post or page, counted in full, and
# its own part of a list (whose posts count as shown).
OWN_POSTS = frozenset({"article", "page"})
OWN_LISTS = frozenset({"articles_page", "dates_page"})
OWN_NAMES = OWN_POSTS | OWN_LISTS
# Filters whose string arguments name fields (`map(attribute="date")`).
FIELD_FILTERS = frozenset(
    {"attr", "map", "sort", "groupby", "selectattr", "rejectattr", "sum", "min"}
) | {"max", "unique"}
# Jinja's filters and tests that read no field of their value but those a
# string argument names (`map(attribute="title")`, counted as constants).
PLAIN_FILTERS_NAMES = (
    "abs attr batch capitalize center count d default dictsort e escape "
    "first float forceescape format groupby indent int items join last "
    "length list lower map max min replace reject rejectattr reverse round "
    "safe select selectattr slice sort string striptags sum title tojson "
    "trim truncate unique upper urlencode urlize wordcount wordwrap "
    "xmlattr"
)
PLAIN_FILTERS = frozenset(PLAIN_FILTERS_NAMES.split())
PLAIN_TESTS_NAMES = (
    "boolean callable defined divisibleby eq equalto escaped even false "
    "filter float ge gt in integer iterable le lower lt mapping ne none "
    "number odd sameas sequence string test true undefined upper"
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
        if node.name in FIELD_FILTERS:
            named = [k.value for k in node.kwargs if k.key == "attribute"]
            for argument in [*node.args, *named]:
                self.field_argument(argument)
        return False

    def field_argument(self, argument: nodes.Expr) -> None:
        """Count the fields a filter's argument names (`"author.name"`: both)."""
        if not isinstance(argument, nodes.Const):
            self.unsure()  # a field chosen at render time
        elif isinstance(argument.value, str):
            for name in argument.value.split("."):
                self.other(name)

    def visit_Test(self, node: nodes.Test, bound: frozenset) -> bool:
        """Count a test's reads; one nobody vouches for may read anything."""
        self.called(node.name, PLAIN_TESTS)
        return False

    def visit_Call(self, node: nodes.Call, bound: frozenset) -> bool:
        """Count a helper's reads; one nobody vouches for may read anything."""
        if isinstance(node.node, nodes.Name):
            self.called(node.node.name, self.callable)
        return False

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
