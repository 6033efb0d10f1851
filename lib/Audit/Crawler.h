//===- Audit/Crawler.h - Live pages and same-site crawls ---------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Fetches the URLs given on the command line and, with crawling on, the
/// same-site pages they link to and the site's sitemap lists, in
/// breadth-first order, obeying robots.txt, with a request rate limit, a
/// page budget and a timeout per request. Everything is reported through
/// callbacks, on the calling thread, in a deterministic order for a given
/// site.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_CRAWLER_H
#define CLAIMLINT_AUDIT_CRAWLER_H

#include "Markup/Reader.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>
#include <string>

namespace claimlint {

struct CrawlOptions {
  bool Crawl = false;      ///< follow same-site links and sitemaps
  unsigned MaxPages = 500; ///< pages fetched at most when crawling
  double Rate = 2;         ///< requests per second; 0: no limit
  unsigned TimeoutSeconds = 30;
  std::string UserAgent = "claimlint";
  std::string RobotsToken = "claimlint"; ///< our name in robots.txt
};

struct CrawledPage {
  std::string Url; ///< where the page was read from, after redirects
  std::string Body;
  FileType Type = FileType::Html;
};

struct CrawlCallbacks {
  std::function<void(CrawledPage &&)> Page;
  /// A URL given on the command line could not be read.
  std::function<void(const std::string &Url, const std::string &Why)> Error;
  /// Something skipped: robots.txt, a broken link, a non-text page.
  std::function<void(const std::string &Url, const std::string &Why)> Note;
  /// Whether to hand a page on (sharding). When crawling, other pages are
  /// still read for their links; otherwise they are not fetched at all.
  std::function<bool(const std::string &Url)> Wanted;
  std::function<void(size_t Fetched, size_t Known)> Progress;
};

/// Fetches \p Seeds (and with Crawl, what they lead to).
void crawl(llvm::ArrayRef<std::string> Seeds, const CrawlOptions &Opts,
           const CrawlCallbacks &CB);

/// The reader for a response's Content-Type (and URL when the type says
/// nothing), or None for a response that is not text.
llvm::Optional<FileType> pageTypeFor(llvm::StringRef ContentType,
                                     llvm::StringRef Url);

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_CRAWLER_H
