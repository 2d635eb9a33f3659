"""Hugo's code fence attributes become the fence options this blog's build reads."""

from __future__ import annotations

import pytest

from press.authoring.importing.markup.templates import resolve
from socratic_blog.markdown.code_fence_options import fence_problems


def resolved(body: str):
    return resolve(body, {"page": {}, "site": {}}, lambda kind, ref: None, str, 10)


@pytest.mark.parametrize(
    ("written", "header"),
    [
        ("```go {linenos=table,hl_lines=[2,3]}", '```go hl_lines="2 3" linenums="1"'),
        (
            '```go {linenos=true, hl_lines=[8,"15-17"], linenostart=199}',
            '```go hl_lines="8 15-17" linenums="199"',
        ),
        ('```python {hl_lines="2 4-6"}', '```python hl_lines="2 4-6"'),
        ("```bash {linenos=false}", "```bash"),
        (
            "```js {linenos=inline,style=monokai,anchorlinenos=true}",
            '```js linenums="1"',
        ),
        ('```go {title="main.go"}', '```go title="main.go"'),
        ("~~~go {linenos=table}", '~~~go linenums="1"'),
    ],
)
def test_a_hugo_fence_header_becomes_this_blogs_options(written, header):
    result = resolved(f"{written}\nline 1\nline 2\nline 3\n```\n")
    first = result.body.splitlines()[0]
    assert first == header
    assert result.fence_options == []
    language, _, options = first.lstrip("`~").partition(" ")
    assert fence_problems(f"{language} {options}", "x\n" * 20) == []


def test_the_highlight_shortcodes_options_are_kept_as_fence_options():
    body = (
        '{{< highlight go "linenos=table,hl_lines=2 3,linenostart=5" >}}\n'
        "a\nb\nc\n{{< /highlight >}}"
    )
    assert resolved(body).body == '```go hl_lines="2 3" linenums="5"\na\nb\nc\n```'


def test_an_attribute_with_no_equal_is_kept_and_named_with_its_line():
    result = resolved("Text.\n\n```go {.wide linenos=table}\nx\n```\n")
    assert result.body.splitlines()[2] == '```go linenums="1" {.wide}'
    assert result.fence_options == [(12, ".wide")]


def test_code_inside_a_fence_is_not_a_fence_header():
    body = "````md\n```go {linenos=table}\n````\n"
    assert resolved(body).body.splitlines()[1] == "```go {linenos=table}"


def test_a_highlight_shortcode_closed_with_a_space_after_the_slash():
    body = '{{< highlight csharp "linenos=inline" >}}\nx();\n{{< / highlight >}}\n'
    assert resolved(body).body == '```csharp linenums="1"\nx();\n```\n'


def test_inline_code_in_three_backticks_does_not_open_a_fence():
    body = "A call to\n```DateTime.Now```:\n\n```csharp {linenos=table}\nx();\n```\n"
    assert resolved(body).body.splitlines()[3] == '```csharp linenums="1"'
