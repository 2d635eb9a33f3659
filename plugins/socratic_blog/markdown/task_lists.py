"""Python-Markdown extension: GitHub task lists, `- [ ] to do` and `- [x] done`.

Each task's marker becomes a disabled checkbox inside a `<label>` that holds
the task's first paragraph, so the box is announced with the task's words
("Write the tests, checkbox, checked"). The list and its items get GitHub's
`task-list` classes for the stylesheet.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

MARKER = re.compile(r"\[([ xX])\][ \t]+")


class TaskLists(Treeprocessor):
    """Turn list items that start with `[ ]` or `[x]` into labelled checkboxes."""

    def run(self, root) -> None:
        """Label every task and class its list."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for item in list(root.iter("li")):
            if self.label_task(item):
                add_class(item, "task-list-item")
                add_class(parents[item], "task-list")

    def label_task(self, item: etree.Element) -> bool:
        """Wrap the item's first paragraph in a checkbox label, if it is a task."""
        paragraph = item[0] if len(item) and item[0].tag == "p" else None
        if paragraph is None or (item.text or "").strip():
            return False
        marker = MARKER.match(paragraph.text or "")
        if marker is None:
            return False
        label = etree.Element("label", {"class": "task-list-label"})
        box = etree.SubElement(label, "input", {"type": "checkbox"})
        box.set("disabled", "disabled")
        if marker.group(1) != " ":
            box.set("checked", "checked")
        box.tail = " " + paragraph.text[marker.end() :]
        for child in list(paragraph):
            paragraph.remove(child)
            label.append(child)
        paragraph.text = None
        paragraph.append(label)
        return True


def add_class(element: etree.Element, name: str) -> None:
    """Add `name` to the element's classes."""
    classes = (element.get("class") or "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class TaskListsExtension(Extension):
    """Render GitHub task lists with accessible, read-only checkboxes."""

    def extendMarkdown(self, md):
        """Register after the inline patterns (20), before tight lists unwrap."""
        # `commonmark` unwraps a tight item's paragraph at 18: until then the
        # task's text is a paragraph of its own, whatever follows it.
        md.treeprocessors.register(TaskLists(md), "task_lists", 19)


def makeExtension(**kwargs):
    """Return the extension (Python-Markdown's entry point)."""
    return TaskListsExtension(**kwargs)
