#!/usr/bin/env bash
# Makes docs/screenshot.png: the real window under Xvfb on a library filled, through the CLI, from a
# local site (127.0.0.1) built from rekt.news post-mortems in ../shared/data. Nothing touches the internet.
# Needs: xvfb xauth libgtk-3-0 imagemagick xdotool python3 (see RECIPES.md §3).
# Usage: scripts/screenshot.sh [OUT.png]   (run from the project root; builds the jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/screenshot.png}"
DATA="${CRYPTOSEC_SHARED_DATA:-../shared/data}"
JSONL="$DATA/articles/rekt-news/rekt_articles_en.jsonl"
[ -f "$JSONL" ] || { echo "missing $JSONL (set CRYPTOSEC_SHARED_DATA)" >&2; exit 2; }
[ -f target/cryptosec-reader.jar ] || mvn -q -B -o -DskipTests package
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# 1. A small news site: feed.xml + one page per article (author box with bio and avatar), local images only.
mkdir -p "$WORK/site/img"
convert -size 96x96 radial-gradient:'#f2c14e'-'#c0392b' -fill none -stroke white -strokewidth 6 \
    -draw "line 30,30 66,66" -draw "line 66,30 30,66" "$WORK/site/img/rekt.png"
convert -size 800x360 gradient:'#1f2a44'-'#3b5b92' -fill '#f2c14e' -stroke '#f2c14e' -strokewidth 4 \
    -draw "polyline 40,300 160,260 280,280 400,180 520,200 640,90 760,60" "$WORK/site/img/chart.png"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
python3 - "$JSONL" "$WORK/site" "$BASE" <<'PY'
import html, json, re, sys, datetime, email.utils
src, out, base = sys.argv[1:4]
wanted = ["polynetwork-rekt", "bsc-the-bridge-to-defi", "safedollar-rekt", "veefinance-rekt",
          "merlinlabs-rekt", "autoshark-rekt", "flip-a-coin", "hype-and-hashmasks", "ultravolatile"]
rows = {d["id"]: d for d in map(json.loads, open(src, encoding="utf-8"))}
posts = [rows[w] for w in wanted if w in rows]
BIO = ("rekt.news is an anonymous platform for whistleblowers and DeFi detectives. "
       "It publishes post-mortems of exploits, hacks and scams, and the lessons they leave behind.")

def inline(t):
    t = html.escape(t, quote=False)
    t = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", lambda m: '<a href="%s">%s</a>' % (html.escape(m.group(2)), m.group(1)), t)
    t = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", t)
    t = re.sub(r"(?<![\w])_([^_]+)_(?![\w])", r"<em>\1</em>", t)
    t = re.sub(r"`([^`]+)`", r"<code>\1</code>", t)
    return t

def body(md):
    parts, figure, paragraphs = [], False, 0
    for block in re.split(r"\n\s*\n", md.strip()):
        b = block.strip()
        if not b:
            continue
        if b.startswith("!["):
            continue     # remote images are left out; one local figure follows the first paragraph
        if paragraphs == 1 and not figure:
            parts.append('<figure><img src="/img/chart.png" alt=""><figcaption>Funds moved by the attacker (illustration)</figcaption></figure>')
            figure = True
        if b.startswith("#"):
            parts.append("<h2>%s</h2>" % inline(b.lstrip("#").strip()))
        elif b.startswith(">"):
            parts.append("<blockquote><p>%s</p></blockquote>" % inline(re.sub(r"^>\s?", "", b, flags=re.M)))
        else:
            parts.append("<p>%s</p>" % inline(b).replace("\n", " "))
            paragraphs += 1
    return "\n".join(parts)

items = []
for d in posts:
    when = datetime.datetime.strptime(d["date"], "%m/%d/%Y").replace(hour=9, tzinfo=datetime.timezone.utc)
    path = "/%s/" % d["id"]
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(d['title'])}</title>
<meta property="og:title" content="{html.escape(d['title'])}"><meta property="og:site_name" content="rekt.news">
<meta name="author" content="rekt"><meta property="article:published_time" content="{when.isoformat()}">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": d['title'], "datePublished": when.isoformat(),
  "author": {"@type": "Person", "name": "rekt", "url": base + "/author/rekt/", "description": BIO, "image": base + "/img/rekt.png"}})}</script>
</head><body><header><nav><a href="/">rekt.news</a></nav></header><main><article>
<h1>{html.escape(d['title'])}</h1><div class="byline">By <a rel="author" href="/author/rekt/">rekt</a></div>
<div class="entry-content">{body(d['body_markdown'])}</div>
<div class="author-box"><img class="avatar" src="/img/rekt.png" alt="rekt"><h4>About rekt</h4><p>{BIO}</p></div>
</article></main><footer>rekt.news</footer></body></html>"""
    import os
    os.makedirs(out + path, exist_ok=True)
    open(out + path + "index.html", "w", encoding="utf-8").write(page)
    items.append(f"""<item><title>{html.escape(d['title'])}</title><link>{base}{path}</link><guid>{base}{path}</guid>
<dc:creator>rekt</dc:creator><pubDate>{email.utils.format_datetime(when)}</pubDate>
<description>{html.escape(d['excerpt'] or '')}</description></item>""")
open(out + "/feed.xml", "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>rekt.news</title><link>{base}/</link>
<description>DeFi post-mortems</description><language>en</language>{''.join(items)}</channel></rss>""")
open(out + "/index.html", "w", encoding="utf-8").write(
    f'<!DOCTYPE html><html><head><title>rekt.news</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>rekt</body></html>')
PY
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/site" >/dev/null 2>&1 & PIDS+=($!)
for _ in $(seq 1 40); do curl -sf "$BASE/feed.xml" >/dev/null && break; sleep 0.25; done

# 2. Fill a library through the CLI.
JAR="java -jar target/cryptosec-reader.jar --data-dir $WORK/data"
$JAR feeds add "$BASE/feed.xml" >/dev/null
$JAR refresh >/dev/null 2>&1 || true    # exit 3 when a feed failed; the screenshot shows that too

# 3. Open the window under Xvfb, select the first article (j), take the picture.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  java -Dprism.order=sw -Dprism.lcdtext=false -jar target/cryptosec-reader.jar --data-dir "'"$WORK"'/data" >/dev/null 2>&1 & P=$!
  for i in $(seq 1 80); do W=$(xdotool search --name "Cryptosec Reader" 2>/dev/null | head -1); [ -n "$W" ] && break; sleep 0.25; done
  sleep 3
  xdotool windowfocus --sync "$W" 2>/dev/null || true
  xdotool mousemove 560 260 click 1; sleep 0.5; xdotool key j; sleep 0.3; xdotool key k; sleep 2.5
  import -window root "'"$OUT"'"
  kill $P'
echo "wrote $OUT"
