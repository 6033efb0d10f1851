//===- Audit/Crawler.cpp - Live pages and same-site crawls ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Crawler.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <chrono>
#include <deque>
#include <map>
#include <set>
#include <thread>

#include "Audit/Curl.h"
#include "Audit/Fetcher.h"
#include "Audit/HtmlScan.h"
#include "Audit/Robots.h"
#include "Audit/Sitemap.h"
#include "Audit/Url.h"

namespace claimlint {

llvm::Optional<FileType> pageTypeFor(llvm::StringRef ContentType,
                                     llvm::StringRef Url) {
  llvm::StringRef T = ContentType;
  if (T == "text/html" || T == "application/xhtml+xml")
    return FileType::Html;
  if (T == "text/markdown" || T == "text/x-markdown")
    return FileType::Markdown;
  if (T == "text/plain") {
    llvm::StringRef Ext =
        llvm::sys::path::extension(llvm::StringRef(Url).split('?').first);
    if (Ext.equals_insensitive(".md") || Ext.equals_insensitive(".markdown"))
      return FileType::Markdown;
    return FileType::Text;
  }
  if (T.empty())
    return FileType::Html;
  return llvm::None;
}

namespace {

/// Links to these are not pages: they are not fetched.
bool looksLikeAsset(llvm::StringRef Path) {
  // The lowered copy must outlive the comparisons below.
  std::string Ext = llvm::sys::path::extension(Path.split('?').first).lower();
  for (const char *E :
       {".pdf",  ".jpg",  ".jpeg", ".png",  ".gif",  ".webp",  ".svg", ".ico",
        ".css",  ".js",   ".mjs",  ".json", ".zip",  ".gz",    ".tgz", ".mp3",
        ".mp4",  ".webm", ".mov",  ".avi",  ".woff", ".woff2", ".ttf", ".eot",
        ".doc",  ".docx", ".xls",  ".xlsx", ".ppt",  ".pptx",  ".xml", ".rss",
        ".atom", ".exe",  ".dmg",  ".apk"})
    if (Ext == E)
      return true;
  return false;
}

class Crawl {
public:
  Crawl(const CrawlOptions &O, const CrawlCallbacks &CB)
      : O(O), CB(CB), F(O.UserAgent, O.TimeoutSeconds) {}

  void run(llvm::ArrayRef<std::string> Seeds);

private:
  struct Item {
    std::string Url;
    bool Seed;
  };

  FetchResult fetch(const std::string &Url, double Delay);
  const RobotsTxt &robotsFor(const Url &U);
  void readSitemaps(const Url &Seed);
  void enqueue(const std::string &U, bool Seed);
  void note(const std::string &U, const std::string &W) {
    if (CB.Note)
      CB.Note(U, W);
  }
  void progress() {
    if (CB.Progress)
      CB.Progress(Fetched, O.Crawl ? std::min<size_t>(Seen.size(), O.MaxPages)
                                   : Seen.size());
  }

  const CrawlOptions &O;
  const CrawlCallbacks &CB;
  Fetcher F;
  std::deque<Item> Queue;
  std::set<std::string> Seen; // queued or done, normalised
  std::set<std::string> Sites;
  std::map<std::string, RobotsTxt> Robots; // by origin
  std::set<std::string> SitemapOrigins;
  std::chrono::steady_clock::time_point Last;
  bool Started = false;
  size_t Fetched = 0;
};

FetchResult Crawl::fetch(const std::string &Url, double Delay) {
  double Gap = O.Rate > 0 ? 1.0 / O.Rate : 0;
  Gap = std::max(Gap, Delay);
  if (Started && Gap > 0) {
    auto Due =
        Last + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(Gap));
    std::this_thread::sleep_until(Due);
  }
  Started = true;
  FetchResult R = F.get(Url);
  Last = std::chrono::steady_clock::now();
  return R;
}

const RobotsTxt &Crawl::robotsFor(const Url &U) {
  auto It = Robots.find(U.Origin);
  if (It != Robots.end())
    return It->second;
  FetchResult R = fetch(U.Origin + "/robots.txt", 0);
  RobotsTxt T = RobotsTxt::allowAll();
  if (R.Ok && R.Status >= 200 && R.Status < 300) {
    T = RobotsTxt::parse(R.Body, O.RobotsToken);
  } else if (!R.Ok || R.Status >= 500) {
    // RFC 9309: an unreachable robots.txt means the whole site is off limits.
    T = RobotsTxt::disallowAll();
    note(U.Origin + "/robots.txt",
         R.Ok ? "HTTP " + std::to_string(R.Status) + "; the site is not crawled"
              : R.Error + "; the site is not crawled");
  }
  return Robots.emplace(U.Origin, std::move(T)).first->second;
}

void Crawl::readSitemaps(const Url &Seed) {
  if (!SitemapOrigins.insert(Seed.Origin).second)
    return;
  const RobotsTxt &R = robotsFor(Seed);
  std::deque<std::string> Maps(R.sitemaps().begin(), R.sitemaps().end());
  bool Listed = !Maps.empty();
  if (!Listed)
    Maps.push_back(Seed.Origin + "/sitemap.xml");
  std::set<std::string> Done;
  unsigned Budget = 20; // sitemap files read per site at most
  while (!Maps.empty() && Budget > 0) {
    std::string M = Maps.front();
    Maps.pop_front();
    auto MU = parseUrl(M);
    if (!MU || !Sites.count(MU->Site) || !Done.insert(MU->Full).second)
      continue;
    --Budget;
    FetchResult FR = fetch(MU->Full, R.crawlDelay());
    if (!FR.Ok || FR.Status != 200) {
      if (Listed)
        note(MU->Full, FR.Ok ? "sitemap: HTTP " + std::to_string(FR.Status)
                             : "sitemap: " + FR.Error);
      continue;
    }
    Sitemap S = parseSitemap(FR.Body);
    for (const std::string &Loc : S.Locs) {
      if (S.IsIndex)
        Maps.push_back(Loc);
      else
        enqueue(Loc, false);
    }
  }
}

void Crawl::enqueue(const std::string &Raw, bool Seed) {
  auto U = parseUrl(Raw);
  if (!U) {
    std::string Why;
    if (Seed && CB.Error)
      CB.Error(Raw, curlApi(&Why) ? "not an http(s) URL" : Why);
    return;
  }
  if (!Seed && (!Sites.count(U->Site) || looksLikeAsset(U->Path)))
    return;
  if (!Seen.insert(U->Full).second)
    return;
  Queue.push_back({U->Full, Seed});
}

void Crawl::run(llvm::ArrayRef<std::string> Seeds) {
  for (const std::string &S : Seeds)
    if (auto U = parseUrl(S))
      Sites.insert(U->Site);
  for (const std::string &S : Seeds)
    enqueue(S, true);
  if (O.Crawl)
    for (const std::string &S : Seeds)
      if (auto U = parseUrl(S))
        readSitemaps(*U);
  std::set<std::string> Read; // final URLs handed on or read for links
  std::set<uint64_t> Bodies;  // hashes of the pages read
  while (!Queue.empty()) {
    if (O.Crawl && Fetched >= O.MaxPages) {
      note(Queue.front().Url, "--max-pages " + std::to_string(O.MaxPages) +
                                  " reached; " + std::to_string(Queue.size()) +
                                  " pages not read");
      break;
    }
    Item It = Queue.front();
    Queue.pop_front();
    auto U = parseUrl(It.Url);
    if (!U)
      continue;
    bool Wanted = !CB.Wanted || CB.Wanted(U->Full);
    if (!Wanted && !O.Crawl)
      continue;
    double Delay = 0;
    if (O.Crawl) {
      const RobotsTxt &R = robotsFor(*U);
      if (!R.allowed(U->Path)) {
        note(U->Full, "disallowed by robots.txt; not read");
        continue;
      }
      Delay = R.crawlDelay();
    }
    FetchResult FR = fetch(U->Full, Delay);
    ++Fetched;
    progress();
    auto Problem = [&](const std::string &Why) {
      if (It.Seed && CB.Error)
        CB.Error(U->Full, Why);
      else
        note(U->Full, Why);
    };
    if (!FR.Ok) {
      Problem(FR.Error);
      continue;
    }
    if (FR.Status < 200 || FR.Status >= 300) {
      Problem("HTTP " + std::to_string(FR.Status));
      continue;
    }
    auto Final = parseUrl(FR.FinalUrl);
    if (!Final)
      Final = U;
    if (!Read.insert(Final->Full).second)
      continue; // a redirect to a page already read
    // One page under two addresses ("/" and "/index.html") is read once.
    if (!Bodies.insert(llvm::xxHash64(FR.Body)).second) {
      note(Final->Full, "same content as a page already read; skipped");
      continue;
    }
    if (O.Crawl && !It.Seed && !Sites.count(Final->Site)) {
      note(U->Full, "redirects off the site to " + Final->Full);
      continue;
    }
    auto Type = pageTypeFor(FR.ContentType, Final->Path);
    if (!Type) {
      note(Final->Full, "not a text page (" + FR.ContentType + "); skipped");
      continue;
    }
    if (O.Crawl && *Type == FileType::Html) {
      PageLinks L = extractLinks(FR.Body);
      if (!L.NoFollow) {
        std::string Base = Final->Full;
        if (!L.BaseHref.empty())
          if (auto B = parseUrl(L.BaseHref, Final->Full))
            Base = B->Full;
        for (const std::string &H : L.Hrefs)
          if (auto Link = parseUrl(H, Base))
            enqueue(Link->Full, false);
        progress();
      }
    }
    if (Wanted && CB.Page)
      CB.Page({Final->Full, std::move(FR.Body), *Type});
  }
}

} // namespace

void crawl(llvm::ArrayRef<std::string> Seeds, const CrawlOptions &Opts,
           const CrawlCallbacks &CB) {
  Crawl(Opts, CB).run(Seeds);
}

} // namespace claimlint
