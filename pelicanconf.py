"""Development settings: what `invoke build` and `invoke serve` use."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

AUTHOR = "socraticDev"
SITENAME = "socraticDev"
SITESUBTITLE = "Career guides for developers"
SITEURL = ""
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "en"
# The languages posts are written in. The default one keeps the site's
# addresses; a post in another (`index.fr.md` beside `index.md`, or `lang: fr`)
# lives under /fr/, and that language gets its own home, tags, archives,
# search and feeds once it has a published post. `locale` dates the pages
# (Babel) and names them to link previews; `words_per_minute` sets the
# reading time (French prose is read more slowly: Trauzettel-Klosinski et
# al., 2012, measured 195 words a minute in French, 228 in English); the
# theme's strings come from theme/translations/<lang>.po.
LANGUAGES = {
    "en": {"name": "English", "locale": "en_US", "words_per_minute": 230},
    "fr": {
        "name": "Français",
        "locale": "fr_FR",
        "words_per_minute": 195,
        "subtitle": "Guides de carrière pour développeurs",
    },
}

PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
# The plugin is installed with the project (plugins/socratic_blog);
# pelican-neighbors links each post to the older and the newer one.
PLUGINS = ["socratic_blog", "pelican.plugins.neighbors"]
RELATED_POSTS_MAX = 3

ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
# Files static hosts read at the root of the site: GitHub Pages, Netlify, Cloudflare.
EXTRA_PATH_METADATA = {
    "extra/.nojekyll": {"path": ".nojekyll"},
    "extra/_headers": {"path": "_headers"},
}

ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/posts/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/posts/{slug}/index.html"
# The plugin pairs translations (socratic_blog/languages/twins.py): by folder
# or `translation_of`, so that a translation may have its own slug.
ARTICLE_TRANSLATION_ID = None
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
DIRECT_TEMPLATES = ["index", "tags", "archives", "search", "404"]
# Every page carries the plugin's Content-Security-Policy (page_policy.py); posts
# may embed iframes from these hosts only, e.g. ["www.youtube-nocookie.com"].
EMBED_HOSTS: list[str] = []
# Files under content/ that run in a browser (scripts, .html, .xml, SVG images
# with scripts) are not published (guards/active_files.py) unless listed here,
# as paths from content/, e.g. ["extra/google1234.html"].
PUBLISHED_ACTIVE_FILES: list[str] = []

# Pagefind indexes the posts for the search page; only the production build
# (publishconf.py) pays for it.
SEARCH_INDEX = False

# Drafts and posts dated in the future (scheduled) are written only by the
# preview (`invoke serve`, `invoke build --drafts`), at the URL they will have,
# under a banner. A scheduled post is published by the first build on or after
# its date.
WITH_FUTURE_DATES = False
DRAFT_URL = ARTICLE_URL
DRAFT_SAVE_AS = ""
DRAFT_LANG_URL = ARTICLE_LANG_URL
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = PAGE_URL
DRAFT_PAGE_SAVE_AS = ""

# No categories: their pages would only repeat the home page. A page per
# author only when the site has several (the plugin drops them otherwise).
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds need absolute URLs: publishconf.py turns them on with the real SITEURL.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

MARKDOWN = {
    "extension_configs": {
        "pymdownx.superfences": {},
        "pymdownx.highlight": {
            "css_class": "highlight",
            "guess_lang": False,
            "pygments_lang_class": True,
            # Blank lines at either end of a fence are code, as in CommonMark.
            "stripnl": False,
        },
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

TYPOGRIFY = True
# widont would glue the last two words of every title with a no-break space.
TYPOGRIFY_OMIT_FILTERS = ["widont"]

JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# Keep what the reader made of each post between builds (unchanged files are
# not read again). build.py names the folder by a fingerprint of the plugin,
# the settings and the libraries, so a change to any of them starts afresh.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
CACHE_PATH = str(ROOT / ".cache" / "content")
GZIP_CACHE = False
# Social cards are drawn once per title, tags and colours, and kept here.
SOCIAL_CARDS_CACHE = str(ROOT / ".cache" / "social-cards")
# WebP copies of the covers are encoded once per cover's bytes, and kept here.
WEBP_COVERS_CACHE = str(ROOT / ".cache" / "webp-covers")
# Body pictures' WebP copies and private copies (no EXIF), made once per bytes.
PICTURES_CACHE = str(ROOT / ".cache" / "pictures")
# Every published picture goes out without its EXIF (where a photo was taken,
# the camera); True publishes the files' original bytes instead.
PRESERVE_PICTURE_METADATA = False
# One card per post is for the live site (publishconf.py); the preview shares
# the site's card, so a first preview of many posts draws one card, not all.
SOCIAL_CARDS = False
