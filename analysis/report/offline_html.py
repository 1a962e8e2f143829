"""The offline-HTML check: every URL a page would load from outside itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_INLINE_SCHEMES = ("data:", "blob:", "about:", "javascript:")

# Attributes whose URL the browser fetches without user action, per (lower-case) tag.
_URL_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "feimage": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
}
_NAVIGATION_RELS = frozenset(
    {
        "alternate",
        "author",
        "bookmark",
        "canonical",
        "external",
        "help",
        "license",
        "me",
        "next",
        "nofollow",
        "noopener",
        "noreferrer",
        "prev",
        "search",
        "tag",
    }
)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_JS_IMPORT = re.compile(
    r"""(?:\bimport\s*\(\s*|\bimport\s+|\bfrom\s*)(["'`])((?:https?:)?//[^"'`]+)\1"""
)
_META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)


def _is_external(url: str) -> bool:
    """Tell whether ``url`` leaves the document (anything but data:, blob:, #fragment...)."""
    url = url.strip()
    return bool(url) and not url.startswith("#") and not url.lower().startswith(_INLINE_SCHEMES)


def _srcset_urls(srcset: str) -> list[str]:
    """URLs of an ``srcset`` attribute (data: URLs may contain commas, so no plain split)."""
    urls: list[str] = []
    pos, end = 0, len(srcset)
    while pos < end:
        while pos < end and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        start = pos
        while pos < end and not srcset[pos].isspace():
            pos += 1
        url = srcset[start:pos].rstrip(",")
        if url:
            urls.append(url)
        if srcset[start:pos].endswith(","):
            continue
        while pos < end and srcset[pos] != ",":  # skip descriptors such as "2x"
            pos += 1
    return urls


def _css_urls(css: str) -> list[str]:
    """URLs referenced by ``url(...)`` and ``@import "..."`` in a piece of CSS."""
    found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    found += [next(g for g in m.groups() if g is not None) for m in _CSS_IMPORT.finditer(css)]
    return found


class _ReferenceCollector(HTMLParser):
    """Collects candidate URLs of automatically loaded resources, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._raw_tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _URL_ATTRS.get(tag, ()):
            if name in values:
                raw = values[name]
                self.urls.extend(_srcset_urls(raw) if name == "srcset" else [raw])
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            if not rels or not rels <= _NAVIGATION_RELS:
                self.urls.append(values["href"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _META_REFRESH_URL.search(values.get("content", ""))
            if match:
                self.urls.append(match.group(1))
        if "background" in values:  # legacy <body background=...>, <td background=...>
            self.urls.append(values["background"])
        if "style" in values:
            self.urls.extend(_css_urls(values["style"]))
        self._raw_tag = tag if tag in ("style", "script") else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_tag = None

    def handle_endtag(self, tag: str) -> None:
        self._raw_tag = None

    def handle_data(self, data: str) -> None:
        if self._raw_tag == "style":
            self.urls.extend(_css_urls(data))
        elif self._raw_tag == "script":
            self.urls.extend(m.group(2) for m in _JS_IMPORT.finditer(data))


def external_references(html_text: str) -> list[str]:
    """Return every reference in ``html_text`` that a browser would load from outside the file.

    Covers ``<script src>``, ``<link href>`` (stylesheets, icons, preloads; not purely
    navigational rels), ``<img>``/``<source>`` ``src``/``srcset``, ``<iframe>``/``<embed>``/
    ``<object>``/media sources, SVG ``<image>``/``<use>`` hrefs, meta refresh, CSS ``url()`` and
    ``@import`` in ``<style>`` and ``style=""``, and ES-module imports of absolute URLs in inline
    scripts.  ``http(s)://`` and protocol-relative ``//`` URLs are reported, and so are relative
    paths (they also point outside a self-contained file); ``data:``/``blob:`` URLs and
    ``#fragment`` references are not.  Plain ``<a href>`` links are not loads and are ignored.
    Result is de-duplicated, in document order.
    """
    collector = _ReferenceCollector()
    collector.feed(html_text)
    collector.close()
    seen: dict[str, None] = {}
    for url in collector.urls:
        if _is_external(url):
            seen.setdefault(url.strip(), None)
    return list(seen)
