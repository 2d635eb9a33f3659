"""Liquid, Hugo shortcodes and kramdown attributes become Markdown, never in code."""

from __future__ import annotations

import pytest

from press.authoring.importing.markup.templates import resolve

FIELDS = {"title": "My trip", "image": "/images/trip.png", "tags": ["a"]}
POSTS = {
    ("post_url", "2016-08-25-other-post"): "/posts/other-post/",
    ("link", "_posts/2016-08-25-other-post.md"): "/posts/other-post/",
    ("ref", "other-post.md"): "/posts/other-post/",
    ("ref", "/posts/other-post"): "/posts/other-post/",
}


def address_of(kind: str, reference: str) -> str | None:
    return POSTS.get((kind, reference))


def resolved(body: str):
    site = {"title": "Old Jekyll", "description": None}
    return resolve(body, {"page": FIELDS, "site": site}, address_of, str, 10)


@pytest.mark.parametrize(
    ("written", "markdown"),
    [
        ("[a]({{ site.baseurl }}/about/)", "[a](/about/)"),
        ("[a]({{ site.url }}{{ site.baseurl }}/about/)", "[a](/about/)"),
        ("[a]({{ '/about/' | relative_url }})", "[a](/about/)"),
        ("[b]({% post_url 2016-08-25-other-post %})", "[b](/posts/other-post/)"),
        ("[b]({% link _posts/2016-08-25-other-post.md %})", "[b](/posts/other-post/)"),
        ('[c]({{< ref "other-post.md" >}})', "[c](/posts/other-post/)"),
        ('[c]({{< relref "/posts/other-post" >}})', "[c](/posts/other-post/)"),
        (
            "![cover]({{ page.image }}) in {{ page.title }}",
            "![cover](/images/trip.png) in My trip",
        ),
        ("{% raw %}{{ kept }}{% endraw %}", "{{ kept }}"),
        ("Welcome to {{ site.title }}.", "Welcome to Old Jekyll."),
        ("* TOC\n{:toc}\n\n# One", "\n# One"),
        (
            '{% include figure image_path="/assets/a.png" alt="A" caption="B" %}',
            "![A](/assets/a.png)\n\n*B*",
        ),
        (
            '{% include video id="XsxDH4HcOWA" provider="youtube" %}',
            "[Watch the video](https://www.youtube.com/watch?v=XsxDH4HcOWA)",
        ),
        (
            '{{< x user="SanDiegoZoo" id="1453110110599868418" >}}',
            "[See the post on X](https://x.com/SanDiegoZoo/status/1453110110599868418)",
        ),
        ("a{% comment %}gone{% endcomment %}b", "ab"),
        (
            '{{< figure src="a.png" alt="A map" caption="The route" >}}',
            "![A map](a.png)\n\n*The route*",
        ),
        (
            "{{< youtube w7Ft2ymGmfc >}}",
            "[Watch the video](https://www.youtube.com/watch?v=w7Ft2ymGmfc)",
        ),
        (
            '{{< vimeo id="146022717" >}}',
            "[Watch the video](https://vimeo.com/146022717)",
        ),
        (
            '{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}',
            "[See the post on X](https://x.com/SanDiegoZoo/status/1453110110599868418)",
        ),
        (
            "{{< gist spf13 7896402 >}}",
            "[See the gist](https://gist.github.com/spf13/7896402)",
        ),
        ("A paragraph.\n{: .lead }\n", "A paragraph.\n"),
        ('[a](/x/){:target="_blank"}', "[a](/x/)"),
        ('{::options parse_block_html="true" /}\nText', "Text"),
    ],
)
def test_a_template_becomes_what_it_meant(written, markdown):
    result = resolved(written)
    assert result.body == markdown
    assert result.left == []
    assert result.resolved >= 1


def test_highlight_blocks_become_fenced_code_kept_as_written():
    body = (
        "{% highlight ruby %}\nputs '{{ x }}'\n{% endhighlight %}\n\n"
        '{{< highlight go "linenos=table" >}}\nfmt.Println("{% y %}")\n'
        "{{< /highlight >}}\n"
    )
    assert resolved(body).body == (
        "```ruby\nputs '{{ x }}'\n```\n\n"
        '```go linenums="1"\nfmt.Println("{% y %}")\n```\n'
    )
    assert resolved(body).left == []


def test_code_is_never_touched_nor_warned_about():
    body = (
        "Use `{{ site.baseurl }}` and ``{% raw %}``.\n\n"
        "```liquid\n{% include x.html %}\n{{ page.title }}\n```\n\n"
        "~~~\n{{< figure src=x >}}\n~~~\n"
    )
    result = resolved(body)
    assert result.body == body
    assert result.left == []


def test_a_site_own_tag_is_kept_visible_as_code_with_its_line():
    body = "Intro.\n\n{% oembed https://x.org/v %}\n\n{% include note.html k=1 %}\n"
    result = resolved(body)
    assert result.body == (
        "Intro.\n\n`{% oembed https://x.org/v %}`\n\n`{% include note.html k=1 %}`\n"
    )
    assert result.left == [
        (12, "{% oembed https://x.org/v %}"),
        (14, "{% include note.html k=1 %}"),
    ]


def test_an_unknown_post_is_left_as_a_note():
    result = resolved("[x]({% post_url 2001-01-01-nowhere %})")
    assert result.body == "[x](`{% post_url 2001-01-01-nowhere %}`)"
    assert result.left == [(10, "{% post_url 2001-01-01-nowhere %}")]


def test_inline_code_in_three_backticks_holds_no_template_as_code():
    body = "```f()``` is inline.\n[a]({{ site.baseurl }}/about/)\n\n```\ncode\n```\n"
    assert resolved(body).body.splitlines()[1] == "[a](/about/)"


def test_an_indented_highlight_block_becomes_a_fence_of_its_code():
    # Jekyll runs Liquid before kramdown: `    {% highlight c %}` under a
    # paragraph is a C block, not an indented code block showing "```c".
    body = (
        "It's a start:\n\n"
        "    {% highlight c %}\n    int f() {\n        return 1;\n    }\n"
        "    {% endhighlight %}\n\nAfter.\n"
    )
    assert resolved(body).body == (
        "It's a start:\n\n```c\nint f() {\n    return 1;\n}\n```\n\nAfter.\n"
    )


def test_a_highlight_block_in_a_list_item_stays_in_the_item():
    body = "- step:\n\n  {% highlight sh %}\n  ls -l\n  {% endhighlight %}\n"
    assert resolved(body).body == "- step:\n\n  ```sh\n  ls -l\n  ```\n"
