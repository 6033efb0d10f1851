#!/usr/bin/env python3
# Part of claimlint. SPDX-License-Identifier: Apache-2.0
"""Realistic HTML pages from a make_corpus.py Markdown corpus.

Each Markdown page becomes a whole clinic web page: a <head> with meta
tags, inline CSS and JSON-LD, a navigation bar with a menu of links, the
article (headings, paragraphs, lists, tables, block quotes, code, inline
emphasis and links converted from the Markdown), a sidebar, a footer with
more links and an address, then inline and external scripts. About 40% of
the bytes are this boilerplate, as on real sites.

  make_html_corpus.py --from DIR --out DIR2       one .html per .md page
  make_html_corpus.py --from DIR --out FILE.html  every article in one page

Deterministic: the same input gives the same bytes.
"""

import argparse
import html
import os
import re
import sys

NAV = ["Home", "Conditions", "Treatments", "Knee pain", "Back pain",
       "Shoulder pain", "Sports injuries", "Our team", "Prices",
       "Patient stories", "Research", "Blog", "FAQ", "Book online",
       "Contact"]

STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.55}
header.site{background:#0b4f6c;color:#fff;padding:.6rem 1.2rem}
nav.main ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0}
nav.main a{color:#fff;text-decoration:none}
main{max-width:52rem;margin:2rem auto;padding:0 1rem}
aside.cta{border:1px solid #ddd;padding:1rem;border-radius:.4rem}
footer.site{background:#f3f3f3;padding:2rem 1.2rem;font-size:.9rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem}
.cookie{position:fixed;bottom:0;left:0;right:0;background:#333;color:#eee}
"""

SCRIPT = """
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-XXXXXXX');
document.addEventListener('DOMContentLoaded', function () {
  var b = document.querySelector('.cookie button');
  if (b) b.addEventListener('click', function () {
    document.cookie = 'consent=1; max-age=31536000; path=/';
    b.parentNode.style.display = 'none';
  });
  // "This treatment cures everything" in a script is not prose.
  var n = document.querySelectorAll('nav.main a').length;
  if (n > 40 && window.console) console.log('menu', n);
});
"""


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "page"


def inline(text):
    """Markdown inline syntax to HTML (code spans, links, emphasis)."""
    out, i = [], 0
    for m in re.finditer(r"`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)", text):
        out.append(emph(html.escape(text[i:m.start()], quote=False)))
        if m.group(1) is not None:
            out.append("<code>%s</code>" % html.escape(m.group(1), quote=False))
        else:
            out.append('<a href="%s">%s</a>' % (html.escape(m.group(3)),
                                                emph(html.escape(
                                                    m.group(2), quote=False))))
        i = m.end()
    out.append(emph(html.escape(text[i:], quote=False)))
    return "".join(out)


def emph(s):
    s = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", s)
    return re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<em>\1</em>", s)


def article(md):
    """A small Markdown-to-HTML conversion, enough for make_corpus.py."""
    lines = md.split("\n")
    out, para, i = [], [], 0

    def flush():
        if para:
            out.append("<p>%s</p>" % inline("\n".join(para)))
            del para[:]

    title = "Clinic page"
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            out.append("<pre><code>%s</code></pre>" % html.escape(
                "\n".join(lines[i + 1:j]), quote=False))
            i = j + 1
            continue
        if s.startswith("<!--") or (s.startswith("<") and s.endswith(">")):
            flush()
            out.append(s)  # comments and inline HTML pass through
        elif not s:
            flush()
        elif re.match(r"#{1,6} ", s):
            flush()
            n = len(s) - len(s.lstrip("#"))
            text = s[n:].strip()
            if n == 1:
                title = text
            out.append('<h%d id="%s">%s</h%d>' % (n, slug(text), inline(text),
                                                  n))
        elif re.match(r"([-*+]|\d+[.)]) ", s):
            flush()
            ordered = s[0].isdigit()
            items = []
            while i < len(lines) and re.match(r"\s*([-*+]|\d+[.)]) ",
                                              lines[i]):
                items.append(re.sub(r"^\s*([-*+]|\d+[.)]) ", "", lines[i]))
                i += 1
            tag = "ol" if ordered else "ul"
            out.append("<%s>%s</%s>" % (tag, "".join(
                "<li>%s</li>" % inline(x) for x in items), tag))
            continue
        elif s.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            out.append("<blockquote><p>%s</p></blockquote>" %
                       inline("\n".join(quote)))
            continue
        elif s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|")
                         .split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            body = "".join("<tr>%s</tr>" % "".join(
                "<%s>%s</%s>" % ("th" if r == 0 else "td", inline(c),
                                 "th" if r == 0 else "td") for c in row)
                for r, row in enumerate(rows))
            out.append("<table>%s</table>" % body)
            continue
        else:
            para.append(s)
        i += 1
    flush()
    return title, "\n".join(out)


def head(title, n):
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<title>%s | Riverside Musculoskeletal Clinic</title>\n'
        '<meta name="description" content="%s - assessment and treatment at '
        'Riverside Musculoskeletal Clinic.">\n'
        '<link rel="canonical" href="https://clinic.example/pages/%s">\n'
        '<link rel="stylesheet" href="/assets/site.%04d.css">\n'
        '<style>%s</style>\n'
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"MedicalClinic","name":"Riverside Musculoskeletal Clinic",'
        '"url":"https://clinic.example/","telephone":"+44 20 0000 0000",'
        '"address":{"@type":"PostalAddress","streetAddress":"1 River Lane",'
        '"addressLocality":"London","postalCode":"N1 0AA"}}</script>\n'
        '</head>\n' % (html.escape(title), html.escape(title), slug(title),
                       n, STYLE))


def nav():
    items = "".join('<li><a href="/%s">%s</a></li>' % (slug(x), x)
                    for x in NAV)
    return ('<body>\n<header class="site"><a class="logo" href="/">'
            '<img src="/assets/logo.svg" alt="Riverside Clinic" width="120" '
            'height="32"></a>\n<nav class="main" aria-label="Main"><ul>%s'
            '</ul></nav></header>\n' % items)


def footer(n):
    links = "".join('<li><a href="/%s">%s</a></li>' % (slug(x), x)
                    for x in NAV[1:9])
    return (
        '<aside class="cta"><h2>Book an assessment</h2><p>Call us on '
        '020 0000 0000 or <a href="/book">book online</a>.</p></aside>\n'
        '<footer class="site"><ul class="links">%s</ul>\n'
        '<address>Riverside Musculoskeletal Clinic, 1 River Lane, London '
        'N1 0AA</address>\n<p><small>Registered in England No. %08d. '
        '&copy; 2026.</small></p></footer>\n'
        '<div class="cookie" role="dialog"><p>We use cookies to improve the '
        'site.</p><button type="button">Accept</button></div>\n'
        '<script src="/assets/site.%04d.js" defer></script>\n'
        '<script>%s</script>\n</body>\n</html>\n' % (links, 1000000 + n, n,
                                                     SCRIPT))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="src", required=True,
                    help="a make_corpus.py --files folder")
    ap.add_argument("--out", required=True,
                    help="a folder, or a file ending in .html for one page")
    a = ap.parse_args()
    names = sorted(f for f in os.listdir(a.src) if f.endswith(".md"))
    if not names:
        sys.exit("make_html_corpus: no .md pages in %s" % a.src)
    if a.out.endswith(".html"):
        parts = []
        for n, f in enumerate(names):
            title, body = article(open(os.path.join(a.src, f),
                                       encoding="utf-8").read())
            parts.append('<article id="p%d">\n%s\n</article>\n' % (n, body))
        with open(a.out, "w", encoding="utf-8") as o:
            o.write(head("Every page", 0) + nav() + "<main>\n" +
                    "".join(parts) + "</main>\n" + footer(0))
        return 0
    os.makedirs(a.out, exist_ok=True)
    for n, f in enumerate(names):
        title, body = article(open(os.path.join(a.src, f),
                                   encoding="utf-8").read())
        with open(os.path.join(a.out, f[:-3] + ".html"), "w",
                  encoding="utf-8") as o:
            o.write(head(title, n) + nav() + "<main>\n<article>\n" + body +
                    "\n</article>\n</main>\n" + footer(n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
