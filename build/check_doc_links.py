#!/usr/bin/env python3
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
"""Checks the built HTML documentation (build/docs.sh runs it on doc/html/): every local link
(href and src) leads to a file that exists, every #anchor to an id (or name) of its page, and
no link still names a .md or .adoc source. External links (http:, https:, mailto:) are not
fetched. Prints each broken link and exits 1 if there is one.
    usage: check_doc_links.py DIR"""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ('id', 'name') if tag == 'a' else ('id',):
            if a.get(k):
                self.ids.add(a[k])
        for k in ('href', 'src'):
            if a.get(k) is not None and tag in ('a', 'img', 'link', 'script'):
                self.links.append((self.getpos()[0], a[k]))


def parse(path, cache):
    if path not in cache:
        p = Page()
        with open(path, encoding='utf-8') as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'doc/html')
    pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs if f.endswith('.html'))
    if not pages:
        print('check_doc_links: no HTML page under ' + top)
        return 1
    cache, broken, checked = {}, [], 0
    for page in pages:
        for line, href in parse(page, cache).links:
            u = urllib.parse.urlsplit(href)
            if u.scheme or u.netloc:
                continue
            checked += 1
            where = '%s:%d: %s' % (os.path.relpath(page, top), line, href)
            path = urllib.parse.unquote(u.path)
            target = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
            if path.endswith('.md') or path.endswith('.adoc'):
                broken.append(where + ' (a documentation source, not its HTML page)')
            elif not os.path.exists(target):
                broken.append(where + ' (no such file)')
            elif u.fragment and target.endswith('.html'):
                if urllib.parse.unquote(u.fragment) not in parse(target, cache).ids:
                    broken.append(where + ' (no such anchor in ' + os.path.basename(target) + ')')
    for b in broken:
        print('check_doc_links: broken: ' + b)
    print('check_doc_links: %d pages, %d local links checked, %d broken' % (len(pages), checked, len(broken)))
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
