//===- Audit/Robots.h - robots.txt --------------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The Robots Exclusion Protocol (RFC 9309) as a crawler obeys it: the group
/// for our product token (else "*"), Allow/Disallow patterns with '*' and a
/// final '$', the longest match winning and Allow winning ties. Crawl-delay
/// and Sitemap lines are read too.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_ROBOTS_H
#define CLAIMLINT_AUDIT_ROBOTS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

class RobotsTxt {
public:
  /// Parses \p Text for the crawler named \p Agent (e.g. "claimlint").
  static RobotsTxt parse(llvm::StringRef Text, llvm::StringRef Agent);
  /// Everything allowed (no robots.txt, or a 4xx answer).
  static RobotsTxt allowAll() { return RobotsTxt(); }
  /// Nothing allowed (robots.txt could not be fetched: 5xx, network).
  static RobotsTxt disallowAll();

  /// \p PathAndQuery starts with '/'.
  bool allowed(llvm::StringRef PathAndQuery) const;
  /// Seconds between requests the site asks for, or 0.
  double crawlDelay() const { return Delay; }
  const std::vector<std::string> &sitemaps() const { return Sitemaps; }

private:
  struct Rule {
    std::string Pattern;
    bool Allow;
  };
  std::vector<Rule> Rules;
  std::vector<std::string> Sitemaps;
  double Delay = 0;
};

/// Whether robots pattern \p Pattern matches \p Path from its start.
bool robotsPatternMatches(llvm::StringRef Pattern, llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_ROBOTS_H
